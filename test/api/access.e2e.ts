import { DEMO, type RunningApp, startApp } from '@ggsm/testing';

// Object-level access: an editor works inside its own unit subtree and cannot even learn that
// another unit's records exist. The full operation × role matrix is in authz-matrix.e2e.ts.

let app: RunningApp;
let comms: string;
let roez: string;
let ocsw: string;
let admin: string;
let roezAccount: { id: string; version: number; orgUnitId: string };
let ocswAccount: { id: string; version: number; displayName: string; orgUnitId: string };

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  app = await startApp();
  [comms, roez, ocsw, admin] = await Promise.all([
    app.login(DEMO.communications),
    app.login(DEMO.editorRoez),
    app.login(DEMO.editorOcsw),
    app.login(DEMO.admin),
  ]);
  const pick = async (handle: string) =>
    (await app.gqlOk('query($q: String) { allSocialAccounts(filter: { q: $q }) { id version displayName orgUnitId } }', { q: handle }, comms)).allSocialAccounts[0];
  roezAccount = await pick('Stadsbeheer050');
  ocswAccount = await pick('Kardinge');
});
afterAll(() => app?.stop());

describe('an editor of RO/EZ', () => {
  it('lists only the accounts of RO/EZ and the units below it', async () => {
    const all = (await app.gqlOk('{ _allSocialAccountsMeta { count } }', {}, comms))._allSocialAccountsMeta.count;
    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(perPage: 500) { id orgUnitId } }', {}, roez);
    const { me } = await app.gqlOk('{ me { scopeUnitId } }', {}, roez);
    const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 500) { id } }', {}, roez);
    const mine = new Set(allOrgUnits.map((u: { id: string }) => u.id));
    expect(mine.has(me.scopeUnitId)).toBe(true);
    expect(allSocialAccounts.length).toBeGreaterThan(0);
    expect(allSocialAccounts.length).toBeLessThan(all);
    expect(allSocialAccounts.every((a: { orgUnitId: string }) => mine.has(a.orgUnitId))).toBe(true);
    expect(allSocialAccounts.map((a: { id: string }) => a.id)).toContain(roezAccount.id);
    expect(allSocialAccounts.map((a: { id: string }) => a.id)).not.toContain(ocswAccount.id);
    const meta = await app.gqlOk('{ _allSocialAccountsMeta { count } }', {}, roez);
    expect(meta._allSocialAccountsMeta.count).toBe(allSocialAccounts.length);
  });

  it('gets NOT_FOUND for an OCSW account, exactly as for one that does not exist', async () => {
    const other = await app.gql('query($id: ID!) { SocialAccount(id: $id) { id } }', { id: ocswAccount.id }, roez);
    const missing = await app.gql('query($id: ID!) { SocialAccount(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }, roez);
    expect(code(other)).toBe('NOT_FOUND');
    expect(other.errors?.[0].message).toBe(missing.errors?.[0].message);
    expect(code(await app.gql('query($id: ID!) { OrgUnit(id: $id) { id } }', { id: ocswAccount.orgUnitId }, roez))).toBe('NOT_FOUND');
    expect(code(await app.gql('query($t: String!, $id: ID!) { auditHistory(entityType: $t, entityId: $id) { id } }', { t: 'SocialAccount', id: ocswAccount.id }, roez))).toBe('NOT_FOUND');
  });

  it('cannot change an OCSW account, and nothing changes', async () => {
    const result = await app.gql(
      'mutation($id: ID!, $v: Int!) { updateSocialAccount(id: $id, version: $v, displayName: "Overgenomen") { id } }',
      { id: ocswAccount.id, v: ocswAccount.version },
      roez,
    );
    expect(code(result)).toBe('NOT_FOUND');
    const { SocialAccount } = await app.gqlOk('query($id: ID!) { SocialAccount(id: $id) { displayName version } }', { id: ocswAccount.id }, comms);
    expect(SocialAccount).toEqual({ displayName: ocswAccount.displayName, version: ocswAccount.version });
  });

  it('cannot move its own account into OCSW, nor register one there', async () => {
    const move = await app.gql(
      'mutation($id: ID!, $v: Int!, $u: ID!) { updateSocialAccount(id: $id, version: $v, orgUnitId: $u) { id } }',
      { id: roezAccount.id, v: roezAccount.version, u: ocswAccount.orgUnitId },
      roez,
    );
    expect(code(move)).toBe('BAD_USER_INPUT');
    expect(move.errors?.[0].extensions?.violations?.[0]).toMatchObject({ field: 'orgUnitId', code: 'ORG_UNIT_UNKNOWN' });
    const create = await app.gql(
      'mutation($u: ID!) { createSocialAccount(platformId: "x", handle: "RoezInOcsw050", orgUnitId: $u, kind: ORGANISATIONAL) { id } }',
      { u: ocswAccount.orgUnitId },
      roez,
    );
    expect(code(create)).toBe('BAD_USER_INPUT');
    const { SocialAccount } = await app.gqlOk('query($id: ID!) { SocialAccount(id: $id) { orgUnitId version } }', { id: roezAccount.id }, comms);
    expect(SocialAccount).toEqual({ orgUnitId: roezAccount.orgUnitId, version: roezAccount.version });
    expect((await app.gqlOk('{ _allSocialAccountsMeta(filter: { q: "RoezInOcsw050" }) { count } }', {}, comms))._allSocialAccountsMeta.count).toBe(0);
  });

  it('cannot name a person of OCSW as owner, and learns nothing about that person', async () => {
    const { allPeople } = await app.gqlOk('{ allPeople { id } }', {}, ocsw);
    expect(allPeople.length).toBeGreaterThan(0);
    const attempt = (owner: string) =>
      app.gql('mutation($id: ID!, $v: Int!, $o: ID) { updateSocialAccount(id: $id, version: $v, primaryOwnerId: $o) { id } }', { id: roezAccount.id, v: roezAccount.version, o: owner }, roez);
    const elsewhere = await attempt(allPeople[0].id);
    const missing = await attempt('00000000-0000-4000-8000-000000000000');
    expect(elsewhere.errors?.[0].extensions?.violations?.[0]).toMatchObject({ field: 'primaryOwnerId', code: 'OWNER_UNKNOWN' });
    expect(elsewhere.errors?.[0].extensions).toEqual(missing.errors?.[0].extensions);
  });

  it('changes its own account, and the other editor cannot see that one', async () => {
    const { updateSocialAccount } = await app.gqlOk(
      'mutation($id: ID!, $v: Int!) { updateSocialAccount(id: $id, version: $v, bio: "Beheer van de openbare ruimte") { version } }',
      { id: roezAccount.id, v: roezAccount.version },
      roez,
    );
    expect(updateSocialAccount.version).toBe(roezAccount.version + 1);
    expect(code(await app.gql('query($id: ID!) { SocialAccount(id: $id) { id } }', { id: roezAccount.id }, ocsw))).toBe('NOT_FOUND');
  });
});

