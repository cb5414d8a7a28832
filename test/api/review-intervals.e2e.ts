import { ACCOUNT_KINDS, DEFAULT_REVIEW_MONTHS, reviewDueAt } from '@ggsm/domain';
import { MIGRATIONS } from '@ggsm/migrations';
import { DEMO, type PgClient, type RunningApp, changedRows, connectAsSuperuser, snapshotDb, startApp, totalChanged } from '@ggsm/testing';

// Review intervals per kind of account: everyone reads them, Communications changes them (versioned, validated,
// audited), and a change moves the next review of every account that follows its kind. An account may
// override its kind; null follows the kind again.

let app: RunningApp;
let db: PgClient;
let comms: string;
let editor: string;
let admin: string;
let auditor: string;
let legal: string;
let roez: string;

const INTERVAL = 'id kind months version createdAt updatedAt';
const ACCOUNT = 'id kind status version approvedAt lastReviewedAt nextReviewAt reviewIntervalMonths effectiveReviewIntervalMonths flags';
const ATTESTATION_ITEMS = ['display_name_identifies', 'bio_reviewed', 'logo_approved', 'tone_of_voice', 'credentials_vault'];

interface Interval {
  id: string;
  kind: string;
  months: number;
  version: number;
}
interface Account {
  id: string;
  kind: string;
  status: string;
  version: number;
  approvedAt: string | null;
  lastReviewedAt: string | null;
  nextReviewAt: string | null;
  reviewIntervalMonths: number | null;
  effectiveReviewIntervalMonths: number;
  flags: string[];
}

const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
const violationsOf = (res: { errors?: { extensions?: { violations?: { field?: string; code: string }[] } }[] }) => res.errors?.[0]?.extensions?.violations ?? [];
const interval = async (kind: string, token = comms): Promise<Interval> =>
  (await app.gqlOk(`query($id: ID!) { ReviewInterval(id: $id) { ${INTERVAL} } }`, { id: kind }, token)).ReviewInterval;
const setMonths = (kind: string, version: number, months: unknown, token = comms) =>
  app.gql(`mutation($id: ID!, $v: Int!, $m: Int!) { updateReviewInterval(id: $id, version: $v, months: $m) { ${INTERVAL} } }`, { id: kind, v: version, m: months }, token);
/** Sets a kind's interval as Communications, from the current version. */
const setMonthsOk = async (kind: string, months: number): Promise<Interval> => {
  const res = await setMonths(kind, (await interval(kind)).version, months);
  expect(res.errors).toBeUndefined();
  return res.data!.updateReviewInterval;
};
const account = async (id: string, token = comms): Promise<Account> => (await app.gqlOk(`query($id: ID!) { SocialAccount(id: $id) { ${ACCOUNT} } }`, { id }, token)).SocialAccount;
const updateAccount = async (id: string, fields: string, vars: Record<string, unknown>, decls: string): Promise<Account> =>
  (
    await app.gqlOk(
      `mutation($id: ID!, $v: Int!${decls}) { updateSocialAccount(id: $id, version: $v, ${fields}) { ${ACCOUNT} } }`,
      { id, v: (await account(id)).version, ...vars },
      comms,
    )
  ).updateSocialAccount;
