import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DismissalReason, ImpersonationSource, ImpersonationState, LegalDecision, TakedownOutcome } from '@ggsm/domain';
import type { ImpersonationEvidenceKind } from './impersonation.enums';

@Entity('impersonation_report')
export class ImpersonationReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') reference: string;
  @Column('text') source: ImpersonationSource;
  /** Personal data (AVG): shown to COMMUNICATIONS and LEGAL only, never logged or audited in plain text. */
  @Column('text', { nullable: true }) reporterName: string | null;
  @Column('text', { nullable: true }) reporterEmail: string | null;
  @Column('text', { nullable: true }) reporterPhone: string | null;
  @Column('uuid', { nullable: true }) createdById: string | null;
  @Column('text') platformKey: string;
  @Column('text') suspectHandle: string;
  @Column('text') normalizedSuspectHandle: string;
  @Column('text', { nullable: true }) suspectUrl: string | null;
  @Column('text', { nullable: true }) suspectDisplayName: string | null;
  @Column('text') description: string;
  @Column('uuid', { nullable: true }) suggestedAccountId: string | null;
  @Column('uuid', { nullable: true }) imitatedAccountId: string | null;
  @Column('text') state: ImpersonationState;
  @Column('timestamptz') stateEnteredAt: Date;
  @Column('text', { nullable: true }) dismissalReason: DismissalReason | null;
  @Column('text', { nullable: true }) legalDecision: LegalDecision | null;
  @Column('text', { nullable: true }) legalReasoning: string | null;
  @Column('uuid', { nullable: true }) legalDecidedById: string | null;
  @Column('timestamptz', { nullable: true }) legalDecidedAt: Date | null;
  @Column('text', { nullable: true }) takedownCaseRef: string | null;
  @Column('timestamptz', { nullable: true }) takedownFiledAt: Date | null;
  @Column('uuid', { nullable: true }) takedownFiledById: string | null;
  @Column('text', { nullable: true }) takedownOutcome: TakedownOutcome | null;
  @Column('timestamptz', { nullable: true }) takedownOutcomeAt: Date | null;
  @Column('int', { default: 1 }) reportCount: number;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** Never updated or deleted (a trigger refuses it): insert only. */
@Entity('impersonation_evidence')
export class ImpersonationEvidenceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') reportId: string;
  @Column('text') kind: ImpersonationEvidenceKind;
  @Column('text', { nullable: true }) url: string | null;
  @Column('text', { nullable: true }) note: string | null;
  @Column('timestamptz', { nullable: true }) capturedAt: Date | null;
  @Column('text', { nullable: true }) intakeSource: ImpersonationSource | null;
  @Column('text', { nullable: true }) fileName: string | null;
  @Column('text', { nullable: true }) mimeType: string | null;
  @Column('int', { nullable: true }) sizeBytes: number | null;
  @Column('text', { nullable: true }) sha256: string | null;
  /** The screenshot itself; loaded only for a download (select: false). */
  @Column('bytea', { nullable: true, select: false }) content: Buffer | null;
  @Column('uuid', { nullable: true }) createdById: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('known_impersonator')
export class KnownImpersonatorEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') platformKey: string;
  @Column('text') handle: string;
  @Column('text') normalizedHandle: string;
  @Column('text') skeleton: string;
  @Column('uuid') reportId: string;
  @Column('uuid', { nullable: true }) imitatedAccountId: string | null;
  @Column('timestamptz') decidedAt: Date;
  @Column('uuid', { nullable: true }) decidedById: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('impersonation_time_limit')
export class ImpersonationTimeLimitEntity {
  @PrimaryColumn('text') state: ImpersonationState;
  @Column('int', { nullable: true }) workingDays: number | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
