import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { PlatformStatus } from '@ggsm/domain';

/** The catalogue row: handle syntax and URL shapes live in the domain library, keyed by `key`. */
@Entity('platform')
export class PlatformEntity {
  @PrimaryColumn('text') key: string;
  @Column('text') name: string;
  @Column('text') status: PlatformStatus;
  @Column('text') profileUrlTemplate: string;
  @Column('int', { default: 0 }) sortOrder: number;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
