import { DEMO, type RunningApp, startApp } from '@ggsm/testing';

// Governance: naming rules and the checklist as data, the approval gate, and the account lifecycle with
// one audit event per step.

let app: RunningApp;
let comms: string;
let editor: string;
let editorOcsw: string;
let auditor: string;
let roez: string;
let ocsw: string;

const ACCOUNT = 'id status version requestedById requestedAt approvedById approvedAt lastReviewedAt nextReviewAt';
const ATTESTATION_ITEMS = ['display_name_identifies', 'bio_reviewed', 'logo_approved', 'tone_of_voice', 'credentials_vault'];

const createAccount = async (token: string, handle: string, vars: Record<string, unknown> = {}) =>
  (
    await app.gqlOk(
      `mutation($handle: String!, $unit: ID!, $kind: AccountKind!) {
        createSocialAccount(platformId: "x", handle: $handle, orgUnitId: $unit, kind: $kind, purposes: [SEND]) { ${ACCOUNT} } }`,
      { handle, unit: roez, kind: 'INTERNAL', ...vars },
      token,
    )
  ).createSocialAccount;

/** A lifecycle mutation; returns the raw result so refusals can be inspected. */
const step = (name: string, id: string, version: number, token: string, extra = '', vars: Record<string, unknown> = {}) =>
  app.gql(`mutation($id: ID!, $v: Int!${extra ? `, ${extra.split(',').map((a) => `$${a.trim()}: String!`).join(', ')}` : ''}) {
      ${name}(id: $id, version: $v${extra ? `, ${extra.split(',').map((a) => `${a.trim()}: $${a.trim()}`).join(', ')}` : ''}) { ${ACCOUNT} } }`, { id, v: version, ...vars }, token);
const stepOk = async (name: string, id: string, version: number, token: string, extra = '', vars: Record<string, unknown> = {}) => {
  const res = await step(name, id, version, token, extra, vars);
  expect(res.errors).toBeUndefined();
  return res.data![name];
};
const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
const violationCodes = (res: { errors?: { extensions?: { violations?: { code: string }[] } }[] }) => (res.errors?.[0]?.extensions?.violations ?? []).map((v) => v.code).sort();
const auditOf = async (id: string) =>
  (
    await app.gqlOk(
      'query($id: String) { allAuditEvents(filter: { entityId: $id }, perPage: 100, sortField: "seq", sortOrder: "ASC") { action reason after } }',
      { id },
      auditor,
    )
  ).allAuditEvents as { action: string; reason: string | null; after: any }[];
const checklist = async (id: string, token = comms) =>
  (await app.gqlOk('query($id: ID!) { accountChecklist(accountId: $id) { key state required mode reasonEn attestation { passed note } } }', { id }, token))
    .accountChecklist as { key: string; state: string; required: boolean; mode: string; attestation: { passed: boolean; note: string } | null }[];
const problemsOf = async (id: string, token: string) =>
  ((await app.gqlOk('query($id: ID!) { SocialAccount(id: $id) { approvalProblems { code message messageNl } } }', { id }, token)).SocialAccount.approvalProblems as { code: string; messageNl: string }[])
    .map((p) => {
      expect(p.messageNl.length).toBeGreaterThan(10);
      return p.code;
    })
    .sort();
const versionOf = async (id: string) => (await app.gqlOk('query($id: ID!) { SocialAccount(id: $id) { version } }', { id }, comms)).SocialAccount.version as number;
const attest = (accountId: string, itemKey: string, passed = true, token = comms) =>
  app.gql(
    'mutation($a: ID!, $k: String!, $p: Boolean!) { attestChecklistItem(accountId: $a, itemKey: $k, passed: $p, note: "Gezien", evidenceUrl: "https://intranet.groningen.example/ggsm") { key state } }',
    { a: accountId, k: itemKey, p: passed },
    token,
  );

