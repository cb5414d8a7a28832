import { createHmac } from 'node:crypto';
import {
  DEMO,
  DEMO_PASSWORD,
  type RawResponse,
  type RunningApp,
  STACK_TRACE,
  jwtPayload,
  jwtSecretOf,
  rawGql,
  rawRequest,
  signJwt,
  startApp,
} from '@ggsm/testing';

// Bearer tokens the API must refuse (forged, for the wrong algorithm, stale, of a disabled or logged-out
// user), malformed Authorization headers, and the throttling of failed password logins.

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const HS256 = { alg: 'HS256', typ: 'JWT' };
const PASSWORD = 'een-lang-wachtwoord';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const me = (token?: string, headers?: Record<string, string>) =>
  headers ? rawRequest(app, '/graphql', { body: { query: '{ me { id email } }' }, headers }) : rawGql(app, '{ me { id email } }', {}, token);

/** A user of its own, so that logging it out or disabling it touches no other test. */
async function freshUser(admin: string, name: string, roles = '[ADMIN]') {
  const email = `jwt.${name}@groningen.example`;
  const { createUser } = await app.gqlOk(
    `mutation($email: String!) { createUser(email: $email, displayName: "JWT ${name}", password: "${PASSWORD}", roles: ${roles}) { id version } }`,
    { email },
    admin,
  );
  return { id: createUser.id as string, version: createUser.version as number, email, token: await app.login(email, PASSWORD) };
}

