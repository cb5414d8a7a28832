import { Module } from '@nestjs/common';
import { ClaimedUrlsModule } from '../claimed-urls/claimed-urls.module';
import { GovernanceModule } from '../governance/governance.module';
import { ImpersonationModule } from '../impersonation/impersonation.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PeopleModule } from '../people/people.module';
import { PlatformsModule } from '../platforms/platforms.module';
import { ReviewIntervalsModule } from '../review-intervals/review-intervals.module';
import { SocialAccountsModule } from '../social-accounts/social-accounts.module';
import { UsersModule } from '../users/users.module';
import { HistoryResolver } from './history.resolver';

@Module({ imports: [ClaimedUrlsModule, GovernanceModule, ImpersonationModule, OrgUnitsModule, PeopleModule, PlatformsModule, ReviewIntervalsModule, SocialAccountsModule, UsersModule], providers: [HistoryResolver] })
export class HistoryModule {}
