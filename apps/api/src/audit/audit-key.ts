import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/config';

/** Known to every developer: only for a database that is not the embedded default and not production. */
const DEVELOPMENT_KEY = 'ggsm-development-audit-key-not-for-production';

/**
 * The key that signs the audit chain's hashes. The database never holds it, so whoever can write to
 * the database directly still cannot re-hash the chain without being caught. Production requires
 * GGSM_AUDIT_KEY (checked by the config); the embedded default keeps one beside its data.
 */
export function resolveAuditKey(config: Pick<AppConfig, 'auditKey' | 'databaseUrl' | 'dataDir'>): { key: Buffer; source: string } {
  if (config.auditKey) return { key: Buffer.from(config.auditKey, 'utf8'), source: 'GGSM_AUDIT_KEY' };
  if (!config.databaseUrl) {
    const dir = resolve(config.dataDir);
    const file = join(dir, 'audit-key');
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    return { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8'), source: file };
  }
  return { key: Buffer.from(DEVELOPMENT_KEY, 'utf8'), source: 'the development key (set GGSM_AUDIT_KEY)' };
}
