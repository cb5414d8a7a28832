import { DEMO, type RunningApp, startApp } from '@ggsm/testing';

let app: RunningApp;
let admin: string;
let comms: string;
let editor: string;

beforeAll(async () => {
  app = await startApp();
  [admin, comms, editor] = await Promise.all([app.login(DEMO.admin), app.login(DEMO.communications), app.login(DEMO.editorRoez)]);
});
afterAll(() => app?.stop());

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0].extensions?.code;

describe('OrgUnit', () => {
  it('lists the tree with paths and filters by parent', async () => {
    const { allOrgUnits, _allOrgUnitsMeta } = await app.gqlOk('{ allOrgUnits(perPage: 100) { id shortCode parentId path depth handlePrefix } _allOrgUnitsMeta { count } }', {}, editor);
    expect(_allOrgUnitsMeta.count).toBe(allOrgUnits.length);
    const sdc = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'SDC');
    expect(sdc).toMatchObject({ path: 'Gemeente Groningen > RO/EZ > Stadsdeelcoördinatie', depth: 2, handlePrefix: 'sdc' });
    const { allOrgUnits: children } = await app.gqlOk('query($p: ID) { allOrgUnits(filter: { parentId: $p }) { shortCode } }', { p: sdc.parentId }, editor);
    expect(children.map((c: { shortCode: string }) => c.shortCode)).toEqual(['SDC']);
  });

  it('lets an admin create and move units, refusing cycles and duplicate codes', async () => {
    const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(filter: { q: "Milieudienst" }) { id } }', {}, admin);
    const md = allOrgUnits[0].id;
    const { createOrgUnit } = await app.gqlOk('mutation($p: ID) { createOrgUnit(name: "Afvalbeheer", shortCode: "MD-AB", kind: DEPARTMENT, parentId: $p) { id path } }', { p: md }, admin);
    expect(createOrgUnit.path).toBe('Gemeente Groningen > Milieudienst > Afvalbeheer');
    const cycle = await app.gql('mutation($id: ID!, $p: ID) { updateOrgUnit(id: $id, version: 1, parentId: $p) { id } }', { id: md, p: createOrgUnit.id }, admin);
    expect(code(cycle)).toBe('BAD_USER_INPUT');
    const dup = await app.gql('mutation { createOrgUnit(name: "Nog een", shortCode: "md-ab", kind: TEAM) { id } }', {}, admin);
    expect(code(dup)).toBe('BAD_USER_INPUT');
    expect(dup.errors?.[0].extensions?.violations?.[0].field).toBe('shortCode');
    expect(code(await app.gql('mutation { createOrgUnit(name: "Niet", shortCode: "NIET", kind: TEAM) { id } }', {}, comms))).toBe('FORBIDDEN');
  });
});

describe('Person', () => {
  it('creates and updates an owner; the e-mail is unique regardless of case', async () => {
    const { me } = await app.gqlOk('{ me { scopeUnitId } }', {}, editor);
    const { createPerson } = await app.gqlOk(
      'mutation($u: ID) { createPerson(name: "Jan Jansen", email: "jan.jansen@groningen.example", jobTitle: "Webredacteur", orgUnitId: $u) { id name active guidelinesAcknowledgedAt version } }',
      { u: me.scopeUnitId },
      editor,
    );
    expect(createPerson).toMatchObject({ name: 'Jan Jansen', active: true, guidelinesAcknowledgedAt: null });
    const { updatePerson } = await app.gqlOk(
      'mutation($id: ID!, $v: Int!) { updatePerson(id: $id, version: $v, guidelinesAcknowledgedAt: "2026-11-01T09:00:00.000Z", active: false) { active guidelinesAcknowledgedAt } }',
      { id: createPerson.id, v: createPerson.version },
      editor,
    );
    expect(updatePerson).toEqual({ active: false, guidelinesAcknowledgedAt: '2026-11-01T09:00:00.000Z' });
    const dup = await app.gql('mutation($u: ID) { createPerson(name: "Ander", email: "JAN.JANSEN@groningen.example", orgUnitId: $u) { id } }', { u: me.scopeUnitId }, editor);
    expect(code(dup)).toBe('BAD_USER_INPUT');
    const bad = await app.gql('mutation { createPerson(name: "Zonder", email: "geen-adres") { id } }', {}, editor);
    expect(bad.errors?.[0].extensions?.violations?.[0].field).toBe('email');
    const { _allPeopleMeta } = await app.gqlOk('{ _allPeopleMeta(filter: { q: "jansen" }) { count } }', {}, editor);
    expect(_allPeopleMeta.count).toBe(1);
  });
});

