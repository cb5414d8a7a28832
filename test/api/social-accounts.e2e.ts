import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, type RunningApp, startApp, WORKSPACE } from '@ggsm/testing';

let app: RunningApp;
let comms: string;
let editor: string;
let sdcUnit: string;
let roezUnit: string;

const ACCOUNT_FIELDS = 'id platformId handle normalizedHandle profileUrl displayName orgUnitId kind purposes languages status legacy primaryOwnerId backupOwnerIds version';
const count = async (filter: Record<string, unknown> = {}) =>
  (await app.gqlOk('query($f: SocialAccountFilter) { _allSocialAccountsMeta(filter: $f) { count } }', { f: filter }, comms))._allSocialAccountsMeta.count as number;
const create = (vars: Record<string, unknown>, token = comms) =>
  app.gql(
    `mutation($platformId: ID!, $handle: String!, $orgUnitId: ID!, $kind: AccountKind!, $purposes: [AccountPurpose!], $primaryOwnerId: ID, $backupOwnerIds: [ID!], $displayName: String) {
      createSocialAccount(platformId: $platformId, handle: $handle, orgUnitId: $orgUnitId, kind: $kind, purposes: $purposes,
        primaryOwnerId: $primaryOwnerId, backupOwnerIds: $backupOwnerIds, displayName: $displayName) { ${ACCOUNT_FIELDS} } }`,
    vars,
    token,
  );

beforeAll(async () => {
  app = await startApp();
  comms = await app.login(DEMO.communications);
  editor = await app.login(DEMO.editorRoez);
  const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 100) { id shortCode } }', {}, comms);
  sdcUnit = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'SDC').id;
  roezUnit = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'ROEZ').id;
});
afterAll(() => app?.stop());

describe('the demo register', () => {
  it('holds every account of the 2011 inventory as legacy accounts: active, or a draft when the note gives no name', async () => {
    const csv = readFileSync(join(WORKSPACE, 'apps/api/src/demo/nota-2011-inventory.csv'), 'utf8').trim().split('\n').slice(1);
    const { allSocialAccounts } = await app.gqlOk(`{ allSocialAccounts(perPage: 100) { ${ACCOUNT_FIELDS} } }`, {}, comms);
    expect(allSocialAccounts).toHaveLength(csv.length);
    expect(csv.length).toBe(22);
    for (const line of csv) {
      const [platform, handle, displayName] = line.split(',');
      const found = allSocialAccounts.find((a: { platformId: string; handle: string }) => a.platformId === platform && a.handle === handle);
      expect(found).toMatchObject({ status: displayName ? 'ACTIVE' : 'DRAFT', legacy: true, displayName: displayName || null });
    }
    expect(allSocialAccounts.find((a: { handle: string; platformId: string }) => a.handle === 'Milieudienst050' && a.platformId === 'facebook').profileUrl).toBe(
      'https://www.facebook.com/Milieudienst050',
    );
  });
});