const setOverride = (id: string, months: number | null) => updateAccount(id, 'reviewIntervalMonths: $m', { m: months }, ', $m: Int');
const due = (from: string, months: number) => reviewDueAt(from, months).toISOString();
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/** A CAMPAIGN account requested by an editor and approved by Communications, with everything the gate asks for. */
async function approvedCampaign(handle: string): Promise<Account> {
  const { createSocialAccount: created } = await app.gqlOk(
    'mutation($h: String!, $u: ID!) { createSocialAccount(platformId: "x", handle: $h, orgUnitId: $u, kind: CAMPAIGN, purposes: [SEND]) { id version reviewIntervalMonths effectiveReviewIntervalMonths } }',
    { h: handle, u: roez },
    editor,
  );
  // No override unless one is given: the account follows its kind.
  expect(created).toMatchObject({ reviewIntervalMonths: null, effectiveReviewIntervalMonths: (await interval('CAMPAIGN')).months });
  const person = async (name: string) =>
    (
      await app.gqlOk(
        'mutation($n: String!, $e: String!, $u: ID, $at: DateTime) { createPerson(name: $n, email: $e, orgUnitId: $u, guidelinesAcknowledgedAt: $at) { id } }',
        { n: name, e: `${name.toLowerCase().replace(/\s+/g, '.')}.${handle.toLowerCase()}@groningen.example`, u: roez, at: new Date().toISOString() },
        editor,
      )
    ).createPerson as { id: string };
  const [a, b] = [await person('Termijn Eerste'), await person('Termijn Tweede')];
  const { updateSocialAccount: filled } = await app.gqlOk(
    `mutation($id: ID!, $v: Int!, $p: ID, $b: [ID!]) { updateSocialAccount(id: $id, version: $v, primaryOwnerId: $p, backupOwnerIds: $b,
      bio: "Officieel campagne-account van de Gemeente Groningen, RO/EZ. https://gemeente.groningen.nl", openingHours: "ma-vr 9-17",
      responseTime: "binnen een werkdag", archivingArrangement: "Archivering via de webarchiveringsdienst") { version } }`,
    { id: created.id, v: created.version, p: a.id, b: [b.id] },
    editor,
  );
  for (const key of ATTESTATION_ITEMS) {
    await app.gqlOk('mutation($a: ID!, $k: String!) { attestChecklistItem(accountId: $a, itemKey: $k, passed: true, note: "Gezien") { key } }', { a: created.id, k: key }, comms);
  }
  const { submitSocialAccount: submitted } = await app.gqlOk('mutation($id: ID!, $v: Int!) { submitSocialAccount(id: $id, version: $v) { version } }', { id: created.id, v: filled.version }, editor);
  return (await app.gqlOk(`mutation($id: ID!, $v: Int!) { approveSocialAccount(id: $id, version: $v) { ${ACCOUNT} } }`, { id: created.id, v: submitted.version }, comms)).approveSocialAccount;
}

