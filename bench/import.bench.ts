// Bulk import of 10,000 valid account rows through the API's own code path (AccountImportService: decode,
// CSV parse, the domain's row checks, the register check, batched INSERTs, one audit event per account,
// one transaction), on a real PostgreSQL with the real migrations; beside it, in the same run, a plain
// multi-row INSERT of the same rows into a copy of the table with the same indexes. Target: under 10 s
// on 2 cores. Run with `npm run bench` (or `node bench/run.mjs import`).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Role, handleSkeleton, normalizeHandle, profileUrl } from '@ggsm/domain';
import { AuditService } from '../apps/api/src/audit/audit.service';
import type { RequestContext } from '../apps/api/src/auth/request-context';
import { createDataSource } from '../apps/api/src/database/data-source';
import { freePort, startEmbeddedPostgres } from '../apps/api/src/database/embedded-postgres';
import { AccountImportService } from '../apps/api/src/import-export/account-import.service';
import { OrgUnitsService } from '../apps/api/src/org-units/org-units.service';
import { ScopeService } from '../apps/api/src/org-units/scope.service';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const TARGET_SECONDS = 10;
const UNITS = ['RO/EZ', 'RO/EZ > Stadsdeelcoördinatie', 'OCSW', 'OCSW > Muziekschool', 'HVD', 'HVD > Brandweer', 'DIA', 'Milieudienst', 'Bestuursdienst'];
const KINDS = ['ORGANISATIONAL', 'CAMPAIGN', 'PROJECT', 'DEFENSIVE'];
const PLATFORMS = ['x', 'facebook', 'instagram'];

interface Row {
  platform: string;
  handle: string;
  displayName: string;
  unit: string;
  kind: string;
  purposes: string;
  notes: string;
}

function rows(): Row[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    platform: PLATFORMS[i % PLATFORMS.length] as string,
    // Unique per platform, valid everywhere (X: at most 15 characters).
    handle: `gr${i.toString(36)}bench050`,
    displayName: `Gemeente Groningen ${i}`,
    unit: UNITS[i % UNITS.length] as string,
    kind: KINDS[i % KINDS.length] as string,
    purposes: i % 2 ? 'SEND;INTERACT' : 'SEND',
    notes: i % 3 ? '' : 'Uit de inventaris van de diensten, "gecontroleerd", 2026',
  }));
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function main(): Promise<void> {
  const dataDir = join(tmpdir(), `ggsm-bench-${randomBytes(6).toString('hex')}`);
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const db = createDataSource(pg.url);
  try {
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    // The tree the rows name.
    const [root] = await db.query(`INSERT INTO org_unit (name, short_code, kind) VALUES ('Gemeente Groningen', 'GEM', 'MUNICIPALITY') RETURNING id`);
    const ids = new Map<string, string>();
    for (const path of UNITS) {
      const segments = path.split(' > ');
      const parent = segments.length > 1 ? ids.get(segments.slice(0, -1).join(' > ')) : root.id;
      const [u] = await db.query(`INSERT INTO org_unit (name, short_code, kind, parent_id) VALUES ($1, $2, 'DEPARTMENT', $3) RETURNING id`, [segments.at(-1), `U${ids.size}`, parent]);
      ids.set(path, u.id);
    }
    const [user] = await db.query(`INSERT INTO app_user (email, display_name, roles) VALUES ('bench@groningen.example', 'Bench', ARRAY['COMMUNICATIONS']) RETURNING id`);
    const ctx: RequestContext = {
      user: { id: user.id, email: 'bench@groningen.example', displayName: 'Bench', roles: [Role.COMMUNICATIONS], scopeUnitId: null },
      requestId: 'bench',
      ip: null,
    };
    const scope = new ScopeService(db);
    const audit = new AuditService(db, randomBytes(32));
    const importer = new AccountImportService(db, new OrgUnitsService(db, scope, audit), scope, audit);

    const data = rows();
    const header = 'platform,handle,display_name,org_unit_path,kind,purposes,notes';
    const file = Buffer.from([header, ...data.map((r) => [r.platform, r.handle, r.displayName, r.unit, r.kind, r.purposes, r.notes].map(csvCell).join(','))].join('\r\n'), 'utf8');

    // 1. The baseline: the same rows, already normalised, as plain multi-row INSERTs (1,000 rows per
    // statement) into a copy of social_account with the same defaults and indexes (unique, trigram).
    await db.query('CREATE TABLE bench_account (LIKE social_account INCLUDING ALL)');
    const prepared = data.map((r) => [
      r.platform,
      r.handle,
      normalizeHandle(r.platform, r.handle),
      handleSkeleton(r.handle),
      r.displayName,
      profileUrl(r.platform, r.handle),
      ids.get(r.unit) as string,
      r.kind,
      `{${r.purposes.split(';').join(',')}}`,
      r.notes || null,
    ]);
    const baselineStart = performance.now();
    await db.transaction(async (m) => {
      for (let i = 0; i < prepared.length; i += 1000) {
        const batch = prepared.slice(i, i + 1000);
        const values = batch.map((_, k) => `(${Array.from({ length: 10 }, (_, c) => `$${k * 10 + c + 1}`).join(', ')}, 'DRAFT', false)`).join(', ');
        await m.query(
          `INSERT INTO bench_account (platform_key, handle, normalized_handle, handle_skeleton, display_name, profile_url, org_unit_id, kind, purposes, notes, status, legacy) VALUES ${values}`,
          batch.flat(),
        );
      }
    });
    const baselineSeconds = (performance.now() - baselineStart) / 1000;

    // 2. The import: first its check alone (a dry run), then the real thing.
    const dryStart = performance.now();
    const dry = await importer.import(ctx, file, { dryRun: true });
    const drySeconds = (performance.now() - dryStart) / 1000;
    if (dry.validRows !== ROWS || dry.problemCount !== 0) throw new Error(`the bench file is not valid: ${JSON.stringify(dry.problems.slice(0, 3))}`);
    const importStart = performance.now();
    const result = await importer.import(ctx, file, { dryRun: false });
    const importSeconds = (performance.now() - importStart) / 1000;
    const [{ accounts, events }] = await db.query(
      `SELECT (SELECT count(*)::int FROM social_account) AS accounts, (SELECT count(*)::int FROM audit_event WHERE reason = 'import') AS events`,
    );
    if (result.created !== ROWS || accounts !== ROWS || events !== ROWS) throw new Error(`expected ${ROWS} accounts and audit events, got ${result.created}/${accounts}/${events}`);

    const fmt = (n: number) => n.toFixed(2).padStart(8);
    console.log(`\nimport benchmark: ${ROWS.toLocaleString('en')} valid rows (${(file.length / 1024).toFixed(0)} kB CSV), one transaction, one audit event per account`);
    console.log(`${'plain multi-row INSERT (baseline)'.padEnd(46)}${fmt(baselineSeconds)} s`);
    console.log(`${'importSocialAccounts dry run (check only)'.padEnd(46)}${fmt(drySeconds)} s`);
    console.log(`${'importSocialAccounts (check + write + audit)'.padEnd(46)}${fmt(importSeconds)} s   ${(ROWS / importSeconds).toFixed(0)} rows/s`);
    console.log(`${'ratio import / baseline'.padEnd(46)}${fmt(importSeconds / baselineSeconds)} x`);
    console.log(`target: under ${TARGET_SECONDS} s: ${importSeconds < TARGET_SECONDS ? 'met' : 'NOT met'}\n`);
  } finally {
    if (db.isInitialized) await db.destroy();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
