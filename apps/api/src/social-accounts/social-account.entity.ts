import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { type AccountKind, type AccountPurpose, type AccountStatus, type OwnerRole, handleSkeleton } from '@ggsm/domain';

@Entity('social_account')
export class SocialAccountEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') platformKey: string;
  /** As written by the department, e.g. "Stadsbeheer050". */
  @Column('text') handle: string;
  /** Equal for every spelling the platform treats as the same account; unique with the platform, for ever. */
  @Column('text') normalizedHandle: string;
  /** handleSkeleton(handle) of the lookalike engine, trigram-indexed: where the lookalike search finds its candidates. */
  @Column('text') handleSkeleton: string;
  @Column('text', { nullable: true }) displayName: string | null;
  @Column('text') profileUrl: string;
  @Column('uuid') orgUnitId: string;
  @Column('text') kind: AccountKind;
  @Column('text', { array: true, default: () => "'{}'" }) purposes: AccountPurpose[];
  @Column('text', { nullable: true }) bio: string | null;
  @Column('text', { nullable: true }) openingHours: string | null;
  @Column('text', { nullable: true }) responseTime: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) languages: string[];
  @Column('text', { nullable: true }) autoPostingSource: string | null;
  @Column('text', { nullable: true }) archivingArrangement: string | null;
  @Column('text', { nullable: true }) notes: string | null;
  @Column('text') status: AccountStatus;
  /** Predates the 2011 policy: official, but not held to today's naming rules. */
  @Column('boolean', { default: false }) legacy: boolean;
  /** This account's own review interval; null: the interval of its kind (table review_interval). */
  @Column('int', { nullable: true }) reviewIntervalMonths: number | null;
  @Column('timestamptz', { nullable: true }) lastReviewedAt: Date | null;
  @Column('timestamptz', { nullable: true }) nextReviewAt: Date | null;
  @Column('uuid', { nullable: true }) requestedById: string | null;
  @Column('timestamptz', { nullable: true }) requestedAt: Date | null;
  @Column('uuid', { nullable: true }) approvedById: string | null;
  @Column('timestamptz', { nullable: true }) approvedAt: Date | null;
  /** Recorded by Communications: naming ERRORs do not block approval (a deliberate exception). */
  @Column('text', { nullable: true }) namingWaiverReason: string | null;
  @Column('uuid', { nullable: true }) namingWaivedById: string | null;
  @Column('timestamptz', { nullable: true }) namingWaivedAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @OneToMany(() => AccountOwnerEntity, (o) => o.account, { cascade: false })
  owners?: AccountOwnerEntity[];

  /** Every insert path (the service, the bulk import, the demo seed) stores the skeleton of the handle it writes. */
  @BeforeInsert()
  fillHandleSkeleton(): void {
    this.handleSkeleton = handleSkeleton(this.handle);
  }
}

@Entity('account_owner')
export class AccountOwnerEntity {
  @PrimaryColumn('uuid') accountId: string;
  @PrimaryColumn('uuid') personId: string;
  @Column('text') role: OwnerRole;
  /** Order of the backups as entered. */
  @Column('int', { default: 0 }) position: number;

  @ManyToOne(() => SocialAccountEntity, (a) => a.owners)
  @JoinColumn({ name: 'account_id' })
  account?: SocialAccountEntity;
}