describe('bearer tokens', () => {
  it('refuses every forged, stale or malformed token with UNAUTHENTICATED, never a 5xx', async () => {
    const admin = await app.login(DEMO.admin);
    const editor = await app.login(DEMO.editorRoez);
    const secret = jwtSecretOf(app);
    const claims = jwtPayload(admin);
    const editorClaims = jwtPayload(editor);
    const [adminHeader, adminBody, adminSig] = admin.split('.');
    const [, editorBody, editorSig] = editor.split('.');
    const now = Math.floor(Date.now() / 1000);

    // Controls: the real token, and a token made here with the app's secret, are accepted, so a refusal
    // below is caused by the one thing each case changes.
    expect((await me(admin)).json.data.me.email).toBe(DEMO.admin);
    expect((await me(signJwt({ sub: claims.sub, tv: claims.tv, iat: now, exp: now + 600 }, secret))).json.data.me.email).toBe(DEMO.admin);
    expect(claims.sub).not.toBe(editorClaims.sub);

    const loggedOut = await freshUser(admin, 'uitgelogd');
    const logout = await rawRequest(app, '/auth/logout', { token: loggedOut.token });
    expect(logout.status).toBe(204);
    expect(logout.text).toBe('');
    const disabled = await freshUser(admin, 'uitgeschakeld');
    await app.gqlOk('mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, active: false) { active } }', { id: disabled.id, v: disabled.version }, admin);

    const valid = { sub: claims.sub, tv: claims.tv, iat: now, exp: now + 600 };
    const forged: [string, string][] = [
      ['alg none, no signature', `${b64({ alg: 'none', typ: 'JWT' })}.${adminBody}.`],
      ['alg none, original signature', `${b64({ alg: 'none', typ: 'JWT' })}.${adminBody}.${adminSig}`],
      ['alg "None"', `${b64({ alg: 'None' })}.${b64(valid)}.`],
      ['alg "NONE", no typ', `${b64({ alg: 'NONE' })}.${b64(valid)}.`],
      ['HS512 with the right secret', signJwt(valid, secret, { alg: 'HS512', typ: 'JWT' }, 'sha512')],
      ['HS384 with the right secret', signJwt(valid, secret, { alg: 'HS384', typ: 'JWT' }, 'sha384')],
      ['RS256 header, HMAC-SHA256 with the secret (key confusion)', signJwt(valid, secret, { alg: 'RS256', typ: 'JWT' })],
      ['ES256 header, HMAC-SHA256 with the secret', signJwt(valid, secret, { alg: 'ES256', typ: 'JWT' })],
      ['expired an hour ago', signJwt({ ...valid, iat: now - 7200, exp: now - 3600 }, secret)],
      ['expired a minute ago', signJwt({ ...valid, iat: now - 3600, exp: now - 60 }, secret)],
      ['not valid before tomorrow', signJwt({ ...valid, nbf: now + 86400 }, secret)],
      ['editor token with sub changed to the admin, original signature', `${adminHeader}.${b64({ ...editorClaims, sub: claims.sub })}.${editorSig}`],
      ['editor token with roles [ADMIN] added, original signature', `${adminHeader}.${b64({ ...editorClaims, roles: ['ADMIN'] })}.${editorSig}`],
      ['admin token with exp moved a year on, original signature', `${adminHeader}.${b64({ ...claims, exp: now + 365 * 86400 })}.${adminSig}`],
      ['admin token with tv changed, original signature', `${adminHeader}.${b64({ ...claims, tv: claims.tv + 1 })}.${adminSig}`],
      ['editor payload under the admin signature', `${adminHeader}.${editorBody}.${adminSig}`],
      ['signed with another secret', signJwt(valid, 'x'.repeat(64))],
      ['signed with an empty secret', signJwt(valid, '')],
      ['signed with the secret plus one character', signJwt(valid, `${secret}x`)],
      ['signature of another token', `${adminHeader}.${adminBody}.${editorSig}`],
      ['signature cut short', `${adminHeader}.${adminBody}.${adminSig.slice(0, 20)}`],
      ['signature as hex instead of base64url', `${adminHeader}.${adminBody}.${createHmac('sha256', secret).update(`${adminHeader}.${adminBody}`).digest('hex')}`],
      ['right signature, token version of before a logout', signJwt({ ...valid, sub: loggedOut.id, tv: jwtPayload(loggedOut.token).tv }, secret)],
      ['right signature, a user that does not exist', signJwt({ ...valid, sub: '00000000-0000-4000-8000-000000000000' }, secret)],
      ['right signature, sub that is not a uuid (SQL)', signJwt({ ...valid, sub: "' OR 1=1 --" }, secret)],
      ['right signature, sub a number', signJwt({ ...valid, sub: 1 }, secret)],
      ['right signature, sub an object', signJwt({ ...valid, sub: { $ne: null } }, secret)],
      ['right signature, no sub', signJwt({ tv: claims.tv, iat: now, exp: now + 600 }, secret)],
      ['right signature, tv a string', signJwt({ ...valid, tv: String(claims.tv) }, secret)],
      ['right signature, no tv', signJwt({ sub: claims.sub, iat: now, exp: now + 600 }, secret)],
      ['right signature, exp a string', signJwt({ ...valid, exp: 'tomorrow' }, secret)],
      ['right signature, payload not JSON', (() => {
        const input = `${b64(HS256)}.${b64('not json')}`;
        return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      })()],
      ['token of a disabled user', disabled.token],
      ['token after POST /auth/logout', loggedOut.token],
      ['two parts only', `${adminHeader}.${adminBody}`],
      ['four parts', `${admin}.${adminSig}`],
      ['header not base64', `%%%.${adminBody}.${adminSig}`],
      ['header base64 but not JSON', `${b64('{"alg":')}.${adminBody}.${adminSig}`],
      ['empty parts', '..'],
      ['a UUID instead of a token', '3f1b2c4d-1111-4222-8333-444455556666'],
      ['a very long token', `${adminHeader}.${'A'.repeat(6000)}.${adminSig}`],
    ];
    const malformedHeaders: [string, Record<string, string>][] = [
      ['"Bearer" without a token', { authorization: 'Bearer' }],
      ['"Bearer " and spaces', { authorization: 'Bearer    ' }],
      ['the token without a scheme', { authorization: admin }],
      ['Basic credentials', { authorization: `Basic ${Buffer.from(`${DEMO.admin}:${DEMO_PASSWORD}`).toString('base64')}` }],
      ['scheme "Token"', { authorization: `Token ${admin}` }],
      ['scheme "JWT"', { authorization: `JWT ${admin}` }],
      ['"Bearer" twice', { authorization: `Bearer Bearer ${admin}` }],
      ['an empty header', { authorization: '' }],
      ['a header of control characters', { authorization: 'Bearer \t\t' }],
      ['the token in a cookie instead', { cookie: `token=${admin}; access_token=${admin}` }],
      ['the token in X-Access-Token instead', { 'x-access-token': admin }],
    ];

    const answers: { what: string; res: RawResponse }[] = [];
    for (const [what, token] of forged) answers.push({ what: `token: ${what}`, res: await me(token) });
    for (const [what, headers] of malformedHeaders) answers.push({ what: `header: ${what}`, res: await me(undefined, { 'content-type': 'application/json', ...headers }) });

    const wrong = answers
      .filter(({ res }) => res.json?.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED' || res.json?.data?.me)
      .map(({ what, res }) => `${what}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
    const fiveXx = answers.filter(({ res }) => res.status >= 500).length;
    const stacks = answers.filter(({ res }) => STACK_TRACE.test(res.text)).map(({ what }) => what);
    console.log(
      `JWT suite: ${answers.length} forged/stale tokens (${forged.length} tokens, ${malformedHeaders.length} malformed Authorization headers), ` +
        `${wrong.length ? `${wrong.length} NOT UNAUTHENTICATED` : 'all UNAUTHENTICATED'}, ${fiveXx} 5xx`,
    );
    expect(wrong).toEqual([]);
    expect(fiveXx).toBe(0);
    expect(stacks).toEqual([]);
    expect(answers).toHaveLength(forged.length + malformedHeaders.length);

    // The accepted tokens still work after all this, and a new login after the logout does too.
    expect((await me(admin)).json.data.me.email).toBe(DEMO.admin);
    expect((await me(await app.login(loggedOut.email, PASSWORD))).json.data.me.id).toBe(loggedOut.id);
  });

  it('answers a logout without a valid token with 401 UNAUTHENTICATED, and a logout ends every token of that user', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const res = await rawRequest(app, '/auth/logout', { token });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('UNAUTHENTICATED');
    }
    const admin = await app.login(DEMO.admin);
    const user = await freshUser(admin, 'tweeapparaten', '[AUDITOR]');
    const second = await app.login(user.email, PASSWORD);
    expect((await me(second)).json.data.me.id).toBe(user.id);
    expect((await rawRequest(app, '/auth/logout', { token: user.token })).status).toBe(204);
    for (const token of [user.token, second]) expect((await me(token)).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // A second logout with the ended token is refused too.
    expect((await rawRequest(app, '/auth/logout', { token: second })).status).toBe(401);
  });

  it('records a successful login and a logout as audit events, readable by the auditor', async () => {
    const admin = await app.login(DEMO.admin);
    const user = await freshUser(admin, 'audit', '[LEGAL]');
    expect((await rawRequest(app, '/auth/logout', { token: user.token })).status).toBe(204);
    const auditor = await app.login(DEMO.auditor);
    const events = async (action: string) =>
      (
        await app.gqlOk(
          'query($f: AuditEventFilter) { allAuditEvents(filter: $f, perPage: 500) { action entityType entityId actorUserId actorEmail after } }',
          { f: { action, entityId: user.id } },
          auditor,
        )
      ).allAuditEvents as { action: string; entityType: string; entityId: string; actorUserId: string; actorEmail: string; after: Record<string, unknown> | null }[];
    const logins = await events('auth.login');
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ entityType: 'User', entityId: user.id, actorUserId: user.id, actorEmail: user.email, after: { method: 'password' } });
    const logouts = await events('auth.logout');
    expect(logouts).toHaveLength(1);
    expect(logouts[0]).toMatchObject({ entityType: 'User', entityId: user.id, actorUserId: user.id });
    // A failed login is no audit event (it is logged and counted instead).
    await rawRequest(app, '/auth/login', { body: { email: user.email, password: 'fout-wachtwoord-123' } });
    expect(await events('auth.login')).toHaveLength(1);
  });
});

/** The log lines containing `text`, waiting up to 3 s for at least `atLeast` of them (stdout arrives a little after the answer). */
async function logLines(target: RunningApp, text: string | RegExp, atLeast: number): Promise<string[]> {
  const find = () => target.output().split('\n').filter((l) => (typeof text === 'string' ? l.includes(text) : text.test(l)));
  for (let i = 0; i < 60 && find().length < atLeast; i++) await new Promise((r) => setTimeout(r, 50));
  return find();
}

describe('failed-login throttling', () => {
  const MAX = 3;
  const PER_ADDRESS = 6;
  const LOCK = 120;
  let limited: RunningApp;
  beforeAll(async () => {
    limited = await startApp({
      env: { GGSM_LOGIN_MAX_FAILURES: String(MAX), GGSM_LOGIN_LOCK_SECONDS: String(LOCK), GGSM_LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS) },
    });
  });
  afterAll(() => limited?.stop());

  const login = (email: string, password: string) => rawRequest(limited, '/auth/login', { body: { email, password } });
  const expectLocked = (res: RawResponse) => {
    expect(res.status).toBe(429);
    expect(res.json.error.code).toBe('TOO_MANY_REQUESTS');
    expect(res.json.error.messageNl).toMatch(/Te veel mislukte inlogpogingen/);
    expect(res.json.accessToken).toBeUndefined();
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOCK);
    expect(res.text).not.toMatch(STACK_TRACE);
  };

  it('slows failures, locks the account after the limit even for the right password, and then the address', async () => {
    // 0. Warm up (argon2, the limiter's table) with a good login, which counts no failure.
    expect((await login(DEMO.legal, DEMO_PASSWORD)).status).toBe(200);
    // 1. MAX wrong passwords for the auditor: each refused; the later ones slower than the first.
    const failures: RawResponse[] = [];
    for (let i = 0; i < MAX; i++) failures.push(await login(DEMO.auditor, `fout-wachtwoord-${i}`));
    for (const res of failures) {
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('UNAUTHENTICATED');
    }
    const [first, , third] = failures.map((r) => r.ms);
    console.log(`failed logins: 1st ${first.toFixed(0)} ms, 3rd ${third.toFixed(0)} ms (the 3rd waits 200 ms more before checking the password)`);
    expect(third).toBeGreaterThan(first);
    const failedLines = await logLines(limited, '"auth.login_failed"', MAX);
    expect(failedLines).toHaveLength(MAX);
    for (const line of failedLines) expect(line).not.toContain(DEMO.auditor); // logs mask the address

    // 2. The account is locked now, even with the right password.
    expectLocked(await login(DEMO.auditor, DEMO_PASSWORD));
    expectLocked(await login(DEMO.auditor.toUpperCase(), DEMO_PASSWORD)); // the same account in another case
    expect((await logLines(limited, /"auth\.login_locked"|"locked":true/, 1)).length).toBeGreaterThan(0);

    // 3. Another account from the same address still works (3 failures < PER_ADDRESS), and its success
    //    does not clear the address's count.
    const legal = await login(DEMO.legal, DEMO_PASSWORD);
    expect(legal.status).toBe(200);
    expect(legal.json.accessToken).toBeTruthy();

    // 4. Failures at other accounts fill the address's budget; then every account is locked from here.
    for (let i = 0; i < PER_ADDRESS - MAX; i++) {
      const res = await login(i % 2 ? DEMO.communications : `niemand${i}@groningen.example`, 'fout-wachtwoord');
      expect(res.status).toBe(401);
    }
    expectLocked(await login(DEMO.admin, DEMO_PASSWORD));
    expectLocked(await login(DEMO.legal, DEMO_PASSWORD));
    expect(await logLines(limited, '"auth.login_failed"', PER_ADDRESS)).toHaveLength(PER_ADDRESS);

    // 5. An existing token is not affected by the login lock.
    expect((await rawGql(limited, '{ me { email } }', {}, legal.json.accessToken)).json.data.me.email).toBe(DEMO.legal);
  });
});
