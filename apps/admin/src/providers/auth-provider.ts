import type { AuthProvider } from 'react-admin';
import { ErrorCode } from '@ggsm/domain';
import { clearSession, getToken, getUser, hasValidToken, saveSession, type SessionUser } from './session';

interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

/** The `code` the data provider puts on its errors, or the GraphQL `extensions.code`. */
function errorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const body = (error as { body?: { code?: unknown } }).body;
  return typeof body?.code === 'string' ? body.code : undefined;
}

/** The single sign-on settings for the login page (`GET /auth/sso`); off when the API cannot say. */
export async function fetchSsoSettings(): Promise<{ enabled: boolean; label?: string }> {
  try {
    const response = await fetch('/auth/sso', { headers: { Accept: 'application/json' } });
    if (!response.ok) return { enabled: false };
    const body = (await response.json()) as { enabled?: unknown; label?: unknown };
    return { enabled: body.enabled === true, label: typeof body.label === 'string' ? body.label : undefined };
  } catch {
    return { enabled: false };
  }
}

/**
 * Finishes a single sign-on: the API's callback handed over an access token (in the URL fragment,
 * see login/sso-callback-page.tsx); who it belongs to comes from `me`, then it is stored exactly
 * like a password login's.
 */
async function loginWithSsoToken(accessToken: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: '{ me { id email displayName roles scopeUnitId } }' }),
    });
  } catch {
    throw new Error('ggsm.login.unreachable');
  }
  const body = (await response.json().catch(() => ({}))) as { data?: { me?: SessionUser } | null };
  if (!body.data?.me) throw new Error('ggsm.sso.errors.failed');
  saveSession(accessToken, body.data.me);
}

export const authProvider: AuthProvider = {
  // react-admin's login form calls the e-mail field `username`; a single sign-on passes `ssoToken`.
  async login({ username, password, ssoToken }: { username?: string; password?: string; ssoToken?: string }) {
    if (ssoToken) return loginWithSsoToken(ssoToken);
    if (username === undefined || password === undefined) throw new Error('ggsm.login.failed');
    let response: Response;
    try {
      response = await fetch('/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email: username.trim(), password }),
      });
    } catch {
      throw new Error('ggsm.login.unreachable');
    }
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new Error('ggsm.login.failed');
    }
    if (!response.ok) throw new Error('ggsm.login.unreachable');
    const { accessToken, user } = (await response.json()) as LoginResponse;
    saveSession(accessToken, user);
  },

  async logout() {
    // Tokens are stateless JWTs: forgetting them is logging out.
    clearSession();
  },

  async checkAuth() {
    if (hasValidToken()) return;
    const hadSession = getToken() !== null;
    clearSession();
    // A first visit goes to the login page silently; an expired session says why.
    throw hadSession ? new Error('ra.notification.logged_out') : { message: false };
  },

  async checkError(error) {
    const status = (error as { status?: number } | undefined)?.status;
    if (errorCode(error) === ErrorCode.UNAUTHENTICATED || status === 401) {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
    // FORBIDDEN and friends are answers about one record or action, not about the session.
  },

  async getIdentity() {
    const user = getUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.displayName, email: user.email };
  },

  async getPermissions() {
    return getUser()?.roles ?? [];
  },
};
