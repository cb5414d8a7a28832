import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode, Role } from '@ggsm/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import type { RequestContext } from '../auth/request-context';
import { editableColumns, updateVersioned } from '../common/versioned';
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
    private readonly audit: AuditService,
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

  /**
   * A successful login, audited in the same transaction. Plain SQL: a login is not an edit of the
   * user record, so its optimistic-lock version stays as an administrator last saw it.
   */
  recordLogin(ctx: RequestContext, user: AuthUser, method: 'password' | 'sso'): Promise<number> {
    return this.db.transaction(async (m) => {
      // TypeORM answers an UPDATE … RETURNING as [rows, affected].
      const [rows] = (await m.query(`UPDATE app_user SET last_login_at = now() WHERE id = $1 AND active RETURNING token_version`, [user.id])) as [
        { token_version: number }[],
        number,
      ];
      const row = rows[0];
      if (!row) throw new DomainError(ErrorCode.UNAUTHENTICATED, { nl: 'Dit account is uitgeschakeld.', en: 'This account is disabled.' });
      await this.audit.record(m, { ...ctx, user }, { action: 'auth.login', entityType: 'User', entityId: user.id, after: { method } });
      return Number(row.token_version);
    });
  }

  /** Ends every token of the caller at once (logout): the token version moves on. */
  logout(ctx: RequestContext): Promise<void> {
    const user = ctx.user;
    if (!user) return Promise.resolve();
    return this.db.transaction(async (m) => {
      await m.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [user.id]);
      await this.audit.record(m, ctx, { action: 'auth.logout', entityType: 'User', entityId: user.id });
    });
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

  async create(ctx: RequestContext, args: CreateUserArgs): Promise<UserModel> {
    const passwordHash = await this.passwords.hash(args.password);
    return this.db.transaction(async (m) => {
      await this.checkScope(m, args.roles, args.scopeUnitId ?? null);
      await this.checkPerson(m, args.personId);
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
      const created = toUserModel(row);
      await this.audit.record(m, ctx, { action: 'user.created', entityType: 'User', entityId: row.id, after: created });
      return created;
    });
  }

  async update(ctx: RequestContext, args: UpdateUserArgs): Promise<UserModel> {
    const passwordHash = args.password ? await this.passwords.hash(args.password) : undefined;
    return this.db.transaction(async (m) => {
      const row = await m.findOne(UserEntity, { where: { id: args.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound(USER);
      const before = toUserModel(row);
      const rolesBefore = [...row.roles].sort().join();
      if (args.displayName !== undefined) row.displayName = args.displayName.trim();
      if (args.roles !== undefined) row.roles = [...new Set(args.roles)];
      if (args.scopeUnitId !== undefined) row.scopeUnitId = args.scopeUnitId;
      if (args.personId !== undefined) row.personId = args.personId;
      if (args.active !== undefined) row.active = args.active;
      await this.checkScope(m, row.roles, row.scopeUnitId);
      if (args.personId !== undefined) await this.checkPerson(m, args.personId);
      // A new password, fewer rights or a disabled login ends every session of this user.
      await this.keepAnAdministrator(m, before, row);
      const rolesChanged = rolesBefore !== [...row.roles].sort().join();
      if (passwordHash || rolesChanged || (before.active && !row.active) || before.scopeUnitId !== row.scopeUnitId) row.tokenVersion += 1;
      if (passwordHash) row.passwordHash = passwordHash;
      await this.save(m, row, args.version);
      const after = toUserModel(await m.findOneByOrFail(UserEntity, { id: row.id }));
      // The most telling name for the change: role and access changes are what an auditor looks for.
      const action = rolesChanged ? 'user.roles_changed' : before.active && !after.active ? 'user.disabled' : !before.active && after.active ? 'user.enabled' : 'user.updated';
      await this.audit.record(m, ctx, {
        action,
        entityType: 'User',
        entityId: row.id,
        before,
        after: passwordHash ? { ...after, password: 'changed' } : after,
      });
      return after;
    });
  }

  /** Nobody can take away the last active administrator: the register would have no one to manage users. */
  private async keepAnAdministrator(m: EntityManager, before: UserModel, after: UserEntity): Promise<void> {
    const wasAdmin = before.active && before.roles.includes(Role.ADMIN);
    const isAdmin = after.active && after.roles.includes(Role.ADMIN);
    if (!wasAdmin || isAdmin) return;
    await m.query('SELECT pg_advisory_xact_lock(20113)'); // two admins demoting each other at once
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM app_user WHERE active AND 'ADMIN' = ANY(roles) AND id <> $1`, [after.id]);
    if (n === 0) {
      const text = { nl: 'Dit is de laatste actieve beheerder; wijs eerst een andere beheerder aan.', en: 'This is the last active administrator; appoint another one first.' };
      throw new DomainError(ErrorCode.BAD_USER_INPUT, text, [{ field: 'roles', code: 'LAST_ADMIN', message: text }]);
    }
  }

  /** The person a login belongs to must exist: a field error, not a foreign-key failure. */
  private async checkPerson(m: EntityManager, personId: string | null | undefined): Promise<void> {
    if (!personId) return;
    const [{ n }] = await m.query('SELECT count(*)::int AS n FROM person WHERE id = $1', [personId]);
    if (n === 0) {
      const text = { nl: 'Deze persoon bestaat niet.', en: 'This person does not exist.' };
      throw new DomainError(ErrorCode.BAD_USER_INPUT, text, [{ field: 'personId', code: 'PERSON_UNKNOWN', message: text }]);
    }
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

  private async save(m: EntityManager, row: UserEntity, expectedVersion?: number): Promise<void> {
    try {
      if (expectedVersion === undefined) await m.save(row);
      else await updateVersioned(m, UserEntity, { id: row.id }, expectedVersion, editableColumns(row), USER);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainError(ErrorCode.BAD_USER_INPUT, { nl: 'Er is al een gebruiker met dit e-mailadres.', en: 'A user with this e-mail address already exists.' }, [
          { field: 'email', code: 'EMAIL_TAKEN', message: { nl: 'E-mailadres al in gebruik.', en: 'E-mail address already in use.' } },
        ]);
      }
      throw err;
    }
  }

  // ---- Single sign-on (auth/sso): the user behind a provider identity ----

  /**
   * Finds the user for an identity the OpenID provider vouched for: by its subject, else by e-mail
   * (linking the subject when that user has none yet), else creates one with no roles, which an
   * administrator grants later. Roles, scope and units never come from the provider. The caller then
   * issues the token (AuthService.login), which records the login itself.
   */
  signInWithSso(ctx: RequestContext, identity: SsoIdentity): Promise<SsoSignIn> {
    return this.db.transaction(async (m) => {
      const bySubject = await m.findOne(UserEntity, { where: { ssoSubject: identity.subject }, lock: { mode: 'pessimistic_write' } });
      if (bySubject) return bySubject.active ? { ok: true, user: this.toAuthUser(bySubject), change: 'none' } : { ok: false, reason: 'disabled' };
      const byEmail = await m.findOne(UserEntity, { where: { email: identity.email }, lock: { mode: 'pessimistic_write' } });
      if (byEmail) {
        if (byEmail.ssoSubject) return { ok: false, reason: 'linked_elsewhere' };
        if (!byEmail.active) return { ok: false, reason: 'disabled' };
        await m.query('UPDATE app_user SET sso_subject = $2, updated_at = now() WHERE id = $1', [byEmail.id, identity.subject]);
        const user = this.toAuthUser(byEmail);
        await this.audit.record(m, { ...ctx, user }, {
          action: 'user.sso_linked',
          entityType: 'User',
          entityId: byEmail.id,
          before: { ssoSubject: null },
          after: { ssoSubject: identity.subject },
          reason: 'first single sign-on with this e-mail address',
        });
        return { ok: true, user, change: 'linked' };
      }
      const row = m.create(UserEntity, {
        email: identity.email,
        displayName: identity.displayName,
        passwordHash: null,
        ssoSubject: identity.subject,
        roles: [],
        scopeUnitId: null,
        personId: null,
        active: true,
      });
      // A unique violation here means a parallel first sign-on won the race; the caller tries once more.
      await m.save(row);
      const user = this.toAuthUser(row);
      await this.audit.record(m, { ...ctx, user }, {
        action: 'user.created',
        entityType: 'User',
        entityId: row.id,
        after: { ...toUserModel(row), ssoSubject: identity.subject },
        reason: 'first single sign-on',
      });
      return { ok: true, user, change: 'created' };
    });
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
    version: row.version,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}


/** A provider identity, already checked by auth/sso: subject is `<issuer>|<sub>`. */
export interface SsoIdentity {
  subject: string;
  email: string;
  displayName: string;
}

export type SsoSignIn =
  | { ok: true; user: AuthUser; change: 'none' | 'linked' | 'created' }
  | { ok: false; reason: 'disabled' | 'linked_elsewhere' };
