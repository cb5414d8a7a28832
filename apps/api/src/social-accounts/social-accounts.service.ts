import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import {
  AccountStatus,
  DomainError,
  ErrorCode,
  OwnerRole,
  accountHandleViolations,
  cleanHandleInput,
  normalizeClaimedUrl,
  handleSkeleton,
  resolveAccountHandle,
  reviewDueAt,
} from '@ggsm/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
import { type ListArgs, pageOf } from '../common/list.args';
import { notFound, sortColumn, writeUnique } from '../common/sorting';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { OrgUnitsService } from '../org-units/org-units.service';
import { ScopeService } from '../org-units/scope.service';
import { versionConflict } from '../common/versioned';
import { PeopleService } from '../people/people.service';
import { PlatformsService } from '../platforms/platforms.service';
import { type ReviewIntervalOf, ReviewIntervalsService } from '../review-intervals/review-intervals.service';
import type {
  CreateSocialAccountArgs,
  SocialAccountFieldsArgs,
  SocialAccountFilter,
  UpdateSocialAccountArgs,
} from './social-account.args';
import { AccountOwnerEntity, SocialAccountEntity } from './social-account.entity';
import type { SocialAccountModel } from './social-account.model';

const SORTABLE = {
  handle: 'a.normalized_handle',
  displayName: 'a.display_name',
  platformId: 'a.platform_key',
  kind: 'a.kind',
  status: 'a.status',
  legacy: 'a.legacy',
  createdAt: 'a.created_at',
  updatedAt: 'a.updated_at',
  nextReviewAt: 'a.next_review_at',
};
const ACCOUNT = { nl: 'Account', en: 'Account' };
const HANDLE_FIELDS_LOCKED = {
  nl: 'Platform en handle liggen vast zodra een account is ingediend: een nieuwe naam is een nieuw account (de oude blijft van ons).',
  en: 'Platform and handle are fixed once an account is submitted: a new name is a new account (the old one stays ours).',
};

interface ResolvedHandle {
  platformKey: string;
  handle: string;
  normalizedHandle: string;
  handleSkeleton: string;
  profileUrl: string;
}

