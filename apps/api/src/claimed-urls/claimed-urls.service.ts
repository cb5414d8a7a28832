import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, In } from 'typeorm';
import {
  ClaimedUrlKind,
  ClaimedUrlStatus,
  DomainError,
  ErrorCode,
  type LocalizedText,
  type NormalizedClaimedUrl,
  daysUntilExpiry,
  domainLookalikes,
  expiryState,
  expiryWarningThreshold,
  hostToAscii,
  hostToUnicode,
  normalizeClaimedUrl,
} from '@ggsm/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
import { type ListArgs, MAX_PER_PAGE, pageOf } from '../common/list.args';
import { notFound, sortColumn, writeUnique } from '../common/sorting';
import { editableColumns, updateVersioned, versionConflict } from '../common/versioned';
import { OrgUnitsService } from '../org-units/org-units.service';
import { ScopeService } from '../org-units/scope.service';
import { PlatformsService } from '../platforms/platforms.service';
import { SocialAccountEntity } from '../social-accounts/social-account.entity';
import type { ClaimedUrlFieldsArgs, ClaimedUrlFilter, CreateClaimedUrlArgs, DomainLookalikesArgs, UpdateClaimedUrlArgs } from './claimed-url.args';
import { ClaimedUrlAccountEntity, ClaimedUrlEntity } from './claimed-url.entity';
import type { ClaimedUrlModel, DomainLookalikeModel } from './claimed-url.model';

const CLAIM: LocalizedText = { nl: 'Geclaimde URL', en: 'Claimed URL' };
const SORTABLE = {
  value: 'c.normalized',
  normalized: 'c.normalized',
  valueUnicode: 'c.normalized',
  kind: 'c.kind',
  purpose: 'c.purpose',
  status: 'c.status',
  registrar: 'c.registrar',
  registeredAt: 'c.registered_at',
  expiresAt: 'c.expires_at',
  daysUntilExpiry: 'c.expires_at',
  expiryState: 'c.expires_at',
  autoRenew: 'c.auto_renew',
  orgUnitId: 'c.org_unit_id',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};
/** The calendar day in UTC, as the domain's expiry functions count. */
const TODAY = `(now() AT TIME ZONE 'UTC')::date`;
const EXPIRY_SQL = {
  EXPIRED: `c.expires_at < ${TODAY}`,
  EXPIRING: `c.expires_at BETWEEN ${TODAY} AND ${TODAY} + 90`,
  OK: `c.expires_at > ${TODAY} + 90`,
} as const;
const DEFAULT_LOOKALIKES = 200;

const bad = (field: string, code: string, message: LocalizedText) => new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field, code, message }]);
const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);

/**
 * The municipality's claimed domains, subdomains, pages and profile addresses (the URL policy). Who may
 * see and change a claim follows its unit, exactly as for accounts: editors within their unit subtree
 * (another unit's claim is NOT_FOUND), everyone else reads the whole register.
 */
