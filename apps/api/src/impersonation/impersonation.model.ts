import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  DismissalReason,
  ImpersonationEvidenceKind,
  ImpersonationSource,
  ImpersonationState,
  ImpersonationStep,
  LegalDecision,
  TakedownOutcome,
} from './impersonation.enums';

@ObjectType('ImpersonationEvidence', { description: 'A URL, note or screenshot of a case. Evidence is never changed or removed.' })
export class ImpersonationEvidenceModel {
  @Field(() => ID) id: string;
  @Field(() => ID) reportId: string;
  @Field(() => ImpersonationEvidenceKind) kind: ImpersonationEvidenceKind;
  @Field(() => String, { nullable: true }) url: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Date, { nullable: true, description: 'When the evidence was captured (a screenshot taken, a page seen).' }) capturedAt: Date | null;
  @Field(() => ImpersonationSource, { nullable: true, description: 'Set when it came in with a report that joined the case.' }) intakeSource: ImpersonationSource | null;
  @Field(() => String, { nullable: true }) fileName: string | null;
  @Field(() => String, { nullable: true, description: 'image/png or image/jpeg, as found in the content.' }) mimeType: string | null;
  @Field(() => Int, { nullable: true }) sizeBytes: number | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the file, hex; also in the audit trail.' }) sha256: string | null;
  @Field(() => String, { nullable: true, description: 'FILE only: GET it with the bearer token (COMMUNICATIONS, LEGAL, AUDITOR).' }) downloadUrl: string | null;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field() createdAt: Date;
}

@ObjectType('ImpersonationReport', { description: 'A report of an account posing as the municipality, and its handling.' })
export class ImpersonationReportModel {
  @Field(() => ID) id: string;
  @Field({ description: 'IMP-<year>-<sequence>, e.g. IMP-2026-0001.' }) reference: string;
  @Field(() => ImpersonationSource) source: ImpersonationSource;
  @Field(() => String, { nullable: true, description: 'Personal data: null unless the caller is COMMUNICATIONS or LEGAL.' }) reporterName: string | null;
  @Field(() => String, { nullable: true, description: 'Personal data: null unless the caller is COMMUNICATIONS or LEGAL.' }) reporterEmail: string | null;
  @Field(() => String, { nullable: true, description: 'Personal data: null unless the caller is COMMUNICATIONS or LEGAL.' }) reporterPhone: string | null;
  @Field(() => ID, { description: 'The platform key.' }) platformId: string;
  @Field() suspectHandle: string;
  @Field({ description: 'The handle as the platform compares it: the key that joins reports of the same suspect.' }) normalizedSuspectHandle: string;
  @Field(() => String, { nullable: true }) suspectUrl: string | null;
  @Field(() => String, { nullable: true }) suspectDisplayName: string | null;
  @Field() description: string;
  @Field(() => ID, { nullable: true, description: 'The official account the lookalike engine proposed at intake.' }) suggestedAccountId: string | null;
  @Field(() => ID, { nullable: true, description: 'The official account confirmed at triage.' }) imitatedAccountId: string | null;
  @Field(() => ImpersonationState) state: ImpersonationState;
  @Field() stateEnteredAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the case must have moved on (working days per state); null without a limit.' }) dueAt: Date | null;
  @Field() overdue: boolean;
  @Field(() => DismissalReason, { nullable: true }) dismissalReason: DismissalReason | null;
  @Field(() => LegalDecision, { nullable: true }) legalDecision: LegalDecision | null;
  @Field(() => String, { nullable: true }) legalReasoning: string | null;
  @Field(() => ID, { nullable: true }) legalDecidedById: string | null;
  @Field(() => Date, { nullable: true }) legalDecidedAt: Date | null;
  @Field(() => String, { nullable: true, description: "The platform's own reference of the takedown request." }) platformCaseRef: string | null;
  @Field(() => Date, { nullable: true }) takedownFiledAt: Date | null;
  @Field(() => ID, { nullable: true }) takedownFiledById: string | null;
  @Field(() => TakedownOutcome, { nullable: true }) takedownOutcome: TakedownOutcome | null;
  @Field(() => Date, { nullable: true }) takedownOutcomeAt: Date | null;
  @Field(() => Int, { description: 'Reports of this suspect while the case was open (1 + those that joined).' }) reportCount: number;
  @Field(() => ID, { nullable: true, description: 'The staff member who reported it.' }) createdById: string | null;
  @Field(() => [ImpersonationStep], { description: 'The steps the caller may take now.' }) availableSteps: ImpersonationStep[];
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('ImpersonationReportReceipt', { description: 'What a reporter gets back: the reference to quote.' })
export class ImpersonationReportReceiptModel {
  @Field(() => ID) id: string;
  @Field() reference: string;
  @Field({ description: 'The suspect already had an open case: this report joined it.' }) joined: boolean;
}
