import { AccountStatus, ACCOUNT_STATUSES, Role, ROLES } from './enums';
import { DomainError, ErrorCode } from './errors';
import {
  ACCOUNT_STEP_NAMES,
  ACCOUNT_STEPS,
  ACCOUNT_TRANSITIONS,
  AccountStep,
  assertTransition,
  availableSteps,
  canTransition,
  isFinalStatus,
  isReviewOverdue,
  planStep,
  reviewDueAt,
} from './lifecycle';

const allowed: Array<[AccountStatus, AccountStatus]> = [
  ['DRAFT', 'SUBMITTED'],
  ['SUBMITTED', 'ACTIVE'],
  ['SUBMITTED', 'DRAFT'],
  ['SUBMITTED', 'REJECTED'],
  ['ACTIVE', 'SUSPENDED'],
  ['ACTIVE', 'ARCHIVED'],
  ['SUSPENDED', 'ACTIVE'],
  ['SUSPENDED', 'ARCHIVED'],
  ['ARCHIVED', 'ACTIVE'],
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
    ['ARCHIVED', false],
  ])('%s final: %s', (status, final) => {
    expect(isFinalStatus(status)).toBe(final);
  });

  it('explains an illegal transition in Dutch and English', () => {
    let caught: unknown;
    try {
      assertTransition(AccountStatus.REJECTED, AccountStatus.ACTIVE);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(error.messageNl).toBe("Een account kan niet van 'afgewezen' naar 'actief' gaan.");
    expect(error.message).toBe("An account cannot go from 'rejected' to 'active'.");
    expect(error.violations[0]?.message.en).toBe("From 'rejected' an account can only go to: nothing (final status).");
  });
});

// The table, written out once more by hand: the tests below generate every case from it.
const STEPS: Array<[AccountStep, AccountStatus[], AccountStatus | null, boolean, Role[]]> = [
  ['submit', ['DRAFT'], 'SUBMITTED', false, ['EDITOR', 'COMMUNICATIONS']],
  ['approve', ['SUBMITTED'], 'ACTIVE', false, ['COMMUNICATIONS']],
  ['requestChanges', ['SUBMITTED'], 'DRAFT', true, ['COMMUNICATIONS']],
  ['reject', ['SUBMITTED'], 'REJECTED', true, ['COMMUNICATIONS']],
  ['suspend', ['ACTIVE'], 'SUSPENDED', false, ['EDITOR', 'COMMUNICATIONS']],
  ['reinstate', ['SUSPENDED'], 'ACTIVE', false, ['COMMUNICATIONS']],
  ['archive', ['ACTIVE', 'SUSPENDED'], 'ARCHIVED', true, ['EDITOR', 'COMMUNICATIONS']],
  ['reactivate', ['ARCHIVED'], 'ACTIVE', true, ['COMMUNICATIONS']],
  ['review', ['ACTIVE', 'SUSPENDED'], null, false, ['EDITOR', 'COMMUNICATIONS']],
];

const thrown = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('did not throw');
};

