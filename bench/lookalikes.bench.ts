// `lookalikes` against 100,000 generated handles on a real PostgreSQL with the real migrations: the API's
// own search (apps/api/src/lookalikes/lookalike-search.ts: trigram candidates plus exact skeletons from the
// GIN index, scored by the domain's rankLookalikes), beside a plain pg_trgm similarity query on the same
// column and index, measured in the same run. Run with `npm run bench`.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { handleSkeleton } from '@ggsm/domain';
import { createDataSource } from '../apps/api/src/database/data-source';
import { freePort, startEmbeddedPostgres } from '../apps/api/src/database/embedded-postgres';
import { ACCOUNT_SOURCE, searchLookalikes } from '../apps/api/src/lookalikes/lookalike-search';
import { seededRandom } from './seeded-random';

const HANDLES = 100_000;
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const WARMUP = 100;

// Deterministic, so two runs measure the same register.
const { random, pick } = seededRandom(20110614);

const PLATFORMS = ['x', 'x', 'x', 'facebook', 'facebook', 'instagram', 'instagram', 'linkedin', 'youtube', 'tiktok', 'flickr'];
const PREFIXES = ['', '', '', 'stads', 'wijk', 'gemeente', 'sport', 'cultuur', 'jeugd', 'zorg', 'afval', 'parkeer', 'milieu', 'bibliotheek', 'museum', 'sdc', 'ggd', 'team', 'ons', 'mijn', 'hallo'];
const WORDS = ['beheer', 'loket', 'nieuws', 'dienst', 'centrum', 'zwembad', 'school', 'haven', 'markt', 'park', 'schouwburg', 'poort', 'molen', 'kudde', 'pas', 'talent', 'werk', 'wonen', 'veilig', 'groen', 'fiets', 'water', 'energie', 'kunst', 'muziek', 'zorg', 'buurt', 'plein', 'toren', 'festival'];
const PLACES = ['groningen', 'haren', 'ten boer', 'hoogkerk', 'paddepoel', 'vinkhuizen', 'beijum', 'lewenborg', 'oosterpark', 'selwerd', 'zernike', 'helpman', 'noord', 'zuid', 'oost', 'west', 'centrum'];
const SUFFIXES = ['', '', '050', '050', 'groningen', 'nl', 'grunn', '2024', 'info', 'official', 'online'];
const FIRST = ['anne', 'liesbeth', 'jan', 'pieter', 'sanne', 'femke', 'bram', 'daan', 'lotte', 'eva', 'tom', 'noor', 'sem', 'julia', 'lucas', 'emma', 'thijs', 'fleur'];
const LAST = ['dejong', 'devries', 'bakker', 'visser', 'smit', 'meijer', 'mulder', 'bos', 'vos', 'dijkstra', 'postma', 'hoekstra', 'jansen', 'wieringa', 'kuipers'];
const SEPARATORS = ['', '', '', '', '_', '.', '-'];

function styled(parts: string[]): string {
  const sep = pick(SEPARATORS);
  const camel = random() < 0.5;
  return parts
    .filter(Boolean)
    .map((p) => p.replace(/ /g, ''))
    .map((p) => (camel ? p.charAt(0).toUpperCase() + p.slice(1) : p))
    .join(sep);
}

