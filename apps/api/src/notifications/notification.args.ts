import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '@ggsm/domain';
import { IsOptionalNotNull } from '../common/validation.pipe';
import { NotificationKind as NotificationKindEnum } from './notification.model';

export const MAX_NOTIFICATIONS_PER_PAGE = 100;
export const MAX_MARKED_AT_ONCE = 500;

@ArgsType()
export class MyNotificationsArgs {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() unreadOnly?: boolean;
  @Field(() => Int, { nullable: true, description: 'Zero-based.' }) @IsOptional() @IsInt() @Min(0) @Max(100_000) page?: number;
  @Field(() => Int, { nullable: true, description: `At most ${MAX_NOTIFICATIONS_PER_PAGE}; default 20.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_NOTIFICATIONS_PER_PAGE)
  perPage?: number;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { nullable: true, description: 'The caller\'s notifications; one that is not the caller\'s is NOT_FOUND and nothing is marked.' })
  @IsOptionalNotNull()
  @ArrayMaxSize(MAX_MARKED_AT_ONCE)
  @IsUUID('all', { each: true })
  ids?: string[];
  @Field({ nullable: true, description: 'Every unread notification of the caller.' }) @IsOptionalNotNull() @IsBoolean() all?: boolean;
}

@ArgsType()
export class UpdateNotificationPreferencesArgs {
  @Field(() => [NotificationKindEnum], { description: 'The kinds to receive by e-mail; the others are not mailed (but still listed).' })
  @ArrayMaxSize(NOTIFICATION_KINDS.length * 2)
  @IsIn(NOTIFICATION_KINDS, { each: true })
  kinds: NotificationKind[];
}