describe('account steps', () => {
  it('the table matches the issue', () => {
    expect(ACCOUNT_STEP_NAMES).toEqual(STEPS.map(([s]) => s));
    for (const [step, from, to, reason, roles] of STEPS) {
      expect(ACCOUNT_STEPS[step]).toEqual(expect.objectContaining({ from, to, reasonRequired: reason, roles }));
    }
  });

  it('the steps move exactly along ACCOUNT_TRANSITIONS', () => {
    const fromSteps = ACCOUNT_STATUSES.map((s) => [s, [...new Set(STEPS.filter(([, from, to]) => to !== null && from.includes(s)).map(([, , to]) => to))].sort()]);
    expect(fromSteps).toEqual(ACCOUNT_STATUSES.map((s) => [s, [...ACCOUNT_TRANSITIONS[s]].sort()]));
  });

  const allowedCases = STEPS.flatMap(([step, from, to, , roles]) => from.flatMap((f) => roles.map((r) => [step, f, r, to ?? f] as [AccountStep, AccountStatus, Role, AccountStatus])));
  it.each(allowedCases)('%s from %s by %s → %s', (step, from, role, to) => {
    expect(planStep(step, from, [role], 'omdat het moet')).toEqual({ step, from, to, reasonRequired: ACCOUNT_STEPS[step].reasonRequired });
    expect(availableSteps(from, [role])).toContain(step);
  });

  const illegalCases = STEPS.flatMap(([step, from, , , roles]) => ACCOUNT_STATUSES.filter((s) => !from.includes(s)).map((s) => [step, s, roles[0] as Role] as [AccountStep, AccountStatus, Role]));
  it.each(illegalCases)('%s from %s is ILLEGAL_TRANSITION', (step, from, role) => {
    const error = thrown(() => planStep(step, from, [role], 'reden'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(error.messageNl.length).toBeGreaterThan(0);
    expect(availableSteps(from, [role])).not.toContain(step);
  });

  const forbiddenCases = STEPS.flatMap(([step, from, , , roles]) => ROLES.filter((r) => !roles.includes(r)).flatMap((r) => ACCOUNT_STATUSES.map((s) => [step, s, r] as [AccountStep, AccountStatus, Role])));
  it.each(forbiddenCases)('%s from %s by %s is FORBIDDEN', (step, from, role) => {
    expect(thrown(() => planStep(step, from, [role])).code).toBe(ErrorCode.FORBIDDEN);
  });

  it.each(STEPS.filter(([, , , reason]) => reason).flatMap(([step, from]) => [[step, from[0], ''], [step, from[0], '   '], [step, from[0], null]] as Array<[AccountStep, AccountStatus, string | null]>))(
    '%s from %s without reason %p is BAD_USER_INPUT',
    (step, from, reason) => {
      const error = thrown(() => planStep(step, from, ['COMMUNICATIONS'], reason));
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.violations[0]?.field).toBe('reason');
    },
  );

  it('any one of several roles is enough', () => {
    expect(planStep('approve', 'SUBMITTED', ['EDITOR', 'COMMUNICATIONS']).to).toBe('ACTIVE');
  });

  it('explains in Dutch and English', () => {
    const illegal = thrown(() => planStep('approve', 'DRAFT', ['COMMUNICATIONS']));
    expect(illegal.messageNl).toBe("Een account met status 'concept' kan niet goedkeuren; dat kan alleen vanuit: 'ingediend'.");
    expect(illegal.message).toBe("An account with status 'draft' cannot approve; only from: 'submitted'.");
    const forbidden = thrown(() => planStep('approve', 'SUBMITTED', ['EDITOR']));
    expect([forbidden.messageNl, forbidden.message]).toEqual(['U mag een account niet goedkeuren.', 'You may not approve an account.']);
  });

  it('unknown steps are BAD_USER_INPUT', () => {
    expect(thrown(() => planStep('delete' as AccountStep, 'ACTIVE', ['ADMIN'])).code).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe('periodic review', () => {
  it.each<[string, number, string]>([
    ['2026-01-15T10:00:00.000Z', 6, '2026-07-15T10:00:00.000Z'],
    ['2026-08-31T00:00:00.000Z', 6, '2027-02-28T00:00:00.000Z'],
    ['2027-08-31T00:00:00.000Z', 6, '2028-02-29T00:00:00.000Z'],
    ['2026-01-31T12:00:00.000Z', 1, '2026-02-28T12:00:00.000Z'],
    ['2026-11-30T00:00:00.000Z', 3, '2027-02-28T00:00:00.000Z'],
    ['2026-03-01T00:00:00.000Z', 12, '2027-03-01T00:00:00.000Z'],
  ])('%s + %d months = %s', (from, months, due) => {
    expect(reviewDueAt(from, months).toISOString()).toBe(due);
    expect(reviewDueAt(new Date(from), months).toISOString()).toBe(due);
  });

  it.each<[string | null, string, boolean]>([
    ['2026-01-15T10:00:00.000Z', '2026-07-15T10:00:00.000Z', false],
    ['2026-01-15T10:00:00.000Z', '2026-07-15T10:00:00.001Z', true],
    ['2026-01-15T10:00:00.000Z', '2026-03-01T00:00:00.000Z', false],
    [null, '2026-03-01T00:00:00.000Z', true],
  ])('last %s, now %s: overdue %s', (last, now, overdue) => {
    expect(isReviewOverdue(last, 6, new Date(now))).toBe(overdue);
  });

  it('rejects an invalid date', () => {
    expect(thrown(() => reviewDueAt('not a date', 6)).code).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
