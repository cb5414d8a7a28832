import { MIGRATIONS } from '@ggsm/migrations';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEMO, freePort, freshDataDir, startApp } from '@ggsm/testing';

const accounts = async (app: Awaited<ReturnType<typeof startApp>>) =>
  (await app.gqlOk('{ _allSocialAccountsMeta { count } }', {}, await app.login(DEMO.admin)))._allSocialAccountsMeta.count;

describe('start-up', () => {
  it('reports health with the migrations applied', async () => {
    const app = await startApp();
    try {
      const res = await fetch(`${app.url}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', database: 'up', migrations: { applied: MIGRATIONS.length, pending: 0 } });
    } finally {
      await app.stop();
    }
  });

  it('keeps its data across a clean stop, and loads the demo data only once', async () => {
    const dataDir = freshDataDir();
    const first = await startApp({ dataDir });
    const admin = await first.login(DEMO.admin);
    const { allOrgUnits } = await first.gqlOk('{ allOrgUnits(filter: { q: "DIA" }) { id } }', {}, admin);
    // Registering accounts is the communication team's job (and editors'), not the administrator's.
    await first.gqlOk('mutation($u: ID!) { createSocialAccount(platformId: "x", handle: "Blijft050", orgUnitId: $u, kind: ORGANISATIONAL) { id } }', { u: allOrgUnits[0].id }, await first.login(DEMO.communications));
    expect(await first.stop({ keepData: true })).toBe(0);
    expect(first.output()).toMatch(/SIGTERM: stopping/);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await startApp({ dataDir });
    try {
      expect(await accounts(second)).toBe(23);
      expect(second.output()).not.toMatch(/Creating the embedded PostgreSQL cluster/);
    } finally {
      await second.stop();
    }
  });

  it('recovers after a hard kill left PostgreSQL or its postmaster.pid behind', async () => {
    const dataDir = freshDataDir();
    const first = await startApp({ dataDir });
    await first.stop({ keepData: true, signal: 'SIGKILL' });
    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    expect(existsSync(pidFile)).toBe(true);

    const second = await startApp({ dataDir });
    expect(await accounts(second)).toBe(22);
    await second.stop({ keepData: true, signal: 'SIGKILL' });
    // Simulate a stale lock whose process is long gone.
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    expect(existsSync(pidFile)).toBe(true);

    const third = await startApp({ dataDir });
    try {
      expect(await accounts(third)).toBe(22);
      expect(third.output()).toMatch(/stale .*postmaster\.pid/);
    } finally {
      await third.stop();
    }
  });

  it.each([
    [{ PORT: 'drie' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/ggsm' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1:1/ggsm' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
  ])('stops with a message naming the variable for %j', async (env, variable) => {
    const app = await startApp({ env, waitForHealth: false });
    const code = await app.exited;
    await app.stop();
    expect(code).toBe(1);
    expect(app.output()).toContain('ggsm cannot start');
    expect(app.output()).toContain(`${variable}:`);
    expect(app.output()).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it('explains a taken database port instead of hanging', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    try {
      const app = await startApp({ env: { GGSM_EMBEDDED_DB_PORT: String(port) }, waitForHealth: false });
      const code = await app.exited;
      await app.stop();
      expect(code).toBe(1);
      expect(app.output()).toContain(`Port ${port} for the embedded PostgreSQL is already in use (GGSM_EMBEDDED_DB_PORT)`);
    } finally {
      blocker.close();
    }
  });

  it('creates no demo user when NODE_ENV=production, only the configured first administrator', async () => {
    const dataDir = freshDataDir();
    // Production with the embedded database is unusual but must still never carry a default login.
    const env = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      GGSM_AUDIT_KEY: 'k'.repeat(44),
      GGSM_BOOTSTRAP_ADMIN_EMAIL: 'beheer@groningen.example',
      GGSM_BOOTSTRAP_ADMIN_PASSWORD: 'een-sterk-begin-wachtwoord',
    };
    const app = await startApp({ dataDir, env });
    try {
      const res = await fetch(`${app.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO.admin, password: 'ggsm-demo-2026' }),
      });
      expect(res.status).toBe(401);
      expect(app.output()).not.toMatch(/Demo logins/);
      const admin = await app.login('beheer@groningen.example', 'een-sterk-begin-wachtwoord');
      const { allUsers } = await app.gqlOk('{ allUsers { email roles } }', {}, admin);
      expect(allUsers).toEqual([{ email: 'beheer@groningen.example', roles: ['ADMIN'] }]);
      expect((await app.gqlOk('{ _allSocialAccountsMeta { count } }', {}, admin))._allSocialAccountsMeta.count).toBe(0);
    } finally {
      await app.stop();
    }
  });
});

