import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationEntityType, NotificationFacts, NotificationKind } from '@ggsm/domain';

/** What the e-mail of a notification came to (see migration 1795760000000-notifications). */
export type EmailStatus = 'PENDING' | 'SENT' | 'FAILED' | 'MUTED' | 'NO_SMTP' | 'NO_ADDRESS';

/** One event, written in the transaction of the change that caused it; the runner delivers it. */
@Entity('notification_outbox')
export class NotificationOutboxEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: NotificationKind;
  @Column('text') entityType: NotificationEntityType;
  @Column('uuid') entityId: string;
  @Column('uuid', { nullable: true }) orgUnitId: string | null;
  @Column('uuid', { nullable: true }) requesterId: string | null;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @Column('jsonb', { default: () => "'{}'::jsonb" }) facts: NotificationFacts;
  @Column('text', { nullable: true }) dedupeKey: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) deliveredAt: Date | null;
}

/** One event for one recipient: the console's list, and the state of its e-mail. */
@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') outboxId: string;
  @Column('uuid') userId: string;
  @Column('text') emailStatus: EmailStatus;
  @Column('int', { default: 0 }) emailAttempts: number;
  @Column('timestamptz', { nullable: true }) emailNextAttemptAt: Date | null;
  @Column('text', { nullable: true }) emailError: string | null;
  @Column('timestamptz', { nullable: true }) emailedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('notification_read')
export class NotificationReadEntity {
  @PrimaryColumn('uuid') notificationId: string;
  @Column('uuid') userId: string;
  @Column('timestamptz', { default: () => 'now()' }) readAt: Date;
}

@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid') userId: string;
  @Column('text', { array: true, default: () => "'{}'" }) mutedKinds: NotificationKind[];
  @Column('timestamptz', { default: () => 'now()' }) updatedAt: Date;
}
