import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { OrgUnitKind } from '@ggsm/domain';

@Entity('org_unit')
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('citext') shortCode: string;
  @Column('text') kind: OrgUnitKind;
  @Column('uuid', { nullable: true }) parentId: string | null;
  @Column('text', { nullable: true }) handlePrefix: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
