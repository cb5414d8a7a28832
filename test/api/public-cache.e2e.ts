import { DEMO, type PgClient, type RawResponse, type RunningApp, connectAsSuperuser, rawGql, rawRequest, startApp } from '@ggsm/testing';

// The public answers are cached in every API process and invalidated through PostgreSQL LISTEN/NOTIFY
// (apps/api/src/public/register-changes.ts). The public promise: no client sees a stale answer for longer
// than one second after a change. Two API processes (replicas) on one database: a change through either,
// or straight in the database, reaches both within that second. Approve, archive, a legal decision
// IMPERSONATION, a unit's new name, open data, and a lost listening connection.

/** The correctness bound of the public face (not a speed target: that is measured in bench/verify.bench.ts). */
const STALE_BOUND_MS = 1000;

let a: RunningApp;
let b: RunningApp;
let db: PgClient;
let comms: string;
let editor: string;
let legal: string;
let admin: string;
let roez: string;

const verify = async (app: RunningApp, platform: string, handle: string) => {
  const res = await rawRequest(app, `/public/verify?${new URLSearchParams({ platform, handle }).toString()}`, { method: 'GET' });
  expect(res.status).toBe(200);
  return res.json;
};
const gqlVerify = async (app: RunningApp, platform: string, handle: string) => {
  const res = await rawGql(app, 'query($p: String!, $h: String!) { verifyAccount(platform: $p, handle: $h) { status account { displayName unit { name path } } imitates { handle } looksLike { account { handle } } } }', {
    p: platform,
    h: handle,
  });
  expect(res.json.errors).toBeUndefined();
  return res.json.data.verifyAccount;
};

/**
 * Asks until `ok` holds, and fails unless it held within STALE_BOUND_MS of `since` (when the change had
 * been committed). Returns the answer.
 */
async function seenWithinBound<T>(since: number, ask: () => Promise<T>, ok: (answer: T) => boolean): Promise<T> {
  let last: T;
  do {
    last = await ask();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 10));
  } while (Date.now() - since <= STALE_BOUND_MS);
  last = await ask();
  if (ok(last)) return last;
  throw new Error(`Still the old answer ${Date.now() - since} ms after the change: ${JSON.stringify(last).slice(0, 500)}`);
}

/** Every process, REST and GraphQL, gives the new answer within the bound. */
async function everywhereWithinBound(since: number, platform: string, handle: string, ok: (answer: any) => boolean): Promise<void> {
  await Promise.all(
    [a, b].flatMap((app) => [
      seenWithinBound(since, () => verify(app, platform, handle), ok),
      seenWithinBound(since, () => gqlVerify(app, platform, handle), ok),
    ]),
  );
}

/** Asks both processes, over REST and GraphQL, so each has the answer cached. */
async function warm(platform: string, handle: string, ok: (answer: any) => boolean): Promise<void> {
  for (const app of [a, b]) {
    for (let i = 0; i < 2; i++) {
      expect(ok(await verify(app, platform, handle))).toBe(true);
      expect(ok(await gqlVerify(app, platform, handle))).toBe(true);
    }
  }
}

const versionOf = async (id: string) => (await a.gqlOk('query($id: ID!) { SocialAccount(id: $id) { version } }', { id }, comms)).SocialAccount.version as number;

