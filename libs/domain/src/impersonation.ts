import type { Role } from './enums';
import { DomainError, ErrorCode } from './errors';
import type { LocalizedText } from './errors';

// Impersonation reports ("fakers", standpunt 6 of the policy note): intake, triage by Communications,
// the legal decision by Bureau Juridische Zaken, the takedown and the watch for a relaunch.

export const ImpersonationState = {
  RECEIVED: 'RECEIVED',
  TRIAGED: 'TRIAGED',
  LEGAL_REVIEW: 'LEGAL_REVIEW',
  TAKEDOWN_REQUESTED: 'TAKEDOWN_REQUESTED',
  TAKEDOWN_ACCEPTED: 'TAKEDOWN_ACCEPTED',
  TAKEDOWN_DENIED: 'TAKEDOWN_DENIED',
  MONITORING: 'MONITORING',
  CLOSED: 'CLOSED',
  DISMISSED: 'DISMISSED',
} as const;
export type ImpersonationState = (typeof ImpersonationState)[keyof typeof ImpersonationState];
export const IMPERSONATION_STATES = Object.values(ImpersonationState);
/** A case in one of these is over: a new report of the same suspect opens a new case. */
export const FINAL_IMPERSONATION_STATES: readonly ImpersonationState[] = ['CLOSED', 'DISMISSED'];
export const OPEN_IMPERSONATION_STATES: readonly ImpersonationState[] = IMPERSONATION_STATES.filter((s) => !FINAL_IMPERSONATION_STATES.includes(s));

export const ImpersonationSource = { PUBLIC: 'PUBLIC', STAFF: 'STAFF', MONITORING: 'MONITORING' } as const;
export type ImpersonationSource = (typeof ImpersonationSource)[keyof typeof ImpersonationSource];
export const IMPERSONATION_SOURCES = Object.values(ImpersonationSource);

export const DismissalReason = { DUPLICATE: 'DUPLICATE', UNRELATED: 'UNRELATED', PARODY_ALLOWED: 'PARODY_ALLOWED' } as const;
export type DismissalReason = (typeof DismissalReason)[keyof typeof DismissalReason];
export const DISMISSAL_REASONS = Object.values(DismissalReason);

export const LegalDecision = {
  IMPERSONATION: 'IMPERSONATION',
  PARODY_ALLOWED: 'PARODY_ALLOWED',
  NOT_RELATED: 'NOT_RELATED',
  INSUFFICIENT_EVIDENCE: 'INSUFFICIENT_EVIDENCE',
} as const;
export type LegalDecision = (typeof LegalDecision)[keyof typeof LegalDecision];
export const LEGAL_DECISIONS = Object.values(LegalDecision);

export const TakedownOutcome = { ACCEPTED: 'ACCEPTED', DENIED: 'DENIED' } as const;
export type TakedownOutcome = (typeof TakedownOutcome)[keyof typeof TakedownOutcome];
export const TAKEDOWN_OUTCOMES = Object.values(TakedownOutcome);

export const IMPERSONATION_STATE_LABELS: Readonly<Record<ImpersonationState, LocalizedText>> = {
  RECEIVED: { nl: 'ontvangen', en: 'received' },
  TRIAGED: { nl: 'beoordeeld', en: 'triaged' },
  LEGAL_REVIEW: { nl: 'juridische toets', en: 'legal review' },
  TAKEDOWN_REQUESTED: { nl: 'verwijdering aangevraagd', en: 'takedown requested' },
  TAKEDOWN_ACCEPTED: { nl: 'verwijdering toegekend', en: 'takedown accepted' },
  TAKEDOWN_DENIED: { nl: 'verwijdering geweigerd', en: 'takedown denied' },
  MONITORING: { nl: 'in de gaten houden', en: 'monitoring' },
  CLOSED: { nl: 'gesloten', en: 'closed' },
  DISMISSED: { nl: 'afgewezen', en: 'dismissed' },
};

