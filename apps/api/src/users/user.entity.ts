import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role } from '@ggsm/domain';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('citext') email: string;
  @Column('text') displayName: string;
  /** argon2id; null for single-sign-on users. Never leaves the service layer. */
  @Column('text', { nullable: true }) passwordHash: string | null;
  @Column('text', { nullable: true }) ssoSubject: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) roles: Role[];
  @Column('uuid', { nullable: true }) scopeUnitId: string | null;
  @Column('uuid', { nullable: true }) personId: string | null;
  @Column('boolean', { default: true }) active: boolean;
  /** Bumped to end every token of this user at once. */
  @Column('int', { default: 0 }) tokenVersion: number;
  @Column('timestamptz', { nullable: true }) lastLoginAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
