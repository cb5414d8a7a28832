import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Optimistic locking for every editable record (an update names the version it was based on), and
 * the counters of failed logins, shared by all replicas (rate-limiter-flexible's PostgreSQL layout).
 */
export class VersionsAndLoginLimits1795700000001 implements MigrationInterface {
  name = 'VersionsAndLoginLimits1795700000001';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['org_unit', 'person', 'platform', 'app_user']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN version int NOT NULL DEFAULT 1`);
    }
    await q.query(`
      CREATE TABLE login_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_limit`);
    for (const table of ['org_unit', 'person', 'platform', 'app_user']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN version`);
    }
  }
}
