import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  connectAsSuperuser,
  DEMO,
  DEMO_PASSWORD,
  type GraphQLResult,
  inParallel,
  type PgClient,
  type RunningApp,
  runAuditVerify,
  startApp,
} from '@ggsm/testing';
import { type ChainedFields, hashEvent, macOf } from '../../apps/api/src/audit/audit-chain';

/**
 * The audit trail: one event per change, append-only in the database, and a hash chain plus a keyed
 * mac that a verifier (GraphQL and `npm run audit:verify`) uses to catch every kind of tampering by
 * someone with direct database access.
 */
let app: RunningApp;
let db: PgClient;
let key: Buffer;
const tokens: Record<string, string> = {};
const ids: Record<string, { id: string; email: string; roles: string[] }> = {};
let roezUnit: string;
let ocswUnit: string;

const EVENT = 'id seq occurredAt actorUserId actorEmail actorRole action entityType entityId before after reason requestId prevHash hash';
interface AuditEvent {
  id: string;
  seq: number;
  actorUserId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  requestId: string | null;
  hash: string;
}
interface ChainReport {
  ok: boolean;
  length: number;
  headHash: string;
  brokenAt: number | null;
  problem: string | null;
}
interface Checkpoint {
  length: number;
  headHash: string;
  createdAt: string;
  mac: string;
}

/** A GraphQL call that also returns the request id the server answered with (X-Request-Id). */
async function call<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResult<T> & { requestId: string | null }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await res.json()) as GraphQLResult<T>), requestId: res.headers.get('x-request-id') };
}
async function callOk<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<{ data: T; requestId: string | null }> {
  const r = await call<T>(query, variables, token);
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return { data: r.data, requestId: r.requestId };
}

const auditor = () => tokens.auditor as string;
const eventsOf = async (entityId: string): Promise<AuditEvent[]> =>
  ((await app.gqlOk(`query($f: AuditEventFilter) { allAuditEvents(filter: $f, perPage: 500) { ${EVENT} } }`, { f: { entityId } }, auditor())).allAuditEvents as AuditEvent[]).sort(
    (a, b) => a.seq - b.seq,
  );
const eventCount = async (): Promise<number> => (await app.gqlOk('{ _allAuditEventsMeta { count } }', {}, auditor()))._allAuditEventsMeta.count;
const verify = async (checkpoints?: Checkpoint[]): Promise<ChainReport> =>
  (await app.gqlOk('query($c: [AuditCheckpointInput!]) { verifyAuditChain(checkpoints: $c) { ok length headHash brokenAt problem } }', { c: checkpoints }, auditor()))
    .verifyAuditChain;
const rowCount = async (): Promise<number> => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_event')).rows[0]?.n);

