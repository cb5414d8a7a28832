import type { Role } from '@ggsm/domain';

/** The logged-in user as `POST /auth/login` returns it. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  scopeUnitId: string | null;
}

const TOKEN_KEY = 'ggsm.accessToken';
const USER_KEY = 'ggsm.user';

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function getUser(): SessionUser | null {
  const raw = localStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SessionUser;
  } catch {
    // A corrupt entry means no usable session: treat as logged out rather than guessing.
    return null;
  }
}

export function saveSession(accessToken: string, user: SessionUser): void {
  localStorage.setItem(TOKEN_KEY, accessToken);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
}

/** Seconds since the epoch at which the JWT expires, or null when the token carries no `exp`. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof json.exp === 'number' ? json.exp : null;
  } catch {
    return null;
  }
}

export function hasValidToken(now = Date.now()): boolean {
  const token = getToken();
  if (!token) return false;
  const exp = tokenExpiry(token);
  return exp === null || exp * 1000 > now;
}
