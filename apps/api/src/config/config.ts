import { z } from 'zod';

// Configuration is read once, validated, and a bad value stops the process naming the variable.
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

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
  /** Demo users and the 2011 inventory are only ever loaded into the embedded default. */
  demoData: boolean;
  demoPassword: string;
  adminDir?: string;
  /** Creates the first administrator when no user exists yet (production has no demo users). */
  bootstrapAdmin?: { email: string; password: string };
  logSql: boolean;
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
  if (production && e.GGSM_DEMO_DATA === 'on') {
    throw new ConfigError('Invalid configuration:\n  GGSM_DEMO_DATA: demo users never exist with NODE_ENV=production');
  }
  if (!!e.GGSM_BOOTSTRAP_ADMIN_EMAIL !== !!e.GGSM_BOOTSTRAP_ADMIN_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  GGSM_BOOTSTRAP_ADMIN_PASSWORD: set both GGSM_BOOTSTRAP_ADMIN_EMAIL and GGSM_BOOTSTRAP_ADMIN_PASSWORD, or neither');
  }
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
    demoData,
    demoPassword: e.GGSM_DEMO_PASSWORD ?? 'ggsm-demo-2026',
    adminDir: e.GGSM_ADMIN_DIR,
    bootstrapAdmin:
      e.GGSM_BOOTSTRAP_ADMIN_EMAIL && e.GGSM_BOOTSTRAP_ADMIN_PASSWORD
        ? { email: e.GGSM_BOOTSTRAP_ADMIN_EMAIL, password: e.GGSM_BOOTSTRAP_ADMIN_PASSWORD }
        : undefined,
    logSql: e.GGSM_LOG_SQL === 'true',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
