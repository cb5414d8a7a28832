import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { AccountKind, AccountPurpose, AutomaticCheckKey, ChecklistMode, NamingRuleScope, NamingRuleType, NamingSeverity } from '@ggsm/domain';

@Entity('naming_rule')
export class NamingRuleEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('citext') key: string;
  @Column('text') type: NamingRuleType;
  @Column('text') severity: NamingSeverity;
  @Column('jsonb', { default: () => "'{}'" }) params: Record<string, unknown>;
  @Column('jsonb', { default: () => "'{}'" }) scope: NamingRuleScope;
  @Column('text') messageNl: string;
  @Column('text') messageEn: string;
  @Column('boolean', { default: true }) active: boolean;
  @Column('int', { default: 0 }) sortOrder: number;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('checklist_item')
export class ChecklistItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('citext') key: string;
  @Column('text') titleNl: string;
  @Column('text') titleEn: string;
  @Column('text', { default: '' }) guidanceNl: string;
  @Column('text', { default: '' }) guidanceEn: string;
  @Column('boolean', { default: true }) required: boolean;
  @Column('text') mode: ChecklistMode;
  @Column('text', { nullable: true }) checkKey: AutomaticCheckKey | null;
  @Column('text', { array: true, default: () => "'{}'" }) kinds: AccountKind[];
  @Column('text', { array: true, default: () => "'{}'" }) platforms: string[];
  @Column('text', { array: true, default: () => "'{}'" }) purposes: AccountPurpose[];
  @Column('boolean', { default: true }) active: boolean;
  @Column('int', { default: 0 }) sortOrder: number;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** Append-only: the latest row per (account, item) counts. */
@Entity('checklist_attestation')
export class ChecklistAttestationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') accountId: string;
  @Column('citext') itemKey: string;
  @Column('boolean') passed: boolean;
  @Column('text', { nullable: true }) note: string | null;
  @Column('text', { nullable: true }) evidenceUrl: string | null;
  @Column('uuid', { nullable: true }) attestedById: string | null;
  @Column('timestamptz') attestedAt: Date;
}
