import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE } from './app';

/** The little of node-postgres these tests use (the workspace has no @types/pg). */
export interface PgClient {
  query<R = Record<string, any>>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
  end(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as { Client: new (config: object) => PgClient & { connect(): Promise<void> } };

/** The embedded PostgreSQL of a running ggsm on dataDir: pid on line 1, port on line 4 of postmaster.pid. */
export function embeddedPostgres(dataDir: string): { pid: number; port: number } | undefined {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

/**
 * A direct connection to the embedded cluster as its owner (a superuser), for what only someone with
 * database access can do: tamper with rows, or count them behind the API's back. Close it with end().
 */
export async function connectAsSuperuser(dataDir: string): Promise<PgClient> {
  const running = embeddedPostgres(dataDir);
  if (!running) throw new Error(`no embedded PostgreSQL runs on ${dataDir}`);
  const client = new pg.Client({ host: '127.0.0.1', port: running.port, user: 'ggsm', password: 'ggsm', database: 'ggsm' });
  await client.connect();
  return client;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run audit:verify -- <args>` against the embedded cluster of a running ggsm on dataDir. */
export function runAuditVerify(dataDir: string, args: string[] = [], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [join(WORKSPACE, 'apps', 'api', 'dist', 'cli', 'audit-verify.js'), ...args], {
      cwd: WORKSPACE,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', GGSM_DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', rej);
    child.once('close', (code) => res({ code, stdout, stderr }));
  });
}

/** Runs fn over items with at most `limit` calls in flight, keeping the order of the results. */
export async function inParallel<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** What the API logged as errors for one request (pino JSON lines with its reqId), one line each. */
export function loggedErrors(output: string, requestId: unknown): string[] {
  if (!requestId) return [];
  return output
    .split('\n')
    .filter((line) => line.includes(String(requestId)))
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { level?: string; err?: { type?: string; message?: string; stack?: string } };
        if (entry.level !== 'error' || !entry.err) return [];
        const at = entry.err.stack?.split('\n').find((l) => l.includes('/apps/api/dist/'))?.trim() ?? '';
        return [`${entry.err.type}: ${entry.err.message} ${at}`];
      } catch {
        return [];
      }
    });
}
