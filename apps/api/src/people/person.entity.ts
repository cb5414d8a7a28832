import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('citext') email: string;
  @Column('text', { nullable: true }) jobTitle: string | null;
  @Column('uuid', { nullable: true }) orgUnitId: string | null;
  /** When they acknowledged the five principles of "Handreiking Ambtenaar 2.0". */
  @Column('timestamptz', { nullable: true }) guidelinesAcknowledgedAt: Date | null;
  @Column('boolean', { default: true }) active: boolean;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
