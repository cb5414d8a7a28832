import { parse } from 'csv-parse/sync';
import { handleSkeleton } from '@ggsm/domain';
import { DEMO, type PgClient, type RawResponse, type RunningApp, STACK_TRACE, connectAsSuperuser, rawGql, rawRequest, startApp } from '@ggsm/testing';
import { PUBLIC_FIELDS } from '../../apps/api/src/public/public-fields';

// The public face, without a login: verification in REST, GraphQL and on the public page, every answer
// type and every way of asking; open data (JSON, CSV, GraphQL) with paging caps and ETags; rel="me";
// no personal data anywhere; rate limits; and escaping of everything the page echoes.

let app: RunningApp;
let db: PgClient;
let comms: string;

const get = (path: string, headers: Record<string, string> = {}) => rawRequest(app, path, { method: 'GET', headers });
const rest = (params: Record<string, string>) => get(`/public/verify?${new URLSearchParams(params).toString()}`);

const VERIFICATION = `status platform handle formerUntil
  account { platform platformName handle displayName unit { name path } kind since profileUrl }
  imitates { platform handle unit { name path } }
  looksLike { account { platform handle unit { name } } reasons { code nl en } }`;
const gqlVerify = (platform: string, handle: string) =>
  rawGql(app, `query($p: String!, $h: String!) { verifyAccount(platform: $p, handle: $h) { ${VERIFICATION} } }`, { p: platform, h: handle });
const gqlVerifyUrl = (url: string) => rawGql(app, `query($u: String!) { verifyProfileUrl(url: $u) { ${VERIFICATION} } }`, { u: url });

/** Neither a 5xx nor a stack trace, ever. */
function sane(res: RawResponse): RawResponse {
  expect(res.status).toBeLessThan(500);
  expect(res.text).not.toMatch(STACK_TRACE);
  return res;
}

/** A fresh account of RO/EZ put straight into `status` (the lifecycle is tested in governance.e2e.ts). */
async function accountWithStatus(handle: string, status: string, displayName = 'Geheim Concept'): Promise<{ id: string; version: number }> {
  const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(filter: { q: "RO/EZ" }) { id shortCode } }', {}, comms);
  const unit = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'ROEZ').id;
  const { createSocialAccount: a } = await app.gqlOk(
    'mutation($h: String!, $u: ID!, $d: String) { createSocialAccount(platformId: "x", handle: $h, orgUnitId: $u, kind: ORGANISATIONAL, purposes: [SEND], displayName: $d) { id } }',
    { h: handle, u: unit, d: displayName },
    comms,
  );
  const { rows } = await db.query<{ version: number }>('UPDATE social_account SET status = $2 WHERE id = $1 RETURNING version', [a.id, status]);
  return { id: a.id, version: rows[0].version };
}

const accountId = async (platform: string, normalized: string) =>
  (await db.query<{ id: string }>('SELECT id FROM social_account WHERE platform_key = $1 AND normalized_handle = $2', [platform, normalized])).rows[0].id;

