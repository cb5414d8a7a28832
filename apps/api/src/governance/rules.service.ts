import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import {
  AUTOMATIC_CHECK_KEYS,
  type ChecklistItem,
  DomainError,
  ErrorCode,
  type LocalizedText,
  type NamingRule,
  type NamingRuleType,
  type Violation,
} from '@ggsm/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
import { type ListArgs, pageOf } from '../common/list.args';
import { notFound, sortColumn, writeUnique } from '../common/sorting';
import { editableColumns, updateVersioned } from '../common/versioned';
import type {
  ChecklistItemFilter,
  CreateChecklistItemArgs,
  CreateNamingRuleArgs,
  NamingRuleFilter,
  UpdateChecklistItemArgs,
  UpdateNamingRuleArgs,
} from './governance.args';
import { ChecklistItemEntity, NamingRuleEntity } from './governance.entities';
import type { ChecklistItemModel, NamingRuleModel } from './governance.models';

const RULE = { nl: 'Naamregel', en: 'Naming rule' };
const ITEM = { nl: 'Checklistpunt', en: 'Checklist item' };
const RULE_SORT = { key: 'r.key', type: 'r.type', severity: 'r.severity', sortOrder: 'r.sort_order', active: 'r.active', createdAt: 'r.created_at', updatedAt: 'r.updated_at' };
const ITEM_SORT = { key: 'c.key', titleNl: 'c.title_nl', mode: 'c.mode', sortOrder: 'c.sort_order', active: 'c.active', createdAt: 'c.created_at', updatedAt: 'c.updated_at' };

const bad = (field: string, code: string, message: LocalizedText): Violation => ({ field, code, message });
const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Type-specific checks of a rule's params, one violation per field; a rule that saves is a rule that runs. */
export function ruleParamProblems(type: NamingRuleType, params: Record<string, unknown>): Violation[] {
  const out: Violation[] = [];
  const list = (name: string) => {
    const v = params[name];
    if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string' || x.trim().length === 0)) {
      out.push(bad(`params.${name}`, 'PARAM_LIST_EMPTY', { nl: `"params.${name}" moet een niet-lege lijst van teksten zijn.`, en: `"params.${name}" must be a non-empty list of texts.` }));
    }
  };
  switch (type) {
    case 'MATCH_PATTERN': {
      if (typeof params.pattern !== 'string' || params.pattern.length === 0) {
        out.push(bad('params.pattern', 'PARAM_PATTERN_MISSING', { nl: 'Een patroon is verplicht.', en: 'A pattern is required.' }));
      } else {
        try {
          new RegExp(params.pattern, typeof params.flags === 'string' ? params.flags.replace(/[gy]/g, '') : '');
        } catch (err) {
          const why = (err as Error).message;
          out.push(bad('params.pattern', 'PARAM_PATTERN_INVALID', { nl: `Het patroon is geen geldige reguliere expressie (${why}).`, en: `The pattern is not a valid regular expression (${why}).` }));
        }
      }
      if (params.flags !== undefined && (typeof params.flags !== 'string' || !/^[imsu]*$/.test(params.flags))) {
        out.push(bad('params.flags', 'PARAM_FLAGS_INVALID', { nl: 'Vlaggen: alleen i, m, s en u.', en: 'Flags: only i, m, s and u.' }));
      }
      break;
    }
    case 'ENDS_WITH_ONE_OF':
    case 'STARTS_WITH_ONE_OF':
      list('values');
      if (params.caseInsensitive !== undefined && typeof params.caseInsensitive !== 'boolean') {
        out.push(bad('params.caseInsensitive', 'PARAM_NOT_BOOLEAN', { nl: '"params.caseInsensitive" is waar of onwaar.', en: '"params.caseInsensitive" is true or false.' }));
      }
      break;
    case 'FORBIDDEN_WORDS':
      list('words');
      break;
    case 'MAX_LENGTH':
      if (typeof params.max !== 'number' || !Number.isInteger(params.max) || params.max < 1) {
        out.push(bad('params.max', 'PARAM_MAX_INVALID', { nl: '"params.max" is een geheel getal van minstens 1.', en: '"params.max" is a whole number of at least 1.' }));
      }
      break;
    case 'STARTS_WITH_UNIT_PREFIX':
      break;
  }
  if (JSON.stringify(params).length > 10000) out.push(bad('params', 'PARAM_TOO_LARGE', { nl: 'De parameters zijn te groot.', en: 'The params are too large.' }));
  return out;
}

