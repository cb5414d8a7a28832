import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../allow.decorator';
import { contextOf } from '../request-context';
import { readCookie, SSO_COOKIE, SSO_COOKIE_MAX_AGE_SECONDS } from './sso-cookie';
import { SsoError } from './sso.errors';
import { CALLBACK_PATH, SsoService, type SsoStatus } from './sso.service';

/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE), next to the password login.
 * The browser goes to /auth/sso/start, signs in at the provider, comes back at /auth/sso/callback and
 * is sent to the console with ggsm's own access token in the URL fragment (never in a query string,
 * so it never reaches a server log or a Referer): `/#/auth-callback?sso=<token>`, react-admin's route
 * for third-party logins; failures go to the login page as `/#/login?sso_error=<code>`.
 */
@Controller('auth/sso')
export class SsoController {
  private readonly log = new Logger('sso');

  constructor(private readonly sso: SsoService) {}

  /** For the console's login page: whether to show the button, and its label. */
  @Public()
  @Get()
  status(): SsoStatus {
    return this.sso.status();
  }

  @Public()
  @Get('start')
  async start(@Req() req: Request, @Res() res: Response): Promise<void> {
    const redirectUri = this.sso.redirectUri(originOf(req));
    res.setHeader('Cache-Control', 'no-store');
    try {
      const { authorizationUrl, cookie } = await this.sso.start(redirectUri);
      res.cookie(SSO_COOKIE, cookie, { ...cookieOptions(redirectUri), maxAge: SSO_COOKIE_MAX_AGE_SECONDS * 1000 });
      res.redirect(302, authorizationUrl);
    } catch (err) {
      this.fail(res, redirectUri, err);
    }
  }

  @Public()
  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const redirectUri = this.sso.redirectUri(originOf(req));
    res.setHeader('Cache-Control', 'no-store');
    // One attempt, one use: whatever happens, the cookie is gone afterwards.
    res.clearCookie(SSO_COOKIE, cookieOptions(redirectUri));
    try {
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
      const { accessToken } = await this.sso.callback(contextOf(req as never), query, readCookie(req.headers.cookie, SSO_COOKIE));
      res.redirect(302, consoleUrl(redirectUri, `auth-callback?sso=${encodeURIComponent(accessToken)}`));
    } catch (err) {
      this.fail(res, redirectUri, err);
    }
  }

  /** Back to the console's login page with a code it can explain; the details go to the log only. */
  private fail(res: Response, redirectUri: string, err: unknown): void {
    const code = err instanceof SsoError ? err.code : 'failed';
    if (err instanceof SsoError && err.code !== 'failed') this.log.warn(`Single sign-on refused (${err.code}): ${err.message}`);
    else this.log.error(`Single sign-on failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    res.redirect(302, consoleUrl(redirectUri, `login?sso_error=${code}`));
  }
}

/** This request's origin as the browser sees it (X-Forwarded-* only from a trusted proxy, see main.ts). */
function originOf(req: Request): string {
  return `${req.protocol}://${req.host}`;
}

/** The attempt cookie goes only to the callback's folder, over https when ggsm is reached over https. */
function cookieOptions(redirectUri: string) {
  const url = new URL(redirectUri);
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: url.protocol === 'https:',
    path: url.pathname.replace(/\/[^/]*$/, '') || '/',
  };
}

/** The console sits at the root of the origin that the callback is on (or in front of /auth/sso/callback behind a proxy). */
function consoleUrl(redirectUri: string, route: string): string {
  const url = new URL(redirectUri);
  const base = url.pathname.endsWith(CALLBACK_PATH) ? url.pathname.slice(0, -CALLBACK_PATH.length) : '';
  return `${url.origin}${base}/#/${route}`;
}
