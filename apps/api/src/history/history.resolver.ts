import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuditEventModel } from '../audit/audit-event.model';
import { AuditHistoryArgs } from '../audit/audit.args';
import { AuditService } from '../audit/audit.service';
import { AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { ClaimedUrlsService } from '../claimed-urls/claimed-urls.service';
import { ImpersonationReportsService } from '../impersonation/impersonation-reports.service';
import { RulesService } from '../governance/rules.service';
import { OrgUnitsService } from '../org-units/org-units.service';
import { PeopleService } from '../people/people.service';
import { PlatformsService } from '../platforms/platforms.service';
import { ReviewIntervalsService } from '../review-intervals/review-intervals.service';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import { UsersService } from '../users/users.service';
import { Role } from '@ggsm/domain';
import { DomainError, ErrorCode } from '@ggsm/domain';

/**
 * The History tab of one record: whoever may read the record may read its history, and nobody
 * else (an editor asking for another unit's account gets NOT_FOUND from the record's own service).
 */
@Resolver(() => AuditEventModel)
export class HistoryResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly accounts: SocialAccountsService,
    private readonly units: OrgUnitsService,
    private readonly people: PeopleService,
    private readonly platforms: PlatformsService,
    private readonly users: UsersService,
    private readonly rules: RulesService,
    private readonly reviewIntervals: ReviewIntervalsService,
    private readonly claimedUrls: ClaimedUrlsService,
    private readonly impersonationReports: ImpersonationReportsService,
  ) {}

  @AllowAuthenticated()
  @Query(() => [AuditEventModel], { description: 'The audit events of one record, oldest first.' })
  async auditHistory(@Ctx() ctx: RequestContext, @Args() args: AuditHistoryArgs): Promise<AuditEventModel[]> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    // Platforms and review intervals are keyed by a code ("x", "CAMPAIGN"), the others by a uuid.
    if (args.entityType !== 'Platform' && args.entityType !== 'ReviewInterval' && !uuid.test(args.entityId)) {
      throw new DomainError(ErrorCode.NOT_FOUND, { nl: 'Niet gevonden.', en: 'Not found.' });
    }
    switch (args.entityType) {
      case 'SocialAccount':
        await this.accounts.get(ctx, args.entityId);
        break;
      case 'OrgUnit':
        await this.units.get(ctx, args.entityId);
        break;
      case 'Person':
        await this.people.get(ctx, args.entityId);
        break;
      case 'Platform':
        await this.platforms.get(args.entityId);
        break;
      case 'NamingRule':
        await this.rules.getRule(args.entityId);
        break;
      case 'ChecklistItem':
        await this.rules.getItem(args.entityId);
        break;
      case 'ReviewInterval':
        await this.reviewIntervals.get(args.entityId);
        break;
      case 'ClaimedUrl':
        await this.claimedUrls.get(ctx, args.entityId);
        break;
      case 'ImpersonationReport':
        await this.impersonationReports.get(ctx, args.entityId);
        break;
      case 'User':
        // A user's history (logins, role changes) is for those who manage or audit users, and the user.
        if (!ctx.user?.roles.some((r) => r === Role.ADMIN || r === Role.AUDITOR) && ctx.user?.id !== args.entityId) {
          throw new DomainError(ErrorCode.NOT_FOUND, { nl: 'Gebruiker niet gevonden.', en: 'User not found.' });
        }
        await this.users.get(args.entityId);
        break;
    }
    return this.audit.history(args.entityType, args.entityId);
  }
}
