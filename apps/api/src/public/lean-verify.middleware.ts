import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { contextOf } from '../auth/request-context';
import { httpStatusFor, toErrorBody } from '../common/errors';
import { openToAll, type PreparedJson, prepareJson } from './public-http';
import { PublicRateLimit } from './public-rate-limit';
import { VERIFY_QUERY_MAX_LENGTH } from './public.args';
import type { VerificationModel } from './verification.model';
import { VerificationService } from './verification.service';

// A NUL character or a lone UTF-16 surrogate: the validation pipe refuses them (validation.pipe.ts).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The question when it is plainly well-formed: only `platform`, `handle` and `url`, each one text within
 * VerifyQuery's limits (VerifyAccountArgs and VerifyProfileUrlArgs have the same). Anything else (unknown
 * or repeated parameters, overlong or unstorable text) is left to the controller or resolver, whose
 * validation pipe answers it with its usual BAD_USER_INPUT.
 */
export function plainQuery(query: unknown): { platform?: string; handle?: string; url?: string } | undefined {
  if (!query || typeof query !== 'object') return undefined;
  for (const [name, value] of Object.entries(query)) {
    if (!Object.hasOwn(VERIFY_QUERY_MAX_LENGTH, name)) return undefined;
    const max = VERIFY_QUERY_MAX_LENGTH[name as keyof typeof VERIFY_QUERY_MAX_LENGTH];
    if (typeof value !== 'string' || value.length > max || UNSTORABLE.test(value)) return undefined;
  }
  return query as { platform?: string; handle?: string; url?: string };
}

/** The JSON of an answer, made once per answer: kept answers are shared and never change. */
const bodies = new WeakMap<VerificationModel, PreparedJson>();
function bodyOf(req: Request, answer: VerificationModel): PreparedJson {
  let body = bodies.get(answer);
  if (body === undefined) {
    body = prepareJson(req, JSON.stringify(answer));
    bodies.set(answer, body);
  }
  return body;
}

/**
 * GET /public/verify on a short path: the hot path of the public face. It runs after the HTTP hardening
 * every request gets (request id, request log, security headers, body limits: main.ts) but before Nest's
 * router, guard, pipes and interceptors, which cost about half the time of a cached answer. It answers
 * exactly as PublicController.verify does (same service, same rate limit, same headers, same error
 * shape through the same errors.ts); whatever it does not recognise as a plain question it passes on to
 * that controller. test/api/public.e2e.ts holds both to the same behaviour.
 */
@Injectable()
export class LeanVerifyMiddleware implements NestMiddleware {
  constructor(
    private readonly verification: VerificationService,
    private readonly rateLimit: PublicRateLimit,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const query = req.method === 'GET' ? plainQuery(req.query) : undefined;
    if (!query) return next();
    void this.answer(req, res, query);
  }

  private async answer(req: Request, res: Response, query: { platform?: string; handle?: string; url?: string }): Promise<void> {
    const ctx = contextOf(req as never);
    try {
      openToAll(res);
      res.setHeader('Cache-Control', 'no-cache');
      await this.rateLimit.consume(ctx.ip, res);
      const answer = this.verification.cached(query) ?? (await this.verification.verify(ctx, query));
      const body = bodyOf(req, answer);
      // What express's res.json() sends, without its per-request work: the same type, length and ETag. A
      // conditional request (If-None-Match) goes through express itself, for its 304.
      if (req.headers['if-none-match'] !== undefined) {
        res.status(200).set('Content-Type', 'application/json').send(body.json);
        return;
      }
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', body.length);
      res.setHeader('ETag', body.etag);
      // A string body leaves the headers and the body in one write.
      res.end(body.json, 'utf8');
    } catch (err) {
      // As HttpErrorFilter answers REST routes.
      const body = toErrorBody(err);
      if (!res.headersSent) res.status(httpStatusFor(body.code)).json({ error: body });
    }
  }
}
