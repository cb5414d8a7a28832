import { rmSync } from 'node:fs';
import { connectAsSuperuser, DEMO, embeddedPostgres, type GraphQLResult, type RunningApp, startApp } from '@ggsm/testing';

/**
 * A hard crash in the middle of a burst of writes: whatever the API acknowledged must still be there
 * after a restart, every stored change must have its audit event (they commit together or not at
 * all), and the audit chain must still verify.
 */
interface Ack {
  kind: 'create' | 'update';
  id: string;
  handle?: string;
  displayName?: string;
  version: number;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a crash during a burst of writes', () => {
  it('loses no acknowledged write and no audit event', async () => {
    const first = await startApp();
    const dataDir = first.dataDir;
    let second: RunningApp | undefined;
    try {
      const [comms, editorRoez, editorOcsw] = await Promise.all([first.login(DEMO.communications), first.login(DEMO.editorRoez), first.login(DEMO.editorOcsw)]);
      const { allOrgUnits } = await first.gqlOk('{ allOrgUnits(perPage: 100) { id shortCode } }', {}, comms);
      const unit = (code: string) => allOrgUnits.find((u: { shortCode: string }) => u.shortCode === code).id as string;
      const roez = unit('ROEZ');
      const ocsw = unit('OCSW');

      // Accounts whose display name is rewritten over and over during the burst, one save at a time each.
      const CHAINS = 8;
      const chains: { id: string; version: number; inFlight?: { displayName: string; version: number } }[] = [];
      for (let i = 0; i < CHAINS; i++) {
        const { createSocialAccount } = await first.gqlOk(
          'mutation($h: String!, $u: ID!) { createSocialAccount(platformId: "instagram", handle: $h, orgUnitId: $u, kind: PROJECT) { id version } }',
          { h: `crash.keten.${i}`, u: roez },
          comms,
        );
        chains.push(createSocialAccount);
      }

      const acks: Ack[] = [];
      const unexpected: unknown[] = [];
      let killed = false;
      let inFlight = 0;
      let inFlightAtKill = 0;
      const send = async (query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResult | undefined> => {
        inFlight += 1;
        try {
          const res = await fetch(`${first.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query, variables }),
          });
          const body = (await res.json()) as GraphQLResult;
          if (res.status !== 200 || body.errors?.length || !body.data) {
            unexpected.push({ status: res.status, errors: body.errors });
            return undefined;
          }
          return body;
        } catch {
          // The connection died with the process: not acknowledged, so it may or may not have committed.
          if (!killed) unexpected.push('connection failed before the kill');
          return undefined;
        } finally {
          inFlight -= 1;
        }
      };

      const WORKERS = 20;
      const workers = Array.from({ length: WORKERS }, async (_, w) => {
        for (let n = 0; !killed; n++) {
          if (w < CHAINS) {
            const chain = chains[w] as (typeof chains)[number];
            const displayName = `Keten ${w} versie ${chain.version + 1}`;
            chain.inFlight = { displayName, version: chain.version + 1 };
            const body = await send(
              'mutation($id: ID!, $v: Int!, $n: String) { updateSocialAccount(id: $id, version: $v, displayName: $n) { id displayName version } }',
              { id: chain.id, v: chain.version, n: displayName },
              n % 2 ? comms : editorRoez,
            );
            if (!body) break;
            const saved = body.data?.updateSocialAccount as { id: string; displayName: string; version: number };
            acks.push({ kind: 'update', id: saved.id, displayName: saved.displayName, version: saved.version });
            chain.version = saved.version;
            chain.inFlight = undefined;
          } else {
            const [token, orgUnit] = w % 3 === 0 ? [comms, roez] : w % 3 === 1 ? [editorRoez, roez] : [editorOcsw, ocsw];
            const handle = `crash.w${w}.${n}`;
            const body = await send(
              'mutation($h: String!, $u: ID!) { createSocialAccount(platformId: "instagram", handle: $h, orgUnitId: $u, kind: PROJECT) { id handle version } }',
              { h: handle, u: orgUnit },
              token as string,
            );
            if (!body) break;
            const created = body.data?.createSocialAccount as { id: string; handle: string; version: number };
            acks.push({ kind: 'create', id: created.id, handle: created.handle, version: created.version });
          }
        }
      });

      // Pull the plug once the burst is well under way, with writes still in flight.
      const deadline = Date.now() + 30_000;
      while (acks.length < 80 && Date.now() < deadline && !unexpected.length) await new Promise((r) => setTimeout(r, 5));
      inFlightAtKill = inFlight;
      killed = true;
      first.process.kill('SIGKILL');
      await first.exited;
      await Promise.all(workers);
      const ackedBeforeKill = acks.length;
      expect(unexpected.slice(0, 3)).toEqual([]);
      expect(inFlightAtKill).toBeGreaterThan(0);
      expect(ackedBeforeKill).toBeGreaterThanOrEqual(80);

      // The embedded PostgreSQL may have outlived the API; the next start-up copes either way.
      const orphan = embeddedPostgres(dataDir);
      const survived = Boolean(orphan && alive(orphan.pid));
      second = await startApp({ dataDir });
      const db = await connectAsSuperuser(dataDir);
      try {
        // Every acknowledged create is there, under its handle.
        const creates = acks.filter((a) => a.kind === 'create');
        const { rows: stored } = await db.query<{ id: string; handle: string; version: number; display_name: string | null }>(
          'SELECT id, handle, version, display_name FROM social_account WHERE id = ANY($1)',
          [[...new Set(acks.map((a) => a.id))]],
        );
        const byId = new Map(stored.map((r) => [r.id, r]));
        const missing: unknown[] = creates.filter((a) => byId.get(a.id)?.handle !== a.handle);

        // Every acknowledged update is in the history, and the account holds it or the one save in flight after it.
        for (const a of acks.filter((x) => x.kind === 'update')) {
          const { rows } = await db.query(
            `SELECT 1 FROM audit_event WHERE action = 'social_account.updated' AND entity_id = $1 AND after->>'displayName' = $2 AND (after->>'version')::int = $3`,
            [a.id, a.displayName, a.version],
          );
          const row = byId.get(a.id);
          if (rows.length !== 1 || !row || row.version < a.version) missing.push({ ...a, stored: row, events: rows.length });
        }
        for (const chain of chains) {
          const row = byId.get(chain.id);
          const held = row?.version === chain.version && (chain.version === 1 || row?.display_name === `Keten ${chains.indexOf(chain)} versie ${chain.version}`);
          const next = chain.inFlight && row?.version === chain.inFlight.version && row?.display_name === chain.inFlight.displayName;
          if (!held && !next) missing.push({ chain, stored: row });
        }

        // No business row without its events: a created event each, and one event per version step.
        const { rows: withoutCreated } = await db.query(
          `SELECT a.id FROM social_account a WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.action = 'social_account.created' AND e.entity_id = a.id::text)`,
        );
        const { rows: withoutUpdates } = await db.query(
          `SELECT a.id, a.version, (SELECT count(*) FROM audit_event e WHERE e.entity_id = a.id::text AND e.action LIKE 'social\\_account.%' AND e.action <> 'social_account.created')::int AS events
             FROM social_account a
            WHERE a.version - 1 <> (SELECT count(*) FROM audit_event e WHERE e.entity_id = a.id::text AND e.action LIKE 'social\\_account.%' AND e.action <> 'social_account.created')`,
        );
        // …and no event for a change that did not happen.
        const { rows: orphanEvents } = await db.query(
          `SELECT e.seq FROM audit_event e WHERE e.action = 'social_account.created' AND NOT EXISTS (SELECT 1 FROM social_account a WHERE a.id::text = e.entity_id)`,
        );
        const auditor = await second.login(DEMO.auditor);
        const count = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_event')).rows[0]?.n);
        const report = (await second.gqlOk('{ verifyAuditChain { ok length brokenAt problem } }', {}, auditor)).verifyAuditChain;

        const without = withoutCreated.length + withoutUpdates.length;
        console.log(
          `crash: ${acks.length} acknowledged writes, ${acks.length - missing.length} present after restart, ${without} rows without audit event, ` +
            `chain ${report.ok ? 'intact' : `BROKEN at ${report.brokenAt}`} (${report.length} events)` +
            ` [${inFlightAtKill} in flight at the kill; PostgreSQL ${survived ? 'outlived' : 'died with'} the API]`,
        );
        expect(missing).toEqual([]);
        expect(withoutCreated).toEqual([]);
        expect(withoutUpdates).toEqual([]);
        expect(orphanEvents).toEqual([]);
        expect(report).toEqual({ ok: true, length: count, brokenAt: null, problem: null });
      } finally {
        await db.end();
      }
    } finally {
      if (second) {
        await second.stop();
      } else {
        // The restart never happened: end the killed app's orphaned PostgreSQL ourselves.
        if (first.process.exitCode === null && first.process.signalCode === null) await first.stop({ keepData: true, signal: 'SIGKILL' });
        const orphan = embeddedPostgres(dataDir);
        if (orphan && alive(orphan.pid)) process.kill(orphan.pid, 'SIGINT');
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  });
});
