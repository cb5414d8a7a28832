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

export const authProvider: AuthProvider = {
  // react-admin's login form calls the e-mail field `username`.
  async login({ username, password }: { username: string; password: string }) {
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