describe('Platform', () => {
  it('lists the catalogue with syntax and counts, and lets only an admin change the status', async () => {
    const { allPlatforms } = await app.gqlOk('{ allPlatforms { id name status accountCount syntaxNl } }', {}, comms);
    const keys = allPlatforms.map((p: { id: string }) => p.id);
    for (const key of ['x', 'facebook', 'instagram', 'linkedin', 'youtube', 'tiktok', 'threads', 'bluesky', 'mastodon', 'flickr', 'whatsapp', 'hyves', 'yammer']) {
      expect(keys).toContain(key);
    }
    expect(allPlatforms.find((p: { id: string }) => p.id === 'hyves').status).toBe('DEFUNCT');
    expect(allPlatforms.find((p: { id: string }) => p.id === 'x').accountCount).toBeGreaterThanOrEqual(20);
    expect(allPlatforms.find((p: { id: string }) => p.id === 'x').syntaxNl).toMatch(/15/);
    expect(code(await app.gql('mutation { updatePlatform(id: "tiktok", version: 1, status: DEPRECATED) { id } }', {}, comms))).toBe('FORBIDDEN');
    const { updatePlatform } = await app.gqlOk('mutation { updatePlatform(id: "tiktok", version: 1, status: DEPRECATED) { status } }', {}, admin);
    expect(updatePlatform.status).toBe('DEPRECATED');
    expect(code(await app.gql('{ Platform(id: "myspace") { id } }', {}, comms))).toBe('NOT_FOUND');
  });
});

describe('User', () => {
  it('creates users with roles and refuses weak passwords and scope-less editors', async () => {
    const short = await app.gql('mutation { createUser(email: "a@groningen.example", displayName: "A", password: "kort", roles: [LEGAL]) { id } }', {}, admin);
    expect(short.errors?.[0].extensions?.violations?.[0].field).toBe('password');
    const noScope = await app.gql('mutation { createUser(email: "b@groningen.example", displayName: "B", password: "lang-genoeg-wachtwoord", roles: [EDITOR]) { id } }', {}, admin);
    expect(noScope.errors?.[0].extensions?.violations?.[0].field).toBe('scopeUnitId');
    const badRole = await app.gql('mutation { createUser(email: "c@groningen.example", displayName: "C", password: "lang-genoeg-wachtwoord", roles: [ROOT]) { id } }', {}, admin);
    expect(code(badRole)).toBe('BAD_USER_INPUT');
    const { createUser } = await app.gqlOk(
      'mutation { createUser(email: "nieuw@groningen.example", displayName: "Nieuw", password: "lang-genoeg-wachtwoord", roles: [LEGAL, AUDITOR]) { id roles active } }',
      {},
      admin,
    );
    expect(createUser).toMatchObject({ roles: ['LEGAL', 'AUDITOR'], active: true });
    expect(await app.login('nieuw@groningen.example', 'lang-genoeg-wachtwoord')).toBeTruthy();
    const { _allUsersMeta } = await app.gqlOk('{ _allUsersMeta(filter: { role: EDITOR }) { count } }', {}, admin);
    expect(_allUsersMeta.count).toBe(2);
  });
});
