import { Module } from '@nestjs/common';
import { ImpersonationModule } from '../impersonation/impersonation.module';
import { NotificationChecksService } from './notification-checks.service';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationRunner } from './notification-runner';
import { NotificationsController } from './notifications.controller';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/**
 * Notifications: the outbox (written by the services that cause events, through ./outbox), the job runner
 * that checks and delivers (pg-boss), and each user's list and e-mail preferences.
 */
@Module({
  imports: [ImpersonationModule],
  controllers: [NotificationsController],
  providers: [NotificationChecksService, NotificationDeliveryService, NotificationRunner, NotificationsService, NotificationsResolver],
})
export class NotificationsModule {}
