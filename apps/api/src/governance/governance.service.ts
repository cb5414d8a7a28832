import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import {
  type AccountKind,
  type AccountStep,
  type ApprovalInput,
  type ApprovalProblem,
  type ChecklistResult,
  type NamingRule,
  approvalProblems,
  DomainError,
  ErrorCode,
  type NamingViolation,
  assertApprovable,
  checkNamingRules,
  hasNamingError,
  cleanHandleInput,
  evaluateChecklist,
  normalizeHandle,
  parseHandleInput,
  planStep,
  profileUrl,
  reviewDueAt,
} from '@ggsm/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
import { updateVersioned, versionConflict } from '../common/versioned';
import { notifyAccountStep } from '../notifications/outbox';
import { OrgUnitsService } from '../org-units/org-units.service';
import { PlatformsService } from '../platforms/platforms.service';
import type { SocialAccountEntity } from '../social-accounts/social-account.entity';
import { SocialAccountEntity as AccountTable } from '../social-accounts/social-account.entity';
import type { SocialAccountModel } from '../social-accounts/social-account.model';
import { SocialAccountsService, toSocialAccountModel } from '../social-accounts/social-accounts.service';
import type { AttestChecklistItemArgs, CheckHandleArgs } from './governance.args';
import { ChecklistAttestationEntity } from './governance.entities';
import type { ChecklistResultModel, HandleCheckModel, NamingViolationModel } from './governance.models';
import { RulesService, toDomainItem, toDomainRule } from './rules.service';

const ACCOUNT = { nl: 'Account', en: 'Account' };
/** The municipality as a bio should name it, when the tree has no root unit (it always has one). */
const MUNICIPALITY = 'Gemeente Groningen';

const toViolationModel = (v: NamingViolation): NamingViolationModel => ({ ruleKey: v.ruleKey, severity: v.severity, code: v.code, message: v.message.en, messageNl: v.message.nl });

export interface StepInput {
  id: string;
  version: number;
  reason?: string | null;
}

/** What an account's governance needs at once: its naming problems and checklist, as they stand now. */
interface Assessment {
  naming: NamingViolation[];
  checklist: ChecklistResult[];
  ownersActive: number;
  attestations: ChecklistAttestationEntity[];
}

interface RegisteredHandle {
  platform: string;
  handle: string;
}

interface NamingContext {
  rules: NamingRule[];
  units: Map<string, { id: string; parentId: string | null; name: string; handlePrefix: string | null }>;
  registered: RegisteredHandle[];
}

export interface AccountSignals {
  namingError: boolean;
  approvalProblems: ApprovalProblem[];
}

