import { DomainError, ErrorCode, ERROR_CODES, isDomainError } from './errors';

describe('DomainError', () => {
  it.each<[ErrorCode, { nl: string; en: string } | string, string, string]>([
    [ErrorCode.NOT_FOUND, { nl: 'Niet gevonden of geen toegang.', en: 'Not found or no access.' }, 'Not found or no access.', 'Niet gevonden of geen toegang.'],
    [ErrorCode.FORBIDDEN, 'forbidden', 'forbidden', 'forbidden'],
  ])('%s keeps code and both languages', (code, message, en, nl) => {
    const error = new DomainError(code, message);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(isDomainError(error)).toBe(true);
    expect(error.code).toBe(code);
    expect(error.message).toBe(en);
    expect(error.messageNl).toBe(nl);
    expect(error.violations).toEqual([]);
    expect(error.name).toBe('DomainError');
  });

  it('carries violations', () => {
    const violations = [{ field: 'handle', code: 'HANDLE_EMPTY', message: { nl: 'leeg', en: 'empty' } }];
    expect(new DomainError(ErrorCode.BAD_USER_INPUT, 'bad', violations).violations).toEqual(violations);
  });

  it('is not confused with other errors', () => {
    expect(isDomainError(new Error('x'))).toBe(false);
  });

  it('has the ten codes clients rely on', () => {
    expect([...ERROR_CODES].sort()).toEqual(
      ['BAD_USER_INPUT', 'CHECKLIST_INCOMPLETE', 'EVIDENCE_TOO_LARGE', 'EVIDENCE_TYPE', 'FORBIDDEN', 'HANDLE_TAKEN', 'ILLEGAL_TRANSITION', 'NOT_FOUND', 'SELF_APPROVAL', 'TOO_MANY_REQUESTS', 'UNAUTHENTICATED', 'URL_TAKEN', 'VERSION_CONFLICT'],
    );
  });
});
