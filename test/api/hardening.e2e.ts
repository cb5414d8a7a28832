import { spawnSync } from 'node:child_process';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { getIntrospectionQuery } from 'graphql';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import { DEMO, DEMO_PASSWORD, type RunningApp, startApp, WORKSPACE } from '@ggsm/testing';
import { GRAPHQL_LIMITS } from '../../apps/api/src/http/graphql-limits';

// The "hardened API" issue: security headers, CORS allow-list, body limit, request ids, JSON logs
// without secrets, GraphQL limits with a stable code, no batching, CSRF prevention, and in
// production no anonymous introspection and no field suggestions.

const ALLOWED_ORIGIN = 'https://beheer.groningen.example';
const REFUSED_ORIGIN = 'https://evil.example';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const STACK = /\n\s+at .*:\d+|\.js:\d+:\d+/;
/** The stable code of every GraphQL limit. */
const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ env: { GGSM_CORS_ORIGINS: `${ALLOWED_ORIGIN}, http://localhost:5173`, GGSM_BODY_LIMIT: '64kb' } });
});
afterAll(() => app?.stop());

const postGraphQL = (target: RunningApp, body: string, headers: Record<string, string> = {}) =>
  fetch(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

type LogLine = Record<string, any>;
/** The JSON lines the process wrote so far (the start-up banner is plain text and skipped). */
function logLines(target: RunningApp): LogLine[] {
  return target
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        return undefined;
      }
    })
    .filter((line): line is LogLine => line !== undefined);
}
/** Waits for the request log line of a request id: it is written when the response has finished. */
async function requestLine(target: RunningApp, requestId: string): Promise<LogLine | undefined> {
  for (let i = 0; i < 40; i++) {
    const line = logLines(target).find((l) => l.reqId === requestId && l.req && l.res);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

describe('HTTP', () => {
  it('sends security headers, with a Content-Security-Policy that keeps the console to its own origin', async () => {
    for (const path of ['/', '/health', '/graphql']) {
      const res = await fetch(`${app.url}${path}`, { method: path === '/graphql' ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: path === '/graphql' ? '{"query":"{ __typename }"}' : undefined });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('allows CORS for a configured origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const refused = await preflight(REFUSED_ORIGIN);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const actual = await postGraphQL(app, '{"query":"{ __typename }"}', { origin: ALLOWED_ORIGIN });
    expect(actual.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(actual.headers.get('access-control-expose-headers')).toMatch(/x-request-id/i);
    const foreign = await postGraphQL(app, '{"query":"{ __typename }"}', { origin: REFUSED_ORIGIN });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over GGSM_BODY_LIMIT with 413 and a JSON error, and accepts one under it', async () => {
    const big = JSON.stringify({ email: DEMO.admin, password: 'x'.repeat(70 * 1024) });
    const login = await fetch(`${app.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(login.status).toBe(413);
    const loginText = await login.text();
    expect(JSON.parse(loginText).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(loginText).not.toMatch(STACK);

    const gql = await postGraphQL(app, JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(70 * 1024) } }));
    expect(gql.status).toBe(413);
    expect((await gql.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');

    const fits = await postGraphQL(app, JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(50 * 1024) } }));
    expect(fits.status).toBe(200);
    expect((await fits.json()).data).toEqual({ __typename: 'Query' });
  });

  it('answers every request with an X-Request-Id: a safe incoming one kept, anything else replaced by a UUID', async () => {
    const generated = await fetch(`${app.url}/health`);
    expect(generated.headers.get('x-request-id')).toMatch(UUID);
    const kept = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'lb-7f3a.91_x' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.91_x');
    for (const unsafe of ['a b', '<script>', 'x'.repeat(65), '../../etc', 'id\u00e9']) {
      const res = await fetch(`${app.url}/health`, { headers: { 'x-request-id': unsafe } });
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
  });

  it('logs each request as one JSON line with its request id, method, URL without secrets, status and duration', async () => {
    const id = `hardening-${Date.now()}`;
    const query = encodeURIComponent('{ __typename }');
    const variables = encodeURIComponent('{"password":"var-s3cr3t"}');
    await fetch(`${app.url}/graphql?query=${query}&variables=${variables}&access_token=s3cr3t-value&page=2&code=sso-code-123`, { headers: { 'x-request-id': id } });
    const line = await requestLine(app, id);
    expect(line).toBeDefined();
    expect(line).toMatchObject({ level: 'info', reqId: id, req: { method: 'GET' }, res: { statusCode: 400 } });
    expect(typeof line?.durationMs).toBe('number');
    expect(typeof line?.time).toBe('string');
    expect(line?.req.url).toBe(`/graphql?query=${query}&variables=[REDACTED]&access_token=[REDACTED]&page=2&code=[REDACTED]`);
    for (const secret of ['s3cr3t-value', 'sso-code-123', 'var-s3cr3t']) expect(app.output()).not.toContain(secret);
  });

  it.each([
    [{ GGSM_CORS_ORIGINS: '*' }, 'GGSM_CORS_ORIGINS'],
    [{ GGSM_CORS_ORIGINS: 'https://beheer.groningen.example/console' }, 'GGSM_CORS_ORIGINS'],
    [{ GGSM_BODY_LIMIT: 'veel' }, 'GGSM_BODY_LIMIT'],
    [{ GGSM_BODY_LIMIT: '1gb' }, 'GGSM_BODY_LIMIT'],
    [{ GGSM_LOG_LEVEL: 'loud' }, 'GGSM_LOG_LEVEL'],
  ])('stops at start-up on a bad %j, naming the variable', async (env, variable) => {
    const bad = await startApp({ env, waitForHealth: false });
    const code = await bad.exited;
    await bad.stop();
    expect(code).toBe(1);
    expect(bad.output()).toContain('ggsm cannot start');
    expect(bad.output()).toContain(`${variable}:`);
  });

  it("writes Nest's own lines as JSON too", () => {
    const started = logLines(app).find((l) => l.msg === 'Nest application successfully started');
    expect(started).toMatchObject({ level: 'info', context: 'NestApplication' });
  });
});

describe('GraphQL limits', () => {
  const expectLimit = async (res: Response, limit: string) => {
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(STACK);
    const body = JSON.parse(text);
    const error = body.errors.find((e: { extensions?: { code?: string } }) => e.extensions?.code === QUERY_TOO_COMPLEX);
    expect(error?.extensions).toMatchObject({ code: QUERY_TOO_COMPLEX, limit });
    expect(error?.message).toMatch(/too/);
    expect(body.data).toBeUndefined();
  };

  it(`refuses a query nested deeper than ${GRAPHQL_LIMITS.maxDepth}`, async () => {
    const deep = `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(6)}name${' }'.repeat(6)} } } } }`;
    await expectLimit(await postGraphQL(app, JSON.stringify({ query: deep })), 'depth');
    // One level less than the limit is fine.
    const ok = `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(4)}name${' }'.repeat(4)} } } } }`;
    const res = await postGraphQL(app, JSON.stringify({ query: ok }));
    expect(res.status).toBe(200);
    expect((await res.json()).errors).toBeUndefined();
  });

  it(`refuses more than ${GRAPHQL_LIMITS.maxAliases} aliases`, async () => {
    // (aliases of __typename are free: armor's allow-list)
    const flood = `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    await expectLimit(await postGraphQL(app, JSON.stringify({ query: flood })), 'aliases');
  });

  it(`refuses more than ${GRAPHQL_LIMITS.maxTokens} tokens`, async () => {
    const huge = `{ ${'__typename '.repeat(5000)}}`;
    await expectLimit(await postGraphQL(app, JSON.stringify({ query: huge })), 'tokens');
  });

  it(`refuses more than ${GRAPHQL_LIMITS.maxDirectives} directives`, async () => {
    const many = `{ ${'__typename @include(if: true) '.repeat(GRAPHQL_LIMITS.maxDirectives + 5)}}`;
    await expectLimit(await postGraphQL(app, JSON.stringify({ query: many })), 'directives');
  });

  it('lets every query the console builds through: introspection and each resource and method of ra-data-graphql-simple', async () => {
    // The console's own data provider, in Node, recording each answer (as an auditor: mutations are
    // validated, so the limits apply, and then refused as FORBIDDEN without changing anything).
    const token = await app.login(DEMO.auditor);
    const answers: { status: number; operation: string; body: { errors?: { extensions?: { code?: string } }[] } }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const body = await res.clone().json();
      answers.push({ status: res.status, operation: String(JSON.parse(String(init?.body)).operationName ?? ''), body });
      return res;
    };
    const dataProvider = await buildGraphQLProvider({
      client: new ApolloClient({
        link: new HttpLink({ uri: `${app.url}/graphql`, fetch: recordingFetch, headers: { authorization: `Bearer ${token}` } }),
        cache: new InMemoryCache(),
      }),
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    const list = { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' as const }, filter: { q: 'a' } };
    const calls: [string, (resource: string) => Promise<unknown>][] = [
      ['getList', (r) => dataProvider.getList(r, list)],
      ['getOne', (r) => dataProvider.getOne(r, { id: missing })],
      ['getMany', (r) => dataProvider.getMany(r, { ids: [missing] })],
      ['getManyReference', (r) => dataProvider.getManyReference(r, { ...list, target: 'orgUnitId', id: missing })],
      ['create', (r) => dataProvider.create(r, { data: { name: 'x', handle: 'x', displayName: 'x' } })],
      ['update', (r) => dataProvider.update(r, { id: missing, data: { name: 'x', displayName: 'x', version: 1 }, previousData: { id: missing } })],
    ];
    for (const resource of ['SocialAccount', 'OrgUnit', 'Person', 'Platform', 'User']) {
      for (const [, call] of calls) await call(resource).catch(() => undefined);
    }
    expect(answers[0].operation).toBe('IntrospectionQuery');
    expect(answers.length).toBeGreaterThan(20);
    const overLimit = answers.filter((a) => a.body.errors?.some((e) => e.extensions?.code === QUERY_TOO_COMPLEX));
    expect(overLimit).toEqual([]);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    // The list query really ran: the limits did not get in its way.
    expect(answers.some((a) => a.operation === 'allSocialAccounts' && a.status === 200 && !a.body.errors)).toBe(true);
  });

  it('refuses batched requests', async () => {
    const res = await postGraphQL(app, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/batching/i);
  });

  it('blocks CSRF-able simple requests (GET without a preflight header, text/plain) and serves application/json', async () => {
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    expect((await get.json()).errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/CSRF/) });
    const plain = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(plain.status).toBe(400);
    expect((await plain.json()).errors[0].message).toMatch(/CSRF/);
    const json = await postGraphQL(app, '{"query":"{ __typename }"}');
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('errors', () => {
  it('refuses an argument the schema does not have (mass assignment of status) as BAD_USER_INPUT, without a stack', async () => {
    const token = await app.login(DEMO.communications);
    const res = await postGraphQL(app, JSON.stringify({ query: `mutation { updateSocialAccount(id: "00000000-0000-4000-8000-000000000000", status: ACTIVE) { id } }` }), {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(STACK);
    expect(text).not.toContain('stacktrace');
    const { errors } = JSON.parse(text);
    const unknown = errors.find((e: { message: string }) => /Unknown argument "status"/.test(e.message));
    expect(unknown?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers an unexpected error generically with the request id, and logs the real one with it', () => {
    // Nothing in the API fails on purpose, so the built formatter is run inside a request scope in a
    // child process (jest cannot load Nest's ESM on Node 20; node itself can), reading its real log.
    const script = `
      const { GraphQLError } = require('graphql');
      const { requestIdMiddleware } = require('./apps/api/dist/http/request-scope.js');
      const { createGraphQLErrorFormatter, toErrorBody } = require('./apps/api/dist/common/errors.js');
      const format = createGraphQLErrorFormatter();
      const req = { headers: { 'x-request-id': 'req-under-test' } };
      requestIdMiddleware(req, { setHeader() {} }, () => {
        const thrown = new TypeError("Cannot read properties of undefined (reading 'secretColumn')");
        const located = new GraphQLError(thrown.message, { path: ['allSocialAccounts'], originalError: thrown });
        const graphql = format({ message: located.message, path: located.path }, located);
        const rest = toErrorBody(new Error('connect ECONNREFUSED 10.0.0.7:5432'));
        process.stdout.write('RESULT ' + JSON.stringify({ graphql, rest }) + '\\n');
      });`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: WORKSPACE, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test' }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const result = JSON.parse(lines.find((l) => l.startsWith('RESULT '))!.slice(7));
    expect(result.graphql).toEqual({
      message: 'Something went wrong on our side (request req-under-test). Please try again later.',
      path: ['allSocialAccounts'],
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        messageNl: 'Er ging iets mis aan onze kant (verzoek req-under-test). Probeer het later opnieuw.',
        requestId: 'req-under-test',
      },
    });
    expect(result.rest).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-under-test' });
    expect(JSON.stringify(result)).not.toMatch(/secretColumn|ECONNREFUSED|TypeError/);
    const logged = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ level: 'error', reqId: 'req-under-test', msg: 'unexpected error', err: { type: 'TypeError' } });
    expect(logged[0].err.stack).toContain('secretColumn');
    expect(logged[1]).toMatchObject({ level: 'error', reqId: 'req-under-test', err: { message: 'connect ECONNREFUSED 10.0.0.7:5432' } });
  });

  it('logs security events with the BIO 8.15 fields and the request id (logEvent)', () => {
    const script = `
      const { requestIdMiddleware } = require('./apps/api/dist/http/request-scope.js');
      const { logEvent } = require('./apps/api/dist/common/logger.js');
      const req = { headers: { 'x-request-id': 'event-under-test' }, ip: '192.0.2.7', user: { id: 'user-1' } };
      requestIdMiddleware(req, { setHeader() {} }, () => {
        logEvent({ action: 'SocialAccount.update', object: 'SocialAccount:42', result: 'success', time: new Date('2026-05-01T10:00:00Z') });
        logEvent({ action: 'login', object: 'a@groningen.example', result: 'failure', actor: 'a@groningen.example', details: { password: 'never-logged' } });
      });`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: WORKSPACE, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test' }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const [change, login] = run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(change).toMatchObject({
      level: 'info',
      reqId: 'event-under-test',
      userId: 'user-1',
      event: { action: 'SocialAccount.update', object: 'SocialAccount:42', result: 'success', origin: '192.0.2.7', actor: 'user-1', time: '2026-05-01T10:00:00.000Z' },
    });
    expect(login).toMatchObject({ level: 'warn', event: { action: 'login', result: 'failure', actor: 'a@groningen.example', origin: '192.0.2.7' } });
    expect(run.stdout).not.toContain('never-logged');
  });

  it('builds the Apollo options from the configuration: GraphiQL off and introspection guarded in production only', () => {
    const script = `
      const { graphqlOptions } = require('./apps/api/dist/http/graphql-options.js');
      const pick = (o) => ({ graphiql: o.graphiql, introspection: o.introspection, csrfPrevention: o.csrfPrevention,
        allowBatchedHttpRequests: o.allowBatchedHttpRequests, includeStacktraceInErrorResponses: o.includeStacktraceInErrorResponses,
        maxTokens: o.parseOptions.maxTokens, rules: o.validationRules.length, plugins: o.plugins.length });
      process.stdout.write('RESULT ' + JSON.stringify({ production: pick(graphqlOptions({ nodeEnv: 'production' })), test: pick(graphqlOptions({ nodeEnv: 'test' })) }) + '\\n');`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: WORKSPACE, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test' }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const { production, test } = JSON.parse(run.stdout.split('\n').find((l) => l.startsWith('RESULT '))!.slice(7));
    const common = { introspection: true, csrfPrevention: true, allowBatchedHttpRequests: false, includeStacktraceInErrorResponses: false, maxTokens: GRAPHQL_LIMITS.maxTokens, rules: 4 };
    expect(production).toMatchObject({ ...common, graphiql: false });
    expect(test).toMatchObject({ ...common, graphiql: true });
    expect(production.plugins).toBe(test.plugins + 1);
  });
});

