import { DEMO, type RunningApp, startApp } from '@ggsm/testing';

// The register's signals on an account (flags) and the reviewOverdue filter.

let app: RunningApp;
let comms: string;
let editor: string;
let roez: string;

type Row = { id: string; handle: string; orgUnitId: string; status: string; nextReviewAt: string | null; legacy: boolean; flags: string[] };
const FIELDS = 'id handle orgUnitId status nextReviewAt legacy flags';

const find = async (q: string, token = comms): Promise<Row> =>
  (await app.gqlOk(`query($q: String) { allSocialAccounts(filter: { q: $q }) { ${FIELDS} } }`, { q }, token)).allSocialAccounts[0];

beforeAll(async () => {
  app = await startApp();
  comms = await app.login(DEMO.communications);
  editor = await app.login(DEMO.editorRoez);
  const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 100) { id shortCode } }', {}, comms);
  roez = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'ROEZ').id;
});
afterAll(() => app?.stop());

describe('account flags', () => {
  it('deactivating one of two owners makes TOO_FEW_OWNERS appear', async () => {
    const person = async (name: string) =>
      (
        await app.gqlOk(
          'mutation($n: String!, $e: String!, $u: ID) { createPerson(name: $n, email: $e, orgUnitId: $u) { id version } }',
          { n: name, e: `${name.toLowerCase().replace(/\s+/g, '.')}.${Date.now()}@groningen.example`, u: roez },
          editor,
        )
      ).createPerson as { id: string; version: number };
    const a = await person('Vlag Eerste');
    const b = await person('Vlag Tweede');
    const { createSocialAccount } = await app.gqlOk(
      `mutation($u: ID!, $p: ID, $b: [ID!]) { createSocialAccount(platformId: "x", handle: "RoezVlag050", orgUnitId: $u, kind: INTERNAL, purposes: [SEND], primaryOwnerId: $p, backupOwnerIds: $b) { ${FIELDS} } }`,
      { u: roez, p: a.id, b: [b.id] },
      editor,
    );
    expect(createSocialAccount.flags).not.toContain('TOO_FEW_OWNERS');
    await app.gqlOk('mutation($id: ID!, $v: Int!) { updatePerson(id: $id, version: $v, active: false) { id } }', { id: b.id, v: b.version }, editor);
    const after = (await app.gqlOk(`query($id: ID!) { SocialAccount(id: $id) { ${FIELDS} } }`, { id: createSocialAccount.id }, editor)).SocialAccount;
    expect(after.flags).toContain('TOO_FEW_OWNERS');
    const tooFew = await app.gqlOk('{ allSocialAccounts(perPage: 500, filter: { flag: "TOO_FEW_OWNERS" }) { id } }', {}, editor);
    expect(tooFew.allSocialAccounts.map((r: { id: string }) => r.id)).toContain(createSocialAccount.id);
  });

  it('a legacy organisational account without 050 (@Kardinge) has NAMING_ERROR', async () => {
    const kardinge = await find('Kardinge');
    expect(kardinge).toMatchObject({ handle: 'Kardinge', legacy: true });
    expect(kardinge.flags).toContain('NAMING_ERROR');
    expect((await find('Stadsbeheer050')).flags).not.toContain('NAMING_ERROR');
  });

  it('an ACTIVE legacy account without a review date is REVIEW_OVERDUE and found by the filter', async () => {
    const kardinge = await find('Kardinge');
    expect(kardinge).toMatchObject({ status: 'ACTIVE', nextReviewAt: null });
    expect(kardinge.flags).toContain('REVIEW_OVERDUE');
    const overdue = await app.gqlOk(`{ allSocialAccounts(perPage: 500, filter: { reviewOverdue: true }) { ${FIELDS} } _allSocialAccountsMeta(filter: { reviewOverdue: true }) { count } }`, {}, comms);
    expect(overdue.allSocialAccounts.map((r: Row) => r.id)).toContain(kardinge.id);
    expect(overdue._allSocialAccountsMeta.count).toBe(overdue.allSocialAccounts.length);
    expect(overdue.allSocialAccounts.every((r: Row) => r.status === 'ACTIVE' && r.flags.includes('REVIEW_OVERDUE'))).toBe(true);
    const notOverdue = await app.gqlOk('{ allSocialAccounts(perPage: 500, filter: { reviewOverdue: false }) { id } }', {}, comms);
    expect(notOverdue.allSocialAccounts.map((r: { id: string }) => r.id)).not.toContain(kardinge.id);
    const byFlag = await app.gqlOk('{ _allSocialAccountsMeta(filter: { flag: "REVIEW_OVERDUE" }) { count } }', {}, comms);
    expect(byFlag._allSocialAccountsMeta.count).toBe(overdue._allSocialAccountsMeta.count);
  });

  it("an editor's reviewOverdue list holds only its own units' accounts", async () => {
    const kardinge = await find('Kardinge');
    const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 500) { id } }', {}, editor);
    const mine = new Set(allOrgUnits.map((u: { id: string }) => u.id));
    const { allSocialAccounts, _allSocialAccountsMeta } = await app.gqlOk(
      '{ allSocialAccounts(perPage: 500, filter: { reviewOverdue: true }) { id orgUnitId } _allSocialAccountsMeta(filter: { reviewOverdue: true }) { count } }',
      {},
      editor,
    );
    expect(allSocialAccounts.length).toBeGreaterThan(0);
    expect(allSocialAccounts.every((a: { orgUnitId: string }) => mine.has(a.orgUnitId))).toBe(true);
    expect(allSocialAccounts.map((a: { id: string }) => a.id)).not.toContain(kardinge.id);
    expect(_allSocialAccountsMeta.count).toBe(allSocialAccounts.length);
  });

  it('refuses an unknown flag', async () => {
    const res = await app.gql('{ allSocialAccounts(filter: { flag: "NOPE" }) { id } }', {}, comms);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('signals of a whole list', () => {
  it('are the same as each account asked for alone (the list answers them in one batch)', async () => {
    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(perPage: 500) { id flags approvalProblems { code } } }', {}, comms);
    expect(allSocialAccounts.length).toBeGreaterThan(20);
    const withFlags = allSocialAccounts.filter((r: { flags: string[] }) => r.flags.length > 0);
    expect(withFlags.length).toBeGreaterThan(0);
    for (const row of allSocialAccounts as { id: string; flags: string[]; approvalProblems: { code: string }[] }[]) {
      const alone = (await app.gqlOk('query($id: ID!) { SocialAccount(id: $id) { flags approvalProblems { code } } }', { id: row.id }, comms)).SocialAccount;
      expect({ id: row.id, ...alone }).toEqual({ id: row.id, flags: row.flags, approvalProblems: row.approvalProblems });
    }
  });
});
