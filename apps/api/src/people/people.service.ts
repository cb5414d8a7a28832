import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { type ListArgs, pageOf } from '../common/list.args';
import { isUniqueViolation, notFound, sortColumn } from '../common/sorting';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
import { editableColumns, updateVersioned } from '../common/versioned';
import { OrgUnitsService } from '../org-units/org-units.service';
import { ScopeService } from '../org-units/scope.service';
import type { CreatePersonArgs, PersonFilter, UpdatePersonArgs } from './person.args';
import { PersonEntity } from './person.entity';
import type { PersonModel } from './person.model';

const SORTABLE = { name: 'p.name', email: 'p.email', jobTitle: 'p.job_title', active: 'p.active', createdAt: 'p.created_at' };
const PERSON = { nl: 'Persoon', en: 'Person' };

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: OrgUnitsService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /** An editor sees the people of its own units; a person without a unit belongs to no editor. */
  private async query(ctx: RequestContext, filter: PersonFilter = {}) {
    const qb = this.db.getRepository(PersonEntity).createQueryBuilder('p');
    const visible = await this.scope.visibleUnitIds(ctx.user);
    if (visible !== null) qb.andWhere('p.org_unit_id = ANY(:visible)', { visible });
    if (filter.q?.trim()) {
      const q = `%${filter.q.trim()}%`;
      qb.andWhere(new Brackets((b) => b.where('p.name ILIKE :q', { q }).orWhere('p.email ILIKE :q', { q })));
    }
    if (filter.ids) qb.andWhere('p.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.orgUnitId) qb.andWhere('p.org_unit_id = :unit', { unit: filter.orgUnitId });
    if (filter.active !== undefined && filter.active !== null) qb.andWhere('p.active = :active', { active: filter.active });
    return qb;
  }

  async list(ctx: RequestContext, args: ListArgs, filter?: PersonFilter): Promise<PersonModel[]> {
    const page = pageOf(args);
    const rows = await (await this.query(ctx, filter))
      .orderBy(sortColumn(args.sortField, SORTABLE, 'p.name'), page.order)
      .addOrderBy('p.id')
      .offset(page.skip)
      .limit(page.take)
      .getMany();
    return rows.map(toPersonModel);
  }

  async count(ctx: RequestContext, filter?: PersonFilter): Promise<number> {
    return (await this.query(ctx, filter)).getCount();
  }

  async get(ctx: RequestContext, id: string): Promise<PersonModel> {
    return toPersonModel(await this.load(this.db.manager, ctx, id));
  }

  private async load(m: EntityManager, ctx: RequestContext, id: string, lock = false): Promise<PersonEntity> {
    const row = await m.findOne(PersonEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!row || !(await this.scope.canSeeUnit(ctx.user, row.orgUnitId, m))) throw notFound(PERSON);
    return row;
  }

  create(ctx: RequestContext, args: CreatePersonArgs): Promise<PersonModel> {
    return this.db.transaction(async (m) => {
      if (args.orgUnitId) await this.units.mustExist(m, args.orgUnitId, 'orgUnitId', ctx.user);
      else if (!this.scope.seesEverything(ctx.user)) throw this.unitRequired();
      const row = m.create(PersonEntity, {
        name: args.name.trim(),
        email: args.email.trim(),
        jobTitle: args.jobTitle?.trim() || null,
        orgUnitId: args.orgUnitId ?? null,
        guidelinesAcknowledgedAt: args.guidelinesAcknowledgedAt ?? null,
        active: args.active ?? true,
      });
      await this.save(m, row);
      const created = toPersonModel(row);
      await this.audit.record(m, ctx, { action: 'person.created', entityType: 'Person', entityId: row.id, after: created });
      return created;
    });
  }

  update(ctx: RequestContext, args: UpdatePersonArgs): Promise<PersonModel> {
    return this.db.transaction(async (m) => {
      const row = await this.load(m, ctx, args.id, true);
      const before = toPersonModel(row);
      if (args.orgUnitId) await this.units.mustExist(m, args.orgUnitId, 'orgUnitId', ctx.user);
      else if (args.orgUnitId === null && !this.scope.seesEverything(ctx.user)) throw this.unitRequired();
      if (args.name !== undefined) row.name = args.name.trim();
      if (args.email !== undefined) row.email = args.email.trim();
      if (args.jobTitle !== undefined) row.jobTitle = args.jobTitle?.trim() || null;
      if (args.orgUnitId !== undefined) row.orgUnitId = args.orgUnitId;
      if (args.guidelinesAcknowledgedAt !== undefined) row.guidelinesAcknowledgedAt = args.guidelinesAcknowledgedAt;
      if (args.active !== undefined) row.active = args.active;
      await this.save(m, row, args.version);
      const after = toPersonModel(await m.findOneByOrFail(PersonEntity, { id: row.id }));
      await this.audit.record(m, ctx, { action: 'person.updated', entityType: 'Person', entityId: row.id, before, after });
      return after;
    });
  }

  private unitRequired(): DomainError {
    const text = { nl: 'Kies het organisatieonderdeel van deze persoon.', en: 'Choose the organisation unit of this person.' };
    return new DomainError(ErrorCode.BAD_USER_INPUT, text, [{ field: 'orgUnitId', code: 'ORG_UNIT_REQUIRED', message: text }]);
  }

  /**
   * Checks that every id is a known, active person the caller may see (an editor: of its own units);
   * reports the field that named it, with the same message whether the person is missing or elsewhere.
   */
  async mustBeActive(m: EntityManager, ids: string[], field: string, ctx?: RequestContext): Promise<void> {
    if (!ids.length) return;
    const found = await m.getRepository(PersonEntity).createQueryBuilder('p').where('p.id IN (:...ids)', { ids }).getMany();
    const visible = ctx ? await this.scope.visibleUnitIds(ctx.user, m) : null;
    const usable = (p: PersonEntity) => p.active && (visible === null || (p.orgUnitId !== null && visible.includes(p.orgUnitId)));
    const missing = ids.filter((id) => !found.some((p) => p.id === id && usable(p)));
    if (missing.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, { nl: 'Onbekende of vertrokken eigenaar.', en: 'Unknown or departed owner.' }, [
        { field, code: 'OWNER_UNKNOWN', message: { nl: 'Deze persoon bestaat niet of is niet meer actief.', en: 'This person does not exist or is no longer active.' } },
      ]);
    }
  }

  private async save(m: EntityManager, row: PersonEntity, expectedVersion?: number): Promise<void> {
    try {
      if (expectedVersion === undefined) await m.save(row);
      else await updateVersioned(m, PersonEntity, { id: row.id }, expectedVersion, editableColumns(row), PERSON);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainError(ErrorCode.BAD_USER_INPUT, { nl: 'Dit e-mailadres is al in gebruik.', en: 'This e-mail address is already in use.' }, [
          { field: 'email', code: 'EMAIL_TAKEN', message: { nl: 'E-mailadres al in gebruik.', en: 'E-mail address already in use.' } },
        ]);
      }
      throw err;
    }
  }
}

export function toPersonModel(row: PersonEntity): PersonModel {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    jobTitle: row.jobTitle,
    orgUnitId: row.orgUnitId,
    guidelinesAcknowledgedAt: row.guidelinesAcknowledgedAt,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
