import { DomainError } from './errors';
import { ROLES, type Role } from './enums';
import {
  DEFAULT_IMPERSONATION_TIME_LIMITS,
  IMPERSONATION_STATES,
  IMPERSONATION_STEP_NAMES,
  IMPERSONATION_STEPS,
  IMPERSONATION_TRANSITIONS,
  type ImpersonationCaseFacts,
  type ImpersonationState,
  type ImpersonationStep,
  type ImpersonationStepInput,
  type LegalDecision,
  addWorkingDays,
  availableImpersonationSteps,
  dueAt,
  formatImpersonationReference,
  isOpenImpersonationState,
  isOverdue,
  parseImpersonationReference,
  planImpersonationStep,
} from './impersonation';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof DomainError ? err.code : 'NOT_A_DOMAIN_ERROR';
  }
};

// Every legal move: step, the case as it stands, the step's input, the role, where it leads.
const LEGAL: [ImpersonationStep, ImpersonationCaseFacts, ImpersonationStepInput, Role, ImpersonationState, string | null][] = [
  ['triage', { state: 'RECEIVED' }, {}, 'COMMUNICATIONS', 'TRIAGED', null],
  ['triage', { state: 'TRIAGED' }, {}, 'COMMUNICATIONS', 'TRIAGED', null],
  ['dismiss', { state: 'RECEIVED' }, { dismissalReason: 'DUPLICATE' }, 'COMMUNICATIONS', 'DISMISSED', 'DUPLICATE'],
  ['dismiss', { state: 'TRIAGED' }, { dismissalReason: 'UNRELATED' }, 'COMMUNICATIONS', 'DISMISSED', 'UNRELATED'],
  ['dismiss', { state: 'TRIAGED' }, { dismissalReason: 'PARODY_ALLOWED' }, 'COMMUNICATIONS', 'DISMISSED', 'PARODY_ALLOWED'],
  ['sendToLegal', { state: 'TRIAGED' }, {}, 'COMMUNICATIONS', 'LEGAL_REVIEW', null],
  ['recordLegalDecision', { state: 'LEGAL_REVIEW' }, { decision: 'IMPERSONATION' }, 'LEGAL', 'LEGAL_REVIEW', null],
  ['recordLegalDecision', { state: 'LEGAL_REVIEW' }, { decision: 'PARODY_ALLOWED' }, 'LEGAL', 'DISMISSED', 'PARODY_ALLOWED'],
  ['recordLegalDecision', { state: 'LEGAL_REVIEW' }, { decision: 'NOT_RELATED' }, 'LEGAL', 'DISMISSED', 'UNRELATED'],
  ['recordLegalDecision', { state: 'LEGAL_REVIEW' }, { decision: 'INSUFFICIENT_EVIDENCE' }, 'LEGAL', 'CLOSED', null],
  ['recordTakedownRequest', { state: 'LEGAL_REVIEW', legalDecision: 'IMPERSONATION' }, {}, 'LEGAL', 'TAKEDOWN_REQUESTED', null],
  ['recordTakedownRequest', { state: 'TAKEDOWN_DENIED', legalDecision: 'IMPERSONATION' }, {}, 'LEGAL', 'TAKEDOWN_REQUESTED', null],
  ['recordTakedownRequest', { state: 'MONITORING', legalDecision: 'IMPERSONATION' }, {}, 'LEGAL', 'TAKEDOWN_REQUESTED', null],
  ['recordTakedownOutcome', { state: 'TAKEDOWN_REQUESTED', legalDecision: 'IMPERSONATION' }, { outcome: 'ACCEPTED' }, 'LEGAL', 'TAKEDOWN_ACCEPTED', null],
  ['recordTakedownOutcome', { state: 'TAKEDOWN_REQUESTED', legalDecision: 'IMPERSONATION' }, { outcome: 'DENIED' }, 'LEGAL', 'TAKEDOWN_DENIED', null],
  ['startMonitoring', { state: 'TAKEDOWN_ACCEPTED', legalDecision: 'IMPERSONATION' }, {}, 'COMMUNICATIONS', 'MONITORING', null],
  ['startMonitoring', { state: 'TAKEDOWN_DENIED', legalDecision: 'IMPERSONATION' }, {}, 'LEGAL', 'MONITORING', null],
  ['close', { state: 'MONITORING', legalDecision: 'IMPERSONATION' }, {}, 'COMMUNICATIONS', 'CLOSED', null],
  ['close', { state: 'TAKEDOWN_ACCEPTED', legalDecision: 'IMPERSONATION' }, {}, 'LEGAL', 'CLOSED', null],
  ['close', { state: 'TAKEDOWN_DENIED', legalDecision: 'IMPERSONATION' }, {}, 'LEGAL', 'CLOSED', null],
];

