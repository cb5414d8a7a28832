import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the append-only, hash-chained audit trail. Never updated, never deleted. */
@Entity('audit_event')
export class AuditEventEntity {
  /** bigint: kept as a string by pg, converted where read. */
  @PrimaryColumn('bigint') seq: string;
  /** Filled by the database (gen_random_uuid()); the id the console uses. */
  @Column({ type: 'uuid', insert: false, update: false }) id: string;
  @Column('timestamptz') occurredAt: Date;
  @Column('uuid', { nullable: true }) actorUserId: string | null;
  @Column('text', { nullable: true }) actorEmail: string | null;
  @Column('text', { nullable: true }) actorRole: string | null;
  @Column('text') action: string;
  @Column('text') entityType: string;
  @Column('text', { nullable: true }) entityId: string | null;
  @Column('jsonb', { nullable: true }) before: object | null;
  @Column('jsonb', { nullable: true }) after: object | null;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text', { nullable: true }) requestId: string | null;
  @Column('text') prevHash: string;
  @Column('text') hash: string;
  @Column('text') mac: string;
}