@Injectable()
export class ClaimedUrlsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: OrgUnitsService,
    private readonly platforms: PlatformsService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  private async query(ctx: RequestContext, filter: ClaimedUrlFilter = {}) {
    const qb = this.db.getRepository(ClaimedUrlEntity).createQueryBuilder('c');
    const visible = await this.scope.visibleUnitIds(ctx.user);
    if (visible !== null) qb.andWhere('c.org_unit_id = ANY(:visible)', { visible });
    if (filter.q?.trim()) {
      const q = `%${filter.q.trim()}%`;
      // Someone searching for "bücher" finds the claim stored as xn--bcher-kva.
      const ascii = `%${hostToAscii(filter.q.trim()) ?? filter.q.trim()}%`;
      qb.andWhere(
        new Brackets((b) =>
          b.where('c.value ILIKE :q', { q }).orWhere('c.normalized ILIKE :q', { q }).orWhere('c.normalized ILIKE :ascii', { ascii }).orWhere('c.registrar ILIKE :q', { q }),
        ),
      );
    }
    if (filter.ids) qb.andWhere('c.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.orgUnitId) qb.andWhere('c.org_unit_id = ANY(:units)', { units: await this.units.subtreeIds(filter.orgUnitId) });
    if (filter.accountId) {
      qb.andWhere('EXISTS (SELECT 1 FROM claimed_url_account l WHERE l.claimed_url_id = c.id AND l.account_id = :accountId)', { accountId: filter.accountId });
    }
    if (filter.purpose) qb.andWhere('c.purpose = :purpose', { purpose: filter.purpose });
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.expiryState) qb.andWhere(EXPIRY_SQL[filter.expiryState]);
    if (filter.expiringWithinDays !== undefined && filter.expiringWithinDays !== null) {
      qb.andWhere(`c.status = 'ACTIVE' AND c.expires_at BETWEEN ${TODAY} AND ${TODAY} + CAST(:within AS int)`, { within: filter.expiringWithinDays });
    }
    return qb;
  }

  async list(ctx: RequestContext, args: ListArgs, filter?: ClaimedUrlFilter): Promise<ClaimedUrlModel[]> {
    const page = pageOf(args);
    const rows = await (await this.query(ctx, filter))
      .orderBy(sortColumn(args.sortField, SORTABLE, 'c.normalized'), page.order, page.order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST')
      .addOrderBy('c.id')
      .offset(page.skip)
      .limit(page.take)
      .getMany();
    return this.toModels(this.db.manager, ctx, rows);
  }

  async count(ctx: RequestContext, filter?: ClaimedUrlFilter): Promise<number> {
    return (await this.query(ctx, filter)).getCount();
  }

  /** ACTIVE claims that expire today or within `withinDays` days, soonest first (the expiry watch). */
  expiring(ctx: RequestContext, withinDays: number): Promise<ClaimedUrlModel[]> {
    return this.list(ctx, { sortField: 'expiresAt', sortOrder: 'ASC', perPage: MAX_PER_PAGE }, { expiringWithinDays: withinDays });
  }

  async get(ctx: RequestContext, id: string): Promise<ClaimedUrlModel> {
    const [model] = await this.toModels(this.db.manager, ctx, [await this.load(this.db.manager, ctx, id)]);
    return model as ClaimedUrlModel;
  }

  create(ctx: RequestContext, args: CreateClaimedUrlArgs): Promise<ClaimedUrlModel> {
    return this.db.transaction(async (m) => {
      await this.units.mustExist(m, args.orgUnitId, 'orgUnitId', ctx.user);
      const claim = await this.normalize(m, args.value, args.kind);
      await this.refuseTaken(m, claim.normalized);
      const row = m.create(ClaimedUrlEntity, {
        ...claimColumns(claim),
        orgUnitId: args.orgUnitId,
        purpose: args.purpose,
        registrar: text(args.registrar) ?? null,
        registeredAt: args.registeredAt ?? null,
        expiresAt: args.expiresAt ?? null,
        autoRenew: args.autoRenew ?? false,
        status: args.status ?? ClaimedUrlStatus.ACTIVE,
        notes: text(args.notes) ?? null,
      });
      checkDates(row);
      await writeUnique(m, () => m.insert(ClaimedUrlEntity, row), () => this.urlTaken(m, claim.normalized), 'claimed_url_normalized_uq');
      await this.linkAccounts(m, ctx, row, args.accountIds ?? [], []);
      await this.audit.record(m, ctx, { action: 'claimed_url.created', entityType: 'ClaimedUrl', entityId: row.id, after: auditShape(await this.modelOf(m, ctx, row.id, true)) });
      return this.modelOf(m, ctx, row.id);
    });
  }

  update(ctx: RequestContext, args: UpdateClaimedUrlArgs): Promise<ClaimedUrlModel> {
    return this.db.transaction(async (m) => {
      const row = await this.load(m, ctx, args.id, true);
      const current = await this.linkedIds(m, [row.id]);
      const before = auditShape(await this.modelOf(m, ctx, row.id, true));
      if (args.version !== row.version) throw versionConflict(CLAIM);
      if ((args.value !== undefined && args.value !== row.value) || (args.kind !== undefined && args.kind !== row.kind)) {
        const claim = await this.normalize(m, args.value ?? row.value, args.kind ?? row.kind);
        if (claim.normalized !== row.normalized) await this.refuseTaken(m, claim.normalized);
        Object.assign(row, claimColumns(claim));
      }
      if (args.orgUnitId !== undefined) {
        await this.units.mustExist(m, args.orgUnitId, 'orgUnitId', ctx.user);
        row.orgUnitId = args.orgUnitId;
      }
      if (args.purpose !== undefined) row.purpose = args.purpose;
      if (args.status !== undefined) row.status = args.status;
      applyFields(row, args);
      checkDates(row);
      await writeUnique(m, () => updateVersioned(m, ClaimedUrlEntity, { id: row.id }, args.version, editableColumns(row), CLAIM), () => this.urlTaken(m, row.normalized), 'claimed_url_normalized_uq');
      await this.linkAccounts(m, ctx, row, args.accountIds ?? current.get(row.id) ?? [], current.get(row.id) ?? []);
      const after = auditShape(await this.modelOf(m, ctx, row.id, true));
      await this.audit.record(m, ctx, { action: 'claimed_url.updated', entityType: 'ClaimedUrl', entityId: row.id, before, after });
      return this.modelOf(m, ctx, row.id);
    });
  }

  /** Typo variants of a domain, each saying whether we hold it already (an ACTIVE DOMAIN claim). */
  async lookalikes(args: DomainLookalikesArgs): Promise<DomainLookalikeModel[]> {
    const rows: { normalized: string }[] = await this.db.query(`SELECT normalized FROM claimed_url WHERE kind = 'DOMAIN' AND status = 'ACTIVE'`);
    return domainLookalikes(args.domain, { claimed: rows.map((r) => r.normalized), limit: args.limit ?? DEFAULT_LOOKALIKES });
  }

  /** One claim the caller may see; another unit's claim is NOT_FOUND, exactly like a missing one. */
  private async load(m: EntityManager, ctx: RequestContext, id: string, lock = false): Promise<ClaimedUrlEntity> {
    const qb = m.createQueryBuilder(ClaimedUrlEntity, 'c').where('c.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    if (!row || !(await this.scope.canSeeUnit(ctx.user, row.orgUnitId, m))) throw notFound(CLAIM);
    return row;
  }

  /** `everyLink`: the audit trail records every linked account, also those the caller cannot see. */
  private async modelOf(m: EntityManager, ctx: RequestContext, id: string, everyLink = false): Promise<ClaimedUrlModel> {
    const row = await m.findOneByOrFail(ClaimedUrlEntity, { id });
    return (await this.toModels(m, ctx, [row], everyLink))[0] as ClaimedUrlModel;
  }

  private async normalize(m: EntityManager, value: string, kind: string | null | undefined): Promise<NormalizedClaimedUrl> {
    const claim = normalizeClaimedUrl(value, kind);
    if (claim.platform) await this.platforms.mustExist(m, claim.platform);
    return claim;
  }

  private async refuseTaken(m: EntityManager, normalized: string): Promise<void> {
    const [taken] = await m.query('SELECT 1 FROM claimed_url WHERE normalized = $1', [normalized]);
    if (taken) throw await this.urlTaken(m, normalized);
  }

  /** URL_TAKEN names the unit that holds the claim, like HANDLE_TAKEN does for accounts. */
  private async urlTaken(m: EntityManager, normalized: string): Promise<DomainError> {
    const [holder]: { kind: string; normalized: string; unit: string; status: string }[] = await m.query(
      'SELECT c.kind, c.normalized, c.status, u.name AS unit FROM claimed_url c JOIN org_unit u ON u.id = c.org_unit_id WHERE c.normalized = $1',
      [normalized],
    );
    const shown = holder ? unicodeOf(holder.kind, holder.normalized) : normalized;
    const released = holder && holder.status !== ClaimedUrlStatus.ACTIVE;
    const message = {
      nl: `${shown} staat al in het register (${holder?.unit ?? 'onbekend onderdeel'})${released ? '; zet die registratie weer op actief in plaats van een nieuwe aan te maken' : ''}.`,
      en: `${shown} is already in the register (${holder?.unit ?? 'unknown unit'})${released ? '; set that claim active again instead of creating a new one' : ''}.`,
    };
    return new DomainError(ErrorCode.URL_TAKEN, message, [{ field: 'value', code: 'URL_TAKEN', message }]);
  }

  /**
   * Sets the accounts of a claim: those named (each must exist and be visible to the caller), the ones
   * already linked that the caller cannot see (an editor cannot unlink what it cannot see), and for a
   * profile address the registered account with that platform and handle, when the caller may see it.
   */
  private async linkAccounts(m: EntityManager, ctx: RequestContext, row: ClaimedUrlEntity, named: readonly string[], current: readonly string[]): Promise<void> {
    const wanted = unique(named);
    const fresh = wanted.filter((id) => !current.includes(id));
    const found = fresh.length ? await m.find(SocialAccountEntity, { where: { id: In(fresh) }, select: { id: true, orgUnitId: true } }) : [];
    for (const id of fresh) {
      const account = found.find((a) => a.id === id);
      if (!account || !(await this.scope.canSeeUnit(ctx.user, account.orgUnitId, m))) {
        throw bad('accountIds', 'ACCOUNT_UNKNOWN', { nl: 'Een gekoppeld account bestaat niet.', en: 'A linked account does not exist.' });
      }
    }
    const keep = current.length
      ? (await m.find(SocialAccountEntity, { where: { id: In([...current]) }, select: { id: true, orgUnitId: true } })).filter((a) => !wanted.includes(a.id))
      : [];
    const hidden: string[] = [];
    for (const a of keep) if (!(await this.scope.canSeeUnit(ctx.user, a.orgUnitId, m))) hidden.push(a.id);
    const ids = [...wanted, ...hidden];
    if (row.kind === ClaimedUrlKind.PLATFORM_VANITY && row.platformKey && row.handle) {
      const account = await m.findOne(SocialAccountEntity, { where: { platformKey: row.platformKey, normalizedHandle: row.handle }, select: { id: true, orgUnitId: true } });
      if (account && !ids.includes(account.id) && (await this.scope.canSeeUnit(ctx.user, account.orgUnitId, m))) ids.push(account.id);
    }
    const same = ids.length === current.length && ids.every((id) => current.includes(id));
    if (same) return;
    await m.delete(ClaimedUrlAccountEntity, { claimedUrlId: row.id });
    if (ids.length) await m.insert(ClaimedUrlAccountEntity, ids.map((accountId) => ({ claimedUrlId: row.id, accountId })));
  }

  private async linkedIds(m: EntityManager, ids: readonly string[], visible: string[] | null = null): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!ids.length) return out;
    const rows: { claimed_url_id: string; account_id: string }[] = await m.query(
      `SELECT l.claimed_url_id, l.account_id FROM claimed_url_account l JOIN social_account a ON a.id = l.account_id
        WHERE l.claimed_url_id = ANY($1) AND ($2::uuid[] IS NULL OR a.org_unit_id = ANY($2)) ORDER BY l.created_at, l.account_id`,
      [ids, visible],
    );
    for (const r of rows) out.set(r.claimed_url_id, [...(out.get(r.claimed_url_id) ?? []), r.account_id]);
    return out;
  }

  private async toModels(m: EntityManager, ctx: RequestContext, rows: readonly ClaimedUrlEntity[], everyLink = false): Promise<ClaimedUrlModel[]> {
    const links = await this.linkedIds(m, rows.map((r) => r.id), everyLink ? null : await this.scope.visibleUnitIds(ctx.user, m));
    const now = new Date();
    return rows.map((r) => toClaimedUrlModel(r, links.get(r.id) ?? [], now));
  }
}