/**
 * What a legal decision does to the case:
 * - IMPERSONATION: the case stays in LEGAL_REVIEW with the decision recorded, the suspect is remembered as a
 *   known impersonator, and only now may legal file the takedown (recordTakedownRequest).
 * - PARODY_ALLOWED: DISMISSED with reason PARODY_ALLOWED (satire that is clearly not us is free speech).
 * - NOT_RELATED: DISMISSED with reason UNRELATED (it does not pose as the municipality).
 * - INSUFFICIENT_EVIDENCE: CLOSED, not dismissed: nothing was found to be fine; a new report with more
 *   evidence opens a new case.
 */
export const LEGAL_DECISION_EFFECT: Readonly<Record<LegalDecision, { to: ImpersonationState; dismissalReason: DismissalReason | null }>> = {
  IMPERSONATION: { to: 'LEGAL_REVIEW', dismissalReason: null },
  PARODY_ALLOWED: { to: 'DISMISSED', dismissalReason: 'PARODY_ALLOWED' },
  NOT_RELATED: { to: 'DISMISSED', dismissalReason: 'UNRELATED' },
  INSUFFICIENT_EVIDENCE: { to: 'CLOSED', dismissalReason: null },
};

// ---------------------------------------------------------------------------------------------
// Named steps: the API's mutations (triageImpersonationReport, recordLegalDecision, ...).

export const ImpersonationStep = {
  triage: 'triage',
  dismiss: 'dismiss',
  sendToLegal: 'sendToLegal',
  recordLegalDecision: 'recordLegalDecision',
  recordTakedownRequest: 'recordTakedownRequest',
  recordTakedownOutcome: 'recordTakedownOutcome',
  startMonitoring: 'startMonitoring',
  close: 'close',
} as const;
export type ImpersonationStep = (typeof ImpersonationStep)[keyof typeof ImpersonationStep];
export const IMPERSONATION_STEP_NAMES = Object.values(ImpersonationStep);

export interface ImpersonationStepDefinition {
  from: readonly ImpersonationState[];
  /** Where the step can lead; the step's input picks one (the decision, the outcome). */
  to: readonly ImpersonationState[];
  roles: readonly Role[];
  label: LocalizedText;
}

/**
 * Who may do what. Segregation of duties: Communications (Team #ggsm, the central point for signals)
 * triages, dismisses and sends to legal; only Legal records legal decisions and takedowns. Watching for a
 * relaunch and closing are done by either (web care watches, legal ends its file). Triage may be repeated
 * while TRIAGED to change the imitated account. A takedown may be filed again after a denial or when
 * monitoring catches a relaunch. EDITOR, ADMIN and AUDITOR take no step.
 */
export const IMPERSONATION_STEPS: Readonly<Record<ImpersonationStep, ImpersonationStepDefinition>> = {
  triage: { from: ['RECEIVED', 'TRIAGED'], to: ['TRIAGED'], roles: ['COMMUNICATIONS'], label: { nl: 'beoordelen', en: 'triage' } },
  dismiss: { from: ['RECEIVED', 'TRIAGED'], to: ['DISMISSED'], roles: ['COMMUNICATIONS'], label: { nl: 'afwijzen', en: 'dismiss' } },
  sendToLegal: { from: ['TRIAGED'], to: ['LEGAL_REVIEW'], roles: ['COMMUNICATIONS'], label: { nl: 'doorsturen naar Juridische Zaken', en: 'send to legal' } },
  recordLegalDecision: {
    from: ['LEGAL_REVIEW'],
    to: ['LEGAL_REVIEW', 'DISMISSED', 'CLOSED'],
    roles: ['LEGAL'],
    label: { nl: 'juridisch besluit vastleggen', en: 'record the legal decision' },
  },
  recordTakedownRequest: {
    from: ['LEGAL_REVIEW', 'TAKEDOWN_DENIED', 'MONITORING'],
    to: ['TAKEDOWN_REQUESTED'],
    roles: ['LEGAL'],
    label: { nl: 'verwijderverzoek vastleggen', en: 'record the takedown request' },
  },
  recordTakedownOutcome: {
    from: ['TAKEDOWN_REQUESTED'],
    to: ['TAKEDOWN_ACCEPTED', 'TAKEDOWN_DENIED'],
    roles: ['LEGAL'],
    label: { nl: 'uitkomst verwijderverzoek vastleggen', en: 'record the takedown outcome' },
  },
  startMonitoring: {
    from: ['TAKEDOWN_ACCEPTED', 'TAKEDOWN_DENIED'],
    to: ['MONITORING'],
    roles: ['COMMUNICATIONS', 'LEGAL'],
    label: { nl: 'in de gaten houden', en: 'start monitoring' },
  },
  close: { from: ['TAKEDOWN_ACCEPTED', 'TAKEDOWN_DENIED', 'MONITORING'], to: ['CLOSED'], roles: ['COMMUNICATIONS', 'LEGAL'], label: { nl: 'sluiten', en: 'close' } },
};

