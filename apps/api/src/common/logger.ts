import type { LoggerService } from '@nestjs/common';
import { type DestinationStream, type Level, type Logger, type LoggerOptions, pino } from 'pino';
import type { LogLevel } from '../config/config';
import { currentRequest } from '../http/request-scope';

// One structured logger for the whole API: pino, JSON lines on stdout (human-readable with
// pino-pretty in development only). Every line written while a request is handled carries its
// `reqId` and, once the token is checked, its `userId`. Secrets never reach a line: see REDACT_PATHS.

/** Fields whose values are replaced by "[REDACTED]" wherever they appear in a logged object. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...['password', 'newPassword', 'currentPassword', 'token', 'accessToken', 'refreshToken', 'idToken', 'secret', 'clientSecret', 'authorization', 'cookie', 'reporterName', 'reporterEmail', 'reporterPhone'].flatMap(
    (key) => [key, `*.${key}`, `*.*.${key}`],
  ),
];

/** Query parameters whose values are never logged (login secrets, SSO codes, GraphQL variables). */
const SECRET_PARAM = /pass|token|secret|code|key|auth|session|state|ticket|sig|variables|extensions/i;
const MAX_URL_LENGTH = 512;

/** The URL as it may be logged: the values of secret-looking query parameters replaced, and capped. */
export function safeUrl(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  let safe = url;
  if (q >= 0) {
    const params = url
      .slice(q + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        const rawKey = eq < 0 ? pair : pair.slice(0, eq);
        let key = rawKey;
        try {
          key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
        } catch {
          // keep the raw key
        }
        return eq >= 0 && SECRET_PARAM.test(key) ? `${rawKey}=[REDACTED]` : pair;
      });
    safe = `${url.slice(0, q)}?${params.join('&')}`;
  }
  return safe.length > MAX_URL_LENGTH ? `${safe.slice(0, MAX_URL_LENGTH)}…` : safe;
}

const development = (process.env.NODE_ENV ?? 'development') === 'development';

/** pino-pretty in development when it is installed (a devDependency: never loaded in production). */
function prettyStream(): DestinationStream | undefined {
  if (!development) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (options: Record<string, unknown>) => DestinationStream;
    return pretty({
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      messageFormat: '{if context}[{context}] {end}{msg}',
      ignore: 'pid,hostname,service,context,req,res',
      singleLine: true,
      sync: true,
    });
  } catch {
    return undefined;
  }
}

function createLogger(): Logger {
  const stream = prettyStream();
  const options: LoggerOptions = {
    level: 'info',
    base: { service: 'ggsm', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    // Request id and user of the request being handled; explicit fields of a line win.
    mixin() {
      const req = currentRequest();
      if (!req) return {};
      const fields: Record<string, string> = {};
      if (req.id !== undefined && req.id !== null) fields.reqId = String(req.id);
      if (req.user?.id) fields.userId = req.user.id;
      return fields;
    },
  };
  // Labels ("info") instead of numbers in JSON; pino-pretty prints its own.
  if (!stream) options.formatters = { level: (label) => ({ level: label }) };
  return stream ? pino(options, stream) : pino(options);
}

/** The API's logger. Use it (or logEvent) instead of console.*: lines are JSON with reqId/userId. */
export const appLogger: Logger = createLogger();

/** Applies the validated configuration (GGSM_LOG_LEVEL); called once at start-up. */
export function configureLogging(config: { logLevel: LogLevel }): void {
  appLogger.level = config.logLevel;
}

// ---- Security events (BIO 8.15: action, object, result, origin, actor, time) ----

export type EventResult = 'success' | 'failure' | 'refused';

export interface LogEventFields {
  /** What was attempted, e.g. "login", "authorisation", "SocialAccount.update". */
  action: string;
  /** What it was done to, e.g. "SocialAccount:<uuid>" or the e-mail address of a login; null when none. */
  object?: string | null;
  /** success, failure (it went wrong) or refused (not allowed). */
  result: EventResult;
  /** Where it came from: the client address; defaults to that of the current request. */
  origin?: string | null;
  /** Who did it: user id or e-mail, "system" for the API itself; defaults to the current request's user. */
  actor?: string | null;
  /** When; defaults to now. */
  time?: Date | string;
  /** Anything else worth keeping (secret-looking keys are redacted). */
  details?: Record<string, unknown>;
}

/**
 * Logs one security-relevant event as a structured line:
 * `{"level":"info","event":{"action","object","result","origin","actor","time"},"reqId",...,"msg"}`.
 * Successes are info, failures and refusals warn.
 */
export function logEvent(fields: LogEventFields, message?: string): void {
  const req = currentRequest();
  const time = fields.time === undefined ? new Date() : fields.time;
  const event = {
    action: fields.action,
    object: fields.object ?? null,
    result: fields.result,
    origin: fields.origin ?? req?.ip ?? null,
    actor: fields.actor ?? req?.user?.id ?? null,
    time: time instanceof Date ? time.toISOString() : time,
  };
  const level: Level = fields.result === 'success' ? 'info' : 'warn';
  appLogger[level]({ event, ...(fields.details ? { details: fields.details } : {}) }, message ?? `${event.action}: ${event.result}`);
}

// ---- Nest's own log lines through pino ----

const STACK = /\n\s+at /;

/** Nest's LoggerService on top of appLogger: Nest's lines become JSON like all others. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger = appLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params, true);
  }

  /** Nest passes `(message, context)`, and for errors `(message, stack, context)`. */
  private write(level: Level, message: unknown, params: unknown[], mayHaveStack = false): void {
    const rest = params.filter((p) => p !== undefined);
    const fields: Record<string, unknown> = {};
    const last = rest[rest.length - 1];
    if (typeof last === 'string' && !(mayHaveStack && rest.length === 1 && STACK.test(last))) {
      fields.context = last;
      rest.pop();
    }
    if (mayHaveStack && typeof rest[0] === 'string' && STACK.test(rest[0])) fields.stack = rest.shift();
    if (rest.length) fields.details = rest;
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, data: message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