/** Naming check, checklist, attestations, the naming waiver and the lifecycle steps of an account. */
@Injectable()
export class GovernanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: RulesService,
    private readonly accounts: SocialAccountsService,
    private readonly units: OrgUnitsService,
    private readonly platforms: PlatformsService,
    private readonly audit: AuditService,
  ) {}

  /** What naming checks need besides the handle: the rules, the unit tree and our registered handles. */
  private async namingContext(m: EntityManager, platforms: readonly string[]): Promise<NamingContext> {
    const [rules, units, registered] = await Promise.all([
      this.rules.activeRules(m),
      m.query(`SELECT id, parent_id, name, handle_prefix FROM org_unit`) as Promise<{ id: string; parent_id: string | null; name: string; handle_prefix: string | null }[]>,
      m.query(`SELECT platform_key AS platform, handle FROM social_account WHERE platform_key = ANY($1)`, [[...new Set(platforms)]]) as Promise<RegisteredHandle[]>,
    ]);
    return {
      rules: rules.map(toDomainRule),
      units: new Map(units.map((u) => [u.id, { id: u.id, parentId: u.parent_id, name: u.name, handlePrefix: u.handle_prefix }])),
      registered,
    };
  }

  private naming(
    cx: NamingContext,
    input: { platform: string; handle: string; kind?: AccountKind | null; unitId: string | null; legacy?: boolean },
  ): NamingViolation[] {
    const unit = input.unitId ? cx.units.get(input.unitId) : undefined;
    const ancestorIds: string[] = [];
    // The unit tree is small and acyclic (org-units guards that); the bound keeps a bad row from looping.
    for (let up = unit?.parentId; up && ancestorIds.length < cx.units.size; up = cx.units.get(up)?.parentId) ancestorIds.push(up);
    return checkNamingRules({
      platform: input.platform,
      handle: input.handle,
      // No kind: rules limited to some kinds are left out, the others still apply.
      kind: (input.kind ?? undefined) as AccountKind,
      orgUnit: unit ? { id: unit.id, handlePrefix: unit.handlePrefix, ancestorIds } : { id: '', handlePrefix: null, ancestorIds: [] },
      rules: cx.rules,
      registered: cx.registered,
      legacy: input.legacy,
    }).violations;
  }

  async checkHandle(ctx: RequestContext, args: CheckHandleArgs): Promise<HandleCheckModel> {
    const m = this.db.manager;
    const platform = await m.query(`SELECT key FROM platform WHERE key = $1`, [args.platform.trim().toLowerCase()]);
    if (!platform.length) {
      const text = { nl: `Platform "${args.platform}" bestaat niet.`, en: `Platform "${args.platform}" does not exist.` };
      throw new DomainError(ErrorCode.BAD_USER_INPUT, text, [{ field: 'platform', code: 'PLATFORM_UNKNOWN', message: text }]);
    }
    const key = platform[0].key as string;
    const unit = args.orgUnitId ? await this.units.mustExist(m, args.orgUnitId, 'orgUnitId', ctx.user) : null;
    const violations = this.naming(await this.namingContext(m, [key]), { platform: key, handle: args.handle, kind: args.kind, unitId: unit?.id ?? null });
    let normalizedHandle: string | null = null;
    let url: string | null = null;
    if (!violations.some((v) => v.ruleKey === 'platform_syntax')) {
      try {
        const handle = parseHandleInput(key, args.handle)?.handle ?? cleanHandleInput(args.handle);
        normalizedHandle = normalizeHandle(key, handle);
        url = profileUrl(key, handle);
      } catch {
        normalizedHandle = null;
      }
    }
    return { normalizedHandle, profileUrl: url, violations: violations.map(toViolationModel) };
  }

  /**
   * Naming, checklist and owners of several accounts at once, in a fixed number of queries whatever their
   * number: lists ask for every row's signals.
   */
  async assessMany(m: EntityManager, rows: readonly SocialAccountEntity[]): Promise<Map<string, Assessment>> {
    const ids = rows.map((r) => r.id);
    const [cx, items, owners, attestations, claimed] = await Promise.all([
      this.namingContext(m, rows.map((r) => r.platformKey)),
      this.rules.activeItems(m),
      m.query(
        `SELECT o.account_id, p.active, p.guidelines_acknowledged_at FROM account_owner o JOIN person p ON p.id = o.person_id WHERE o.account_id = ANY($1)`,
        [ids],
      ) as Promise<{ account_id: string; active: boolean; guidelines_acknowledged_at: Date | null }[]>,
      m.find(ChecklistAttestationEntity, { where: { accountId: In(ids) }, order: { attestedAt: 'ASC' } }),
      // The hosts we hold (a DOMAIN claim's host is its registrable domain; a SUBDOMAIN's or URL's counts for that host only).
      m.query(`SELECT DISTINCT host FROM claimed_url WHERE status = 'ACTIVE' AND kind IN ('DOMAIN','SUBDOMAIN','URL')`) as Promise<{ host: string }[]>,
    ]);
    const root = [...cx.units.values()].find((u) => u.parentId === null);
    const municipalityName = root?.name ?? MUNICIPALITY;
    const domainItems = items.map(toDomainItem);
    const out = new Map<string, Assessment>();
    for (const row of rows) {
      const naming = this.naming(cx, { platform: row.platformKey, handle: row.handle, kind: row.kind, unitId: row.orgUnitId, legacy: row.legacy });
      const mine = owners.filter((o) => o.account_id === row.id);
      const attested = attestations.filter((a) => a.accountId === row.id);
      const checklist = evaluateChecklist({
        account: { ...row, platform: row.platformKey },
        owners: mine.map((o) => ({ active: o.active, guidelinesAcknowledgedAt: o.guidelines_acknowledged_at })),
        unit: { name: cx.units.get(row.orgUnitId)?.name ?? '' },
        municipalityName,
        // A waiver is the recorded exception: the checklist item then passes like the approval gate does.
        namingViolations: row.namingWaiverReason ? naming.filter((v) => v.severity !== 'ERROR') : naming,
        claimedDomains: claimed.length ? claimed.map((c) => c.host) : null,
        attestations: attested.map((a) => ({ itemKey: a.itemKey, passed: a.passed, note: a.note, evidenceUrl: a.evidenceUrl, at: a.attestedAt, id: a.id })),
        items: domainItems,
      });
      out.set(row.id, { naming, checklist, ownersActive: mine.filter((o) => o.active).length, attestations: attested });
    }
    return out;
  }

  /** Account rows by id, for callers that were already allowed to see them (missing ids are left out). */
  rowsByIds(ids: readonly string[]): Promise<SocialAccountEntity[]> {
    return this.db.manager.findBy(AccountTable, { id: In([...ids]) });
  }

  private async assess(m: EntityManager, row: SocialAccountEntity): Promise<Assessment> {
    return (await this.assessMany(m, [row])).get(row.id) as Assessment;
  }

  /**
   * Per account: whether its name breaks today's rules without a waiver, and what stands between it and
   * its approval by `approverId` now (DRAFT and SUBMITTED accounts; the others are past that gate).
   */
  async signals(rows: readonly SocialAccountEntity[], approverId: string): Promise<Map<string, AccountSignals>> {
    const assessed = await this.assessMany(this.db.manager, rows);
    const out = new Map<string, AccountSignals>();
    for (const row of rows) {
      const a = assessed.get(row.id) as Assessment;
      const gate = row.status === 'DRAFT' || row.status === 'SUBMITTED';
      out.set(row.id, {
        namingError: !row.namingWaiverReason && hasNamingError(a.naming),
        approvalProblems: gate ? approvalProblems(this.gateInput(row, a, approverId)) : [],
      });
    }
    return out;
  }

  private gateInput(row: SocialAccountEntity, a: Assessment, approverId: string): ApprovalInput {
    return {
      checklist: a.checklist,
      namingViolations: a.naming,
      waiverReason: row.namingWaiverReason,
      ownersActive: a.ownersActive,
      requestedById: row.requestedById,
      approverId,
    };
  }

  accountChecklist(ctx: RequestContext, accountId: string): Promise<ChecklistResultModel[]> {
    return this.accountChecklistIn(this.db.manager, ctx, accountId);
  }

  attest(ctx: RequestContext, args: AttestChecklistItemArgs): Promise<ChecklistResultModel[]> {
    return this.db.transaction(async (m) => {
      const row = await this.accounts.load(m, ctx, args.accountId, true);
      const item = (await this.rules.activeItems(m)).find((i) => i.key.toLowerCase() === args.itemKey.trim().toLowerCase());
      if (!item || item.mode !== 'ATTESTATION') {
        const text = item
          ? { nl: `"${item.key}" wordt automatisch gecontroleerd en kan niet worden beoordeeld.`, en: `"${item.key}" is checked automatically and cannot be attested.` }
          : { nl: `Er is geen actief checklistpunt "${args.itemKey}".`, en: `There is no active checklist item "${args.itemKey}".` };
        throw new DomainError(ErrorCode.BAD_USER_INPUT, text, [{ field: 'itemKey', code: item ? 'ITEM_AUTOMATIC' : 'ITEM_UNKNOWN', message: text }]);
      }
      const note = args.note?.trim() || null;
      const evidenceUrl = args.evidenceUrl?.trim() || null;
      const attestedAt = new Date();
      await m.insert(ChecklistAttestationEntity, { accountId: row.id, itemKey: item.key, passed: args.passed, note, evidenceUrl, attestedById: ctx.user?.id ?? null, attestedAt });
      await this.audit.record(m, ctx, {
        action: 'social_account.checklist_attested',
        entityType: 'SocialAccount',
        entityId: row.id,
        after: { itemKey: item.key, passed: args.passed, note, evidenceUrl },
        reason: note,
      });
      return this.accountChecklistIn(m, ctx, row.id);
    });
  }

  private async accountChecklistIn(m: EntityManager, ctx: RequestContext, id: string): Promise<ChecklistResultModel[]> {
    const row = await this.accounts.load(m, ctx, id);
    const { checklist, attestations } = await this.assess(m, row);
    return checklist.map((r) => {
      const a = r.attestation ? attestations.find((x) => x.id === (r.attestation as { id?: string }).id) : undefined;
      return {
        key: r.key,
        titleNl: r.title.nl,
        titleEn: r.title.en,
        mode: r.mode,
        required: r.required,
        state: r.state,
        reasonNl: r.reason.nl,
        reasonEn: r.reason.en,
        attestation: a ? { id: a.id, itemKey: a.itemKey, passed: a.passed, note: a.note, evidenceUrl: a.evidenceUrl, attestedById: a.attestedById, attestedAt: a.attestedAt } : null,
      };
    });
  }

  waiveNamingErrors(ctx: RequestContext, input: StepInput): Promise<SocialAccountModel> {
    return this.db.transaction(async (m) => {
      const row = await this.accounts.load(m, ctx, input.id, true);
      if (input.version !== row.version) throw versionConflict(ACCOUNT);
      const before = toSocialAccountModel(row);
      await updateVersioned(
        m,
        AccountTable,
        { id: row.id },
        input.version,
        { namingWaiverReason: (input.reason ?? '').trim(), namingWaivedById: ctx.user?.id ?? null, namingWaivedAt: new Date() },
        ACCOUNT,
      );
      const after = toSocialAccountModel(await this.accounts.load(m, ctx, row.id));
      await this.audit.record(m, ctx, { action: 'social_account.naming_waived', entityType: 'SocialAccount', entityId: row.id, before, after, reason: input.reason });
      return after;
    });
  }

  /**
   * One lifecycle step: the caller's scope (another unit's account is NOT_FOUND), the version it saw, the
   * roles and the transition (planStep), the approval gate, one compare-and-set UPDATE and one audit event.
   */
  step(ctx: RequestContext, step: AccountStep, action: string, input: StepInput): Promise<SocialAccountModel> {
    return this.db.transaction(async (m) => {
      const row = await this.accounts.load(m, ctx, input.id, true);
      if (input.version !== row.version) throw versionConflict(ACCOUNT);
      const plan = planStep(step, row.status, ctx.user?.roles ?? [], input.reason === undefined ? undefined : input.reason);
      const before = toSocialAccountModel(row);
      const now = new Date();
      const columns: Partial<SocialAccountEntity> = { status: plan.to };
      let checklist: ChecklistResult[] | undefined;
      switch (step) {
        case 'submit':
          columns.requestedById = ctx.user?.id ?? null;
          columns.requestedAt = now;
          break;
        case 'approve': {
          const assessment = await this.assess(m, row);
          assertApprovable(this.gateInput(row, assessment, ctx.user?.id ?? ''));
          checklist = assessment.checklist;
          columns.approvedById = ctx.user?.id ?? null;
          columns.approvedAt = now;
          columns.lastReviewedAt = now;
          columns.nextReviewAt = reviewDueAt(now, await this.accounts.effectiveReviewMonths(m, row));
          break;
        }
        case 'review':
          columns.lastReviewedAt = now;
          columns.nextReviewAt = reviewDueAt(now, await this.accounts.effectiveReviewMonths(m, row));
          break;
        default:
          break;
      }
      await updateVersioned(m, AccountTable, { id: row.id }, input.version, columns, ACCOUNT);
      const after = toSocialAccountModel(await this.accounts.load(m, ctx, row.id));
      await this.audit.record(m, ctx, {
        action,
        entityType: 'SocialAccount',
        entityId: row.id,
        before,
        // The approval keeps the checklist as it stood when the account was approved.
        after: checklist ? { ...after, checklist: checklist.map((c) => ({ key: c.key, state: c.state, required: c.required, reason: c.reason })) } : after,
        reason: input.reason?.trim() || null,
      });
      await notifyAccountStep(m, ctx, step, after, input.reason);
      return after;
    });
  }
}

