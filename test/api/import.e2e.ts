import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { DEMO, type PgClient, type RunningApp, WORKSPACE, connectAsSuperuser, startApp } from '@ggsm/testing';

// Bulk import and export (issue 8): the 2011 inventory into a fresh register, Dutch Excel files, bad
// rows, duplicates, profile URLs, editor scope, exports that import again, the audit trail as CSV.

const INVENTORY = readFileSync(join(WORKSPACE, 'apps', 'api', 'src', 'demo', 'nota-2011-inventory.csv'));
const IMPORT = `mutation($c: String!, $e: ImportEncoding, $d: Boolean!, $o: Boolean, $l: Boolean) {
  importSocialAccounts(content: $c, encoding: $e, dryRun: $d, onlyValidRows: $o, asLegacy: $l) {
    dryRun charset delimiter totalRows validRows created duplicateRows takenRows problemCount status ignoredColumns
    problems { line column code message messageNl }
  }
}`;

interface ImportResult {
  dryRun: boolean;
  charset: string;
  delimiter: string;
  totalRows: number;
  validRows: number;
  created: number;
  duplicateRows: number;
  takenRows: number;
  problemCount: number;
  status: string;
  ignoredColumns: string[];
  problems: { line: number; column: string | null; code: string; message: string; messageNl: string }[];
}

