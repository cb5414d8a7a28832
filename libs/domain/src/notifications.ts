import type { Role } from './enums';
import type { LocalizedText } from './errors';
import { IMPERSONATION_STATE_LABELS, IMPERSONATION_STEPS, IMPERSONATION_STEP_NAMES, type ImpersonationState } from './impersonation';

// Notifications: what happened that someone must act on or know about, who is told, and the words.
// The API writes an event to its outbox in the transaction of the change; a job runner turns each event
// into one notification per recipient (the console's list) and, when SMTP is set up, an e-mail.

export const NotificationKind = {
  ACCOUNT_SUBMITTED: 'ACCOUNT_SUBMITTED',
  ACCOUNT_APPROVED: 'ACCOUNT_APPROVED',
  ACCOUNT_CHANGES_REQUESTED: 'ACCOUNT_CHANGES_REQUESTED',
  REVIEW_DUE: 'REVIEW_DUE',
  DOMAIN_EXPIRING: 'DOMAIN_EXPIRING',
  CASE_ASSIGNED: 'CASE_ASSIGNED',
  CASE_OVERDUE: 'CASE_OVERDUE',
  CASE_DECIDED: 'CASE_DECIDED',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];
export const NOTIFICATION_KINDS = Object.values(NotificationKind);

export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, LocalizedText>> = {
  ACCOUNT_SUBMITTED: { nl: 'Account ter goedkeuring aangeboden', en: 'Account submitted for approval' },
  ACCOUNT_APPROVED: { nl: 'Account goedgekeurd', en: 'Account approved' },
  ACCOUNT_CHANGES_REQUESTED: { nl: 'Wijzigingen gevraagd', en: 'Changes requested' },
  REVIEW_DUE: { nl: 'Periodieke beoordeling nodig', en: 'Periodic review due' },
  DOMAIN_EXPIRING: { nl: 'Domeinnaam verloopt', en: 'Domain expiring' },
  CASE_ASSIGNED: { nl: 'Melding toegewezen', en: 'Case assigned' },
  CASE_OVERDUE: { nl: 'Melding over tijd', en: 'Case overdue' },
  CASE_DECIDED: { nl: 'Juridisch besluit genomen', en: 'Legal decision recorded' },
};

/** The record a notification is about: the console links to it. */
export type NotificationEntityType = 'SocialAccount' | 'ClaimedUrl' | 'ImpersonationReport';

/** How many days before the next review date the reminder goes out (and it goes out when it is past). */
export const REVIEW_REMINDER_DAYS = 14;

/**
 * Whether an account's periodic review needs a reminder now: its next review date is within
 * REVIEW_REMINDER_DAYS, or past, or there is none (a legacy account that was never reviewed).
 */
export function reviewReminderDue(nextReviewAt: Date | string | null | undefined, now: Date = new Date(), leadDays = REVIEW_REMINDER_DAYS): boolean {
  if (nextReviewAt === null || nextReviewAt === undefined || nextReviewAt === '') return true;
  const due = new Date(nextReviewAt).getTime();
  if (Number.isNaN(due)) return true;
  return due - now.getTime() <= leadDays * 86_400_000;
}

// ---- who is told ----

export interface NotificationAudience {
  /** Every active user with one of these roles. */
  roles: readonly Role[];
  /** The editors whose scope covers the record's unit (the unit itself or a unit above it). */
  unitEditors: boolean;
  /** The user who submitted the account. */
  requester: boolean;
}

/**
 * Who acts on a case in `state`: the roles of the steps that lead out of it. An overdue case is brought
 * to their attention (RECEIVED and TRIAGED: Communications; LEGAL_REVIEW and TAKEDOWN_REQUESTED: Legal).
 */
export function rolesActingOn(state: ImpersonationState): Role[] {
  const roles = IMPERSONATION_STEP_NAMES.filter((s) => IMPERSONATION_STEPS[s].from.includes(state)).flatMap((s) => IMPERSONATION_STEPS[s].roles);
  return [...new Set(roles)];
}

/**
 * Recipients per kind. Submitted accounts go to Communications (who approve); the outcome to the requester
 * and the unit's editors; reminders about a unit's records to its editors and Communications. A case
 * triaged onto an official account goes to that account's editors (they watch their own account), a case
 * sent to legal to Legal, an overdue case to whoever must move it on, a decision to Communications.
 */
export function notificationAudience(kind: NotificationKind, facts: { state?: ImpersonationState | null } = {}): NotificationAudience {
  const none: NotificationAudience = { roles: [], unitEditors: false, requester: false };
  switch (kind) {
    case 'ACCOUNT_SUBMITTED':
      return { ...none, roles: ['COMMUNICATIONS'] };
    case 'ACCOUNT_APPROVED':
    case 'ACCOUNT_CHANGES_REQUESTED':
      return { ...none, unitEditors: true, requester: true };
    case 'REVIEW_DUE':
    case 'DOMAIN_EXPIRING':
      return { ...none, roles: ['COMMUNICATIONS'], unitEditors: true };
    case 'CASE_ASSIGNED':
      return facts.state === 'LEGAL_REVIEW' ? { ...none, roles: ['LEGAL'] } : { ...none, unitEditors: true };
    case 'CASE_OVERDUE':
      return { ...none, roles: facts.state ? rolesActingOn(facts.state) : [] };
    case 'CASE_DECIDED':
      return { ...none, roles: ['COMMUNICATIONS'] };
  }
}

// ---- the words ----

/**
 * The facts an event carries (never personal data: no reporter, no owner; a reviewer's comment is the
 * reviewer's own words about the account).
 */