/** A submitted account of RO/EZ with everything the approval gate asks for (as governance.e2e.ts does it). */
async function approvableAccount(handle: string): Promise<string> {
  const { createSocialAccount: created } = await a.gqlOk(
    'mutation($h: String!, $u: ID!) { createSocialAccount(platformId: "x", handle: $h, orgUnitId: $u, kind: INTERNAL, purposes: [SEND], displayName: "Cachetest") { id } }',
    { h: handle, u: roez },
    editor,
  );
  const id = created.id as string;
  const person = async (name: string) =>
    (
      await a.gqlOk('mutation($n: String!, $e: String!, $u: ID) { createPerson(name: $n, email: $e, orgUnitId: $u) { id version } }', {
        n: name,
        e: `${name.toLowerCase().replace(/\s+/g, '.')}.${id.slice(0, 8)}@groningen.example`,
        u: roez,
      }, editor)
    ).createPerson as { id: string; version: number };
  const first = await person('Eerste Beheerder');
  const second = await person('Tweede Beheerder');
  for (const p of [first, second]) {
    await a.gqlOk('mutation($id: ID!, $v: Int!, $at: DateTime) { updatePerson(id: $id, version: $v, guidelinesAcknowledgedAt: $at) { id } }', { id: p.id, v: p.version, at: new Date().toISOString() }, editor);
  }
  await a.gqlOk(
    `mutation($id: ID!, $v: Int!, $p: ID, $b: [ID!]) { updateSocialAccount(id: $id, version: $v, primaryOwnerId: $p, backupOwnerIds: $b,
      bio: "Officieel account van de Gemeente Groningen, RO/EZ. Meer op https://gemeente.groningen.nl/roez", openingHours: "ma-vr 9-17", responseTime: "binnen een werkdag",
      archivingArrangement: "Archivering via de webarchiveringsdienst") { id } }`,
    { id, v: await versionOf(id), p: first.id, b: [second.id] },
    editor,
  );
  for (const key of ['display_name_identifies', 'bio_reviewed', 'logo_approved', 'tone_of_voice', 'credentials_vault']) {
    await a.gqlOk(
      'mutation($a: ID!, $k: String!) { attestChecklistItem(accountId: $a, itemKey: $k, passed: true, note: "Gezien", evidenceUrl: "https://intranet.groningen.example/ggsm") { key } }',
      { a: id, k: key },
      comms,
    );
  }
  await a.gqlOk('mutation($id: ID!, $v: Int!) { submitSocialAccount(id: $id, version: $v) { id } }', { id, v: await versionOf(id) }, editor);
  return id;
}

const listeners = async () =>
  (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ggsm-public-listener'")).rows[0].n;

beforeAll(async () => {
  const env = { GGSM_VERIFY_RATE_LIMIT: '100000' };
  a = await startApp({ env });
  b = await startApp({ env, replicaOf: a });
  db = await connectAsSuperuser(a.dataDir);
  [comms, editor, legal, admin] = await Promise.all([a.login(DEMO.communications), a.login(DEMO.editorRoez), a.login(DEMO.legal), a.login(DEMO.admin)]);
  const { allOrgUnits } = await a.gqlOk('{ allOrgUnits(filter: { q: "RO/EZ" }) { id shortCode } }', {}, comms);
  roez = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'ROEZ').id;
});
afterAll(async () => {
  await db?.end();
  await b?.stop();
  await a?.stop();
});

describe('two API processes on one database', () => {
  it('both listen on their own connection, and a token of one is valid on the other', async () => {
    expect(await listeners()).toBe(2);
    const me = await rawGql(b, '{ me { email } }', {}, comms);
    expect(me.json.data.me.email).toBe(DEMO.communications);
  });

  it('answers are kept: a change that bypasses the triggers is not seen, the next notified change is', async () => {
    // Proof that a cache is there at all (else the tests below would pass without one). session_replication_role
    // = replica turns triggers off for this session only, as a restore tool might. A process whose listener has
    // been silent for a moment bypasses its cache, so this looks for the kept answer a few times.
    const bypass = await connectAsSuperuser(a.dataDir);
    try {
      await bypass.query('SET session_replication_role = replica');
      let kept = false;
      for (let attempt = 0; attempt < 5 && !kept; attempt++) {
        const before = `Stadsbeheer ${attempt}`;
        const changedAt = Date.now();
        await db.query("UPDATE social_account SET display_name = $1 WHERE normalized_handle = 'stadsbeheer050'", [before]);
        await everywhereWithinBound(changedAt, 'x', 'Stadsbeheer050', (r) => r.account?.displayName === before);
        await bypass.query("UPDATE social_account SET display_name = 'Niet gemeld' WHERE normalized_handle = 'stadsbeheer050'");
        const answers = await Promise.all([verify(a, 'x', 'Stadsbeheer050'), verify(b, 'x', 'Stadsbeheer050')]);
        kept = answers.every((r) => r.account.displayName === before);
      }
      expect(kept).toBe(true);
      // Any notified statement empties every cache, even one that changes no row.
      const changedAt = Date.now();
      await db.query('UPDATE platform SET name = name WHERE false');
      await everywhereWithinBound(changedAt, 'x', 'Stadsbeheer050', (r) => r.account?.displayName === 'Niet gemeld');
    } finally {
      await db.query("UPDATE social_account SET display_name = 'Stadsbeheer' WHERE normalized_handle = 'stadsbeheer050'");
      await bypass.end();
    }
  });
});