/** Fills in everything the gate asks for: fields, two owners who acknowledged the guidelines, every attestation. */
async function makeApprovable(id: string, token: string) {
  const person = async (name: string) =>
    (
      await app.gqlOk(
        'mutation($n: String!, $e: String!, $u: ID) { createPerson(name: $n, email: $e, orgUnitId: $u) { id version } }',
        { n: name, e: `${name.toLowerCase().replace(/\s+/g, '.')}.${id.slice(0, 8)}@groningen.example`, u: roez },
        token,
      )
    ).createPerson as { id: string; version: number };
  const a = await person('Eerste Beheerder');
  const b = await person('Tweede Beheerder');
  for (const p of [a, b]) {
    await app.gqlOk('mutation($id: ID!, $v: Int!, $at: DateTime) { updatePerson(id: $id, version: $v, guidelinesAcknowledgedAt: $at) { id } }', { id: p.id, v: p.version, at: new Date().toISOString() }, token);
  }
  await app.gqlOk(
    `mutation($id: ID!, $v: Int!, $p: ID, $b: [ID!]) { updateSocialAccount(id: $id, version: $v, primaryOwnerId: $p, backupOwnerIds: $b,
      bio: "Officieel account van de Gemeente Groningen, RO/EZ. Meer op https://gemeente.groningen.nl/roez", openingHours: "ma-vr 9-17", responseTime: "binnen een werkdag",
      archivingArrangement: "Archivering via de webarchiveringsdienst") { id } }`,
    { id, v: await versionOf(id), p: a.id, b: [b.id] },
    token,
  );
  for (const key of ATTESTATION_ITEMS) expect((await attest(id, key)).errors).toBeUndefined();
}

beforeAll(async () => {
  app = await startApp();
  comms = await app.login(DEMO.communications);
  editor = await app.login(DEMO.editorRoez);
  editorOcsw = await app.login(DEMO.editorOcsw);
  auditor = await app.login(DEMO.auditor);
  const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 100) { id shortCode } }', {}, comms);
  roez = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'ROEZ').id;
  ocsw = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'OCSW').id;
});
afterAll(() => app?.stop());