/** A complete input for a step, so that only the state decides. */
const INPUT: Record<ImpersonationStep, ImpersonationStepInput> = {
  triage: {},
  dismiss: { dismissalReason: 'DUPLICATE' },
  sendToLegal: {},
  recordLegalDecision: { decision: 'IMPERSONATION' },
  recordTakedownRequest: {},
  recordTakedownOutcome: { outcome: 'ACCEPTED' },
  startMonitoring: {},
  close: {},
};

describe('impersonation lifecycle', () => {
  it.each(LEGAL)('%s from %j with %j by %s leads to %s (dismissal reason %s)', (step, facts, input, role, to, reason) => {
    const plan = planImpersonationStep(step, facts, [role], input);
    expect(plan).toEqual({ step, from: facts.state, to, dismissalReason: reason, knownImpersonator: step === 'recordLegalDecision' && input.decision === 'IMPERSONATION' });
  });

  // Every (step, state) pair the table of steps does not allow: ILLEGAL_TRANSITION, for a role that may take the step.
  const forbiddenPairs = IMPERSONATION_STEP_NAMES.flatMap((step) =>
    IMPERSONATION_STATES.filter((s) => !IMPERSONATION_STEPS[step].from.includes(s)).map((state) => [step, state] as [ImpersonationStep, ImpersonationState]),
  );
  it('has many forbidden moves, all listed', () => expect(forbiddenPairs.length).toBe(IMPERSONATION_STEP_NAMES.length * IMPERSONATION_STATES.length - 15));
  it.each(forbiddenPairs)('%s from %s: ILLEGAL_TRANSITION', (step, state) => {
    const role = IMPERSONATION_STEPS[step].roles[0] as Role;
    expect(codeOf(() => planImpersonationStep(step, { state, legalDecision: 'IMPERSONATION' }, [role], INPUT[step]))).toBe('ILLEGAL_TRANSITION');
  });

  it('from the final states nothing moves', () => {
    for (const state of ['CLOSED', 'DISMISSED'] as const) {
      expect(IMPERSONATION_TRANSITIONS[state]).toEqual([]);
      expect(isOpenImpersonationState(state)).toBe(false);
      for (const role of ROLES) expect(availableImpersonationSteps({ state, legalDecision: 'IMPERSONATION' }, [role])).toEqual([]);
    }
  });

  // Every (step, role) pair the table does not allow: FORBIDDEN, whatever the state.
  const wrongRoles = IMPERSONATION_STEP_NAMES.flatMap((step) => ROLES.filter((r) => !IMPERSONATION_STEPS[step].roles.includes(r)).map((role) => [step, role] as [ImpersonationStep, Role]));
  it.each(wrongRoles)('%s by %s: FORBIDDEN before anything else', (step, role) => {
    const from = IMPERSONATION_STEPS[step].from[0] as ImpersonationState;
    expect(codeOf(() => planImpersonationStep(step, { state: from, legalDecision: 'IMPERSONATION' }, [role], INPUT[step]))).toBe('FORBIDDEN');
    expect(codeOf(() => planImpersonationStep(step, { state: 'CLOSED' }, [role], INPUT[step]))).toBe('FORBIDDEN');
  });
  it('only LEGAL records legal decisions and takedowns', () => {
    for (const step of ['recordLegalDecision', 'recordTakedownRequest', 'recordTakedownOutcome'] as const) expect(IMPERSONATION_STEPS[step].roles).toEqual(['LEGAL']);
  });

  it.each<[string, ImpersonationStep, ImpersonationCaseFacts, ImpersonationStepInput, string]>([
    ['a takedown without a decision', 'recordTakedownRequest', { state: 'LEGAL_REVIEW' }, {}, 'ILLEGAL_TRANSITION'],
    ['a takedown after the decision "parody"', 'recordTakedownRequest', { state: 'LEGAL_REVIEW', legalDecision: 'PARODY_ALLOWED' }, {}, 'ILLEGAL_TRANSITION'],
    ['a second legal decision', 'recordLegalDecision', { state: 'LEGAL_REVIEW', legalDecision: 'IMPERSONATION' }, { decision: 'NOT_RELATED' }, 'ILLEGAL_TRANSITION'],
    ['a decision without a value', 'recordLegalDecision', { state: 'LEGAL_REVIEW' }, {}, 'BAD_USER_INPUT'],
    ['a decision that does not exist', 'recordLegalDecision', { state: 'LEGAL_REVIEW' }, { decision: 'GUILTY' as LegalDecision }, 'BAD_USER_INPUT'],
    ['a dismissal without a reason', 'dismiss', { state: 'RECEIVED' }, {}, 'BAD_USER_INPUT'],
    ['an outcome without a value', 'recordTakedownOutcome', { state: 'TAKEDOWN_REQUESTED', legalDecision: 'IMPERSONATION' }, {}, 'BAD_USER_INPUT'],
  ])('%s: %s', (_, step, facts, input, code) => {
    expect(codeOf(() => planImpersonationStep(step, facts, ['LEGAL', 'COMMUNICATIONS'], input))).toBe(code);
  });

  it('the transitions are exactly those of the steps', () => {
    const fromSteps = new Set(LEGAL.map(([, f, , , to]) => `${f.state}>${to}`));
    const declared = new Set(IMPERSONATION_STATES.flatMap((s) => IMPERSONATION_TRANSITIONS[s].map((t) => `${s}>${t}`)));
    expect([...declared].sort()).toEqual([...fromSteps].sort());
  });

  it.each<[ImpersonationCaseFacts, Role, ImpersonationStep[]]>([
    [{ state: 'RECEIVED' }, 'COMMUNICATIONS', ['triage', 'dismiss']],
    [{ state: 'TRIAGED' }, 'COMMUNICATIONS', ['triage', 'dismiss', 'sendToLegal']],
    [{ state: 'TRIAGED' }, 'LEGAL', []],
    [{ state: 'LEGAL_REVIEW' }, 'LEGAL', ['recordLegalDecision']],
    [{ state: 'LEGAL_REVIEW', legalDecision: 'IMPERSONATION' }, 'LEGAL', ['recordTakedownRequest']],
    [{ state: 'LEGAL_REVIEW' }, 'COMMUNICATIONS', []],
    [{ state: 'TAKEDOWN_REQUESTED', legalDecision: 'IMPERSONATION' }, 'LEGAL', ['recordTakedownOutcome']],
    [{ state: 'TAKEDOWN_ACCEPTED', legalDecision: 'IMPERSONATION' }, 'COMMUNICATIONS', ['startMonitoring', 'close']],
    [{ state: 'MONITORING', legalDecision: 'IMPERSONATION' }, 'LEGAL', ['recordTakedownRequest', 'close']],
    [{ state: 'RECEIVED' }, 'EDITOR', []],
    [{ state: 'RECEIVED' }, 'AUDITOR', []],
    [{ state: 'LEGAL_REVIEW' }, 'ADMIN', []],
  ])('available steps in %j for %s: %j', (facts, role, steps) => {
    expect(availableImpersonationSteps(facts, [role])).toEqual(steps);
  });
});

