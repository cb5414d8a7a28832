import { z } from 'zod';
import { loadNotificationConfig, type NotificationConfig } from './notification-config';

// Configuration is read once, validated, and a bad value stops the process naming the variable.
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** scheme://host[:port] as a browser sends it in `Origin`, or undefined. */
function asOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    const plain = !url.username && !url.password && !url.search && !url.hash && url.pathname === '/';
    return (url.protocol === 'https:' || url.protocol === 'http:') && plain ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** GGSM_CORS_ORIGINS: comma-separated origins allowed to call the API from a browser; none by default. */
const corsOrigins = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const origins: string[] = [];
    for (const item of (value ?? '').split(',').map((v) => v.trim()).filter(Boolean)) {
      const origin = asOrigin(item);
      if (!origin) {
        ctx.addIssue({ code: 'custom', message: `"${item}" is not an origin: use comma-separated scheme://host[:port], e.g. https://beheer.groningen.nl` });
        return z.NEVER;
      }
      origins.push(origin);
    }
    return origins;
  });

const SIZE = /^(\d+)\s*(b|kb|mb)?$/i;
const UNIT: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };
/** GGSM_BODY_LIMIT: largest accepted request body, in bytes, kb or mb. */
const bodyLimit = z
  .string()
  .trim()
  .default('100kb')
  .transform((value, ctx) => {
    const m = SIZE.exec(value || '100kb');
    const bytes = m ? Number(m[1]) * UNIT[(m[2] ?? 'b').toLowerCase()] : NaN;
    if (!(bytes >= 1024 && bytes <= 10 * 1024 * 1024)) {
      ctx.addIssue({ code: 'custom', message: 'must be a size from 1kb to 10mb, e.g. 100kb' });
      return z.NEVER;
    }
    return bytes;
  });

/** GGSM_EVIDENCE_MAX_BYTES: largest screenshot accepted as evidence, in bytes, kb or mb (default 5mb). */
const evidenceMaxBytes = z
  .string()
  .trim()
  .default('5mb')
  .transform((value, ctx) => {
    const m = SIZE.exec(value || '5mb');
    const bytes = m ? Number(m[1]) * UNIT[(m[2] ?? 'b').toLowerCase()] : NaN;
    if (!(bytes >= 1024 && bytes <= 50 * 1024 * 1024)) {
      ctx.addIssue({ code: 'custom', message: 'must be a size from 1kb to 50mb, e.g. 5mb' });
      return z.NEVER;
    }
    return bytes;
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalUrl,
  GGSM_DATA_DIR: z.string().default('.data'),
  GGSM_EMBEDDED_DB_PORT: port(0),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(8 * 3600),
  GGSM_DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  GGSM_DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  GGSM_ADMIN_DIR: z.string().optional(),
  GGSM_BOOTSTRAP_ADMIN_EMAIL: z.string().email('must be an e-mail address').optional(),
  GGSM_BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  GGSM_LOG_SQL: z.enum(['true', 'false']).default('false'),
  GGSM_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  GGSM_CORS_ORIGINS: corsOrigins,
  GGSM_BODY_LIMIT: bodyLimit,
  GGSM_AUDIT_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/=_-]{43,}$/, 'must be at least 32 random bytes, base64 (e.g. openssl rand -base64 32)')
    .optional(),
  GGSM_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  GGSM_LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  GGSM_LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10000).default(30),
  GGSM_REPORT_RATE_POINTS: z.coerce.number().int().min(1).max(100000).default(10),
  GGSM_REPORT_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(3600),
  GGSM_EVIDENCE_MAX_BYTES: evidenceMaxBytes,
  GGSM_VERIFY_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(120),
  GGSM_VERIFY_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
});

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Undefined means: start the embedded PostgreSQL under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  embeddedDbPort: number;
  jwtSecret?: string;
  jwtTtlSeconds: number;
  /** Single sign-on with OpenID Connect; undefined when GGSM_OIDC_ISSUER is not set. */
  oidc?: OidcConfig;
  /** Demo users and the 2011 inventory are only ever loaded into the embedded default. */
  demoData: boolean;
  demoPassword: string;
  adminDir?: string;
  /** Creates the first administrator when no user exists yet (production has no demo users). */
  bootstrapAdmin?: { email: string; password: string };
  logSql: boolean;
  /** Least severe level that is logged (GGSM_LOG_LEVEL). */
  logLevel: LogLevel;
  /** Origins allowed by CORS; empty: same origin only. */
  corsOrigins: string[];
  /** Largest JSON or form body in bytes; larger is refused with 413. */
  bodyLimit: number;
  /** HMAC key of the audit chain; required in production, kept in dataDir for the embedded default. */
  auditKey?: string;
  /** Failed logins: slowed after the first, locked per account and per client address after these. */
  login: { maxFailures: number; lockSeconds: number; maxFailuresPerAddress: number };
  /** Public impersonation reports (no login): at most `points` per client address per `windowSeconds`. */
  reportRate: { points: number; windowSeconds: number };
  /** Largest screenshot accepted as impersonation evidence, in bytes (GGSM_EVIDENCE_MAX_BYTES). */
  evidenceMaxBytes: number;
  /** Public verification (REST, GraphQL and the public page): at most `limit` checks per client address per `windowSeconds`. */
  verifyRate: { limit: number; windowSeconds: number };
  /** The job runner and e-mail of notifications (config/notification-config.ts). */
  notifications: NotificationConfig;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production');
  }
  if (production && !e.GGSM_AUDIT_KEY) {
    throw new ConfigError('Invalid configuration:\n  GGSM_AUDIT_KEY: required when NODE_ENV=production (openssl rand -base64 32)');
  }
  if (production && e.GGSM_DEMO_DATA === 'on') {
    throw new ConfigError('Invalid configuration:\n  GGSM_DEMO_DATA: demo users never exist with NODE_ENV=production');
  }
  if (!!e.GGSM_BOOTSTRAP_ADMIN_EMAIL !== !!e.GGSM_BOOTSTRAP_ADMIN_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  GGSM_BOOTSTRAP_ADMIN_PASSWORD: set both GGSM_BOOTSTRAP_ADMIN_EMAIL and GGSM_BOOTSTRAP_ADMIN_PASSWORD, or neither');
  }
  const notifications = loadNotificationConfig(env, e.PORT);
  if ('error' in notifications) throw new ConfigError(`Invalid configuration:\n${notifications.error}`);
  const embedded = !e.DATABASE_URL;
  const demoData = !production && (e.GGSM_DEMO_DATA === 'on' || (e.GGSM_DEMO_DATA === 'auto' && embedded));
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.GGSM_DATA_DIR,
    embeddedDbPort: e.GGSM_EMBEDDED_DB_PORT,
    jwtSecret: e.JWT_SECRET,
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    oidc: loadOidcConfig(env),
    demoData,
    demoPassword: e.GGSM_DEMO_PASSWORD ?? 'ggsm-demo-2026',
    adminDir: e.GGSM_ADMIN_DIR,
    bootstrapAdmin:
      e.GGSM_BOOTSTRAP_ADMIN_EMAIL && e.GGSM_BOOTSTRAP_ADMIN_PASSWORD
        ? { email: e.GGSM_BOOTSTRAP_ADMIN_EMAIL, password: e.GGSM_BOOTSTRAP_ADMIN_PASSWORD }
        : undefined,
    logSql: e.GGSM_LOG_SQL === 'true',
    logLevel: e.GGSM_LOG_LEVEL,
    corsOrigins: e.GGSM_CORS_ORIGINS,
    bodyLimit: e.GGSM_BODY_LIMIT,
    auditKey: e.GGSM_AUDIT_KEY,
    login: {
      maxFailures: e.GGSM_LOGIN_MAX_FAILURES,
      lockSeconds: e.GGSM_LOGIN_LOCK_SECONDS,
      maxFailuresPerAddress: e.GGSM_LOGIN_MAX_FAILURES_PER_ADDRESS,
    },
    reportRate: { points: e.GGSM_REPORT_RATE_POINTS, windowSeconds: e.GGSM_REPORT_RATE_WINDOW_SECONDS },
    evidenceMaxBytes: e.GGSM_EVIDENCE_MAX_BYTES,
    verifyRate: { limit: e.GGSM_VERIFY_RATE_LIMIT, windowSeconds: e.GGSM_VERIFY_RATE_WINDOW_SECONDS },
    notifications,
  };
}