export interface NotificationFacts {
  platform?: string | null;
  handle?: string | null;
  unit?: string | null;
  reason?: string | null;
  /** REVIEW_DUE: the review date (ISO), or null when the account was never reviewed. */
  dueAt?: string | null;
  /** DOMAIN_EXPIRING */
  value?: string | null;
  expiresAt?: string | null;
  days?: number | null;
  /** Cases */
  reference?: string | null;
  suspectHandle?: string | null;
  state?: ImpersonationState | null;
  decision?: string | null;
}

const DECISION_LABELS: Record<string, LocalizedText> = {
  IMPERSONATION: { nl: 'nabootsing', en: 'impersonation' },
  PARODY_ALLOWED: { nl: 'toegestane parodie', en: 'parody allowed' },
  NOT_RELATED: { nl: 'geen verband met de gemeente', en: 'not related to the municipality' },
  INSUFFICIENT_EVIDENCE: { nl: 'onvoldoende bewijs', en: 'insufficient evidence' },
};

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

/** One line for the list and the e-mail subject, per language. */
export function notificationTitle(kind: NotificationKind, f: NotificationFacts): LocalizedText {
  const account = `${f.platform ?? ''} @${f.handle ?? ''}`.trim();
  const suspect = `${f.reference ?? ''} (${f.platform ?? ''} @${f.suspectHandle ?? ''})`;
  const state = f.state ? IMPERSONATION_STATE_LABELS[f.state] : { nl: '', en: '' };
  switch (kind) {
    case 'ACCOUNT_SUBMITTED':
      return { nl: `Ter goedkeuring: ${account}`, en: `Submitted for approval: ${account}` };
    case 'ACCOUNT_APPROVED':
      return { nl: `Goedgekeurd: ${account}`, en: `Approved: ${account}` };
    case 'ACCOUNT_CHANGES_REQUESTED':
      return { nl: `Wijzigingen gevraagd: ${account}`, en: `Changes requested: ${account}` };
    case 'REVIEW_DUE':
      return f.dueAt
        ? { nl: `Beoordeling nodig vóór ${day(f.dueAt)}: ${account}`, en: `Review due by ${day(f.dueAt)}: ${account}` }
        : { nl: `Nooit beoordeeld, beoordeling nodig: ${account}`, en: `Never reviewed, review due: ${account}` };
    case 'DOMAIN_EXPIRING':
      return { nl: `${f.value} verloopt binnen ${f.days} dagen (${day(f.expiresAt)})`, en: `${f.value} expires within ${f.days} days (${day(f.expiresAt)})` };
    case 'CASE_ASSIGNED':
      return f.state === 'LEGAL_REVIEW'
        ? { nl: `Juridische toets gevraagd: ${suspect}`, en: `Legal review requested: ${suspect}` }
        : { nl: `Melding over uw account: ${suspect}`, en: `Case about your account: ${suspect}` };
    case 'CASE_OVERDUE':
      return { nl: `Over tijd (${state.nl}): ${suspect}`, en: `Overdue (${state.en}): ${suspect}` };
    case 'CASE_DECIDED': {
      const d = (f.decision && DECISION_LABELS[f.decision]) || { nl: f.decision ?? '', en: f.decision ?? '' };
      return { nl: `Besluit ${d.nl}: ${suspect}`, en: `Decision ${d.en}: ${suspect}` };
    }
  }
}

/** A few sentences for the e-mail body, per language. */
export function notificationBody(kind: NotificationKind, f: NotificationFacts): LocalizedText {
  const unit = f.unit ? { nl: ` (${f.unit})`, en: ` (${f.unit})` } : { nl: '', en: '' };
  switch (kind) {
    case 'ACCOUNT_SUBMITTED':
      return { nl: `Het account is ter goedkeuring aangeboden${unit.nl}. Beoordeel het aan de hand van de checklist.`, en: `The account was submitted for approval${unit.en}. Judge it against the checklist.` };
    case 'ACCOUNT_APPROVED':
      return { nl: `Het account is goedgekeurd en staat nu als officieel in het register${unit.nl}.`, en: `The account was approved and is now official in the register${unit.en}.` };
    case 'ACCOUNT_CHANGES_REQUESTED':
      return { nl: `Team #ggsm vraagt wijzigingen${unit.nl}: ${f.reason ?? ''}`, en: `Team #ggsm asks for changes${unit.en}: ${f.reason ?? ''}` };
    case 'REVIEW_DUE':
      return { nl: `Loop het account na: eigenaren, bio en checklist${unit.nl}.`, en: `Review the account: owners, bio and checklist${unit.en}.` };
    case 'DOMAIN_EXPIRING':
      return { nl: `Verleng de registratie of geef de naam bewust vrij${unit.nl}.`, en: `Renew the registration or release the name on purpose${unit.en}.` };
    case 'CASE_ASSIGNED':
      return f.state === 'LEGAL_REVIEW'
        ? { nl: 'Team #ggsm vraagt Juridische Zaken om een besluit over dit mogelijk nagebootste account.', en: 'Team #ggsm asks Legal for a decision on this possible impersonation.' }
        : { nl: 'Een melding van een mogelijk nagebootst account is gekoppeld aan een account van uw eenheid.', en: 'A report of a possible impersonation was linked to an account of your unit.' };
    case 'CASE_OVERDUE':
      return { nl: 'De melding staat langer in deze fase dan de termijn toelaat.', en: 'The case has been in this state longer than its time limit.' };
    case 'CASE_DECIDED':
      return { nl: 'Juridische Zaken heeft een besluit genomen over de melding.', en: 'Legal recorded a decision on the case.' };
  }
}

/** The console route of the record (hash router), e.g. `#/SocialAccount/<id>/show`. */
export function notificationLink(entityType: NotificationEntityType, entityId: string): string {
  return `#/${entityType}/${entityId}/show`;
}
