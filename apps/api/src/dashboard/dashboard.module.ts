import { Module } from '@nestjs/common';
import { ClaimedUrlsModule } from '../claimed-urls/claimed-urls.module';
import { GovernanceModule } from '../governance/governance.module';
import { ImpersonationModule } from '../impersonation/impersonation.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { SocialAccountsModule } from '../social-accounts/social-accounts.module';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

@Module({ imports: [SocialAccountsModule, ClaimedUrlsModule, GovernanceModule, ImpersonationModule, OrgUnitsModule], providers: [DashboardService, DashboardResolver] })
export class DashboardModule {}
