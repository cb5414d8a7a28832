import { AccountKind, AccountStatus, Role } from './enums';
import { DomainError, ErrorCode } from './errors';
import type { LocalizedText } from './errors';

/**
 * The account lifecycle (PRODUCT.md). Nothing is ever deleted. REJECTED is final: "request changes"
 * (SUBMITTED → DRAFT) is the way back for a request that can be repaired, and a rejection must stay a
 * rejection in the record; a new request is a new account record. ARCHIVED has one way out: a
 * reactivation by Communications with a reason (the handle is still ours, so it comes back, not anew).
 * Kept equal to the named steps in `ACCOUNT_STEPS` (tested).
 */
export const ACCOUNT_TRANSITIONS: Readonly<Record<AccountStatus, readonly AccountStatus[]>> = {
  DRAFT: [AccountStatus.SUBMITTED],
  SUBMITTED: [AccountStatus.ACTIVE, AccountStatus.DRAFT, AccountStatus.REJECTED],
  ACTIVE: [AccountStatus.SUSPENDED, AccountStatus.ARCHIVED],
  SUSPENDED: [AccountStatus.ACTIVE, AccountStatus.ARCHIVED],
  REJECTED: [],
  ARCHIVED: [AccountStatus.ACTIVE],
};

export const ACCOUNT_STATUS_LABELS: Readonly<Record<AccountStatus, LocalizedText>> = {
  DRAFT: { nl: 'concept', en: 'draft' },
  SUBMITTED: { nl: 'ingediend', en: 'submitted' },
  ACTIVE: { nl: 'actief', en: 'active' },
  SUSPENDED: { nl: 'opgeschort', en: 'suspended' },
  REJECTED: { nl: 'afgewezen', en: 'rejected' },
  ARCHIVED: { nl: 'gearchiveerd', en: 'archived' },
};

export function canTransition(from: AccountStatus, to: AccountStatus): boolean {
  return ACCOUNT_TRANSITIONS[from]?.includes(to) ?? false;
}

export function nextStatuses(from: AccountStatus): readonly AccountStatus[] {
  return ACCOUNT_TRANSITIONS[from] ?? [];
}

export function isFinalStatus(status: AccountStatus): boolean {
  return nextStatuses(status).length === 0;
}