@Injectable()
export class SocialAccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: OrgUnitsService,
    private readonly people: PeopleService,
    private readonly platforms: PlatformsService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly reviewIntervals: ReviewIntervalsService,
  ) {}

  private async query(ctx: RequestContext, filter: SocialAccountFilter = {}) {
    const qb = this.db.getRepository(SocialAccountEntity).createQueryBuilder('a');
    // An editor's lists hold only its own units' accounts: the same rule as for a single read.
    const visible = await this.scope.visibleUnitIds(ctx.user);
    if (visible !== null) qb.andWhere('a.org_unit_id = ANY(:visible)', { visible });
    if (filter.q?.trim()) {
      const q = `%${cleanHandleInput(filter.q)}%`;
      qb.andWhere(new Brackets((b) => b.where('a.handle ILIKE :q', { q }).orWhere('a.display_name ILIKE :q', { q })));
    }
    if (filter.ids) qb.andWhere('a.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.platformId) qb.andWhere('a.platform_key = :platform', { platform: filter.platformId });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.legacy !== undefined && filter.legacy !== null) qb.andWhere('a.legacy = :legacy', { legacy: filter.legacy });
    if (filter.reviewOverdue !== undefined && filter.reviewOverdue !== null) {
      qb.andWhere(filter.reviewOverdue ? FLAG_SQL.REVIEW_OVERDUE : `NOT ${FLAG_SQL.REVIEW_OVERDUE}`);
    }
    if (filter.flag && filter.flag in FLAG_SQL) qb.andWhere(FLAG_SQL[filter.flag as keyof typeof FLAG_SQL]);
    if (filter.orgUnitId) {
      qb.andWhere('a.org_unit_id = ANY(:units)', { units: await this.units.subtreeIds(filter.orgUnitId) });
    }
    return qb;
  }

  async list(ctx: RequestContext, args: ListArgs, filter?: SocialAccountFilter): Promise<SocialAccountModel[]> {
    const page = pageOf(args);
    const rows = await (await this.query(ctx, filter))
      .leftJoinAndSelect('a.owners', 'o')
      .orderBy(sortColumn(args.sortField, SORTABLE, 'a.normalized_handle'), page.order)
      .addOrderBy('a.id')
      .addOrderBy('o.position')
      // skip/take (not offset/limit): pages count accounts, not joined owner rows.
      .skip(page.skip)
      .take(page.take)
      .getMany();
    return rows.map(toSocialAccountModel);
  }

  /** The SQL-computed signals of accounts the caller has already been allowed to see, in one query. */
  async sqlFlags(ids: readonly string[]): Promise<Map<string, string[]>> {
    const cols = Object.entries(FLAG_SQL).map(([k, sql]) => `${sql} AS "${k}"`).join(', ');
    const rows: Record<string, unknown>[] = await this.db.query(`SELECT a.id, ${cols} FROM social_account a WHERE a.id = ANY($1)`, [ids]);
    return new Map(rows.map((row) => [row.id as string, Object.keys(FLAG_SQL).filter((k) => row[k] === true)]));
  }

  async count(ctx: RequestContext, filter?: SocialAccountFilter): Promise<number> {
    return (await this.query(ctx, filter)).getCount();
  }

  async get(ctx: RequestContext, id: string): Promise<SocialAccountModel> {
    return toSocialAccountModel(await this.load(this.db.manager, ctx, id));
  }

  create(ctx: RequestContext, args: CreateSocialAccountArgs): Promise<SocialAccountModel> {
    return this.db.transaction(async (m) => {
      await this.units.mustExist(m, args.orgUnitId, 'orgUnitId', ctx.user);
      const resolved = await this.resolveHandle(m, args.platformId, args.handle, args.legacy ?? false);
      await this.checkOwners(m, ctx, args);
      const row = m.create(SocialAccountEntity, {
        ...resolved,
        displayName: args.displayName?.trim() || null,
        orgUnitId: args.orgUnitId,
        kind: args.kind,
        purposes: unique(args.purposes ?? []),
        bio: args.bio?.trim() || null,
        openingHours: args.openingHours?.trim() || null,
        responseTime: args.responseTime?.trim() || null,
        languages: unique(args.languages ?? []),
        autoPostingSource: args.autoPostingSource?.trim() || null,
        archivingArrangement: args.archivingArrangement?.trim() || null,
        notes: args.notes?.trim() || null,
        status: AccountStatus.DRAFT,
        legacy: args.legacy ?? false,
        // No override unless one is given: the account follows its kind's interval.
        reviewIntervalMonths: args.reviewIntervalMonths ?? null,
      });
      await this.insertHandle(m, row);
      await this.replaceOwners(m, row.id, args.primaryOwnerId ?? null, args.backupOwnerIds ?? []);
      const created = toSocialAccountModel(await this.load(m, ctx, row.id));
      await this.audit.record(m, ctx, { action: 'social_account.created', entityType: 'SocialAccount', entityId: row.id, after: created });
      await this.linkClaimedProfile(m, ctx, row);
      return created;
    });
  }

  update(ctx: RequestContext, args: UpdateSocialAccountArgs): Promise<SocialAccountModel> {
    return this.db.transaction(async (m) => {
      const row = await this.load(m, ctx, args.id, true);
      const before = toSocialAccountModel(row);
      if (args.version !== row.version) throw versionConflict(ACCOUNT);
      const legacy = args.legacy ?? row.legacy;
      const platformKey = args.platformId ?? row.platformKey;
      const handleInput = args.handle ?? row.handle;
      if (platformKey !== row.platformKey || handleInput !== row.handle) {
        const resolved = await this.resolveHandle(m, platformKey, handleInput, legacy, row.id);
        if (resolved.platformKey !== row.platformKey || resolved.normalizedHandle !== row.normalizedHandle) {
          if (row.status !== AccountStatus.DRAFT) {
            throw new DomainError(ErrorCode.BAD_USER_INPUT, HANDLE_FIELDS_LOCKED, [
              { field: 'handle', code: 'HANDLE_LOCKED', message: HANDLE_FIELDS_LOCKED },
            ]);
          }
        }
        Object.assign(row, resolved);
      }
      if (args.orgUnitId !== undefined) {
        await this.units.mustExist(m, args.orgUnitId, 'orgUnitId', ctx.user);
        row.orgUnitId = args.orgUnitId;
      }
      const reviewBefore = { kind: row.kind, reviewIntervalMonths: row.reviewIntervalMonths };
      if (args.kind !== undefined) row.kind = args.kind;
      applyFields(row, args);
      // Another kind or override moves the next review, counted from the last one as always.
      if (row.lastReviewedAt && (row.kind !== reviewBefore.kind || row.reviewIntervalMonths !== reviewBefore.reviewIntervalMonths)) {
        row.nextReviewAt = reviewDueAt(row.lastReviewedAt, await this.reviewIntervals.effectiveMonths(m, row));
      }
      const owners = ownersOf(row);
      const primaryOwnerId = args.primaryOwnerId !== undefined ? args.primaryOwnerId : owners.primaryOwnerId;
      const backupOwnerIds = args.backupOwnerIds ?? owners.backupOwnerIds;
      await this.checkOwners(m, ctx, { primaryOwnerId, backupOwnerIds }, [
        ...(owners.primaryOwnerId ? [owners.primaryOwnerId] : []),
        ...owners.backupOwnerIds,
      ]);
      delete row.owners;
      const handleTaken = () => this.handleTaken(m, row.platformKey, row.normalizedHandle);
      await writeUnique(m, async () => {
        // The version column makes this a compare-and-set: a concurrent save loses, not overwrites.
        const result = await m
          .createQueryBuilder()
          .update(SocialAccountEntity)
          .set(columnsOf(row))
          .where('id = :id AND version = :version', { id: row.id, version: row.version })
          .execute();
        if (result.affected !== 1) throw versionConflict(ACCOUNT);
      }, handleTaken);
      await this.replaceOwners(m, row.id, primaryOwnerId ?? null, backupOwnerIds);
      const after = toSocialAccountModel(await this.load(m, ctx, row.id));
      await this.audit.record(m, ctx, { action: 'social_account.updated', entityType: 'SocialAccount', entityId: row.id, before, after });
      return after;
    });
  }

  /** The review interval that applies to an account (its override, else its kind's), inside the caller's transaction. */
  effectiveReviewMonths(m: EntityManager, account: ReviewIntervalOf): Promise<number> {
    return this.reviewIntervals.effectiveMonths(m, account);
  }

  /** Validates with the domain rules, normalises, and refuses a handle we already hold. */
  private async resolveHandle(m: EntityManager, platformKey: string, input: string, legacy: boolean, selfId?: string): Promise<ResolvedHandle> {
    const platform = await this.platforms.mustExist(m, platformKey);
    // The same rules as the bulk import (libs/domain/src/account-import.ts): defunct platforms, handle syntax.
    const violations = accountHandleViolations(platformKey, platform, input, legacy);
    if (violations.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, violations[0].message, violations);
    }
    const { handle, normalizedHandle, profileUrl } = resolveAccountHandle(platformKey, input);
    const taken = await m.findOne(SocialAccountEntity, { where: { platformKey, normalizedHandle } });
    if (taken && taken.id !== selfId) throw await this.handleTaken(m, platformKey, normalizedHandle);
    return { platformKey, handle, normalizedHandle, handleSkeleton: handleSkeleton(handle), profileUrl };
  }

  private async handleTaken(m: EntityManager, platformKey: string, normalizedHandle: string): Promise<DomainError> {
    const holder = await m
      .createQueryBuilder(SocialAccountEntity, 'a')
      .innerJoin(OrgUnitEntity, 'u', 'u.id = a.org_unit_id')
      .select(['a.handle AS handle', 'u.name AS unit'])
      .where('a.platform_key = :platformKey AND a.normalized_handle = :normalizedHandle', { platformKey, normalizedHandle })
      .getRawOne<{ handle: string; unit: string }>();
    return handleTakenError(normalizedHandle, holder);
  }

  /**
   * A profile address we claimed before the account was registered (PLATFORM_VANITY, the URL policy)
   * links itself to the account now, with one audit event on the claim.
   */
  private async linkClaimedProfile(m: EntityManager, ctx: RequestContext, row: SocialAccountEntity): Promise<void> {
    let normalized: string;
    try {
      normalized = normalizeClaimedUrl(row.profileUrl, 'PLATFORM_VANITY').normalized;
    } catch {
      return; // a platform whose profile addresses are not claimable (e.g. a phone number)
    }
    const linked: { claimed_url_id: string }[] = await m.query(
      `INSERT INTO claimed_url_account (claimed_url_id, account_id)
       SELECT id, $2 FROM claimed_url WHERE normalized = $1 AND kind = 'PLATFORM_VANITY'
       ON CONFLICT DO NOTHING RETURNING claimed_url_id`,
      [normalized, row.id],
    );
    for (const { claimed_url_id } of linked) {
      await this.audit.record(m, ctx, {
        action: 'claimed_url.account_linked',
        entityType: 'ClaimedUrl',
        entityId: claimed_url_id,
        after: { accountId: row.id },
        reason: 'account registered for a claimed profile address',
      });
    }
  }

  private async insertHandle(m: EntityManager, row: SocialAccountEntity): Promise<void> {
    await writeUnique(m, () => m.insert(SocialAccountEntity, row), () => this.handleTaken(m, row.platformKey, row.normalizedHandle));
  }

  /** Owners named anew must be active people the caller may see; those already on the account stay. */
  private async checkOwners(
    m: EntityManager,
    ctx: RequestContext,
    args: { primaryOwnerId?: string | null; backupOwnerIds?: string[] },
    current: string[] = [],
  ): Promise<void> {
    const backups = args.backupOwnerIds ?? [];
    if (args.primaryOwnerId && backups.includes(args.primaryOwnerId)) {
      const text = { nl: 'De eerste eigenaar kan niet ook reserve-eigenaar zijn.', en: 'The primary owner cannot also be a backup owner.' };
      throw new DomainError(ErrorCode.BAD_USER_INPUT, text, [{ field: 'backupOwnerIds', code: 'OWNER_TWICE', message: text }]);
    }
    const added = (ids: string[]) => unique(ids).filter((id) => !current.includes(id));
    if (args.primaryOwnerId) await this.people.mustBeActive(m, added([args.primaryOwnerId]), 'primaryOwnerId', ctx);
    await this.people.mustBeActive(m, added(backups), 'backupOwnerIds', ctx);
  }

  private async replaceOwners(m: EntityManager, accountId: string, primary: string | null, backups: string[]): Promise<void> {
    await m.delete(AccountOwnerEntity, { accountId });
    const rows = [
      ...(primary ? [{ accountId, personId: primary, role: OwnerRole.PRIMARY, position: 0 }] : []),
      ...unique(backups).map((personId, i) => ({ accountId, personId, role: OwnerRole.BACKUP, position: i + 1 })),
    ];
    if (rows.length) await m.insert(AccountOwnerEntity, rows);
  }

  /** One account the caller may see; another unit's account is NOT_FOUND, exactly like a missing one. */
  async load(m: EntityManager, ctx: RequestContext, id: string, lock = false): Promise<SocialAccountEntity> {
    const qb = m.createQueryBuilder(SocialAccountEntity, 'a').where('a.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    if (!row || !(await this.scope.canSeeUnit(ctx.user, row.orgUnitId, m))) throw notFound(ACCOUNT);
    row.owners = await m.find(AccountOwnerEntity, { where: { accountId: id }, order: { position: 'ASC' } });
    return row;
  }
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** HANDLE_TAKEN, naming the holder's handle and unit (also the bulk import's answer per row). */
export function handleTakenError(normalizedHandle: string, holder?: { handle: string; unit: string }): DomainError {
  const text = {
    nl: `Dit account is al geregistreerd als @${holder?.handle ?? normalizedHandle} (${holder?.unit ?? 'onbekend onderdeel'}).`,
    en: `This account is already registered as @${holder?.handle ?? normalizedHandle} (${holder?.unit ?? 'unknown unit'}).`,
  };
  return new DomainError(ErrorCode.HANDLE_TAKEN, text, [{ field: 'handle', code: 'HANDLE_TAKEN', message: text }]);
}

