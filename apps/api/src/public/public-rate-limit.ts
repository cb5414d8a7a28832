import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { logEvent } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config';

const COUNTED_AHEAD = Symbol('ggsm.verifyCountedAhead');
type CountedRequest = { [COUNTED_AHEAD]?: Promise<void> };

export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/**
 * Per client address: at most GGSM_VERIFY_RATE_LIMIT checks per GGSM_VERIFY_RATE_WINDOW_SECONDS, over
 * REST, GraphQL and the public page together. Counted in this process's memory, not in PostgreSQL:
 * verification is the hot path and must not write a row per question; with N replicas behind a load
 * balancer an address gets at most N times the limit, which is still a limit.
 */
@Injectable()
export class PublicRateLimit {
  private readonly limiter: RateLimiterMemory;
  private readonly limit: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limit = config.verifyRate.limit;
    this.limiter = new RateLimiterMemory({ keyPrefix: 'verify', points: config.verifyRate.limit, duration: config.verifyRate.windowSeconds });
  }

  /**
   * Counts one check; over the limit: `Retry-After` on the response and TOO_MANY_REQUESTS (HTTP 429).
   * With `request`: a check that a short path already counted for that request (see `countAhead`) is not
   * counted again, and ends the same way.
   */
  consume(ip: string | null, res?: HeaderSink, request?: object): Promise<void> {
    const carrier = request as CountedRequest | undefined;
    const counted = carrier?.[COUNTED_AHEAD];
    if (counted === undefined) return this.count(ip, res);
    (carrier as CountedRequest)[COUNTED_AHEAD] = undefined;
    return counted;
  }

  /**
   * Counts the one check of `request` on a short path (lean-graphql-verify.middleware.ts). When the short
   * path then hands the request on, the resolver's `consume` for it counts nothing more. Kept on the
   * request itself (not in a WeakMap: an entry per request is work for every garbage collection).
   */
  countAhead(request: object, ip: string | null, res: HeaderSink): Promise<void> {
    const counted = this.count(ip, res);
    (request as CountedRequest)[COUNTED_AHEAD] = counted;
    // Whoever reads it later sees the outcome; this copy only keeps an unread refusal from being "unhandled".
    counted.catch(() => undefined);
    return counted;
  }

  private async count(ip: string | null, res?: HeaderSink): Promise<void> {
    try {
      await this.limiter.consume(ip ?? 'unknown');
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      res?.setHeader('Retry-After', String(seconds));
      // One line per address and window, not one per refused request: a flood must not flood the logs.
      if (err.consumedPoints === this.limit + 1) logEvent({ action: 'verify', object: 'public', result: 'refused', origin: ip, details: { rateLimited: true, retryAfterSeconds: seconds } });
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, {
        nl: `Te veel controles vanaf uw adres. Probeer het over ${seconds} seconden opnieuw.`,
        en: `Too many checks from your address. Try again in ${seconds} seconds.`,
      });
    }
  }
}
