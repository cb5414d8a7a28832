// Single sign-on with OpenID Connect against a real OpenID provider (oidc-provider) started here, on
// 127.0.0.1: the whole authorization code flow with PKCE, driven with fetch like a browser would
// (manual redirects, cookies per host and path), from /auth/sso/start to the console's address.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DEMO, DEMO_PASSWORD, freePort, type RunningApp, startApp } from '@ggsm/testing';

interface Claims {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** The provider's accounts, by subject. */
const ACCOUNTS: Record<string, Claims> = {
  'sub-nieuw': { email: 'nieuwe.collega@groningen.example', email_verified: true, name: 'Nieuwe Collega' },
  // An existing password user, spelled in another case by the provider.
  'sub-roez': { email: 'Redacteur.Roez@groningen.example', email_verified: true, name: 'Iemand Anders' },
  'sub-roez-bis': { email: 'redacteur.roez@groningen.example', email_verified: true, name: 'Dubbelganger' },
  'sub-onbevestigd': { email: 'onbevestigd@groningen.example', email_verified: false, name: 'Onbevestigd' },
  'sub-zonder-adres': { name: 'Zonder Adres' },
  'sub-uit': { email: 'uitgeschakeld@groningen.example', email_verified: true, name: 'Uitgeschakeld' },
  'sub-vertrouwelijk': { email: 'vertrouwelijk@groningen.example', email_verified: true, name: 'Vertrouwelijke Client' },
  'sub-jurist': { email: DEMO.legal, email_verified: true, name: 'Jurist' },
};

const CLIENT_SECRET = 'a-client-secret-for-the-confidential-test-client';

// ---------------------------------------------------------------------------------------------
// The OpenID provider

interface TestProvider {
  issuer: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
  errors: string[];
}

/** Finishes the provider's login and consent steps; the test says who logs in (`?account=`) or that the user cancels (`?deny=1`). */
async function interact(provider: any, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (url.searchParams.get('deny')) {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled.' }, { mergeWithLastSubmission: false });
    return;
  }
  if (details.prompt.name === 'login') {
    const accountId = url.searchParams.get('account');
    if (!accountId || !ACCOUNTS[accountId]) throw new Error(`the test did not say who logs in (account=${accountId})`);
    await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    return;
  }
  // consent: grant what the client asked for
  const missing = details.prompt.details;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries<string[]>(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function startProvider(port: number, clients: object[]): Promise<TestProvider> {
  // ESM-only; jest.config.js compiles it (and jose) to CommonJS for the api project.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    // Known notes for a test set-up: Node 20 is "unsupported", development keys and cookies.
    if (!String(args[0]).startsWith('oidc-provider WARNING')) warn(...args);
  };
  // (oidc-provider ships no type declarations.)
  const { default: Provider }: { default: new (issuer: string, configuration: object) => any } = await import('oidc-provider' as string);
  const issuer = `http://127.0.0.1:${port}`;
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [{ ...jwk, kid: 'sso-e2e', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['sso-e2e-cookie-signing-key'] },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx: unknown, sub: string) =>
      ACCOUNTS[sub] ? { accountId: sub, claims: async () => ({ sub, ...ACCOUNTS[sub] }) } : undefined,
  });
  console.warn = warn;
  const errors: string[] = [];
  provider.on('server_error', (_ctx: unknown, err: Error) => errors.push(err.stack ?? String(err)));
  const handle = provider.callback();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname.startsWith('/interaction/')) {
      interact(provider, url, req, res).catch((err: Error) => {
        errors.push(err.stack ?? String(err));
        res.statusCode = 500;
        res.end(String(err));
      });
      return;
    }
    handle(req, res);
  });
  const listen = () => new Promise<void>((res, rej) => server.once('error', rej).listen(port, '127.0.0.1', () => res()));
  await listen();
  return {
    issuer,
    errors,
    stop: () =>
      new Promise<void>((res) => {
        server.close(() => res());
        server.closeAllConnections();
      }),
    restart: listen,
  };
}

