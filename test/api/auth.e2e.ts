import { DEMO, DEMO_PASSWORD, type RunningApp, startApp } from '@ggsm/testing';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const post = (path: string, body: unknown) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /auth/login', () => {
  it('returns a token and the user for a good password', async () => {
    const res = await post('/auth/login', { email: DEMO.communications, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.accessToken.split('.')).toHaveLength(3);
    expect(body.user).toMatchObject({ email: DEMO.communications, roles: ['COMMUNICATIONS'] });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);
  });

  it('accepts the e-mail in another case', async () => {
    const res = await post('/auth/login', { email: 'Admin@Groningen.Example', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
  });

  it.each([
    ['a wrong password', { email: DEMO.admin, password: 'not-the-password' }],
    ['an unknown e-mail', { email: 'nobody@groningen.example', password: DEMO_PASSWORD }],
  ])('refuses %s with UNAUTHENTICATED and the same message', async (_, body) => {
    const res = await post('/auth/login', body);
    expect(res.status).toBe(401);
    const json = await res.json();
    expect(json.error.code).toBe('UNAUTHENTICATED');
    expect(json.error.messageNl).toBe('E-mailadres of wachtwoord klopt niet.');
  });

  it('answers missing fields with BAD_USER_INPUT, not a 500', async () => {
    const res = await post('/auth/login', {});
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('BAD_USER_INPUT');
  });

  it('answers malformed JSON with BAD_USER_INPUT and no stack trace', async () => {
    const res = await fetch(`${app.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('BAD_USER_INPUT');
    expect(text).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('GraphQL access', () => {
  it('refuses a query without a token with UNAUTHENTICATED', async () => {
    const result = await app.gql('{ allSocialAccounts { id } }');
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('refuses a forged or expired token', async () => {
    const token = await app.login(DEMO.admin);
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.c2lnbmF0dXJlLXRoYXQtaXMtbm90LXZhbGlk`;
    expect((await app.gql('{ me { id } }', {}, forged)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const noneAlg = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    expect((await app.gql('{ me { id } }', {}, noneAlg)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('me returns the logged-in user with its scope unit', async () => {
    const token = await app.login(DEMO.editorRoez);
    const { me } = await app.gqlOk('{ me { email roles scopeUnitId } }', {}, token);
    expect(me.email).toBe(DEMO.editorRoez);
    expect(me.roles).toEqual(['EDITOR']);
    const { OrgUnit } = await app.gqlOk('query($id: ID!) { OrgUnit(id: $id) { shortCode } }', { id: me.scopeUnitId }, token);
    expect(OrgUnit.shortCode).toBe('ROEZ');
  });

  it('refuses a role that is not declared for the operation with FORBIDDEN', async () => {
    const token = await app.login(DEMO.editorRoez);
    expect((await app.gql('{ allUsers { id } }', {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const auditor = await app.login(DEMO.auditor);
    const result = await app.gql('mutation { createOrgUnit(name: "X", shortCode: "XX", kind: TEAM) { id } }', {}, auditor);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('ends the tokens of a user the admin disables', async () => {
    const admin = await app.login(DEMO.admin);
    const { createUser } = await app.gqlOk(
      'mutation { createUser(email: "tijdelijk@groningen.example", displayName: "Tijdelijk", password: "een-lang-wachtwoord", roles: [AUDITOR]) { id version } }',
      {},
      admin,
    );
    const token = await app.login('tijdelijk@groningen.example', 'een-lang-wachtwoord');
    expect((await app.gqlOk('{ me { email } }', {}, token)).me.email).toBe('tijdelijk@groningen.example');
    await app.gqlOk('mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, active: false) { active } }', { id: createUser.id, v: createUser.version }, admin);
    expect((await app.gql('{ me { email } }', {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never exposes a password hash in the schema', async () => {
    const admin = await app.login(DEMO.admin);
    const result = await app.gql('{ allUsers { passwordHash } }', {}, admin);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
