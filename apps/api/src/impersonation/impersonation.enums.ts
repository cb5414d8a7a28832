import { registerEnumType } from '@nestjs/graphql';
import { DismissalReason, ImpersonationSource, ImpersonationState, ImpersonationStep, LegalDecision, TakedownOutcome } from '@ggsm/domain';

export const ImpersonationEvidenceKind = { URL: 'URL', NOTE: 'NOTE', FILE: 'FILE' } as const;
export type ImpersonationEvidenceKind = (typeof ImpersonationEvidenceKind)[keyof typeof ImpersonationEvidenceKind];

// The domain library owns the values; GraphQL only names them.
registerEnumType(ImpersonationState, { name: 'ImpersonationState' });
registerEnumType(ImpersonationSource, { name: 'ImpersonationSource' });
registerEnumType(DismissalReason, { name: 'DismissalReason' });
registerEnumType(LegalDecision, { name: 'LegalDecision' });
registerEnumType(TakedownOutcome, { name: 'TakedownOutcome' });
registerEnumType(ImpersonationStep, { name: 'ImpersonationStep' });
registerEnumType(ImpersonationEvidenceKind, { name: 'ImpersonationEvidenceKind' });

export { DismissalReason, ImpersonationSource, ImpersonationState, ImpersonationStep, LegalDecision, TakedownOutcome };
