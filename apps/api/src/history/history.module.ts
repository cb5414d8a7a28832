import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PeopleModule } from '../people/people.module';
import { PlatformsModule } from '../platforms/platforms.module';
import { SocialAccountsModule } from '../social-accounts/social-accounts.module';
import { UsersModule } from '../users/users.module';
import { HistoryResolver } from './history.resolver';

@Module({ imports: [OrgUnitsModule, PeopleModule, PlatformsModule, SocialAccountsModule, UsersModule], providers: [HistoryResolver] })
export class HistoryModule {}
