import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Impersonation reports ("fakers", standpunt 6 of the policy note): the case, its evidence, the suspects
 * legal decided are fakes, and the time limits per state.
 *
 * - impersonation_report: one case per suspect (platform + normalised handle) while it is open: a partial
 *   unique index makes a second report of the same suspect join the open case, also when two arrive at
 *   once. The reference IMP-<year>-<sequence> comes from impersonation_reference_counter, one row per year
 *   bumped with INSERT … ON CONFLICT DO UPDATE (row-locked, so no two cases share a number, on any replica).
 *   reporter_name/email/phone are personal data (AVG): the API shows them to COMMUNICATIONS and LEGAL only
 *   and never writes them into logs or the audit trail.
 * - impersonation_evidence: URLs, notes, capture times and screenshots (bytea, with their sha256). Evidence
 *   is never changed or removed: a trigger refuses UPDATE, DELETE and TRUNCATE, as for audit_event.
 * - known_impersonator: the suspects legal decided are impersonation, one row per platform and normalised
 *   handle, with the lookalike skeleton of the handle so public verification can warn about relaunches.
 * - impersonation_time_limit: working days a case may stay in each state (NULL: no limit). Defaults: triage
 *   within 2 working days, the legal decision within 5. Changed by the functional administrator in SQL
 *   (UPDATE impersonation_time_limit SET working_days = 3 WHERE state = 'RECEIVED'); read on every request.
 */
export class Impersonation1795740000000 implements MigrationInterface {
  name = 'Impersonation1795740000000';

