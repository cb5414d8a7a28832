import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationKind } from '@ggsm/domain';

registerEnumType(NotificationKind, { name: 'NotificationKind' });
export { NotificationKind };

@ObjectType('Notification', { description: 'Something that happened that the logged-in user must act on or know about.' })
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field({ description: 'SocialAccount, ClaimedUrl or ImpersonationReport.' }) entityType: string;
  @Field(() => ID) entityId: string;
  @Field({ description: 'One line, in English.' }) title: string;
  @Field({ description: 'One line, in Dutch.' }) titleNl: string;
  @Field({ description: 'English.' }) body: string;
  @Field({ description: 'Dutch.' }) bodyNl: string;
  @Field({ description: 'The console route of the record, e.g. "#/SocialAccount/<id>/show".' }) link: string;
  @Field() read: boolean;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
  @Field({ description: 'PENDING, SENT, FAILED, MUTED (switched off by the user), NO_SMTP (no mail server configured) or NO_ADDRESS.' })
  emailStatus: string;
  @Field() createdAt: Date;
}

@ObjectType('NotificationList')
export class NotificationListModel {
  @Field(() => Int, { description: 'All of the caller\'s notifications that match (for paging).' }) total: number;
  @Field(() => Int, { description: 'The caller\'s unread notifications, whatever the filter.' }) unreadCount: number;
  @Field(() => [NotificationModel]) items: NotificationModel[];
}

@ObjectType('NotificationInbox', { description: 'The caller\'s notifications after marking: the bell\'s count.' })
export class NotificationInboxModel {
  @Field(() => ID, { description: 'The user.' }) id: string;
  @Field(() => Int) unreadCount: number;
  @Field(() => Int, { description: 'Notifications this call marked read (already read ones are not counted).' }) marked: number;
}

@ObjectType('NotificationPreferences', { description: 'Which kinds the user gets by e-mail. The console\'s list always shows every kind.' })
export class NotificationPreferencesModel {
  @Field(() => ID, { description: 'The user.' }) id: string;
  @Field(() => [NotificationKind]) emailKinds: NotificationKind[];
  @Field(() => [NotificationKind], { description: 'Every kind there is.' }) kinds: NotificationKind[];
  @Field({ description: 'Whether this installation sends e-mail at all (SMTP configured).' }) emailConfigured: boolean;
}