// ---------------------------------------------------------------------------------------------
// A browser: cookies per host (not port, like browsers) and path, redirects followed by hand

interface StoredCookie {
  name: string;
  value: string;
  host: string;
  path: string;
  attributes: string;
}

class Browser {
  readonly cookies: StoredCookie[] = [];
  /** Every Set-Cookie header seen, as sent. */
  readonly setCookies: string[] = [];

  cookieHeader(url: URL): string {
    return this.cookies
      .filter((c) => c.host === url.hostname && (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  store(url: URL, headers: string[]): void {
    for (const header of headers) {
      this.setCookies.push(header);
      const [pair, ...attrs] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const attr = (key: string) => attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attr('path') ?? url.pathname.replace(/\/[^/]*$/, '') ?? '/';
      const maxAge = attr('max-age');
      const expires = attr('expires');
      const gone = (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= Date.now());
      const index = this.cookies.findIndex((c) => c.name === name && c.host === url.hostname && c.path === path);
      if (index >= 0) this.cookies.splice(index, 1);
      if (!gone) this.cookies.push({ name, value, host: url.hostname, path: path || '/', attributes: attrs.join(';') });
    }
  }

  cookie(name: string): StoredCookie | undefined {
    return this.cookies.find((c) => c.name === name);
  }

  async get(href: string): Promise<Response> {
    const url = new URL(href);
    const cookie = this.cookieHeader(url);
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    this.store(url, res.headers.getSetCookie());
    return res;
  }
}

interface Walk {
  /** The provider's redirect back to ggsm, not yet followed. */
  callbackUrl: string;
  /** The first answer of /auth/sso/start. */
  start: Response;
}

/** From /auth/sso/start through the provider's login and consent to the redirect back to ggsm. */
async function walkToCallback(app: RunningApp, browser: Browser, who: { account?: string; deny?: boolean } = {}): Promise<Walk> {
  const start = await browser.get(`${app.url}/auth/sso/start`);
  let res = start;
  let url = `${app.url}/auth/sso/start`;
  for (let hop = 0; hop < 20; hop++) {
    if (res.status < 300 || res.status > 399) throw new Error(`unexpected ${res.status} at ${url}: ${(await res.text()).slice(0, 500)}`);
    url = new URL(res.headers.get('location') ?? '', url).href;
    if (url.startsWith(`${app.url}/auth/sso/callback`)) return { callbackUrl: url, start };
    if (!url.startsWith('http://127.0.0.1:') || url.startsWith(app.url)) throw new Error(`unexpected redirect to ${url}`);
    const next = new URL(url);
    if (next.pathname.startsWith('/interaction/')) {
      if (who.account) next.searchParams.set('account', who.account);
      if (who.deny) next.searchParams.set('deny', '1');
    }
    res = await browser.get(next.href);
  }
  throw new Error('too many redirects');
}

interface ConsoleLanding {
  location: string;
  token: string | null;
  error: string | null;
}

/**
 * Where ggsm sends the browser after the callback: the console, with the outcome in the fragment
 * only — the token to react-admin's /auth-callback route, a refusal to the login page.
 */
function landing(app: RunningApp, res: Response): ConsoleLanding {
  expect(res.status).toBe(302);
  const location = res.headers.get('location') ?? '';
  const url = new URL(location);
  expect(url.origin).toBe(app.url);
  expect(url.pathname).toBe('/');
  // Nothing in a query string a server or proxy would log: the token lives only behind the '#'.
  expect(url.search).toBe('');
  const [, route, query] = /^#\/(auth-callback|login)\?(.*)$/.exec(url.hash) ?? [];
  const params = new URLSearchParams(query ?? '');
  const token = params.get('sso');
  const error = params.get('sso_error');
  expect(route).toBe(token ? 'auth-callback' : 'login');
  return { location, token, error };
}

async function ssoLogin(app: RunningApp, browser: Browser, who: { account?: string; deny?: boolean } = {}): Promise<ConsoleLanding> {
  const { callbackUrl } = await walkToCallback(app, browser, who);
  return landing(app, await browser.get(callbackUrl));
}

/** The app's output since `from`, once it contains `text` (or after 5 s). */
async function outputUntil(app: RunningApp, from: number, text: string): Promise<string> {
  for (let waited = 0; waited < 5000 && !app.output().slice(from).includes(text); waited += 50) await new Promise((r) => setTimeout(r, 50));
  return app.output().slice(from);
}

// ---------------------------------------------------------------------------------------------

const ME = '{ me { id email displayName roles scopeUnitId active } }';
const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

let app: RunningApp;
let confidential: RunningApp;
let unconfigured: RunningApp;
let provider: TestProvider;

beforeAll(async () => {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  [app, confidential, unconfigured] = await Promise.all([
    startApp({ env: { GGSM_OIDC_ISSUER: issuer, GGSM_OIDC_CLIENT_ID: 'ggsm', GGSM_OIDC_LABEL: 'Test-IdP' } }),
    startApp({ env: { GGSM_OIDC_ISSUER: issuer, GGSM_OIDC_CLIENT_ID: 'ggsm-confidential', GGSM_OIDC_CLIENT_SECRET: CLIENT_SECRET } }),
    startApp(),
  ]);
  // The provider knows ggsm's callback URLs only now that the apps have their ports; they discover it lazily.
  provider = await startProvider(port, [
    {
      client_id: 'ggsm',
      redirect_uris: [`${app.url}/auth/sso/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    },
    {
      client_id: 'ggsm-confidential',
      client_secret: CLIENT_SECRET,
      redirect_uris: [`${confidential.url}/auth/sso/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([app?.stop(), confidential?.stop(), unconfigured?.stop(), provider?.stop()]);
});

afterEach(() => {
  // A crash inside the provider would otherwise show only as a confusing redirect.
  expect(provider?.errors ?? []).toEqual([]);
});

describe('SSO switched on', () => {
  it('tells the console that it is on, and the label of the button', async () => {
    const res = await fetch(`${app.url}/auth/sso`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ enabled: true, label: 'Test-IdP' });
  });

  it('starts with a redirect to the provider carrying state, nonce and a PKCE S256 challenge, and a short-lived signed cookie', async () => {
    const browser = new Browser();
    const res = await browser.get(`${app.url}/auth/sso/start`);
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location') ?? '');
    expect(to.origin).toBe(provider.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: 'ggsm',
      response_type: 'code',
      redirect_uri: `${app.url}/auth/sso/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('state')?.length).toBeGreaterThanOrEqual(22);
    expect(to.searchParams.get('nonce')?.length).toBeGreaterThanOrEqual(22);
    expect(to.searchParams.get('state')).not.toBe(to.searchParams.get('nonce'));
    const [setCookie] = res.headers.getSetCookie();
    expect(setCookie).toMatch(/^ggsm_sso=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+;/);
    expect(setCookie).toMatch(/; Max-Age=600;/);
    expect(setCookie).toMatch(/; Path=\/auth\/sso;/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    // The code verifier stays with the browser: only its hash goes to the provider.
    expect(res.headers.get('location')).not.toContain(browser.cookie('ggsm_sso')?.value.split('.')[0] ?? 'no cookie');
  });

  describe('a colleague unknown to ggsm', () => {
    const browser = new Browser();
    let token: string;
    let userId: string;

    it('gets a new user with no role, and a token that works for `me`', async () => {
      const result = await ssoLogin(app, browser, { account: 'sub-nieuw' });
      expect(result.error).toBeNull();
      expect(result.token?.split('.')).toHaveLength(3);
      token = result.token as string;
      const { me } = await app.gqlOk(ME, {}, token);
      expect(me).toMatchObject({ email: 'nieuwe.collega@groningen.example', displayName: 'Nieuwe Collega', roles: [], scopeUnitId: null, active: true });
      userId = me.id;
      // The attempt cookie is used up.
      expect(browser.cookie('ggsm_sso')).toBeUndefined();
    });

    it('is refused every operation that needs a login, except `me`, with FORBIDDEN', async () => {
      const refused = await sweepOperations(token);
      expect(refused.checked.length).toBeGreaterThanOrEqual(15);
      expect(refused.checked).toContain('query allSocialAccounts');
      expect(refused.checked).toContain('query allUsers');
      expect(refused.checked).toContain('mutation updateUser');
      expect(refused.notForbidden).toEqual([]);
    });

    it('is recorded in the audit trail: created on first single sign-on, and the login by SSO', async () => {
      const admin = await app.login(DEMO.admin);
      const { allAuditEvents } = await app.gqlOk(
        'query($id: String) { allAuditEvents(filter: { entityType: "User", entityId: $id }, perPage: 50) { action reason actorEmail after } }',
        { id: userId },
        admin,
      );
      const created = allAuditEvents.find((e: { action: string }) => e.action === 'user.created');
      expect(created).toMatchObject({ reason: 'first single sign-on', actorEmail: 'nieuwe.collega@groningen.example' });
      expect(created.after).toMatchObject({ email: 'nieuwe.collega@groningen.example', roles: [] });
      expect(allAuditEvents).toContainEqual(expect.objectContaining({ action: 'auth.login', after: { method: 'sso' } }));
    });

    it('can list the register once an administrator grants a role, logging in by SSO again as the same user', async () => {
      const admin = await app.login(DEMO.admin);
      const versioned = await hasArgument(admin, 'updateUser', 'version');
      const current = versioned ? (await app.gqlOk('query($id: ID!) { User(id: $id) { version } }', { id: userId }, admin)).User : {};
      await app.gqlOk(
        `mutation($id: ID!${versioned ? ', $version: Int!' : ''}) { updateUser(id: $id${versioned ? ', version: $version' : ''}, roles: [COMMUNICATIONS]) { roles } }`,
        { id: userId, ...(versioned ? { version: current.version } : {}) },
        admin,
      );
      // Same browser: the provider remembers the session and the consent, so no login step this time.
      const again = await ssoLogin(app, browser);
      expect(again.error).toBeNull();
      const { me } = await app.gqlOk(ME, {}, again.token as string);
      expect(me).toMatchObject({ id: userId, roles: ['COMMUNICATIONS'] });
      const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(perPage: 500) { id } }', {}, again.token as string);
      expect(allSocialAccounts.length).toBeGreaterThanOrEqual(22);
      // Still one user for this e-mail address.
      const { _allUsersMeta } = await app.gqlOk('{ _allUsersMeta(filter: { q: "nieuwe.collega" }) { count } }', {}, admin);
      expect(_allUsersMeta.count).toBe(1);
    });
  });

  describe('an existing password user', () => {
    it('logs in by SSO with its e-mail address (in another case) and keeps its role, unit and name', async () => {
      const before = (await app.gqlOk(ME, {}, await app.login(DEMO.editorRoez))).me;
      expect(before.roles).toEqual(['EDITOR']);
      const browser = new Browser();
      const result = await ssoLogin(app, browser, { account: 'sub-roez' });
      expect(result.error).toBeNull();
      const { me } = await app.gqlOk(ME, {}, result.token as string);
      expect(me).toEqual(before);
      // Linked: the next SSO login finds the user by its subject; the password still works too.
      const again = await ssoLogin(app, browser);
      expect((await app.gqlOk(ME, {}, again.token as string)).me.id).toBe(before.id);
      expect(await app.login(DEMO.editorRoez, DEMO_PASSWORD)).toBeTruthy();
    });

    it('is refused when its e-mail address is already linked to another identity at the provider', async () => {
      const result = await ssoLogin(app, new Browser(), { account: 'sub-roez-bis' });
      expect(result).toMatchObject({ token: null, error: 'linked_elsewhere' });
    });

    it('is refused when disabled', async () => {
      const admin = await app.login(DEMO.admin);
      await app.gqlOk(
        'mutation { createUser(email: "uitgeschakeld@groningen.example", displayName: "Uitgeschakeld", password: "een-lang-wachtwoord", roles: [AUDITOR], active: false) { id } }',
        {},
        admin,
      );
      const result = await ssoLogin(app, new Browser(), { account: 'sub-uit' });
      expect(result).toMatchObject({ token: null, error: 'disabled' });
    });
  });

  describe('refusals that end on the console login page with a code, never a 500', () => {
    it('the user cancels at the provider', async () => {
      const result = await ssoLogin(app, new Browser(), { deny: true });
      expect(result).toMatchObject({ token: null, error: 'denied' });
    });

    it('the provider says the e-mail address is not verified', async () => {
      expect(await ssoLogin(app, new Browser(), { account: 'sub-onbevestigd' })).toMatchObject({ token: null, error: 'email_unverified' });
      const admin = await app.login(DEMO.admin);
      const { _allUsersMeta } = await app.gqlOk('{ _allUsersMeta(filter: { q: "onbevestigd" }) { count } }', {}, admin);
      expect(_allUsersMeta.count).toBe(0);
    });

    it('the provider sends no e-mail address', async () => {
      expect(await ssoLogin(app, new Browser(), { account: 'sub-zonder-adres' })).toMatchObject({ token: null, error: 'no_email' });
    });

    it('a tampered state', async () => {
      const browser = new Browser();
      const { callbackUrl } = await walkToCallback(app, browser, { account: 'sub-jurist' });
      const forged = new URL(callbackUrl);
      forged.searchParams.set('state', `${forged.searchParams.get('state')}x`);
      expect(landing(app, await browser.get(forged.href))).toMatchObject({ token: null, error: 'state' });
    });

    it('a tampered cookie, a cookie signed with another key, or no cookie', async () => {
      for (const tamper of [
        (v: string) => `${v.slice(0, -2)}${v.endsWith('AA') ? 'BB' : 'AA'}`,
        (v: string) => `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(v.split('.')[0], 'base64url').toString()), x: 9999999999 })).toString('base64url')}.${v.split('.')[1]}`,
        (v: string) => `${v.split('.')[0]}.${Buffer.alloc(32, 7).toString('base64url')}`,
        () => 'not-a-cookie',
      ]) {
        const browser = new Browser();
        const { callbackUrl } = await walkToCallback(app, browser, { account: 'sub-jurist' });
        const cookie = browser.cookie('ggsm_sso');
        if (!cookie) throw new Error('no attempt cookie');
        cookie.value = tamper(cookie.value);
        expect(landing(app, await browser.get(callbackUrl))).toMatchObject({ token: null, error: 'state' });
      }
      const browser = new Browser();
      const { callbackUrl } = await walkToCallback(app, browser, { account: 'sub-jurist' });
      browser.cookies.splice(browser.cookies.findIndex((c) => c.name === 'ggsm_sso'), 1);
      expect(landing(app, await browser.get(callbackUrl))).toMatchObject({ token: null, error: 'expired' });
    });

    it('a callback replayed with the same code and cookie: the code is redeemed only once', async () => {
      const browser = new Browser();
      const { callbackUrl } = await walkToCallback(app, browser, { account: 'sub-jurist' });
      const cookie = browser.cookieHeader(new URL(callbackUrl));
      expect(landing(app, await browser.get(callbackUrl)).token).toBeTruthy();
      const replay = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie } });
      expect(landing(app, replay)).toMatchObject({ token: null, error: 'provider' });
    });

    it('a callback from another login attempt (state of attempt A with the cookie of attempt B)', async () => {
      const a = new Browser();
      const b = new Browser();
      const walkA = await walkToCallback(app, a, { account: 'sub-jurist' });
      await walkToCallback(app, b, { account: 'sub-jurist' });
      const res = await fetch(walkA.callbackUrl, { redirect: 'manual', headers: { cookie: b.cookieHeader(new URL(walkA.callbackUrl)) } });
      expect(landing(app, res)).toMatchObject({ token: null, error: 'state' });
    });

    it('the provider is down when the code is to be redeemed', async () => {
      const browser = new Browser();
      const { callbackUrl } = await walkToCallback(app, browser, { account: 'sub-jurist' });
      const logged = app.output().length;
      await provider.stop();
      try {
        const res = await browser.get(callbackUrl);
        expect(landing(app, res)).toMatchObject({ token: null, error: 'provider' });
      } finally {
        await provider.restart();
      }
      // The log says why (it arrives on its own time), without a stack trace.
      const log = await outputUntil(app, logged, 'Single sign-on refused (provider)');
      expect(log).toContain('Single sign-on refused (provider)');
      expect(log).not.toMatch(/at .*\.js:\d+/);
    });

    it('a callback without any attempt', async () => {
      const res = await fetch(`${app.url}/auth/sso/callback?code=abc&state=def`, { redirect: 'manual' });
      expect(landing(app, res)).toMatchObject({ token: null, error: 'expired' });
    });
  });
});

describe('SSO with a confidential client (client secret)', () => {
  it('completes the flow, and a second identity with no role is FORBIDDEN the register', async () => {
    const result = await ssoLogin(confidential, new Browser(), { account: 'sub-vertrouwelijk' });
    expect(result.error).toBeNull();
    const { me } = await confidential.gqlOk(ME, {}, result.token as string);
    expect(me).toMatchObject({ email: 'vertrouwelijk@groningen.example', roles: [] });
    expect(code(await confidential.gql('{ allSocialAccounts { id } }', {}, result.token as string))).toBe('FORBIDDEN');
    // The label defaults to SSO.
    expect(await (await fetch(`${confidential.url}/auth/sso`)).json()).toEqual({ enabled: true, label: 'SSO' });
  });
});

describe('SSO switched off (no GGSM_OIDC_ISSUER)', () => {
  it('says so to the console and has no start or callback', async () => {
    expect(await (await fetch(`${unconfigured.url}/auth/sso`)).json()).toEqual({ enabled: false });
    for (const path of ['/auth/sso/start', '/auth/sso/callback?code=abc&state=def']) {
      const res = await fetch(`${unconfigured.url}${path}`, { redirect: 'manual' });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });

  it('refuses to start with an issuer but no client id, naming the variable', async () => {
    await expectStartRefused({ GGSM_OIDC_ISSUER: 'https://login.example/tenant/v2.0' }, 'GGSM_OIDC_CLIENT_ID: required when GGSM_OIDC_ISSUER is set');
  });

  it('refuses an issuer over plain http other than localhost, naming the variable', async () => {
    await expectStartRefused({ GGSM_OIDC_ISSUER: 'http://login.example/', GGSM_OIDC_CLIENT_ID: 'ggsm' }, 'GGSM_OIDC_ISSUER: must be an https:// URL');
  });
});

/** The process must stop by itself, at once (before any database), naming the variable. */
async function expectStartRefused(env: Record<string, string>, message: string): Promise<void> {
  const bad = await startApp({ env, waitForHealth: false });
  try {
    const exit = await Promise.race([bad.exited, new Promise((r) => setTimeout(() => r('still running after 30 s'), 30_000))]);
    expect(exit).toBe(1);
    expect(bad.output()).toContain(message);
  } finally {
    await bad.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Every GraphQL operation, called with type-correct dummy arguments

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface FieldInfo {
  name: string;
  args: { name: string; type: TypeRef; defaultValue: string | null }[];
  type: TypeRef;
}
interface TypeInfo {
  kind: string;
  name: string;
  fields: FieldInfo[] | null;
  inputFields: { name: string; type: TypeRef; defaultValue: string | null }[] | null;
  enumValues: { name: string }[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

async function schemaTypes(token: string): Promise<Map<string, TypeInfo>> {
  const { __schema } = await app.gqlOk(
    `{ __schema { types { kind name enumValues { name } inputFields { name defaultValue type { ${TYPE_REF} } } fields { name type { ${TYPE_REF} } args { name defaultValue type { ${TYPE_REF} } } } } } }`,
    {},
    token,
  );
  return new Map((__schema.types as TypeInfo[]).map((t) => [t.name, t]));
}

async function hasArgument(token: string, mutation: string, arg: string): Promise<boolean> {
  const types = await schemaTypes(token);
  return !!types.get('Mutation')?.fields?.find((f) => f.name === mutation)?.args.some((a) => a.name === arg);
}

function literal(type: TypeRef, types: Map<string, TypeInfo>): string {
  if (type.kind === 'NON_NULL') return literal(type.ofType as TypeRef, types);
  if (type.kind === 'LIST') return `[${literal(type.ofType as TypeRef, types)}]`;
  const named = types.get(type.name ?? '');
  if (type.kind === 'ENUM') return named?.enumValues?.[0]?.name ?? 'UNKNOWN';
  if (type.kind === 'INPUT_OBJECT') {
    const required = (named?.inputFields ?? []).filter((f) => f.type.kind === 'NON_NULL' && f.defaultValue === null);
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type, types)}`).join(', ')} }`;
  }
  switch (type.name) {
    case 'ID':
      return `"${randomUUID()}"`;
    case 'Int':
    case 'Float':
      return '1';
    case 'Boolean':
      return 'true';
    case 'String':
      return '"x"';
    case 'JSONObject':
    case 'JSON':
      return '{}';
    default:
      return '"2026-01-01T00:00:00.000Z"';
  }
}

function namedKind(type: TypeRef): string {
  return type.kind === 'NON_NULL' || type.kind === 'LIST' ? namedKind(type.ofType as TypeRef) : type.kind;
}

/** Calls every query and mutation that an anonymous caller is refused; lists those a no-role user is not refused with FORBIDDEN. */
async function sweepOperations(token: string): Promise<{ checked: string[]; notForbidden: string[] }> {
  const types = await schemaTypes(token);
  const checked: string[] = [];
  const notForbidden: string[] = [];
  for (const [keyword, typeName] of [
    ['query', 'Query'],
    ['mutation', 'Mutation'],
  ] as const) {
    for (const field of types.get(typeName)?.fields ?? []) {
      if (field.name === 'me') continue;
      const args = field.args.filter((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null).map((a) => `${a.name}: ${literal(a.type, types)}`);
      const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(namedKind(field.type)) ? ' { __typename }' : '';
      const operation = `${keyword} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
      const anonymous = code(await app.gql(operation));
      if (anonymous !== 'UNAUTHENTICATED') {
        // Public (verification, open data, reporting a fake): nothing to refuse; the dummy input may be refused
        // as input (BAD_USER_INPUT), which shows the call got past access. Anything else means the dummy call is wrong.
        if (anonymous !== undefined && anonymous !== 'BAD_USER_INPUT') notForbidden.push(`${operation} → anonymous: ${anonymous}`);
        continue;
      }
      checked.push(`${keyword} ${field.name}`);
      const result = await app.gql(operation, {}, token);
      if (code(result) !== 'FORBIDDEN') notForbidden.push(`${operation} → ${code(result) ?? 'no error'}`);
    }
  }
  return { checked, notForbidden };
}