/**
 * Every state → the states a step can take it to (TRIAGED → TRIAGED: a repeated triage; LEGAL_REVIEW →
 * LEGAL_REVIEW: the decision IMPERSONATION), derived from the steps, so the two never disagree.
 */
export const IMPERSONATION_TRANSITIONS: Readonly<Record<ImpersonationState, readonly ImpersonationState[]>> = Object.fromEntries(
  IMPERSONATION_STATES.map((s) => [
    s,
    [...new Set(IMPERSONATION_STEP_NAMES.filter((n) => IMPERSONATION_STEPS[n].from.includes(s)).flatMap((n) => IMPERSONATION_STEPS[n].to))],
  ]),
) as unknown as Record<ImpersonationState, readonly ImpersonationState[]>;

/** What a step needs to know about the case besides its state. */
export interface ImpersonationCaseFacts {
  state: ImpersonationState;
  legalDecision?: LegalDecision | null;
}

/** The step's own input that decides where it leads. */
export interface ImpersonationStepInput {
  decision?: LegalDecision;
  outcome?: TakedownOutcome;
  dismissalReason?: DismissalReason;
}

export interface ImpersonationStepPlan {
  step: ImpersonationStep;
  from: ImpersonationState;
  to: ImpersonationState;
  dismissalReason: DismissalReason | null;
  /** The suspect is to be remembered as a known impersonator (decision IMPERSONATION). */
  knownImpersonator: boolean;
}

const stateLabel = (s: ImpersonationState): LocalizedText => IMPERSONATION_STATE_LABELS[s] ?? { nl: String(s), en: String(s) };

function illegal(step: ImpersonationStep, from: ImpersonationState, why?: LocalizedText): DomainError {
  const label = IMPERSONATION_STEPS[step].label;
  const f = stateLabel(from);
  const allowed = IMPERSONATION_STEPS[step].from.map(stateLabel);
  const only = { nl: allowed.map((s) => `'${s.nl}'`).join(', '), en: allowed.map((s) => `'${s.en}'`).join(', ') };
  const message = why ?? { nl: `Alleen vanuit: ${only.nl}.`, en: `Only from: ${only.en}.` };
  return new DomainError(
    ErrorCode.ILLEGAL_TRANSITION,
    { nl: `Een melding met status '${f.nl}' kan niet: ${label.nl}. ${message.nl}`, en: `A report in state '${f.en}' cannot ${label.en}. ${message.en}` },
    [{ field: 'state', code: 'ILLEGAL_TRANSITION', message }],
  );
}

function badInput(field: string, code: string, message: LocalizedText): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field, code, message }]);
}

/**
 * Where the case goes when `roles` take `step`. FORBIDDEN when none of the roles may take it (checked
 * first, so the caller learns nothing about the case), ILLEGAL_TRANSITION when the case is not in a state
 * the step starts from (or a takedown is filed without an IMPERSONATION decision, or a decision is
 * recorded twice), BAD_USER_INPUT when the input that picks the target is missing.
 */