describe('roles', () => {
  it('lets the auditor read everything and change nothing', async () => {
    const auditor = await app.login(DEMO.auditor);
    expect((await app.gqlOk('{ _allSocialAccountsMeta { count } }', {}, auditor))._allSocialAccountsMeta.count).toBeGreaterThanOrEqual(22);
    expect((await app.gqlOk('{ _allAuditEventsMeta { count } }', {}, auditor))._allAuditEventsMeta.count).toBeGreaterThan(0);
    const write = await app.gql('mutation($id: ID!, $v: Int!) { updateSocialAccount(id: $id, version: $v, bio: "x") { id } }', { id: ocswAccount.id, v: ocswAccount.version }, auditor);
    expect(code(write)).toBe('FORBIDDEN');
  });

  it('keeps the register out of the administrator’s hands and the audit log out of the editor’s', async () => {
    const create = await app.gql('mutation($u: ID!) { createSocialAccount(platformId: "x", handle: "Beheerder050", orgUnitId: $u, kind: ORGANISATIONAL) { id } }', { u: roezAccount.orgUnitId }, admin);
    expect(code(create)).toBe('FORBIDDEN');
    expect(code(await app.gql('{ allAuditEvents { id } }', {}, roez))).toBe('FORBIDDEN');
    expect(code(await app.gql('{ verifyAuditChain { ok } }', {}, comms))).toBe('FORBIDDEN');
  });

  it('refuses server-owned fields as input instead of ignoring them', async () => {
    for (const field of ['status: ACTIVE', 'approvedById: "00000000-0000-4000-8000-000000000000"', 'createdAt: "2020-01-01"', 'tokenVersion: 0']) {
      const result = await app.gql(`mutation($id: ID!, $v: Int!) { updateSocialAccount(id: $id, version: $v, ${field}) { id } }`, { id: roezAccount.id, v: roezAccount.version }, comms);
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(/Unknown argument/);
    }
  });

  it('never lets the last active administrator lose the role', async () => {
    const { me } = await app.gqlOk('{ me { id version } }', {}, admin);
    const result = await app.gql('mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, roles: [AUDITOR]) { roles } }', { id: me.id, v: me.version }, admin);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.violations?.[0].code).toBe('LAST_ADMIN');
    expect((await app.gqlOk('{ me { roles } }', {}, admin)).me.roles).toEqual(['ADMIN']);
  });
});
