import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { MarkNotificationsReadArgs, MyNotificationsArgs, UpdateNotificationPreferencesArgs } from './notification.args';
import { NotificationInboxModel, NotificationListModel, NotificationModel, NotificationPreferencesModel } from './notification.model';
import { NotificationsService } from './notifications.service';

/** Every logged-in user, for their own notifications only. */
@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @AllowAuthenticated()
  @Query(() => NotificationListModel, { description: 'The caller\'s notifications, newest first, with the unread count.' })
  myNotifications(@Ctx() ctx: RequestContext, @Args() args: MyNotificationsArgs) {
    return this.notifications.mine(ctx, args);
  }

  @AllowAuthenticated()
  @Mutation(() => NotificationInboxModel)
  markNotificationsRead(@Ctx() ctx: RequestContext, @Args() args: MarkNotificationsReadArgs) {
    return this.notifications.markRead(ctx, args);
  }

  @AllowAuthenticated()
  @Query(() => NotificationPreferencesModel)
  myNotificationPreferences(@Ctx() ctx: RequestContext) {
    return this.notifications.preferences(ctx);
  }

  @AllowAuthenticated()
  @Mutation(() => NotificationPreferencesModel)
  updateMyNotificationPreferences(@Ctx() ctx: RequestContext, @Args() args: UpdateNotificationPreferencesArgs) {
    return this.notifications.updatePreferences(ctx, args.kinds);
  }
}