describe('allSocialAccounts filters and paging', () => {
  it.each([
    [{ q: 'sdc' }, 4],
    [{ q: '@Stadsbeheer050' }, 1],
    [{ platformId: 'facebook' }, 2],
    [{ kind: 'PERSONAL_IN_FUNCTION' }, 3],
    [{ kind: 'CAMPAIGN' }, 2],
    [{ status: 'ACTIVE', legacy: true }, 20],
    // sdcAnneKrijn and SDC050Ton: named in the note without a name.
    [{ status: 'DRAFT', legacy: true }, 2],
    [{ status: 'SUBMITTED' }, 0],
  ])('filter %j finds %i', async (filter, expected) => {
    expect(await count(filter)).toBe(expected);
    const { allSocialAccounts } = await app.gqlOk('query($f: SocialAccountFilter) { allSocialAccounts(filter: $f, perPage: 100) { id } }', { f: filter }, comms);
    expect(allSocialAccounts).toHaveLength(expected);
  });

  it('filters by unit including the units below it', async () => {
    expect(await count({ orgUnitId: sdcUnit })).toBe(4);
    expect(await count({ orgUnitId: roezUnit })).toBe(6);
  });

  it('pages without overlap and sorts on request', async () => {
    const page = async (p: number) =>
      (await app.gqlOk('query($p: Int) { allSocialAccounts(page: $p, perPage: 5, sortField: "handle", sortOrder: "DESC") { id normalizedHandle } }', { p }, comms))
        .allSocialAccounts as { id: string; normalizedHandle: string }[];
    const [a, b, e] = [await page(0), await page(1), await page(4)];
    expect(a).toHaveLength(5);
    expect(b).toHaveLength(5);
    expect(e).toHaveLength(2);
    expect(a.map((x) => x.id).filter((id) => b.some((y) => y.id === id))).toEqual([]);
    const handles = a.map((x) => x.normalizedHandle);
    expect([...handles].sort().reverse()).toEqual(handles);
  });

  it('caps perPage and refuses unknown sort fields', async () => {
    const big = await app.gql('{ allSocialAccounts(perPage: 100000) { id } }', {}, comms);
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0].extensions?.violations?.[0].field).toBe('perPage');
    const sort = await app.gql('{ allSocialAccounts(sortField: "password_hash") { id } }', {}, comms);
    expect(sort.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('creating and changing accounts', () => {
  it('creates a draft from a profile URL, normalising the handle', async () => {
    // An editor names owners from its own units: the demo person of RO/EZ and a colleague added here.
    const { me } = await app.gqlOk('{ me { scopeUnitId } }', {}, editor);
    await app.gqlOk('mutation($u: ID) { createPerson(name: "Marieke de Vries", email: "marieke.devries@groningen.example", orgUnitId: $u) { id } }', { u: me.scopeUnitId }, editor);
    const { allPeople } = await app.gqlOk('{ allPeople(perPage: 10) { id } }', {}, editor);
    expect(allPeople.length).toBeGreaterThanOrEqual(2);
    const result = await create(
      { platformId: 'x', handle: 'https://twitter.com/sdcMarieke?lang=nl', orgUnitId: sdcUnit, kind: 'PERSONAL_IN_FUNCTION', purposes: ['INTERACT'], primaryOwnerId: allPeople[0].id, backupOwnerIds: [allPeople[1].id] },
      editor,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createSocialAccount).toMatchObject({
      handle: 'sdcMarieke',
      normalizedHandle: 'sdcmarieke',
      profileUrl: 'https://x.com/sdcMarieke',
      status: 'DRAFT',
      legacy: false,
      version: 1,
      primaryOwnerId: allPeople[0].id,
      backupOwnerIds: [allPeople[1].id],
    });
    const { SocialAccount } = await app.gqlOk(`query($id: ID!) { SocialAccount(id: $id) { ${ACCOUNT_FIELDS} } }`, { id: result.data?.createSocialAccount.id }, comms);
    expect(SocialAccount.handle).toBe('sdcMarieke');
  });

  it.each([
    ['the same handle in another case', 'x', 'STADSBEHEER050'],
    ['the same handle with @ and a URL', 'x', 'x.com/stadsbeheer050?lang=nl'],
    ['a Facebook name with dots', 'facebook', 'Milieu.Dienst.050'],
  ])('refuses %s with HANDLE_TAKEN and writes nothing', async (_, platformId, handle) => {
    const before = await count();
    const result = await create({ platformId, handle, orgUnitId: roezUnit, kind: 'ORGANISATIONAL' });
    expect(result.errors?.[0].extensions?.code).toBe('HANDLE_TAKEN');
    expect(result.errors?.[0].extensions?.messageNl).toMatch(/al geregistreerd/);
    expect(await count()).toBe(before);
  });

  it.each([
    ['spaces and punctuation', 'x', 'stads beheer!', 'HANDLE_INVALID_CHARACTERS'],
    ['too long for X', 'x', 'GemeenteGroningen050', 'HANDLE_TOO_LONG'],
    ['an Instagram URL for X', 'x', 'https://www.instagram.com/gemeentegroningen/', 'HANDLE_PLATFORM_MISMATCH'],
    ['an empty handle', 'instagram', '   ', 'HANDLE_EMPTY'],
  ])('refuses %s with BAD_USER_INPUT, a per-field message, and no row', async (_, platformId, handle, code) => {
    const before = await count();
    const result = await create({ platformId, handle, orgUnitId: roezUnit, kind: 'ORGANISATIONAL' });
    const ext = result.errors?.[0].extensions;
    expect(ext?.code).toBe('BAD_USER_INPUT');
    expect(ext?.violations?.map((v) => v.code)).toContain(code);
    expect(ext?.violations?.every((v) => v.field === 'handle')).toBe(true);
    expect(await count()).toBe(before);
  });

  it.each([
    ['an unknown platform', { platformId: 'myspace' }, 'platformId'],
    ['an unknown unit', { orgUnitId: '00000000-0000-4000-8000-000000000000' }, 'orgUnitId'],
    ['a malformed unit id', { orgUnitId: 'RO/EZ' }, 'orgUnitId'],
    ['an unknown owner', { primaryOwnerId: '00000000-0000-4000-8000-000000000000' }, 'primaryOwnerId'],
  ])('refuses %s as a field error', async (_, override, field) => {
    const before = await count();
    const result = await create({ platformId: 'x', handle: 'Nieuw050', orgUnitId: roezUnit, kind: 'ORGANISATIONAL', ...override });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.violations?.[0].field).toBe(field);
    expect(await count()).toBe(before);
  });

  it('refuses server-owned fields as input instead of ignoring them', async () => {
    const result = await app.gql(
      `mutation($u: ID!) { createSocialAccount(platformId: "x", handle: "Stiekem050", orgUnitId: $u, kind: ORGANISATIONAL, status: ACTIVE) { id } }`,
      { u: roezUnit },
      comms,
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count({ q: 'Stiekem050' })).toBe(0);
  });

  it('updates with the version seen, and refuses a stale version with VERSION_CONFLICT', async () => {
    const created = (await create({ platformId: 'instagram', handle: 'groningen.bouwt', orgUnitId: roezUnit, kind: 'PROJECT' })).data?.createSocialAccount;
    const update = (vars: Record<string, unknown>) =>
      app.gql(`mutation($id: ID!, $version: Int!, $displayName: String, $handle: String) {
        updateSocialAccount(id: $id, version: $version, displayName: $displayName, handle: $handle) { handle displayName version } }`, vars, comms);
    const first = await update({ id: created.id, version: 1, displayName: 'Groningen bouwt' });
    expect(first.data?.updateSocialAccount).toEqual({ handle: 'groningen.bouwt', displayName: 'Groningen bouwt', version: 2 });
    const stale = await update({ id: created.id, version: 1, displayName: 'Oud' });
    expect(stale.errors?.[0].extensions?.code).toBe('VERSION_CONFLICT');
    const renamed = await update({ id: created.id, version: 2, handle: '@Groningen.Bouwt.Door' });
    expect(renamed.data?.updateSocialAccount).toMatchObject({ handle: 'Groningen.Bouwt.Door', version: 3 });
  });

  it('keeps platform and handle of an active account fixed', async () => {
    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(filter: { q: "Kardinge" }) { id version } }', {}, comms);
    const result = await app.gql('mutation($id: ID!, $v: Int!) { updateSocialAccount(id: $id, version: $v, handle: "Kardinge050") { id } }', { id: allSocialAccounts[0].id, v: allSocialAccounts[0].version }, comms);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.violations?.[0].code).toBe('HANDLE_LOCKED');
    expect(await count({ q: 'Kardinge050' })).toBe(0);
  });

  it('refuses a new account on a platform that no longer exists, but records a legacy one', async () => {
    const hyves = (handle: string, legacy: boolean) =>
      app.gql(
        'mutation($h: String!, $u: ID!, $l: Boolean) { createSocialAccount(platformId: "hyves", handle: $h, orgUnitId: $u, kind: ORGANISATIONAL, legacy: $l) { id legacy } }',
        { h: handle, u: sdcUnit, l: legacy },
        comms,
      );
    const fresh = await hyves('NieuwOpHyves', false);
    expect(fresh.errors?.[0].extensions?.violations?.[0]).toMatchObject({ field: 'platformId', code: 'PLATFORM_DEFUNCT' });
    expect(await count({ q: 'NieuwOpHyves' })).toBe(0);
    const old = await hyves('OudOpHyves', true);
    expect(old.errors).toBeUndefined();
    expect(await count({ q: 'OudOpHyves' })).toBe(1);
  });

  it('answers an unknown id with NOT_FOUND and offers no delete', async () => {
    const missing = await app.gql('{ SocialAccount(id: "00000000-0000-4000-8000-000000000000") { id } }', {}, comms);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const del = await app.gql('mutation { deleteSocialAccount(id: "00000000-0000-4000-8000-000000000000") { id } }', {}, comms);
    expect(del.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets an auditor read but not register', async () => {
    const auditor = await app.login(DEMO.auditor);
    expect((await app.gqlOk('{ _allSocialAccountsMeta { count } }', {}, auditor))._allSocialAccountsMeta.count).toBeGreaterThanOrEqual(22);
    const result = await create({ platformId: 'x', handle: 'Auditor050', orgUnitId: roezUnit, kind: 'ORGANISATIONAL' }, auditor);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
