import { handleSkeleton, validateHandle } from '@ggsm/domain';
import { DEMO, type PgClient, type RunningApp, connectAsSuperuser, startApp } from '@ggsm/testing';

// The lookalike engine over the API: `lookalikes` finds candidates through the trigram index on the stored
// skeleton and ranks them with reasons in words; `handleLookalikes` gives the variants of one of our
// handles. The demo register holds the policy note's accounts (Stadsbeheer050 of RO/EZ, Milieudienst050
// on X and Facebook, Oosterpoort of OCSW).

let app: RunningApp;
let db: PgClient;
let comms: string;
let editorRoez: string;
let editorOcsw: string;
let auditor: string;

const MATCH = 'accountId platform handle displayName status score reasons { code message messageNl }';

interface Match {
  accountId: string;
  platform: string;
  handle: string;
  displayName: string | null;
  status: string;
  score: number;
  reasons: { code: string; message: string; messageNl: string }[];
}

async function lookalikes(token: string, platform: string, handle: string, extra: { limit?: number; crossPlatform?: boolean } = {}): Promise<Match[]> {
  const data = await app.gqlOk<{ lookalikes: Match[] }>(
    `query($p: String!, $h: String!, $l: Int, $c: Boolean) { lookalikes(platform: $p, handle: $h, limit: $l, crossPlatform: $c) { ${MATCH} } }`,
    { p: platform, h: handle, l: extra.limit, c: extra.crossPlatform },
    token,
  );
  return data.lookalikes;
}

async function errorOf(token: string | undefined, query: string, variables: Record<string, unknown>) {
  const res = await app.gql(query, variables, token);
  expect(res.data ?? null).toBeNull();
  return res.errors?.[0]?.extensions;
}

const LOOKALIKES = 'query($p: String!, $h: String!, $l: Int) { lookalikes(platform: $p, handle: $h, limit: $l) { accountId } }';
const VARIANTS = 'query($id: ID!, $l: Int) { handleLookalikes(accountId: $id, limit: $l) { handle platform fuzzer validOnPlatform profileUrl knownImpersonator } }';

async function accountId(platform: string, handle: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM social_account WHERE platform_key = $1 AND handle = $2', [platform, handle]);
  return rows[0]?.id as string;
}

beforeAll(async () => {
  app = await startApp();
  db = await connectAsSuperuser(app.dataDir);
  [comms, editorRoez, editorOcsw, auditor] = await Promise.all([
    app.login(DEMO.communications),
    app.login(DEMO.editorRoez),
    app.login(DEMO.editorOcsw),
    app.login(DEMO.auditor),
  ]);
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('the stored skeleton', () => {
  it('is filled for every account, equal to the domain skeleton of its handle, under one GIN trigram index and no GiST', async () => {
    const { rows } = await db.query<{ handle: string; handle_skeleton: string }>('SELECT handle, handle_skeleton FROM social_account');
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r.handle_skeleton).toBe(handleSkeleton(r.handle));
    const { rows: indexes } = await db.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'social_account' AND indexdef LIKE '%handle_skeleton%'",
    );
    expect(indexes.map((i) => i.indexdef)).toEqual([expect.stringMatching(/USING gin \(handle_skeleton gin_trgm_ops\)/)]);
  });

  it('follows the handle when an account is created and when a draft is renamed', async () => {
    const { rows } = await db.query<{ id: string }>("SELECT id FROM org_unit WHERE short_code = 'ROEZ'");
    const { createSocialAccount: a } = await app.gqlOk(
      'mutation($u: ID!) { createSocialAccount(platformId: "x", handle: "Zwembadnoord050", orgUnitId: $u, kind: ORGANISATIONAL, purposes: [SEND]) { id version } }',
      { u: rows[0]?.id },
      comms,
    );
    expect((await db.query('SELECT handle_skeleton FROM social_account WHERE id = $1', [a.id])).rows[0]).toEqual({ handle_skeleton: 'zwembadnoordoso' });
    expect((await lookalikes(comms, 'x', 'Zwembadn00rd050')).map((m) => m.handle)).toEqual(['Zwembadnoord050']);

    await app.gqlOk('mutation($id: ID!, $v: Int!) { updateSocialAccount(id: $id, version: $v, handle: "Kunstijsbaan050") { id } }', { id: a.id, v: a.version }, comms);
    expect((await db.query('SELECT handle_skeleton FROM social_account WHERE id = $1', [a.id])).rows[0]).toEqual({ handle_skeleton: 'kunstljsbaanoso' });
    expect(await lookalikes(comms, 'x', 'Zwembadn00rd050')).toEqual([]);
    expect((await lookalikes(comms, 'x', 'Kunst1jsbaan050')).map((m) => m.accountId)).toEqual([a.id]);
  });
});

