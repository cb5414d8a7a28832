import type { ChecklistResult } from './checklist';
import { DomainError, ErrorCode } from './errors';
import type { LocalizedText } from './errors';
import type { NamingViolation } from './naming';

export interface ApprovalInput {
  checklist: readonly ChecklistResult[];
  namingViolations: readonly NamingViolation[];
  /** Recorded by COMMUNICATIONS; a non-blank reason lets naming ERRORs through. */
  waiverReason?: string | null;
  ownersActive: number;
  requestedById: string | null | undefined;
  approverId: string;
}

export interface ApprovalProblem {
  /** `SELF_APPROVAL`, `NAMING_ERROR`, `TOO_FEW_OWNERS` or the key of a checklist item. */
  code: string;
  message: LocalizedText;
}

export const MIN_ACTIVE_OWNERS = 2;

/**
 * Everything that stands between a submitted account and approval (PRODUCT.md). Naming and owners have
 * their own codes, so the checklist items with those checks are not listed twice; with a waiver the
 * naming item is ignored too. Optional items and NOT_APPLICABLE items never block.
 */
export function approvalProblems(input: ApprovalInput): ApprovalProblem[] {
  const problems: ApprovalProblem[] = [];
  if (input.requestedById && input.requestedById === input.approverId) {
    problems.push({
      code: 'SELF_APPROVAL',
      message: { nl: 'U kunt een account dat u zelf aanvroeg niet goedkeuren.', en: 'You cannot approve an account you requested yourself.' },
    });
  }
  const waived = typeof input.waiverReason === 'string' && input.waiverReason.trim().length > 0;
  const namingErrors = input.namingViolations.filter((v) => v.severity === 'ERROR');
  if (namingErrors.length > 0 && !waived) {
    problems.push({
      code: 'NAMING_ERROR',
      message: {
        nl: `De naam breekt de naamregels (${namingErrors.map((e) => e.ruleKey).join(', ')}); pas de naam aan of leg een afwijking vast.`,
        en: `The name breaks the naming rules (${namingErrors.map((e) => e.ruleKey).join(', ')}); change the name or record a waiver.`,
      },
    });
  }
  if (input.ownersActive < MIN_ACTIVE_OWNERS) {
    problems.push({
      code: 'TOO_FEW_OWNERS',
      message: {
        nl: `Het account heeft ${input.ownersActive} actieve beheerder(s); minstens ${MIN_ACTIVE_OWNERS} nodig.`,
        en: `The account has ${input.ownersActive} active owner(s); at least ${MIN_ACTIVE_OWNERS} needed.`,
      },
    });
  }
  for (const item of input.checklist) {
    if (!item.required || item.state === 'PASS' || item.state === 'NOT_APPLICABLE') continue;
    if (item.check === 'NAMING_RULES_PASS' || item.check === 'TWO_OWNERS') continue;
    problems.push({
      code: item.key,
      message: { nl: `${item.title.nl}: ${item.reason.nl}`, en: `${item.title.en}: ${item.reason.en}` },
    });
  }
  return problems;
}

/** The error code for a refused approval: self-approval wins, anything else is an incomplete checklist. */
export function approvalErrorCode(problems: readonly ApprovalProblem[]): 'SELF_APPROVAL' | 'CHECKLIST_INCOMPLETE' {
  return problems.some((p) => p.code === 'SELF_APPROVAL') ? ErrorCode.SELF_APPROVAL : ErrorCode.CHECKLIST_INCOMPLETE;
}

/** Throws the DomainError the API maps to `extensions.code`, with every problem as a violation. */
export function assertApprovable(input: ApprovalInput): void {
  const problems = approvalProblems(input);
  if (problems.length === 0) return;
  const code = approvalErrorCode(problems);
  const message =
    code === 'SELF_APPROVAL'
      ? { nl: 'Goedkeuren door de aanvrager zelf is niet toegestaan.', en: 'The requester may not approve their own account.' }
      : { nl: 'Het account voldoet nog niet aan alle eisen voor goedkeuring.', en: 'The account does not yet meet every requirement for approval.' };
  throw new DomainError(code, message, problems.map((p) => ({ code: p.code, message: p.message })));
}
