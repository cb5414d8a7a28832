// The short paths of public verification (apps/api/src/public/lean-*.ts) answer exactly as the full
// pipeline does. GraphQL: a question the short path takes is sent once as is and once with
// `@include(if: true)` on its field — a document the short path leaves to Apollo — and the two answers
// must be the same bytes with the same status and headers. The plan function is held to which documents
// it takes, against the app's own schema; the rate limit counts a handed-on question once.
import { buildClientSchema, getIntrospectionQuery, parse as parseGraphql } from 'graphql';
import { type PgClient, type RawResponse, type RunningApp, STACK_TRACE, connectAsSuperuser, rawRequest, startApp } from '@ggsm/testing';
import { leanPlanOf, textArgumentValues } from '../../apps/api/src/public/lean-graphql-plan';

let app: RunningApp;
let db: PgClient;

/** Headers that differ between any two responses, whichever path answered. */
const PER_RESPONSE = new Set(['date', 'x-request-id']);
function headersOf(res: RawResponse): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!PER_RESPONSE.has(name)) out[name] = value;
  });
  return out;
}

/**
 * The same document with `@include(if: true)` on its root field — answered by Apollo, never by the short
 * path. Inserted as text before the field's selection set, so every error location before it stays put.
 */
function throughApollo(query: string): string {
  const operation = parseGraphql(query).definitions.find((d) => d.kind === 'OperationDefinition');
  const root = operation?.selectionSet.selections[0];
  if (root?.kind !== 'Field' || !root.selectionSet?.loc) throw new Error('expected a field with a selection at the root');
  const at = root.selectionSet.loc.start;
  return `${query.slice(0, at)}@include(if: true) ${query.slice(at)}`;
}

const post = (body: unknown, headers: Record<string, string> = {}) => rawRequest(app, '/graphql', { body, headers });

const FIELDS = `status platform handle formerUntil
  account { platform platformName handle displayName unit { name path } kind since profileUrl }
  imitates { platform handle } looksLike { account { platform handle unit { name } } reasons { code nl en } }`;
const VERIFY = `query($p: String!, $h: String!) { verifyAccount(platform: $p, handle: $h) { ${FIELDS} } }`;
const VERIFY_URL = `query($u: String!) { verifyProfileUrl(url: $u) { ${FIELDS} } }`;