describe('working days', () => {
  // 2026-05-11 is a Monday. Times in UTC; Amsterdam is UTC+2 in May.
  it.each<[string, number, string]>([
    ['2026-05-11T08:00:00Z', 2, '2026-05-13T08:00:00.000Z'], // Monday → Wednesday
    ['2026-05-14T08:00:00Z', 2, '2026-05-18T08:00:00.000Z'], // Thursday → over the weekend to Monday
    ['2026-05-15T08:00:00Z', 2, '2026-05-19T08:00:00.000Z'], // Friday → Tuesday
    ['2026-05-15T08:00:00Z', 1, '2026-05-18T08:00:00.000Z'], // Friday + 1 → Monday
    ['2026-05-16T10:00:00Z', 2, '2026-05-19T22:00:00.000Z'], // Saturday: counting starts Monday 00:00 in Amsterdam → end of Tuesday
    ['2026-05-17T10:00:00Z', 1, '2026-05-18T22:00:00.000Z'], // Sunday + 1 → end of Monday
    ['2026-05-15T23:30:00Z', 2, '2026-05-19T22:00:00.000Z'], // Friday 23:30 UTC is Saturday 01:30 in Amsterdam: a weekend report
    ['2026-05-17T22:30:00Z', 2, '2026-05-19T22:30:00.000Z'], // Sunday 22:30 UTC is Monday 00:30 in Amsterdam: a Monday report
    ['2026-05-11T08:00:00Z', 5, '2026-05-18T08:00:00.000Z'], // Monday + 5 → next Monday
    ['2026-05-13T08:00:00Z', 5, '2026-05-20T08:00:00.000Z'], // Wednesday + 5 → next Wednesday
    ['2026-05-11T08:00:00Z', 10, '2026-05-25T08:00:00.000Z'], // two weeks
    ['2026-05-11T08:00:00Z', 0, '2026-05-11T08:00:00.000Z'],
    ['2026-03-27T09:00:00Z', 2, '2026-03-31T08:00:00.000Z'], // Friday 10:00 CET + 2 → Tuesday 10:00 CEST (summer time began on the Sunday)
  ])('%s + %i working days = %s', (from, days, due) => {
    expect(addWorkingDays(from, days).toISOString()).toBe(due);
  });

  it('counts in another time zone when configured', () => {
    // Friday 23:30 UTC is still Friday in UTC: Friday + 2 → Tuesday.
    expect(addWorkingDays('2026-05-15T23:30:00Z', 2, 'UTC').toISOString()).toBe('2026-05-19T23:30:00.000Z');
  });

  it('refuses nonsense', () => {
    expect(codeOf(() => addWorkingDays('yesterday', 2))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => addWorkingDays('2026-05-11T08:00:00Z', -1))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => addWorkingDays('2026-05-11T08:00:00Z', 1.5))).toBe('BAD_USER_INPUT');
  });

  it('due dates per state: triage 2, legal 5, final states none; configurable', () => {
    const monday = '2026-05-11T08:00:00Z';
    expect(dueAt('RECEIVED', monday)?.toISOString()).toBe('2026-05-13T08:00:00.000Z');
    expect(dueAt('LEGAL_REVIEW', monday)?.toISOString()).toBe('2026-05-18T08:00:00.000Z');
    expect(dueAt('CLOSED', monday)).toBeNull();
    expect(dueAt('DISMISSED', monday)).toBeNull();
    const limits = { ...DEFAULT_IMPERSONATION_TIME_LIMITS, workingDays: { ...DEFAULT_IMPERSONATION_TIME_LIMITS.workingDays, RECEIVED: 1, MONITORING: null } };
    expect(dueAt('RECEIVED', monday, limits)?.toISOString()).toBe('2026-05-12T08:00:00.000Z');
    expect(dueAt('MONITORING', monday, limits)).toBeNull();
  });

  it.each<[ImpersonationState, string, string, boolean]>([
    ['RECEIVED', '2026-05-11T08:00:00Z', '2026-05-13T08:00:00Z', false], // exactly at the limit: not yet
    ['RECEIVED', '2026-05-11T08:00:00Z', '2026-05-13T08:00:01Z', true],
    ['RECEIVED', '2026-05-15T08:00:00Z', '2026-05-18T20:00:00Z', false], // Friday's report on Monday evening: one working day gone
    ['RECEIVED', '2026-05-15T08:00:00Z', '2026-05-19T09:00:00Z', true],
    ['LEGAL_REVIEW', '2026-05-11T08:00:00Z', '2026-05-15T08:00:00Z', false],
    ['LEGAL_REVIEW', '2026-05-11T08:00:00Z', '2026-05-18T09:00:00Z', true],
    ['CLOSED', '2020-01-01T00:00:00Z', '2026-05-18T09:00:00Z', false],
  ])('%s entered %s is overdue at %s: %s', (state, entered, now, overdue) => {
    expect(isOverdue(state, entered, new Date(now))).toBe(overdue);
  });
});

describe('references', () => {
  it.each<[number, number, string]>([
    [2026, 1, 'IMP-2026-0001'],
    [2026, 42, 'IMP-2026-0042'],
    [2027, 9999, 'IMP-2027-9999'],
    [2027, 10000, 'IMP-2027-10000'],
  ])('%i/%i → %s and back', (year, sequence, reference) => {
    expect(formatImpersonationReference(year, sequence)).toBe(reference);
    expect(parseImpersonationReference(reference)).toEqual({ year, sequence });
  });
  it('forgives case and spaces, refuses the rest', () => {
    expect(parseImpersonationReference(' imp-2026-0007 ')).toEqual({ year: 2026, sequence: 7 });
    for (const bad of ['IMP-26-0001', 'IMP-2026-1', 'IMP2026-0001', 'REF-2026-0001', '']) expect(parseImpersonationReference(bad)).toBeNull();
    expect(codeOf(() => formatImpersonationReference(2026, 0))).toBe('BAD_USER_INPUT');
  });
});
