import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { AccountKind } from '@ggsm/domain';

/** Months between reviews of an active account, per kind; one row for each of the seven kinds, never more. */
@Entity('review_interval')
export class ReviewIntervalEntity {
  @PrimaryColumn('text') kind: AccountKind;
  @Column('int') months: number;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
