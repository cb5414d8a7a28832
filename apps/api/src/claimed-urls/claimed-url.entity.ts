import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ClaimedUrlKind, ClaimedUrlPurpose, ClaimedUrlStatus } from '@ggsm/domain';

@Entity('claimed_url')
export class ClaimedUrlEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** As entered, trimmed. */
  @Column('text') value: string;
  @Column('text') kind: ClaimedUrlKind;
  /** normalizeClaimedUrl's key (hosts in ASCII); unique for ever. */
  @Column('text') normalized: string;
  @Column('text') host: string;
  @Column('text') registrableDomain: string;
  @Column('text', { nullable: true }) platformKey: string | null;
  /** PLATFORM_VANITY only: the handle as the platform compares it. */
  @Column('text', { nullable: true }) handle: string | null;
  @Column('uuid') orgUnitId: string;
  @Column('text') purpose: ClaimedUrlPurpose;
  @Column('text', { nullable: true }) registrar: string | null;
  /** Calendar dates (`YYYY-MM-DD`): a registration runs through its expiry day, whatever the time zone. */
  @Column('date', { nullable: true }) registeredAt: string | null;
  @Column('date', { nullable: true }) expiresAt: string | null;
  @Column('boolean', { default: false }) autoRenew: boolean;
  @Column('text') status: ClaimedUrlStatus;
  @Column('text', { nullable: true }) notes: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('claimed_url_account')
export class ClaimedUrlAccountEntity {
  @PrimaryColumn('uuid') claimedUrlId: string;
  @PrimaryColumn('uuid') accountId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
