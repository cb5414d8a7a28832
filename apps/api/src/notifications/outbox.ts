import type { EntityManager } from 'typeorm';
import type { AccountStep, ImpersonationState, ImpersonationStep, NotificationEntityType, NotificationFacts, NotificationKind } from '@ggsm/domain';
import type { RequestContext } from '../auth/request-context';

/**
 * Set on the query runner of a transaction that wrote an event: after its commit the runner of this
 * process is woken (NotificationRunner), so delivery does not wait for the next poll.
 */
export const OUTBOX_WRITTEN = 'ggsm.notificationOutboxWritten';

export interface OutboxEvent {
  kind: NotificationKind;
  entityType: NotificationEntityType;
  entityId: string;
  orgUnitId?: string | null;
  requesterId?: string | null;
  actorId?: string | null;
  facts: NotificationFacts;
  /** Scheduled checks only: the event is written once per key, ever. */
  dedupeKey?: string | null;
}

/**
 * Writes one event to the outbox in the caller's transaction: it commits with the change that caused it,
 * or not at all. False when an event with the same dedupe key was written before.
 */
export async function enqueueNotification(m: EntityManager, event: OutboxEvent): Promise<boolean> {
  const rows: { id: string }[] = await m.query(
    `INSERT INTO notification_outbox (kind, entity_type, entity_id, org_unit_id, requester_id, actor_id, facts, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
     RETURNING id`,
    [event.kind, event.entityType, event.entityId, event.orgUnitId ?? null, event.requesterId ?? null, event.actorId ?? null, JSON.stringify(event.facts), event.dedupeKey ?? null],
  );
  if (rows.length && m.queryRunner) m.queryRunner.data = { ...(m.queryRunner.data ?? {}), [OUTBOX_WRITTEN]: true };
  return rows.length > 0;
}

const ACCOUNT_STEP_KINDS: Partial<Record<AccountStep, NotificationKind>> = {
  submit: 'ACCOUNT_SUBMITTED',
  approve: 'ACCOUNT_APPROVED',
  requestChanges: 'ACCOUNT_CHANGES_REQUESTED',
};

async function unitName(m: EntityManager, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  const [row]: { name: string }[] = await m.query('SELECT name FROM org_unit WHERE id = $1', [id]);
  return row?.name ?? null;
}

/** The event of an account's lifecycle step, if it has one (submitted, approved, changes requested). */
export async function notifyAccountStep(
  m: EntityManager,
  ctx: RequestContext,
  step: AccountStep,
  account: { id: string; platformId: string; handle: string; orgUnitId: string; requestedById: string | null },
  reason?: string | null,
): Promise<void> {
  const kind = ACCOUNT_STEP_KINDS[step];
  if (!kind) return;
  await enqueueNotification(m, {
    kind,
    entityType: 'SocialAccount',
    entityId: account.id,
    orgUnitId: account.orgUnitId,
    requesterId: account.requestedById,
    actorId: ctx.user?.id ?? null,
    facts: {
      platform: account.platformId,
      handle: account.handle,
      unit: await unitName(m, account.orgUnitId),
      reason: kind === 'ACCOUNT_CHANGES_REQUESTED' ? reason?.trim() || null : null,
    },
  });
}

/**
 * The event of a case's step, if it has one: triaged onto an official account or sent to legal (assigned),
 * a legal decision (decided). The facts name the case and the suspect, never the reporter.
 */
export async function notifyCaseStep(
  m: EntityManager,
  ctx: RequestContext,
  step: ImpersonationStep,
  report: { id: string; reference: string; platformKey: string; suspectHandle: string; state: ImpersonationState; imitatedAccountId: string | null; suggestedAccountId: string | null; legalDecision: string | null },
): Promise<void> {
  const kind: NotificationKind | null = step === 'triage' || step === 'sendToLegal' ? 'CASE_ASSIGNED' : step === 'recordLegalDecision' ? 'CASE_DECIDED' : null;
  if (!kind) return;
  const accountId = report.imitatedAccountId ?? report.suggestedAccountId;
  const [account]: { org_unit_id: string }[] = accountId ? await m.query('SELECT org_unit_id FROM social_account WHERE id = $1', [accountId]) : [];
  await enqueueNotification(m, {
    kind,
    entityType: 'ImpersonationReport',
    entityId: report.id,
    orgUnitId: account?.org_unit_id ?? null,
    actorId: ctx.user?.id ?? null,
    facts: {
      reference: report.reference,
      platform: report.platformKey,
      suspectHandle: report.suspectHandle,
      state: report.state,
      decision: kind === 'CASE_DECIDED' ? report.legalDecision : null,
    },
  });
}
