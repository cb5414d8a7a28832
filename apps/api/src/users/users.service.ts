import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode, Role } from '@ggsm/domain';
import type { AuthUser } from '../auth/auth-user';
import { PasswordService } from '../auth/password.service';
import { type ListArgs, pageOf } from '../common/list.args';
import { isUniqueViolation, notFound, sortColumn } from '../common/sorting';
import { OrgUnitsService } from '../org-units/org-units.service';
import type { CreateUserArgs, UpdateUserArgs, UserFilter } from './user.args';
import { UserEntity } from './user.entity';
import type { UserModel } from './user.model';

const SORTABLE = { email: 'u.email', displayName: 'u.display_name', active: 'u.active', lastLoginAt: 'u.last_login_at', createdAt: 'u.created_at' };
const USER = { nl: 'Gebruiker', en: 'User' };

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly units: OrgUnitsService,
  ) {}

  findForLogin(email: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ email: email.trim() });
  }

  /** The caller behind a token, or undefined when the user was disabled or the token revoked. */
  async authUserForToken(id: string, tokenVersion: number): Promise<AuthUser | undefined> {
    const row = await this.db.getRepository(UserEntity).findOneBy({ id });
    if (!row || !row.active || row.tokenVersion !== tokenVersion) return undefined;
    return this.toAuthUser(row);
  }

  async recordLogin(id: string): Promise<number> {
    await this.db.getRepository(UserEntity).update({ id }, { lastLoginAt: new Date() });
    const row = await this.db.getRepository(UserEntity).findOneByOrFail({ id });
    return row.tokenVersion;
  }

  toAuthUser(row: UserEntity): AuthUser {
    return { id: row.id, email: row.email, displayName: row.displayName, roles: row.roles, scopeUnitId: row.scopeUnitId };
  }

  private query(filter: UserFilter = {}) {
    const qb = this.db.getRepository(UserEntity).createQueryBuilder('u');
    if (filter.q?.trim()) {
      const q = `%${filter.q.trim()}%`;
      qb.andWhere(new Brackets((b) => b.where('u.email ILIKE :q', { q }).orWhere('u.display_name ILIKE :q', { q })));
    }
    if (filter.ids) qb.andWhere('u.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.role) qb.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.active !== undefined && filter.active !== null) qb.andWhere('u.active = :active', { active: filter.active });
    return qb;
  }

  async list(args: ListArgs, filter?: UserFilter): Promise<UserModel[]> {
    const page = pageOf(args);
    const rows = await this.query(filter)
      .orderBy(sortColumn(args.sortField, SORTABLE, 'u.email'), page.order)
      .addOrderBy('u.id')
      .offset(page.skip)
      .limit(page.take)
      .getMany();
    return rows.map(toUserModel);
  }

  count(filter?: UserFilter): Promise<number> {
    return this.query(filter).getCount();
  }

  async get(id: string): Promise<UserModel> {
    const row = await this.db.getRepository(UserEntity).findOneBy({ id });
    if (!row) throw notFound(USER);
    return toUserModel(row);
  }

  async create(args: CreateUserArgs): Promise<UserModel> {
    const passwordHash = await this.passwords.hash(args.password);
    return this.db.transaction(async (m) => {
      await this.checkScope(m, args.roles, args.scopeUnitId ?? null);
      const row = m.create(UserEntity, {
        email: args.email.trim(),
        displayName: args.displayName.trim(),
        passwordHash,
        roles: [...new Set(args.roles)],
        scopeUnitId: args.scopeUnitId ?? null,
        personId: args.personId ?? null,
        active: args.active ?? true,
      });
      await this.save(m, row);
      return toUserModel(row);
    });
  }

  async update(args: UpdateUserArgs): Promise<UserModel> {
    const passwordHash = args.password ? await this.passwords.hash(args.password) : undefined;
    return this.db.transaction(async (m) => {
      const row = await m.findOneBy(UserEntity, { id: args.id });
      if (!row) throw notFound(USER);
      const rolesBefore = row.roles.join();
      if (args.displayName !== undefined) row.displayName = args.displayName.trim();
      if (args.roles !== undefined) row.roles = [...new Set(args.roles)];
      if (args.scopeUnitId !== undefined) row.scopeUnitId = args.scopeUnitId;
      if (args.personId !== undefined) row.personId = args.personId;
      if (args.active !== undefined) row.active = args.active;
      await this.checkScope(m, row.roles, row.scopeUnitId);
      // A new password, fewer rights or a disabled login ends every session of this user.
      if (passwordHash || rolesBefore !== row.roles.join() || args.active === false) row.tokenVersion += 1;
      if (passwordHash) row.passwordHash = passwordHash;
      await this.save(m, row);
      return toUserModel(row);
    });
  }

  /** An editor without a unit would see nothing; say so instead of creating a useless login. */
  private async checkScope(m: EntityManager, roles: Role[], scopeUnitId: string | null): Promise<void> {
    if (scopeUnitId) await this.units.mustExist(m, scopeUnitId, 'scopeUnitId');
    if (roles.includes(Role.EDITOR) && !scopeUnitId) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, { nl: 'Een redacteur heeft een organisatieonderdeel nodig.', en: 'An editor needs an organisation unit.' }, [
        { field: 'scopeUnitId', code: 'SCOPE_REQUIRED', message: { nl: 'Kies het onderdeel waarvoor deze redacteur werkt.', en: 'Choose the unit this editor works for.' } },
      ]);
    }
  }

  private async save(m: EntityManager, row: UserEntity): Promise<void> {
    try {
      await m.save(row);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainError(ErrorCode.BAD_USER_INPUT, { nl: 'Er is al een gebruiker met dit e-mailadres.', en: 'A user with this e-mail address already exists.' }, [
          { field: 'email', code: 'EMAIL_TAKEN', message: { nl: 'E-mailadres al in gebruik.', en: 'E-mail address already in use.' } },
        ]);
      }
      throw err;
    }
  }
}

export function toUserModel(row: UserEntity): UserModel {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles,
    scopeUnitId: row.scopeUnitId,
    personId: row.personId,
    active: row.active,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
