import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FINAL_IMPERSONATION_STATES, type ImpersonationState, REVIEW_REMINDER_DAYS, expiryWarningThreshold, isOverdue, reviewReminderDue } from '@ggsm/domain';
import { ImpersonationReportsService } from '../impersonation/impersonation-reports.service';
import { enqueueNotification } from './outbox';

export interface CheckResult {
  reviewDue: number;
  domainExpiring: number;
  caseOverdue: number;
}

/**
 * The scheduled checks: reviews coming due, claimed domains reaching an expiry warning step (90/60/30/14/7
 * days), open cases past their time limit. Each writes its events with a dedupe key, so a check may run
 * as often as it likes, on every replica at once: an event is written exactly once per key.
 */
@Injectable()
export class NotificationChecksService {
  private readonly log = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: ImpersonationReportsService,
  ) {}

  async run(now: Date = new Date()): Promise<CheckResult> {
    const result = { reviewDue: await this.reviewsDue(now), domainExpiring: await this.domainsExpiring(now), caseOverdue: await this.casesOverdue(now) };
    if (result.reviewDue || result.domainExpiring || result.caseOverdue) {
      this.log.log(`Checks: ${result.reviewDue} review(s) due, ${result.domainExpiring} domain warning(s), ${result.caseOverdue} overdue case(s).`);
    }
    return result;
  }

  /** Once per account and review date (a review sets a new date, and with it a new reminder). */
  private reviewsDue(now: Date): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows: { id: string; platform_key: string; handle: string; org_unit_id: string; unit: string; next_review_at: Date | null }[] = await m.query(
        `SELECT a.id, a.platform_key, a.handle, a.org_unit_id, u.name AS unit, a.next_review_at
         FROM social_account a JOIN org_unit u ON u.id = a.org_unit_id
         WHERE a.status = 'ACTIVE' AND (a.next_review_at IS NULL OR a.next_review_at <= $1::timestamptz + make_interval(days => $2))
         ORDER BY a.id`,
        [now, REVIEW_REMINDER_DAYS],
      );
      let written = 0;
      for (const a of rows) {
        if (!reviewReminderDue(a.next_review_at, now)) continue;
        const due = a.next_review_at ? a.next_review_at.toISOString() : null;
        const ok = await enqueueNotification(m, {
          kind: 'REVIEW_DUE',
          entityType: 'SocialAccount',
          entityId: a.id,
          orgUnitId: a.org_unit_id,
          facts: { platform: a.platform_key, handle: a.handle, unit: a.unit, dueAt: due },
          dedupeKey: `REVIEW_DUE:${a.id}:${due ?? 'never'}`,
        });
        if (ok) written++;
      }
      return written;
    });
  }

  /** Once per claim, expiry date and warning step: a renewal (a new expiry date) starts the steps again. */
  private domainsExpiring(now: Date): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows: { id: string; value: string; org_unit_id: string; unit: string; expires_at: string }[] = await m.query(
        `SELECT c.id, c.value, c.org_unit_id, u.name AS unit, to_char(c.expires_at, 'YYYY-MM-DD') AS expires_at
         FROM claimed_url c JOIN org_unit u ON u.id = c.org_unit_id
         WHERE c.status = 'ACTIVE' AND c.expires_at IS NOT NULL AND c.expires_at BETWEEN ($1::timestamptz AT TIME ZONE 'UTC')::date - 1 AND ($1::timestamptz AT TIME ZONE 'UTC')::date + 91
         ORDER BY c.id`,
        [now],
      );
      let written = 0;
      for (const c of rows) {
        const days = expiryWarningThreshold(c.expires_at, now);
        if (days === null) continue;
        const ok = await enqueueNotification(m, {
          kind: 'DOMAIN_EXPIRING',
          entityType: 'ClaimedUrl',
          entityId: c.id,
          orgUnitId: c.org_unit_id,
          facts: { value: c.value, unit: c.unit, expiresAt: c.expires_at, days },
          dedupeKey: `DOMAIN_EXPIRING:${c.id}:${c.expires_at}:${days}`,
        });
        if (ok) written++;
      }
      return written;
    });
  }

  /** Once per case and state entry: a case that moves on and falls behind again is reported again. */
  private casesOverdue(now: Date): Promise<number> {
    return this.db.transaction(async (m) => {
      const limits = await this.cases.limits(m);
      const rows: {
        id: string;
        reference: string;
        platform_key: string;
        suspect_handle: string;
        state: ImpersonationState;
        state_entered_at: Date;
        org_unit_id: string | null;
      }[] = await m.query(
        `SELECT r.id, r.reference, r.platform_key, r.suspect_handle, r.state, r.state_entered_at, a.org_unit_id
         FROM impersonation_report r LEFT JOIN social_account a ON a.id = COALESCE(r.imitated_account_id, r.suggested_account_id)
         WHERE NOT (r.state = ANY($1))
         ORDER BY r.id`,
        [[...FINAL_IMPERSONATION_STATES]],
      );
      let written = 0;
      for (const r of rows) {
        if (!isOverdue(r.state, r.state_entered_at, now, limits)) continue;
        const ok = await enqueueNotification(m, {
          kind: 'CASE_OVERDUE',
          entityType: 'ImpersonationReport',
          entityId: r.id,
          orgUnitId: r.org_unit_id,
          facts: { reference: r.reference, platform: r.platform_key, suspectHandle: r.suspect_handle, state: r.state },
          dedupeKey: `CASE_OVERDUE:${r.id}:${r.state}:${r.state_entered_at.toISOString()}`,
        });
        if (ok) written++;
      }
      return written;
    });
  }
}
