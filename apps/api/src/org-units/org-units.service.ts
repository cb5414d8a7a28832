import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@ggsm/domain';
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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
  async subtreeIds(rootId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE t AS (SELECT id FROM org_unit WHERE id = $1
         UNION ALL SELECT c.id FROM org_unit c JOIN t ON c.parent_id = t.id) SELECT id FROM t`,
      [rootId],
    );
    return rows.map((r) => r.id);
  }

  private query(filter: OrgUnitFilter = {}) {
    const qb = this.db.getRepository(OrgUnitEntity).createQueryBuilder('u');
    if (filter.q?.trim()) {
      const q = `%${filter.q.trim()}%`;
      qb.andWhere(new Brackets((b) => b.where('u.name ILIKE :q', { q }).orWhere('u.short_code ILIKE :q', { q })));
    }
    if (filter.ids) qb.andWhere('u.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.kind) qb.andWhere('u.kind = :kind', { kind: filter.kind });
    return qb;
  }

  async list(args: ListArgs, filter?: OrgUnitFilter): Promise<OrgUnitModel[]> {
    const page = pageOf(args);
    const rows = await this.query(filter)
      .orderBy(sortColumn(args.sortField, SORTABLE, 'u.name'), page.order)
      .addOrderBy('u.id')
      .offset(page.skip)
      .limit(page.take)
      .getMany();
    const tree = await this.tree();
    return rows.map((r) => this.toModel(r, tree));
  }

  count(filter?: OrgUnitFilter): Promise<number> {
    return this.query(filter).getCount();
  }

  async get(id: string): Promise<OrgUnitModel> {
    const row = await this.db.getRepository(OrgUnitEntity).findOneBy({ id });
    if (!row) throw notFound(UNIT);
    return this.toModel(row, await this.tree());
  }

  async create(args: CreateOrgUnitArgs): Promise<OrgUnitModel> {
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
      return this.toModel(row, await this.tree(m));
    });
  }

  async update(args: UpdateOrgUnitArgs): Promise<OrgUnitModel> {
    return this.db.transaction(async (m) => {
      const row = await m.findOneBy(OrgUnitEntity, { id: args.id });
      if (!row) throw notFound(UNIT);
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
      await this.save(m, row);
      return this.toModel(row, await this.tree(m));
    });
  }

  async mustExist(m: EntityManager, id: string, field = 'parentId'): Promise<OrgUnitEntity> {
    const row = await m.findOneBy(OrgUnitEntity, { id });
    if (!row) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, { nl: 'Onbekend organisatieonderdeel.', en: 'Unknown organisation unit.' }, [
        { field, code: 'ORG_UNIT_UNKNOWN', message: { nl: 'Dit organisatieonderdeel bestaat niet.', en: 'This organisation unit does not exist.' } },
      ]);
    }
    return row;
  }

  private async save(m: EntityManager, row: OrgUnitEntity): Promise<void> {
    try {
      await m.save(row);
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
      path: info.path,
      depth: info.depth,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
