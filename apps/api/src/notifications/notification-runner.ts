import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type CheckResult, NotificationChecksService } from './notification-checks.service';
import { type DeliveryResult, NotificationDeliveryService } from './notification-delivery.service';
import { OUTBOX_WRITTEN } from './outbox';

/** pg-boss keeps its queues in a schema of its own, created and migrated by pg-boss itself on start. */
export const JOB_SCHEMA = 'pgboss';
const CHECKS = 'ggsm-notification-checks';
const DELIVER = 'ggsm-notification-delivery';
/** Safety net: delivery also runs every minute, for events whose writer could not wake a runner. */
const DELIVER_CRON = '* * * * *';
const TIME_ZONE = 'Europe/Amsterdam';

export type RunResult = CheckResult & DeliveryResult;

/**
 * The job runner of this API process, on PostgreSQL (pg-boss): it runs the scheduled checks (cron, and once
 * at start) and delivers the outbox. Both queues are `stately`: across all replicas at most one job of each
 * is queued and one runs, and pg-boss's cron sends each tick once whichever replicas are up. Delivery does
 * not rely on that alone: it claims events and mails with SKIP LOCKED (NotificationDeliveryService), so
 * runs on demand may overlap with the queue's. A commit that wrote an event wakes this process's worker
 * at once. Started after the migrations (main.ts runs them before the app is created); stopped before the
 * database connection closes (Nest calls onModuleDestroy before TypeORM's shutdown hook).
 */
@Injectable()
export class NotificationRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Notifications');
  private readonly url: string | undefined;
  private boss: PgBoss | null = null;
  private deliverWorker: string | null = null;
  private stopping = false;

  constructor(
    @InjectDataSource() db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checks: NotificationChecksService,
    private readonly delivery: NotificationDeliveryService,
  ) {
    this.url = (db.options as { url?: string }).url;
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        if (event.queryRunner?.data?.[OUTBOX_WRITTEN]) this.wake();
      },
    };
    db.subscribers.push(subscriber);
  }

  async onApplicationBootstrap(): Promise<void> {
    const settings = this.config.notifications;
    if (!settings.runner) {
      this.log.log('Job runner off (GGSM_NOTIFICATIONS=off): notifications wait in the outbox for another replica.');
      return;
    }
    if (!this.url) throw new Error('The job runner needs the database URL.');
    const boss = new PgBoss({ connectionString: this.url, schema: JOB_SCHEMA, application_name: 'ggsm-jobs', max: 4 });
    // Without a listener an 'error' event would end the process; pg-boss retries by itself.
    boss.on('error', (err: Error) => this.log.warn(`Job runner: ${err.message}`));
    await boss.start();
    await boss.createQueue(CHECKS, { name: CHECKS, policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 600 });
    await boss.createQueue(DELIVER, { name: DELIVER, policy: 'stately', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 });
    await boss.work(CHECKS, { pollingIntervalSeconds: 5 }, async () => {
      await this.checks.run();
    });
    this.deliverWorker = await boss.work(DELIVER, { pollingIntervalSeconds: 2 }, async () => {
      await this.delivery.deliver();
    });
    if (settings.checksCron) await boss.schedule(CHECKS, settings.checksCron, {}, { tz: TIME_ZONE });
    else await boss.unschedule(CHECKS);
    await boss.schedule(DELIVER, DELIVER_CRON, {}, { tz: TIME_ZONE });
    this.boss = boss;
    if (settings.checksAtStart) await boss.send(CHECKS, {});
    // Whatever was left in the outbox while no runner ran.
    this.wake();
    this.log.log(`Job runner started: checks ${settings.checksCron ? `on "${settings.checksCron}"` : 'on demand only'}, e-mail ${settings.smtp ? 'on' : 'off (no SMTP)'}.`);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    const boss = this.boss;
    this.boss = null;
    // Graceful: a running delivery finishes (its transaction commits) before the pool closes.
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 15_000 }).catch((err: Error) => this.log.warn(`Job runner stop: ${err.message}`));
    this.delivery.close();
  }

  /** The checks and a delivery pass now, in this process (POST /api/notifications/run). */
  async runNow(): Promise<RunResult> {
    const checks = await this.checks.run();
    const delivered = await this.delivery.deliver();
    return { ...checks, ...delivered };
  }

  /** Queues a delivery (one queued at most, cluster-wide) and wakes this process's worker. */
  private wake(): void {
    const boss = this.boss;
    if (!boss || this.stopping) return;
    boss.send(DELIVER, {}).then(
      () => {
        if (this.deliverWorker && !this.stopping) boss.notifyWorker(this.deliverWorker);
      },
      (err: Error) => this.log.warn(`Could not queue a delivery: ${err.message}`),
    );
  }
}
