import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  NOTIFICATION_KINDS,
  type NotificationEntityType,
  type NotificationFacts,
  type NotificationKind,
  notificationBody,
  notificationLink,
  notificationTitle,
} from '@ggsm/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
import { notFound } from '../common/sorting';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { MarkNotificationsReadArgs, MyNotificationsArgs } from './notification.args';
import type { NotificationInboxModel, NotificationListModel, NotificationModel, NotificationPreferencesModel } from './notification.model';

const NOTIFICATION = { nl: 'Bericht', en: 'Notification' };
const DEFAULT_PER_PAGE = 20;

interface NotificationRow {
  id: string;
  email_status: string;
  created_at: Date;
  kind: NotificationKind;
  entity_type: NotificationEntityType;
  entity_id: string;
  facts: NotificationFacts;
  read_at: Date | null;
}

function toNotificationModel(r: NotificationRow): NotificationModel {
  const title = notificationTitle(r.kind, r.facts);
  const body = notificationBody(r.kind, r.facts);
  return {
    id: r.id,
    kind: r.kind,
    entityType: r.entity_type,
    entityId: r.entity_id,
    title: title.en,
    titleNl: title.nl,
    body: body.en,
    bodyNl: body.nl,
    link: notificationLink(r.entity_type, r.entity_id),
    read: r.read_at !== null,
    readAt: r.read_at,
    emailStatus: r.email_status,
    createdAt: r.created_at,
  };
}

/**
 * The logged-in user's own notifications and e-mail preferences: every query is bound to the caller's
 * user id, so another user's notification does not exist for them (NOT_FOUND).
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private userOf(ctx: RequestContext): string {
    if (!ctx.user) throw new DomainError(ErrorCode.UNAUTHENTICATED, { nl: 'Log eerst in.', en: 'Log in first.' });
    return ctx.user.id;
  }

  async mine(ctx: RequestContext, args: MyNotificationsArgs): Promise<NotificationListModel> {
    const userId = this.userOf(ctx);
    const take = args.perPage ?? DEFAULT_PER_PAGE;
    const unreadOnly = args.unreadOnly === true;
    const rows: NotificationRow[] = await this.db.query(
      `SELECT n.id, n.email_status, n.created_at, o.kind, o.entity_type, o.entity_id, o.facts, r.read_at
       FROM notification n JOIN notification_outbox o ON o.id = n.outbox_id LEFT JOIN notification_read r ON r.notification_id = n.id
       WHERE n.user_id = $1 AND (NOT $2 OR r.read_at IS NULL)
       ORDER BY n.created_at DESC, n.id DESC LIMIT $3 OFFSET $4`,
      [userId, unreadOnly, take, (args.page ?? 0) * take],
    );
    const [counts]: { total: number; unread: number }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE NOT $2 OR r.notification_id IS NULL)::int AS total, count(*) FILTER (WHERE r.notification_id IS NULL)::int AS unread
       FROM notification n LEFT JOIN notification_read r ON r.notification_id = n.id WHERE n.user_id = $1`,
      [userId, unreadOnly],
    );
    return { total: counts?.total ?? 0, unreadCount: counts?.unread ?? 0, items: rows.map(toNotificationModel) };
  }

  /** Marks the given (or all) unread notifications of the caller read; one id that is not the caller's refuses the whole call. */
  markRead(ctx: RequestContext, args: MarkNotificationsReadArgs): Promise<NotificationInboxModel> {
    const userId = this.userOf(ctx);
    if (args.ids === undefined && !args.all) {
      const message = { nl: 'Geef de berichten (ids) of kies alle (all).', en: 'Give the notifications (ids) or choose all.' };
      throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'ids', code: 'NOTHING_TO_MARK', message }]);
    }
    return this.db.transaction(async (m) => {
      let ids: string[];
      if (args.all) {
        const rows: { id: string }[] = await m.query(
          'SELECT n.id FROM notification n WHERE n.user_id = $1 AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id)',
          [userId],
        );
        ids = rows.map((r) => r.id);
      } else {
        ids = [...new Set((args.ids ?? []).map((id) => id.toLowerCase()))];
        const own: { id: string }[] = ids.length ? await m.query('SELECT id FROM notification WHERE id = ANY($1) AND user_id = $2', [ids, userId]) : [];
        if (own.length !== ids.length) throw notFound(NOTIFICATION);
      }
      const marked: { notification_id: string }[] = ids.length
        ? await m.query(
            `INSERT INTO notification_read (notification_id, user_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT (notification_id) DO NOTHING RETURNING notification_id`,
            [ids, userId],
          )
        : [];
      if (marked.length) {
        await this.audit.record(m, ctx, {
          action: 'user.notifications_read',
          entityType: 'User',
          entityId: userId,
          after: { notificationIds: marked.map((r) => r.notification_id) },
        });
      }
      return { id: userId, unreadCount: await this.unread(m, userId), marked: marked.length };
    });
  }

  private async unread(m: EntityManager, userId: string): Promise<number> {
    const [row]: { n: number }[] = await m.query(
      'SELECT count(*)::int AS n FROM notification n WHERE n.user_id = $1 AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id)',
      [userId],
    );
    return row?.n ?? 0;
  }

  async preferences(ctx: RequestContext): Promise<NotificationPreferencesModel> {
    const userId = this.userOf(ctx);
    return this.preferencesModel(userId, await this.muted(this.db.manager, userId));
  }

  /** The kinds to receive by e-mail; stored as the kinds switched off, so a kind added later is on. */
  updatePreferences(ctx: RequestContext, kinds: readonly NotificationKind[]): Promise<NotificationPreferencesModel> {
    const userId = this.userOf(ctx);
    const wanted = new Set(kinds);
    const muted = NOTIFICATION_KINDS.filter((k) => !wanted.has(k));
    return this.db.transaction(async (m) => {
      const before = await this.muted(m, userId, true);
      await m.query(
        `INSERT INTO notification_preference (user_id, muted_kinds, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (user_id) DO UPDATE SET muted_kinds = EXCLUDED.muted_kinds, updated_at = now()`,
        [userId, muted],
      );
      const emailKinds = (list: readonly NotificationKind[]) => NOTIFICATION_KINDS.filter((k) => !list.includes(k));
      await this.audit.record(m, ctx, {
        action: 'user.notification_preferences_updated',
        entityType: 'User',
        entityId: userId,
        before: { emailNotificationKinds: emailKinds(before) },
        after: { emailNotificationKinds: emailKinds(muted) },
      });
      return this.preferencesModel(userId, muted);
    });
  }

  private async muted(m: EntityManager, userId: string, lock = false): Promise<NotificationKind[]> {
    const [row]: { muted_kinds: NotificationKind[] }[] = await m.query(`SELECT muted_kinds FROM notification_preference WHERE user_id = $1${lock ? ' FOR UPDATE' : ''}`, [userId]);
    return row?.muted_kinds ?? [];
  }

  private preferencesModel(userId: string, muted: readonly NotificationKind[]): NotificationPreferencesModel {
    return {
      id: userId,
      emailKinds: NOTIFICATION_KINDS.filter((k) => !muted.includes(k)),
      kinds: [...NOTIFICATION_KINDS],
      emailConfigured: !!this.config.notifications.smtp,
    };
  }
}