describe('logs after a login', () => {
  it('hold no password, token or authorization header (the request line has the user id)', async () => {
    const token = await app.login(DEMO.admin);
    const wrong = 'wrong-password-for-the-log-test';
    await fetch(`${app.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO.admin, password: wrong }) });
    const id = `after-login-${Date.now()}`;
    const me = await (await postGraphQL(app, '{"query":"{ me { id } }"}', { authorization: `Bearer ${token}`, 'x-request-id': id })).json();
    const line = await requestLine(app, id);
    expect(line?.userId).toBe(me.data.me.id);
    // The log lines (the start-up banner prints the demo password for the human on purpose).
    const logs = app
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .join('\n');
    expect(logs).toContain(id);
    for (const secret of [DEMO_PASSWORD, wrong, token, token.split('.')[2], 'Bearer ']) expect(logs).not.toContain(secret);
  });
});

describe('in production', () => {
  let prod: RunningApp;
  const adminEmail = 'beheer@groningen.example';
  const adminPassword = 'een-sterk-begin-wachtwoord';
  beforeAll(async () => {
    prod = await startApp({
      env: {
        NODE_ENV: 'production',
        JWT_SECRET: 'p'.repeat(48),
        GGSM_AUDIT_KEY: Buffer.alloc(32, 7).toString('base64'),
        GGSM_BOOTSTRAP_ADMIN_EMAIL: adminEmail,
        GGSM_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      },
    });
  });
  afterAll(() => prod?.stop());

  it('refuses introspection without a login, and allows it with one (the console introspects after login)', async () => {
    for (const query of [getIntrospectionQuery(), '{ __schema { queryType { name } } }', '{ __type(name: "SocialAccount") { fields { name } } }']) {
      const res = await postGraphQL(prod, JSON.stringify({ query }));
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const forged = await postGraphQL(prod, JSON.stringify({ query: '{ __schema { queryType { name } } }' }), { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.bm90LXZhbGlk' });
    expect(forged.status).toBe(401);

    const token = await prod.login(adminEmail, adminPassword);
    const { __schema } = await prod.gqlOk(getIntrospectionQuery(), {}, token);
    expect(__schema.queryType.name).toBe('Query');
    // __typename is no introspection of the schema.
    expect(await prod.gqlOk('{ __typename }')).toEqual({ __typename: 'Query' });
  });

  it('gives no "Did you mean" suggestions', async () => {
    const token = await prod.login(adminEmail, adminPassword);
    for (const query of ['{ me { emial } }', '{ allSocialAccount { id } }', '{ allSocialAccounts(sortFeld: "id") { id } }', 'mutation { updateUser(id: "x", roles: [ADMN]) { id } }']) {
      for (const auth of [undefined, token]) {
        const result = await prod.gql(query, {}, auth);
        expect(result.errors?.length).toBeGreaterThan(0);
        expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(JSON.stringify(result)).not.toMatch(/Did you mean/i);
      }
    }
  });

  it('serves no GraphiQL and sends no CORS headers without GGSM_CORS_ORIGINS', async () => {
    const page = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    const res = await postGraphQL(prod, '{"query":"{ __typename }"}', { origin: ALLOWED_ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('logs JSON lines only (apart from the start-up banner)', () => {
    const lines = prod.output().split('\n').filter((l) => l.trim() && l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(prod.output()).not.toContain(adminPassword);
  });
});
