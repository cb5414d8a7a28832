// Public verification under load, in one run: (1) a baseline, a hand-written node:http + pg server doing the
// same indexed lookup on the same database (bench/baseline-verify-server.ts); (2) ggsm's REST
// GET /public/verify; (3) ggsm's GraphQL verifyAccount. ggsm is the built app (apps/api/dist/main.js),
// started as libs/testing's startApp does, with the demo data plus generated ACTIVE accounts. Each target
// gets the same mix of questions (hits, case and @/URL variants, misses, lookalikes) from autocannon at 32
// connections: a warm-up, then the measured run. Targets (2 cores): REST >= 1.0x the baseline's req/s,
// GraphQL >= 0.6x, p99 < 25 ms for both. Run with `npm run bench` (or `node bench/run.mjs verify`).
// Settings: BENCH_ACCOUNTS (20000), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (32),
// BENCH_GGSM_NODE_ARGS (node options for ggsm, e.g. to profile it).
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleSkeleton, normalizeHandle, profileUrl } from '@ggsm/domain';
import { API_MAIN, WORKSPACE, freePort, freshDataDir } from '../libs/testing/src/app';
import { connectAsSuperuser, embeddedPostgres, inParallel } from '../libs/testing/src/database';
import { seededRandom } from './seeded-random';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** Distinct questions in the mix. */
const QUESTIONS = 4000;
const TARGETS = { rest: 1.0, graphql: 0.6, p99Ms: 25 };

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: object, done: (err: Error | null, result: AutocannonResult) => void) => unknown;

// Deterministic, so two runs measure the same register and mix.
const { random, pick } = seededRandom(20110614);

const WORDS = ['Stads', 'Wijk', 'Sport', 'Cultuur', 'Jeugd', 'Zorg', 'Afval', 'Parkeer', 'Milieu', 'Museum', 'Haven', 'Markt', 'Park', 'Poort', 'Molen', 'Kudde', 'Werk', 'Wonen', 'Groen', 'Fiets', 'Water', 'Kunst', 'Buurt', 'Plein', 'Toren'];
const PLACES = ['Haren', 'Beijum', 'Selwerd', 'Zernike', 'Helpman', 'Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Paddepoel', 'Hoogkerk'];
const SUFFIXES = ['050', 'Grunn', 'NL', 'Info', ''];

/** An X handle (letters, digits, underscore, at most 15) or an Instagram one (lower case, dots). */
function generateHandle(platform: string): string {
  const base = `${pick(WORDS)}${random() < 0.6 ? pick(PLACES) : pick(WORDS)}${pick(SUFFIXES)}${random() < 0.5 ? Math.floor(random() * 1000) : ''}`;
  if (platform === 'x') return base.slice(0, 15);
  return base.toLowerCase().replace(/(\d+)$/, '.$1').slice(0, 30);
}

/** What a faker makes of a handle, within the platform's syntax: a look-alike digit, a separator, an affix, a swap. */
function disguise(platform: string, handle: string): string {
  const max = platform === 'x' ? 15 : 30;
  const chars = [...handle];
  const at = 1 + Math.floor(random() * Math.max(1, chars.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return /[oO]/.test(handle) ? handle.replace(/o/i, '0') : handle.replace(/l/i, '1') + (handle.length < max ? '_' : '');
    case 1:
      return (chars.slice(0, at).join('') + '_' + chars.slice(at).join('')).slice(0, max);
    case 2:
      return `${handle.slice(0, max - 3)}${platform === 'x' ? 'NL' : '.nl'}`;
    default:
      [chars[at - 1], chars[at]] = [chars[at] as string, chars[at - 1] as string];
      return chars.join('');
  }
}

interface Question {
  platform: string;
  handle: string;
  kind: 'hit' | 'variant' | 'miss' | 'lookalike';
}

// ---- processes ----

/** Output files of the processes started, removed at the end. */
const outputs: string[] = [];

/**
 * The output of a process under test goes to a file, not to a pipe: reading a pipe would make this process,
 * the load generator, the consumer of ggsm's request log (a wake-up per line on the same two cores), which no
 * deployment does. The file is read here only until `pattern` appears.
 */
function outputFile(what: string): { path: string; fd: number } {
  const path = join(tmpdir(), `ggsm-bench-${what}-${process.pid}-${Date.now()}.log`);
  return { path, fd: openSync(path, 'w') };
}

function waitForLine(child: ChildProcess, output: string, pattern: RegExp, what: string, ms = 120_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tail = () => readFileSync(output, 'utf8').slice(-2000);
    const onExit = (code: number | null) => {
      clearInterval(poll);
      reject(new Error(`${what} exited with ${code}:\n${tail()}`));
    };
    const poll = setInterval(() => {
      const m = pattern.exec(readFileSync(output, 'utf8'));
      if (m) {
        clearInterval(poll);
        child.off('exit', onExit);
        resolve(m);
      } else if (Date.now() - started > ms) {
        clearInterval(poll);
        child.off('exit', onExit);
        reject(new Error(`${what} did not start within ${ms / 1000} s:\n${tail()}`));
      }
    }, 100);
    child.once('exit', onExit);
  });
}

