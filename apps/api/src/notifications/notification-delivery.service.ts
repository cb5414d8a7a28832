import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type NotificationEntityType,
  type NotificationFacts,
  type NotificationKind,
  notificationAudience,
  notificationBody,
  notificationLink,
  notificationTitle,
} from '@ggsm/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { EmailStatus } from './notification.entity';

/** Events claimed per transaction, and e-mails sent per transaction. */
const EVENT_BATCH = 100;
const MAIL_BATCH = 20;
/** A mail that fails this often is given up (FAILED); before that it is retried after attempts × this. */
const MAIL_MAX_ATTEMPTS = 5;
const MAIL_RETRY_MS = 60_000;

interface OutboxRow {
  id: string;
  kind: NotificationKind;
  entity_type: NotificationEntityType;
  entity_id: string;
  org_unit_id: string | null;
  requester_id: string | null;
  actor_id: string | null;
  facts: NotificationFacts;
}

interface MailRow {
  id: string;
  email_attempts: number;
  email: string;
  kind: NotificationKind;
  entity_type: NotificationEntityType;
  entity_id: string;
  facts: NotificationFacts;
}

export interface DeliveryResult {
  events: number;
  notifications: number;
  mailsSent: number;
  mailsFailed: number;
}

/**
 * Turns the outbox into notifications and e-mails. Safe with any number of runners at once: an event is
 * claimed with SELECT … FOR UPDATE SKIP LOCKED in the transaction that writes its notifications and marks
 * it delivered, so one runner delivers it and the others skip it; a notification is unique per event and
 * user; an e-mail is claimed the same way and marked SENT in the transaction that holds the claim. Only a
 * crash between handing a mail to the server and that commit can send it twice (at-least-once).
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly log = new Logger('Notifications');
  private readonly mailer: Transporter | null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const smtp = config.notifications.smtp;
    this.mailer = !smtp
      ? null
      : smtp.url
        ? createTransport(smtp.url)
        : createTransport({ host: smtp.host, port: smtp.port, secure: smtp.secure, auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined });
  }

  /** Called by the runner once its workers have stopped (a mail being sent is finished first). */
  close(): void {
    this.mailer?.close();
  }

  /** Everything that is waiting: the outbox, then the e-mails. */
  async deliver(): Promise<DeliveryResult> {
    const result: DeliveryResult = { events: 0, notifications: 0, mailsSent: 0, mailsFailed: 0 };
    for (;;) {
      const batch = await this.db.transaction((m) => this.deliverEvents(m));
      result.events += batch.events;
      result.notifications += batch.notifications;
      if (batch.events < EVENT_BATCH) break;
    }
    if (this.mailer) {
      for (;;) {
        const batch = await this.db.transaction((m) => this.sendMails(m));
        result.mailsSent += batch.sent;
        result.mailsFailed += batch.failed;
        if (batch.claimed < MAIL_BATCH) break;
      }
    }
    if (result.events || result.mailsSent || result.mailsFailed) {
      this.log.log(`Delivered ${result.events} event(s) as ${result.notifications} notification(s); ${result.mailsSent} e-mail(s) sent, ${result.mailsFailed} failed.`);
    }
    return result;
  }

  private async deliverEvents(m: EntityManager): Promise<{ events: number; notifications: number }> {
    const events: OutboxRow[] = await m.query(
      `SELECT id, kind, entity_type, entity_id, org_unit_id, requester_id, actor_id, facts FROM notification_outbox
       WHERE delivered_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [EVENT_BATCH],
    );
    let notifications = 0;
    for (const event of events) {
      const recipients = await this.recipients(m, event);
      if (!recipients.length) continue;
      const inserted: unknown[] = await m.query(
        `INSERT INTO notification (outbox_id, user_id, email_status)
         SELECT $1, r.user_id, r.status FROM unnest($2::uuid[], $3::text[]) AS r(user_id, status)
         ON CONFLICT (outbox_id, user_id) DO NOTHING RETURNING id`,
        [event.id, recipients.map((r) => r.id), recipients.map((r) => r.status)],
      );
      notifications += inserted.length;
    }
    if (events.length) await m.query('UPDATE notification_outbox SET delivered_at = now() WHERE id = ANY($1)', [events.map((e) => e.id)]);
    return { events: events.length, notifications };
  }

  /** Who is told (notificationAudience), as the users are now; never the one who caused it. */
  private async recipients(m: EntityManager, event: OutboxRow): Promise<{ id: string; status: EmailStatus }[]> {
    const audience = notificationAudience(event.kind, { state: event.facts.state ?? null });
    const rows: { id: string; email: string | null; muted_kinds: string[] | null }[] = await m.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id FROM org_unit WHERE id = $1
         UNION ALL SELECT o.id, o.parent_id FROM org_unit o JOIN up ON o.id = up.parent_id
       )
       SELECT u.id, u.email, p.muted_kinds FROM app_user u LEFT JOIN notification_preference p ON p.user_id = u.id
       WHERE u.active AND cardinality(u.roles) > 0 AND u.id IS DISTINCT FROM $2
         AND (u.roles && $3::text[]
              OR ($4 AND 'EDITOR' = ANY(u.roles) AND u.scope_unit_id IN (SELECT id FROM up))
              OR u.id = $5)
       ORDER BY u.id`,
      [event.org_unit_id, event.actor_id, [...audience.roles], audience.unitEditors, audience.requester ? event.requester_id : null],
    );
    return rows.map((r) => ({
      id: r.id,
      status: !this.mailer ? 'NO_SMTP' : (r.muted_kinds ?? []).includes(event.kind) ? 'MUTED' : r.email ? 'PENDING' : 'NO_ADDRESS',
    }));
  }

  private async sendMails(m: EntityManager): Promise<{ claimed: number; sent: number; failed: number }> {
    const rows: MailRow[] = await m.query(
      `SELECT n.id, n.email_attempts, u.email, o.kind, o.entity_type, o.entity_id, o.facts
       FROM notification n JOIN app_user u ON u.id = n.user_id JOIN notification_outbox o ON o.id = n.outbox_id
       WHERE n.email_status = 'PENDING' AND (n.email_next_attempt_at IS NULL OR n.email_next_attempt_at <= now())
       ORDER BY n.created_at, n.id LIMIT $1 FOR UPDATE OF n SKIP LOCKED`,
      [MAIL_BATCH],
    );
    let sent = 0;
    let failed = 0;
    for (const row of rows) {
      try {
        await (this.mailer as Transporter).sendMail(this.mail(row));
        await m.query(`UPDATE notification SET email_status = 'SENT', emailed_at = now(), email_attempts = email_attempts + 1, email_error = NULL WHERE id = $1`, [row.id]);
        sent++;
      } catch (err) {
        const attempts = row.email_attempts + 1;
        const giveUp = attempts >= MAIL_MAX_ATTEMPTS;
        await m.query(
          `UPDATE notification SET email_attempts = $2, email_status = $3, email_error = $4, email_next_attempt_at = now() + make_interval(secs => $5) WHERE id = $1`,
          [row.id, attempts, giveUp ? 'FAILED' : 'PENDING', String((err as Error).message ?? err).slice(0, 500), (attempts * MAIL_RETRY_MS) / 1000],
        );
        if (giveUp) failed++;
        this.log.warn(`E-mail of notification ${row.id} not sent (attempt ${attempts}): ${(err as Error).message}`);
      }
    }
    return { claimed: rows.length, sent, failed };
  }

  /** Dutch first, English below; the subject in Dutch. Only what the event carries: no personal data of reporters. */
  private mail(row: MailRow) {
    const title = notificationTitle(row.kind, row.facts);
    const body = notificationBody(row.kind, row.facts);
    const link = `${this.config.notifications.consoleUrl}/${notificationLink(row.entity_type, row.entity_id)}`;
    const text = [
      title.nl,
      '',
      body.nl,
      '',
      `Bekijk het in ggsm: ${link}`,
      '',
      'U ontvangt dit bericht van ggsm, het register van officiële sociale-media-accounts. Welke berichten u per e-mail krijgt, kiest u in ggsm onder Meldingen.',
      '',
      '-- English --',
      '',
      title.en,
      '',
      body.en,
      '',
      `Open it in ggsm: ${link}`,
    ].join('\n');
    return {
      from: this.config.notifications.smtp?.from,
      to: row.email,
      subject: `[ggsm] ${title.nl}`,
      text,
      headers: { 'X-GGSM-Notification': row.id, 'X-GGSM-Kind': row.kind },
    };
  }
}
