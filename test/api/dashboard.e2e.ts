import { DEMO, type PgClient, type RunningApp, connectAsSuperuser, startApp } from '@ggsm/testing';

// The console's home page figures: each number against the database, per role scope, and the lists they link to.

let app: RunningApp;
let db: PgClient;
let comms: string;
let editor: string;

const FIELDS = `accountsByStatus { key label count } activeByPlatform { key label count } activeByUnit { key label count } activeTotal
  activeNamingErrors { count ids } activeChecklistIncomplete { count ids } reviewsOverdue tooFewOwners defunctPlatform submittedWaiting drafts urlsExpiring urlsExpired
  openCasesByState { key count } casesOverdue casesInLegalReview`;
const dashboardOf = async (token: string) => (await app.gqlOk(`{ dashboard { ${FIELDS} } }`, {}, token)).dashboard;
const sql = async (text: string, values: unknown[] = []) => Number((await db.query<{ n: string }>(text, values)).rows[0].n);

beforeAll(async () => {
  app = await startApp();
  db = await connectAsSuperuser(app.dataDir);
  comms = await app.login(DEMO.communications);
  editor = await app.login(DEMO.editorRoez);
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('dashboard', () => {
  it('counts every account by status, and the active ones by platform and by service, as the database does', async () => {
    const d = await dashboardOf(comms);
    for (const row of d.accountsByStatus) {
      expect(row.count).toBe(await sql('SELECT count(*) AS n FROM social_account WHERE status = $1', [row.key]));
    }
    expect(d.accountsByStatus.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(await sql('SELECT count(*) AS n FROM social_account'));
    expect(d.activeTotal).toBe(await sql("SELECT count(*) AS n FROM social_account WHERE status = 'ACTIVE'"));
    for (const row of d.activeByPlatform) {
      expect(row.count).toBe(await sql("SELECT count(*) AS n FROM social_account WHERE status = 'ACTIVE' AND platform_key = $1", [row.key]));
    }
    expect(d.activeByPlatform.map((r: { key: string }) => r.key).sort()).toEqual(
      (await db.query<{ k: string }>("SELECT DISTINCT platform_key AS k FROM social_account WHERE status = 'ACTIVE'")).rows.map((r) => r.k).sort(),
    );
    // A service counts its own accounts and those of every unit below it.
    const ocsw = d.activeByUnit.find((u: { label: string }) => u.label === 'OCSW');
    expect(ocsw.count).toBe(
      await sql(
        `WITH RECURSIVE sub AS (SELECT id FROM org_unit WHERE id = $1 UNION ALL SELECT u.id FROM org_unit u JOIN sub ON u.parent_id = sub.id)
         SELECT count(*) AS n FROM social_account WHERE status = 'ACTIVE' AND org_unit_id IN (SELECT id FROM sub)`,
        [ocsw.key],
      ),
    );
    expect(d.submittedWaiting).toBe(await sql("SELECT count(*) AS n FROM social_account WHERE status = 'SUBMITTED'"));
    expect(d.drafts).toBe(await sql("SELECT count(*) AS n FROM social_account WHERE status = 'DRAFT'"));
    expect(d.reviewsOverdue).toBe(await sql("SELECT count(*) AS n FROM social_account WHERE status = 'ACTIVE' AND (next_review_at IS NULL OR next_review_at < now())"));
    for (const row of d.openCasesByState) {
      expect(row.count).toBe(await sql('SELECT count(*) AS n FROM impersonation_report WHERE state = $1', [row.key]));
    }
    expect(d.openCasesByState.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(
      await sql("SELECT count(*) AS n FROM impersonation_report WHERE state NOT IN ('CLOSED', 'DISMISSED')"),
    );
    expect(d.casesInLegalReview).toBe(await sql("SELECT count(*) AS n FROM impersonation_report WHERE state = 'LEGAL_REVIEW'"));
    // The demo's case in legal review is past its time limit.
    expect(d.casesOverdue).toBeGreaterThan(0);
    expect(d.urlsExpiring).toBe(await sql("SELECT count(*) AS n FROM claimed_url WHERE status = 'ACTIVE' AND expires_at BETWEEN current_date AND current_date + 90"));
  });

  it('lists the active accounts that break the naming rules: the same ones the account flags name', async () => {
    const d = await dashboardOf(comms);
    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(perPage: 500, filter: { status: ACTIVE }) { id flags } }', {}, comms);
    const flagged = allSocialAccounts.filter((a: { flags: string[] }) => a.flags.includes('NAMING_ERROR')).map((a: { id: string }) => a.id).sort();
    expect(flagged.length).toBeGreaterThan(0);
    expect([...d.activeNamingErrors.ids].sort()).toEqual(flagged);
    expect(d.activeNamingErrors.count).toBe(flagged.length);
    // Legacy accounts were never attested: every one of them falls short of the house style.
    expect(d.activeChecklistIncomplete.count).toBe(d.activeTotal);
  });

  it("gives an editor its own units' figures only", async () => {
    const all = await dashboardOf(comms);
    const mine = await dashboardOf(editor);
    const roezAccounts = await sql(
      `WITH RECURSIVE sub AS (SELECT id FROM org_unit WHERE short_code = 'ROEZ' UNION ALL SELECT u.id FROM org_unit u JOIN sub ON u.parent_id = sub.id)
       SELECT count(*) AS n FROM social_account WHERE org_unit_id IN (SELECT id FROM sub)`,
    );
    expect(mine.accountsByStatus.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(roezAccounts);
    expect(roezAccounts).toBeLessThan(all.accountsByStatus.reduce((n: number, r: { count: number }) => n + r.count, 0));
    expect(mine.activeByUnit.map((u: { label: string }) => u.label)).toEqual(['RO/EZ']);
    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(perPage: 500) { id } }', {}, editor);
    const visible = new Set(allSocialAccounts.map((a: { id: string }) => a.id));
    expect(mine.activeNamingErrors.ids.every((id: string) => visible.has(id))).toBe(true);
  });

  it('is refused without a login', async () => {
    const res = await app.gql(`{ dashboard { activeTotal } }`, {});
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
