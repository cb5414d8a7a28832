import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE = resolve(__dirname, '..', '..', '..');
export const API_MAIN = join(WORKSPACE, 'apps', 'api', 'dist', 'main.js');
export const DEMO_PASSWORD = 'ggsm-demo-2026';

export const DEMO = {
  admin: 'admin@groningen.example',
  communications: 'communicatie@groningen.example',
  editorRoez: 'redacteur.roez@groningen.example',
  editorOcsw: 'redacteur.ocsw@groningen.example',
  legal: 'jurist@groningen.example',
  auditor: 'auditor@groningen.example',
} as const;

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

/** A fresh data folder under the system temp dir: as root, PostgreSQL runs as `postgres` and must reach it. */
export const freshDataDir = () => join(tmpdir(), `ggsm-test-${randomBytes(6).toString('hex')}`);

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; messageNl?: string; violations?: { field?: string; code: string; message: string }[] } }[];
}

export interface RunningApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Resolves with the exit code once the process has ended by itself or by stop(). */
  exited: Promise<number | null>;
  output: () => string;
  login(email: string, password?: string): Promise<string>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  gqlOk<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  stop(options?: { keepData?: boolean; signal?: NodeJS.Signals }): Promise<number | null>;
}

export interface StartOptions {
  dataDir?: string;
  env?: Record<string, string>;
  /** Wait for /health; false to observe a start that must fail. */
  waitForHealth?: boolean;
  /**
   * A second API process (a replica) on the database of this running app: DATABASE_URL to its embedded
   * PostgreSQL, and its JWT secret and audit key, so tokens and the audit chain are shared. The replica
   * gets a data folder of its own (removed by its stop(); the database stays with the first app).
   */
  replicaOf?: RunningApp;
}

/** The environment of a replica of `app` (see StartOptions.replicaOf). */
function replicaEnv(app: RunningApp): Record<string, string> {
  const pid = readFileSync(join(app.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  const port = Number(pid[3]);
  return {
    DATABASE_URL: `postgres://ggsm:ggsm@127.0.0.1:${port}/ggsm`,
    JWT_SECRET: readFileSync(join(app.dataDir, 'jwt-secret'), 'utf8').trim(),
    GGSM_AUDIT_KEY: readFileSync(join(app.dataDir, 'audit-key'), 'utf8').trim(),
  };
}

/** Starts the built API exactly as `npm start` does: its own embedded PostgreSQL, real migrations, demo data. */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? freshDataDir();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      GGSM_DATA_DIR: dataDir,
      ...(options.replicaOf ? replicaEnv(options.replicaOf) : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));

  const app: RunningApp = {
    url,
    dataDir,
    process: child,
    exited,
    output: () => log,
    async login(email, password = DEMO_PASSWORD) {
      const res = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const body = (await res.json()) as { accessToken?: string };
      if (!res.ok || !body.accessToken) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(body)}`);
      return body.accessToken;
    },
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResult<any>;
    },
    async gqlOk(query, variables, token) {
      const result = await app.gql(query, variables, token);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as any;
    },
    async stop({ keepData = false, signal = 'SIGTERM' } = {}) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const code = await exited;
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };

  if (options.waitForHealth === false) return app;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ggsm exited with ${child.exitCode} during start-up:\n${log}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) return app;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await app.stop();
  throw new Error(`ggsm did not become healthy within 90 s:\n${log}`);
}
