import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { pinoHttp } from 'pino-http';
import { appLogger, safeUrl } from '../common/logger';
import type { AppConfig } from '../config/config';
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

/** Security headers (helmet). GraphiQL (development only) loads React and GraphiQL from unpkg.com. */
export function securityHeaders(config: Pick<AppConfig, 'nodeEnv'>): RequestHandler {
  const strict = helmet(helmetOptions(CSP_DIRECTIVES)) as RequestHandler;
  if (config.nodeEnv === 'production') return strict;
  const unpkg = 'https://unpkg.com';
  const graphiql = helmet(
    helmetOptions({
      ...CSP_DIRECTIVES,
      scriptSrc: ["'self'", "'unsafe-inline'", unpkg],
      styleSrc: ["'self'", "'unsafe-inline'", unpkg],
      imgSrc: ["'self'", 'data:', unpkg],
      fontSrc: ["'self'", 'data:', unpkg],
    }),
  ) as RequestHandler;
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

/** One JSON line per request: method, URL without secrets, status, duration, request id and user. */
export function requestLogger(): RequestHandler {
  const who = (req: LoggedRequest) => ({ reqId: req.id === undefined ? undefined : String(req.id), userId: req.user?.id });
  const line = (req: LoggedRequest, res: ServerResponse) => `${req.method} ${safeUrl(req.originalUrl ?? req.url)} ${res.statusCode}`;
  return pinoHttp({
    // The request line is built only from the serializers below (method, URL without secrets, status,
    // duration, ids), so it needs none of the logger's wildcard redaction, which cost more than the
    // rest of a cached public answer. Errors are logged, redacted, by the error filter; here only the code.
    logger: appLogger.child({}, { redact: { paths: [], censor: '[REDACTED]' } }),
    // requestIdMiddleware ran first and set req.id.
    genReqId: (req) => (req as LoggedRequest).id as string,
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: safeUrl(req.url) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customAttributeKeys: { responseTime: 'durationMs' },
    customLogLevel: (req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : (req as LoggedRequest).url === '/health' ? 'debug' : 'info',
    customSuccessObject: (req, _res, value) => ({ ...value, ...who(req as LoggedRequest) }),
    customErrorObject: (req, _res, err, value) => ({ ...value, err: err ? { type: err.name } : undefined, ...who(req as LoggedRequest) }),
    customSuccessMessage: (req, res) => line(req as LoggedRequest, res),
    customErrorMessage: (req, res) => line(req as LoggedRequest, res),
  }) as unknown as RequestHandler;
}

/**
 * Everything every request passes before the routes, in this order: request id (and its scope for
 * the logs), request log, security headers, CORS, JSON/urlencoded bodies up to GGSM_BODY_LIMIT
 * (over it: 413 PAYLOAD_TOO_LARGE). Create the app with `bodyParser: false`.
 */
export function applyHttpHardening(app: NestExpressApplication, config: AppConfig): void {
  app.use(requestIdMiddleware);
  app.use(requestLogger());
  app.use(securityHeaders(config));
  if (config.corsOrigins.length) app.enableCors(corsOptions(config.corsOrigins));
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: true });
}