beforeAll(async () => {
  app = await startApp();
  db = await connectAsSuperuser(app.dataDir);
  key = Buffer.from(readFileSync(join(app.dataDir, 'audit-key'), 'utf8').trim(), 'utf8');
  for (const [name, email] of [
    ['admin', DEMO.admin],
    ['comms', DEMO.communications],
    ['auditor', DEMO.auditor],
    ['editorRoez', DEMO.editorRoez],
    ['editorOcsw', DEMO.editorOcsw],
  ] as const) {
    tokens[name] = await app.login(email);
    ids[name] = (await app.gqlOk('{ me { id email roles } }', {}, tokens[name])).me;
  }
  const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 100) { id shortCode } }', {}, tokens.comms);
  roezUnit = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'ROEZ').id;
  ocswUnit = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'OCSW').id;
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('one event per change', () => {
  it('records every kind of mutation exactly once, with actor, entity, changed fields and request id; a refused one not at all', async () => {
    const problems: string[] = [];
    const soft = (label: string, check: () => void) => {
      try {
        check();
      } catch (err) {
        problems.push(`${label}: ${(err as Error).message}`);
      }
    };
    const checked: string[] = [];

    /** Runs one mutation and checks that it left exactly one event, and what that event says. */
    async function expectOne(
      action: string,
      actor: { id: string; email: string; roles: string[] },
      run: () => Promise<{ entityId: string; requestId: string | null }>,
      entityType: string,
      fields: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null; unchanged?: string[] } = {},
    ): Promise<void> {
      const total = await eventCount();
      const since = Number((await db.query<{ s: string }>('SELECT coalesce(max(seq), 0) AS s FROM audit_event')).rows[0]?.s);
      const { entityId, requestId } = await run();
      const added = (await eventCount()) - total;
      const fresh = (await eventsOf(entityId)).filter((e) => e.seq > since);
      const event = fresh[0];
      checked.push(action);
      soft(`${action} adds one event in all`, () => expect(added).toBe(1));
      soft(`${action} adds one event for ${entityType} ${entityId}`, () => expect(fresh.map((e) => e.action)).toEqual([action]));
      if (!event) return;
      soft(action, () =>
        expect(event).toMatchObject({
          action,
          entityType,
          entityId,
          actorUserId: actor.id,
          actorEmail: actor.email,
          actorRole: actor.roles.join(','),
        }),
      );
      soft(`${action} request id`, () => {
        expect(event.requestId).toEqual(expect.any(String));
        expect(event.requestId).toBe(requestId);
      });
      if (fields.before !== undefined) soft(`${action} before`, () => (fields.before === null ? expect(event.before).toBeNull() : expect(event.before).toMatchObject(fields.before as object)));
      if (fields.after !== undefined) soft(`${action} after`, () => (fields.after === null ? expect(event.after).toBeNull() : expect(event.after).toMatchObject(fields.after as object)));
      for (const k of fields.unchanged ?? []) {
        soft(`${action} leaves unchanged ${k} out`, () => {
          expect(event.before ?? {}).not.toHaveProperty(k);
          expect(event.after ?? {}).not.toHaveProperty(k);
        });
      }
      soft(`${action} holds no password hash`, () => expect(JSON.stringify(event)).not.toMatch(/argon2|passwordHash|password_hash/i));
    }

    const comms = ids.comms as (typeof ids)[string];
    const admin = ids.admin as (typeof ids)[string];

    // Social accounts (communication team).
    let account = { id: '', version: 0 };
    await expectOne('social_account.created', comms, async () => {
      const r = await callOk(
        'mutation($u: ID!) { createSocialAccount(platformId: "x", handle: "@AuditSpoor050", orgUnitId: $u, kind: ORGANISATIONAL, displayName: "Audit eerst") { id version } }',
        { u: roezUnit },
        tokens.comms as string,
      );
      account = r.data.createSocialAccount;
      return { entityId: account.id, requestId: r.requestId };
    }, 'SocialAccount', { before: null, after: { handle: 'AuditSpoor050', normalizedHandle: 'auditspoor050', displayName: 'Audit eerst', status: 'DRAFT', orgUnitId: roezUnit } });
    await expectOne('social_account.updated', comms, async () => {
      const r = await callOk('mutation($id: ID!, $version: Int!) { updateSocialAccount(id: $id, version: $version, displayName: "Audit daarna") { id version } }', account as never, tokens.comms as string);
      account = r.data.updateSocialAccount;
      return { entityId: account.id, requestId: r.requestId };
    }, 'SocialAccount', { before: { displayName: 'Audit eerst' }, after: { displayName: 'Audit daarna' }, unchanged: ['handle', 'platformId', 'orgUnitId'] });

    // Organisation units (administrator).
    let unit = { id: '', version: 0 };
    await expectOne('org_unit.created', admin, async () => {
      const r = await callOk('mutation($p: ID) { createOrgUnit(name: "Team Audit", shortCode: "AUDT", kind: TEAM, parentId: $p) { id version } }', { p: roezUnit }, tokens.admin as string);
      unit = r.data.createOrgUnit;
      return { entityId: unit.id, requestId: r.requestId };
    }, 'OrgUnit', { before: null, after: { name: 'Team Audit', shortCode: 'AUDT', kind: 'TEAM', parentId: roezUnit } });
    await expectOne('org_unit.updated', admin, async () => {
      const r = await callOk('mutation($id: ID!, $version: Int!) { updateOrgUnit(id: $id, version: $version, name: "Team Auditspoor") { id version } }', unit as never, tokens.admin as string);
      unit = r.data.updateOrgUnit;
      return { entityId: unit.id, requestId: r.requestId };
    }, 'OrgUnit', { before: { name: 'Team Audit' }, after: { name: 'Team Auditspoor' }, unchanged: ['shortCode', 'kind', 'parentId'] });

    // People (communication team).
    let person = { id: '', version: 0 };
    await expectOne('person.created', comms, async () => {
      const r = await callOk('mutation($u: ID) { createPerson(name: "Anna Audit", email: "anna.audit@groningen.example", orgUnitId: $u) { id version } }', { u: roezUnit }, tokens.comms as string);
      person = r.data.createPerson;
      return { entityId: person.id, requestId: r.requestId };
    }, 'Person', { before: null, after: { name: 'Anna Audit', email: 'anna.audit@groningen.example', orgUnitId: roezUnit } });
    await expectOne('person.updated', comms, async () => {
      const r = await callOk('mutation($id: ID!, $version: Int!) { updatePerson(id: $id, version: $version, jobTitle: "Archivaris") { id version } }', person as never, tokens.comms as string);
      person = r.data.updatePerson;
      return { entityId: person.id, requestId: r.requestId };
    }, 'Person', { before: { jobTitle: null }, after: { jobTitle: 'Archivaris' }, unchanged: ['name', 'email'] });

    // A platform (administrator).
    await expectOne('platform.updated', admin, async () => {
      const { Platform } = await app.gqlOk('{ Platform(id: "tiktok") { name version } }', {}, tokens.admin);
      const r = await callOk('mutation($v: Int!) { updatePlatform(id: "tiktok", version: $v, name: "TikTok (audit)") { id } }', { v: Platform.version }, tokens.admin as string);
      return { entityId: 'tiktok', requestId: r.requestId };
    }, 'Platform', { before: { name: 'TikTok' }, after: { name: 'TikTok (audit)' }, unchanged: ['status', 'key'] });

    // Users (administrator), then the new user's own login and logout.
    let user = { id: '', version: 0 };
    const email = 'audit.proef@groningen.example';
    const update = async (changes: string) => {
      const r = await callOk(`mutation($id: ID!, $version: Int!) { updateUser(id: $id, version: $version, ${changes}) { id version } }`, user as never, tokens.admin as string);
      user = r.data.updateUser;
      return { entityId: user.id, requestId: r.requestId };
    };
    await expectOne('user.created', admin, async () => {
      const r = await callOk(
        `mutation { createUser(email: "${email}", displayName: "Audit Proef", password: "${DEMO_PASSWORD}", roles: [AUDITOR]) { id version } }`,
        {},
        tokens.admin as string,
      );
      user = r.data.createUser;
      return { entityId: user.id, requestId: r.requestId };
    }, 'User', { before: null, after: { email, displayName: 'Audit Proef', roles: ['AUDITOR'], active: true } });
    await expectOne('user.updated', admin, () => update('displayName: "Audit Proefpersoon", password: "een nieuw lang wachtwoord"'), 'User', {
      before: { displayName: 'Audit Proef' },
      after: { displayName: 'Audit Proefpersoon', password: 'changed' },
      unchanged: ['email', 'roles'],
    });
    await expectOne('user.roles_changed', admin, () => update('roles: [AUDITOR, LEGAL]'), 'User', { before: { roles: ['AUDITOR'] }, after: { roles: ['AUDITOR', 'LEGAL'] }, unchanged: ['email'] });
    await expectOne('user.disabled', admin, () => update('active: false'), 'User', { before: { active: true }, after: { active: false }, unchanged: ['roles'] });
    await expectOne('user.enabled', admin, () => update('active: true'), 'User', { before: { active: false }, after: { active: true }, unchanged: ['roles'] });
    const self = { id: user.id, email, roles: ['AUDITOR', 'LEGAL'] };
    let selfToken = '';
    await expectOne('auth.login', self, async () => {
      const res = await fetch(`${app.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'een nieuw lang wachtwoord' }) });
      selfToken = ((await res.json()) as { accessToken: string }).accessToken;
      return { entityId: user.id, requestId: res.headers.get('x-request-id') };
    }, 'User', { before: null, after: { method: 'password' } });
    await expectOne('auth.logout', self, async () => {
      const res = await fetch(`${app.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${selfToken}` } });
      soft('logout answers 204', () => expect(res.status).toBe(204));
      return { entityId: user.id, requestId: res.headers.get('x-request-id') };
    }, 'User', { before: null, after: null });

    // Refused mutations leave no event at all.
    const refusals: [string, () => Promise<GraphQLResult>, string][] = [
      ['a stale account version', () => call('mutation($id: ID!) { updateSocialAccount(id: $id, version: 1, displayName: "Te laat") { id } }', { id: account.id }, tokens.editorRoez as string), 'VERSION_CONFLICT'],
      ['a stale unit version', () => call('mutation($id: ID!) { updateOrgUnit(id: $id, version: 1, name: "Te laat") { id } }', { id: unit.id }, tokens.admin as string), 'VERSION_CONFLICT'],
      ['a taken handle', () => call('mutation($u: ID!) { createSocialAccount(platformId: "x", handle: "x.com/auditspoor050", orgUnitId: $u, kind: ORGANISATIONAL) { id } }', { u: roezUnit }, tokens.comms as string), 'HANDLE_TAKEN'],
      ['an auditor registering an account', () => call('mutation($u: ID!) { createSocialAccount(platformId: "x", handle: "AuditorMag050", orgUnitId: $u, kind: ORGANISATIONAL) { id } }', { u: roezUnit }, auditor()), 'FORBIDDEN'],
      ['an editor outside its unit', () => call('mutation($u: ID!) { createSocialAccount(platformId: "x", handle: "Buiten050", orgUnitId: $u, kind: ORGANISATIONAL) { id } }', { u: ocswUnit }, tokens.editorRoez as string), 'BAD_USER_INPUT'],
    ];
    let refusedWithout = 0;
    for (const [label, run, code] of refusals) {
      const total = await eventCount();
      const r = await run();
      const added = (await eventCount()) - total;
      soft(`${label} is refused`, () => expect(r.errors?.[0]?.extensions?.code).toBe(code));
      soft(`${label} leaves no event`, () => expect(added).toBe(0));
      if (r.errors?.length && added === 0) refusedWithout += 1;
    }
    const kinds = new Set(checked).size;
    const failedKinds = new Set(problems.map((p) => p.split(/[ :]/)[0]).filter((a) => checked.includes(a as string)));
    console.log(`audit events: ${kinds} mutation kinds, ${kinds - failedKinds.size} with exactly one matching event; ${refusals.length} refused mutations, ${refusals.length - refusedWithout} events`);
    expect(problems).toEqual([]);
    expect(kinds).toBe(14);
  });
});

describe('the append-only table', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, even to the superuser the app connects as', async () => {
    const { rows } = await db.query<{ rolsuper: boolean; user: string }>('SELECT rolsuper, current_user AS user FROM pg_roles WHERE rolname = current_user');
    expect(rows[0]).toEqual({ rolsuper: true, user: 'ggsm' });
    const before = await rowCount();
    const head = (await verify()).headHash;
    const attempts = {
      UPDATE: "UPDATE audit_event SET reason = 'nooit gebeurd', actor_email = 'iemand@anders.example' WHERE seq = 2",
      DELETE: 'DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)',
      TRUNCATE: 'TRUNCATE audit_event',
    };
    const refused: string[] = [];
    for (const [op, sql] of Object.entries(attempts)) {
      const outcome = await db.query(sql).then(
        () => 'done',
        (err: { code?: string; message: string }) => `${err.code} ${err.message}`,
      );
      if (outcome === `42501 audit_event is append-only: ${op} refused`) refused.push(op);
      else console.log(`${op}: ${outcome}`);
    }
    console.log(`audit_event: ${refused.join(', ') || 'nothing'} refused (${refused.length} of 3)`);
    expect(refused).toEqual(['UPDATE', 'DELETE', 'TRUNCATE']);
    expect(await rowCount()).toBe(before);
    expect(await verify()).toMatchObject({ ok: true, length: before, headHash: head });
  });
});

describe('checkpoints', () => {
  it('signs the verified head for the archivist and records that it did', async () => {
    const report = await verify();
    const { auditCheckpoint: cp } = await app.gqlOk('{ auditCheckpoint { length headHash createdAt mac } }', {}, auditor());
    const [event] = (await app.gqlOk(`{ allAuditEvents(perPage: 1, filter: { action: "audit.checkpoint_exported" }) { ${EVENT} } }`, {}, auditor())).allAuditEvents;
    console.log(`checkpoint: length ${cp.length}, head ${String(cp.headHash).slice(0, 12)}…, event ${event?.action} at ${event?.seq}`);
    expect(cp).toEqual({ length: report.length, headHash: report.headHash, createdAt: expect.any(String), mac: macOf(key, `${cp.length}:${cp.headHash}:${cp.createdAt}`) });
    expect(new Date(cp.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(event).toMatchObject({
      seq: cp.length + 1,
      action: 'audit.checkpoint_exported',
      entityType: 'AuditTrail',
      actorEmail: DEMO.auditor,
      after: { length: cp.length, headHash: cp.headHash },
      requestId: expect.any(String),
    });
    expect(await verify([cp])).toMatchObject({ ok: true, length: cp.length + 1 });
    // A checkpoint not signed with this trail's key is refused, not trusted.
    expect(await verify([{ ...cp, mac: 'f'.repeat(64) }])).toMatchObject({ ok: false, brokenAt: cp.length });
  });
});

describe('a parallel burst of writes', () => {
  it('keeps one unbroken chain, as long as the table, that audit:verify confirms', async () => {
    const start = await rowCount();
    const { allSocialAccounts: seeded } = await app.gqlOk('{ allSocialAccounts(perPage: 100, filter: { legacy: true }) { id version } }', {}, tokens.comms);
    type Task = () => Promise<GraphQLResult | { ok: boolean }>;
    const tasks: Task[] = [];
    const create = (token: string, unit: string, handle: string) => () =>
      call('mutation($h: String!, $u: ID!) { createSocialAccount(platformId: "instagram", handle: $h, orgUnitId: $u, kind: PROJECT) { id } }', { h: handle, u: unit }, token);
    for (let i = 0; i < 40; i++) tasks.push(create(tokens.comms as string, roezUnit, `burst.comms.${i}`));
    for (let i = 0; i < 39; i++) tasks.push(create(tokens.editorRoez as string, roezUnit, `burst.roez.${i}`));
    for (let i = 0; i < 39; i++) tasks.push(create(tokens.editorOcsw as string, ocswUnit, `burst.ocsw.${i}`));
    for (let i = 0; i < 40; i++) {
      const token = (i % 2 ? tokens.admin : tokens.comms) as string;
      tasks.push(() => call('mutation($n: String!, $e: String!) { createPerson(name: $n, email: $e) { id } }', { n: `Burst ${i}`, e: `burst.${i}@groningen.example` }, token));
    }
    for (const a of seeded as { id: string; version: number }[]) {
      tasks.push(() => call('mutation($id: ID!, $v: Int!) { updateSocialAccount(id: $id, version: $v, notes: "burst") { id } }', { id: a.id, v: a.version }, tokens.comms as string));
    }
    while (tasks.length < 200) {
      const email = tasks.length % 2 ? DEMO.auditor : DEMO.legal;
      tasks.push(async () => ({ ok: Boolean(await app.login(email)) }));
    }
    // Interleave the kinds, then run with 20 in flight.
    const order = tasks.map((t, i) => ({ t, k: (i * 7919) % tasks.length })).sort((a, b) => a.k - b.k);
    const started = Date.now();
    const results = await inParallel(order, 20, ({ t }) => t());
    const ms = Date.now() - started;
    const failed = results.filter((r) => ('errors' in r && r.errors?.length) || ('ok' in r && !r.ok));
    expect(failed.slice(0, 3)).toEqual([]);

    const report = await verify();
    const rows = await rowCount();
    const cli = await runAuditVerify(app.dataDir);
    console.log(
      `burst: ${results.length} writes from 6 users in ${ms} ms, ${rows - start} new events, chain ${report.ok ? 'intact' : `BROKEN at ${report.brokenAt}`} (${report.length} events, count(*) ${rows}), audit:verify exit ${cli.code}`,
    );
    expect(rows - start).toBe(200);
    expect(report).toMatchObject({ ok: true, length: rows, brokenAt: null });
    expect(await eventCount()).toBe(rows);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`Audit trail intact: ${rows} events verified`);

    // The command-line tool's checkpoint is signed with the same key: the API accepts it.
    const file = join(app.dataDir, 'cli-checkpoint.json');
    const written = await runAuditVerify(app.dataDir, ['--write-checkpoint', file]);
    expect(written.code).toBe(0);
    const cp = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
    expect(cp).toMatchObject({ length: rows, headHash: report.headHash });
    expect(await verify([cp])).toMatchObject({ ok: true, length: rows });
  });
});

describe('tampering by someone with database access', () => {
  type Row = Record<string, any>;
  const fieldsOf = (r: Row): ChainedFields => ({
    seq: Number(r.seq),
    occurredAt: (r.occurred_at as Date).toISOString(),
    actorUserId: r.actor_user_id,
    actorEmail: r.actor_email,
    actorRole: r.actor_role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
    requestId: r.request_id,
    prevHash: r.prev_hash,
  });
  const chain = async (): Promise<Row[]> => (await db.query('SELECT * FROM audit_event ORDER BY seq')).rows;
  /** As a superuser would: with the append-only triggers switched off for this transaction only. */
  const bypassingTriggers = async (work: () => Promise<unknown>) => {
    await db.query('BEGIN');
    try {
      await db.query('SET LOCAL session_replication_role = replica');
      await work();
      await db.query('COMMIT');
    } catch (err) {
      await db.query('ROLLBACK');
      throw err;
    }
  };
  const rehash = async (seq: number, prevHash: string, change: Record<string, unknown> = {}, macKey = randomBytes(32)) => {
    const [row] = (await db.query('SELECT * FROM audit_event WHERE seq = $1', [seq])).rows as Row[];
    const fields = { ...fieldsOf(row as Row), prevHash, ...change };
    const hash = hashEvent(fields);
    await db.query('UPDATE audit_event SET prev_hash = $2, after = $3::jsonb, reason = $4, hash = $5, mac = $6 WHERE seq = $1', [
      seq,
      prevHash,
      fields.after === null ? null : JSON.stringify(fields.after),
      fields.reason,
      hash,
      macOf(macKey, hash),
    ]);
    return hash;
  };

  it('is caught by both verifiers, every time', async () => {
    // A checkpoint the archivist exported before anything was touched (its own export is event L+1).
    const { auditCheckpoint: checkpoint } = await app.gqlOk('{ auditCheckpoint { length headHash createdAt mac } }', {}, auditor());
    const cpFile = join(app.dataDir, 'archived-checkpoint.json');
    writeFileSync(cpFile, JSON.stringify(checkpoint));
    await db.query('DROP TABLE IF EXISTS audit_event_backup');
    await db.query('CREATE TABLE audit_event_backup AS SELECT * FROM audit_event');
    const original = await chain();
    const length = original.length;
    expect(length).toBe(checkpoint.length + 1);
    // The test recomputes hashes exactly as the verifier does, so a "correct" re-hash really is one.
    expect(original.filter((r) => hashEvent(fieldsOf(r)) !== r.hash)).toEqual([]);
    const mid = Math.floor(length / 2);
    const restore = async () => {
      await bypassingTriggers(async () => {
        await db.query('DELETE FROM audit_event');
        await db.query('INSERT INTO audit_event SELECT * FROM audit_event_backup');
      });
      const report = await verify([checkpoint]);
      if (!report.ok || report.length !== length) throw new Error(`restore failed: ${JSON.stringify(report)}`);
    };

    interface Case {
      name: string;
      tamper: () => Promise<unknown>;
      brokenAt: number[];
      problem: RegExp;
      withCheckpoint?: boolean;
      bypass?: boolean;
    }
    const alter = (column: string, value: string, cast = '') => async () =>
      db.query(`UPDATE audit_event SET ${column} = $2${cast} WHERE seq = $1`, [mid, value]);
    const cases: Case[] = [
      { name: 'alter reason', tamper: alter('reason', 'op verzoek van de burgemeester'), brokenAt: [mid], problem: /altered/ },
      { name: 'alter after (jsonb)', tamper: alter('after', JSON.stringify({ displayName: 'Nooit zo genoemd' }), '::jsonb'), brokenAt: [mid], problem: /altered/ },
      { name: 'alter actor_email', tamper: alter('actor_email', 'iemand.anders@groningen.example'), brokenAt: [mid], problem: /altered/ },
      { name: 'delete a middle row', tamper: () => db.query('DELETE FROM audit_event WHERE seq = $1', [mid]), brokenAt: [mid, mid + 1], problem: new RegExp(`expected event ${mid}\\b.*missing`) },
      {
        name: 'cut off the tail',
        tamper: () => db.query('DELETE FROM audit_event WHERE seq > $1', [checkpoint.length - 3]),
        brokenAt: [checkpoint.length - 2],
        problem: /tail removed/,
        // Only against the archived checkpoint: without it a clean cut looks like a shorter trail.
        withCheckpoint: true,
      },
      {
        name: 'swap two rows',
        tamper: async () => {
          await db.query('UPDATE audit_event SET seq = 999999999 WHERE seq = $1', [mid]);
          await db.query('UPDATE audit_event SET seq = $1 WHERE seq = $2', [mid, mid + 5]);
          await db.query('UPDATE audit_event SET seq = $1 WHERE seq = 999999999', [mid + 5]);
        },
        brokenAt: [mid],
        problem: /does not link|out of order|altered/,
      },
      {
        name: 're-hash one altered row (mac kept)',
        tamper: async () => {
          const [row] = (await db.query('SELECT * FROM audit_event WHERE seq = $1', [mid])).rows as Row[];
          const fields = { ...fieldsOf(row as Row), reason: 'herschreven' };
          await db.query('UPDATE audit_event SET reason = $2, hash = $3 WHERE seq = $1', [mid, fields.reason, hashEvent(fields)]);
        },
        brokenAt: [mid],
        problem: /not signed/,
      },
      {
        name: 're-hash one altered row (mac with a wrong key)',
        tamper: () => rehash(mid, original[mid - 2]?.hash, { reason: 'herschreven' }),
        brokenAt: [mid],
        problem: /not signed/,
      },
      {
        name: 're-hash the rest of the chain',
        tamper: async () => {
          let prev = original[mid - 2]?.hash as string;
          for (let seq = mid; seq <= length; seq++) prev = await rehash(seq, prev, seq === mid ? { after: { displayName: 'Nooit zo genoemd' } } : {});
          // Everything but the mac is consistent again: only the key can tell.
          const rows = await chain();
          const links = rows.every((r, i) => r.prev_hash === (i ? rows[i - 1]?.hash : '0'.repeat(64)) && hashEvent(fieldsOf(r)) === r.hash);
          if (!links) throw new Error('the re-hashed chain does not link up');
        },
        brokenAt: [mid],
        problem: /not signed/,
      },
      {
        name: 'insert a forged row',
        bypass: false,
        tamper: async () => {
          const head = original[length - 1] as Row;
          const fields: ChainedFields = {
            ...fieldsOf(head),
            seq: length + 1,
            occurredAt: new Date().toISOString(),
            action: 'user.roles_changed',
            entityType: 'User',
            entityId: ids.editorRoez?.id as string,
            before: { roles: ['EDITOR'] },
            after: { roles: ['EDITOR', 'ADMIN'] },
            reason: null,
            prevHash: head.hash,
          };
          const hash = hashEvent(fields);
          await db.query(
            `INSERT INTO audit_event (seq, occurred_at, actor_user_id, actor_email, actor_role, action, entity_type, entity_id, before, after, reason, request_id, prev_hash, hash, mac)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12, $13, $14, $15)`,
            [fields.seq, fields.occurredAt, fields.actorUserId, fields.actorEmail, fields.actorRole, fields.action, fields.entityType, fields.entityId,
              JSON.stringify(fields.before), JSON.stringify(fields.after), fields.reason, fields.requestId, fields.prevHash, hash, macOf(randomBytes(32), hash)],
          );
        },
        brokenAt: [length + 1],
        problem: /not signed/,
      },
    ];
    // The seven kinds of tampering; a kind counts as detected only when every variant of it is.
    const KINDS: Record<string, string[]> = {
      'alter a field': ['alter reason', 'alter after (jsonb)', 'alter actor_email'],
      'delete a middle row': ['delete a middle row'],
      'cut off the tail': ['cut off the tail'],
      reorder: ['swap two rows'],
      're-hash an altered row': ['re-hash one altered row (mac kept)', 're-hash one altered row (mac with a wrong key)'],
      're-hash the rest of the chain': ['re-hash the rest of the chain'],
      'insert a forged row': ['insert a forged row'],
    };

    const outcomes: Record<string, { detected: boolean; detail: string }> = {};
    for (const c of cases) {
      if (c.bypass === false) await c.tamper();
      else await bypassingTriggers(c.tamper);
      const [report, cli] = await Promise.all([
        verify(c.withCheckpoint ? [checkpoint] : undefined),
        runAuditVerify(app.dataDir, c.withCheckpoint ? ['--checkpoint', cpFile] : []),
      ]);
      const seq = report.brokenAt ?? -1;
      const detected =
        !report.ok &&
        c.brokenAt.includes(seq) &&
        c.problem.test(report.problem ?? '') &&
        cli.code === 1 &&
        cli.stdout.includes(`Audit trail BROKEN at event ${seq}:`);
      outcomes[c.name] = { detected, detail: `api ${JSON.stringify({ ok: report.ok, brokenAt: report.brokenAt, problem: report.problem })}; cli exit ${cli.code}: ${(cli.stdout + cli.stderr).trim().split('\n').slice(1).join(' ')}` };
      await restore();
    }
    const detectedKinds = Object.entries(KINDS).filter(([, names]) => names.every((n) => outcomes[n]?.detected));
    console.log(`audit tamper: ${Object.keys(KINDS).length} cases, ${detectedKinds.length} detected`);
    for (const [name, o] of Object.entries(outcomes)) if (!o.detected) console.log(`NOT DETECTED ${name}: ${o.detail}`);
    expect(Object.entries(outcomes).filter(([, o]) => !o.detected).map(([n, o]) => `${n}: ${o.detail}`)).toEqual([]);
    expect(detectedKinds).toHaveLength(7);

    await db.query('DROP TABLE audit_event_backup');
    rmSync(cpFile, { force: true });
    expect(await verify([checkpoint])).toMatchObject({ ok: true, length });
  });
});