describe('no answer is stale for longer than one second after a change', () => {
  let accountId: string;

  it('approve on one process: NOT_REGISTERED (and its negative lookalike) becomes OFFICIAL on both', async () => {
    accountId = await approvableAccount('CacheTest050');
    await warm('x', 'CacheTest050', (r) => r.status === 'NOT_REGISTERED');
    // A negative answer with no hint yet: kept too, and invalidated the same way.
    await warm('x', 'CacheTest05O', (r) => r.status === 'NOT_REGISTERED' && r.looksLike.every((l: any) => l.account.handle !== 'CacheTest050'));
    await a.gqlOk('mutation($id: ID!, $v: Int!) { approveSocialAccount(id: $id, version: $v) { status } }', { id: accountId, v: await versionOf(accountId) }, comms);
    const approvedAt = Date.now();
    await everywhereWithinBound(approvedAt, 'x', 'CacheTest050', (r) => r.status === 'OFFICIAL');
    await everywhereWithinBound(approvedAt, 'x', 'CacheTest05O', (r) => r.looksLike.some((l: any) => l.account.handle === 'CacheTest050'));
  });

  it('archive on the other process: OFFICIAL becomes FORMER on both', async () => {
    await warm('x', 'CacheTest050', (r) => r.status === 'OFFICIAL');
    await b.gqlOk('mutation($id: ID!, $v: Int!) { archiveSocialAccount(id: $id, version: $v, reason: "Test afgerond") { status } }', { id: accountId, v: await versionOf(accountId) }, comms);
    const archivedAt = Date.now();
    await everywhereWithinBound(archivedAt, 'x', 'CacheTest050', (r) => r.status === 'FORMER');
  });

  it('a legal decision IMPERSONATION: NOT_REGISTERED becomes KNOWN_IMPERSONATOR on both', async () => {
    const posted = await rawRequest(a, '/public/reports', { body: { platform: 'x', suspectHandle: 'Stadsbeheer_O50', description: 'Vraagt om betalingen.' } });
    expect(posted.status).toBe(201);
    const { rows } = await db.query<{ id: string }>('SELECT id FROM impersonation_report WHERE reference = $1', [posted.json.reference]);
    const id = rows[0].id;
    await warm('x', 'Stadsbeheer_O50', (r) => r.status === 'NOT_REGISTERED');
    const step = async (op: string, args: string, token: string) => {
      const { ImpersonationReport } = await a.gqlOk('query($id: ID!) { ImpersonationReport(id: $id) { version } }', { id }, comms);
      await a.gqlOk(`mutation($id: ID!, $v: Int!) { ${op}(id: $id, version: $v${args}) { state } }`, { id, v: ImpersonationReport.version }, token);
    };
    await step('triageImpersonationReport', '', comms);
    await step('sendImpersonationToLegal', ', comment: "Lijkt op Stadsbeheer."', comms);
    await warm('x', 'Stadsbeheer_O50', (r) => r.status === 'NOT_REGISTERED');
    await step('recordLegalDecision', ', decision: IMPERSONATION, reasoning: "Gebruikt naam en logo zonder toestemming."', legal);
    const decidedAt = Date.now();
    await everywhereWithinBound(decidedAt, 'x', 'Stadsbeheer_O50', (r) => r.status === 'KNOWN_IMPERSONATOR' && r.imitates !== null);
  });

  it("a unit's new name: the answers of its accounts name it on both", async () => {
    const isUnit = (name: string) => (r: any) => r.account?.unit.name === name;
    await warm('x', 'Stadsbeheer050', isUnit('RO/EZ'));
    const { OrgUnit } = await b.gqlOk('query($id: ID!) { OrgUnit(id: $id) { version } }', { id: roez }, admin);
    await b.gqlOk('mutation($id: ID!, $v: Int!) { updateOrgUnit(id: $id, version: $v, name: "RO/EZ (nieuw)") { id } }', { id: roez, v: OrgUnit.version }, admin);
    const renamedAt = Date.now();
    await everywhereWithinBound(renamedAt, 'x', 'Stadsbeheer050', (r) => isUnit('RO/EZ (nieuw)')(r) && r.account.unit.path === 'Gemeente Groningen > RO/EZ (nieuw)');
  });

  it('a change straight in the database (no API involved) reaches both too', async () => {
    await warm('x', 'Stadsbeheer050', (r) => r.account?.displayName === 'Stadsbeheer');
    await db.query("UPDATE social_account SET display_name = 'Stadsbeheer Groningen' WHERE normalized_handle = 'stadsbeheer050'");
    const changedAt = Date.now();
    await everywhereWithinBound(changedAt, 'x', 'Stadsbeheer050', (r) => r.account?.displayName === 'Stadsbeheer Groningen');
  });

  it('open data (JSON, CSV, rel="me") changes with the register on both, ETag included', async () => {
    const paths = ['/public/accounts.json?perPage=500', '/public/accounts.csv?perPage=500', '/public/rel-me.html'];
    const get = (app: RunningApp, path: string) => rawRequest(app, path, { method: 'GET' });
    const before = new Map<string, RawResponse>();
    for (const app of [a, b]) for (const path of paths) before.set(`${app.url}${path}`, await get(app, path));
    await db.query("UPDATE social_account SET display_name = 'Damsterdiep Open Data', profile_url = 'https://x.com/damsterdiep?via=open' WHERE normalized_handle = 'damsterdiep'");
    const changedAt = Date.now();
    await Promise.all(
      [a, b].flatMap((app) =>
        paths.map((path) =>
          seenWithinBound(
            changedAt,
            () => get(app, path),
            (r) => r.status === 200 && r.text.includes('damsterdiep?via=open') && r.headers.get('etag') !== before.get(`${app.url}${path}`)?.headers.get('etag'),
          ),
        ),
      ),
    );
  });
});

