import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AccountKind,
  type AccountStep,
  type ChecklistResult,
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
import { OrgUnitEntity } from '../org-units/org-unit.entity';
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

  private async ancestorIds(m: EntityManager, unitId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `WITH RECURSIVE up AS (SELECT parent_id AS id FROM org_unit WHERE id = $1
         UNION ALL SELECT u.parent_id FROM org_unit u JOIN up ON u.id = up.id)
       SELECT id FROM up WHERE id IS NOT NULL`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }

  private async naming(
    m: EntityManager,
    input: { platform: string; handle: string; kind?: AccountKind | null; unit: OrgUnitEntity | null; legacy?: boolean },
  ): Promise<NamingViolation[]> {
    const registered: { platform: string; handle: string }[] = await m.query(`SELECT platform_key AS platform, handle FROM social_account WHERE platform_key = $1`, [input.platform]);
    const orgUnit = input.unit
      ? { id: input.unit.id, handlePrefix: input.unit.handlePrefix, ancestorIds: await this.ancestorIds(m, input.unit.id) }
      : { id: '', handlePrefix: null, ancestorIds: [] };
    return checkNamingRules({
      platform: input.platform,
      handle: input.handle,
      // No kind: rules limited to some kinds are left out, the others still apply.
      kind: (input.kind ?? undefined) as AccountKind,
      orgUnit,
      rules: (await this.rules.activeRules(m)).map(toDomainRule),
      registered,
      legacy: input.legacy,
    }).violations;
  }

  /** Whether today's naming rules give an ERROR for this account's handle (legacy accounts included), with no waiver recorded. */
  async namingError(account: { platformId: string; handle: string; kind: AccountKind; orgUnitId: string; namingWaiverReason: string | null; legacy: boolean }): Promise<boolean> {
    if (account.namingWaiverReason) return false;
    const m = this.db.manager;
    const unit = await m.findOneBy(OrgUnitEntity, { id: account.orgUnitId });
    const violations = await this.naming(m, { platform: account.platformId, handle: account.handle, kind: account.kind, unit, legacy: account.legacy });
    return hasNamingError(violations);
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
    const violations = await this.naming(m, { platform: key, handle: args.handle, kind: args.kind, unit });
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

  private async municipalityName(m: EntityManager): Promise<string> {
    const [root] = await m.query(`SELECT name FROM org_unit WHERE parent_id IS NULL ORDER BY created_at, id LIMIT 1`);
    return (root?.name as string | undefined) ?? MUNICIPALITY;
  }

  private async assess(m: EntityManager, row: SocialAccountEntity): Promise<Assessment & { attestations: ChecklistAttestationEntity[] }> {
    const unit = await m.findOneByOrFail(OrgUnitEntity, { id: row.orgUnitId });
    const naming = await this.naming(m, { platform: row.platformKey, handle: row.handle, kind: row.kind, unit, legacy: row.legacy });
    const owners: { active: boolean; guidelines_acknowledged_at: Date | null }[] = await m.query(
      `SELECT p.active, p.guidelines_acknowledged_at FROM account_owner o JOIN person p ON p.id = o.person_id WHERE o.account_id = $1`,
      [row.id],
    );
    const attestations = await m.find(ChecklistAttestationEntity, { where: { accountId: row.id }, order: { attestedAt: 'ASC' } });
    const checklist = evaluateChecklist({
      account: { ...row, platform: row.platformKey },
      owners: owners.map((o) => ({ active: o.active, guidelinesAcknowledgedAt: o.guidelines_acknowledged_at })),
      unit: { name: unit.name },
      municipalityName: await this.municipalityName(m),
      // A waiver is the recorded exception: the checklist item then passes like the approval gate does.
      namingViolations: row.namingWaiverReason ? naming.filter((v) => v.severity !== 'ERROR') : naming,
      claimedDomains: null,
      attestations: attestations.map((a) => ({ itemKey: a.itemKey, passed: a.passed, note: a.note, evidenceUrl: a.evidenceUrl, at: a.attestedAt, id: a.id })),
      items: (await this.rules.activeItems(m)).map(toDomainItem),
    });
    return { naming, checklist, ownersActive: owners.filter((o) => o.active).length, attestations };
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
          assertApprovable({
            checklist: assessment.checklist,
            namingViolations: assessment.naming,
            waiverReason: row.namingWaiverReason,
            ownersActive: assessment.ownersActive,
            requestedById: row.requestedById,
            approverId: ctx.user?.id ?? '',
          });
          checklist = assessment.checklist;
          columns.approvedById = ctx.user?.id ?? null;
          columns.approvedAt = now;
          columns.lastReviewedAt = now;
          columns.nextReviewAt = reviewDueAt(now, row.reviewIntervalMonths);
          break;
        }
        case 'review':
          columns.lastReviewedAt = now;
          columns.nextReviewAt = reviewDueAt(now, row.reviewIntervalMonths);
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
      return after;
    });
  }
}

