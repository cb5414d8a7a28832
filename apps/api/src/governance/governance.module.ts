import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PlatformsModule } from '../platforms/platforms.module';
import { SocialAccountsModule } from '../social-accounts/social-accounts.module';
import { AccountFlagsResolver } from './account-flags.resolver';
import { GovernanceResolver } from './governance.resolver';
import { GovernanceService } from './governance.service';
import { RulesService } from './rules.service';

@Module({
  imports: [OrgUnitsModule, PlatformsModule, SocialAccountsModule],
  providers: [RulesService, GovernanceService, GovernanceResolver, AccountFlagsResolver],
  exports: [RulesService, GovernanceService],
})
export class GovernanceModule {}
