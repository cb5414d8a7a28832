import { AccountStatus, ACCOUNT_STATUSES } from './enums';
import { DomainError, ErrorCode } from './errors';
import { assertTransition, canTransition, isFinalStatus } from './lifecycle';

const allowed: Array<[AccountStatus, AccountStatus]> = [
  ['DRAFT', 'SUBMITTED'],
  ['SUBMITTED', 'ACTIVE'],
  ['SUBMITTED', 'DRAFT'],
  ['SUBMITTED', 'REJECTED'],
  ['ACTIVE', 'SUSPENDED'],
  ['ACTIVE', 'ARCHIVED'],
  ['SUSPENDED', 'ACTIVE'],
  ['SUSPENDED', 'ARCHIVED'],
];
const isAllowed = (from: AccountStatus, to: AccountStatus) => allowed.some(([f, t]) => f === from && t === to);
const everyPair = ACCOUNT_STATUSES.flatMap((from) => ACCOUNT_STATUSES.map((to) => [from, to] as [AccountStatus, AccountStatus]));

describe('account lifecycle', () => {
  it.each(allowed)('%s → %s is allowed', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(everyPair.filter(([f, t]) => !isAllowed(f, t)))('%s → %s is illegal', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(DomainError);
  });

  it.each<[AccountStatus, boolean]>([
    ['DRAFT', false],
    ['SUBMITTED', false],
    ['ACTIVE', false],
    ['SUSPENDED', false],
    ['REJECTED', true],
    ['ARCHIVED', true],
  ])('%s final: %s', (status, final) => {
    expect(isFinalStatus(status)).toBe(final);
  });

  it('explains an illegal transition in Dutch and English', () => {
    let caught: unknown;
    try {
      assertTransition(AccountStatus.ARCHIVED, AccountStatus.ACTIVE);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(error.messageNl).toBe("Een account kan niet van 'gearchiveerd' naar 'actief' gaan.");
    expect(error.message).toBe("An account cannot go from 'archived' to 'active'.");
    expect(error.violations[0]?.message.en).toBe("From 'archived' an account can only go to: nothing (final status).");
  });
});