describe('the approval gate', () => {
  it('refuses with every missing item, changes nothing, and passes once everything is in place', async () => {
    const created = await createAccount(editor, 'RoezIntern050');
    const submitted = await stepOk('submitSocialAccount', created.id, created.version, editor);
    expect(submitted).toMatchObject({ status: 'SUBMITTED' });
    expect(submitted.requestedById).toBeTruthy();
    expect(submitted.requestedAt).toBeTruthy();
    const eventsBefore = (await auditOf(created.id)).length;

    const refused = await step('approveSocialAccount', created.id, submitted.version, comms);
    expect(codeOf(refused)).toBe('CHECKLIST_INCOMPLETE');
    expect(violationCodes(refused)).toEqual(
      ['TOO_FEW_OWNERS', 'display_name_identifies', 'bio_states_official', 'bio_reviewed', 'logo_approved', 'tone_of_voice', 'hours_published', 'owners_acknowledged', 'archiving_arranged', 'credentials_vault'].sort(),
    );
    // Nothing changed: same status and version, no audit event.
    expect(await versionOf(created.id)).toBe(submitted.version);
    expect((await auditOf(created.id)).length).toBe(eventsBefore);

    // An editor may not approve at all.
    expect(codeOf(await step('approveSocialAccount', created.id, submitted.version, editor))).toBe('FORBIDDEN');

    // The console disables "approve" in advance from approvalProblems: the same conditions the refusal named,
    // as the caller would meet them (the requester also meets SELF_APPROVAL).
    expect(await problemsOf(created.id, comms)).toEqual(violationCodes(refused));
    expect(await problemsOf(created.id, editor)).toEqual([...violationCodes(refused), 'SELF_APPROVAL'].sort());

    await makeApprovable(created.id, editor);
    expect(await problemsOf(created.id, comms)).toEqual([]);
    expect(await problemsOf(created.id, editor)).toEqual(['SELF_APPROVAL']);
    const list = await checklist(created.id);
    expect(list.filter((i) => i.required && i.state !== 'PASS' && i.state !== 'NOT_APPLICABLE')).toEqual([]);
    expect(list.find((i) => i.key === 'logo_approved')?.attestation).toMatchObject({ passed: true, note: 'Gezien' });

    // A stale version is refused, and changes nothing.
    const current = await versionOf(created.id);
    expect(codeOf(await step('approveSocialAccount', created.id, current - 1, comms))).toBe('VERSION_CONFLICT');
    expect(await versionOf(created.id)).toBe(current);

    const approved = await stepOk('approveSocialAccount', created.id, current, comms);
    expect(approved).toMatchObject({ status: 'ACTIVE', version: current + 1 });
    expect(await problemsOf(created.id, editor)).toEqual([]);
    expect(approved.approvedById).toBeTruthy();
    expect(approved.approvedById).not.toBe(submitted.requestedById);
    expect(new Date(approved.nextReviewAt).getTime()).toBeGreaterThan(new Date(approved.lastReviewedAt).getTime());
    const events = await auditOf(created.id);
    const approval = events.filter((e) => e.action === 'social_account.approved');
    expect(approval).toHaveLength(1);
    expect(approval[0].after.status).toBe('ACTIVE');
    expect(approval[0].after.checklist.map((c: { key: string }) => c.key)).toContain('credentials_vault');
    expect(approval[0].after.checklist.find((c: { key: string }) => c.key === 'logo_approved').state).toBe('PASS');
    expect(events.filter((e) => e.action === 'social_account.checklist_attested')).toHaveLength(ATTESTATION_ITEMS.length);
  });

  it('a failed attestation fails the item; only ATTESTATION items can be attested; only COMMUNICATIONS attests', async () => {
    const a = await createAccount(editor, 'RoezAttest050');
    expect((await attest(a.id, 'logo_approved', false)).data?.attestChecklistItem.find((i: { key: string }) => i.key === 'logo_approved').state).toBe('FAIL');
    expect((await checklist(a.id)).find((i) => i.key === 'logo_approved')?.state).toBe('FAIL');
    expect(codeOf(await attest(a.id, 'hours_published'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await attest(a.id, 'no_such_item'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await attest(a.id, 'logo_approved', true, editor))).toBe('FORBIDDEN');
  });

  it('refuses self-approval: an account COMMUNICATIONS itself submitted', async () => {
    const a = await createAccount(comms, 'RoezZelf050');
    await makeApprovable(a.id, comms);
    const submitted = await stepOk('submitSocialAccount', a.id, await versionOf(a.id), comms);
    const res = await step('approveSocialAccount', a.id, submitted.version, comms);
    expect(codeOf(res)).toBe('SELF_APPROVAL');
    expect(violationCodes(res)).toEqual(['SELF_APPROVAL']);
    expect((await app.gqlOk('query($id: ID!) { SocialAccount(id: $id) { status version } }', { id: a.id }, comms)).SocialAccount).toEqual({ status: 'SUBMITTED', version: submitted.version });
  });

  it('blocks a naming ERROR until Communications records a waiver', async () => {
    const a = await createAccount(editor, 'RoezZonderNet', { kind: 'ORGANISATIONAL' });
    await makeApprovable(a.id, editor);
    expect((await checklist(a.id)).find((i) => i.key === 'naming_rules_pass')?.state).toBe('FAIL');
    const submitted = await stepOk('submitSocialAccount', a.id, await versionOf(a.id), editor);
    const before = await step('approveSocialAccount', a.id, submitted.version, comms);
    expect(codeOf(before)).toBe('CHECKLIST_INCOMPLETE');
    expect(violationCodes(before)).toEqual(['NAMING_ERROR']);
    expect(codeOf(await app.gql('mutation($id: ID!, $v: Int!) { waiveNamingErrors(id: $id, version: $v, reason: "x") { id } }', { id: a.id, v: submitted.version }, editor))).toBe('FORBIDDEN');
    const waived = await app.gqlOk(
      'mutation($id: ID!, $v: Int!) { waiveNamingErrors(id: $id, version: $v, reason: "Eigen merknaam, besloten door Team #ggsm") { namingWaiverReason version } }',
      { id: a.id, v: submitted.version },
      comms,
    );
    expect(waived.waiveNamingErrors.namingWaiverReason).toBe('Eigen merknaam, besloten door Team #ggsm');
    expect((await checklist(a.id)).find((i) => i.key === 'naming_rules_pass')?.state).toBe('PASS');
    // With the waiver the gate opens; the bio links to groningen.nl, which the demo register claims.
    expect((await checklist(a.id)).find((i) => i.key === 'bio_links_claimed_domain')?.state).toBe('PASS');
    const after = await stepOk('approveSocialAccount', a.id, waived.waiveNamingErrors.version, comms);
    expect(after.status).toBe('ACTIVE');
    const waiver = (await auditOf(a.id)).filter((e) => e.action === 'social_account.naming_waived');
    expect(waiver.map((e) => e.reason)).toEqual(['Eigen merknaam, besloten door Team #ggsm']);
  });
});

describe('the lifecycle', () => {
  it('walks through every state, with one audit event per step and its reason', async () => {
    const a = await createAccount(editor, 'RoezLoop050');
    const rejectMe = await createAccount(editor, 'RoezAfgew050');
    let v = (await stepOk('submitSocialAccount', a.id, a.version, editor)).version;
    v = (await stepOk('requestChangesSocialAccount', a.id, v, comms, 'comment', { comment: 'Bio aanvullen' })).version;
    await makeApprovable(a.id, editor);
    v = (await stepOk('submitSocialAccount', a.id, await versionOf(a.id), editor)).version;
    // Illegal transitions are refused by name.
    expect(codeOf(await step('suspendSocialAccount', a.id, v, comms))).toBe('ILLEGAL_TRANSITION');
    v = (await stepOk('approveSocialAccount', a.id, v, comms)).version;
    expect(codeOf(await step('approveSocialAccount', a.id, v, comms))).toBe('ILLEGAL_TRANSITION');
    const reviewed = await stepOk('reviewSocialAccount', a.id, v, editor);
    expect(reviewed.status).toBe('ACTIVE');
    v = reviewed.version;
    const suspended = await stepOk('suspendSocialAccount', a.id, v, editor);
    expect(suspended.status).toBe('SUSPENDED');
    expect(codeOf(await step('reinstateSocialAccount', a.id, suspended.version, editor))).toBe('FORBIDDEN');
    v = (await stepOk('reinstateSocialAccount', a.id, suspended.version, comms)).version;
    // A reason is required to archive.
    expect(codeOf(await step('archiveSocialAccount', a.id, v, editor, 'reason', { reason: '   ' }))).toBe('BAD_USER_INPUT');
    const archived = await stepOk('archiveSocialAccount', a.id, v, editor, 'reason', { reason: 'Campagne afgelopen' });
    expect(archived.status).toBe('ARCHIVED');
    const reactivated = await stepOk('reactivateSocialAccount', a.id, archived.version, comms, 'reason', { reason: 'Weer nodig' });
    expect(reactivated.status).toBe('ACTIVE');

    const r = await stepOk('submitSocialAccount', rejectMe.id, rejectMe.version, editor);
    const rejected = await stepOk('rejectSocialAccount', rejectMe.id, r.version, comms, 'reason', { reason: 'Dubbel account' });
    expect(rejected.status).toBe('REJECTED');
    expect(codeOf(await step('submitSocialAccount', rejectMe.id, rejected.version, editor))).toBe('ILLEGAL_TRANSITION');

    const steps = (await auditOf(a.id)).filter((e) => !['social_account.updated', 'social_account.checklist_attested'].includes(e.action));
    expect(steps.map((e) => [e.action, e.reason])).toEqual([
      ['social_account.created', null],
      ['social_account.submitted', null],
      ['social_account.changes_requested', 'Bio aanvullen'],
      ['social_account.submitted', null],
      ['social_account.approved', null],
      ['social_account.reviewed', null],
      ['social_account.suspended', null],
      ['social_account.reinstated', null],
      ['social_account.archived', 'Campagne afgelopen'],
      ['social_account.reactivated', 'Weer nodig'],
    ]);
    expect((await auditOf(rejectMe.id)).map((e) => [e.action, e.reason])).toEqual([
      ['social_account.created', null],
      ['social_account.submitted', null],
      ['social_account.rejected', 'Dubbel account'],
    ]);
  });

  it("an editor gets NOT_FOUND for another unit's account, in steps and checklists", async () => {
    const a = await createAccount(editor, 'RoezAnder050');
    expect(codeOf(await step('submitSocialAccount', a.id, a.version, editorOcsw))).toBe('NOT_FOUND');
    const res = await app.gql('query($id: ID!) { accountChecklist(accountId: $id) { key } }', { id: a.id }, editorOcsw);
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect((await checklist(a.id, editor)).length).toBeGreaterThan(5);
    expect(await versionOf(a.id)).toBe(a.version);
  });
});

describe('checkHandle', () => {
  const check = (vars: Record<string, unknown>, token = editor) =>
    app.gql(
      'query($p: String!, $h: String!, $u: ID, $k: AccountKind) { checkHandle(platform: $p, handle: $h, orgUnitId: $u, kind: $k) { normalizedHandle profileUrl violations { ruleKey severity code message messageNl } } }',
      vars,
      token,
    );

  it('reports the naming ERROR of an organisational account without 050 or Groningen', async () => {
    const res = await check({ p: 'x', h: 'Stadsbeheer', u: roez, k: 'ORGANISATIONAL' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.checkHandle.normalizedHandle).toBe('stadsbeheer');
    expect(res.data!.checkHandle.violations).toContainEqual(
      expect.objectContaining({ ruleKey: 'org_ends_050_or_groningen', severity: 'ERROR', code: 'NAMING_SUFFIX_MISSING' }),
    );
    // The same name as a campaign is only a warning, and a correct name has no ERROR at all.
    const campaign = await check({ p: 'x', h: 'Stadsbeheer', u: roez, k: 'CAMPAIGN' });
    expect(campaign.data!.checkHandle.violations.filter((v: { severity: string }) => v.severity === 'ERROR')).toEqual([]);
    const fine = await check({ p: 'x', h: 'Wijkbeheer050', u: roez, k: 'ORGANISATIONAL' });
    expect(fine.data!.checkHandle.violations).toEqual([]);
  });

  it('warns about a look-alike of a registered handle', async () => {
    const res = await check({ p: 'x', h: 'Stadsbeheer05O', u: roez, k: 'ORGANISATIONAL' });
    expect(res.data!.checkHandle.violations).toContainEqual(expect.objectContaining({ ruleKey: 'lookalike', severity: 'WARNING', code: 'HANDLE_LOOKALIKE' }));
  });

  it('refuses an unknown platform', async () => {
    expect(codeOf(await check({ p: 'myspace', h: 'Stadsbeheer050' }))).toBe('BAD_USER_INPUT');
  });

  it('uses the stored rules: a deactivated rule no longer reports', async () => {
    const { allNamingRules } = await app.gqlOk('{ allNamingRules(filter: { q: "org_ends" }) { id key version active } }', {}, editor);
    const rule = allNamingRules[0];
    const off = await app.gqlOk('mutation($id: ID!, $v: Int!) { updateNamingRule(id: $id, version: $v, active: false) { active version } }', { id: rule.id, v: rule.version }, comms);
    const res = await check({ p: 'x', h: 'Stadsbeheer', u: roez, k: 'ORGANISATIONAL' });
    expect(res.data!.checkHandle.violations.map((v: { ruleKey: string }) => v.ruleKey)).not.toContain('org_ends_050_or_groningen');
    await app.gqlOk('mutation($id: ID!, $v: Int!) { updateNamingRule(id: $id, version: $v, active: true) { active } }', { id: rule.id, v: off.updateNamingRule.version }, comms);
  });
});

describe('naming rules and checklist items as resources', () => {
  it('seeds the defaults, validates params per field, audits, and only COMMUNICATIONS writes', async () => {
    expect((await app.gqlOk('{ _allNamingRulesMeta { count } }', {}, auditor))._allNamingRulesMeta.count).toBe(4);
    expect((await app.gqlOk('{ _allChecklistItemsMeta { count } }', {}, editor))._allChecklistItemsMeta.count).toBe(13);
    const create = (params: Record<string, unknown>, type = 'MATCH_PATTERN', token = comms, key = 'test_rule') =>
      app.gql(
        'mutation($k: String!, $t: NamingRuleType!, $p: JSONObject) { createNamingRule(key: $k, type: $t, severity: WARNING, params: $p, messageNl: "Fout", messageEn: "Wrong") { id key version } }',
        { k: key, t: type, p: params },
        token,
      );
    const badRegex = await create({ pattern: '([a-z' });
    expect(codeOf(badRegex)).toBe('BAD_USER_INPUT');
    expect(badRegex.errors![0].extensions!.violations).toContainEqual(expect.objectContaining({ field: 'params.pattern', code: 'PARAM_PATTERN_INVALID' }));
    expect((await create({ values: [] }, 'ENDS_WITH_ONE_OF')).errors![0].extensions!.violations).toContainEqual(expect.objectContaining({ field: 'params.values' }));
    expect((await create({ max: 0 }, 'MAX_LENGTH')).errors![0].extensions!.violations).toContainEqual(expect.objectContaining({ field: 'params.max' }));
    expect(codeOf(await create({ pattern: '^[a-z]+$' }, 'MATCH_PATTERN', editor))).toBe('FORBIDDEN');
    const ok = await create({ pattern: '^[A-Za-z0-9]+$' });
    expect(ok.errors).toBeUndefined();
    expect(codeOf(await create({ pattern: '^x' }))).toBe('BAD_USER_INPUT'); // the key is taken
    const rule = ok.data!.createNamingRule;
    const read = await app.gqlOk('query($id: ID!) { NamingRule(id: $id) { key params scope { kinds } } }', { id: rule.id }, editor);
    expect(read.NamingRule).toEqual({ key: 'test_rule', params: { pattern: '^[A-Za-z0-9]+$' }, scope: { kinds: [] } });
    expect(codeOf(await app.gql('mutation($id: ID!) { updateNamingRule(id: $id, version: 0, active: false) { id } }', { id: rule.id }, comms))).toBe('VERSION_CONFLICT');
    const item = await app.gql(
      'mutation { createChecklistItem(key: "test_item", titleNl: "Test", titleEn: "Test", mode: AUTOMATIC) { id } }',
      {},
      comms,
    );
    expect(item.errors![0].extensions!.violations).toContainEqual(expect.objectContaining({ field: 'checkKey', code: 'CHECK_KEY_REQUIRED' }));
    const created = await app.gqlOk('mutation { createChecklistItem(key: "test_item", titleNl: "Test", titleEn: "Test", mode: ATTESTATION, required: false) { id version } }', {}, comms);
    await app.gqlOk('mutation($id: ID!, $v: Int!) { updateChecklistItem(id: $id, version: $v, active: false) { active } }', { id: created.createChecklistItem.id, v: created.createChecklistItem.version }, comms);
    const actions = (await app.gqlOk('{ allAuditEvents(filter: { entityType: "ChecklistItem" }) { action } }', {}, auditor)).allAuditEvents.map((e: { action: string }) => e.action);
    expect(actions.sort()).toEqual(['checklist_item.created', 'checklist_item.updated']);
    const ruleActions = (await app.gqlOk('query($id: String) { allAuditEvents(filter: { entityId: $id }) { action } }', { id: rule.id }, auditor)).allAuditEvents;
    expect(ruleActions).toEqual([{ action: 'naming_rule.created' }]);
    // The History tab of a rule and of an item: readable by any role, like the records themselves.
    const history = (t: string, id: string) =>
      app.gqlOk('query($t: String!, $id: ID!) { auditHistory(entityType: $t, entityId: $id) { action } }', { t, id }, editor);
    expect((await history('NamingRule', rule.id)).auditHistory).toEqual([{ action: 'naming_rule.created' }]);
    expect((await history('ChecklistItem', created.createChecklistItem.id)).auditHistory.map((e: { action: string }) => e.action)).toEqual([
      'checklist_item.created',
      'checklist_item.updated',
    ]);
  });
});
