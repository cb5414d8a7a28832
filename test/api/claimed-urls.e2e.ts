import * as fc from 'fast-check';
import { hostToAscii } from '@ggsm/domain';
import { DEMO, type PgClient, type RunningApp, changedRows, connectAsSuperuser, rawGql, snapshotDb, startApp, totalChanged } from '@ggsm/testing';

// Claimed URLs (the URL policy): normalisation through the public suffix list, one claim per normalised
// value (URL_TAKEN names the holder), the expiry watch, scoping by unit as for accounts, profile addresses
// linked to their account, defensive lookalikes, the audit trail and the checklist item on bio links.

let app: RunningApp;
let db: PgClient;
let comms: string;
let editor: string;
let editorOcsw: string;
let admin: string;
let legal: string;
let auditor: string;
let unit: Record<string, string>;

const CLAIM =
  'id value kind normalized valueUnicode host hostUnicode registrableDomain registrableDomainUnicode platformId handle orgUnitId purpose registrar registeredAt expiresAt autoRenew status notes accountIds expiryState daysUntilExpiry warningThreshold version';

interface Claim {
  id: string;
  value: string;
  kind: string;
  normalized: string;
  valueUnicode: string;
  host: string;
  hostUnicode: string;
  registrableDomain: string;
  platformId: string | null;
  handle: string | null;
  orgUnitId: string;
  purpose: string;
  expiresAt: string | null;
  status: string;
  accountIds: string[];
  expiryState: string | null;
  daysUntilExpiry: number | null;
  warningThreshold: number | null;
  version: number;
}
type Result = Awaited<ReturnType<RunningApp['gql']>>;

const codeOf = (res: Result) => res.errors?.[0]?.extensions?.code;
const violations = (res: Result) => (res.errors?.[0]?.extensions?.violations ?? []) as { field?: string; code: string; message: string; messageNl?: string }[];
/** YYYY-MM-DD, `offset` days from today (UTC), as the API counts. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
let counter = 0;
const fresh = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

const create = (vars: Record<string, unknown>, token = comms) =>
  app.gql(
    `mutation($value: String!, $kind: ClaimedUrlKind, $unit: ID!, $purpose: ClaimedUrlPurpose!, $expiresAt: String, $registeredAt: String, $status: ClaimedUrlStatus, $accountIds: [ID!]) {
      createClaimedUrl(value: $value, kind: $kind, orgUnitId: $unit, purpose: $purpose, expiresAt: $expiresAt, registeredAt: $registeredAt, status: $status, accountIds: $accountIds) { ${CLAIM} } }`,
    { purpose: 'PRIMARY', unit: unit.ROEZ, ...vars },
    token,
  );
const createOk = async (vars: Record<string, unknown>, token = comms): Promise<Claim> => {
  const res = await create(vars, token);
  expect(res.errors).toBeUndefined();
  return res.data!.createClaimedUrl as Claim;
};
const get = (id: string, token = comms) => app.gql(`query($id: ID!) { ClaimedUrl(id: $id) { ${CLAIM} } }`, { id }, token);
const list = async (filter: Record<string, unknown>, token = comms): Promise<Claim[]> =>
  (await app.gqlOk(`query($f: ClaimedUrlFilter) { allClaimedUrls(filter: $f, perPage: 500) { ${CLAIM} } }`, { f: filter }, token)).allClaimedUrls;
const byValue = async (normalized: string): Promise<Claim> => (await list({ q: normalized })).find((c) => c.normalized === normalized)!;

/** Runs a call that must be refused, and checks that not a single row of the register changed. */
async function refusedWithoutWrites(call: () => Promise<Result>): Promise<Result> {
  const before = await snapshotDb(db);
  const res = await call();
  expect(res.errors?.length).toBeGreaterThan(0);
  expect(totalChanged(changedRows(before, await snapshotDb(db)))).toBe(0);
  return res;
}

