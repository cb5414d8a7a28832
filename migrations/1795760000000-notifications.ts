import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'ACCOUNT_SUBMITTED','ACCOUNT_APPROVED','ACCOUNT_CHANGES_REQUESTED','REVIEW_DUE','DOMAIN_EXPIRING','CASE_ASSIGNED','CASE_OVERDUE','CASE_DECIDED'`;

/**
 * Notifications (issue 8): an outbox written in the transaction of the change that causes an event, and
 * what the job runner makes of it.
 *
 * - notification_outbox: one row per event (kind, the record, its unit, who caused it, the facts for the
 *   text — never personal data). dedupe_key makes the scheduled checks write an event exactly once
 *   (review due: per account and review date; domain expiring: per claim, expiry date and threshold; case
 *   overdue: per case and state entry) whichever replica runs them, however often. delivered_at is set by
 *   the runner in the transaction that wrote the recipients' notifications (rows claimed FOR UPDATE SKIP
 *   LOCKED, so two runners never deliver the same event).
 * - notification: one per event and recipient (unique), with the state of its e-mail: PENDING (to send),
 *   SENT, FAILED (gave up after retries), MUTED (the user switched the kind off), NO_SMTP (no mail server
 *   configured), NO_ADDRESS.
 * - notification_read: the user's "read" mark, apart from the runner's row, so marking never waits for a
 *   mail being sent and the runner never overwrites a mark.
 * - notification_preference: the kinds a user does NOT want by e-mail (absent: all of them; a kind added
 *   later is then on by default). The console list always shows every notification.
 *
 * The job runner itself (pg-boss) keeps its queues in its own schema `pgboss`, created by pg-boss on start.
 */
export class Notifications1795760000000 implements MigrationInterface {
  name = 'Notifications1795760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        entity_type text NOT NULL CHECK (entity_type IN ('SocialAccount','ClaimedUrl','ImpersonationReport')),
        entity_id uuid NOT NULL,
        org_unit_id uuid REFERENCES org_unit(id),
        requester_id uuid REFERENCES app_user(id),
        actor_id uuid REFERENCES app_user(id),
        facts jsonb NOT NULL DEFAULT '{}'::jsonb,
        dedupe_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX notification_outbox_dedupe_uq ON notification_outbox (dedupe_key) WHERE dedupe_key IS NOT NULL`);
    await q.query(`CREATE INDEX notification_outbox_pending_idx ON notification_outbox (created_at) WHERE delivered_at IS NULL`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        outbox_id uuid NOT NULL REFERENCES notification_outbox(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        email_status text NOT NULL CHECK (email_status IN ('PENDING','SENT','FAILED','MUTED','NO_SMTP','NO_ADDRESS')),
        email_attempts int NOT NULL DEFAULT 0,
        email_next_attempt_at timestamptz,
        email_error text,
        emailed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (outbox_id, user_id)
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_mail_idx ON notification (created_at) WHERE email_status = 'PENDING'`);

    await q.query(`
      CREATE TABLE notification_read (
        notification_id uuid PRIMARY KEY REFERENCES notification(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        read_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_read_user_idx ON notification_read (user_id)`);

    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user(id),
        muted_kinds text[] NOT NULL DEFAULT '{}' CHECK (muted_kinds <@ ARRAY[${KINDS}]::text[]),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE notification_read`);
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE notification_outbox`);
    await q.query(`DROP SCHEMA IF EXISTS pgboss CASCADE`);
  }
}
