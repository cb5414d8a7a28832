import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What the browser carries from /auth/sso/start to /auth/sso/callback: the values that bind the
 * provider's answer to this browser. Kept in a cookie signed with a key derived from the JWT secret,
 * so any replica can check it and no session store is needed.
 */
export interface SsoPending {
  /** state: ties the callback to this start (login CSRF). */
  state: string;
  /** nonce: ties the ID token to this start (replay). */
  nonce: string;
  /** PKCE code_verifier: only this browser can redeem the code. */
  codeVerifier: string;
  /** The redirect_uri sent to the provider, sent again with the code. */
  redirectUri: string;
  /** Seconds since the epoch after which the attempt is void. */
  expiresAt: number;
}

export const SSO_COOKIE = 'ggsm_sso';
export const SSO_COOKIE_MAX_AGE_SECONDS = 600;

/** A key of its own, so a value signed for this cookie can never pass for anything else signed with the JWT secret. */
export function ssoCookieKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update('ggsm/sso-cookie/v1').digest();
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest();

export function sealSsoCookie(key: Buffer, pending: SsoPending): string {
  const payload = Buffer.from(
    JSON.stringify({ s: pending.state, n: pending.nonce, v: pending.codeVerifier, r: pending.redirectUri, x: pending.expiresAt }),
  ).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

export type OpenedSsoCookie = { ok: true; pending: SsoPending } | { ok: false; reason: 'missing' | 'forged' | 'expired' };

export function openSsoCookie(key: Buffer, value: string | undefined, now = Date.now()): OpenedSsoCookie {
  if (!value) return { ok: false, reason: 'missing' };
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'forged' };
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  let raw: { s?: unknown; n?: unknown; v?: unknown; r?: unknown; x?: unknown };
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'forged' };
  }
  const { s, n, v, r, x } = raw;
  if (typeof s !== 'string' || typeof n !== 'string' || typeof v !== 'string' || typeof r !== 'string' || typeof x !== 'number') {
    return { ok: false, reason: 'forged' };
  }
  if (x * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, pending: { state: s, nonce: n, codeVerifier: v, redirectUri: r, expiresAt: x } };
}

/** One cookie from a Cookie header (no cookie-parser needed for a single value). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