beforeAll(async () => {
  app = await startApp();
  db = await connectAsSuperuser(app.dataDir);
  [comms, editor, editorOcsw, admin, legal, auditor] = await Promise.all([
    app.login(DEMO.communications),
    app.login(DEMO.editorRoez),
    app.login(DEMO.editorOcsw),
    app.login(DEMO.admin),
    app.login(DEMO.legal),
    app.login(DEMO.auditor),
  ]);
  const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 100) { id shortCode } }', {}, comms);
  unit = Object.fromEntries(allOrgUnits.map((u: { id: string; shortCode: string }) => [u.shortCode, u.id]));
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('the demo claims', () => {
  it('hold the municipality domain, a subdomain, a campaign domain due soon and a profile address linked to its account', async () => {
    const groningen = await byValue('groningen.nl');
    expect(groningen).toMatchObject({ kind: 'DOMAIN', purpose: 'PRIMARY', registrableDomain: 'groningen.nl', status: 'ACTIVE', expiryState: 'OK', orgUnitId: unit.GEM });
    expect(await byValue('stadsnieuws.nl')).toMatchObject({ kind: 'DOMAIN', value: 'https://www.stadsnieuws.nl/', orgUnitId: unit['BSD-NR'] });
    expect(await byValue('mijnwijk.groningen.nl')).toMatchObject({ kind: 'SUBDOMAIN', registrableDomain: 'groningen.nl', expiryState: null, warningThreshold: null });
    expect(await byValue('lentekriebels050.nl')).toMatchObject({ purpose: 'CAMPAIGN', expiryState: 'EXPIRING', daysUntilExpiry: 45, warningThreshold: 60 });
    const vanity = await byValue('facebook:milieudienst050');
    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(filter: { platformId: "facebook", q: "Milieudienst050" }) { id handle } }', {}, comms);
    expect(vanity).toMatchObject({ kind: 'PLATFORM_VANITY', platformId: 'facebook', accountIds: [allSocialAccounts[0].id] });
  });
});