describe('the listening connection', () => {
  it('lost: answers come from the database (never stale) until it is back, then are kept again', async () => {
    await warm('x', 'Stadsbeheer050', (r) => r.account?.displayName === 'Stadsbeheer Groningen');
    // The database ends both listening connections, as a restart or a network failure would; the change
    // right after it is not notified to anyone.
    const { rows } = await db.query<{ ended: boolean }>("SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = 'ggsm-public-listener'");
    expect(rows.map((r) => r.ended)).toEqual([true, true]);
    await db.query("UPDATE social_account SET display_name = 'Stadsbeheer Zonder Luisteraar' WHERE normalized_handle = 'stadsbeheer050'");
    const changedAt = Date.now();
    await everywhereWithinBound(changedAt, 'x', 'Stadsbeheer050', (r) => r.account?.displayName === 'Stadsbeheer Zonder Luisteraar');

    // Both reconnect by themselves (with a back-off; no bound is promised for that) …
    while ((await listeners()) < 2) await new Promise((r) => setTimeout(r, 50));
    // … and notified changes keep reaching them.
    await warm('x', 'Stadsbeheer050', (r) => r.account?.displayName === 'Stadsbeheer Zonder Luisteraar');
    await db.query("UPDATE social_account SET display_name = 'Stadsbeheer' WHERE normalized_handle = 'stadsbeheer050'");
    const restoredAt = Date.now();
    await everywhereWithinBound(restoredAt, 'x', 'Stadsbeheer050', (r) => r.account?.displayName === 'Stadsbeheer');
  });
});
