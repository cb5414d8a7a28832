/** The codes the API's /auth/sso/callback sends to the login page as `?sso_error=<code>` (apps/api/src/auth/sso/sso.errors.ts). */
export const SSO_ERROR_CODES = [
  'denied',
  'expired',
  'state',
  'provider',
  'invalid',
  'no_email',
  'email_unverified',
  'linked_elsewhere',
  'disabled',
  'failed',
] as const;

export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

/** An unknown or missing code reads as the generic failure; never echo what the address bar says. */
export const ssoErrorCode = (value: string | null): SsoErrorCode | null =>
  value === null ? null : ((SSO_ERROR_CODES as readonly string[]).includes(value) ? (value as SsoErrorCode) : 'failed');
