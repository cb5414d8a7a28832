import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review intervals per kind of account, as data: Communications sets them without a release (PRODUCT.md:
 * "an active account is due for review every N months (default 6, configurable per kind)").
 * `social_account.review_interval_months` becomes an override of one account: NULL follows its kind.
 *
 * The intervals are copied in as literal values on purpose: a migration must insert the same rows for ever,
 * whatever the domain library's DEFAULT_REVIEW_MONTHS becomes later.
 */
export class ReviewIntervals1795720000000 implements MigrationInterface {
  name = 'ReviewIntervals1795720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_interval (
        kind text PRIMARY KEY CHECK (kind IN ('ORGANISATIONAL','PERSONAL_IN_FUNCTION','ADMINISTRATOR','CAMPAIGN','PROJECT','DEFENSIVE','INTERNAL')),
        months int NOT NULL CHECK (months BETWEEN 1 AND 60),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [kind, months] of REVIEW_MONTHS) {
      await q.query(`INSERT INTO review_interval (kind, months) VALUES ($1, $2)`, [kind, months]);
    }

    await q.query(`ALTER TABLE social_account ALTER COLUMN review_interval_months DROP DEFAULT`);
    await q.query(`ALTER TABLE social_account ALTER COLUMN review_interval_months DROP NOT NULL`);
    // 6 was the column default, not a choice: nobody could set an interval in the console, so a 6 says only
    // that the account was registered. Those accounts follow their kind from now on; other values were chosen.
    await q.query(`UPDATE social_account SET review_interval_months = NULL WHERE review_interval_months = 6`);
    // The next review follows from the last one and the interval that now applies (calendar months in UTC, the
    // day clamped to the month's end: the domain's reviewDueAt). Never reviewed: no date, overdue as before.
    await q.query(`
      UPDATE social_account a
         SET next_review_at = (a.last_reviewed_at AT TIME ZONE 'UTC' + make_interval(months => coalesce(a.review_interval_months, r.months))) AT TIME ZONE 'UTC'
        FROM review_interval r
       WHERE r.kind = a.kind AND a.last_reviewed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Each account keeps the interval it has now as its own, so its next review date stays right.
    await q.query(`
      UPDATE social_account a
         SET review_interval_months = r.months
        FROM review_interval r
       WHERE r.kind = a.kind AND a.review_interval_months IS NULL`);
    await q.query(`UPDATE social_account SET review_interval_months = 6 WHERE review_interval_months IS NULL`);
    await q.query(`ALTER TABLE social_account ALTER COLUMN review_interval_months SET NOT NULL`);
    await q.query(`ALTER TABLE social_account ALTER COLUMN review_interval_months SET DEFAULT 6`);
    await q.query(`DROP TABLE review_interval`);
  }
}

// ---------------------------------------------------------------------------------------------
// The intervals as of this migration. Six months is the policy's default; campaigns end or change hands
// sooner (three); defensive registrations and internal accounts rarely change (twelve).

const REVIEW_MONTHS: [string, number][] = [
  ['ORGANISATIONAL', 6],
  ['PERSONAL_IN_FUNCTION', 6],
  ['ADMINISTRATOR', 6],
  ['CAMPAIGN', 3],
  ['PROJECT', 6],
  ['DEFENSIVE', 12],
  ['INTERNAL', 12],
];