type Options = { dryRun: boolean; onlyValidRows?: boolean; asLegacy?: boolean };
const b64 = (bytes: Buffer | string) => (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64');

async function importFile(target: RunningApp, token: string, bytes: Buffer | string, options: Options) {
  // Options left out are not sent (an explicit null is refused, as everywhere in the API).
  return target.gql<{ importSocialAccounts: ImportResult }>(IMPORT, { c: b64(bytes), e: 'BASE64', d: options.dryRun, o: options.onlyValidRows, l: options.asLegacy }, token);
}
async function importOk(target: RunningApp, token: string, bytes: Buffer | string, options: Options): Promise<ImportResult> {
  const res = await importFile(target, token, bytes, options);
  if (res.errors?.length) throw new Error(`import failed: ${JSON.stringify(res.errors)}`);
  return res.data!.importSocialAccounts;
}
const codes = (r: ImportResult) => r.problems.map((p) => [p.line, p.column, p.code]);

/** The console's upload: NDJSON progress lines, then the result or the error. */
async function upload(target: RunningApp, token: string, body: Buffer | string, query: string) {
  const res = await fetch(`${target.url}/api/import/accounts?${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await res.text();
  return { status: res.status, lines: text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

async function download(target: RunningApp, path: string, token?: string) {
  const res = await fetch(`${target.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('the 2011 inventory into a fresh register', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ env: { GGSM_DEMO_DATA: 'off', GGSM_BOOTSTRAP_ADMIN_EMAIL: 'beheer@groningen.example', GGSM_BOOTSTRAP_ADMIN_PASSWORD: 'een-lang-wachtwoord' } });
  });
  afterAll(() => app?.stop());

  it('loads all 22 accounts as legacy ACTIVE, with one audit event each, as the administrator', async () => {
    const admin = await app.login('beheer@groningen.example', 'een-lang-wachtwoord');
    // The tree the inventory names, below one root.
    const rows = parse(INVENTORY, { columns: true, bom: true }) as { org_unit_path: string }[];
    const ids = new Map<string, string>();
    const unit = async (path: string): Promise<string> => {
      const known = ids.get(path);
      if (known) return known;
      const segments = path.split(' > ');
      const parent = segments.length > 1 ? await unit(segments.slice(0, -1).join(' > ')) : null;
      const { createOrgUnit } = await app.gqlOk(
        'mutation($n: String!, $c: String!, $p: ID) { createOrgUnit(name: $n, shortCode: $c, kind: DEPARTMENT, parentId: $p) { id } }',
        { n: segments.at(-1), c: `U${ids.size}`, p: parent },
        admin,
      );
      ids.set(path, createOrgUnit.id);
      return createOrgUnit.id;
    };
    await unit('Gemeente Groningen');
    for (const r of rows) if (r.org_unit_path !== 'Gemeente Groningen') await unit(`Gemeente Groningen > ${r.org_unit_path}`);

    // Administrators do not register accounts: only an old inventory, as legacy.
    const plain = await importFile(app, admin, INVENTORY, { dryRun: true });
    expect(plain.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const dry = await importOk(app, admin, INVENTORY, { dryRun: true, asLegacy: true });
    expect(dry).toMatchObject({ dryRun: true, charset: 'UTF-8', delimiter: ',', totalRows: 22, validRows: 22, created: 0, problemCount: 0, status: 'ACTIVE', ignoredColumns: [] });
    expect((await app.gqlOk('{ _allSocialAccountsMeta { count } }', {}, admin))._allSocialAccountsMeta.count).toBe(0);

    const done = await importOk(app, admin, INVENTORY, { dryRun: false, asLegacy: true });
    expect(done).toMatchObject({ created: 22, validRows: 22, problemCount: 0 });
    const db = await connectAsSuperuser(app.dataDir);
    try {
      const { rows: accounts } = await db.query<{ handle: string; status: string; legacy: boolean; approved_by_id: string | null; path: string }>(
        `SELECT a.handle, a.status, a.legacy, a.approved_by_id, u.name AS path FROM social_account a JOIN org_unit u ON u.id = a.org_unit_id ORDER BY a.handle`,
      );
      expect(accounts).toHaveLength(22);
      expect(accounts.every((a) => a.status === 'ACTIVE' && a.legacy && a.approved_by_id === null)).toBe(true);
      expect(accounts.filter((a) => a.path === 'Stadsdeelcoördinatie').map((a) => a.handle).sort()).toEqual(['SDC050Ton', 'sdcAnneKrijn', 'sdcGroningen', 'sdcLiesbeth']);
      const { rows: events } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'social_account.created' AND reason = 'import' AND entity_type = 'SocialAccount'`);
      expect(events[0].n).toBe(22);
    } finally {
      await db.end();
    }
    // The chain still verifies after a bulk append.
    expect((await app.gqlOk('{ verifyAuditChain { ok } }', {}, admin)).verifyAuditChain.ok).toBe(true);
  });
});

describe('import and export on the demo register', () => {
  let app: RunningApp;
  let db: PgClient;
  let comms: string;
  let editor: string;
  let auditor: string;
  const started = new Date();
  const counts = async () => {
    const { rows } = await db.query<{ a: number; e: number }>('SELECT (SELECT count(*)::int FROM social_account) AS a, (SELECT count(*)::int FROM audit_event) AS e');
    return rows[0];
  };
  const account = async (platform: string, handle: string) =>
    (
      await db.query<{ handle: string; display_name: string | null; status: string; legacy: boolean; unit: string; purposes: string[] }>(
        `SELECT a.handle, a.display_name, a.status, a.legacy, u.name AS unit, a.purposes FROM social_account a JOIN org_unit u ON u.id = a.org_unit_id
          WHERE a.platform_key = $1 AND a.normalized_handle = lower($2)`,
        [platform, handle],
      )
    ).rows[0];

  beforeAll(async () => {
    app = await startApp();
    db = await connectAsSuperuser(app.dataDir);
    comms = await app.login(DEMO.communications);
    editor = await app.login(DEMO.editorRoez);
    auditor = await app.login(DEMO.auditor);
  });
  afterAll(async () => {
    await db?.end();
    await app?.stop();
  });

  it('a dry run of the inventory against the demo register finds all 22 accounts taken, and writes nothing', async () => {
    const before = await counts();
    const r = await importOk(app, comms, INVENTORY, { dryRun: true });
    expect(r).toMatchObject({ totalRows: 22, validRows: 0, takenRows: 22, problemCount: 22, created: 0 });
    expect(r.problems.every((p) => p.code === 'HANDLE_TAKEN' && p.column === 'handle')).toBe(true);
    expect(r.problems.map((p) => p.line)).toEqual(Array.from({ length: 22 }, (_, i) => i + 2));
    expect(r.problems[14]).toMatchObject({ line: 16, message: 'This account is already registered as @sdcGroningen (Stadsdeelcoördinatie).' });
    expect(await counts()).toEqual(before);
  });

  it('reads a Dutch Excel file: semicolons, Windows-1252, Dutch headers; Stadsdeelcoördinatie survives', async () => {
    const file = iconv.encode(
      [
        'Platform;Account;Naam;Dienst;Soort;Doelen;Opmerkingen',
        'X;sdcOosterpark;Wijkteam Oosterpark;RO/EZ > Stadsdeelcoördinatie;persoonlijk in functie;"zenden;luisteren";Coördinator wijkvernieuwing',
        'Facebook;Stadsdeelcoordinatie050;Stadsdeelcoördinatie;Gemeente Groningen > RO/EZ > Stadsdeelcoördinatie;Organisatie;interacteren;',
        '',
      ].join('\r\n'),
      'win1252',
    );
    expect(file.includes(Buffer.from('ö', 'utf8'))).toBe(false);
    const before = await counts();
    const r = await importOk(app, comms, file, { dryRun: false });
    expect(r).toMatchObject({ charset: 'windows-1252', delimiter: ';', totalRows: 2, validRows: 2, created: 2, problemCount: 0, status: 'DRAFT' });
    expect(await account('x', 'sdcOosterpark')).toEqual({
      handle: 'sdcOosterpark',
      display_name: 'Wijkteam Oosterpark',
      status: 'DRAFT',
      legacy: false,
      unit: 'Stadsdeelcoördinatie',
      purposes: ['SEND', 'LISTEN'],
    });
    expect(await account('facebook', 'Stadsdeelcoordinatie050')).toMatchObject({ display_name: 'Stadsdeelcoördinatie', unit: 'Stadsdeelcoördinatie' });
    expect(await counts()).toEqual({ a: before.a + 2, e: before.e + 2 });
    const { rows } = await db.query<{ actor_email: string; reason: string; after: { status: string; handle: string } }>(
      `SELECT actor_email, reason, after FROM audit_event WHERE action = 'social_account.created' ORDER BY seq DESC LIMIT 2`,
    );
    expect(rows.map((e) => [e.actor_email, e.reason, e.after.status]).sort()).toEqual([
      [DEMO.communications, 'import', 'DRAFT'],
      [DEMO.communications, 'import', 'DRAFT'],
    ]);
  });

  const BAD = [
    'platform,handle,display_name,org_unit_path,kind,purposes',
    'x,Damster050,Damsterdiep,RO/EZ,PROJECT,SEND',
    'myspace,gemeente050,Fout platform,RO/EZ,ORGANISATIONAL,SEND',
    'x,stads beheer,Spatie,Nergens,ORGANISATIONAL,SHOUT',
    '"x","Kardinge050","Kardinge ""Sport""","OCSW > Kardinge",ORGANISATIONAL,"SEND;INTERACT"',
    'x,Stadsbeheer050,Al van ons,RO/EZ,ORGANISATIONAL,SEND',
  ].join('\n');

  it('a file with bad rows: every problem with its line and column, and nothing written', async () => {
    const before = await counts();
    const dry = await importOk(app, comms, BAD, { dryRun: true });
    expect(dry).toMatchObject({ totalRows: 5, validRows: 2, takenRows: 1, created: 0 });
    expect(codes(dry)).toEqual([
      [3, 'platform', 'PLATFORM_UNKNOWN'],
      [4, 'handle', 'HANDLE_INVALID_CHARACTERS'],
      [4, 'org_unit_path', 'ORG_UNIT_UNKNOWN'],
      [4, 'purposes', 'PURPOSE_UNKNOWN'],
      [6, 'handle', 'HANDLE_TAKEN'],
    ]);
    expect(dry.problems[0]).toMatchObject({ message: 'Unknown platform "myspace".', messageNl: 'Onbekend platform "myspace".' });

    const refused = await importFile(app, comms, BAD, { dryRun: false });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.violations?.map((v) => [v.field, v.code])).toEqual([
      ['line 3: platform', 'PLATFORM_UNKNOWN'],
      ['line 4: handle', 'HANDLE_INVALID_CHARACTERS'],
      ['line 4: org_unit_path', 'ORG_UNIT_UNKNOWN'],
      ['line 4: purposes', 'PURPOSE_UNKNOWN'],
      ['line 6: handle', 'HANDLE_TAKEN'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('only the valid rows, when asked', async () => {
    const before = await counts();
    const r = await importOk(app, comms, BAD, { dryRun: false, onlyValidRows: true });
    expect(r).toMatchObject({ validRows: 2, created: 2, problemCount: 5 });
    expect(await account('x', 'Damster050')).toMatchObject({ status: 'DRAFT', unit: 'RO/EZ' });
    expect(await account('x', 'Kardinge050')).toMatchObject({ display_name: 'Kardinge "Sport"', unit: 'Kardinge', purposes: ['SEND', 'INTERACT'] });
    expect(await counts()).toEqual({ a: before.a + 2, e: before.e + 2 });
  });

  it('the same account twice in the file, in other spellings', async () => {
    const file = [
      'platform,handle,org_unit_path,kind',
      'instagram,groningen.stad,Gemeente Groningen,ORGANISATIONAL',
      'instagram,@Groningen.Stad,Gemeente Groningen,ORGANISATIONAL',
      ',https://www.instagram.com/groningen.stad/,Gemeente Groningen,ORGANISATIONAL',
      'instagram,groningen.stad2,Gemeente Groningen,ORGANISATIONAL',
    ].join('\n');
    const r = await importOk(app, comms, file, { dryRun: true });
    expect(r).toMatchObject({ totalRows: 4, validRows: 2, duplicateRows: 2 });
    expect(codes(r)).toEqual([
      [3, 'handle', 'DUPLICATE_IN_FILE'],
      [4, 'handle', 'DUPLICATE_IN_FILE'],
    ]);
    expect(r.problems[0].message).toBe('The same account as on line 2.');
    const refused = await importFile(app, comms, file, { dryRun: false });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('profile URLs instead of handles, without a platform column; tab-separated', async () => {
    const file = [
      'handle\torg_unit_path\tkind\tpurposes',
      'https://twitter.com/#!/Wethouder050\tBestuursdienst\tADMINISTRATOR\tSEND',
      'www.facebook.com/Oosterpoort050?ref=page\tOCSW > De Oosterpoort\tORGANISATIONAL\tSEND',
      'https://mastodon.nl/@groningen\tGemeente Groningen\tORGANISATIONAL\tWEBCARE',
    ].join('\n');
    const r = await importOk(app, comms, file, { dryRun: false });
    expect(r).toMatchObject({ delimiter: '\t', created: 3, problemCount: 0 });
    expect(await account('x', 'Wethouder050')).toMatchObject({ handle: 'Wethouder050', unit: 'Bestuursdienst' });
    expect(await account('facebook', 'Oosterpoort050')).toMatchObject({ handle: 'Oosterpoort050', unit: 'De Oosterpoort' });
    expect(await account('mastodon', 'groningen@mastodon.nl')).toMatchObject({ unit: 'Gemeente Groningen' });
  });

  it('an editor imports only into its own units, never as legacy', async () => {
    const file = ['platform,handle,org_unit_path,kind', 'x,sdcEditor050,RO/EZ > Stadsdeelcoördinatie,ORGANISATIONAL', 'x,ocswEditor050,OCSW,ORGANISATIONAL'].join('\n');
    const dry = await importOk(app, editor, file, { dryRun: true });
    // Another unit is, for an editor, an unknown unit: the same answer as a unit that does not exist.
    expect(codes(dry)).toEqual([[3, 'org_unit_path', 'ORG_UNIT_UNKNOWN']]);
    const before = await counts();
    expect((await importFile(app, editor, file, { dryRun: false })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await importFile(app, editor, file, { dryRun: true, asLegacy: true })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    expect(await importOk(app, editor, file, { dryRun: false, onlyValidRows: true })).toMatchObject({ created: 1 });
    expect(await account('x', 'sdcEditor050')).toMatchObject({ unit: 'Stadsdeelcoördinatie', status: 'DRAFT' });
    // Roles without registration rights never reach the file.
    for (const login of [DEMO.legal, DEMO.auditor]) {
      expect((await importFile(app, await app.login(login), file, { dryRun: true })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('the console upload reports real progress while writing, then the result', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `x,bulk${i}050,Gemeente Groningen,DEFENSIVE`);
    const file = ['platform,handle,org_unit_path,kind', ...rows].join('\n');
    const dry = await upload(app, comms, file, 'dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.lines.at(-1).result).toMatchObject({ dryRun: true, totalRows: 1200, validRows: 1200, created: 0 });
    const res = await upload(app, comms, file, 'dryRun=false');
    const writing = res.lines.filter((l) => l.progress?.phase === 'writing').map((l) => l.progress.done);
    expect(writing).toEqual([500, 1000, 1200]);
    expect(res.lines.at(-1).result).toMatchObject({ created: 1200, problemCount: 0 });
    // Errors arrive in the same stream, with their code.
    const bad = await upload(app, comms, BAD, 'dryRun=false');
    expect(bad.lines.at(-1).error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await upload(app, comms, file, 'dryRun=maybe')).status).toBe(400);
  });

  it('limits and unreadable files answer with clear codes', async () => {
    const tooMany = ['platform,handle,org_unit_path,kind', ...Array.from({ length: 10_001 }, (_, i) => `x,many${i},GEM,DEFENSIVE`)].join('\n');
    expect((await upload(app, comms, tooMany, 'dryRun=true')).lines.at(-1).error.violations[0].code).toBe('IMPORT_TOO_MANY_ROWS');
    const tooLarge = await upload(app, comms, Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), 'dryRun=true');
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.lines[0].error.violations[0].code).toBe('IMPORT_TOO_LARGE');
    const xlsx = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(100)]);
    expect((await importFile(app, comms, xlsx, { dryRun: true })).errors?.[0]?.extensions?.violations?.[0]?.code).toBe('IMPORT_NOT_TEXT');
    const notBase64 = await app.gql(IMPORT, { c: 'dit is geen base64!', e: 'BASE64', d: true }, comms);
    expect(notBase64.errors?.[0]?.extensions?.violations?.[0]?.code).toBe('IMPORT_BAD_BASE64');
    const unclosed = await importOk(app, comms, 'platform,handle,org_unit_path,kind\nx,"open,GEM,DEFENSIVE\n', { dryRun: true });
    expect(codes(unclosed)).toEqual([[2, null, 'CSV_MALFORMED']]);
    const noColumns = await importOk(app, comms, 'platform,account\nx,a\n', { dryRun: true });
    expect(codes(noColumns)).toEqual([
      [1, null, 'COLUMN_MISSING'],
      [1, null, 'COLUMN_MISSING'],
    ]);
  });

  it('export round trip: the CSV imports again, every row already registered and nothing else wrong', async () => {
    const csv = await download(app, '/api/export/accounts.csv', comms);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toMatch(/attachment; filename="ggsm-accounts-\d{4}-\d{2}-\d{2}\.csv"/);
    const total = (await app.gqlOk('{ _allSocialAccountsMeta { count } }', {}, comms))._allSocialAccountsMeta.count;
    // The register holds legacy accounts: re-read as the inventory it is (legacy rules). The file is
    // larger than a GraphQL request may be (GGSM_BODY_LIMIT), so it goes the console's way.
    const r = (await upload(app, comms, csv.bytes, 'dryRun=true&asLegacy=true')).lines.at(-1).result as ImportResult;
    expect(r.totalRows).toBe(total);
    expect(r.takenRows).toBe(total);
    expect(r.ignoredColumns).toEqual([]);
    expect(r.problemCount).toBe(total);
    expect(r.problems.filter((p) => p.code !== 'HANDLE_TAKEN')).toEqual([]);

    const json = await download(app, '/api/export/accounts.json', comms);
    const body = JSON.parse(json.bytes.toString('utf8'));
    expect(body.count).toBe(total);
    expect(body.accounts.find((a: { handle: string }) => a.handle === 'sdcOosterpark')).toMatchObject({
      platform: 'x',
      org_unit_path: 'Gemeente Groningen > RO/EZ > Stadsdeelcoördinatie',
      purposes: ['SEND', 'LISTEN'],
      status: 'DRAFT',
    });
  });

  it('an editor exports only its own units; without a token nothing', async () => {
    const body = JSON.parse((await download(app, '/api/export/accounts.json', editor)).bytes.toString('utf8'));
    expect(body.count).toBeGreaterThan(0);
    expect(body.accounts.every((a: { org_unit_path: string }) => a.org_unit_path.startsWith('Gemeente Groningen > RO/EZ'))).toBe(true);
    const csvRows = parse((await download(app, '/api/export/accounts.csv', editor)).bytes, { columns: true, bom: true }) as { org_unit_path: string }[];
    expect(csvRows).toHaveLength(body.count);
    const anonymous = await download(app, '/api/export/accounts.csv');
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.bytes.toString()).error.code).toBe('UNAUTHENTICATED');
  });

  it('the audit trail for a time range as CSV, for auditors and administrators only', async () => {
    const to = new Date(Date.now() + 60_000);
    const query = `from=${encodeURIComponent(started.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
    const res = await download(app, `/api/export/audit.csv?${query}`, auditor);
    expect(res.status).toBe(200);
    const events = parse(res.bytes, { columns: true, bom: true }) as Record<string, string>[];
    const meta = await app.gqlOk('query($f: DateTime, $t: DateTime) { _allAuditEventsMeta(filter: { from: $f, to: $t }) { count } }', { f: started.toISOString(), t: to.toISOString() }, auditor);
    expect(events).toHaveLength(meta._allAuditEventsMeta.count);
    expect(events.length).toBeGreaterThan(1200);
    const seqs = events.map((e) => Number(e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(events.every((e) => new Date(e.occurred_at) >= started && new Date(e.occurred_at) < to)).toBe(true);
    const imported = events.filter((e) => e.action === 'social_account.created' && e.reason === 'import');
    expect(imported.length).toBe(2 + 2 + 3 + 1 + 1200);
    expect(JSON.parse(imported[0].after)).toMatchObject({ status: 'DRAFT' });
    // Each event links to the one before it.
    for (let i = 1; i < events.length; i++) if (seqs[i] === seqs[i - 1] + 1) expect(events[i].prev_hash).toBe(events[i - 1].hash);

    const admin = await app.login(DEMO.admin);
    expect((await download(app, `/api/export/audit.csv?${query}`, admin)).status).toBe(200);
    for (const token of [comms, editor]) {
      const refused = await download(app, `/api/export/audit.csv?${query}`, token);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.bytes.toString()).error.code).toBe('FORBIDDEN');
    }
    const bad = await download(app, '/api/export/audit.csv?from=gisteren', auditor);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString()).error.violations[0].code).toBe('DATE_INVALID');
    expect((await download(app, `/api/export/audit.csv?from=${to.toISOString()}&to=${started.toISOString()}`, auditor)).status).toBe(400);
  });
});
