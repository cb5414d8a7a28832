import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: append-only in the database itself (the Archiefwet and the ombudsman want
 * what was done officially to be accountable later), and hash-chained so that a verifier can
 * prove no row was altered, removed or reordered, even by someone who bypasses the triggers.
 */
export class AuditTrail1795700000000 implements MigrationInterface {
  name = 'AuditTrail1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL,
        actor_user_id uuid,
        actor_email text,
        actor_role text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        reason text,
        request_id text,
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE,
        -- HMAC of hash with a key the database never sees: re-hashing the chain needs that key.
        mac text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, seq)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, seq)`);
    await q.query(`CREATE INDEX audit_event_time_idx ON audit_event (occurred_at)`);

    await q.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_refuse_change()`);
  }
}
