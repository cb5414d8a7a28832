import { AccountStatus } from './enums';
import { DomainError, ErrorCode } from './errors';
import type { LocalizedText } from './errors';

/**
 * The account lifecycle (PRODUCT.md). Nothing is ever deleted, so ARCHIVED and REJECTED are final:
 * "request changes" (SUBMITTED → DRAFT) is the way back for a request that can be repaired, and a
 * rejection must stay a rejection in the record; a new request is a new account record.
 */
export const ACCOUNT_TRANSITIONS: Readonly<Record<AccountStatus, readonly AccountStatus[]>> = {
  DRAFT: [AccountStatus.SUBMITTED],
  SUBMITTED: [AccountStatus.ACTIVE, AccountStatus.DRAFT, AccountStatus.REJECTED],
  ACTIVE: [AccountStatus.SUSPENDED, AccountStatus.ARCHIVED],
  SUSPENDED: [AccountStatus.ACTIVE, AccountStatus.ARCHIVED],
  REJECTED: [],
  ARCHIVED: [],
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
