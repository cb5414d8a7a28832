import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { type ListArgs, pageOf } from '../common/list.args';
import { isUniqueViolation, notFound, sortColumn } from '../common/sorting';
import { OrgUnitsService } from '../org-units/org-units.service';
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
  ) {}

  private query(filter: PersonFilter = {}) {
    const qb = this.db.getRepository(PersonEntity).createQueryBuilder('p');
    if (filter.q?.trim()) {
      const q = `%${filter.q.trim()}%`;
      qb.andWhere(new Brackets((b) => b.where('p.name ILIKE :q', { q }).orWhere('p.email ILIKE :q', { q })));
    }
    if (filter.ids) qb.andWhere('p.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.orgUnitId) qb.andWhere('p.org_unit_id = :unit', { unit: filter.orgUnitId });
    if (filter.active !== undefined && filter.active !== null) qb.andWhere('p.active = :active', { active: filter.active });
    return qb;
  }

  async list(args: ListArgs, filter?: PersonFilter): Promise<PersonModel[]> {
    const page = pageOf(args);
    const rows = await this.query(filter)
      .orderBy(sortColumn(args.sortField, SORTABLE, 'p.name'), page.order)
      .addOrderBy('p.id')
      .offset(page.skip)
      .limit(page.take)
      .getMany();
    return rows.map(toPersonModel);
  }

  count(filter?: PersonFilter): Promise<number> {
    return this.query(filter).getCount();
  }

  async get(id: string): Promise<PersonModel> {
    const row = await this.db.getRepository(PersonEntity).findOneBy({ id });
    if (!row) throw notFound(PERSON);
    return toPersonModel(row);
  }

  create(args: CreatePersonArgs): Promise<PersonModel> {
    return this.db.transaction(async (m) => {
      if (args.orgUnitId) await this.units.mustExist(m, args.orgUnitId, 'orgUnitId');
      const row = m.create(PersonEntity, {
        name: args.name.trim(),
        email: args.email.trim(),
        jobTitle: args.jobTitle?.trim() || null,
        orgUnitId: args.orgUnitId ?? null,
        guidelinesAcknowledgedAt: args.guidelinesAcknowledgedAt ?? null,
        active: args.active ?? true,
      });
      await this.save(m, row);
      return toPersonModel(row);
    });
  }

  update(args: UpdatePersonArgs): Promise<PersonModel> {
    return this.db.transaction(async (m) => {
      const row = await m.findOneBy(PersonEntity, { id: args.id });
      if (!row) throw notFound(PERSON);
      if (args.orgUnitId) await this.units.mustExist(m, args.orgUnitId, 'orgUnitId');
      if (args.name !== undefined) row.name = args.name.trim();
      if (args.email !== undefined) row.email = args.email.trim();
      if (args.jobTitle !== undefined) row.jobTitle = args.jobTitle?.trim() || null;
      if (args.orgUnitId !== undefined) row.orgUnitId = args.orgUnitId;
      if (args.guidelinesAcknowledgedAt !== undefined) row.guidelinesAcknowledgedAt = args.guidelinesAcknowledgedAt;
      if (args.active !== undefined) row.active = args.active;
      await this.save(m, row);
      return toPersonModel(row);
    });
  }

  /** Checks that every id is a known, active person; reports the field that named it. */
  async mustBeActive(m: EntityManager, ids: string[], field: string): Promise<void> {
    if (!ids.length) return;
    const found = await m.getRepository(PersonEntity).createQueryBuilder('p').where('p.id IN (:...ids)', { ids }).getMany();
    const missing = ids.filter((id) => !found.some((p) => p.id === id && p.active));
    if (missing.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, { nl: 'Onbekende of vertrokken eigenaar.', en: 'Unknown or departed owner.' }, [
        { field, code: 'OWNER_UNKNOWN', message: { nl: 'Deze persoon bestaat niet of is niet meer actief.', en: 'This person does not exist or is no longer active.' } },
      ]);
    }
  }

  private async save(m: EntityManager, row: PersonEntity): Promise<void> {
    try {
      await m.save(row);
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
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