describe('lookalikes', () => {
  it.each<[string, string, number | 'below 1', { code: string; message: string; messageNl: string }]>([
    ['St4dsbeheer050', 'digit for a letter', 'below 1', { code: 'SUBSTITUTION', message: '4 in place of a', messageNl: '4 in plaats van a' }],
    ['Stadsbeheer_050', 'underscore', 1, { code: 'SEPARATOR_ADDED', message: 'underscore added', messageNl: 'underscore toegevoegd' }],
    ['Ѕtadsbeheer050', 'Cyrillic S', 1, { code: 'HOMOGLYPH', message: 'Cyrillic Ѕ in place of S', messageNl: 'Cyrillische Ѕ in plaats van S' }],
    ['Stads\u200Bbeheer050', 'zero-width space', 1, { code: 'INVISIBLE_CHARACTER', message: 'invisible character', messageNl: 'onzichtbaar teken' }],
    ['Stadsbeheer05O', 'letter O for zero', 1, { code: 'LOOKALIKE_CHARACTER', message: 'O in place of 0', messageNl: 'O in plaats van 0' }],
    ['Stadsbeheer050_official', 'affix', 'below 1', { code: 'AFFIX_ADDED', message: '‘_official’ added', messageNl: '‘_official’ toegevoegd' }],
  ])('%s (%s) is ranked first as Stadsbeheer050, with the reason in words', async (suspect, _what, score, reason) => {
    const [first, ...rest] = await lookalikes(comms, 'x', suspect);
    expect(first).toMatchObject({ platform: 'x', handle: 'Stadsbeheer050', displayName: 'Stadsbeheer', status: 'ACTIVE' });
    expect(first?.accountId).toBe(await accountId('x', 'Stadsbeheer050'));
    if (score === 1) expect(first?.score).toBe(1);
    else expect(first?.score).toBeLessThan(1);
    expect(first?.reasons).toContainEqual(reason);
    for (const other of rest) expect(other.score).toBeLessThanOrEqual(first?.score as number);
  });

  it('finds nothing for an unrelated handle, nor for another municipal account', async () => {
    expect(await lookalikes(comms, 'x', 'Zwembadwijzer')).toEqual([]);
    expect((await lookalikes(comms, 'x', 'Stadsschouwburg')).map((m) => m.handle)).toEqual(['Stadsschouwburg']);
  });

  it('stays on the platform unless asked across platforms, own platform first', async () => {
    expect((await lookalikes(comms, 'x', 'Mi1ieudienst050')).map((m) => m.platform)).toEqual(['x']);
    const across = await lookalikes(comms, 'x', 'Mi1ieudienst050', { crossPlatform: true });
    expect(across.map((m) => [m.platform, m.handle, m.score])).toEqual([
      ['x', 'Milieudienst050', 1],
      ['facebook', 'Milieudienst050', 1],
    ]);
    expect(await lookalikes(comms, 'instagram', 'Stadsbeheer050')).toEqual([]);
    expect((await lookalikes(comms, 'instagram', 'Stadsbeheer050', { crossPlatform: true })).map((m) => m.platform)).toEqual(['x']);
    // An alias names the platform too.
    expect((await lookalikes(comms, 'twitter', 'Stadsbeheer050')).map((m) => m.handle)).toEqual(['Stadsbeheer050']);
  });

  it('returns at most `limit`, best first', async () => {
    const all = await lookalikes(comms, 'x', 'Milieudienst050', { crossPlatform: true });
    expect(all.length).toBeGreaterThanOrEqual(2);
    const one = await lookalikes(comms, 'x', 'Milieudienst050', { crossPlatform: true, limit: 1 });
    expect(one).toEqual(all.slice(0, 1));
  });

  it('covers only an editor\'s own units; other roles see the whole register', async () => {
    expect((await lookalikes(editorRoez, 'x', 'Stadsbeheer05O')).map((m) => m.handle)).toEqual(['Stadsbeheer050']);
    expect(await lookalikes(editorOcsw, 'x', 'Stadsbeheer05O')).toEqual([]);
    expect((await lookalikes(editorOcsw, 'x', '0osterpoort')).map((m) => m.handle)).toEqual(['Oosterpoort']);
    expect((await lookalikes(auditor, 'x', '0osterpoort')).map((m) => m.handle)).toEqual(['Oosterpoort']);
  });

  it('refuses bad input with a clear code, and callers without a login', async () => {
    const unknown = await errorOf(comms, LOOKALIKES, { p: 'myspace', h: 'Stadsbeheer050' });
    expect(unknown?.code).toBe('BAD_USER_INPUT');
    expect(unknown?.violations?.map((v) => v.code)).toEqual(['PLATFORM_UNKNOWN']);
    expect((await errorOf(comms, LOOKALIKES, { p: 'x', h: '' }))?.code).toBe('BAD_USER_INPUT');
    expect((await errorOf(comms, LOOKALIKES, { p: 'x', h: '   ' }))?.code).toBe('BAD_USER_INPUT');
    const invisible = await errorOf(comms, LOOKALIKES, { p: 'x', h: '@\u200B' });
    expect(invisible?.code).toBe('BAD_USER_INPUT');
    expect(invisible?.violations?.map((v) => v.code)).toEqual(['HANDLE_EMPTY']);
    for (const l of [0, -1, 51, 10000]) expect((await errorOf(comms, LOOKALIKES, { p: 'x', h: 'Stadsbeheer050', l }))?.code).toBe('BAD_USER_INPUT');
    expect((await errorOf(comms, LOOKALIKES, { p: 'x', h: 'x'.repeat(301) }))?.code).toBe('BAD_USER_INPUT');
    expect((await errorOf(undefined, LOOKALIKES, { p: 'x', h: 'Stadsbeheer050' }))?.code).toBe('UNAUTHENTICATED');
  });
});