beforeAll(async () => {
  app = await startApp({ env: { GGSM_VERIFY_RATE_LIMIT: '100000' } });
  db = await connectAsSuperuser(app.dataDir);
  // A FORMER answer too: one of the note's accounts archived.
  await db.query("UPDATE social_account SET status = 'ARCHIVED' WHERE platform_key = 'x' AND normalized_handle = 'sdcgroningen'");
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('GraphQL verification on the short path answers as Apollo does', () => {
  const cases: [string, { query: string; variables?: Record<string, unknown>; operationName?: string }][] = [
    ['OFFICIAL', { query: VERIFY, variables: { p: 'x', h: 'Stadsbeheer050' } }],
    ['OFFICIAL, asked as a URL with an alias', { query: VERIFY, variables: { p: 'twitter', h: 'https://mobile.twitter.com/STADSBEHEER050?lang=nl' } }],
    ['OFFICIAL by profile URL', { query: VERIFY_URL, variables: { u: 'https://www.instagram.com/gemeente.groningen/' } }],
    ['FORMER', { query: VERIFY, variables: { p: 'x', h: 'sdcGroningen' } }],
    ['NOT_REGISTERED, looks like an official handle', { query: VERIFY, variables: { p: 'x', h: 'Stadsbeheer_05O' } }],
    ['NOT_REGISTERED, like nothing', { query: VERIFY, variables: { p: 'instagram', h: 'qqq.zzz.nothing' } }],
    ['literal arguments, an alias, __typename, a fragment', {
      query: 'query Check { check: verifyAccount(platform: "x", handle: "@stadsbeheer050") { __typename status ...A } } fragment A on Verification { account { handle unit { name } } }',
      operationName: 'Check',
    }],
    ['bad input: no handle', { query: VERIFY, variables: { p: 'x', h: '  ' } }],
    ['bad input: unknown platform', { query: VERIFY, variables: { p: 'myspace', h: 'groningen' } }],
    ['bad input: not a profile URL', { query: VERIFY_URL, variables: { u: 'https://example.org/' } }],
    ['bad input: too long for the argument', { query: VERIFY, variables: { p: 'x', h: 'a'.repeat(301) } }],
    ['variables with defaults (through graphql-js coercion)', {
      query: `query($p: String! = "x", $h: String = "Stadsbeheer050") { verifyAccount(platform: $p, handle: $h) { ${FIELDS} } }`,
      variables: { h: 'STADSBEHEER050' },
    }],
    ['bad input: a NUL character', { query: VERIFY, variables: { p: 'x', h: 'Stads\u0000beheer050' } }],
    ['bad input: a variable of the wrong type', { query: VERIFY, variables: { p: 'x', h: 50 } }],
    ['bad input: a missing variable', { query: VERIFY, variables: { p: 'x' } }],
    ['bad input: another operation name', { query: VERIFY, variables: { p: 'x', h: 'Stadsbeheer050' }, operationName: 'Other' }],
  ];

  it.each(cases)('%s', async (_label, body) => {
    // Twice on the short path: the second answer comes from what the first kept.
    const lean = await post(body);
    const again = await post(body);
    const full = await post({ ...body, query: throughApollo(body.query) });
    for (const res of [lean, again, full]) {
      expect(res.status).toBeLessThan(500);
      expect(res.text).not.toMatch(STACK_TRACE);
    }
    expect(lean.status).toBe(full.status);
    expect(lean.text).toBe(full.text);
    expect(headersOf(lean)).toEqual(headersOf(full));
    expect(again.text).toBe(lean.text);
    if (_label.startsWith('bad input')) expect(lean.json.errors[0].extensions.code).toMatch(/BAD_USER_INPUT|BAD_REQUEST|GRAPHQL_VALIDATION_FAILED|OPERATION_RESOLUTION_FAILURE/);
    else expect(lean.json.errors).toBeUndefined();
  });

  it.each([undefined, '*/*', 'application/json', 'application/graphql-response+json'])('Accept: %s', async (accept) => {
    const headers: Record<string, string> = accept === undefined ? {} : { accept };
    const body = { query: VERIFY, variables: { p: 'x', h: 'Stadsbeheer050' } };
    const lean = await post(body, headers);
    const full = await post({ ...body, query: throughApollo(body.query) }, headers);
    expect(lean.status).toBe(200);
    expect(lean.text).toBe(full.text);
    expect(headersOf(lean)).toEqual(headersOf(full));
  });

  it('the query limits hold on the short path too: more aliases than allowed is QUERY_TOO_COMPLEX', async () => {
    const query = `query($p: String!, $h: String!) { verifyAccount(platform: $p, handle: $h) { ${Array.from({ length: 11 }, (_, i) => `s${i}: status`).join(' ')} } }`;
    const res = await post({ query, variables: { p: 'x', h: 'Stadsbeheer050' } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.json.data).toBeUndefined();
  });

  it('a change of the register is in the next answer (the kept body belongs to the old answer)', async () => {
    const body = { query: `query($p: String!, $h: String!) { verifyAccount(platform: $p, handle: $h) { account { displayName } } }`, variables: { p: 'x', h: 'Stadsbeheer050' } };
    expect((await post(body)).json.data.verifyAccount.account.displayName).toBe('Stadsbeheer');
    await db.query("UPDATE social_account SET display_name = 'Stadsbeheer Groningen' WHERE platform_key = 'x' AND normalized_handle = 'stadsbeheer050'");
    const deadline = Date.now() + 1000;
    let seen = '';
    while (Date.now() < deadline && seen !== 'Stadsbeheer Groningen') {
      seen = (await post(body)).json.data.verifyAccount.account.displayName;
      if (seen !== 'Stadsbeheer Groningen') await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toBe('Stadsbeheer Groningen');
    await db.query("UPDATE social_account SET display_name = 'Stadsbeheer' WHERE platform_key = 'x' AND normalized_handle = 'stadsbeheer050'");
  });
});

describe('which documents the short path takes', () => {
  let schema: ReturnType<typeof buildClientSchema>;
  beforeAll(async () => {
    const { data } = await app.gql(getIntrospectionQuery());
    schema = buildClientSchema(data as never);
  });

  it.each([
    VERIFY,
    VERIFY_URL,
    'query Check { check: verifyAccount(platform: "x", handle: "a") { __typename status ...A } } fragment A on Verification { account { handle } }',
    '{ verifyAccount(platform: "x", handle: "a") { status } }',
  ])('takes %s', (query) => {
    expect(leanPlanOf(schema, query)).not.toBeNull();
  });

  it('reads text arguments without graphql-js coercion only where that coercion would change nothing', () => {
    const plan = leanPlanOf(schema, VERIFY)!;
    expect(textArgumentValues(plan, { p: 'x', h: '@Stadsbeheer050', extra: 1 })).toEqual({ platform: 'x', handle: '@Stadsbeheer050' });
    // Not a string, or missing: left to graphql-js (which refuses it).
    expect(textArgumentValues(plan, { p: 'x', h: 50 })).toBeUndefined();
    expect(textArgumentValues(plan, { p: 'x' })).toBeUndefined();
    expect(textArgumentValues(leanPlanOf(schema, '{ verifyAccount(platform: "x", handle: "a") { status } }')!, {})).toEqual({ platform: 'x', handle: 'a' });
    // A default (on a non-null or a nullable variable): always through graphql-js.
    for (const query of [
      'query($p: String! = "x", $h: String!) { verifyAccount(platform: $p, handle: $h) { status } }',
      'query($p: String!, $h: String = "a") { verifyAccount(platform: $p, handle: $h) { status } }',
    ]) {
      const other = leanPlanOf(schema, query);
      expect(other).not.toBeNull();
      expect(other!.textArguments).toBeUndefined();
      expect(textArgumentValues(other!, { p: 'x', h: 'a' })).toBeUndefined();
    }
  });

  it.each([
    ['a directive on the field', throughApollo(VERIFY)],
    ['a directive below it', '{ verifyAccount(platform: "x", handle: "a") { status account @skip(if: false) { handle } } }'],
    ['two root fields', '{ a: verifyAccount(platform: "x", handle: "a") { status } b: verifyAccount(platform: "x", handle: "b") { status } }'],
    ['another root field', '{ publicAccounts { total } }'],
    ['a mutation', 'mutation { verifyAccount(platform: "x", handle: "a") { status } }'],
    ['two operations', 'query A { verifyAccount(platform: "x", handle: "a") { status } } query B { verifyAccount(platform: "x", handle: "b") { status } }'],
    ['an unknown field (invalid)', '{ verifyAccount(platform: "x", handle: "a") { owner } }'],
    ['introspection', '{ __schema { types { name } } }'],
    ['a syntax error', '{ verifyAccount(platform: "x" '],
  ])('leaves %s to Apollo', (_label, query) => {
    expect(leanPlanOf(schema, query)).toBeNull();
  });
});

describe('the rate limit counts a question once, on whichever path it is answered', () => {
  let limited: RunningApp;
  beforeAll(async () => {
    limited = await startApp({ env: { GGSM_VERIFY_RATE_LIMIT: '3', GGSM_VERIFY_RATE_WINDOW_SECONDS: '600' } });
  });
  afterAll(async () => {
    await limited?.stop();
  });
  const from = (ip: string, handle: string) =>
    rawRequest(limited, '/graphql', { body: { query: VERIFY, variables: { p: 'x', h: handle } }, headers: { 'x-forwarded-for': ip } });

  it('three refused questions (handed on to Apollo) are three checks, the fourth question is 429', async () => {
    for (let i = 0; i < 3; i++) {
      const bad = await from('198.51.100.7', '   ');
      expect(bad.status).toBeLessThan(500);
      expect(bad.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const fourth = await from('198.51.100.7', 'Stadsbeheer050');
    expect(fourth.status).toBe(429);
    expect(fourth.json.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another address: its three checks are answered.
    for (let i = 0; i < 3; i++) expect((await from('198.51.100.8', 'Stadsbeheer050')).json.data.verifyAccount.status).toBe('OFFICIAL');
  });
});
