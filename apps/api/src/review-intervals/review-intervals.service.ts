import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ACCOUNT_KINDS, type AccountKind } from '@ggsm/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
import { type ListArgs, pageOf } from '../common/list.args';
import { notFound, sortColumn } from '../common/sorting';
import { updateVersioned } from '../common/versioned';
import type { ReviewIntervalFilter, UpdateReviewIntervalArgs } from './review-interval.args';
import { ReviewIntervalEntity } from './review-interval.entity';
import type { ReviewIntervalModel } from './review-interval.model';

const INTERVAL = { nl: 'Beoordelingstermijn', en: 'Review interval' };
/** The kinds in the policy's order (ORGANISATIONAL first), not the alphabet's. The values are the domain's constants. */
const KIND_ORDER = `array_position(ARRAY[${ACCOUNT_KINDS.map((k) => `'${k}'`).join(',')}]::text[], r.kind)`;
const SORTABLE = { id: KIND_ORDER, kind: KIND_ORDER, months: 'r.months', updatedAt: 'r.updated_at' };

/**
 * The next review of every account of `kind` that follows its kind and was reviewed before: calendar months
 * in UTC with the day clamped to the month's end, exactly the domain's `reviewDueAt` (tested against it).
 * The accounts keep their version: nothing an editor typed changed, so an open form must not conflict.
 */
const RECOMPUTE_KIND = `
  WITH changed AS (
    UPDATE social_account
       SET next_review_at = (last_reviewed_at AT TIME ZONE 'UTC' + make_interval(months => $2)) AT TIME ZONE 'UTC'
     WHERE kind = $1 AND review_interval_months IS NULL AND last_reviewed_at IS NOT NULL
     RETURNING 1
  )
  SELECT count(*)::int AS n FROM changed`;

export function toReviewIntervalModel(row: ReviewIntervalEntity): ReviewIntervalModel {
  return { id: row.kind, kind: row.kind, months: row.months, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** What an account says about its review interval: its own override, or null to follow its kind. */
export interface ReviewIntervalOf {
  kind: AccountKind;
  reviewIntervalMonths: number | null;
}

/** Review intervals per kind: read by everyone with a role, changed by Communications, never created or deleted. */
@Injectable()
export class ReviewIntervalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  private query(filter: ReviewIntervalFilter = {}) {
    const qb = this.db.getRepository(ReviewIntervalEntity).createQueryBuilder('r');
    if (filter.q?.trim()) qb.andWhere('r.kind ILIKE :q', { q: `%${filter.q.trim()}%` });
    if (filter.ids) qb.andWhere('r.kind IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    return qb;
  }

  async list(args: ListArgs, filter?: ReviewIntervalFilter): Promise<ReviewIntervalModel[]> {
    const page = pageOf(args, 25);
    const rows = await this.query(filter)
      .orderBy(sortColumn(args.sortField, SORTABLE, KIND_ORDER), page.order)
      .addOrderBy('r.kind')
      .offset(page.skip)
      .limit(page.take)
      .getMany();
    return rows.map(toReviewIntervalModel);
  }

  count(filter?: ReviewIntervalFilter): Promise<number> {
    return this.query(filter).getCount();
  }

  async get(kind: string, m: EntityManager = this.db.manager): Promise<ReviewIntervalModel> {
    const row = await m.findOne(ReviewIntervalEntity, { where: { kind: kind as AccountKind } });
    if (!row) throw notFound(INTERVAL);
    return toReviewIntervalModel(row);
  }

  /** The months of every kind at once (seven rows): for lists of accounts, one query instead of one per row. */
  async monthsByKind(m: EntityManager = this.db.manager): Promise<Map<AccountKind, number>> {
    const rows = await m.find(ReviewIntervalEntity);
    return new Map(rows.map((r) => [r.kind, r.months]));
  }

  /** The interval that applies to an account: its own override, else its kind's. */
  async effectiveMonths(m: EntityManager, account: ReviewIntervalOf): Promise<number> {
    if (account.reviewIntervalMonths !== null && account.reviewIntervalMonths !== undefined) return account.reviewIntervalMonths;
    return effectiveMonthsIn(await this.monthsByKind(m), account);
  }

  update(ctx: RequestContext, args: UpdateReviewIntervalArgs): Promise<ReviewIntervalModel> {
    return this.db.transaction(async (m) => {
      const row = await m.findOne(ReviewIntervalEntity, { where: { kind: args.id as AccountKind }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound(INTERVAL);
      const before = toReviewIntervalModel(row);
      await updateVersioned(m, ReviewIntervalEntity, { kind: row.kind }, args.version, { months: args.months }, INTERVAL);
      const [{ n }] = await m.query(RECOMPUTE_KIND, [row.kind, args.months]);
      const after = toReviewIntervalModel(await m.findOneByOrFail(ReviewIntervalEntity, { kind: row.kind }));
      await this.audit.record(m, ctx, {
        action: 'review_interval.updated',
        entityType: 'ReviewInterval',
        entityId: row.kind,
        before,
        // How many accounts got a new next review date with it (those following the kind, reviewed before).
        after: { ...after, recomputedAccounts: Number(n) },
      });
      return after;
    });
  }
}

/** The interval of an account given the months of every kind. A kind without a row is a fault of ours, not input. */
export function effectiveMonthsIn(months: ReadonlyMap<AccountKind, number>, account: ReviewIntervalOf): number {
  if (account.reviewIntervalMonths !== null && account.reviewIntervalMonths !== undefined) return account.reviewIntervalMonths;
  const kindMonths = months.get(account.kind);
  if (kindMonths === undefined) throw new Error(`No review interval for the kind ${account.kind}`);
  return kindMonths;
}