  async up(q: QueryRunner): Promise<void> {
    const states = `'RECEIVED','TRIAGED','LEGAL_REVIEW','TAKEDOWN_REQUESTED','TAKEDOWN_ACCEPTED','TAKEDOWN_DENIED','MONITORING','CLOSED','DISMISSED'`;
    await q.query(`
      CREATE TABLE impersonation_reference_counter (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
        last_value int NOT NULL CHECK (last_value >= 1)
      )`);

    await q.query(`
      CREATE TABLE impersonation_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL CHECK (reference ~ '^IMP-[0-9]{4}-[0-9]{4,}$'),
        source text NOT NULL CHECK (source IN ('PUBLIC','STAFF','MONITORING')),
        reporter_name text,
        reporter_email text,
        reporter_phone text,
        created_by_id uuid REFERENCES app_user(id),
        platform_key text NOT NULL REFERENCES platform(key),
        suspect_handle text NOT NULL CHECK (length(suspect_handle) BETWEEN 1 AND 300),
        normalized_suspect_handle text NOT NULL CHECK (length(normalized_suspect_handle) BETWEEN 1 AND 300),
        suspect_url text,
        suspect_display_name text,
        description text NOT NULL CHECK (length(trim(description)) > 0),
        suggested_account_id uuid REFERENCES social_account(id),
        imitated_account_id uuid REFERENCES social_account(id),
        state text NOT NULL DEFAULT 'RECEIVED' CHECK (state IN (${states})),
        state_entered_at timestamptz NOT NULL DEFAULT now(),
        dismissal_reason text CHECK (dismissal_reason IN ('DUPLICATE','UNRELATED','PARODY_ALLOWED')),
        legal_decision text CHECK (legal_decision IN ('IMPERSONATION','PARODY_ALLOWED','NOT_RELATED','INSUFFICIENT_EVIDENCE')),
        legal_reasoning text,
        legal_decided_by_id uuid REFERENCES app_user(id),
        legal_decided_at timestamptz,
        takedown_case_ref text,
        takedown_filed_at timestamptz,
        takedown_filed_by_id uuid REFERENCES app_user(id),
        takedown_outcome text CHECK (takedown_outcome IN ('ACCEPTED','DENIED')),
        takedown_outcome_at timestamptz,
        report_count int NOT NULL DEFAULT 1 CHECK (report_count >= 1),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((state = 'DISMISSED') = (dismissal_reason IS NOT NULL)),
        CHECK ((legal_decision IS NULL) = (legal_decided_at IS NULL)),
        CHECK (legal_decision IS NULL OR length(trim(coalesce(legal_reasoning, ''))) > 0),
        CHECK (state NOT IN ('TAKEDOWN_REQUESTED','TAKEDOWN_ACCEPTED','TAKEDOWN_DENIED') OR (legal_decision = 'IMPERSONATION' AND takedown_case_ref IS NOT NULL)),
        CHECK (state NOT IN ('TAKEDOWN_ACCEPTED','TAKEDOWN_DENIED') OR takedown_outcome IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX impersonation_report_reference_uq ON impersonation_report (reference)`);
    await q.query(
      `CREATE UNIQUE INDEX impersonation_report_open_suspect_uq ON impersonation_report (platform_key, normalized_suspect_handle) WHERE state NOT IN ('CLOSED','DISMISSED')`,
    );
    await q.query(`CREATE INDEX impersonation_report_state_idx ON impersonation_report (state, state_entered_at)`);
    await q.query(`CREATE INDEX impersonation_report_imitated_idx ON impersonation_report (imitated_account_id)`);
    await q.query(`CREATE INDEX impersonation_report_suggested_idx ON impersonation_report (suggested_account_id)`);

    await q.query(`
      CREATE TABLE impersonation_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES impersonation_report(id),
        kind text NOT NULL CHECK (kind IN ('URL','NOTE','FILE')),
        url text CHECK (length(url) <= 2000),
        note text CHECK (length(note) <= 10000),
        captured_at timestamptz,
        -- Set when the evidence came in with a (joined) report rather than being added to the case later.
        intake_source text CHECK (intake_source IN ('PUBLIC','STAFF','MONITORING')),
        file_name text,
        mime_type text CHECK (mime_type IN ('image/png','image/jpeg')),
        size_bytes int CHECK (size_bytes > 0),
        sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea,
        created_by_id uuid REFERENCES app_user(id),
        -- clock_timestamp(): the rows of one report (its note, then its URL) keep the order they were given in.
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK ((kind = 'FILE') = (content IS NOT NULL)),
        CHECK (kind <> 'FILE' OR (mime_type IS NOT NULL AND size_bytes = octet_length(content) AND sha256 = encode(digest(content, 'sha256'), 'hex'))),
        CHECK (kind <> 'URL' OR url IS NOT NULL),
        CHECK (kind <> 'NOTE' OR length(trim(coalesce(note, ''))) > 0)
      )`);
    await q.query(`CREATE INDEX impersonation_evidence_report_idx ON impersonation_evidence (report_id, created_at)`);
    await q.query(`
      CREATE FUNCTION impersonation_evidence_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'impersonation_evidence cannot be changed or removed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER impersonation_evidence_no_update BEFORE UPDATE OR DELETE ON impersonation_evidence FOR EACH ROW EXECUTE FUNCTION impersonation_evidence_refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER impersonation_evidence_no_truncate BEFORE TRUNCATE ON impersonation_evidence FOR EACH STATEMENT EXECUTE FUNCTION impersonation_evidence_refuse_change()`,
    );

    await q.query(`
      CREATE TABLE known_impersonator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform_key text NOT NULL REFERENCES platform(key),
        handle text NOT NULL,
        normalized_handle text NOT NULL CHECK (length(normalized_handle) > 0),
        skeleton text NOT NULL,
        report_id uuid NOT NULL REFERENCES impersonation_report(id),
        imitated_account_id uuid REFERENCES social_account(id),
        decided_at timestamptz NOT NULL,
        decided_by_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX known_impersonator_handle_uq ON known_impersonator (platform_key, normalized_handle)`);
    await q.query(`CREATE INDEX known_impersonator_skeleton_idx ON known_impersonator (skeleton)`);

    await q.query(`
      CREATE TABLE impersonation_time_limit (
        state text PRIMARY KEY CHECK (state IN (${states})),
        working_days int CHECK (working_days BETWEEN 0 AND 250),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (state NOT IN ('CLOSED','DISMISSED') OR working_days IS NULL)
      )`);
    const limits: [string, number | null][] = [
      ['RECEIVED', 2],
      ['TRIAGED', 2],
      ['LEGAL_REVIEW', 5],
      ['TAKEDOWN_REQUESTED', 10],
      ['TAKEDOWN_ACCEPTED', 5],
      ['TAKEDOWN_DENIED', 5],
      ['MONITORING', 20],
      ['CLOSED', null],
      ['DISMISSED', null],
    ];
    for (const [state, days] of limits) await q.query(`INSERT INTO impersonation_time_limit (state, working_days) VALUES ($1, $2)`, [state, days]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE impersonation_time_limit`);
    await q.query(`DROP TABLE known_impersonator`);
    await q.query(`DROP TABLE impersonation_evidence`);
    await q.query(`DROP FUNCTION impersonation_evidence_refuse_change()`);
    await q.query(`DROP TABLE impersonation_report`);
    await q.query(`DROP TABLE impersonation_reference_counter`);
  }
}