beforeAll(async () => {
  app = await startApp({ env: { GGSM_VERIFY_RATE_LIMIT: '100000' } });
  db = await connectAsSuperuser(app.dataDir);
  comms = await app.login(DEMO.communications);
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('OFFICIAL: an active account, with its unit, kind, since and profile URL', () => {
  it('answers the same in REST and GraphQL, with the public fields only', async () => {
    const r = sane(await rest({ platform: 'x', handle: 'Stadsbeheer050' }));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(r.json).toEqual({
      status: 'OFFICIAL',
      platform: 'x',
      handle: 'stadsbeheer050',
      account: {
        platform: 'x',
        platformName: expect.stringMatching(/^X/),
        handle: 'Stadsbeheer050',
        displayName: 'Stadsbeheer',
        unit: { name: 'RO/EZ', path: 'Gemeente Groningen > RO/EZ' },
        kind: 'ORGANISATIONAL',
        since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        profileUrl: 'https://x.com/Stadsbeheer050',
      },
      formerUntil: null,
      imitates: null,
      looksLike: [],
    });
    // Legacy accounts (from before the policy) are official since their registration.
    const created = (await db.query<{ created_at: Date }>("SELECT created_at FROM social_account WHERE normalized_handle = 'stadsbeheer050'")).rows[0].created_at;
    expect(new Date(r.json.account.since).getTime()).toBe(created.getTime());

    const g = sane(await gqlVerify('x', 'Stadsbeheer050'));
    expect(g.json.errors).toBeUndefined();
    expect(g.json.data.verifyAccount).toEqual({ ...r.json, imitates: null });
  });

  it('a sub-unit is named with its path', async () => {
    const r = await rest({ platform: 'x', handle: 'sdcGroningen' });
    expect(r.json.status).toBe('OFFICIAL');
    expect(r.json.account.unit).toEqual({ name: 'Stadsdeelcoördinatie', path: 'Gemeente Groningen > RO/EZ > Stadsdeelcoördinatie' });
  });
});

describe('every way of asking for one account gives the same answer', () => {
  const handles: [string, string][] = [
    ['x', 'Stadsbeheer050'],
    ['x', 'stadsbeheer050'],
    ['x', 'STADSBEHEER050'],
    ['x', '@Stadsbeheer050'],
    ['x', '  @Stadsbeheer050 '],
    ['X', 'Stadsbeheer050'],
    ['twitter', 'Stadsbeheer050'],
    ['Twitter', '@stadsbeheer050'],
    ['tw', 'Stadsbeheer050'],
    ['x', 'https://x.com/Stadsbeheer050'],
    ['twitter', 'https://twitter.com/Stadsbeheer050'],
    ['x', 'twitter.com/stadsbeheer050?lang=nl'],
  ];
  const urls = [
    'https://x.com/Stadsbeheer050',
    'https://twitter.com/Stadsbeheer050',
    'https://www.x.com/Stadsbeheer050',
    'https://www.twitter.com/stadsbeheer050/',
    'https://m.twitter.com/Stadsbeheer050',
    'https://mobile.twitter.com/Stadsbeheer050?lang=nl&s=20',
    'http://twitter.com/STADSBEHEER050',
    'x.com/Stadsbeheer050',
    'twitter.com/#!/Stadsbeheer050',
    'https://x.com/Stadsbeheer050/media',
    'HTTPS://X.COM/Stadsbeheer050',
  ];

  it.each(handles)('REST and GraphQL: platform %j, handle %j', async (platform, handle) => {
    const r = sane(await rest({ platform, handle }));
    expect([r.status, r.json.status, r.json.platform, r.json.handle, r.json.account?.handle]).toEqual([200, 'OFFICIAL', 'x', 'stadsbeheer050', 'Stadsbeheer050']);
    const g = sane(await gqlVerify(platform, handle));
    expect(g.json.data.verifyAccount.status).toBe('OFFICIAL');
    expect(g.json.data.verifyAccount.handle).toBe('stadsbeheer050');
  });

  it.each(urls)('REST and GraphQL: url %j', async (url) => {
    const r = sane(await rest({ url }));
    expect([r.status, r.json.status, r.json.platform, r.json.handle]).toEqual([200, 'OFFICIAL', 'x', 'stadsbeheer050']);
    const g = sane(await gqlVerifyUrl(url));
    expect(g.json.data.verifyProfileUrl.status).toBe('OFFICIAL');
    expect(g.json.data.verifyProfileUrl.account.handle).toBe('Stadsbeheer050');
  });

  it('a URL in `handle` without a platform, and a URL with the matching platform, are understood', async () => {
    expect((await rest({ handle: 'https://twitter.com/Stadsbeheer050' })).json.status).toBe('OFFICIAL');
    expect((await rest({ platform: 'twitter', url: 'https://x.com/Stadsbeheer050' })).json.status).toBe('OFFICIAL');
  });

  it('another platform: a Facebook page by name, dotted name and URL', async () => {
    const asked: Record<string, string>[] = [
      { platform: 'facebook', handle: 'Milieudienst050' },
      { platform: 'facebook', handle: 'milieudienst.050' },
      { url: 'https://www.facebook.com/Milieudienst050/' },
      { url: 'https://m.facebook.com/milieudienst050?ref=bookmarks' },
    ];
    for (const params of asked) {
      const r = sane(await rest(params));
      expect([r.json.status, r.json.platform, r.json.handle, r.json.account.unit.name]).toEqual(['OFFICIAL', 'facebook', 'milieudienst050', 'Milieudienst']);
    }
  });
});

describe('FORMER: an archived account, until when', () => {
  it('answers FORMER with the archive date of the audit trail', async () => {
    const a = await accountWithStatus('Archief050', 'ACTIVE', 'Archief');
    await app.gqlOk('mutation($id: ID!, $v: Int!) { archiveSocialAccount(id: $id, version: $v, reason: "Project afgerond") { status } }', { id: a.id, v: a.version }, comms);
    const archivedAt = (
      await db.query<{ occurred_at: Date }>("SELECT occurred_at FROM audit_event WHERE entity_id = $1 AND action = 'social_account.archived'", [a.id])
    ).rows[0].occurred_at;
    const r = sane(await rest({ platform: 'x', handle: '@archief050' }));
    expect(r.json.status).toBe('FORMER');
    expect(r.json.account.handle).toBe('Archief050');
    expect(new Date(r.json.formerUntil).getTime()).toBe(archivedAt.getTime());
    const g = sane(await gqlVerifyUrl('https://twitter.com/Archief050'));
    expect(g.json.data.verifyProfileUrl.status).toBe('FORMER');
    expect(g.json.data.verifyProfileUrl.formerUntil).toBe(r.json.formerUntil);
  });
});

describe('NOT_REGISTERED: unknown, and every status the public may not see', () => {
  it.each(['DRAFT', 'SUBMITTED', 'REJECTED', 'SUSPENDED'])('%s is NOT_REGISTERED, with nothing of the account', async (status) => {
    const handle = `Verborgen${status.slice(0, 3)}050`;
    await accountWithStatus(handle, status);
    for (const res of [await rest({ platform: 'x', handle }), await rest({ url: `https://x.com/${handle}` })]) {
      sane(res);
      expect(res.json).toMatchObject({ status: 'NOT_REGISTERED', account: null, formerUntil: null, imitates: null });
      expect(res.text).not.toContain('Geheim Concept');
      expect(res.json.looksLike.map((l: { account: { handle: string } }) => l.account.handle)).not.toContain(handle);
    }
    const g = sane(await gqlVerify('x', handle));
    expect(g.json.data.verifyAccount).toMatchObject({ status: 'NOT_REGISTERED', account: null });
  });

  it('the demo draft from the policy note (sdcAnneKrijn) is NOT_REGISTERED', async () => {
    expect((await rest({ platform: 'x', handle: 'sdcAnneKrijn' })).json.status).toBe('NOT_REGISTERED');
  });

  it('a handle nobody registered: NOT_REGISTERED, nothing alike', async () => {
    const r = sane(await rest({ platform: 'instagram', handle: 'kattenfotos_xyz' }));
    expect(r.json).toEqual({ status: 'NOT_REGISTERED', platform: 'instagram', handle: 'kattenfotos_xyz', account: null, formerUntil: null, imitates: null, looksLike: [] });
  });

  it('"looks like the official @Stadsbeheer050", with the reasons', async () => {
    const r = sane(await rest({ platform: 'x', handle: 'Stadsbeheer05O' }));
    expect(r.json.status).toBe('NOT_REGISTERED');
    expect(r.json.looksLike[0].account).toMatchObject({ platform: 'x', handle: 'Stadsbeheer050', unit: { name: 'RO/EZ' } });
    expect(r.json.looksLike[0].reasons.length).toBeGreaterThan(0);
    expect(r.json.looksLike[0].reasons[0]).toEqual({ code: expect.any(String), nl: expect.any(String), en: expect.any(String) });
    // The same name on another platform is a lookalike of the X account, and says so.
    const ig = sane(await gqlVerify('instagram', 'stadsbeheer050'));
    const hint = ig.json.data.verifyAccount.looksLike[0];
    expect(hint.account).toMatchObject({ platform: 'x', handle: 'Stadsbeheer050' });
    expect(hint.reasons.map((x: { code: string }) => x.code)).toContain('OTHER_PLATFORM');
    // Only active accounts are hinted at: an archived one is no longer the voice to look for.
    const archived = await rest({ platform: 'x', handle: 'Archief05O' });
    expect(archived.json.looksLike.map((l: { account: { handle: string } }) => l.account.handle)).not.toContain('Archief050');
  });
});

describe('KNOWN_IMPERSONATOR: legal decided it is a fake', () => {
  it('answers KNOWN_IMPERSONATOR and which official account it imitates', async () => {
    const report = sane(
      await rawRequest(app, '/public/reports', { body: { platform: 'x', suspectHandle: 'Stadsbeheer_050', description: 'Vraagt om betalingen voor parkeervergunningen.' } }),
    );
    expect(report.status).toBe(201);
    const reportId = (await db.query<{ id: string }>('SELECT id FROM impersonation_report WHERE reference = $1', [report.json.reference])).rows[0].id;
    await db.query(
      `INSERT INTO known_impersonator (platform_key, handle, normalized_handle, skeleton, report_id, imitated_account_id, decided_at)
       VALUES ('x', 'Stadsbeheer_050', 'stadsbeheer_050', $1, $2, $3, now())`,
      [handleSkeleton('Stadsbeheer_050'), reportId, await accountId('x', 'stadsbeheer050')],
    );
    for (const res of [await rest({ platform: 'twitter', handle: '@STADSBEHEER_050' }), await rest({ url: 'https://mobile.twitter.com/stadsbeheer_050?lang=en' })]) {
      sane(res);
      expect(res.json).toMatchObject({ status: 'KNOWN_IMPERSONATOR', platform: 'x', handle: 'stadsbeheer_050', account: null });
      expect(res.json.imitates).toMatchObject({ platform: 'x', handle: 'Stadsbeheer050', unit: { name: 'RO/EZ', path: 'Gemeente Groningen > RO/EZ' } });
    }
    const g = sane(await gqlVerify('x', 'Stadsbeheer_050'));
    expect(g.json.data.verifyAccount.status).toBe('KNOWN_IMPERSONATOR');
    expect(g.json.data.verifyAccount.imitates.handle).toBe('Stadsbeheer050');
    // Nothing of the report reaches the public.
    expect(g.text).not.toContain('parkeervergunningen');
    expect(g.text).not.toContain(report.json.reference);
  });
});

describe('bad input is a clear BAD_USER_INPUT with a stable code, never an empty success', () => {
  const cases: [Record<string, string>, string][] = [
    [{ url: 'https://www.groningen.nl/contact' }, 'NOT_A_PROFILE_URL'],
    [{ url: 'https://example.org/Stadsbeheer050' }, 'NOT_A_PROFILE_URL'],
    [{ url: 'https://x.com/home' }, 'NOT_A_PROFILE_URL'],
    [{ url: 'https://x.com/Stadsbeheer050/status/1234567890' }, 'NOT_A_PROFILE_URL'],
    [{ url: 'https://www.instagram.com/p/Cabc123/' }, 'NOT_A_PROFILE_URL'],
    [{ url: 'javascript:alert(1)' }, 'NOT_A_PROFILE_URL'],
    [{ url: 'ftp://x.com/Stadsbeheer050' }, 'NOT_A_PROFILE_URL'],
    [{ url: 'https://x.com/Stadsbeheer050', platform: 'facebook' }, 'HANDLE_PLATFORM_MISMATCH'],
    [{ platform: 'facebook', handle: 'https://x.com/Stadsbeheer050' }, 'HANDLE_PLATFORM_MISMATCH'],
    [{ platform: 'myspace', handle: 'gemeente' }, 'PLATFORM_UNKNOWN'],
    [{ handle: 'Stadsbeheer050' }, 'PLATFORM_REQUIRED'],
    [{}, 'HANDLE_OR_URL_REQUIRED'],
    [{ platform: 'x', handle: '' }, 'HANDLE_OR_URL_REQUIRED'],
    [{ url: 'https://x.com/a', handle: 'a' }, 'URL_AND_HANDLE'],
    [{ platform: 'x', handle: 'stads beheer' }, 'HANDLE_INVALID_CHARACTERS'],
  ];
  it.each(cases)('REST %j → %s', async (params, code) => {
    const r = sane(await rest(params));
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('BAD_USER_INPUT');
    expect(r.json.error.violations[0].code).toBe(code);
    expect(r.json.error.messageNl).toBeTruthy();
  });

  it('GraphQL verifyProfileUrl and verifyAccount answer the same codes, with no data', async () => {
    const g = sane(await gqlVerifyUrl('https://www.groningen.nl/contact'));
    expect(g.json.data).toBeNull();
    expect(g.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(g.json.errors[0].extensions.violations[0]).toMatchObject({ field: 'url', code: 'NOT_A_PROFILE_URL' });
    const h = sane(await gqlVerify('myspace', 'gemeente'));
    expect(h.json.errors[0].extensions.violations[0].code).toBe('PLATFORM_UNKNOWN');
  });

  it('too long, repeated or unknown parameters are refused', async () => {
    expect(sane(await rest({ url: `https://x.com/${'a'.repeat(2100)}` })).status).toBe(400);
    expect(sane(await get('/public/verify?platform=x&handle=a&handle=b')).status).toBe(400);
    expect(sane(await get('/public/verify?platform=x&handle=Stadsbeheer050&owner=1')).status).toBe(400);
    const long = sane(await gqlVerifyUrl(`https://x.com/${'a'.repeat(2100)}`));
    expect(long.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('no owner, reporter, user or internal data, ever', () => {
  interface TypeRef {
    kind: string;
    name: string | null;
    ofType?: TypeRef | null;
  }
  const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);

  it('the public types have exactly the allow-listed fields (introspection, from the public queries down)', async () => {
    const typeQuery = `query($n: String!) { __type(name: $n) { kind name fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`;
    const { __schema } = await app.gqlOk('{ __schema { queryType { fields { name type { kind name ofType { kind name ofType { kind name } } } } } } }');
    const roots = ['verifyAccount', 'verifyProfileUrl', 'publicAccounts'].map((n) => named(__schema.queryType.fields.find((f: { name: string }) => f.name === n).type).name as string);
    expect(roots).toEqual(['Verification', 'Verification', 'PublicAccountList']);
    const seen = new Map<string, string[]>();
    const queue = [...roots];
    while (queue.length) {
      const name = queue.shift() as string;
      if (seen.has(name)) continue;
      const { __type } = await app.gqlOk(typeQuery, { n: name });
      seen.set(name, __type.fields.map((f: { name: string }) => f.name).sort());
      for (const f of __type.fields as { type: TypeRef }[]) {
        const t = named(f.type);
        if (t.kind === 'OBJECT' && t.name) queue.push(t.name);
      }
    }
    const allowed = Object.fromEntries(Object.entries(PUBLIC_FIELDS).map(([k, v]) => [k, [...v].sort()]));
    expect(Object.fromEntries(seen)).toEqual(allowed);
  });

  it('REST answers carry only allow-listed keys', async () => {
    const keysOf = (value: unknown, type: keyof typeof PUBLIC_FIELDS, out: string[] = []): string[] => {
      if (!value || typeof value !== 'object') return out;
      for (const [k, v] of Object.entries(value)) {
        if (!(PUBLIC_FIELDS[type] as readonly string[]).includes(k)) out.push(`${type}.${k}`);
        const child: Record<string, keyof typeof PUBLIC_FIELDS> = { account: 'PublicAccount', imitates: 'PublicAccount', unit: 'PublicUnit', reasons: 'PublicReason', looksLike: 'PublicLookalike', items: 'PublicAccount' };
        const t = child[k];
        if (t) for (const item of Array.isArray(v) ? v : [v]) keysOf(item, t, out);
      }
      return out;
    };
    for (const params of [{ platform: 'x', handle: 'Stadsbeheer050' }, { platform: 'x', handle: 'Stadsbeheer05O' }, { platform: 'x', handle: 'Stadsbeheer_050' }, { platform: 'x', handle: 'Archief050' }]) {
      expect(keysOf((await rest(params)).json, 'Verification')).toEqual([]);
    }
    const { items } = (await get('/public/accounts.json?perPage=500')).json;
    expect(items.flatMap((i: unknown) => keysOf(i, 'PublicAccount'))).toEqual([]);
  });

  it('no name or e-mail address of an owner, contact or user appears in any public output', async () => {
    const people = (await db.query<{ name: string; email: string }>('SELECT name, email FROM person')).rows;
    const users = (await db.query<{ display_name: string; email: string }>('SELECT display_name, email FROM app_user')).rows;
    expect(people.length).toBeGreaterThanOrEqual(5);
    const secrets = [...people.flatMap((p) => [p.name, p.email]), ...users.flatMap((u) => [u.display_name, u.email]), '@groningen.example', 'nota 4.2', 'Geheim Concept'];
    const outputs: RawResponse[] = [
      await get('/public/accounts.json?perPage=500'),
      await get('/public/accounts.csv?perPage=500'),
      await get('/public/rel-me.html'),
      await get('/public'),
      await get('/public?q=https://x.com/Stadsbeheer050'),
      await get('/public?q=Stadsbeheer05O&platform=x'),
      await get('/public?q=Archief050&platform=x&lang=en'),
      await get('/public?q=Stadsbeheer_050&platform=x'),
      await get('/public/report'),
      await rest({ platform: 'x', handle: 'Stadsbeheer050' }),
      await rest({ platform: 'x', handle: 'Stadsbeheer05O' }),
      await rest({ platform: 'x', handle: 'Stadsbeheer_050' }),
      await rawGql(app, '{ publicAccounts(perPage: 500) { items { platform platformName handle displayName unit { name path } kind since profileUrl } } }'),
    ];
    for (const out of outputs) {
      expect(out.status).toBe(200);
      const leaked = secrets.filter((s) => out.text.toLowerCase().includes(s.toLowerCase()));
      expect(leaked).toEqual([]);
    }
  });
});

describe('open data: the active accounts as JSON, CSV and GraphQL, paged with a cap, with ETags', () => {
  let active: number;
  beforeAll(async () => {
    active = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM social_account WHERE status = 'ACTIVE'")).rows[0].n;
  });

  it('JSON: default 100 per page, every active account, in pages that add up; Link and next', async () => {
    const first = sane(await get('/public/accounts.json'));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ page: 1, perPage: 100, total: active, hasNextPage: false, next: null });
    expect(first.json.items).toHaveLength(active);
    expect(first.json.items.map((i: { handle: string }) => i.handle)).toContain('Stadsbeheer050');
    expect(first.json.items.map((i: { handle: string }) => i.handle)).not.toContain('sdcAnneKrijn');
    expect(first.json.items.map((i: { handle: string }) => i.handle)).not.toContain('Archief050');
    expect(first.json.items.find((i: { handle: string }) => i.handle === 'Stadsbeheer050')).toEqual({
      platform: 'x',
      platformName: expect.any(String),
      handle: 'Stadsbeheer050',
      displayName: 'Stadsbeheer',
      unit: { name: 'RO/EZ', path: 'Gemeente Groningen > RO/EZ' },
      kind: 'ORGANISATIONAL',
      since: expect.any(String),
      profileUrl: 'https://x.com/Stadsbeheer050',
    });

    const pages: { handle: string; platform: string }[] = [];
    let page = 1;
    for (;;) {
      const r = sane(await get(`/public/accounts.json?page=${page}&perPage=7`));
      pages.push(...r.json.items);
      if (!r.json.hasNextPage) {
        expect(r.json.next).toBeNull();
        expect(r.headers.get('link')).not.toContain('rel="next"');
        break;
      }
      expect(r.json.next).toBe(`/public/accounts.json?page=${page + 1}&perPage=7`);
      expect(r.headers.get('link')).toContain(`</public/accounts.json?page=${page + 1}&perPage=7>; rel="next"`);
      page++;
    }
    expect(page).toBe(Math.ceil(active / 7));
    expect(pages.map((i) => `${i.platform}/${i.handle}`)).toEqual(first.json.items.map((i: { handle: string; platform: string }) => `${i.platform}/${i.handle}`));
    // Beyond the last page: an empty page, not an error.
    expect((await get('/public/accounts.json?page=999&perPage=7')).json).toMatchObject({ items: [], total: active, hasNextPage: false });
  });

  it('page sizes are capped at 500; nonsense is BAD_USER_INPUT', async () => {
    expect(sane(await get('/public/accounts.json?perPage=500')).status).toBe(200);
    for (const q of ['perPage=501', 'perPage=100000', 'perPage=0', 'perPage=-1', 'page=0', 'page=abc', 'perPage=1e9', 'page=1&page=2']) {
      const r = sane(await get(`/public/accounts.json?${q}`));
      expect([q, r.status, r.json?.error?.code]).toEqual([q, 400, 'BAD_USER_INPUT']);
      expect(sane(await get(`/public/accounts.csv?${q}`)).status).toBe(400);
    }
    const g = sane(await rawGql(app, '{ publicAccounts(perPage: 501) { total } }'));
    expect(g.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('GraphQL publicAccounts is the same list', async () => {
    const g = await app.gqlOk('{ publicAccounts(page: 2, perPage: 5) { total page perPage hasNextPage items { platform handle unit { name } } } }');
    const r = (await get('/public/accounts.json?page=2&perPage=5')).json;
    expect(g.publicAccounts).toMatchObject({ total: r.total, page: 2, perPage: 5, hasNextPage: r.hasNextPage });
    expect(g.publicAccounts.items.map((i: { handle: string }) => i.handle)).toEqual(r.items.map((i: { handle: string }) => i.handle));
  });

  it('CSV: a header and one row per account, the same page as JSON', async () => {
    const r = sane(await get('/public/accounts.csv?perPage=500'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(r.headers.get('x-total-count')).toBe(String(active));
    const rows = parse(r.text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['platform', 'platform_name', 'handle', 'profile_url', 'display_name', 'unit', 'unit_path', 'kind', 'since']);
    expect(rows).toHaveLength(active);
    expect(rows.find((row) => row.handle === 'Stadsbeheer050')).toMatchObject({ platform: 'x', profile_url: 'https://x.com/Stadsbeheer050', unit: 'RO/EZ', unit_path: 'Gemeente Groningen > RO/EZ', kind: 'ORGANISATIONAL' });
  });

  it('ETag and Cache-Control: If-None-Match answers 304; a change in the register changes the ETag', async () => {
    for (const path of ['/public/accounts.json?perPage=500', '/public/accounts.csv?perPage=500', '/public/rel-me.html']) {
      const first = await get(path);
      const etag = first.headers.get('etag') as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(first.headers.get('cache-control')).toMatch(/must-revalidate/);
      expect(first.headers.get('access-control-allow-origin')).toBe('*');
      const again = await get(path, { 'if-none-match': etag });
      expect([path, again.status, again.text]).toEqual([path, 304, '']);
      expect((await get(path, { 'if-none-match': `W/${etag}, "other"` })).status).toBe(304);
      expect((await get(path, { 'if-none-match': '"something-else"' })).status).toBe(200);
    }
    const before = await get('/public/accounts.json?perPage=500');
    const id = await accountId('x', 'damsterdiep');
    const { rows } = await db.query<{ version: number }>('SELECT version FROM social_account WHERE id = $1', [id]);
    await app.gqlOk('mutation($id: ID!, $v: Int!) { updateSocialAccount(id: $id, version: $v, displayName: "Damsterdiep (bouwproject)") { id } }', { id, v: rows[0].version }, comms);
    const after = await get('/public/accounts.json?perPage=500', { 'if-none-match': before.headers.get('etag') as string });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.text).toContain('Damsterdiep (bouwproject)');
  });

  it('rel-me.html: a rel="me" link per active account', async () => {
    const r = sane(await get('/public/rel-me.html'));
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.text).toContain('<a rel="me" href="https://x.com/Stadsbeheer050">');
    expect(r.text).toContain('<a rel="me" href="https://www.facebook.com/Milieudienst050">');
    expect(r.text.match(/rel="me"/g)).toHaveLength(active);
    expect(r.text).not.toContain('sdcAnneKrijn');
    expect(r.text).not.toContain('Archief050');
  });
});

describe('the public page (server-rendered, Dutch with an English switch)', () => {
  it('asks the question in Dutch, with a CSP that allows only what it uses and no script at all', async () => {
    const r = sane(await get('/public'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.text).toContain('<html lang="nl">');
    expect(r.text).toContain('<h1>Is dit account echt van de gemeente?</h1>');
    expect(r.text).toContain('<form method="get" action="/public"');
    expect(r.text).toContain('<label for="q">');
    expect(r.text).toContain('<label for="platform">');
    expect(r.text).not.toMatch(/<script/i);
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    const css = await get('/public/public.css');
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    expect((await get('/public/?lang=en')).text).toContain('<html lang="en">');
  });

  it('answers in plain words with the unit\'s name', async () => {
    const yes = await get('/public?q=Stadsbeheer050&platform=twitter');
    expect(yes.text).toContain('Ja, <strong>@Stadsbeheer050</strong> op X is een officieel account van de gemeente Groningen (RO/EZ).');
    const yesEn = await get('/public?q=https%3A%2F%2Fx.com%2FStadsbeheer050&lang=en');
    expect(yesEn.text).toContain('Yes, <strong>@Stadsbeheer050</strong> on X is an official account of the municipality of Groningen (RO/EZ).');
    const no = await get('/public?q=Stadsbeheer05O&platform=x');
    expect(no.text).toContain('Nee, <strong>@stadsbeheer05o</strong> op X staat niet in het register');
    expect(no.text).toContain('Het lijkt op het officiële <strong>@Stadsbeheer050</strong> op X');
    expect(no.text).toContain('href="/public/report?platform=x&#38;handle=stadsbeheer05o"');
    const fake = await get('/public?q=Stadsbeheer_050&platform=x');
    expect(fake.text).toContain('Let op: <strong>@stadsbeheer_050</strong> op X is een bekend nep-account. Het doet zich voor als het officiële <strong>@Stadsbeheer050</strong> op X.');
    const former = await get('/public?q=archief050&platform=x');
    expect(former.text).toMatch(/<strong>@Archief050<\/strong> op X was een officieel account van de gemeente Groningen \(RO\/EZ\), tot \d+ \w+ \d{4}\./);
  });

  it('a bad question: 400, the message next to the field and linked to it', async () => {
    const r = sane(await get('/public?q=https%3A%2F%2Fwww.groningen.nl%2Fcontact'));
    expect(r.status).toBe(400);
    expect(r.text).toContain('aria-describedby="q-hint q-error" aria-invalid="true"');
    expect(r.text).toContain('<p id="q-error" class="error">');
    expect(r.text).toContain('Dit is geen webadres van een profiel op een bekend platform');
    const noPlatform = await get('/public?q=Stadsbeheer050');
    expect(noPlatform.status).toBe(400);
    expect(noPlatform.text).toContain('<select id="platform" name="platform" aria-describedby="platform-hint platform-error" aria-invalid="true">');
  });

  it('escapes every echoed value (XSS)', async () => {
    const payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", 'javascript:alert(1)'];
    for (const p of payloads) {
      for (const path of [
        `/public?q=${encodeURIComponent(p)}`,
        `/public?q=${encodeURIComponent(p)}&platform=x`,
        `/public?q=Stadsbeheer050&platform=${encodeURIComponent(p)}`,
        `/public?q=${encodeURIComponent(p)}&lang=${encodeURIComponent(p)}`,
        `/public/report?handle=${encodeURIComponent(p)}&platform=${encodeURIComponent(p)}&lang=en`,
      ]) {
        const r = sane(await get(path));
        expect(r.text).not.toContain('<script>');
        expect(r.text).not.toContain('<img src=x');
        expect(r.text).not.toContain('<svg onload');
        expect(r.text).not.toMatch(/href="javascript:/i);
      }
    }
    expect((await get(`/public?q=${encodeURIComponent(payloads[0])}&platform=x`)).text).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('the report form posts to the public intake with its field names, and the intake takes it', async () => {
    const r = sane(await get('/public/report?platform=x&handle=stadsbeheer05o'));
    expect(r.text).toContain('<form method="post" action="/public/reports"');
    for (const name of ['platform', 'suspectHandle', 'suspectDisplayName', 'description', 'reporterName', 'reporterEmail']) expect(r.text).toContain(`name="${name}"`);
    expect(r.text).toContain('<option value="x" selected>');
    expect(r.text).toContain('value="stadsbeheer05o"');
    // What a browser sends with JavaScript off.
    const form = new URLSearchParams({ platform: 'x', suspectHandle: 'stadsbeheer05o', suspectDisplayName: '', description: 'Lijkt op Stadsbeheer.', reporterName: '', reporterEmail: '' });
    const posted = sane(await rawRequest(app, '/public/reports', { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(posted.status).toBe(201);
    expect(posted.json.reference).toMatch(/^IMP-\d{4}-\d{4}$/);
  });

  it('routes under /public are the API\'s, never the console\'s fallback', async () => {
    const r = sane(await get('/public/nothing-here'));
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('<div id="root">');
  });
});

describe('abuse limits: per address, 429 with Retry-After, from configuration', () => {
  let limited: RunningApp;
  beforeAll(async () => {
    limited = await startApp({ env: { GGSM_VERIFY_RATE_LIMIT: '3', GGSM_VERIFY_RATE_WINDOW_SECONDS: '600' } });
  });
  afterAll(async () => {
    await limited?.stop();
  });
  // Behind the loopback proxy (trust proxy), X-Forwarded-For is the client address.
  const from = (ip: string, path: string) => rawRequest(limited, path, { method: 'GET', headers: { 'x-forwarded-for': ip } });
  const gqlFrom = (ip: string) =>
    rawRequest(limited, '/graphql', { body: { query: '{ verifyAccount(platform: "x", handle: "Stadsbeheer050") { status } }' }, headers: { 'x-forwarded-for': ip } });

  it('REST verify: the 4th check of an address is 429 with Retry-After; another address goes on', async () => {
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.1', '/public/verify?platform=x&handle=Stadsbeheer050')).status).toBe(200);
    const r = sane(await from('203.0.113.1', '/public/verify?platform=x&handle=Stadsbeheer050'));
    expect(r.status).toBe(429);
    expect(r.json.error.code).toBe('TOO_MANY_REQUESTS');
    const retry = Number(r.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(600);
    expect((await from('203.0.113.2', '/public/verify?platform=x&handle=Stadsbeheer050')).status).toBe(200);
    // Open data is not a check: it stays available.
    expect((await from('203.0.113.1', '/public/accounts.json')).status).toBe(200);
  });

  it('GraphQL and the public page count for the same address and answer 429 too', async () => {
    for (let i = 0; i < 3; i++) expect((await gqlFrom('203.0.113.3')).json.data.verifyAccount.status).toBe('OFFICIAL');
    const g = sane(await gqlFrom('203.0.113.3'));
    expect(g.status).toBe(429);
    expect(g.json.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(g.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const page = sane(await from('203.0.113.3', '/public?q=Stadsbeheer050&platform=x'));
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(page.text).toContain('te veel controles');
    // The empty page (no question) is no check.
    expect((await from('203.0.113.3', '/public')).status).toBe(200);
  });

  it('a bad limit in the configuration stops the start with a clear message', async () => {
    const bad = await startApp({ env: { GGSM_VERIFY_RATE_LIMIT: 'lots' }, waitForHealth: false });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('GGSM_VERIFY_RATE_LIMIT');
    await bad.stop();
  });
});