function generateHandle(): string {
  const r = random();
  if (r < 0.45) return styled([pick(PREFIXES), pick(WORDS), pick(SUFFIXES)]);
  if (r < 0.65) return styled([pick(WORDS), pick(PLACES), pick(SUFFIXES)]);
  if (r < 0.85) return styled([random() < 0.3 ? 'sdc' : '', pick(FIRST), pick(LAST), random() < 0.3 ? String(Math.floor(random() * 100)) : '']);
  // Noise: random letters and digits, as real registers hold.
  return Array.from({ length: 5 + Math.floor(random() * 10) }, () => pick([...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');
}

/** What a faker makes of a handle: a look-alike digit, a Cyrillic letter, a separator, an affix, a swap, an invisible character. */
function disguise(handle: string): string {
  const chars = Array.from(handle);
  const at = Math.floor(random() * chars.length);
  switch (Math.floor(random() * 6)) {
    case 0:
      return handle.replace(/o/i, '0').replace(/l/, '1');
    case 1:
      return handle.replace(/a/, 'а').replace(/e/, 'е'); // Cyrillic а and е
    case 2:
      return chars.slice(0, at).join('') + '_' + chars.slice(at).join('');
    case 3:
      return pick(['', 'real_', 'the']) + handle + pick(['_official', 'NL', 'info', '']);
    case 4:
      if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1] as string, chars[at] as string];
      return chars.join('');
    default:
      return chars.slice(0, at).join('') + '\u200B' + chars.slice(at).join('');
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function measure(label: string, suspects: { platform: string; handle: string }[], run: (s: { platform: string; handle: string }) => Promise<unknown>) {
  for (const s of suspects.slice(0, WARMUP)) await run(s);
  const times: number[] = [];
  const started = performance.now();
  for (const s of suspects) {
    const t = performance.now();
    await run(s);
    times.push(performance.now() - t);
  }
  const total = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p99: percentile(times, 99), qps: suspects.length / total };
}

async function main(): Promise<void> {
  const dataDir = join(tmpdir(), `ggsm-bench-${randomBytes(6).toString('hex')}`);
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const db = createDataSource(pg.url);
  try {
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    const [unit] = await db.query(`INSERT INTO org_unit (name, short_code, kind) VALUES ('Gemeente Groningen', 'GEM', 'MUNICIPALITY') RETURNING id`);

    // 1. The register: 100,000 handles, each unique per platform as the real unique index demands.
    const seen = new Set<string>();
    const rows: { platform: string; handle: string }[] = [];
    while (rows.length < HANDLES) {
      const platform = pick(PLATFORMS);
      const handle = generateHandle();
      const key = `${platform}:${handle.toLowerCase()}`;
      if (!handle || seen.has(key)) continue;
      seen.add(key);
      rows.push({ platform, handle });
    }
    console.log(`generated ${rows.length.toLocaleString('en')} handles; loading them…`);
    const loadStart = performance.now();
    for (let i = 0; i < rows.length; i += 5000) {
      const batch = rows.slice(i, i + 5000);
      await db.query(
        `INSERT INTO social_account (platform_key, handle, normalized_handle, handle_skeleton, profile_url, org_unit_id, kind, status, legacy)
         SELECT p, h, lower(h), s, 'https://example.org/' || h, $4, 'ORGANISATIONAL', 'ACTIVE', true
           FROM unnest($1::text[], $2::text[], $3::text[]) AS t(p, h, s)`,
        [batch.map((r) => r.platform), batch.map((r) => r.handle), batch.map((r) => handleSkeleton(r.handle)), unit.id],
      );
    }
    await db.query('ANALYZE social_account');
    const loadSeconds = (performance.now() - loadStart) / 1000;

    // 2. The suspects: three in four disguise a registered handle, one in four is unrelated.
    const suspects: { platform: string; handle: string; origin?: string }[] = [];
    for (let i = 0; i < QUERIES + WARMUP; i++) {
      const origin = pick(rows);
      suspects.push(random() < 0.75 ? { platform: origin.platform, handle: disguise(origin.handle), origin: origin.handle } : { platform: pick(PLATFORMS), handle: generateHandle() + pick(['zz', 'qx', 'kw']) });
    }

    const baselineSql = `SELECT id, handle, similarity(handle_skeleton, $1) AS sim FROM social_account
                          WHERE handle_skeleton % $1 AND platform_key = $2 ORDER BY sim DESC, id LIMIT 10`;
    const engine = (s: { platform: string; handle: string }) =>
      searchLookalikes(db, [ACCOUNT_SOURCE], { platform: s.platform, handle: s.handle, limit: 10, crossPlatform: false, unitIds: null });
    const baseline = (s: { platform: string; handle: string }) => db.query(baselineSql, [handleSkeleton(s.handle), s.platform]);

    // Quality on the same suspects: was the disguised handle found (top 10)?
    let engineFound = 0;
    let baselineFound = 0;
    let engineFalse = 0;
    let disguised = 0;
    for (const s of suspects.slice(WARMUP, WARMUP + 300)) {
      const e = (await engine(s)).map((h) => h.row.handle);
      const b = ((await baseline(s)) as { handle: string }[]).map((r) => r.handle);
      if (s.origin) {
        disguised++;
        if (e.includes(s.origin)) engineFound++;
        if (b.includes(s.origin)) baselineFound++;
      } else if (e.length) engineFalse++;
    }

    // 3. Latency and throughput, one query at a time, each after its own warm-up.
    const timed = suspects.slice(WARMUP);
    const results = [await measure('pg_trgm similarity (baseline)', timed, baseline), await measure('lookalikes (candidates + TS scoring)', timed, engine)];
    const plan: { 'QUERY PLAN': string }[] = await db.query(
      `EXPLAIN SELECT id FROM social_account WHERE handle_skeleton % $1 AND platform_key = 'x' ORDER BY similarity(handle_skeleton, $1) DESC LIMIT 200`,
      [handleSkeleton('Stadsbeheer050')],
    );

    const exactPlan: { 'QUERY PLAN': string }[] = await db.query(
      `EXPLAIN SELECT a.id FROM unnest($1::text[]) AS k(skeleton) JOIN social_account a ON a.handle_skeleton = k.skeleton`,
      [['stadsbeheeroso', 'stadsbeheer']],
    );
    const [base, ours] = results as [(typeof results)[number], (typeof results)[number]];
    const fmt = (n: number, d = 2) => n.toFixed(d).padStart(9);
    console.log(`\nlookalikes benchmark: ${HANDLES.toLocaleString('en')} handles (loaded in ${loadSeconds.toFixed(1)} s), ${QUERIES} queries each after ${WARMUP} warm-up, one at a time`);
    console.log(`${'query'.padEnd(40)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'q/s'.padStart(9)}`);
    for (const r of results) console.log(`${r.label.padEnd(40)}${fmt(r.p50)}${fmt(r.p99)}${fmt(r.qps, 0)}`);
    console.log(`${'ratio lookalikes / baseline'.padEnd(40)}${fmt(ours.p50 / base.p50)}${fmt(ours.p99 / base.p99)}${fmt(ours.qps / base.qps)}`);
    console.log(`found the disguised handle (top 10, ${disguised} suspects): lookalikes ${engineFound}, baseline ${baselineFound}; lookalikes with a match for an unrelated suspect: ${engineFalse} of ${300 - disguised}`);
    const scans = (rows: { 'QUERY PLAN': string }[]) => rows.map((p) => p['QUERY PLAN'].trim()).filter((l) => /Scan|Index Cond/.test(l)).join(' | ');
    console.log(`plan, similarity: ${scans(plan)}`);
    console.log(`plan, exact skeletons: ${scans(exactPlan)}\n`);
  } finally {
    if (db.isInitialized) await db.destroy();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
