import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { appLogger, safeUrl } from '../common/logger';
import type { AppConfig } from '../config/config';
import { jsonBody } from './json-body';
import { REQUEST_ID_HEADER, requestIdMiddleware } from './request-scope';

type CspDirectives = NonNullable<Exclude<HelmetOptions['contentSecurityPolicy'], boolean | undefined>['directives']>;

/**
 * Content-Security-Policy of the console (apps/admin/dist, served at /) and the API: scripts only from
 * this origin; inline styles allowed because MUI (emotion) injects its styles at run time and
 * index.html has one; no frames, plugins or foreign connections.
 */
export const CSP_DIRECTIVES: CspDirectives = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  // Not forced: ggsm also runs on plain http on localhost, where upgrading would break the console.
  upgradeInsecureRequests: null,
};

const helmetOptions = (directives: CspDirectives): HelmetOptions => ({
  contentSecurityPolicy: { useDefaults: false, directives },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});

/**
 * helmet's headers for `options`, taken from helmet itself once (run against a recorder) and then set on
 * every response by one loop: the same names and values, without a chain of fourteen middlewares per
 * request. Our options have no per-request parts (no nonces), which the recorder checks: helmet must
 * answer at once, without reading the request.
 */
function fixedHelmet(options: HelmetOptions): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let done = false;
  const noRequest = new Proxy(
    {},
    {
      get: () => {
        throw new Error('helmet read the request: its headers are not fixed.');
      },
    },
  );
  (helmet(options) as RequestHandler)(noRequest as Request, recorder as unknown as Response, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('helmet did not answer at once: its headers are not fixed.');
  return (_req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

/** Security headers (helmet). GraphiQL (development only) loads React and GraphiQL from unpkg.com. */
export function securityHeaders(config: Pick<AppConfig, 'nodeEnv'>): RequestHandler {
  const strict = fixedHelmet(helmetOptions(CSP_DIRECTIVES));
  if (config.nodeEnv === 'production') return strict;
  const unpkg = 'https://unpkg.com';
  const graphiql = fixedHelmet(
    helmetOptions({
      ...CSP_DIRECTIVES,
      scriptSrc: ["'self'", "'unsafe-inline'", unpkg],
      styleSrc: ["'self'", "'unsafe-inline'", unpkg],
      imgSrc: ["'self'", 'data:', unpkg],
      fontSrc: ["'self'", 'data:', unpkg],
    }),
  );
  return (req: Request, res: Response, next: NextFunction) => (req.method === 'GET' && /^\/graphql\/?$/.test(req.path) ? graphiql : strict)(req, res, next);
}

/** CORS for the configured origins only; without GGSM_CORS_ORIGINS no CORS headers at all (same origin). */
export function corsOptions(origins: readonly string[]): CorsOptions {
  const allowed = new Set(origins);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', REQUEST_ID_HEADER, 'Apollo-Require-Preflight'],
    exposedHeaders: [REQUEST_ID_HEADER],
    credentials: false,
    maxAge: 600,
  };
}

type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string; user?: { id?: string } };

/**
 * One JSON line per request, when its response has been sent (or the client went away first): method,
 * URL without secrets, status, duration in ms, request id and user; `msg` is "GET /path 200". Level
 * error for a 5xx, debug for /health, info otherwise. Built from those fields only, so it needs none of
 * the logger's wildcard redaction; errors themselves are logged, redacted, by the error filter.
 *
 * Written here rather than with pino-http: that creates two child loggers and a full copy of the
 * request (all headers) per request only to log these few fields, which made it a fifth of the
 * allocations of a cached public answer and, through the garbage collector, of its slowest responses.
 */
export function requestLogger(): RequestHandler {
  const log = appLogger.child({}, { redact: { paths: [], censor: '[REDACTED]' } });
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const request = req as LoggedRequest;
    const method = req.method;
    const url = req.originalUrl ?? req.url;
    res.once('close', () => {
      const statusCode = res.statusCode;
      const fields = {
        req: { method, url: safeUrl(url) },
        res: { statusCode },
        durationMs: Math.round(performance.now() - started),
        reqId: request.id === undefined ? undefined : String(request.id),
        userId: request.user?.id,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      const message = `${method} ${fields.req.url} ${statusCode}`;
      if (statusCode >= 500) log.error(fields, message);
      else if (url === '/health') log.debug(fields, message);
      else log.info(fields, message);
    });
    next();
  };
}

/**
 * Runs `handlers` one after the other as a single middleware: one layer of express's router instead of
 * one per handler (each layer costs the router's matching and per-request state on every request). An
 * error, or a handler that answers instead of calling on, ends the chain as it would have in separate layers.
 */
export function inSequence(...handlers: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let index = 0;
    const step = (err?: unknown): void => {
      // As express's router: "route" skips the rest of this layer, "router" leaves the router.
      if (err === 'route') return next();
      if (err !== undefined && err !== null) return next(err);
      const handler = handlers[index++];
      if (!handler) return next();
      try {
        const returned = handler(req, res, step) as unknown;
        if (returned instanceof Promise) returned.then(undefined, (rejected: unknown) => next(rejected ?? new Error('Rejected promise')));
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}

/**
 * Everything every request passes before the routes, in this order: request id (and its scope for
 * the logs), request log, security headers, CORS, JSON/urlencoded bodies up to GGSM_BODY_LIMIT
 * (over it: 413 PAYLOAD_TOO_LARGE). Create the app with `bodyParser: false`.
 */
export function applyHttpHardening(app: NestExpressApplication, config: AppConfig): void {
  app.use(inSequence(requestIdMiddleware, requestLogger(), securityHeaders(config)));
  if (config.corsOrigins.length) app.enableCors(corsOptions(config.corsOrigins));
  app.use(inSequence(jsonBody(config.bodyLimit), express.urlencoded({ limit: config.bodyLimit, extended: true })));
}