export function planImpersonationStep(step: ImpersonationStep, facts: ImpersonationCaseFacts, roles: readonly Role[], input: ImpersonationStepInput = {}): ImpersonationStepPlan {
  const def = IMPERSONATION_STEPS[step];
  if (!def) throw badInput('step', 'STEP_UNKNOWN', { nl: `Onbekende stap "${String(step)}".`, en: `Unknown step "${String(step)}".` });
  if (!roles.some((r) => def.roles.includes(r))) {
    throw new DomainError(ErrorCode.FORBIDDEN, { nl: `U mag bij een melding niet: ${def.label.nl}.`, en: `You may not ${def.label.en} a report.` });
  }
  const from = facts.state;
  if (!def.from.includes(from)) throw illegal(step, from);
  const plan = (to: ImpersonationState, dismissalReason: DismissalReason | null = null, knownImpersonator = false): ImpersonationStepPlan => ({ step, from, to, dismissalReason, knownImpersonator });
  switch (step) {
    case 'dismiss':
      if (!input.dismissalReason || !DISMISSAL_REASONS.includes(input.dismissalReason)) {
        throw badInput('reason', 'DISMISSAL_REASON_REQUIRED', { nl: 'Kies een reden om af te wijzen.', en: 'Choose a reason to dismiss.' });
      }
      return plan('DISMISSED', input.dismissalReason);
    case 'recordLegalDecision': {
      if (facts.legalDecision) {
        throw illegal(step, from, { nl: 'Het juridisch besluit is al vastgelegd.', en: 'The legal decision has already been recorded.' });
      }
      if (!input.decision || !LEGAL_DECISIONS.includes(input.decision)) {
        throw badInput('decision', 'DECISION_REQUIRED', { nl: 'Kies een besluit.', en: 'Choose a decision.' });
      }
      const effect = LEGAL_DECISION_EFFECT[input.decision];
      return plan(effect.to, effect.dismissalReason, input.decision === 'IMPERSONATION');
    }
    case 'recordTakedownRequest':
      if (facts.legalDecision !== 'IMPERSONATION') {
        throw illegal(step, from, {
          nl: 'Een verwijderverzoek kan pas na het juridisch besluit dat het om imitatie gaat.',
          en: 'A takedown can only be requested after the legal decision that this is impersonation.',
        });
      }
      return plan('TAKEDOWN_REQUESTED');
    case 'recordTakedownOutcome':
      if (!input.outcome || !TAKEDOWN_OUTCOMES.includes(input.outcome)) {
        throw badInput('outcome', 'OUTCOME_REQUIRED', { nl: 'Kies de uitkomst.', en: 'Choose the outcome.' });
      }
      return plan(input.outcome === 'ACCEPTED' ? 'TAKEDOWN_ACCEPTED' : 'TAKEDOWN_DENIED');
    default:
      return plan(def.to[0] as ImpersonationState);
  }
}

/** The steps `roles` can take on the case now: the buttons the console shows. */
export function availableImpersonationSteps(facts: ImpersonationCaseFacts, roles: readonly Role[]): ImpersonationStep[] {
  return IMPERSONATION_STEP_NAMES.filter((s) => {
    const def = IMPERSONATION_STEPS[s];
    if (!def.from.includes(facts.state) || !roles.some((r) => def.roles.includes(r))) return false;
    if (s === 'recordLegalDecision') return !facts.legalDecision;
    if (s === 'recordTakedownRequest') return facts.legalDecision === 'IMPERSONATION';
    return true;
  });
}

export function isOpenImpersonationState(state: ImpersonationState): boolean {
  return !FINAL_IMPERSONATION_STATES.includes(state);
}

// ---------------------------------------------------------------------------------------------
// Time limits in working days

export interface ImpersonationTimeLimits {
  /** Working days a case may stay in a state; null or absent: no limit there. */
  workingDays: Partial<Record<ImpersonationState, number | null>>;
  /** Whose calendar decides what a Saturday is. */
  timeZone: string;
}