// ---- Single sign-on (OpenID Connect, authorization code flow with PKCE): off unless GGSM_OIDC_ISSUER is set ----

export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document is at <issuer>/.well-known/openid-configuration. */
  issuer: string;
  clientId: string;
  /** Undefined: a public client (PKCE only, no client authentication). */
  clientSecret?: string;
  /** Undefined: <origin of the request>/auth/sso/callback. */
  redirectUrl?: string;
  scopes: string;
  /** The provider's name on the console's button: "Inloggen met <label>". */
  label: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** https, or http on this machine only (a provider or console on localhost during development). */
function isSecureUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.search || url.hash) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const secureUrl = optionalText.refine((v) => v === undefined || isSecureUrl(v), 'must be an https:// URL without query or fragment (http:// only on localhost)');

const oidcSchema = z.object({
  GGSM_OIDC_ISSUER: secureUrl,
  GGSM_OIDC_CLIENT_ID: optionalText.refine((v) => v === undefined || v.length <= 255, 'must be at most 255 characters'),
  GGSM_OIDC_CLIENT_SECRET: optionalText,
  GGSM_OIDC_REDIRECT_URL: secureUrl,
  GGSM_OIDC_SCOPES: z
    .string()
    .trim()
    .default('openid email profile')
    .refine((v) => v.split(/\s+/).includes('openid'), 'must be space-separated scopes including "openid"'),
  GGSM_OIDC_LABEL: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters').default('SSO'),
});

function loadOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const parsed = oidcSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (!e.GGSM_OIDC_ISSUER) {
    const stray = (['GGSM_OIDC_CLIENT_ID', 'GGSM_OIDC_CLIENT_SECRET', 'GGSM_OIDC_REDIRECT_URL'] as const).find((k) => e[k]);
    if (stray) throw new ConfigError(`Invalid configuration:\n  GGSM_OIDC_ISSUER: required when ${stray} is set (single sign-on is on only with an issuer)`);
    return undefined;
  }
  if (!e.GGSM_OIDC_CLIENT_ID) {
    throw new ConfigError('Invalid configuration:\n  GGSM_OIDC_CLIENT_ID: required when GGSM_OIDC_ISSUER is set');
  }
  return {
    issuer: e.GGSM_OIDC_ISSUER,
    clientId: e.GGSM_OIDC_CLIENT_ID,
    clientSecret: e.GGSM_OIDC_CLIENT_SECRET,
    redirectUrl: e.GGSM_OIDC_REDIRECT_URL,
    scopes: e.GGSM_OIDC_SCOPES.split(/\s+/).join(' '),
    label: e.GGSM_OIDC_LABEL,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
