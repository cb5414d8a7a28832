import { type LookalikeReason, handleSkeleton, lookalikeSearchSkeletons, rankLookalikes } from '@ggsm/domain';

/**
 * The lookalike search, apart from Nest so the benchmark (bench/lookalikes.bench.ts) runs exactly this code:
 * candidates from PostgreSQL through the GIN trigram index on a stored skeleton, then scored precisely in
 * TypeScript by the domain's rankLookalikes.
 */

/** What runs SQL: a TypeORM DataSource or EntityManager. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<any[]>;
}

export interface CandidateQuery {
  /** The suspect's skeleton, for trigram similarity (`%`, pg_trgm.similarity_threshold, default 0.3). */
  skeleton: string;
  /** Skeletons looked up exactly: the suspect's, and its cores without a faker's word (LK050official → lkoso). */
  exact: string[];
  /** Only this platform; null: every platform. */
  platform: string | null;
  /** At most this many trigram candidates, the most similar first; exact ones always come. */
  limit: number;
  /** Only rows of these units (an editor's scope); null: all. */
  unitIds: string[] | null;
}

export interface CandidateRow {
  id: string;
  platform: string;
  handle: string;
}

/**
 * Where candidates come from. Our accounts now; the known impersonators (the cases' table, with its own
 * skeleton column) become a second source the same way, so one search ranks both.
 */
export interface LookalikeCandidateSource<R extends CandidateRow = CandidateRow> {
  /** Names the source in the results: ACCOUNT, later KNOWN_IMPERSONATOR. */
  readonly kind: string;
  candidates(db: SqlRunner, query: CandidateQuery): Promise<R[]>;
}

export interface AccountCandidate extends CandidateRow {
  displayName: string | null;
  status: string;
}

function accountSql(platform: boolean, units: boolean): string {
  // $1 skeleton, $2 exact skeletons, $3 limit, then the platform and the units when the shape has them.
  let next = 4;
  const where = [platform ? `a.platform_key = $${next++}` : '', units ? `a.org_unit_id = ANY($${next++}::uuid[])` : ''].filter(Boolean);
  const and = where.map((w) => ` AND ${w}`).join('');
  // Two index paths, each on the one GIN trigram index: similarity (%) for the near ones, equality for the
  // exact skeletons (a join, because GIN cannot search an `= ANY(array)` in one scan).
  return `
    SELECT a.id, a.platform_key AS platform, a.handle, a.display_name AS "displayName", a.status
      FROM ((SELECT a.id FROM social_account a
              WHERE a.handle_skeleton % $1${and}
              ORDER BY similarity(a.handle_skeleton, $1) DESC, a.id
              LIMIT $3)
            UNION
            (SELECT a.id FROM unnest($2::text[]) AS k(skeleton)
               JOIN social_account a ON a.handle_skeleton = k.skeleton
              WHERE true${and})) c
      JOIN social_account a ON a.id = c.id`;
}

// Built once: the four shapes of the query (one platform or all, a unit scope or none).
const ACCOUNT_SQL = [accountSql(false, false), accountSql(true, false), accountSql(false, true), accountSql(true, true)] as const;

/** Our accounts (every status: an archived handle is still ours). */
export const ACCOUNT_SOURCE: LookalikeCandidateSource<AccountCandidate> = {
  kind: 'ACCOUNT',
  candidates(db, q) {
    const sql = ACCOUNT_SQL[(q.platform ? 1 : 0) + (q.unitIds ? 2 : 0)] as string;
    const params: unknown[] = [q.skeleton, q.exact, q.limit];
    if (q.platform) params.push(q.platform);
    if (q.unitIds) params.push(q.unitIds);
    return db.query(sql, params);
  },
};

export interface LookalikeSearch {
  platform: string;
  handle: string;
  /** At most this many matches (best first). */
  limit: number;
  crossPlatform: boolean;
  unitIds: string[] | null;
  /** Trigram candidates per source (default 200). */
  candidateLimit?: number;
}

export interface LookalikeHit<R extends CandidateRow = CandidateRow> {
  kind: string;
  row: R;
  score: number;
  reasons: LookalikeReason[];
}

export const DEFAULT_CANDIDATE_LIMIT = 200;

/** Candidates from every source, ranked together by the lookalike engine. */
export async function searchLookalikes<R extends CandidateRow>(db: SqlRunner, sources: readonly LookalikeCandidateSource<R>[], search: LookalikeSearch): Promise<LookalikeHit<R>[]> {
  const skeleton = handleSkeleton(search.handle);
  if (!skeleton) return [];
  const query: CandidateQuery = {
    skeleton,
    exact: lookalikeSearchSkeletons(search.handle),
    platform: search.crossPlatform ? null : search.platform,
    limit: search.candidateLimit ?? DEFAULT_CANDIDATE_LIMIT,
    unitIds: search.unitIds,
  };
  const byKey = new Map<string, { kind: string; row: R }>();
  for (const source of sources) {
    for (const row of await source.candidates(db, query)) byKey.set(`${source.kind}:${row.id}`, { kind: source.kind, row });
  }
  const candidates = [...byKey.entries()].map(([id, c]) => ({ id, platform: c.row.platform, handle: c.row.handle }));
  const ranked = rankLookalikes({ platform: search.platform, handle: search.handle }, candidates, { limit: search.limit, crossPlatform: search.crossPlatform });
  return ranked.map((r) => {
    const c = byKey.get(r.id) as { kind: string; row: R };
    return { kind: c.kind, row: c.row, score: r.score, reasons: r.reasons };
  });
}