/**
 * Triage within 2 working days, the legal decision (and, when it is IMPERSONATION, the takedown request:
 * the case stays in LEGAL_REVIEW) within 5; the platform is chased after 10; after a takedown outcome
 * Communications or Legal decide within 5 whether to watch or close; a watch runs 20 working days.
 */
export const DEFAULT_IMPERSONATION_TIME_LIMITS: ImpersonationTimeLimits = {
  workingDays: { RECEIVED: 2, TRIAGED: 2, LEGAL_REVIEW: 5, TAKEDOWN_REQUESTED: 10, TAKEDOWN_ACCEPTED: 5, TAKEDOWN_DENIED: 5, MONITORING: 20, CLOSED: null, DISMISSED: null },
  timeZone: 'Europe/Amsterdam',
};

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in `timeZone` as if it were UTC (milliseconds). */
function wallClock(t: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year as number, (p.month as number) - 1, p.day as number, p.hour as number, p.minute as number, p.second as number) + (((t % 1000) + 1000) % 1000);
}

/** The moment at which the wall clock in `timeZone` shows `wall` (the later one in a DST gap). */
function fromWallClock(wall: number, timeZone: string): number {
  const guess = wall - (wallClock(wall, timeZone) - wall);
  return wall - (wallClock(guess, timeZone) - guess);
}

const isWeekend = (wall: number) => {
  const d = new Date(wall).getUTCDay();
  return d === 0 || d === 6;
};

/**
 * `days` working days (Monday to Friday, in `timeZone`) after `from`, at the same time of day. A case that
 * comes in on a Saturday or Sunday starts counting on Monday 00:00. Public holidays count as working days.
 */
export function addWorkingDays(from: Date | string, days: number, timeZone = DEFAULT_IMPERSONATION_TIME_LIMITS.timeZone): Date {
  const start = new Date(from).getTime();
  if (Number.isNaN(start)) throw badInput('enteredAt', 'DATE_INVALID', { nl: 'Ongeldige datum.', en: 'Invalid date.' });
  if (!Number.isInteger(days) || days < 0) throw badInput('days', 'DAYS_INVALID', { nl: 'Ongeldig aantal werkdagen.', en: 'Invalid number of working days.' });
  let wall = wallClock(start, timeZone);
  while (isWeekend(wall)) wall = Math.floor(wall / DAY) * DAY + DAY;
  for (let added = 0; added < days; ) {
    wall += DAY;
    if (!isWeekend(wall)) added++;
  }
  return new Date(fromWallClock(wall, timeZone));
}

/** When a case that entered `state` at `enteredAt` must have moved on; null when the state has no limit. */
export function dueAt(state: ImpersonationState, enteredAt: Date | string, limits: ImpersonationTimeLimits = DEFAULT_IMPERSONATION_TIME_LIMITS): Date | null {
  const days = limits.workingDays[state];
  if (days === null || days === undefined || FINAL_IMPERSONATION_STATES.includes(state)) return null;
  return addWorkingDays(enteredAt, days, limits.timeZone);
}

export function isOverdue(state: ImpersonationState, enteredAt: Date | string, now: Date = new Date(), limits: ImpersonationTimeLimits = DEFAULT_IMPERSONATION_TIME_LIMITS): boolean {
  const due = dueAt(state, enteredAt, limits);
  return due !== null && now.getTime() > due.getTime();
}

// ---------------------------------------------------------------------------------------------
// References: IMP-2026-0001 (the year, then the year's sequence, at least four digits)

const REFERENCE = /^IMP-(\d{4})-(\d{4,})$/;

export function formatImpersonationReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(sequence) || sequence < 1) {
    throw badInput('reference', 'REFERENCE_INVALID', { nl: 'Ongeldig kenmerk.', en: 'Invalid reference.' });
  }
  return `IMP-${year}-${String(sequence).padStart(4, '0')}`;
}

/** The year and sequence of a reference such as "imp-2026-0001" (case and spaces forgiven), or null. */
export function parseImpersonationReference(value: string): { year: number; sequence: number } | null {
  const m = REFERENCE.exec(value.trim().toUpperCase());
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null;
}
