/**
 * Why a single sign-on attempt ended without a login. The code travels to the console in the
 * address (`/#/login?sso_error=<code>`), which shows a message for it in Dutch or English
 * (apps/admin/src/i18n: ggsm.sso.errors.<code>). Never a stack trace, never a 500.
 */
export const SSO_ERROR_CODES = [
  /** The user cancelled at the provider or was not allowed to use ggsm there. */
  'denied',
  /** No (valid) attempt cookie: took longer than 10 minutes, or cookies are blocked. */
  'expired',
  /** state or the attempt cookie does not match: a forged or mixed-up answer. */
  'state',
  /** The provider could not be reached or answered with an error. */
  'provider',
  /** The provider's answer did not pass the checks (ID token signature, issuer, audience, nonce). */
  'invalid',
  /** The provider sent no e-mail address. */
  'no_email',
  /** The provider says the e-mail address is not verified. */
  'email_unverified',
  /** The ggsm user with this e-mail address is already linked to another provider identity. */
  'linked_elsewhere',
  /** The ggsm user is disabled. */
  'disabled',
  /** Anything else; the log says what. */
  'failed',
] as const;

export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

export class SsoError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SsoError';
  }
}