/** Throws `ILLEGAL_TRANSITION` when the lifecycle does not allow `from → to`. */
export function assertTransition(from: AccountStatus, to: AccountStatus): void {
  if (canTransition(from, to)) return;
  const f = ACCOUNT_STATUS_LABELS[from] ?? { nl: String(from), en: String(from) };
  const t = ACCOUNT_STATUS_LABELS[to] ?? { nl: String(to), en: String(to) };
  throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, {
    nl: `Een account kan niet van '${f.nl}' naar '${t.nl}' gaan.`,
    en: `An account cannot go from '${f.en}' to '${t.en}'.`,
  }, [
    {
      field: 'status',
      code: 'ILLEGAL_TRANSITION',
      message: {
        nl: `Van '${f.nl}' kan een account alleen naar: ${nextStatuses(from).map((s) => `'${ACCOUNT_STATUS_LABELS[s].nl}'`).join(', ') || 'niets (eindstatus)'}.`,
        en: `From '${f.en}' an account can only go to: ${nextStatuses(from).map((s) => `'${ACCOUNT_STATUS_LABELS[s].en}'`).join(', ') || 'nothing (final status)'}.`,
      },
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Named steps: what the API's mutations do (submitSocialAccount, approveSocialAccount, ...).

export const AccountStep = {
  submit: 'submit',
  approve: 'approve',
  requestChanges: 'requestChanges',
  reject: 'reject',
  suspend: 'suspend',
  reinstate: 'reinstate',
  archive: 'archive',
  reactivate: 'reactivate',
  review: 'review',
} as const;
export type AccountStep = (typeof AccountStep)[keyof typeof AccountStep];
export const ACCOUNT_STEP_NAMES = Object.values(AccountStep);

export interface AccountStepDefinition {
  from: readonly AccountStatus[];
  /** null: the status stays as it is (a review only records that it happened). */
  to: AccountStatus | null;
  reasonRequired: boolean;
  roles: readonly Role[];
  label: LocalizedText;
}

/**
 * Who may do what. Segregation of duties: Communications judges (approve, request changes, reject,
 * reinstate, reactivate); editors run their own accounts (submit, suspend a compromised account at once,
 * archive, review). ADMIN manages users and the catalogue, not accounts; AUDITOR and LEGAL change nothing
 * here. Object-level access (the editor's own unit subtree) and "approver ≠ requester" are checked by the
 * API and `approvalProblems`, not here.
 */
export const ACCOUNT_STEPS: Readonly<Record<AccountStep, AccountStepDefinition>> = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED', reasonRequired: false, roles: ['EDITOR', 'COMMUNICATIONS'], label: { nl: 'indienen', en: 'submit' } },
  approve: { from: ['SUBMITTED'], to: 'ACTIVE', reasonRequired: false, roles: ['COMMUNICATIONS'], label: { nl: 'goedkeuren', en: 'approve' } },
  requestChanges: { from: ['SUBMITTED'], to: 'DRAFT', reasonRequired: true, roles: ['COMMUNICATIONS'], label: { nl: 'wijzigingen vragen', en: 'request changes' } },
  reject: { from: ['SUBMITTED'], to: 'REJECTED', reasonRequired: true, roles: ['COMMUNICATIONS'], label: { nl: 'afwijzen', en: 'reject' } },
  suspend: { from: ['ACTIVE'], to: 'SUSPENDED', reasonRequired: false, roles: ['EDITOR', 'COMMUNICATIONS'], label: { nl: 'opschorten', en: 'suspend' } },
  reinstate: { from: ['SUSPENDED'], to: 'ACTIVE', reasonRequired: false, roles: ['COMMUNICATIONS'], label: { nl: 'heractiveren na opschorting', en: 'reinstate' } },
  archive: { from: ['ACTIVE', 'SUSPENDED'], to: 'ARCHIVED', reasonRequired: true, roles: ['EDITOR', 'COMMUNICATIONS'], label: { nl: 'archiveren', en: 'archive' } },
  reactivate: { from: ['ARCHIVED'], to: 'ACTIVE', reasonRequired: true, roles: ['COMMUNICATIONS'], label: { nl: 'uit archief halen', en: 'reactivate' } },
  review: { from: ['ACTIVE', 'SUSPENDED'], to: null, reasonRequired: false, roles: ['EDITOR', 'COMMUNICATIONS'], label: { nl: 'periodiek beoordelen', en: 'review' } },
};

export interface StepPlan {
  step: AccountStep;
  from: AccountStatus;
  to: AccountStatus;
  reasonRequired: boolean;
}

function stepLabel(step: string): LocalizedText {
  return ACCOUNT_STEPS[step as AccountStep]?.label ?? { nl: step, en: step };
}

/**
 * The status an account goes to when `roles` take `step` from `from`. Throws FORBIDDEN when none of the
 * roles may take the step (checked first, so a caller learns nothing about the account), ILLEGAL_TRANSITION
 * when the step does not start from `from`, and BAD_USER_INPUT when a `reason` is passed as an argument,
 * the step requires one and it is blank. Without the `reason` argument the caller checks `reasonRequired`.
 */
export function planStep(step: AccountStep, from: AccountStatus, roles: readonly Role[], reason?: string | null): StepPlan {
  const def = ACCOUNT_STEPS[step];
  if (!def) {
    const message = { nl: `Onbekende stap "${String(step)}".`, en: `Unknown step "${String(step)}".` };
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'step', code: 'STEP_UNKNOWN', message }]);
  }
  const label = stepLabel(step);
  if (!roles.some((r) => def.roles.includes(r))) {
    throw new DomainError(ErrorCode.FORBIDDEN, {
      nl: `U mag een account niet ${label.nl}.`,
      en: `You may not ${label.en} an account.`,
    });
  }
  if (!def.from.includes(from)) {
    const f = ACCOUNT_STATUS_LABELS[from] ?? { nl: String(from), en: String(from) };
    const allowed = { nl: def.from.map((s) => `'${ACCOUNT_STATUS_LABELS[s].nl}'`).join(', '), en: def.from.map((s) => `'${ACCOUNT_STATUS_LABELS[s].en}'`).join(', ') };
    throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, {
      nl: `Een account met status '${f.nl}' kan niet ${label.nl}; dat kan alleen vanuit: ${allowed.nl}.`,
      en: `An account with status '${f.en}' cannot ${label.en}; only from: ${allowed.en}.`,
    }, [{ field: 'status', code: 'ILLEGAL_TRANSITION', message: { nl: `Alleen vanuit: ${allowed.nl}.`, en: `Only from: ${allowed.en}.` } }]);
  }
  if (def.reasonRequired && reason !== undefined && (reason === null || reason.trim().length === 0)) {
    const message = { nl: `Om te ${label.nl} is een toelichting verplicht.`, en: `A reason is required to ${label.en}.` };
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'reason', code: 'REASON_REQUIRED', message }]);
  }
  return { step, from, to: def.to ?? from, reasonRequired: def.reasonRequired };
}

/** The steps `roles` can take from `status` now: the buttons the console shows. */
export function availableSteps(status: AccountStatus, roles: readonly Role[]): AccountStep[] {
  return ACCOUNT_STEP_NAMES.filter((s) => ACCOUNT_STEPS[s].from.includes(status) && roles.some((r) => ACCOUNT_STEPS[s].roles.includes(r)));
}

// ---------------------------------------------------------------------------------------------
// Periodic review

/**
 * Months between reviews per kind (default 6, PRODUCT.md). Personal accounts and campaigns change hands
 * or end sooner; defensive and internal accounts rarely change.
 */
export const DEFAULT_REVIEW_MONTHS: Readonly<Record<AccountKind, number>> = {
  ORGANISATIONAL: 6,
  PERSONAL_IN_FUNCTION: 6,
  ADMINISTRATOR: 6,
  CAMPAIGN: 3,
  PROJECT: 6,
  DEFENSIVE: 12,
  INTERNAL: 12,
};

/** `months` calendar months after `from` (UTC); the 31st plus one month is the last day of that month. */
export function reviewDueAt(lastReviewedOrApprovedAt: Date | string, months: number): Date {
  const from = new Date(lastReviewedOrApprovedAt);
  if (Number.isNaN(from.getTime())) {
    const message = { nl: 'Ongeldige datum van laatste beoordeling.', en: 'Invalid date of last review.' };
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'lastReviewedAt', code: 'DATE_INVALID', message }]);
  }
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const due = new Date(from.getTime());
  due.setUTCFullYear(y, m, Math.min(from.getUTCDate(), lastDay));
  return due;
}

/** True once `now` is past the due date. No date at all (a legacy import never reviewed) counts as overdue. */
export function isReviewOverdue(lastReviewedOrApprovedAt: Date | string | null | undefined, months: number, now: Date = new Date()): boolean {
  if (lastReviewedOrApprovedAt === null || lastReviewedOrApprovedAt === undefined) return true;
  return now.getTime() > reviewDueAt(lastReviewedOrApprovedAt, months).getTime();
}
