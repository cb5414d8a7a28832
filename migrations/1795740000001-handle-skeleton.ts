import type { MigrationInterface, QueryRunner } from 'typeorm';
import { handleSkeleton } from '@ggsm/domain';

/**
 * The lookalike engine's skeleton of every account handle, stored and trigram-indexed, so a search for the
 * accounts a suspect handle passes for finds its candidates in the index (pg_trgm) and scores only those in
 * TypeScript (rankLookalikes), instead of comparing with every handle of the register.
 *
 * - handle_skeleton: handleSkeleton(handle) of @ggsm/domain (case, separators, invisible characters,
 *   accents and confusables folded). It is TypeScript, not SQL, so the API writes it with every handle it
 *   writes (SocialAccountsService, the demo seed), and this migration fills the rows that exist. NOT NULL,
 *   so a write path that forgets it fails instead of hiding an account from the search. Should the
 *   skeleton ever change, a new migration recomputes the column the same way.
 * - One GIN index with gin_trgm_ops: it answers `%` / similarity() and, since PostgreSQL 14, equality too.
 *   Deliberately no GiST index beside it: with both, the planner tends to pick GiST, the slower of the two
 *   for this read-mostly column.
 * - pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it without superuser.
 */
export class HandleSkeleton1795740000001 implements MigrationInterface {
  name = 'HandleSkeleton1795740000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`ALTER TABLE social_account ADD COLUMN handle_skeleton text`);
    const rows: { id: string; handle: string }[] = await q.query(`SELECT id, handle FROM social_account`);
    for (let i = 0; i < rows.length; i += 5000) {
      const batch = rows.slice(i, i + 5000);
      await q.query(
        `UPDATE social_account a SET handle_skeleton = s.skeleton
           FROM unnest($1::uuid[], $2::text[]) AS s(id, skeleton) WHERE a.id = s.id`,
        [batch.map((r) => r.id), batch.map((r) => handleSkeleton(r.handle))],
      );
    }
    await q.query(`ALTER TABLE social_account ALTER COLUMN handle_skeleton SET NOT NULL`);
    await q.query(`CREATE INDEX social_account_handle_skeleton_trgm ON social_account USING gin (handle_skeleton gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX social_account_handle_skeleton_trgm`);
    await q.query(`ALTER TABLE social_account DROP COLUMN handle_skeleton`);
    // pg_trgm stays: other objects may have come to use it since.
  }
}
