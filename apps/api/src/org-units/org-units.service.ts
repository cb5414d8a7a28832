import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import type { RequestContext } from '../auth/request-context';
import { editableColumns, updateVersioned } from '../common/versioned';
import { ScopeService } from './scope.service';
import { type ListArgs, pageOf } from '../common/list.args';
import { isUniqueViolation, notFound, sortColumn } from '../common/sorting';
import type { CreateOrgUnitArgs, OrgUnitFilter, UpdateOrgUnitArgs } from './org-unit.args';
import { OrgUnitEntity } from './org-unit.entity';
import type { OrgUnitModel } from './org-unit.model';

interface TreeInfo {
  path: string;
  depth: number;
}

const SORTABLE = { name: 'u.name', shortCode: 'u.short_code', kind: 'u.kind', createdAt: 'u.created_at' };
const UNIT = { nl: 'Organisatieonderdeel', en: 'Organisation unit' };

@Injectable()
export class OrgUnitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /** Path and depth of every unit, in one recursive query (the tree is small: hundreds of units). */
  async tree(manager: EntityManager = this.db.manager): Promise<Map<string, TreeInfo>> {
    const rows: { id: string; path: string; depth: number }[] = await manager.query(`
      WITH RECURSIVE t AS (
        SELECT id, name::text AS path, 0 AS depth FROM org_unit WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, t.path || ' > ' || c.name, t.depth + 1 FROM org_unit c JOIN t ON c.parent_id = t.id
      ) SELECT id, path, depth FROM t`);
    return new Map(rows.map((r) => [r.id, { path: r.path, depth: Number(r.depth) }]));
  }

  /** The unit and every unit below it. */
  subtreeIds(rootId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    return this.scope.subtreeIds(rootId, manager);
  }

  private async query(ctx: RequestContext, filter: OrgUnitFilter = {}) {
    const qb = this.db.getRepository(OrgUnitEntity).createQueryBuilder('u');
    const visible = await this.scope.visibleUnitIds(ctx.user);
    if (visible !== null) qb.andWhere('u.id = ANY(:visible)', { visible });
    if (filter.q?.trim()) {
      const q = `%${filter.q.trim()}%`;
      qb.andWhere(new Brackets((b) => b.where('u.name ILIKE :q', { q }).orWhere('u.short_code ILIKE :q', { q })));
    }
    if (filter.ids) qb.andWhere('u.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.kind) qb.andWhere('u.kind = :kind', { kind: filter.kind });
    return qb;
  }

  async list(ctx: RequestContext, args: ListArgs, filter?: OrgUnitFilter): Promise<OrgUnitModel[]> {
    const page = pageOf(args);
    const rows = await (await this.query(ctx, filter))
      .orderBy(sortColumn(args.sortField, SORTABLE, 'u.name'), page.order)
      .addOrderBy('u.id')
      .offset(page.skip)
      .limit(page.take)
      .getMany();
    const tree = await this.tree();
    return rows.map((r) => this.toModel(r, tree));
  }

  async count(ctx: RequestContext, filter?: OrgUnitFilter): Promise<number> {
    return (await this.query(ctx, filter)).getCount();
  }

  async get(ctx: RequestContext, id: string): Promise<OrgUnitModel> {
    const row = await this.db.getRepository(OrgUnitEntity).findOneBy({ id });
    if (!row || !(await this.scope.canSeeUnit(ctx.user, row.id))) throw notFound(UNIT);
    return this.toModel(row, await this.tree());
  }

  async create(ctx: RequestContext, args: CreateOrgUnitArgs): Promise<OrgUnitModel> {
    return this.db.transaction(async (m) => {
      if (args.parentId) await this.mustExist(m, args.parentId);
      const row = m.create(OrgUnitEntity, {
        name: args.name.trim(),
        shortCode: args.shortCode.trim(),
        kind: args.kind,
        parentId: args.parentId ?? null,
        handlePrefix: args.handlePrefix?.trim() || null,
      });
      await this.save(m, row);
      const created = this.toModel(row, await this.tree(m));
      await this.audit.record(m, ctx, { action: 'org_unit.created', entityType: 'OrgUnit', entityId: row.id, after: created });
      return created;
    });
  }

  async update(ctx: RequestContext, args: UpdateOrgUnitArgs): Promise<OrgUnitModel> {
    return this.db.transaction(async (m) => {
      const row = await m.findOne(OrgUnitEntity, { where: { id: args.id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !(await this.scope.canSeeUnit(ctx.user, row.id, m))) throw notFound(UNIT);
      const before = this.toModel(row, await this.tree(m));
      if (args.parentId !== undefined && args.parentId !== row.parentId) {
        if (args.parentId) {
          await this.mustExist(m, args.parentId);
          if ((await this.subtreeIds(row.id, m)).includes(args.parentId)) {
            throw new DomainError(ErrorCode.BAD_USER_INPUT, {
              nl: 'Een onderdeel kan niet onder zichzelf of onder een eigen suborganisatie hangen.',
              en: 'A unit cannot be placed under itself or one of its own sub-units.',
            }, [{ field: 'parentId', code: 'ORG_UNIT_CYCLE', message: { nl: 'Kringverwijzing in de boom.', en: 'Cycle in the tree.' } }]);
          }
        }
        row.parentId = args.parentId;
      }
      if (args.name !== undefined) row.name = args.name.trim();
      if (args.shortCode !== undefined) row.shortCode = args.shortCode.trim();
      if (args.kind !== undefined) row.kind = args.kind;
      if (args.handlePrefix !== undefined) row.handlePrefix = args.handlePrefix?.trim() || null;
      await this.save(m, row, args.version);
      const after = this.toModel((await m.findOneByOrFail(OrgUnitEntity, { id: row.id })), await this.tree(m));
      await this.audit.record(m, ctx, { action: 'org_unit.updated', entityType: 'OrgUnit', entityId: row.id, before, after });
      return after;
    });
  }

  /** A unit that exists and that the user may use (an editor: its own subtree); otherwise the same input error. */
  async mustExist(m: EntityManager, id: string, field = 'parentId', user?: AuthUser): Promise<OrgUnitEntity> {
    const row = await m.findOneBy(OrgUnitEntity, { id });
    if (!row || (user && !(await this.scope.canSeeUnit(user, row.id, m)))) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, { nl: 'Onbekend organisatieonderdeel.', en: 'Unknown organisation unit.' }, [
        { field, code: 'ORG_UNIT_UNKNOWN', message: { nl: 'Dit organisatieonderdeel bestaat niet.', en: 'This organisation unit does not exist.' } },
      ]);
    }
    return row;
  }

  private async save(m: EntityManager, row: OrgUnitEntity, expectedVersion?: number): Promise<void> {
    try {
      if (expectedVersion === undefined) await m.save(row);
      else await updateVersioned(m, OrgUnitEntity, { id: row.id }, expectedVersion, editableColumns(row), UNIT);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainError(ErrorCode.BAD_USER_INPUT, {
          nl: `De korte code "${row.shortCode}" is al in gebruik.`,
          en: `The short code "${row.shortCode}" is already in use.`,
        }, [{ field: 'shortCode', code: 'SHORT_CODE_TAKEN', message: { nl: 'Korte code al in gebruik.', en: 'Short code already in use.' } }]);
      }
      throw err;
    }
  }

  toModel(row: OrgUnitEntity, tree: Map<string, TreeInfo>): OrgUnitModel {
    const info = tree.get(row.id) ?? { path: row.name, depth: 0 };
    return {
      id: row.id,
      name: row.name,
      shortCode: row.shortCode,
      kind: row.kind,
      parentId: row.parentId,
      handlePrefix: row.handlePrefix,
      version: row.version,
      path: info.path,
      depth: info.depth,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
