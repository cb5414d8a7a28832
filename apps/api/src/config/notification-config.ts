import { z } from 'zod';

// Notifications: the job runner (pg-boss) and e-mail over SMTP. Read once at start-up with the rest of
// the configuration (config.ts); a bad value stops the process naming the variable.

export interface SmtpConfig {
  /** nodemailer transport options: a URL, or host/port/secure/auth. */
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  pass?: string;
  /** The sender, e.g. "ggsm <ggsm@groningen.nl>". */
  from: string;
}

export interface NotificationConfig {
  /** GGSM_NOTIFICATIONS=off: no job runner in this process (the outbox fills; another replica delivers). */
  runner: boolean;
  /** Cron of the scheduled checks (review due, domains expiring, cases overdue); null: only at start and on demand. */
  checksCron: string | null;
  /** Run the checks once when the runner starts. */
  checksAtStart: boolean;
  /** Where the console is, for the links in e-mails. */
  consoleUrl: string;
  /** Undefined: no e-mail, the console's list only. */
  smtp?: SmtpConfig;
}

const text = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const CRON = /^(\S+\s+){4,5}\S+$/;

const schema = z.object({
  GGSM_NOTIFICATIONS: z.enum(['on', 'off']).default('on'),
  GGSM_NOTIFICATION_CHECKS_CRON: z
    .string()
    .trim()
    .default('*/15 * * * *')
    .refine((v) => v === 'off' || CRON.test(v), 'must be a cron expression such as "*/15 * * * *", or "off"'),
  GGSM_NOTIFICATION_CHECKS_AT_START: z.enum(['true', 'false']).default('true'),
  GGSM_CONSOLE_URL: text.refine((v) => v === undefined || /^https?:\/\/[^\s?#]+$/.test(v), 'must be an http(s):// URL without query or fragment'),
  GGSM_SMTP_URL: text.refine((v) => v === undefined || /^smtps?:\/\/\S+$/.test(v), 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example:587'),
  GGSM_SMTP_HOST: text,
  GGSM_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  GGSM_SMTP_SECURE: z.enum(['true', 'false']).optional(),
  GGSM_SMTP_USER: text,
  GGSM_SMTP_PASS: text,
  GGSM_SMTP_FROM: text,
});

export function loadNotificationConfig(env: NodeJS.ProcessEnv, port: number): NotificationConfig | { error: string } {
  const parsed = schema.safeParse(env);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n') };
  const e = parsed.data;
  let smtp: SmtpConfig | undefined;
  if (e.GGSM_SMTP_URL && e.GGSM_SMTP_HOST) return { error: '  GGSM_SMTP_HOST: set GGSM_SMTP_URL or GGSM_SMTP_HOST, not both' };
  const stray = (['GGSM_SMTP_PORT', 'GGSM_SMTP_SECURE', 'GGSM_SMTP_USER', 'GGSM_SMTP_PASS', 'GGSM_SMTP_FROM'] as const).find((k) => e[k] !== undefined);
  if (e.GGSM_SMTP_URL || e.GGSM_SMTP_HOST) {
    if (!e.GGSM_SMTP_FROM) return { error: '  GGSM_SMTP_FROM: required when SMTP is configured (the sender, e.g. "ggsm <ggsm@groningen.nl>")' };
    if (!!e.GGSM_SMTP_USER !== !!e.GGSM_SMTP_PASS) return { error: '  GGSM_SMTP_PASS: set both GGSM_SMTP_USER and GGSM_SMTP_PASS, or neither' };
    smtp = e.GGSM_SMTP_URL
      ? { url: e.GGSM_SMTP_URL, from: e.GGSM_SMTP_FROM }
      : {
          host: e.GGSM_SMTP_HOST,
          port: e.GGSM_SMTP_PORT ?? (e.GGSM_SMTP_SECURE === 'true' ? 465 : 587),
          secure: e.GGSM_SMTP_SECURE === 'true',
          user: e.GGSM_SMTP_USER,
          pass: e.GGSM_SMTP_PASS,
          from: e.GGSM_SMTP_FROM,
        };
  } else if (stray) {
    return { error: `  GGSM_SMTP_HOST: required when ${stray} is set (or use GGSM_SMTP_URL)` };
  }
  return {
    runner: e.GGSM_NOTIFICATIONS === 'on',
    checksCron: e.GGSM_NOTIFICATION_CHECKS_CRON === 'off' ? null : e.GGSM_NOTIFICATION_CHECKS_CRON,
    checksAtStart: e.GGSM_NOTIFICATION_CHECKS_AT_START === 'true',
    consoleUrl: (e.GGSM_CONSOLE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    smtp,
  };
}