function applyFields(row: SocialAccountEntity, args: SocialAccountFieldsArgs): void {
  const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);
  const set = <K extends keyof SocialAccountEntity>(key: K, value: SocialAccountEntity[K] | undefined) => {
    if (value !== undefined) row[key] = value;
  };
  set('displayName', text(args.displayName));
  set('purposes', args.purposes ? unique(args.purposes) : undefined);
  set('bio', text(args.bio));
  set('openingHours', text(args.openingHours));
  set('responseTime', text(args.responseTime));
  set('languages', args.languages ? unique(args.languages) : undefined);
  set('autoPostingSource', text(args.autoPostingSource));
  set('archivingArrangement', text(args.archivingArrangement));
  set('notes', text(args.notes));
  set('legacy', args.legacy ?? undefined);
  // null clears the override (the account follows its kind); undefined keeps it.
  set('reviewIntervalMonths', args.reviewIntervalMonths);
}

/** The editable columns of a row, for a plain UPDATE (the version column bumps itself). */
function columnsOf(row: SocialAccountEntity): Partial<SocialAccountEntity> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, owners: _o, ...columns } = row;
  return columns;
}

function ownersOf(row: SocialAccountEntity): { primaryOwnerId: string | null; backupOwnerIds: string[] } {
  const owners = row.owners ?? [];
  return {
    primaryOwnerId: owners.find((o) => o.role === OwnerRole.PRIMARY)?.personId ?? null,
    backupOwnerIds: owners.filter((o) => o.role === OwnerRole.BACKUP).map((o) => o.personId),
  };
}

