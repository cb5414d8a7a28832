// Codes travel to clients as GraphQL `extensions.code`; keep them stable once released.
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  HANDLE_TAKEN: 'HANDLE_TAKEN',
  URL_TAKEN: 'URL_TAKEN',
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  CHECKLIST_INCOMPLETE: 'CHECKLIST_INCOMPLETE',
  SELF_APPROVAL: 'SELF_APPROVAL',
  /** Too many failed logins or requests from one account or address: wait (Retry-After) and try again. */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  /** Uploaded evidence is not a PNG or JPEG image (judged by its content, not its name). */
  EVIDENCE_TYPE: 'EVIDENCE_TYPE',
  /** Uploaded evidence is larger than GGSM_EVIDENCE_MAX_BYTES. */
  EVIDENCE_TOO_LARGE: 'EVIDENCE_TOO_LARGE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
export const ERROR_CODES = Object.values(ErrorCode);

/** The console speaks Dutch first, English second; every user-facing text carries both. */
export interface LocalizedText {
  nl: string;
  en: string;
}

export interface Violation {
  field?: string;
  code: string;
  message: LocalizedText;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly violations: Violation[];
  readonly messageNl: string;

  constructor(code: ErrorCode, message: LocalizedText | string, violations: Violation[] = []) {
    const text = typeof message === 'string' ? { nl: message, en: message } : message;
    super(text.en);
    // Down-levelled `extends Error` loses the prototype, which breaks `instanceof DomainError`.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'DomainError';
    this.code = code;
    this.messageNl = text.nl;
    this.violations = violations;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
