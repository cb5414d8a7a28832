import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PeopleModule } from '../people/people.module';
import { PlatformsModule } from '../platforms/platforms.module';
import { ReviewIntervalsModule } from '../review-intervals/review-intervals.module';
import { SocialAccountsResolver } from './social-accounts.resolver';
import { SocialAccountsService } from './social-accounts.service';

@Module({
  imports: [OrgUnitsModule, PeopleModule, PlatformsModule, ReviewIntervalsModule],
  providers: [SocialAccountsService, SocialAccountsResolver],
  exports: [SocialAccountsService],
})
export class SocialAccountsModule {}