/** The signals that SQL can compute; NAMING_ERROR needs the naming rules and is added by the governance module. */
export const FLAG_SQL = {
  DEFUNCT_PLATFORM: `(a.status <> 'ARCHIVED' AND EXISTS (SELECT 1 FROM platform pf WHERE pf.key = a.platform_key AND pf.status = 'DEFUNCT'))`,
  TOO_FEW_OWNERS: `((SELECT count(*) FROM account_owner ao JOIN person pp ON pp.id = ao.person_id WHERE ao.account_id = a.id AND pp.active) < 2)`,
  REVIEW_OVERDUE: `(a.status = 'ACTIVE' AND (a.next_review_at IS NULL OR a.next_review_at < now()))`,
} as const;

export function toSocialAccountModel(row: SocialAccountEntity): SocialAccountModel {
  return {
    id: row.id,
    platformId: row.platformKey,
    handle: row.handle,
    normalizedHandle: row.normalizedHandle,
    displayName: row.displayName,
    profileUrl: row.profileUrl,
    orgUnitId: row.orgUnitId,
    kind: row.kind,
    purposes: row.purposes,
    bio: row.bio,
    openingHours: row.openingHours,
    responseTime: row.responseTime,
    languages: row.languages,
    autoPostingSource: row.autoPostingSource,
    archivingArrangement: row.archivingArrangement,
    notes: row.notes,
    ...ownersOf(row),
    status: row.status,
    legacy: row.legacy,
    reviewIntervalMonths: row.reviewIntervalMonths,
    lastReviewedAt: row.lastReviewedAt,
    nextReviewAt: row.nextReviewAt,
    requestedById: row.requestedById,
    requestedAt: row.requestedAt,
    approvedById: row.approvedById,
    approvedAt: row.approvedAt,
    namingWaiverReason: row.namingWaiverReason ?? null,
    namingWaivedById: row.namingWaivedById ?? null,
    namingWaivedAt: row.namingWaivedAt ?? null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
