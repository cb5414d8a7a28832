import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '../../config/config';
import { isUniqueViolation } from '../../common/sorting';
import { UsersService } from '../../users/users.service';
import { JWT_SECRET } from '../auth.constants';
import { AuthService } from '../auth.service';
import type { RequestContext } from '../request-context';
import { SSO_COOKIE_MAX_AGE_SECONDS, openSsoCookie, sealSsoCookie, ssoCookieKey } from './sso-cookie';
import { SsoError } from './sso.errors';

// openid-client is ESM-only: loaded with import() (compiled to require(esm), Node >= 20.19).
type OpenIdClient = typeof import('openid-client');
type ClientConfiguration = InstanceType<OpenIdClient['Configuration']>;

/** Where the provider sends the browser back to, below the ggsm origin. */
export const CALLBACK_PATH = '/auth/sso/callback';
/** Discovery is redone now and then, so a provider's changed metadata is picked up without a restart. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const PROVIDER_TIMEOUT_SECONDS = 10;

export interface SsoStatus {
  enabled: boolean;
  label?: string;
}

export interface SsoStart {
  authorizationUrl: string;
  cookie: string;
}

@Injectable()
export class SsoService {
  private readonly log = new Logger('sso');
  private readonly cookieKey: Buffer;
  private discovered?: { at: number; configuration: Promise<ClientConfiguration> };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JWT_SECRET) jwtSecret: string,
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {
    this.cookieKey = ssoCookieKey(jwtSecret);
  }

  status(): SsoStatus {
    return this.config.oidc ? { enabled: true, label: this.config.oidc.label } : { enabled: false };
  }

  /** The configuration, or NOT_FOUND: without GGSM_OIDC_ISSUER the SSO routes do not exist. */
  settings(): OidcConfig {
    if (!this.config.oidc) {
      throw new DomainError(ErrorCode.NOT_FOUND, {
        nl: 'Inloggen met single sign-on staat niet aan.',
        en: 'Single sign-on is not enabled.',
      });
    }
    return this.config.oidc;
  }

  /** The redirect URI: configured, or this request's own origin (behind a proxy: set GGSM_OIDC_REDIRECT_URL). */
  redirectUri(requestOrigin: string): string {
    return this.settings().redirectUrl ?? new URL(CALLBACK_PATH, requestOrigin).href;
  }

  /** Begins an attempt: the provider's authorization URL, and the signed cookie that carries state, nonce and PKCE verifier. */
  async start(redirectUri: string): Promise<SsoStart> {
    const oidc = this.settings();
    const client = await this.openIdClient();
    const configuration = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const authorizationUrl = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: oidc.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const expiresAt = Math.floor(Date.now() / 1000) + SSO_COOKIE_MAX_AGE_SECONDS;
    return { authorizationUrl: authorizationUrl.href, cookie: sealSsoCookie(this.cookieKey, { state, nonce, codeVerifier, redirectUri, expiresAt }) };
  }

  /**
   * Completes an attempt: checks the cookie and state, redeems the code (PKCE, nonce, ID token checks
   * by openid-client), finds or creates the user, and issues ggsm's own access token.
   */
  async callback(ctx: RequestContext, query: string, cookie: string | undefined): Promise<{ accessToken: string; redirectUri: string }> {
    this.settings(); // NOT_FOUND when single sign-on is off
    const opened = openSsoCookie(this.cookieKey, cookie);
    if (!opened.ok) {
      throw opened.reason === 'forged'
        ? new SsoError('state', 'the attempt cookie has a bad signature')
        : new SsoError('expired', `the attempt cookie is ${opened.reason}`);
    }
    const pending = opened.pending;
    const params = new URLSearchParams(query);
    if (params.get('state') !== pending.state) throw new SsoError('state', 'state does not match the attempt cookie');

    const client = await this.openIdClient();
    const configuration = await this.configuration();
    const currentUrl = new URL(pending.redirectUri);
    currentUrl.search = params.toString();
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new SsoError('invalid', 'the token response has no ID token');
      claims = { ...idToken };
      // Many providers put e-mail and name only in the UserInfo response (fetchUserInfo checks its sub).
      if (typeof claims.email !== 'string' && configuration.serverMetadata().userinfo_endpoint) {
        const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        claims = { ...userInfo, ...claims };
      }
    } catch (err) {
      throw this.classify(client, err);
    }

    const identity = this.identityOf(configuration.serverMetadata().issuer, claims);
    const outcome = await this.signIn(ctx, identity);
    if (!outcome.ok) {
      throw new SsoError(outcome.reason, `${outcome.reason === 'disabled' ? 'disabled user' : 'e-mail linked to another subject'} for subject ${identity.subject}`);
    }
    if (outcome.change !== 'none') this.log.log(`Single sign-on ${outcome.change} user ${outcome.user.id} for subject ${identity.subject}`);
    const { accessToken } = await this.auth.login({ ...ctx, user: outcome.user }, outcome.user, 'sso');
    return { accessToken, redirectUri: pending.redirectUri };
  }

  /** A parallel first sign-on of the same person may win the insert; the second attempt then finds the user. */
  private async signIn(ctx: RequestContext, identity: { subject: string; email: string; displayName: string }) {
    try {
      return await this.users.signInWithSso(ctx, identity);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return this.users.signInWithSso(ctx, identity);
    }
  }

  private identityOf(issuer: string, claims: Record<string, unknown>) {
    const sub = claims.sub;
    if (typeof sub !== 'string' || !sub) throw new SsoError('invalid', 'the ID token has no sub');
    const email = typeof claims.email === 'string' ? claims.email.trim() : '';
    if (!email) throw new SsoError('no_email', `the provider sent no e-mail address for ${sub}`);
    if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new SsoError('no_email', `the provider sent no usable e-mail address for ${sub}`);
    // Accepted when the provider does not say (Entra ID sends no email_verified); refused when it says no.
    if (claims.email_verified === false || claims.email_verified === 'false') {
      throw new SsoError('email_unverified', `the provider has not verified the e-mail address of ${sub}`);
    }
    const name = [claims.name, [claims.given_name, claims.family_name].filter((p) => typeof p === 'string' && p.trim()).join(' ')]
      .find((v): v is string => typeof v === 'string' && v.trim() !== '');
    const displayName = (name ?? email.split('@')[0]).trim().slice(0, 200);
    return { subject: `${issuer}|${sub}`, email, displayName };
  }

  /** openid-client's errors, as the one word the console can explain. */
  private classify(client: OpenIdClient, err: unknown): SsoError {
    if (err instanceof SsoError) return err;
    if (err instanceof client.AuthorizationResponseError) {
      return new SsoError(err.error === 'access_denied' ? 'denied' : 'provider', `the provider answered ${err.error}: ${err.error_description ?? ''}`, { cause: err });
    }
    if (err instanceof client.ResponseBodyError) return new SsoError('provider', `the token endpoint answered ${err.error}: ${err.error_description ?? ''}`, { cause: err });
    if (err instanceof client.ClientError) {
      const checks = [
        'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
        'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
        'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
        'OAUTH_KEY_SELECTION_FAILED',
        'OAUTH_INVALID_RESPONSE',
        'OAUTH_PARSE_ERROR',
      ];
      const kind = err.code && checks.includes(err.code) ? 'invalid' : 'provider';
      return new SsoError(kind, `${err.code ?? 'ClientError'}: ${err.message}`, { cause: err });
    }
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    // fetch failures (TypeError) and timeouts: the provider is down or unreachable.
    const unreachable = err instanceof TypeError || (err instanceof Error && /abort|timeout/i.test(err.name));
    return new SsoError(unreachable ? 'provider' : 'failed', message, { cause: err });
  }

  private openIdClient(): Promise<OpenIdClient> {
    return import('openid-client');
  }

  /** Discovery once per hour per process; a failed one is not kept, so the next attempt tries again. */
  private async configuration(): Promise<ClientConfiguration> {
    const now = Date.now();
    if (!this.discovered || now - this.discovered.at > DISCOVERY_TTL_MS) {
      const configuration = this.discover();
      this.discovered = { at: now, configuration };
      configuration.catch(() => {
        if (this.discovered?.configuration === configuration) this.discovered = undefined;
      });
    }
    return this.discovered.configuration;
  }

  private async discover(): Promise<ClientConfiguration> {
    const oidc = this.settings();
    const client = await this.openIdClient();
    const issuer = new URL(oidc.issuer);
    const execute = issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [];
    try {
      return await client.discovery(
        issuer,
        oidc.clientId,
        oidc.clientSecret,
        oidc.clientSecret ? client.ClientSecretPost(oidc.clientSecret) : client.None(),
        { execute, timeout: PROVIDER_TIMEOUT_SECONDS },
      );
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      throw new SsoError('provider', `discovery at ${oidc.issuer} failed: ${message}`, { cause: err });
    }
  }
}