async function startGgsm(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // To profile ggsm under this load: BENCH_GGSM_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
  const nodeArgs = (process.env.BENCH_GGSM_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const output = outputFile('ggsm');
  const child = spawn(process.execPath, [...nodeArgs, API_MAIN], {
    cwd: WORKSPACE,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      GGSM_DATA_DIR: dataDir,
      // The abuse limit is configuration: one benchmark client asks far more often than any citizen.
      GGSM_VERIFY_RATE_LIMIT: '1000000',
      GGSM_VERIFY_RATE_WINDOW_SECONDS: '1',
    },
    stdio: ['ignore', output.fd, output.fd],
  });
  closeSync(output.fd);
  outputs.push(output.path);
  await waitForLine(child, output.path, /ggsm is running/, 'ggsm');
  return { url: `http://127.0.0.1:${port}`, child };
}

async function startBaseline(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const output = outputFile('baseline');
  const child = spawn(process.execPath, ['-r', join(__dirname, 'register.cjs'), join(__dirname, 'baseline-verify-server.ts')], {
    cwd: WORKSPACE,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, PORT: '0' },
    stdio: ['ignore', output.fd, output.fd],
  });
  closeSync(output.fd);
  outputs.push(output.path);
  const m = await waitForLine(child, output.path, /listening (\d+)/, 'the baseline server');
  return { url: `http://127.0.0.1:${m[1]}`, child };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// ---- load ----

/**
 * `requests` as a fixed list that every connection walks round: autocannon turns each into bytes once, so
 * the load generator, on the same two cores, spends its time sending and not building requests (a
 * function per request, or JSON made per request, cost it a fifth of a core and showed up in every
 * target's p99). Every answer is already cached when the runs start (the mix was asked once, above).
 */
function run(url: string, seconds: number, requests: RawRequest[]): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: seconds, requests },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

interface Target {
  label: string;
  url: string;
  request: (q: Question) => RawRequest;
}

const GRAPHQL = 'query($p: String!, $h: String!) { verifyAccount(platform: $p, handle: $h) { status platform handle formerUntil account { platform platformName handle displayName unit { name path } kind since profileUrl } imitates { handle } looksLike { account { platform handle } reasons { code } } } }';

