import { Controller, HttpCode, Post } from '@nestjs/common';
import { Role } from '@ggsm/domain';
import { Allow } from '../auth/allow.decorator';
import { NotificationRunner, type RunResult } from './notification-runner';

/**
 * "Run now" for the functional administrator (and the tests): the scheduled checks and one delivery pass,
 * in this process, answering with what they did. Safe beside the scheduled runs on any replica (the
 * checks write each event once, delivery claims with SKIP LOCKED).
 */
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly runner: NotificationRunner) {}

  @Allow(Role.ADMIN)
  @Post('run')
  @HttpCode(200)
  run(): Promise<RunResult> {
    return this.runner.runNow();
  }
}