function claimColumns(c: NormalizedClaimedUrl): Pick<ClaimedUrlEntity, 'value' | 'kind' | 'normalized' | 'host' | 'registrableDomain' | 'platformKey' | 'handle'> {
  return { value: c.value, kind: c.kind, normalized: c.normalized, host: c.host, registrableDomain: c.registrableDomain, platformKey: c.platform ?? null, handle: c.handle ?? null };
}

function applyFields(row: ClaimedUrlEntity, args: ClaimedUrlFieldsArgs): void {
  const set = <K extends keyof ClaimedUrlEntity>(key: K, value: ClaimedUrlEntity[K] | undefined) => {
    if (value !== undefined) row[key] = value;
  };
  set('registrar', text(args.registrar));
  set('registeredAt', args.registeredAt);
  set('expiresAt', args.expiresAt);
  set('autoRenew', args.autoRenew ?? undefined);
  set('notes', text(args.notes));
}

function checkDates(row: ClaimedUrlEntity): void {
  if (row.registeredAt && row.expiresAt && row.registeredAt > row.expiresAt) {
    throw bad('expiresAt', 'DATE_ORDER', { nl: 'De vervaldatum ligt vóór de registratiedatum.', en: 'The expiry date is before the registration date.' });
  }
}

/** The normalised value for display: hosts in Unicode; a path and a profile key stay as they are. */
function unicodeOf(kind: string, normalized: string): string {
  if (kind === ClaimedUrlKind.PLATFORM_VANITY) return normalized;
  const slash = normalized.indexOf('/');
  return slash < 0 ? hostToUnicode(normalized) : hostToUnicode(normalized.slice(0, slash)) + normalized.slice(slash);
}