function checkItemProblems(mode: string, checkKey: string | null): Violation[] {
  if (mode === 'AUTOMATIC' && (!checkKey || !AUTOMATIC_CHECK_KEYS.includes(checkKey as never))) {
    return [bad('checkKey', 'CHECK_KEY_REQUIRED', { nl: `Een automatisch punt noemt zijn controle: ${AUTOMATIC_CHECK_KEYS.join(', ')}.`, en: `An automatic item names its check: ${AUTOMATIC_CHECK_KEYS.join(', ')}.` })];
  }
  if (mode === 'ATTESTATION' && checkKey) {
    return [bad('checkKey', 'CHECK_KEY_NOT_ALLOWED', { nl: 'Een punt ter beoordeling heeft geen automatische controle.', en: 'An attestation item has no automatic check.' })];
  }
  return [];
}

function refuse(violations: Violation[]): void {
  if (violations.length) throw new DomainError(ErrorCode.BAD_USER_INPUT, violations[0].message, violations);
}

const keyTaken = (what: LocalizedText) => {
  const text = { nl: `${what.nl}: deze sleutel bestaat al.`, en: `${what.en}: this key already exists.` };
  return new DomainError(ErrorCode.BAD_USER_INPUT, text, [bad('key', 'KEY_TAKEN', text)]);
};

function cleanScope(scope: { platforms?: string[]; kinds?: string[]; orgUnitIds?: string[] } | undefined) {
  return {
    platforms: unique((scope?.platforms ?? []).map((p) => p.trim().toLowerCase()).filter(Boolean)),
    kinds: unique(scope?.kinds ?? []),
    orgUnitIds: unique(scope?.orgUnitIds ?? []),
  } as NamingRuleEntity['scope'];
}

