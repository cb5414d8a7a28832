import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { logEvent } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config';

export interface RetryAfterSink {
  setHeader(name: string, value: string): unknown;
}

/**
 * Public reports (no login) per client address: GGSM_REPORT_RATE_POINTS reports per
 * GGSM_REPORT_RATE_WINDOW_SECONDS, counted in PostgreSQL (the login limiter's table, its own key prefix)
 * so every replica sees the same count. Staff with a valid login are not limited: they are accountable.
 */
@Injectable()
export class ReportThrottle {
  private limiter?: RateLimiterPostgres;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get store(): RateLimiterPostgres {
    if (!this.limiter) {
      const pool = (this.db.driver as unknown as { master: unknown }).master;
      const { points, windowSeconds } = this.config.reportRate;
      this.limiter = new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'login_limit',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: 'report',
        points,
        duration: windowSeconds,
      });
    }
    return this.limiter;
  }

  /** Counts one report from `ip`; over the limit: TOO_MANY_REQUESTS with Retry-After, and nothing is stored. */
  async consume(ip: string | null, res?: RetryAfterSink): Promise<void> {
    try {
      await this.store.consume(ip ?? 'unknown');
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      res?.setHeader('Retry-After', String(seconds));
      logEvent({ action: 'impersonation.report', object: null, result: 'refused', origin: ip, details: { rateLimited: true, retryAfterSeconds: seconds } });
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, {
        nl: `Te veel meldingen vanaf dit adres. Probeer het over ${wait(seconds, 'nl')} opnieuw.`,
        en: `Too many reports from this address. Try again in ${wait(seconds, 'en')}.`,
      });
    }
  }
}

function wait(seconds: number, lang: 'nl' | 'en'): string {
  if (seconds < 90) return lang === 'nl' ? `${seconds} seconden` : `${seconds} seconds`;
  const m = Math.ceil(seconds / 60);
  return lang === 'nl' ? `${m} minuten` : `${m} minutes`;
}
