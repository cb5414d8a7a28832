import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACCOUNT_STATUS_LABELS, type AccountStatus, AccountStatus as Status, IMPERSONATION_STATES, type ImpersonationState, hasNamingError } from '@ggsm/domain';
import { DataSource, In } from 'typeorm';
import type { RequestContext } from '../auth/request-context';
import { ClaimedUrlsService } from '../claimed-urls/claimed-urls.service';
import { GovernanceService } from '../governance/governance.service';
import { ImpersonationReportsService } from '../impersonation/impersonation-reports.service';
import { ScopeService } from '../org-units/scope.service';
import { SocialAccountEntity } from '../social-accounts/social-account.entity';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import type { DashboardCountModel, DashboardModel } from './dashboard.model';

/**
 * The home page's figures. Counts go through the services' own `count` with the filter the linked list
 * uses, so a number and the list behind it cannot disagree; the two checks that need the rules engine
 * assess the active accounts in one batch.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: SocialAccountsService,
    private readonly claims: ClaimedUrlsService,
    private readonly governance: GovernanceService,
    private readonly cases: ImpersonationReportsService,
    private readonly scope: ScopeService,
  ) {}

  async dashboard(ctx: RequestContext): Promise<DashboardModel> {
    const count = (filter: Parameters<SocialAccountsService['count']>[1]) => this.accounts.count(ctx, filter);
    const statuses = Object.values(Status) as AccountStatus[];
    const [platforms, units] = await Promise.all([
      this.db.query(`SELECT key, name FROM platform ORDER BY name`) as Promise<{ key: string; name: string }[]>,
      // Top-level units: the services directly under the municipality (or the root itself when it is alone).
      this.db.query(`SELECT u.id, u.name FROM org_unit u JOIN org_unit r ON r.id = u.parent_id AND r.parent_id IS NULL ORDER BY u.name`) as Promise<{ id: string; name: string }[]>,
    ]);
    const byStatus = await Promise.all(statuses.map(async (s) => ({ key: s, label: ACCOUNT_STATUS_LABELS[s].nl, count: await count({ status: s }) })));
    const byPlatform = await Promise.all(platforms.map(async (p) => ({ key: p.key, label: p.name, count: await count({ status: Status.ACTIVE, platformId: p.key }) })));
    const byUnit = await Promise.all(units.map(async (u) => ({ key: u.id, label: u.name, count: await count({ status: Status.ACTIVE, orgUnitId: u.id }) })));
    const open = IMPERSONATION_STATES.filter((st) => st !== 'CLOSED' && st !== 'DISMISSED') as ImpersonationState[];
    const casesByState = await Promise.all(open.map(async (st) => ({ key: st, label: st, count: await this.cases.count(ctx, { state: st }) })));
    const [reviewsOverdue, tooFewOwners, defunctPlatform, urlsExpiring, urlsExpired, casesOverdue, compliance] = await Promise.all([
      count({ reviewOverdue: true }),
      count({ flag: 'TOO_FEW_OWNERS' }),
      count({ flag: 'DEFUNCT_PLATFORM' }),
      this.claims.count(ctx, { expiringWithinDays: 90 }),
      this.claims.count(ctx, { expiryState: 'EXPIRED' }),
      this.cases.count(ctx, { open: true, overdue: true }),
      this.compliance(ctx),
    ]);
    const nonZero = (rows: DashboardCountModel[]) => rows.filter((r) => r.count > 0);
    return {
      accountsByStatus: byStatus,
      activeByPlatform: nonZero(byPlatform),
      activeByUnit: nonZero(byUnit),
      activeTotal: byStatus.find((s) => s.key === Status.ACTIVE)?.count ?? 0,
      ...compliance,
      reviewsOverdue,
      tooFewOwners,
      defunctPlatform,
      submittedWaiting: byStatus.find((s) => s.key === Status.SUBMITTED)?.count ?? 0,
      drafts: byStatus.find((s) => s.key === Status.DRAFT)?.count ?? 0,
      urlsExpiring,
      urlsExpired,
      openCasesByState: nonZero(casesByState),
      casesOverdue,
      casesInLegalReview: casesByState.find((c) => c.key === 'LEGAL_REVIEW')?.count ?? 0,
    };
  }

  /** Naming and house-style compliance of the active accounts the caller may see. */
  private async compliance(ctx: RequestContext): Promise<Pick<DashboardModel, 'activeNamingErrors' | 'activeChecklistIncomplete'>> {
    const visible = await this.scope.visibleUnitIds(ctx.user);
    const rows = await this.db.manager.find(SocialAccountEntity, {
      where: { status: Status.ACTIVE, ...(visible === null ? {} : { orgUnitId: In(visible) }) },
      order: { normalizedHandle: 'ASC' },
    });
    const assessed = await this.governance.assessMany(this.db.manager, rows);
    const naming: string[] = [];
    const checklist: string[] = [];
    for (const row of rows) {
      const a = assessed.get(row.id);
      if (!a) continue;
      if (!row.namingWaiverReason && hasNamingError(a.naming)) naming.push(row.id);
      if (a.checklist.some((c) => c.required && c.state !== 'PASS' && c.state !== 'NOT_APPLICABLE')) checklist.push(row.id);
    }
    return { activeNamingErrors: { count: naming.length, ids: naming }, activeChecklistIncomplete: { count: checklist.length, ids: checklist } };
  }
}
