import { Module } from '@nestjs/common';
import { GovernanceModule } from '../governance/governance.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PeopleModule } from '../people/people.module';
import { PlatformsModule } from '../platforms/platforms.module';
import { SocialAccountsModule } from '../social-accounts/social-accounts.module';
import { UsersModule } from '../users/users.module';
import { HistoryResolver } from './history.resolver';

@Module({ imports: [GovernanceModule, OrgUnitsModule, PeopleModule, PlatformsModule, SocialAccountsModule, UsersModule], providers: [HistoryResolver] })
export class HistoryModule {}
