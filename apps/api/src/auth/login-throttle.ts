import { Inject, Injectable } from '@nestjs/common';
import { logEvent } from '../common/logger';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Failed logins are slowed (a growing delay from the second failure) and then locked, per account
 * and per client address, with counters in PostgreSQL so every replica sees the same count.
 * A success clears the account's counter, not the address's: one good password does not buy an
 * attacker a fresh round of guesses at other accounts.
 */
@Injectable()
export class LoginThrottle {
  private limiters?: { account: RateLimiterPostgres; address: RateLimiterPostgres };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get store() {
    if (!this.limiters) {
      const pool = (this.db.driver as unknown as { master: unknown }).master;
      const common = { storeClient: pool, storeType: 'pool', tableName: 'login_limit', tableCreated: true, clearExpiredByTimeout: false };
      const { maxFailures, lockSeconds, maxFailuresPerAddress } = this.config.login;
      this.limiters = {
        account: new RateLimiterPostgres({ ...common, keyPrefix: 'account', points: maxFailures, duration: lockSeconds, blockDuration: lockSeconds }),
        address: new RateLimiterPostgres({ ...common, keyPrefix: 'address', points: maxFailuresPerAddress, duration: lockSeconds, blockDuration: lockSeconds }),
      };
    }
    return this.limiters;
  }

  /** Logs name the account without spelling out a person's address. */
  private masked(email: string): string {
    const [local, domain] = email.trim().toLowerCase().split('@');
    return `${(local ?? '').slice(0, 2)}***@${domain ?? ''}`;
  }

  private keys(email: string, ip: string | null) {
    return { account: email.trim().toLowerCase(), address: ip ?? 'unknown' };
  }

  /** Refuses a locked account or address before the password is even checked; slows repeated failures. */
  async before(email: string, ip: string | null, res?: { setHeader(name: string, value: string): unknown }): Promise<void> {
    const k = this.keys(email, ip);
    const [account, address] = await Promise.all([this.store.account.get(k.account), this.store.address.get(k.address)]);
    const { maxFailures, maxFailuresPerAddress } = this.config.login;
    const locked = [
      account && account.consumedPoints >= maxFailures ? account : null,
      address && address.consumedPoints >= maxFailuresPerAddress ? address : null,
    ].filter((r): r is RateLimiterRes => r !== null);
    if (locked.length) {
      const seconds = Math.max(1, Math.ceil(Math.max(...locked.map((r) => r.msBeforeNext)) / 1000));
      res?.setHeader('Retry-After', String(seconds));
      logEvent({ action: 'login', object: this.masked(email), result: 'refused', origin: ip, details: { locked: true, retryAfterSeconds: seconds } });
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, {
        nl: `Te veel mislukte inlogpogingen. Probeer het over ${minutes(seconds, 'nl')} opnieuw.`,
        en: `Too many failed login attempts. Try again in ${minutes(seconds, 'en')}.`,
      });
    }
    const failures = account?.consumedPoints ?? 0;
    if (failures > 0) await sleep(Math.min(2000, 100 * 2 ** (failures - 1)));
  }

  async failed(email: string, ip: string | null): Promise<void> {
    const k = this.keys(email, ip);
    // consume() rejects once the points are used up; that rejection is the lock, not an error here.
    await Promise.all([this.store.account.consume(k.account).catch(() => undefined), this.store.address.consume(k.address).catch(() => undefined)]);
    logEvent({ action: 'login', object: this.masked(email), result: 'failure', origin: ip, details: { event: 'auth.login_failed' } });
  }

  async succeeded(email: string): Promise<void> {
    await this.store.account.delete(this.keys(email, null).account);
  }
}

function minutes(seconds: number, lang: 'nl' | 'en'): string {
  if (seconds < 90) return lang === 'nl' ? `${seconds} seconden` : `${seconds} seconds`;
  const m = Math.ceil(seconds / 60);
  return lang === 'nl' ? `${m} minuten` : `${m} minutes`;
}