export function toNamingRuleModel(r: NamingRuleEntity): NamingRuleModel {
  return {
    id: r.id,
    key: r.key,
    type: r.type,
    severity: r.severity,
    params: r.params ?? {},
    scope: { platforms: [...(r.scope?.platforms ?? [])], kinds: [...(r.scope?.kinds ?? [])], orgUnitIds: [...(r.scope?.orgUnitIds ?? [])] },
    messageNl: r.messageNl,
    messageEn: r.messageEn,
    active: r.active,
    sortOrder: r.sortOrder,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toChecklistItemModel(c: ChecklistItemEntity): ChecklistItemModel {
  return { ...c, checkKey: c.checkKey ?? null };
}

/** The stored rule as the domain evaluates it. */
export function toDomainRule(r: NamingRuleEntity): NamingRule {
  return { key: r.key, type: r.type, severity: r.severity, params: r.params as never, scope: r.scope ?? {}, message: { nl: r.messageNl, en: r.messageEn } } as NamingRule;
}

export function toDomainItem(c: ChecklistItemEntity): ChecklistItem {
  return {
    key: c.key,
    title: { nl: c.titleNl, en: c.titleEn },
    guidance: { nl: c.guidanceNl, en: c.guidanceEn },
    required: c.required,
    mode: c.mode,
    kinds: c.kinds,
    platforms: c.platforms,
    purposes: c.purposes,
    ...(c.checkKey ? { check: c.checkKey } : {}),
  };
}

/** Naming rules and checklist items: read by everyone with a role, changed by Communications, never deleted. */
@Injectable()
export class RulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  activeRules(m: EntityManager = this.db.manager): Promise<NamingRuleEntity[]> {
    return m.find(NamingRuleEntity, { where: { active: true }, order: { sortOrder: 'ASC', key: 'ASC' } });
  }

  activeItems(m: EntityManager = this.db.manager): Promise<ChecklistItemEntity[]> {
    return m.find(ChecklistItemEntity, { where: { active: true }, order: { sortOrder: 'ASC', key: 'ASC' } });
  }

  // ---- naming rules ----

  private ruleQuery(filter: NamingRuleFilter = {}) {
    const qb = this.db.getRepository(NamingRuleEntity).createQueryBuilder('r');
    if (filter.q?.trim()) {
      const q = `%${filter.q.trim()}%`;
      qb.andWhere(new Brackets((b) => b.where('r.key ILIKE :q', { q }).orWhere('r.message_nl ILIKE :q', { q }).orWhere('r.message_en ILIKE :q', { q })));
    }
    if (filter.ids) qb.andWhere('r.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.active !== undefined && filter.active !== null) qb.andWhere('r.active = :active', { active: filter.active });
    if (filter.type) qb.andWhere('r.type = :type', { type: filter.type });
    return qb;
  }

  async listRules(args: ListArgs, filter?: NamingRuleFilter): Promise<NamingRuleModel[]> {
    return (await page(this.ruleQuery(filter), args, sortColumn(args.sortField, RULE_SORT, 'r.sort_order'), 'r')).map(toNamingRuleModel);
  }

  countRules(filter?: NamingRuleFilter): Promise<number> {
    return this.ruleQuery(filter).getCount();
  }

  async getRule(id: string, m: EntityManager = this.db.manager): Promise<NamingRuleEntity> {
    const row = await m.findOne(NamingRuleEntity, { where: { id } });
    if (!row) throw notFound(RULE);
    return row;
  }

  createRule(ctx: RequestContext, args: CreateNamingRuleArgs): Promise<NamingRuleModel> {
    const params = args.params ?? {};
    refuse(ruleParamProblems(args.type, params));
    return this.db.transaction(async (m) => {
      const row = m.create(NamingRuleEntity, {
        key: args.key,
        type: args.type,
        severity: args.severity,
        params,
        scope: cleanScope(args.scope),
        messageNl: args.messageNl.trim(),
        messageEn: args.messageEn.trim(),
        active: args.active ?? true,
        sortOrder: args.sortOrder ?? (await nextSortOrder(m, 'naming_rule')),
      });
      await writeUnique(m, () => m.insert(NamingRuleEntity, row as never), () => keyTaken(RULE));
      const after = toNamingRuleModel(await this.getRule(row.id, m));
      await this.audit.record(m, ctx, { action: 'naming_rule.created', entityType: 'NamingRule', entityId: row.id, after });
      return after;
    });
  }

  updateRule(ctx: RequestContext, args: UpdateNamingRuleArgs): Promise<NamingRuleModel> {
    return this.db.transaction(async (m) => {
      const row = await this.getRule(args.id, m);
      const before = toNamingRuleModel(row);
      if (args.type !== undefined) row.type = args.type;
      if (args.severity !== undefined) row.severity = args.severity;
      if (args.params !== undefined) row.params = args.params;
      if (args.scope !== undefined) row.scope = cleanScope(args.scope);
      if (args.messageNl !== undefined) row.messageNl = args.messageNl.trim();
      if (args.messageEn !== undefined) row.messageEn = args.messageEn.trim();
      if (args.active !== undefined) row.active = args.active;
      if (args.sortOrder !== undefined) row.sortOrder = args.sortOrder;
      refuse(ruleParamProblems(row.type, row.params ?? {}));
      await updateVersioned(m, NamingRuleEntity, { id: row.id }, args.version, editableColumns(row, 'key') as never, RULE);
      const after = toNamingRuleModel(await this.getRule(row.id, m));
      await this.audit.record(m, ctx, { action: 'naming_rule.updated', entityType: 'NamingRule', entityId: row.id, before, after });
      return after;
    });
  }

  // ---- checklist items ----

  private itemQuery(filter: ChecklistItemFilter = {}) {
    const qb = this.db.getRepository(ChecklistItemEntity).createQueryBuilder('c');
    if (filter.q?.trim()) {
      const q = `%${filter.q.trim()}%`;
      qb.andWhere(new Brackets((b) => b.where('c.key ILIKE :q', { q }).orWhere('c.title_nl ILIKE :q', { q }).orWhere('c.title_en ILIKE :q', { q })));
    }
    if (filter.ids) qb.andWhere('c.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.active !== undefined && filter.active !== null) qb.andWhere('c.active = :active', { active: filter.active });
    if (filter.mode) qb.andWhere('c.mode = :mode', { mode: filter.mode });
    return qb;
  }

  async listItems(args: ListArgs, filter?: ChecklistItemFilter): Promise<ChecklistItemModel[]> {
    return (await page(this.itemQuery(filter), args, sortColumn(args.sortField, ITEM_SORT, 'c.sort_order'), 'c')).map(toChecklistItemModel);
  }

  countItems(filter?: ChecklistItemFilter): Promise<number> {
    return this.itemQuery(filter).getCount();
  }

  async getItem(id: string, m: EntityManager = this.db.manager): Promise<ChecklistItemEntity> {
    const row = await m.findOne(ChecklistItemEntity, { where: { id } });
    if (!row) throw notFound(ITEM);
    return row;
  }

  createItem(ctx: RequestContext, args: CreateChecklistItemArgs): Promise<ChecklistItemModel> {
    const checkKey = args.checkKey ?? null;
    refuse(checkItemProblems(args.mode, checkKey));
    return this.db.transaction(async (m) => {
      const row = m.create(ChecklistItemEntity, {
        key: args.key,
        titleNl: args.titleNl.trim(),
        titleEn: args.titleEn.trim(),
        guidanceNl: args.guidanceNl?.trim() ?? '',
        guidanceEn: args.guidanceEn?.trim() ?? '',
        required: args.required ?? true,
        mode: args.mode,
        checkKey: checkKey as ChecklistItemEntity['checkKey'],
        kinds: unique(args.kinds ?? []),
        platforms: unique((args.platforms ?? []).map((p) => p.trim().toLowerCase()).filter(Boolean)),
        purposes: unique(args.purposes ?? []),
        active: args.active ?? true,
        sortOrder: args.sortOrder ?? (await nextSortOrder(m, 'checklist_item')),
      });
      await writeUnique(m, () => m.insert(ChecklistItemEntity, row), () => keyTaken(ITEM));
      const after = toChecklistItemModel(await this.getItem(row.id, m));
      await this.audit.record(m, ctx, { action: 'checklist_item.created', entityType: 'ChecklistItem', entityId: row.id, after });
      return after;
    });
  }

  updateItem(ctx: RequestContext, args: UpdateChecklistItemArgs): Promise<ChecklistItemModel> {
    return this.db.transaction(async (m) => {
      const row = await this.getItem(args.id, m);
      const before = toChecklistItemModel(row);
      if (args.titleNl !== undefined) row.titleNl = args.titleNl.trim();
      if (args.titleEn !== undefined) row.titleEn = args.titleEn.trim();
      if (args.guidanceNl !== undefined) row.guidanceNl = args.guidanceNl.trim();
      if (args.guidanceEn !== undefined) row.guidanceEn = args.guidanceEn.trim();
      if (args.required !== undefined) row.required = args.required;
      if (args.mode !== undefined) row.mode = args.mode;
      if (args.checkKey !== undefined) row.checkKey = (args.checkKey ?? null) as ChecklistItemEntity['checkKey'];
      if (args.kinds !== undefined) row.kinds = unique(args.kinds);
      if (args.platforms !== undefined) row.platforms = unique(args.platforms.map((p) => p.trim().toLowerCase()).filter(Boolean));
      if (args.purposes !== undefined) row.purposes = unique(args.purposes);
      if (args.active !== undefined) row.active = args.active;
      if (args.sortOrder !== undefined) row.sortOrder = args.sortOrder;
      refuse(checkItemProblems(row.mode, row.checkKey));
      await updateVersioned(m, ChecklistItemEntity, { id: row.id }, args.version, editableColumns(row, 'key'), ITEM);
      const after = toChecklistItemModel(await this.getItem(row.id, m));
      await this.audit.record(m, ctx, { action: 'checklist_item.updated', entityType: 'ChecklistItem', entityId: row.id, before, after });
      return after;
    });
  }
}

async function page<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, args: ListArgs, column: string, alias: string): Promise<T[]> {
  const p = pageOf(args);
  return qb.orderBy(column, p.order).addOrderBy(`${alias}.id`).offset(p.skip).limit(p.take).getMany();
}

async function nextSortOrder(m: EntityManager, table: 'naming_rule' | 'checklist_item'): Promise<number> {
  const [row] = await m.query(`SELECT coalesce(max(sort_order), 0) + 10 AS n FROM ${table}`);
  return Number(row.n);
}
