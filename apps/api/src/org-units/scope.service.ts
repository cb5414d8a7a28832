import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Role } from '@ggsm/domain';
import type { AuthUser } from '../auth/auth-user';

/** Roles that see the whole register; an editor sees only its own unit and the units below it. */
const WHOLE_REGISTER: readonly Role[] = [Role.ADMIN, Role.COMMUNICATIONS, Role.LEGAL, Role.AUDITOR];

/**
 * Object-level access by organisation unit, decided here and used by every service for reads,
 * lists and writes alike. Out of scope looks exactly like "does not exist" (NOT_FOUND), so an
 * editor cannot even learn that another unit's record exists.
 */
@Injectable()
export class ScopeService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The unit and every unit below it. */
  async subtreeIds(rootId: string, m: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `WITH RECURSIVE t AS (SELECT id FROM org_unit WHERE id = $1
         UNION ALL SELECT c.id FROM org_unit c JOIN t ON c.parent_id = t.id) SELECT id FROM t`,
      [rootId],
    );
    return rows.map((r) => r.id);
  }

  /** Whether the user sees every unit (null scope) or only a subtree. */
  seesEverything(user: AuthUser | undefined): boolean {
    return !!user && user.roles.some((r) => WHOLE_REGISTER.includes(r));
  }

  /** The units the user may see, or null for all of them. Empty for a user with no unit or role. */
  async visibleUnitIds(user: AuthUser | undefined, m: EntityManager = this.db.manager): Promise<string[] | null> {
    if (this.seesEverything(user)) return null;
    if (!user?.scopeUnitId || !user.roles.includes(Role.EDITOR)) return [];
    return this.subtreeIds(user.scopeUnitId, m);
  }

  async canSeeUnit(user: AuthUser | undefined, unitId: string | null, m: EntityManager = this.db.manager): Promise<boolean> {
    const visible = await this.visibleUnitIds(user, m);
    if (visible === null) return true;
    return unitId !== null && visible.includes(unitId);
  }
}
