import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every API process when a public answer may have changed, so their in-process caches of public
 * answers (verification, open data, rel="me") stay correct across replicas: after each statement that
 * changes a table a public answer reads, `pg_notify('ggsm_public', <table>)`. PostgreSQL delivers it at
 * commit (never for a rolled-back change) and folds repeats within one transaction into one.
 *
 * The tables are exactly what apps/api/src/public reads: social_account (status, handle, display name,
 * unit, profile URL, the lookalike skeletons), org_unit (a unit's name and its path), platform (its name
 * and order) and known_impersonator (legal's decisions). An archive date comes from audit_event, but the
 * archive itself updates social_account in the same transaction, so audit_event (append-only, the
 * busiest table) needs no trigger.
 */
const TABLES = ['social_account', 'org_unit', 'platform', 'known_impersonator'] as const;

export class PublicCacheNotify1795750000000 implements MigrationInterface {
  name = 'PublicCacheNotify1795750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ggsm_public_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ggsm_public', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await q.query(
        `CREATE TRIGGER ${table}_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION ggsm_public_changed()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`DROP TRIGGER ${table}_public_changed ON ${table}`);
    await q.query(`DROP FUNCTION ggsm_public_changed()`);
  }
}