describe('claiming', () => {
  it('normalises what people paste: https://WWW.Stadsnieuws.nl/nieuws?x=1 as a domain is stadsnieuws.nl, already ours (URL_TAKEN naming the unit), and nothing is written', async () => {
    const res = await refusedWithoutWrites(() => create({ value: 'https://WWW.Stadsnieuws.nl/nieuws?x=1', kind: 'DOMAIN' }));
    expect(codeOf(res)).toBe('URL_TAKEN');
    expect(violations(res)).toEqual([expect.objectContaining({ field: 'value', code: 'URL_TAKEN' })]);
    expect(res.errors?.[0].extensions?.messageNl).toContain('stadsnieuws.nl');
    expect(res.errors?.[0].extensions?.messageNl).toContain('Centrale nieuwsredactie');
    expect(res.errors?.[0].message).toContain('Centrale nieuwsredactie');

    // The same text without a kind is a page of that site: a claim of its own.
    const page = await createOk({ value: 'https://WWW.Stadsnieuws.nl/nieuws?x=1', unit: unit['BSD-NR'] });
    expect(page).toMatchObject({ kind: 'URL', value: 'https://WWW.Stadsnieuws.nl/nieuws?x=1', normalized: 'stadsnieuws.nl/nieuws', host: 'stadsnieuws.nl', registrableDomain: 'stadsnieuws.nl' });

    // A fresh domain, pasted with scheme, www, port, path and query, round-trips to its registrable domain.
    const name = `wijk${fresh()}050.nl`;
    const claim = await createOk({ value: `HTTPS://WWW.${name.toUpperCase()}:443/nieuws/?x=1#top`, kind: 'DOMAIN', expiresAt: day(400) });
    expect(claim).toMatchObject({ kind: 'DOMAIN', normalized: name, host: name, valueUnicode: name, status: 'ACTIVE', expiryState: 'OK', warningThreshold: null, version: 1 });
    expect((await get(claim.id)).data?.ClaimedUrl).toEqual(claim);
    // Every spelling of it is the same claim.
    for (const spelling of [name, `${name}.`, `http://${name}/`, `www.${name}`]) {
      expect(codeOf(await create({ value: spelling, kind: 'DOMAIN' }))).toBe('URL_TAKEN');
    }
  });

  it('recognises a subdomain under its registrable domain, and private suffixes', async () => {
    const sub = await createOk({ value: `https://Afval${fresh()}.Groningen.nl/` });
    expect(sub).toMatchObject({ kind: 'SUBDOMAIN', registrableDomain: 'groningen.nl' });
    const pages = await createOk({ value: `gemeente-groningen-${fresh()}.github.io` });
    expect(pages.kind).toBe('DOMAIN');
    expect(pages.registrableDomain).toBe(pages.normalized);
  });

  it('stores an internationalised name in ASCII and shows it in Unicode; a search in Unicode finds it', async () => {
    const label = `bücher${fresh()}`;
    const claim = await createOk({ value: `https://${label}.de/`, purpose: 'DEFENSIVE' });
    const ascii = hostToAscii(`${label}.de`)!;
    expect(ascii.startsWith('xn--')).toBe(true);
    expect(claim).toMatchObject({ kind: 'DOMAIN', normalized: ascii, host: ascii, valueUnicode: `${label}.de`, hostUnicode: `${label}.de` });
    const { rows } = await db.query<{ normalized: string }>('SELECT normalized FROM claimed_url WHERE id = $1', [claim.id]);
    expect(rows[0].normalized).toBe(ascii);
    expect((await list({ q: label })).map((c) => c.id)).toEqual([claim.id]);
    // The ASCII spelling is the same claim.
    expect(codeOf(await create({ value: ascii }))).toBe('URL_TAKEN');
  });

  it.each([
    ['http://', 'URL_INVALID'],
    ['not a url', 'URL_INVALID'],
    ['co.uk', 'URL_PUBLIC_SUFFIX'],
    ['nl', 'URL_PUBLIC_SUFFIX'],
    ['ftp://groningen.nl', 'URL_UNSUPPORTED_SCHEME'],
    ['javascript:alert(1)', 'URL_UNSUPPORTED_SCHEME'],
    ['192.168.1.1', 'URL_IP_ADDRESS'],
    ['groningen.invalidtld', 'URL_UNKNOWN_SUFFIX'],
    ['\u200B', 'URL_EMPTY'],
    ['   ', 'INVALID_MATCHES'],
  ])('refuses %j with %s, a Dutch message, and writes nothing', async (value, violation) => {
    const res = await refusedWithoutWrites(() => create({ value }));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(violations(res).map((v) => v.code)).toContain(violation);
    expect(violations(res)[0].messageNl).toMatch(/[a-z]/);
  });

  it('refuses a kind that does not fit, impossible dates, dates in the wrong order, and a value too long', async () => {
    expect(violations(await refusedWithoutWrites(() => create({ value: 'groningen.nl/afval', kind: 'SUBDOMAIN' })))[0].code).toBe('URL_KIND_MISMATCH');
    expect(violations(await refusedWithoutWrites(() => create({ value: 'facebook.com/Milieudienst050', kind: 'DOMAIN' })))[0].code).toBe('URL_KIND_MISMATCH');
    for (const date of ['2026-02-30', 'morgen', '2026-1-5', '1900-01-01', '10000-01-01', '']) {
      const res = await refusedWithoutWrites(() => create({ value: `datum${fresh()}.nl`, expiresAt: date }));
      expect([codeOf(res), violations(res)[0]?.field]).toEqual(['BAD_USER_INPUT', 'expiresAt']);
    }
    const order = await refusedWithoutWrites(() => create({ value: `volgorde${fresh()}.nl`, registeredAt: day(10), expiresAt: day(5) }));
    expect(violations(order)[0]).toMatchObject({ field: 'expiresAt', code: 'DATE_ORDER' });
    expect(codeOf(await refusedWithoutWrites(() => create({ value: `${'a'.repeat(2001)}.nl` })))).toBe('BAD_USER_INPUT');
    expect(codeOf(await refusedWithoutWrites(() => create({ value: `${'a'.repeat(70)}.nl` })))).toBe('BAD_USER_INPUT');
  });

  it('answers arbitrary values and domains with a clear code, never a fault, and writes nothing when it refuses', async () => {
    const piece = fc.constantFrom('https://', 'http://', 'www.', 'WWW.', 'xn--', 'xn--bcher-kva', 'ü', 'ö', '.', '..', '-', '/', '?x=1', '#', ':8080', '@', '%2F', '%00', ' ', '\u200B', 'groningen', 'nl', 'co.uk', 'github.io', 'com', 'facebook.com/', 'x.com/', '[::1]', '127.0.0.1', 'ftp:', 'javascript:', '\\');
    const value = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.array(piece, { maxLength: 8 }).map((p) => p.join('')));
    const seen: string[] = [];
    await fc.assert(
      fc.asyncProperty(value, fc.constantFrom('DOMAIN', 'SUBDOMAIN', 'URL', 'PLATFORM_VANITY', null), async (v, kind) => {
        const before = await snapshotDb(db);
        const res = await rawGql(app, 'mutation($v: String!, $k: ClaimedUrlKind, $u: ID!) { createClaimedUrl(value: $v, kind: $k, orgUnitId: $u, purpose: DEFENSIVE, status: RELEASED) { id } }', { v, k: kind, u: unit.ROEZ }, comms);
        const codes: string[] = (res.json?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
        const lookalikes = await rawGql(app, 'query($d: String!) { domainLookalikes(domain: $d, limit: 20) { domain } }', { d: v }, comms);
        const lookalikeCodes: string[] = (lookalikes.json?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
        seen.push(...codes);
        expect({ status: res.status < 500, lookalikes: lookalikes.status < 500 }).toEqual({ status: true, lookalikes: true });
        expect(codes.filter((c) => c !== 'BAD_USER_INPUT' && c !== 'URL_TAKEN')).toEqual([]);
        expect(lookalikeCodes.filter((c) => c !== 'BAD_USER_INPUT')).toEqual([]);
        if (codes.length) expect(totalChanged(changedRows(before, await snapshotDb(db)))).toBe(0);
      }),
      { numRuns: 80, seed: 20260514 },
    );
    expect(seen).toContain('BAD_USER_INPUT');
  });

  it('one of many simultaneous claims of the same value wins; the others get URL_TAKEN, never a fault', async () => {
    const value = `race${fresh()}.nl`;
    const results = await Promise.all(Array.from({ length: 6 }, () => create({ value })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(5).fill('URL_TAKEN'));
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM claimed_url WHERE normalized = $1', [value]);
    expect(rows[0].n).toBe(1);
  });
});

describe('the expiry watch', () => {
  it('gives each dated claim a state and a warning step, and lists those expiring within N days', async () => {
    const soon = await createOk({ value: `binnenkort${fresh()}.nl`, expiresAt: day(5) });
    const month = await createOk({ value: `maand${fresh()}.nl`, expiresAt: day(25) });
    const today = await createOk({ value: `vandaag${fresh()}.nl`, expiresAt: day(0) });
    const later = await createOk({ value: `later${fresh()}.nl`, expiresAt: day(100) });
    const expired = await createOk({ value: `verlopen${fresh()}.nl`, expiresAt: day(-1), registeredAt: day(-366) });
    const released = await createOk({ value: `losgelaten${fresh()}.nl`, expiresAt: day(5), status: 'RELEASED' });
    const undated = await createOk({ value: `zonderdatum${fresh()}.nl` });
    expect(soon).toMatchObject({ expiryState: 'EXPIRING', daysUntilExpiry: 5, warningThreshold: 7 });
    expect(month).toMatchObject({ expiryState: 'EXPIRING', daysUntilExpiry: 25, warningThreshold: 30 });
    expect(today).toMatchObject({ expiryState: 'EXPIRING', daysUntilExpiry: 0, warningThreshold: 7 });
    expect(later).toMatchObject({ expiryState: 'OK', daysUntilExpiry: 100, warningThreshold: null });
    expect(expired).toMatchObject({ expiryState: 'EXPIRED', daysUntilExpiry: -1, warningThreshold: null });
    expect(released).toMatchObject({ expiryState: 'EXPIRING', warningThreshold: null });
    expect(undated).toMatchObject({ expiryState: null, daysUntilExpiry: null, warningThreshold: null });

    const { expiringClaimedUrls } = await app.gqlOk(`{ expiringClaimedUrls(withinDays: 10) { ${CLAIM} } }`, {}, comms);
    const ids = (expiringClaimedUrls as Claim[]).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([today.id, soon.id]));
    for (const other of [month, later, expired, released, undated]) expect(ids).not.toContain(other.id);
    // Soonest first.
    const days = (expiringClaimedUrls as Claim[]).map((c) => c.daysUntilExpiry!);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(days.every((d) => d >= 0 && d <= 10)).toBe(true);

    // The same through the list filter, with its count, and by state.
    const within90 = (await list({ expiringWithinDays: 90 })).map((c) => c.id);
    expect(within90).toEqual(expect.arrayContaining([today.id, soon.id, month.id]));
    expect(within90).not.toContain(later.id);
    const { _allClaimedUrlsMeta } = await app.gqlOk('{ _allClaimedUrlsMeta(filter: { expiringWithinDays: 90 }) { count } }', {}, comms);
    expect(_allClaimedUrlsMeta.count).toBe(within90.length);
    expect((await list({ expiryState: 'EXPIRED' })).map((c) => c.id)).toContain(expired.id);
    expect((await list({ expiryState: 'OK' })).map((c) => c.id)).toContain(later.id);
    expect((await list({ expiryState: 'EXPIRING' })).every((c) => c.expiryState === 'EXPIRING')).toBe(true);

    for (const bad of [-1, 3651]) {
      expect(codeOf(await app.gql('query($d: Int!) { expiringClaimedUrls(withinDays: $d) { id } }', { d: bad }, comms))).toBe('BAD_USER_INPUT');
    }
  });
});

describe('who may do what', () => {
  it('lets editors claim and change only within their unit subtree; others read; another unit\'s claim is NOT_FOUND', async () => {
    const own = await createOk({ value: `roez${fresh()}.nl`, unit: unit.SDC }, editor);
    expect(own.orgUnitId).toBe(unit.SDC);
    // Claiming for another unit: that unit is, for this editor, unknown.
    const other = await refusedWithoutWrites(() => create({ value: `ocsw${fresh()}.nl`, unit: unit.OCSW }, editor));
    expect(violations(other)[0]).toMatchObject({ field: 'orgUnitId', code: 'ORG_UNIT_UNKNOWN' });

    // The other unit's editor neither sees nor changes it, and cannot tell it from a missing one.
    expect(codeOf(await get(own.id, editorOcsw))).toBe('NOT_FOUND');
    expect((await list({ ids: [own.id] }, editorOcsw))).toEqual([]);
    const upd = await refusedWithoutWrites(() =>
      app.gql('mutation($id: ID!, $v: Int!) { updateClaimedUrl(id: $id, version: $v, notes: "overgenomen") { id } }', { id: own.id, v: own.version }, editorOcsw),
    );
    expect(codeOf(upd)).toBe('NOT_FOUND');
    expect(codeOf(await app.gql('query($id: ID!) { auditHistory(entityType: "ClaimedUrl", entityId: $id) { id } }', { id: own.id }, editorOcsw))).toBe('NOT_FOUND');
    // The municipality's own domain is above the editor's unit: not visible to it.
    expect(codeOf(await get((await byValue('groningen.nl')).id, editor))).toBe('NOT_FOUND');
    expect((await list({}, editor)).every((c) => [unit.ROEZ, unit.SDC].includes(c.orgUnitId))).toBe(true);
    // Moving it to another unit is refused as well.
    expect(violations(await refusedWithoutWrites(() =>
      app.gql('mutation($id: ID!, $v: Int!, $u: ID) { updateClaimedUrl(id: $id, version: $v, orgUnitId: $u) { id } }', { id: own.id, v: own.version, u: unit.OCSW }, editor),
    ))[0].code).toBe('ORG_UNIT_UNKNOWN');

    // Everyone with a role reads it; only Communications and editors write.
    for (const token of [admin, legal, auditor, comms]) expect((await get(own.id, token)).data?.ClaimedUrl.id).toBe(own.id);
    for (const token of [admin, legal, auditor]) {
      expect(codeOf(await refusedWithoutWrites(() => create({ value: `rol${fresh()}.nl` }, token)))).toBe('FORBIDDEN');
    }
    expect(codeOf(await app.gql('{ allClaimedUrls { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('updates with the version seen: a stale one is VERSION_CONFLICT and writes nothing', async () => {
    const c = await createOk({ value: `versie${fresh()}.nl` });
    const ok = await app.gqlOk(
      'mutation($id: ID!, $v: Int!) { updateClaimedUrl(id: $id, version: $v, registrar: "Voorbeeld Registrar B.V.", expiresAt: "2031-05-01", autoRenew: true, purpose: REDIRECT) { version registrar expiresAt autoRenew purpose } }',
      { id: c.id, v: c.version },
      comms,
    );
    expect(ok.updateClaimedUrl).toEqual({ version: 2, registrar: 'Voorbeeld Registrar B.V.', expiresAt: '2031-05-01', autoRenew: true, purpose: 'REDIRECT' });
    const stale = await refusedWithoutWrites(() => app.gql('mutation($id: ID!, $v: Int!) { updateClaimedUrl(id: $id, version: $v, notes: "oud") { id } }', { id: c.id, v: c.version }, comms));
    expect(codeOf(stale)).toBe('VERSION_CONFLICT');
    // null clears a date; a required field cannot be nulled.
    const cleared = await app.gqlOk('mutation($id: ID!) { updateClaimedUrl(id: $id, version: 2, expiresAt: null) { expiresAt expiryState version } }', { id: c.id }, comms);
    expect(cleared.updateClaimedUrl).toEqual({ expiresAt: null, expiryState: null, version: 3 });
    expect(codeOf(await refusedWithoutWrites(() => app.gql('mutation($id: ID!) { updateClaimedUrl(id: $id, version: 3, purpose: null) { id } }', { id: c.id }, comms)))).toBe('BAD_USER_INPUT');
    // Lapsed and released claims stay in the register.
    const released = await app.gqlOk('mutation($id: ID!) { updateClaimedUrl(id: $id, version: 3, status: RELEASED) { status } }', { id: c.id }, comms);
    expect(released.updateClaimedUrl.status).toBe('RELEASED');
    const again = await create({ value: c.normalized });
    expect(codeOf(again)).toBe('URL_TAKEN');
    expect(again.errors?.[0].extensions?.messageNl).toMatch(/weer op actief/);
  });
});

describe('accounts', () => {
  it('links a profile address to the registered account by itself, and only accounts the caller may see', async () => {
    const handle = `Vanity${fresh()}`.slice(0, 14);
    const { createSocialAccount: account } = await app.gqlOk(
      'mutation($h: String!, $u: ID!) { createSocialAccount(platformId: "x", handle: $h, orgUnitId: $u, kind: PROJECT) { id } }',
      { h: handle, u: unit.ROEZ },
      comms,
    );
    const vanity = await createOk({ value: `https://twitter.com/${handle.toUpperCase()}` }, editor);
    expect(vanity).toMatchObject({ kind: 'PLATFORM_VANITY', platformId: 'x', handle: handle.toLowerCase(), accountIds: [account.id] });
    expect((await list({ accountId: account.id })).map((c) => c.id)).toEqual([vanity.id]);

    // Explicit links: they must exist and be visible to the caller.
    const { allSocialAccounts: ocswAccounts } = await app.gqlOk('query($u: ID) { allSocialAccounts(filter: { orgUnitId: $u }, perPage: 1) { id } }', { u: unit.OCSW }, comms);
    const hidden = await refusedWithoutWrites(() => create({ value: `koppel${fresh()}.nl`, accountIds: [ocswAccounts[0].id] }, editor));
    expect(violations(hidden)[0]).toMatchObject({ field: 'accountIds', code: 'ACCOUNT_UNKNOWN' });
    const missing = await refusedWithoutWrites(() => create({ value: `koppel${fresh()}.nl`, accountIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect(violations(missing)[0].code).toBe('ACCOUNT_UNKNOWN');
    const site = await createOk({ value: `campagne${fresh()}.nl`, purpose: 'CAMPAIGN', accountIds: [account.id, ocswAccounts[0].id] });
    expect(site.accountIds.sort()).toEqual([account.id, ocswAccounts[0].id].sort());
    // The RO/EZ editor sees only the link it may see, and unlinking "everything" keeps the one it cannot see.
    const asEditor = (await get(site.id, editor)).data!.ClaimedUrl as Claim;
    expect(asEditor.accountIds).toEqual([account.id]);
    const unlinked = await app.gqlOk('mutation($id: ID!, $v: Int!) { updateClaimedUrl(id: $id, version: $v, accountIds: []) { accountIds } }', { id: site.id, v: asEditor.version }, editor);
    expect(unlinked.updateClaimedUrl.accountIds).toEqual([]);
    expect(((await get(site.id)).data!.ClaimedUrl as Claim).accountIds).toEqual([ocswAccounts[0].id]);
  });

  it('links a profile address claimed before the account existed once that account is registered, with an audit event on the claim', async () => {
    const handle = `Later${fresh()}`.slice(0, 14);
    const claim = await createOk({ value: `https://x.com/${handle}` }, editor);
    expect(claim).toMatchObject({ kind: 'PLATFORM_VANITY', accountIds: [] });
    const { createSocialAccount: account } = await app.gqlOk(
      'mutation($h: String!, $u: ID!) { createSocialAccount(platformId: "x", handle: $h, orgUnitId: $u, kind: PROJECT) { id } }',
      { h: handle.toUpperCase(), u: unit.ROEZ },
      editor,
    );
    expect(((await get(claim.id)).data!.ClaimedUrl as Claim).accountIds).toEqual([account.id]);
    const { allAuditEvents } = await app.gqlOk(
      'query($id: String) { allAuditEvents(filter: { entityId: $id }, perPage: 10) { action after } }',
      { id: claim.id },
      await app.login(DEMO.auditor),
    );
    expect(allAuditEvents.map((e: { action: string }) => e.action).sort()).toEqual(['claimed_url.account_linked', 'claimed_url.created']);
    expect(allAuditEvents.find((e: { action: string }) => e.action === 'claimed_url.account_linked').after).toEqual({ accountId: account.id });
  });

  it('makes the checklist item "bio links to a domain we have claimed" pass or fail for real', async () => {
    const item = async (bio: string) => {
      const { createSocialAccount: a } = await app.gqlOk(
        'mutation($h: String!, $u: ID!, $bio: String) { createSocialAccount(platformId: "x", handle: $h, orgUnitId: $u, kind: ORGANISATIONAL, bio: $bio) { id } }',
        { h: `Bio${fresh()}050`.slice(0, 15), u: unit.ROEZ, bio },
        comms,
      );
      const { accountChecklist } = await app.gqlOk('query($id: ID!) { accountChecklist(accountId: $id) { key state reasonNl } }', { id: a.id }, comms);
      return accountChecklist.find((i: { key: string }) => i.key === 'bio_links_claimed_domain') as { state: string; reasonNl: string };
    };
    expect((await item('Officieel account van RO/EZ. Meer op https://www.groningen.nl/afval')).state).toBe('PASS');
    expect((await item('Officieel account van RO/EZ, zie mijnwijk.groningen.nl.')).state).toBe('PASS');
    expect((await item('Officieel account van RO/EZ, zie stadsnieuws.nl/nieuws')).state).toBe('PASS');
    expect(await item('Officieel account van RO/EZ, zie https://voorbeeld.example.org')).toMatchObject({ state: 'FAIL' });
    expect(await item('Geen link.')).toMatchObject({ state: 'FAIL' });
    // A lookalike of ours is not ours.
    expect((await item('Zie groningen.nl.evil.example')).state).toBe('FAIL');
  });
});

describe('defensive lookalikes', () => {
  it('lists the variants of a domain with their fuzzer, marks those we hold, and a defensive claim marks one more', async () => {
    const ask = async () =>
      (await app.gqlOk('{ domainLookalikes(domain: "groningen.nl", limit: 1000) { domain unicode fuzzer claimed } }', {}, editor)).domainLookalikes as {
        domain: string;
        unicode: string;
        fuzzer: string;
        claimed: boolean;
      }[];
    const variants = await ask();
    expect(variants.length).toBeGreaterThan(100);
    expect(variants.find((v) => v.domain === 'gemeentegroningen.nl')).toEqual({ domain: 'gemeentegroningen.nl', unicode: 'gemeentegroningen.nl', fuzzer: 'ADDED_WORD', claimed: true });
    expect(variants.find((v) => v.domain === 'groningen.com')).toMatchObject({ fuzzer: 'TLD_SWAP', claimed: false });
    expect(variants.find((v) => v.domain === 'groninen.nl')).toMatchObject({ fuzzer: 'OMISSION' });
    expect(variants.some((v) => v.domain === 'groningen.nl')).toBe(false);
    // .nl takes no internationalised names: no homoglyph variants under it.
    expect(variants.some((v) => v.fuzzer === 'HOMOGLYPH' && v.domain.endsWith('.nl'))).toBe(false);
    expect([...new Set(variants.map((v) => v.fuzzer))]).toEqual(expect.arrayContaining(['TLD_SWAP', 'ADDED_WORD', 'OMISSION', 'TRANSPOSITION', 'REPETITION', 'VOWEL_SWAP', 'HYPHENATION', 'REPLACEMENT']));

    await createOk({ value: 'groningen.com', unit: unit.GEM, purpose: 'DEFENSIVE' });
    expect((await ask()).find((v) => v.domain === 'groningen.com')?.claimed).toBe(true);

    const limited = await app.gqlOk('{ domainLookalikes(domain: "https://www.groningen.nl/afval") { domain } }', {}, legal);
    expect(limited.domainLookalikes.length).toBe(200);
    expect(codeOf(await app.gql('{ domainLookalikes(domain: "co.uk") { domain } }', {}, comms))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql('{ domainLookalikes(domain: "groningen.nl", limit: 100000) { domain } }', {}, comms))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql('{ domainLookalikes(domain: "groningen.nl") { domain } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('the audit trail', () => {
  it('records who claimed and changed what, with the stored facts before and after', async () => {
    const c = await createOk({ value: `audit${fresh()}.nl`, expiresAt: day(50) }, editor);
    await app.gqlOk('mutation($id: ID!, $v: Int!) { updateClaimedUrl(id: $id, version: $v, notes: "Verlengd", autoRenew: true) { id } }', { id: c.id, v: c.version }, editor);
    const { auditHistory } = await app.gqlOk(
      'query($id: ID!) { auditHistory(entityType: "ClaimedUrl", entityId: $id) { action actorEmail before after } }',
      { id: c.id },
      comms,
    );
    expect(auditHistory.map((e: { action: string }) => e.action)).toEqual(['claimed_url.created', 'claimed_url.updated']);
    expect(auditHistory[0]).toMatchObject({ actorEmail: DEMO.editorRoez, before: null, after: expect.objectContaining({ normalized: c.normalized, kind: 'DOMAIN', expiresAt: day(50) }) });
    // Facts, not what today's date makes of them.
    expect(auditHistory[0].after).not.toHaveProperty('expiryState');
    expect(auditHistory[1].before).toEqual(expect.objectContaining({ notes: null, autoRenew: false }));
    expect(auditHistory[1].after).toEqual(expect.objectContaining({ notes: 'Verlengd', autoRenew: true }));
  });
});