describe('handleLookalikes', () => {
  it('gives variants of our handle that the platform accepts, with their fuzzer, none a known impersonator yet', async () => {
    const id = await accountId('x', 'Stadsbeheer050');
    const { handleLookalikes: variants } = await app.gqlOk(VARIANTS, { id, l: 1000 }, comms);
    expect(variants.length).toBeGreaterThan(30);
    expect(variants.map((v: { handle: string }) => v.handle)).toEqual(expect.arrayContaining(['Stadsbeheero50', 'Stadsbeheer_050', 'Stadsbehere050', 'Stadsbeheer']));
    expect(new Set(variants.map((v: { fuzzer: string }) => v.fuzzer))).toEqual(new Set(['ASCII_LOOKALIKE', 'AFFIX', 'SEPARATOR', 'TRANSPOSITION', 'OMISSION', 'REPETITION', 'VOWEL_SWAP']));
    for (const v of variants) {
      expect(validateHandle('x', v.handle)).toEqual([]);
      expect(v).toMatchObject({ platform: 'x', validOnPlatform: true, knownImpersonator: false, profileUrl: `https://x.com/${v.handle}` });
      expect(v.handle.toLowerCase()).not.toBe('stadsbeheer050');
    }
    const { handleLookalikes: five } = await app.gqlOk(VARIANTS, { id, l: 5 }, comms);
    expect(five).toEqual(variants.slice(0, 5));
  });

  it('marks a variant once legal decided it is an impersonator (the demo case about @Stadsbeheer_050)', async () => {
    const id = await accountId('x', 'Stadsbeheer050');
    const isKnown = async () =>
      ((await app.gqlOk(VARIANTS, { id, l: 1000 }, comms)).handleLookalikes as { handle: string; knownImpersonator: boolean }[]).filter((v) => v.knownImpersonator).map((v) => v.handle);
    expect(await isKnown()).toEqual([]);
    const legal = await app.login(DEMO.legal);
    const { allImpersonationReports } = await app.gqlOk('{ allImpersonationReports(filter: { q: "Stadsbeheer_050" }) { id version state } }', {}, comms);
    let report = allImpersonationReports[0] as { id: string; version: number; state: string };
    expect(report.state).toBe('RECEIVED');
    const step = async (mutation: string, token: string, extra = '') => {
      const data = await app.gqlOk(`mutation($id: ID!, $v: Int!) { ${mutation}(id: $id, version: $v${extra}) { id version state } }`, { id: report.id, v: report.version }, token);
      report = data[mutation];
    };
    await step('triageImpersonationReport', comms, `, imitatedAccountId: "${id}"`);
    await step('sendImpersonationToLegal', comms);
    await step('recordLegalDecision', legal, ', decision: IMPERSONATION, reasoning: "Gebruikt naam en logo van Stadsbeheer."');
    expect(await isKnown()).toEqual(['Stadsbeheer_050']);
  });

  it('an editor only for its own units\' accounts: another unit\'s is NOT_FOUND, like an id that does not exist', async () => {
    const id = await accountId('x', 'Stadsbeheer050');
    expect((await app.gqlOk(VARIANTS, { id, l: 3 }, editorRoez)).handleLookalikes).toHaveLength(3);
    expect((await errorOf(editorOcsw, VARIANTS, { id, l: 3 }))?.code).toBe('NOT_FOUND');
    expect((await errorOf(comms, VARIANTS, { id: '00000000-0000-4000-8000-000000000000' }))?.code).toBe('NOT_FOUND');
  });

  it('refuses bad input with a clear code', async () => {
    const id = await accountId('x', 'Stadsbeheer050');
    expect((await errorOf(comms, VARIANTS, { id: 'not-an-id' }))?.code).toBe('BAD_USER_INPUT');
    for (const l of [0, 10000]) expect((await errorOf(comms, VARIANTS, { id, l }))?.code).toBe('BAD_USER_INPUT');
    expect((await errorOf(undefined, VARIANTS, { id }))?.code).toBe('UNAUTHENTICATED');
  });
});
