import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
import { updateVersioned } from '../common/versioned';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode, findPlatform } from '@ggsm/domain';
import { type ListArgs, pageOf } from '../common/list.args';
import { notFound, sortColumn } from '../common/sorting';
import type { PlatformFilter, UpdatePlatformArgs } from './platform.args';
import { PlatformEntity } from './platform.entity';
import type { PlatformModel } from './platform.model';

const SORTABLE = { key: 'p.key', name: 'p.name', status: 'p.status', sortOrder: 'p.sort_order' };
const PLATFORM = { nl: 'Platform', en: 'Platform' };

@Injectable()
export class PlatformsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  private query(filter: PlatformFilter = {}) {
    const qb = this.db.getRepository(PlatformEntity).createQueryBuilder('p');
    if (filter.q?.trim()) qb.andWhere('(p.key ILIKE :q OR p.name ILIKE :q)', { q: `%${filter.q.trim()}%` });
    if (filter.ids) qb.andWhere('p.key IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    return qb;
  }

  async list(args: ListArgs, filter?: PlatformFilter): Promise<PlatformModel[]> {
    const page = pageOf(args, 100);
    const rows = await this.query(filter)
      .orderBy(sortColumn(args.sortField, SORTABLE, 'p.sort_order'), page.order)
      .addOrderBy('p.key')
      .offset(page.skip)
      .limit(page.take)
      .getMany();
    const counts = await this.accountCounts(rows.map((r) => r.key));
    return rows.map((r) => toPlatformModel(r, counts.get(r.key) ?? 0));
  }

  count(filter?: PlatformFilter): Promise<number> {
    return this.query(filter).getCount();
  }

  async get(key: string): Promise<PlatformModel> {
    const row = await this.db.getRepository(PlatformEntity).findOneBy({ key });
    if (!row) throw notFound(PLATFORM);
    return toPlatformModel(row, (await this.accountCounts([key])).get(key) ?? 0);
  }

  update(ctx: RequestContext, args: UpdatePlatformArgs): Promise<PlatformModel> {
    return this.db.transaction(async (m) => {
      const row = await m.findOne(PlatformEntity, { where: { key: args.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound(PLATFORM);
      const count = (await this.accountCounts([row.key], m)).get(row.key) ?? 0;
      const before = toPlatformModel(row, count);
      if (args.name !== undefined) row.name = args.name.trim();
      if (args.status !== undefined) row.status = args.status;
      await updateVersioned(m, PlatformEntity, { key: row.key }, args.version, { name: row.name, status: row.status }, PLATFORM);
      const after = toPlatformModel(await m.findOneByOrFail(PlatformEntity, { key: row.key }), count);
      await this.audit.record(m, ctx, { action: 'platform.updated', entityType: 'Platform', entityId: row.key, before, after });
      return after;
    });
  }

  /** The catalogue row, refusing keys the register does not know as a field error. */
  async mustExist(m: EntityManager, key: string): Promise<PlatformEntity> {
    const row = await m.findOneBy(PlatformEntity, { key });
    if (!row) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, { nl: 'Onbekend platform.', en: 'Unknown platform.' }, [
        { field: 'platformId', code: 'PLATFORM_UNKNOWN', message: { nl: `Platform "${key}" bestaat niet.`, en: `Platform "${key}" does not exist.` } },
      ]);
    }
    return row;
  }

  private async accountCounts(keys: string[], m: EntityManager = this.db.manager): Promise<Map<string, number>> {
    if (!keys.length) return new Map();
    const rows: { key: string; n: string }[] = await m.query(
      `SELECT platform_key AS key, count(*) AS n FROM social_account WHERE platform_key = ANY($1) GROUP BY platform_key`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, Number(r.n)]));
  }
}

export function toPlatformModel(row: PlatformEntity, accountCount: number): PlatformModel {
  const def = findPlatform(row.key);
  return {
    id: row.key,
    key: row.key,
    name: row.name,
    status: row.status,
    profileUrlTemplate: row.profileUrlTemplate,
    syntaxNl: def?.description.nl ?? '',
    syntaxEn: def?.description.en ?? '',
    accountCount,
    version: row.version,
  };
}