beforeAll(async () => {
  app = await startApp();
  db = await connectAsSuperuser(app.dataDir);
  comms = await app.login(DEMO.communications);
  editor = await app.login(DEMO.editorRoez);
  admin = await app.login(DEMO.admin);
  auditor = await app.login(DEMO.auditor);
  legal = await app.login(DEMO.legal);
  const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 100) { id shortCode } }', {}, comms);
  roez = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'ROEZ').id;
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('reading the intervals', () => {
  it('every role reads the seven kinds with the policy defaults; an unknown kind is NOT_FOUND', async () => {
    for (const token of [comms, editor, admin, auditor, legal]) {
      const data = await app.gqlOk(`{ allReviewIntervals(perPage: 50, sortField: "kind") { ${INTERVAL} } _allReviewIntervalsMeta { count } }`, {}, token);
      expect(data._allReviewIntervalsMeta.count).toBe(7);
      // The migration seeds literal values; they must be the policy's defaults of the domain library.
      expect(Object.fromEntries(data.allReviewIntervals.map((r: Interval) => [r.id, r.months]))).toEqual(DEFAULT_REVIEW_MONTHS);
      expect(DEFAULT_REVIEW_MONTHS.CAMPAIGN).toBe(3);
      expect(data.allReviewIntervals.every((r: Interval) => r.id === r.kind && r.version >= 1)).toBe(true);
      expect(await interval('CAMPAIGN', token)).toMatchObject({ id: 'CAMPAIGN', kind: 'CAMPAIGN', months: 3 });
    }
    // In the policy's order, not the alphabet's.
    const { allReviewIntervals } = await app.gqlOk('{ allReviewIntervals { id } }', {}, comms);
    expect(allReviewIntervals.map((r: Interval) => r.id)).toEqual([...ACCOUNT_KINDS]);
    const byIds = await app.gqlOk('{ allReviewIntervals(filter: { ids: ["DEFENSIVE", "INTERNAL"] }) { id months } }', {}, editor);
    expect(byIds.allReviewIntervals).toEqual([{ id: 'DEFENSIVE', months: 12 }, { id: 'INTERNAL', months: 12 }]);
    expect(codeOf(await app.gql('{ ReviewInterval(id: "NOPE") { id } }', {}, comms))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql('{ allReviewIntervals { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('an account without an override follows its kind', async () => {
    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(perPage: 500) { kind reviewIntervalMonths effectiveReviewIntervalMonths } }', {}, comms);
    expect(allSocialAccounts.length).toBeGreaterThan(5);
    const months: Record<string, number> = { ORGANISATIONAL: 6, PERSONAL_IN_FUNCTION: 6, ADMINISTRATOR: 6, CAMPAIGN: 3, PROJECT: 6, DEFENSIVE: 12, INTERNAL: 12 };
    for (const a of allSocialAccounts as { kind: string; reviewIntervalMonths: number | null; effectiveReviewIntervalMonths: number }[]) {
      expect(a.effectiveReviewIntervalMonths).toBe(a.reviewIntervalMonths ?? months[a.kind]);
    }
  });
});

describe('changing an interval', () => {
  it('Communications changes it: versioned, audited, and in the history of the interval', async () => {
    const before = await interval('PROJECT');
    const updated = await setMonthsOk('PROJECT', 7);
    expect(updated).toMatchObject({ id: 'PROJECT', months: 7, version: before.version + 1 });
    const { auditHistory } = await app.gqlOk(
      'query($id: ID!) { auditHistory(entityType: "ReviewInterval", entityId: $id) { action entityType entityId actorEmail before after } }',
      { id: 'PROJECT' },
      editor,
    );
    expect(auditHistory).toHaveLength(1);
    expect(auditHistory[0]).toMatchObject({ action: 'review_interval.updated', entityType: 'ReviewInterval', entityId: 'PROJECT', actorEmail: DEMO.communications });
    expect(auditHistory[0].before).toMatchObject({ months: 6, version: before.version });
    expect(auditHistory[0].after).toMatchObject({ months: 7, version: before.version + 1 });
    expect(typeof auditHistory[0].after.recomputedAccounts).toBe('number');
    expect(codeOf(await app.gql('{ auditHistory(entityType: "ReviewInterval", entityId: "NOPE") { id } }', {}, comms))).toBe('NOT_FOUND');
    await setMonthsOk('PROJECT', 6);
  });

  it('EDITOR, ADMIN, AUDITOR and LEGAL are refused (FORBIDDEN) and nothing changes', async () => {
    const current = await interval('DEFENSIVE');
    const snapshot = await snapshotDb(db);
    for (const token of [editor, admin, auditor, legal]) {
      expect(codeOf(await setMonths('DEFENSIVE', current.version, 24, token))).toBe('FORBIDDEN');
    }
    expect(totalChanged(changedRows(snapshot, await snapshotDb(db)))).toBe(0);
    expect(await interval('DEFENSIVE')).toEqual(current);
  });

  it.each<[string, unknown]>([
    ['0', 0],
    ['61', 61],
    ['1.5', 1.5],
    ['"x"', 'x'],
    ['-6', -6],
  ])('months %s is BAD_USER_INPUT and nothing is written', async (_, months) => {
    const current = await interval('INTERNAL');
    const snapshot = await snapshotDb(db);
    const res = await setMonths('INTERNAL', current.version, months);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    if (Number.isInteger(months)) expect(violationsOf(res).map((v) => v.field)).toEqual(['months']);
    expect(totalChanged(changedRows(snapshot, await snapshotDb(db)))).toBe(0);
  });

  it('a stale version is VERSION_CONFLICT and nothing is written', async () => {
    const current = await interval('ADMINISTRATOR');
    await setMonthsOk('ADMINISTRATOR', 5);
    const snapshot = await snapshotDb(db);
    expect(codeOf(await setMonths('ADMINISTRATOR', current.version, 9))).toBe('VERSION_CONFLICT');
    expect(totalChanged(changedRows(snapshot, await snapshotDb(db)))).toBe(0);
    expect((await interval('ADMINISTRATOR')).months).toBe(5);
    await setMonthsOk('ADMINISTRATOR', 6);
  });
});

describe('the next review follows the interval that applies', () => {
  let a: Account;
  let b: Account;

  it('approving a CAMPAIGN account sets its next review three months after the approval', async () => {
    a = await approvedCampaign('TermijnA050');
    b = await approvedCampaign('TermijnB050');
    for (const x of [a, b]) {
      expect(x).toMatchObject({ status: 'ACTIVE', reviewIntervalMonths: null, effectiveReviewIntervalMonths: 3 });
      expect(x.lastReviewedAt).toBe(x.approvedAt);
      expect(iso(x.nextReviewAt)).toBe(due(x.approvedAt!, 3));
    }
  });

  it('an override moves the next review of that account only; changing CAMPAIGN moves the others and keeps the override', async () => {
    b = await setOverride(b.id, 5);
    expect(b).toMatchObject({ reviewIntervalMonths: 5, effectiveReviewIntervalMonths: 5 });
    expect(iso(b.nextReviewAt)).toBe(due(b.lastReviewedAt!, 5));

    const versionA = (await account(a.id)).version;
    const campaign = await setMonthsOk('CAMPAIGN', 4);
    expect(campaign.months).toBe(4);
    const a2 = await account(a.id);
    expect(a2).toMatchObject({ effectiveReviewIntervalMonths: 4, reviewIntervalMonths: null, version: versionA });
    expect(iso(a2.nextReviewAt)).toBe(due(a.lastReviewedAt!, 4));
    const b2 = await account(b.id);
    expect(b2).toMatchObject({ effectiveReviewIntervalMonths: 5, nextReviewAt: b.nextReviewAt });

    const { auditHistory } = await app.gqlOk('{ auditHistory(entityType: "ReviewInterval", entityId: "CAMPAIGN") { action after } }', {}, auditor);
    const last = auditHistory[auditHistory.length - 1];
    expect(last.action).toBe('review_interval.updated');
    const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM social_account WHERE kind = 'CAMPAIGN' AND review_interval_months IS NULL AND last_reviewed_at IS NOT NULL");
    expect(last.after.recomputedAccounts).toBe(Number(rows[0].n));
    expect(last.after.recomputedAccounts).toBeGreaterThanOrEqual(1);
  });

  it('the reviewOverdue filter and flag follow a changed interval', async () => {
    // Reviewed five months ago: overdue at four months, not at twelve.
    const fiveMonthsAgo = new Date();
    fiveMonthsAgo.setUTCMonth(fiveMonthsAgo.getUTCMonth() - 5);
    await db.query("UPDATE social_account SET last_reviewed_at = $2, next_review_at = now() + interval '1 day' WHERE id = $1", [a.id, fiveMonthsAgo.toISOString()]);
    const overdue = async () => {
      const { allSocialAccounts } = await app.gqlOk('query($id: ID!) { allSocialAccounts(filter: { ids: [$id], reviewOverdue: true }) { id flags } }', { id: a.id }, comms);
      return allSocialAccounts.length === 1 && allSocialAccounts[0].flags.includes('REVIEW_OVERDUE');
    };
    expect(await overdue()).toBe(false);
    await setMonthsOk('CAMPAIGN', 4);
    expect(await overdue()).toBe(true);
    expect((await account(a.id)).flags).toContain('REVIEW_OVERDUE');
    await setMonthsOk('CAMPAIGN', 12);
    expect(await overdue()).toBe(false);
    const { allSocialAccounts } = await app.gqlOk('query($id: ID!) { allSocialAccounts(filter: { ids: [$id], reviewOverdue: false }) { id } }', { id: a.id }, comms);
    expect(allSocialAccounts).toEqual([{ id: a.id }]);
  });

  it('on 31 January the SQL of a kind change and the TypeScript of an override agree with the domain: 28 February', async () => {
    await db.query("UPDATE social_account SET last_reviewed_at = '2026-01-31T12:00:00Z' WHERE id = ANY($1)", [[a.id, b.id]]);
    await setMonthsOk('CAMPAIGN', 1); // SQL, for a (no override)
    b = await setOverride(b.id, 1); // TypeScript, for b
    expect(due('2026-01-31T12:00:00.000Z', 1)).toBe('2026-02-28T12:00:00.000Z');
    expect(iso((await account(a.id)).nextReviewAt)).toBe('2026-02-28T12:00:00.000Z');
    expect(iso(b.nextReviewAt)).toBe('2026-02-28T12:00:00.000Z');
  });

  it('setting the override to null follows the kind again; a new kind moves the next review', async () => {
    await setMonthsOk('CAMPAIGN', 2);
    b = await setOverride(b.id, null);
    expect(b).toMatchObject({ reviewIntervalMonths: null, effectiveReviewIntervalMonths: 2 });
    expect(iso(b.nextReviewAt)).toBe('2026-03-31T12:00:00.000Z');
    // Leaving the override out keeps it as it is.
    b = await updateAccount(b.id, 'notes: $n', { n: 'Campagne loopt door.' }, ', $n: String');
    expect(b).toMatchObject({ reviewIntervalMonths: null, effectiveReviewIntervalMonths: 2 });

    b = await updateAccount(b.id, 'kind: $k', { k: 'DEFENSIVE' }, ', $k: AccountKind');
    expect(b).toMatchObject({ kind: 'DEFENSIVE', reviewIntervalMonths: null, effectiveReviewIntervalMonths: 12 });
    expect(iso(b.nextReviewAt)).toBe('2027-01-31T12:00:00.000Z');

    const bad = await app.gql('mutation($id: ID!, $v: Int!) { updateSocialAccount(id: $id, version: $v, reviewIntervalMonths: 0) { id } }', { id: b.id, v: (await account(b.id)).version }, comms);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(violationsOf(bad).map((v) => v.field)).toEqual(['reviewIntervalMonths']);
    await setMonthsOk('CAMPAIGN', 3);
  });

  it('the review step uses the interval that applies', async () => {
    const current = await account(a.id);
    const { reviewSocialAccount: reviewed } = await app.gqlOk(
      `mutation($id: ID!, $v: Int!) { reviewSocialAccount(id: $id, version: $v) { ${ACCOUNT} } }`,
      { id: a.id, v: current.version },
      editor,
    );
    expect(reviewed.effectiveReviewIntervalMonths).toBe(3);
    expect(iso(reviewed.nextReviewAt)).toBe(due(reviewed.lastReviewedAt, 3));
  });
});

describe('the migration', () => {
  it('down keeps each account its interval; up makes the old default 6 follow the kind and recomputes the next review', async () => {
    const migration = MIGRATIONS.map((M) => new M()).find((m) => m.name === 'ReviewIntervals1795720000000')!;
    const runner = { query: (sql: string, params?: unknown[]) => db.query(sql, params as never[]).then((r) => r.rows) } as unknown as Parameters<typeof migration.up>[0];
    const { rows: ids } = await db.query<{ id: string; kind: string }>(
      "SELECT id, kind FROM social_account WHERE kind IN ('DEFENSIVE', 'CAMPAIGN') AND review_interval_months IS NULL ORDER BY kind, id",
    );
    const defensive = ids.find((r) => r.kind === 'DEFENSIVE')!.id;
    const campaign = ids.find((r) => r.kind === 'CAMPAIGN')!.id;

    await migration.down(runner);
    const { rows: column } = await db.query<{ is_nullable: string; column_default: string }>(
      "SELECT is_nullable, column_default FROM information_schema.columns WHERE table_name = 'social_account' AND column_name = 'review_interval_months'",
    );
    expect(column[0]).toEqual({ is_nullable: 'NO', column_default: '6' });
    expect((await db.query("SELECT to_regclass('review_interval') AS t")).rows[0].t).toBeNull();
    const months = async (id: string) => (await db.query<{ m: number | null }>('SELECT review_interval_months AS m FROM social_account WHERE id = $1', [id])).rows[0].m;
    expect(await months(defensive)).toBe(12);

    // As before this migration: the column default 6 on a defensive account, a chosen 5 on a campaign.
    await db.query("UPDATE social_account SET review_interval_months = 6, last_reviewed_at = '2026-01-31T12:00:00Z', next_review_at = NULL WHERE id = $1", [defensive]);
    await db.query("UPDATE social_account SET review_interval_months = 5, last_reviewed_at = '2026-01-31T12:00:00Z', next_review_at = NULL WHERE id = $1", [campaign]);
    await migration.up(runner);
    const row = async (id: string) =>
      (await db.query<{ m: number | null; next: Date }>('SELECT review_interval_months AS m, next_review_at AS next FROM social_account WHERE id = $1', [id])).rows[0];
    expect(await row(defensive)).toEqual({ m: null, next: new Date(due('2026-01-31T12:00:00Z', 12)) });
    expect(await row(campaign)).toEqual({ m: 5, next: new Date(due('2026-01-31T12:00:00Z', 5)) });
    expect((await interval('CAMPAIGN')).months).toBe(3);
    expect((await account(defensive)).effectiveReviewIntervalMonths).toBe(12);
  });
});