async function main(): Promise<void> {
  const dataDir = freshDataDir();
  const processes: ChildProcess[] = [];
  try {
    const started = Date.now();
    const ggsm = await startGgsm(dataDir);
    processes.push(ggsm.child);
    const pgPort = embeddedPostgres(dataDir)?.port;
    const databaseUrl = `postgres://ggsm:ggsm@127.0.0.1:${pgPort}/ggsm`;

    // The register: the demo data plus ACCOUNTS generated ACTIVE accounts, inserted as the superuser.
    const db = await connectAsSuperuser(dataDir);
    const units = (await db.query<{ id: string }>('SELECT id FROM org_unit')).rows.map((r) => r.id);
    const taken = new Set((await db.query<{ k: string }>("SELECT platform_key || ':' || normalized_handle AS k FROM social_account")).rows.map((r) => r.k));
    const registered: { platform: string; handle: string }[] = [];
    while (registered.length < ACCOUNTS) {
      const platform = random() < 0.6 ? 'x' : 'instagram';
      const handle = generateHandle(platform);
      const key = `${platform}:${normalizeHandle(platform, handle)}`;
      if (taken.has(key)) continue;
      taken.add(key);
      registered.push({ platform, handle });
    }
    for (let i = 0; i < registered.length; i += 5000) {
      const batch = registered.slice(i, i + 5000);
      await db.query(
        // Reviewed in the last two months, as in a kept register: 20,000 accounts never reviewed would have the
        // notification checks and delivery working through 20,000 review reminders during the measurement.
        `INSERT INTO social_account (platform_key, handle, normalized_handle, handle_skeleton, display_name, profile_url, org_unit_id, kind, purposes, status, approved_at, last_reviewed_at, next_review_at)
         SELECT p, h, n, s, d, u, o::uuid, 'ORGANISATIONAL', ARRAY['SEND'], 'ACTIVE', now() - (random() * interval '3 years'), r, r + interval '6 months'
           FROM (SELECT *, now() - (random() * interval '60 days') AS r
                   FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(p, h, n, s, d, u, o)) AS t`,
        [
          batch.map((a) => a.platform),
          batch.map((a) => a.handle),
          batch.map((a) => normalizeHandle(a.platform, a.handle)),
          batch.map((a) => handleSkeleton(a.handle)),
          batch.map((a) => a.handle.replace(/([a-z])([A-Z])/g, '$1 $2')),
          batch.map((a) => profileUrl(a.platform, a.handle)),
          batch.map(() => pick(units)),
        ],
      );
    }
    // Vacuumed and analysed now, so that autovacuum does not pick the fresh rows up during a measurement.
    await db.query('VACUUM (ANALYZE)');
    const total = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM social_account')).rows[0]?.n;
    await db.end();

    // The mix: 40 % hits as registered, 15 % the same accounts asked differently (case, @, profile URL),
    // 25 % handles nobody registered, 20 % lookalikes of registered ones.
    const questions: Question[] = [];
    while (questions.length < QUESTIONS) {
      const r = random();
      const account = pick(registered);
      if (r < 0.4) questions.push({ ...account, kind: 'hit' });
      else if (r < 0.55) {
        const variant = pick([account.handle.toUpperCase(), account.handle.toLowerCase(), `@${account.handle}`, ` @${account.handle} `, profileUrl(account.platform, account.handle)]);
        questions.push({ platform: account.platform === 'x' ? pick(['x', 'twitter', 'X']) : account.platform, handle: variant, kind: 'variant' });
      } else if (r < 0.8) questions.push({ platform: account.platform, handle: generateHandle(account.platform).replace(/^./, 'q'), kind: 'miss' });
      else questions.push({ platform: account.platform, handle: disguise(account.platform, account.handle), kind: 'lookalike' });
    }
    // Only questions every target can answer (200): a generated lookalike may break the platform's syntax.
    const baseline = await startBaseline(databaseUrl);
    processes.push(baseline.child);
    const statuses: Record<string, number> = {};
    const answered = await inParallel(questions, 8, async (q) => {
      const res = await fetch(`${ggsm.url}/public/verify?${new URLSearchParams({ platform: q.platform, handle: q.handle })}`);
      const body = (await res.json()) as { status?: string };
      if (res.status !== 200) return false;
      statuses[body.status as string] = (statuses[body.status as string] ?? 0) + 1;
      return true;
    });
    const valid = questions.filter((_, i) => answered[i]);
    const byKind = Object.entries(valid.reduce<Record<string, number>>((m, q) => ({ ...m, [q.kind]: (m[q.kind] ?? 0) + 1 }), {}))
      .map(([k, n]) => `${n} ${k === 'miss' ? 'misses' : `${k}s`}`)
      .join(', ');
    console.log(`register: ${total?.toLocaleString('en')} accounts (${ACCOUNTS.toLocaleString('en')} generated ACTIVE); ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(`mix: ${valid.length} distinct questions (${byKind}); answers ${Object.entries(statuses).map(([s, n]) => `${s} ${n}`).join(', ')}`);
    console.log(`load: autocannon, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s measured, per target, one after the other\n`);

    const targets: Target[] = [
      {
        label: 'baseline (node:http + pg, bench/)',
        url: baseline.url,
        request: (q) => ({ method: 'GET', path: `/verify?${new URLSearchParams({ platform: q.platform, handle: q.handle })}` }),
      },
      {
        label: 'ggsm REST GET /public/verify',
        url: ggsm.url,
        request: (q) => ({ method: 'GET', path: `/public/verify?${new URLSearchParams({ platform: q.platform, handle: q.handle })}` }),
      },
      {
        label: 'ggsm GraphQL verifyAccount',
        url: ggsm.url,
        request: (q) => ({
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: GRAPHQL, variables: { p: q.platform, h: q.handle } }),
        }),
      },
    ];
    const results: { label: string; result: AutocannonResult }[] = [];
    for (const target of targets) {
      const start = Math.floor(random() * valid.length);
      const requests = [...valid.slice(start), ...valid.slice(0, start)].map((q) => target.request(q));
      await run(target.url, WARMUP_SECONDS, requests);
      results.push({ label: target.label, result: await run(target.url, SECONDS, requests) });
    }

    const base = results[0]?.result.requests.average ?? 1;
    const pad = (v: string, n: number) => v.padStart(n);
    console.log(`${'target'.padEnd(36)}${pad('req/s', 9)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('ratio', 7)}${pad('non-2xx', 9)}${pad('errors', 8)}  target`);
    results.forEach(({ label, result: r }, index) => {
      const ratio = r.requests.average / base;
      const goal = index === 1 ? TARGETS.rest : index === 2 ? TARGETS.graphql : undefined;
      const verdict = goal === undefined ? '' : `${ratio >= goal ? 'ok' : 'MISSED'} >= ${goal.toFixed(1)}x; p99 ${r.latency.p99 < TARGETS.p99Ms ? 'ok' : 'MISSED'} < ${TARGETS.p99Ms} ms`;
      console.log(
        `${label.padEnd(36)}${pad(r.requests.average.toFixed(0), 9)}${pad(r.latency.p50.toFixed(1), 8)}${pad(r.latency.p99.toFixed(1), 8)}${pad(`${ratio.toFixed(2)}x`, 7)}${pad(String(r.non2xx), 9)}${pad(String(r.errors + r.timeouts), 8)}  ${verdict}`,
      );
    });
    const failed = results.some(({ result: r }) => r.non2xx > 0 || r.errors > 0);
    if (failed) {
      console.error('\nSome requests failed: the figures above do not measure correct answers.');
      process.exitCode = 1;
    }
  } finally {
    for (const child of processes.reverse()) await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    for (const output of outputs) rmSync(output, { force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