export function toClaimedUrlModel(row: ClaimedUrlEntity, accountIds: string[], now: Date = new Date()): ClaimedUrlModel {
  const active = row.status === ClaimedUrlStatus.ACTIVE;
  return {
    id: row.id,
    value: row.value,
    kind: row.kind,
    normalized: row.normalized,
    valueUnicode: unicodeOf(row.kind, row.normalized),
    host: row.host,
    hostUnicode: hostToUnicode(row.host),
    registrableDomain: row.registrableDomain,
    registrableDomainUnicode: hostToUnicode(row.registrableDomain),
    platformId: row.platformKey,
    handle: row.handle,
    orgUnitId: row.orgUnitId,
    purpose: row.purpose,
    registrar: row.registrar,
    registeredAt: row.registeredAt,
    expiresAt: row.expiresAt,
    autoRenew: row.autoRenew,
    status: row.status,
    notes: row.notes,
    accountIds,
    expiryState: expiryState(row.expiresAt, now),
    daysUntilExpiry: daysUntilExpiry(row.expiresAt, now),
    // Warnings are for what we hold: a released campaign domain may lapse in peace.
    warningThreshold: active ? expiryWarningThreshold(row.expiresAt, now) : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the audit trail keeps: the stored facts, not what is computed from today's date. */
function auditShape(model: ClaimedUrlModel): Record<string, unknown> {
  const { expiryState: _s, daysUntilExpiry: _d, warningThreshold: _w, valueUnicode: _v, hostUnicode: _h, registrableDomainUnicode: _r, ...stored } = model;
  return stored;
}
