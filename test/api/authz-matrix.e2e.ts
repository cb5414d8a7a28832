import { randomBytes } from 'node:crypto';
import {
  DEMO,
  type DbSnapshot,
  type PgClient,
  type RunningApp,
  changedRows,
  connectAsSuperuser,
  jwtSecretOf,
  rawGql,
  signJwt,
  snapshotDb,
  startApp,
  totalChanged,
} from '@ggsm/testing';

// The authorisation matrix, generated from the running schema: every Query and Mutation field must be
// declared in EXPECTED below (and nothing else may be), and is then called by every kind of caller.
// A refused call must change no row of the register (checked in PostgreSQL itself).

type Role = 'ADMIN' | 'COMMUNICATIONS' | 'EDITOR' | 'LEGAL' | 'AUDITOR';
const ALL_ROLES: readonly Role[] = ['ADMIN', 'COMMUNICATIONS', 'EDITOR', 'LEGAL', 'AUDITOR'];
/** `me`: any valid login, even one without a role yet. */
const ANY_LOGIN = 'ANY_LOGIN';
/** No login needed (the public impersonation report); a token that is sent must still be valid. */
const PUBLIC = 'PUBLIC';
/** The public face (verification, open data): no login, and a token, valid or not, is not even looked at. */
const ANYONE = 'ANYONE';

/** ALLOW: data came back (for a list: at least one row). EMPTY: allowed, but nothing of another unit comes back. */
type Outcome = 'ALLOW' | 'EMPTY' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'BAD_USER_INPUT';

interface Fixtures {
  unit: { own: string; other: string };
  account: { own: string; other: string };
  person: { own: string; other: string };
  platform: string;
  userId: string;
  auditEventId: string;
}
interface CallContext {
  /** own: RO/EZ objects (the editor's scope); other: OCSW objects, used only for "EDITOR, other unit". */
  side: 'own' | 'other';
  fx: Fixtures;
  fresh: () => string;
  version: (table: string, key: string, keyColumn?: string) => Promise<number>;
  column: (table: string, column: string, key: string, keyColumn?: string) => Promise<any>;
}
interface OperationSpec {
  allow: readonly (Role | typeof ANY_LOGIN | typeof PUBLIC | typeof ANYONE)[];
  /** What an editor gets for another unit's object (only asked when EDITOR is allowed at all); default ALLOW. */
  otherUnit?: Outcome;
  call: (c: CallContext) => Promise<{ query: string; variables?: Record<string, unknown> }> | { query: string; variables?: Record<string, unknown> };
}

const READERS: readonly Role[] = ['ADMIN', 'AUDITOR'];
const list = (op: string, filterType: string, filter: (c: CallContext) => Record<string, unknown> | undefined, fields = 'id') => (c: CallContext) => ({
  query: `query($f: ${filterType}) { ${op}(filter: $f, perPage: 5) { ${fields} } }`,
  variables: { f: filter(c) },
});
const meta = (op: string, filterType: string, filter: (c: CallContext) => Record<string, unknown> | undefined) => list(op, filterType, filter, 'count');

/** Set in the test: COMMUNICATIONS' token, used by fixtures that make a fresh account for one call. */
let fixtureToken = '';
let fixtureCounter = 0;

/**
 * A fresh account in the caller's side's unit, put straight into `status` in the database (the steps are
 * tested in governance.e2e.ts). `approvable`: everything the approval gate asks for is in place.
 */
async function accountIn(c: CallContext, status: string, approvable = false): Promise<{ id: string; version: number }> {
  const { createSocialAccount: a } = await app.gqlOk(
    `mutation($handle: String!, $unit: ID!) { createSocialAccount(platformId: "x", handle: $handle, orgUnitId: $unit, kind: INTERNAL, purposes: [SEND],
      bio: "Officieel account van de Gemeente Groningen.", openingHours: "ma-vr 9-17", responseTime: "een werkdag", archivingArrangement: "Webarchief") { id } }`,
    { handle: `st${c.fresh()}050`, unit: c.fx.unit[c.side] },
    fixtureToken,
  );
  if (approvable) {
    for (const [i, role] of ['PRIMARY', 'BACKUP'].entries()) {
      const { rows } = await db.query<{ id: string }>(
        'INSERT INTO person (name, email, org_unit_id, guidelines_acknowledged_at) VALUES ($1, $2, $3, now()) RETURNING id',
        ['Matrix Beheerder', `matrix.owner.${++fixtureCounter}.${c.fresh()}@groningen.example`, c.fx.unit[c.side]],
      );
      await db.query('INSERT INTO account_owner (account_id, person_id, role, position) VALUES ($1, $2, $3, $4)', [a.id, rows[0].id, role, i]);
    }
    await db.query(`INSERT INTO checklist_attestation (account_id, item_key, passed) SELECT $1, key, true FROM checklist_item WHERE mode = 'ATTESTATION'`, [a.id]);
  }
  await db.query('UPDATE social_account SET status = $2 WHERE id = $1', [a.id, status]);
  return { id: a.id, version: await c.version('social_account', a.id) };
}
const stepCall = (op: string, status: string, args = '', approvable = false) => async (c: CallContext) => {
  const a = await accountIn(c, status, approvable);
  return { query: `mutation($id: ID!, $v: Int!) { ${op}(id: $id, version: $v${args}) { id status } }`, variables: { id: a.id, v: a.version } };
};
const firstId = async (table: string) => (await db.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY sort_order, id LIMIT 1`)).rows[0].id;
/** A claimed URL in each side's unit (made once, as COMMUNICATIONS), expiring in ten days so the expiry watch lists it. */
const claims: Partial<Record<'own' | 'other', string>> = {};
async function claimIn(c: CallContext): Promise<string> {
  for (const side of ['own', 'other'] as const) {
    claims[side] ??= (
      await app.gqlOk(
        'mutation($v: String!, $u: ID!, $e: String) { createClaimedUrl(value: $v, orgUnitId: $u, purpose: CAMPAIGN, expiresAt: $e) { id } }',
        { v: `matrix-${side}-${c.fresh()}.nl`, u: c.fx.unit[side], e: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10) },
        fixtureToken,
      )
    ).createClaimedUrl.id;
  }
  return claims[c.side] as string;
}

/**
 * An impersonation case about the side's account (so an editor of the other unit cannot see it), put straight
 * into `state` in the database (the steps are tested in impersonation.e2e.ts), with what that state implies.
 */
async function caseIn(c: CallContext, state: string, decision: string | null = null): Promise<{ id: string; version: number }> {
  const { reportImpersonation: r } = await app.gqlOk(
    'mutation($h: String!) { reportImpersonation(platform: "x", suspectHandle: $h, description: "Matrix") { id } }',
    { h: `mxnep${c.fresh()}` },
    fixtureToken,
  );
  const takedown = ['TAKEDOWN_REQUESTED', 'TAKEDOWN_ACCEPTED', 'TAKEDOWN_DENIED'].includes(state);
  await db.query(
    `UPDATE impersonation_report SET state = $2::text, imitated_account_id = $3, legal_decision = $4::text,
       legal_reasoning = CASE WHEN $4::text IS NULL THEN NULL ELSE 'Matrix' END, legal_decided_at = CASE WHEN $4::text IS NULL THEN NULL ELSE now() END,
       takedown_case_ref = CASE WHEN $5 THEN 'MX-1' END, takedown_filed_at = CASE WHEN $5 THEN now() - interval '1 day' END,
       takedown_outcome = CASE WHEN $2::text IN ('TAKEDOWN_ACCEPTED', 'TAKEDOWN_DENIED') THEN 'ACCEPTED' END WHERE id = $1`,
    [r.id, state, c.fx.account[c.side], decision ?? (takedown ? 'IMPERSONATION' : null), takedown],
  );
  return { id: r.id, version: await c.version('impersonation_report', r.id) };
}
const caseStep = (op: string, state: string, args = '', decision: string | null = null) => async (c: CallContext) => {
  const r = await caseIn(c, state, decision);
  return { query: `mutation($id: ID!, $v: Int!) { ${op}(id: $id, version: $v${args}) { id state } }`, variables: { id: r.id, v: r.version } };
};

/** One delivered event with an unread notification for every user, as the job runner would write it. */
async function notifyEveryone(c: CallContext): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO notification_outbox (kind, entity_type, entity_id, facts, delivered_at) VALUES ('ACCOUNT_APPROVED', 'SocialAccount', $1, '{}', now()) RETURNING id`,
    [c.fx.account.own],
  );
  await db.query(`INSERT INTO notification (outbox_id, user_id, email_status) SELECT $1, id, 'NO_SMTP' FROM app_user`, [rows[0].id]);
}

/** THE table: one entry per operation of the schema. A new operation fails the test until it is declared here. */
const EXPECTED: Record<string, OperationSpec> = {
  // ---- queries ----
  me: { allow: [ANY_LOGIN], call: () => ({ query: '{ me { id } }' }) },
  // The caller's own notifications and e-mail preferences (every role; nothing of another user is reachable).
  myNotifications: { allow: ALL_ROLES, call: () => ({ query: '{ myNotifications(perPage: 5) { total unreadCount items { id } } }' }) },
  myNotificationPreferences: { allow: ALL_ROLES, call: () => ({ query: '{ myNotificationPreferences { id emailKinds } }' }) },
  dashboard: { allow: ALL_ROLES, call: () => ({ query: '{ dashboard { activeTotal } }' }) },
  AuditEvent: { allow: READERS, call: (c) => ({ query: 'query($id: ID!) { AuditEvent(id: $id) { id } }', variables: { id: c.fx.auditEventId } }) },
  allAuditEvents: { allow: READERS, call: list('allAuditEvents', 'AuditEventFilter', () => undefined) },
  _allAuditEventsMeta: { allow: READERS, call: meta('_allAuditEventsMeta', 'AuditEventFilter', () => undefined) },
  verifyAuditChain: { allow: READERS, call: () => ({ query: '{ verifyAuditChain { ok } }' }) },
  auditCheckpoint: { allow: READERS, call: () => ({ query: '{ auditCheckpoint { headHash } }' }) },
  auditHistory: {
    allow: ALL_ROLES,
    otherUnit: 'NOT_FOUND',
    call: (c) => ({ query: 'query($id: ID!) { auditHistory(entityType: "SocialAccount", entityId: $id) { id } }', variables: { id: c.fx.account[c.side] } }),
  },
  OrgUnit: { allow: ALL_ROLES, otherUnit: 'NOT_FOUND', call: (c) => ({ query: 'query($id: ID!) { OrgUnit(id: $id) { id } }', variables: { id: c.fx.unit[c.side] } }) },
  allOrgUnits: { allow: ALL_ROLES, otherUnit: 'EMPTY', call: list('allOrgUnits', 'OrgUnitFilter', (c) => ({ ids: [c.fx.unit[c.side]] })) },
  _allOrgUnitsMeta: { allow: ALL_ROLES, otherUnit: 'EMPTY', call: meta('_allOrgUnitsMeta', 'OrgUnitFilter', (c) => ({ ids: [c.fx.unit[c.side]] })) },
  Person: { allow: ALL_ROLES, otherUnit: 'NOT_FOUND', call: (c) => ({ query: 'query($id: ID!) { Person(id: $id) { id } }', variables: { id: c.fx.person[c.side] } }) },
  allPeople: { allow: ALL_ROLES, otherUnit: 'EMPTY', call: list('allPeople', 'PersonFilter', (c) => ({ orgUnitId: c.fx.unit[c.side] })) },
  _allPeopleMeta: { allow: ALL_ROLES, otherUnit: 'EMPTY', call: meta('_allPeopleMeta', 'PersonFilter', (c) => ({ orgUnitId: c.fx.unit[c.side] })) },
  Platform: { allow: ALL_ROLES, call: (c) => ({ query: 'query($id: ID!) { Platform(id: $id) { id } }', variables: { id: c.fx.platform } }) },
  allPlatforms: { allow: ALL_ROLES, call: list('allPlatforms', 'PlatformFilter', () => undefined) },
  _allPlatformsMeta: { allow: ALL_ROLES, call: meta('_allPlatformsMeta', 'PlatformFilter', () => undefined) },
  SocialAccount: {
    allow: ALL_ROLES,
    otherUnit: 'NOT_FOUND',
    call: (c) => ({ query: 'query($id: ID!) { SocialAccount(id: $id) { id } }', variables: { id: c.fx.account[c.side] } }),
  },
  allSocialAccounts: { allow: ALL_ROLES, otherUnit: 'EMPTY', call: list('allSocialAccounts', 'SocialAccountFilter', (c) => ({ orgUnitId: c.fx.unit[c.side] })) },
  _allSocialAccountsMeta: {
    allow: ALL_ROLES,
    otherUnit: 'EMPTY',
    call: meta('_allSocialAccountsMeta', 'SocialAccountFilter', (c) => ({ orgUnitId: c.fx.unit[c.side] })),
  },
  User: { allow: READERS, call: (c) => ({ query: 'query($id: ID!) { User(id: $id) { id } }', variables: { id: c.fx.userId } }) },
  NamingRule: { allow: ALL_ROLES, call: async () => ({ query: 'query($id: ID!) { NamingRule(id: $id) { id } }', variables: { id: await firstId('naming_rule') } }) },
  allNamingRules: { allow: ALL_ROLES, call: list('allNamingRules', 'NamingRuleFilter', () => undefined) },
  _allNamingRulesMeta: { allow: ALL_ROLES, call: meta('_allNamingRulesMeta', 'NamingRuleFilter', () => undefined) },
  ChecklistItem: { allow: ALL_ROLES, call: async () => ({ query: 'query($id: ID!) { ChecklistItem(id: $id) { id } }', variables: { id: await firstId('checklist_item') } }) },
  allChecklistItems: { allow: ALL_ROLES, call: list('allChecklistItems', 'ChecklistItemFilter', () => undefined) },
  _allChecklistItemsMeta: { allow: ALL_ROLES, call: meta('_allChecklistItemsMeta', 'ChecklistItemFilter', () => undefined) },
  ReviewInterval: { allow: ALL_ROLES, call: () => ({ query: '{ ReviewInterval(id: "CAMPAIGN") { id } }' }) },
  allReviewIntervals: { allow: ALL_ROLES, call: list('allReviewIntervals', 'ReviewIntervalFilter', () => undefined) },
  _allReviewIntervalsMeta: { allow: ALL_ROLES, call: meta('_allReviewIntervalsMeta', 'ReviewIntervalFilter', () => undefined) },
  checkHandle: {
    allow: ALL_ROLES,
    // Another unit is, for an editor, an unknown unit.
    otherUnit: 'BAD_USER_INPUT',
    call: (c) => ({ query: 'query($u: ID) { checkHandle(platform: "x", handle: "Stadsbeheer", orgUnitId: $u, kind: ORGANISATIONAL) { normalizedHandle } }', variables: { u: c.fx.unit[c.side] } }),
  },
  accountChecklist: {
    allow: ALL_ROLES,
    otherUnit: 'NOT_FOUND',
    call: (c) => ({ query: 'query($id: ID!) { accountChecklist(accountId: $id) { key state } }', variables: { id: c.fx.account[c.side] } }),
  },
  allUsers: { allow: READERS, call: list('allUsers', 'UserFilter', () => undefined) },
  ClaimedUrl: { allow: ALL_ROLES, otherUnit: 'NOT_FOUND', call: async (c) => ({ query: 'query($id: ID!) { ClaimedUrl(id: $id) { id } }', variables: { id: await claimIn(c) } }) },
  allClaimedUrls: { allow: ALL_ROLES, otherUnit: 'EMPTY', call: async (c) => (await claimIn(c), list('allClaimedUrls', 'ClaimedUrlFilter', (x) => ({ orgUnitId: x.fx.unit[x.side] }))(c)) },
  _allClaimedUrlsMeta: { allow: ALL_ROLES, otherUnit: 'EMPTY', call: async (c) => (await claimIn(c), meta('_allClaimedUrlsMeta', 'ClaimedUrlFilter', (x) => ({ orgUnitId: x.fx.unit[x.side] }))(c)) },
  // Not about one unit: an editor gets the expiring claims of its own units (there is one), whichever side it is on.
  expiringClaimedUrls: { allow: ALL_ROLES, call: async (c) => (await claimIn(c), { query: '{ expiringClaimedUrls(withinDays: 30) { id } }' }) },
  domainLookalikes: { allow: ALL_ROLES, call: () => ({ query: '{ domainLookalikes(domain: "groningen.nl", limit: 5) { domain claimed } }' }) },
  // The side's own account handle is at least its own lookalike (IDENTICAL); an editor's search covers only its units' accounts.
  lookalikes: {
    allow: ALL_ROLES,
    otherUnit: 'EMPTY',
    call: async (c) => ({
      query: 'query($p: String!, $h: String!) { lookalikes(platform: $p, handle: $h, limit: 5) { accountId score } }',
      variables: { p: await c.column('social_account', 'platform_key', c.fx.account[c.side]), h: await c.column('social_account', 'handle', c.fx.account[c.side]) },
    }),
  },
  handleLookalikes: {
    allow: ALL_ROLES,
    otherUnit: 'NOT_FOUND',
    call: (c) => ({ query: 'query($id: ID!) { handleLookalikes(accountId: $id, limit: 5) { handle fuzzer } }', variables: { id: c.fx.account[c.side] } }),
  },
  _allUsersMeta: { allow: READERS, call: meta('_allUsersMeta', 'UserFilter', () => undefined) },
  // The public face: the same answer for everyone, logged in or not.
  verifyAccount: { allow: [ANYONE], call: () => ({ query: '{ verifyAccount(platform: "twitter", handle: "@Stadsbeheer050") { status } }' }) },
  verifyProfileUrl: { allow: [ANYONE], call: () => ({ query: '{ verifyProfileUrl(url: "https://x.com/Stadsbeheer050") { status } }' }) },
  publicAccounts: { allow: [ANYONE], call: () => ({ query: '{ publicAccounts(perPage: 5) { total items { handle } } }' }) },
  // Every role reads cases; an editor only those about its units' accounts.
  ImpersonationReport: {
    allow: ALL_ROLES,
    otherUnit: 'NOT_FOUND',
    call: async (c) => ({ query: 'query($id: ID!) { ImpersonationReport(id: $id) { id reporterEmail } }', variables: { id: (await caseIn(c, 'RECEIVED')).id } }),
  },
  allImpersonationReports: {
    allow: ALL_ROLES,
    otherUnit: 'EMPTY',
    call: async (c) => (await caseIn(c, 'RECEIVED'), list('allImpersonationReports', 'ImpersonationReportFilter', (x) => ({ imitatedAccountId: x.fx.account[x.side] }))(c)),
  },
  _allImpersonationReportsMeta: {
    allow: ALL_ROLES,
    otherUnit: 'EMPTY',
    call: async (c) => (await caseIn(c, 'RECEIVED'), meta('_allImpersonationReportsMeta', 'ImpersonationReportFilter', (x) => ({ imitatedAccountId: x.fx.account[x.side] }))(c)),
  },

  // ---- mutations: harmless inputs, fresh names so that an allowed call succeeds, the current version ----
  createOrgUnit: {
    allow: ['ADMIN'],
    call: (c) => ({
      query: 'mutation($name: String!, $code: String!, $parent: ID) { createOrgUnit(name: $name, shortCode: $code, kind: TEAM, parentId: $parent) { id } }',
      variables: { name: `Matrixteam ${c.fresh()}`, code: `MX${c.fresh()}`.toUpperCase(), parent: c.fx.unit[c.side] },
    }),
  },
  updateOrgUnit: {
    allow: ['ADMIN'],
    otherUnit: 'NOT_FOUND',
    call: async (c) => {
      const id = c.fx.unit[c.side];
      return {
        query: 'mutation($id: ID!, $v: Int!, $name: String) { updateOrgUnit(id: $id, version: $v, name: $name) { id version } }',
        variables: { id, v: await c.version('org_unit', id), name: await c.column('org_unit', 'name', id) },
      };
    },
  },
  createPerson: {
    allow: ['ADMIN', 'COMMUNICATIONS', 'EDITOR'],
    // Another unit is, for an editor, an unknown unit: the same input error as a unit that does not exist.
    otherUnit: 'BAD_USER_INPUT',
    call: (c) => ({
      query: 'mutation($email: String!, $unit: ID) { createPerson(name: "Matrix Persoon", email: $email, orgUnitId: $unit) { id } }',
      variables: { email: `matrix.${c.fresh()}@groningen.example`, unit: c.fx.unit[c.side] },
    }),
  },
  updatePerson: {
    allow: ['ADMIN', 'COMMUNICATIONS', 'EDITOR'],
    otherUnit: 'NOT_FOUND',
    call: async (c) => {
      const id = c.fx.person[c.side];
      return {
        query: 'mutation($id: ID!, $v: Int!, $t: String) { updatePerson(id: $id, version: $v, jobTitle: $t) { id version } }',
        variables: { id, v: await c.version('person', id), t: await c.column('person', 'job_title', id) },
      };
    },
  },
  updatePlatform: {
    allow: ['ADMIN'],
    call: async (c) => ({
      query: 'mutation($id: ID!, $v: Int!, $name: String) { updatePlatform(id: $id, version: $v, name: $name) { id version } }',
      variables: { id: c.fx.platform, v: await c.version('platform', c.fx.platform, 'key'), name: await c.column('platform', 'name', c.fx.platform, 'key') },
    }),
  },
  createSocialAccount: {
    allow: ['COMMUNICATIONS', 'EDITOR'],
    otherUnit: 'BAD_USER_INPUT',
    call: (c) => ({
      query:
        'mutation($handle: String!, $unit: ID!) { createSocialAccount(platformId: "x", handle: $handle, orgUnitId: $unit, kind: ORGANISATIONAL, purposes: [SEND]) { id } }',
      variables: { handle: `mx${c.fresh()}050`, unit: c.fx.unit[c.side] },
    }),
  },
  importSocialAccounts: {
    // ADMIN only with asLegacy (test/api/import.e2e.ts); a row for another unit is, for an editor, an unknown unit.
    allow: ['COMMUNICATIONS', 'EDITOR'],
    otherUnit: 'BAD_USER_INPUT',
    call: async (c) => ({
      query: 'mutation($c: String!) { importSocialAccounts(content: $c, dryRun: false) { created } }',
      variables: { c: `platform,handle,org_unit_path,kind\nx,mx${c.fresh()}050,${await c.column('org_unit', 'short_code', c.fx.unit[c.side])},ORGANISATIONAL\n` },
    }),
  },
  updateSocialAccount: {
    allow: ['COMMUNICATIONS', 'EDITOR'],
    otherUnit: 'NOT_FOUND',
    call: async (c) => {
      const id = c.fx.account[c.side];
      return {
        query: 'mutation($id: ID!, $v: Int!, $notes: String) { updateSocialAccount(id: $id, version: $v, notes: $notes) { id version } }',
        variables: { id, v: await c.version('social_account', id), notes: 'Gecontroleerd door de autorisatiematrix.' },
      };
    },
  },
  createClaimedUrl: {
    allow: ['COMMUNICATIONS', 'EDITOR'],
    // Another unit is, for an editor, an unknown unit.
    otherUnit: 'BAD_USER_INPUT',
    call: (c) => ({
      query: 'mutation($v: String!, $u: ID!) { createClaimedUrl(value: $v, orgUnitId: $u, purpose: DEFENSIVE) { id } }',
      variables: { v: `mx${c.fresh()}.nl`, u: c.fx.unit[c.side] },
    }),
  },
  updateClaimedUrl: {
    allow: ['COMMUNICATIONS', 'EDITOR'],
    otherUnit: 'NOT_FOUND',
    call: async (c) => {
      const id = await claimIn(c);
      return {
        query: 'mutation($id: ID!, $v: Int!, $n: String) { updateClaimedUrl(id: $id, version: $v, notes: $n) { id version } }',
        variables: { id, v: await c.version('claimed_url', id), n: `Gecontroleerd door de autorisatiematrix (${c.fresh()}).` },
      };
    },
  },
  createNamingRule: {
    allow: ['COMMUNICATIONS'],
    call: (c) => ({
      query: 'mutation($key: String!) { createNamingRule(key: $key, type: MAX_LENGTH, severity: WARNING, params: { max: 30 }, messageNl: "Te lang", messageEn: "Too long", active: false) { id } }',
      variables: { key: `mx_${c.fresh()}` },
    }),
  },
  updateNamingRule: {
    allow: ['COMMUNICATIONS'],
    call: async (c) => {
      const id = await firstId('naming_rule');
      return {
        query: 'mutation($id: ID!, $v: Int!, $m: String) { updateNamingRule(id: $id, version: $v, messageNl: $m) { id version } }',
        variables: { id, v: await c.version('naming_rule', id), m: await c.column('naming_rule', 'message_nl', id) },
      };
    },
  },
  createChecklistItem: {
    allow: ['COMMUNICATIONS'],
    call: (c) => ({
      query: 'mutation($key: String!) { createChecklistItem(key: $key, titleNl: "Matrixpunt", titleEn: "Matrix item", mode: ATTESTATION, required: false, active: false) { id } }',
      variables: { key: `mx_${c.fresh()}` },
    }),
  },
  updateReviewInterval: {
    allow: ['COMMUNICATIONS'],
    // Keyed by the kind: the same months again, at the current version.
    call: async () => {
      const { rows } = await db.query<{ version: number; months: number }>("SELECT version, months FROM review_interval WHERE kind = 'DEFENSIVE'");
      return {
        query: 'mutation($id: ID!, $v: Int!, $m: Int!) { updateReviewInterval(id: $id, version: $v, months: $m) { id version } }',
        variables: { id: 'DEFENSIVE', v: rows[0].version, m: rows[0].months },
      };
    },
  },
  updateChecklistItem: {
    allow: ['COMMUNICATIONS'],
    call: async (c) => {
      const id = await firstId('checklist_item');
      return {
        query: 'mutation($id: ID!, $v: Int!, $t: String) { updateChecklistItem(id: $id, version: $v, titleNl: $t) { id version } }',
        variables: { id, v: await c.version('checklist_item', id), t: await c.column('checklist_item', 'title_nl', id) },
      };
    },
  },
  attestChecklistItem: {
    allow: ['COMMUNICATIONS'],
    call: (c) => ({
      query: 'mutation($id: ID!) { attestChecklistItem(accountId: $id, itemKey: "logo_approved", passed: true, note: "Matrix") { key } }',
      variables: { id: c.fx.account[c.side] },
    }),
  },
  waiveNamingErrors: {
    allow: ['COMMUNICATIONS'],
    call: async (c) => {
      const id = c.fx.account[c.side];
      return {
        query: 'mutation($id: ID!, $v: Int!) { waiveNamingErrors(id: $id, version: $v, reason: "Matrix") { id version } }',
        variables: { id, v: await c.version('social_account', id) },
      };
    },
  },
  // The lifecycle: a fresh account in the state the step starts from, for every call.
  submitSocialAccount: { allow: ['COMMUNICATIONS', 'EDITOR'], otherUnit: 'NOT_FOUND', call: stepCall('submitSocialAccount', 'DRAFT') },
  approveSocialAccount: { allow: ['COMMUNICATIONS'], call: stepCall('approveSocialAccount', 'SUBMITTED', '', true) },
  requestChangesSocialAccount: { allow: ['COMMUNICATIONS'], call: stepCall('requestChangesSocialAccount', 'SUBMITTED', ', comment: "Matrix"') },
  rejectSocialAccount: { allow: ['COMMUNICATIONS'], call: stepCall('rejectSocialAccount', 'SUBMITTED', ', reason: "Matrix"') },
  suspendSocialAccount: { allow: ['COMMUNICATIONS', 'EDITOR'], otherUnit: 'NOT_FOUND', call: stepCall('suspendSocialAccount', 'ACTIVE') },
  reinstateSocialAccount: { allow: ['COMMUNICATIONS'], call: stepCall('reinstateSocialAccount', 'SUSPENDED') },
  archiveSocialAccount: { allow: ['COMMUNICATIONS', 'EDITOR'], otherUnit: 'NOT_FOUND', call: stepCall('archiveSocialAccount', 'ACTIVE', ', reason: "Matrix"') },
  reactivateSocialAccount: { allow: ['COMMUNICATIONS'], call: stepCall('reactivateSocialAccount', 'ARCHIVED', ', reason: "Matrix"') },
  reviewSocialAccount: { allow: ['COMMUNICATIONS', 'EDITOR'], otherUnit: 'NOT_FOUND', call: stepCall('reviewSocialAccount', 'ACTIVE') },
  // Impersonation cases: the public intake, then the steps (a fresh case in the state each starts from).
  reportImpersonation: {
    allow: [PUBLIC],
    call: (c) => ({
      query: 'mutation($h: String!) { reportImpersonation(platform: "instagram", suspectHandle: $h, description: "Matrix") { id reference } }',
      variables: { h: `mxmelding${c.fresh()}` },
    }),
  },
  triageImpersonationReport: { allow: ['COMMUNICATIONS'], call: caseStep('triageImpersonationReport', 'RECEIVED') },
  dismissImpersonationReport: { allow: ['COMMUNICATIONS'], call: caseStep('dismissImpersonationReport', 'RECEIVED', ', reason: DUPLICATE, comment: "Matrix"') },
  sendImpersonationToLegal: { allow: ['COMMUNICATIONS'], call: caseStep('sendImpersonationToLegal', 'TRIAGED') },
  recordLegalDecision: { allow: ['LEGAL'], call: caseStep('recordLegalDecision', 'LEGAL_REVIEW', ', decision: NOT_RELATED, reasoning: "Matrix"') },
  recordTakedownRequest: {
    allow: ['LEGAL'],
    call: caseStep('recordTakedownRequest', 'LEGAL_REVIEW', ', platformCaseRef: "MX-2", filedAt: "2026-01-05T09:00:00Z"', 'IMPERSONATION'),
  },
  recordTakedownOutcome: { allow: ['LEGAL'], call: (c) => caseStep('recordTakedownOutcome', 'TAKEDOWN_REQUESTED', `, outcome: DENIED, decidedAt: "${new Date().toISOString()}"`)(c) },
  startImpersonationMonitoring: { allow: ['COMMUNICATIONS', 'LEGAL'], call: caseStep('startImpersonationMonitoring', 'TAKEDOWN_ACCEPTED') },
  closeImpersonationReport: { allow: ['COMMUNICATIONS', 'LEGAL'], call: caseStep('closeImpersonationReport', 'MONITORING', '', 'IMPERSONATION') },
  addImpersonationEvidence: {
    allow: ['COMMUNICATIONS', 'LEGAL'],
    call: async (c) => ({
      query: 'mutation($id: ID!) { addImpersonationEvidence(reportId: $id, note: "Matrix", url: "https://x.com/mxnep/status/1") { id } }',
      variables: { id: (await caseIn(c, 'RECEIVED')).id },
    }),
  },
  // Each caller marks its own: a fresh notification for every user first (the job runner's work, done here directly).
  markNotificationsRead: { allow: ALL_ROLES, call: async (c) => (await notifyEveryone(c), { query: 'mutation { markNotificationsRead(all: true) { id unreadCount } }' }) },
  updateMyNotificationPreferences: { allow: ALL_ROLES, call: () => ({ query: 'mutation { updateMyNotificationPreferences(kinds: [ACCOUNT_SUBMITTED, CASE_DECIDED]) { id emailKinds } }' }) },
  createUser: {
    allow: ['ADMIN'],
    call: (c) => ({
      query: 'mutation($email: String!) { createUser(email: $email, displayName: "Matrix Gebruiker", password: "een-lang-wachtwoord", roles: [AUDITOR]) { id } }',
      variables: { email: `matrix.user.${c.fresh()}@groningen.example` },
    }),
  },
  updateUser: {
    allow: ['ADMIN'],
    call: async (c) => ({
      query: 'mutation($id: ID!, $v: Int!, $name: String) { updateUser(id: $id, version: $v, displayName: $name) { id version } }',
      variables: { id: c.fx.userId, v: await c.version('app_user', c.fx.userId), name: await c.column('app_user', 'display_name', c.fx.userId) },
    }),
  },
};

interface Caller {
  name: string;
  token?: string;
  roles: readonly Role[];
  /** Logged in, but the token must not be accepted (disabled user, expired token, no token). */
  rejected?: boolean;
  side: 'own' | 'other';
}

function expectedOutcome(spec: OperationSpec, caller: Caller): Outcome {
  if (spec.allow.includes(ANYONE)) return 'ALLOW';
  // Public: anyone without a token gets in; a token that is sent but not accepted is refused.
  if (spec.allow.includes(PUBLIC)) return caller.rejected && caller.token ? 'UNAUTHENTICATED' : 'ALLOW';
  if (caller.rejected) return 'UNAUTHENTICATED';
  if (spec.allow.includes(ANY_LOGIN)) return 'ALLOW';
  if (!caller.roles.some((r) => spec.allow.includes(r))) return 'FORBIDDEN';
  return caller.side === 'other' ? (spec.otherUnit ?? 'ALLOW') : 'ALLOW';
}

/** What actually happened: an error code, or ALLOW / EMPTY for data. */
function actualOutcome(op: string, status: number, body: any): string {
  if (status >= 500) return `HTTP_${status}`;
  const errors = body?.errors as { extensions?: { code?: string } }[] | undefined;
  if (errors?.length) return errors[0].extensions?.code ?? 'NO_CODE';
  const data = body?.data?.[op];
  if (data === null || data === undefined) return 'NO_DATA';
  if (Array.isArray(data)) return data.length ? 'ALLOW' : 'EMPTY';
  if (op.startsWith('_all') && typeof data.count === 'number') return data.count > 0 ? 'ALLOW' : 'EMPTY';
  return 'ALLOW';
}

let app: RunningApp;
let db: PgClient;
beforeAll(async () => {
  app = await startApp();
  db = await connectAsSuperuser(app.dataDir);
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

it('every operation of the schema is declared, and every caller gets exactly what is declared; refused calls change nothing', async () => {
  const admin = await app.login(DEMO.admin);
  const comms = await app.login(DEMO.communications);
  fixtureToken = comms;

  // 1. The operations, from the running schema.
  const { __schema } = await app.gqlOk('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }', {}, admin);
  const operations: { name: string; kind: 'query' | 'mutation' }[] = [
    ...__schema.queryType.fields.map((f: { name: string }) => ({ name: f.name, kind: 'query' as const })),
    ...(__schema.mutationType?.fields ?? []).map((f: { name: string }) => ({ name: f.name, kind: 'mutation' as const })),
  ];
  const undeclared = operations.map((o) => o.name).filter((n) => !(n in EXPECTED));
  const stale = Object.keys(EXPECTED).filter((n) => !operations.some((o) => o.name === n));
  expect({ undeclared, stale }).toEqual({ undeclared: [], stale: [] });
  expect(operations.length).toBeGreaterThan(20);

  // 2. Real ids, read as COMMUNICATIONS (the whole register).
  const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 500) { id shortCode } }', {}, comms);
  const unitId = (code: string) => allOrgUnits.find((u: { shortCode: string }) => u.shortCode === code).id as string;
  const accountIn = async (unit: string) =>
    (await app.gqlOk('query($u: ID) { allSocialAccounts(filter: { orgUnitId: $u }, perPage: 1) { id } }', { u: unit }, comms)).allSocialAccounts[0].id as string;
  const personIn = async (unit: string) =>
    (await app.gqlOk('query($u: ID) { allPeople(filter: { orgUnitId: $u }, perPage: 1) { id } }', { u: unit }, comms)).allPeople[0].id as string;
  const roez = unitId('ROEZ');
  const ocsw = unitId('OCSW');
  const { allPlatforms } = await app.gqlOk('{ allPlatforms(filter: { ids: ["x"] }) { id } }', {}, comms);
  const { allAuditEvents } = await app.gqlOk('{ allAuditEvents(perPage: 1) { id } }', {}, admin);
  const { createUser: target } = await app.gqlOk(
    'mutation { createUser(email: "matrix.doelwit@groningen.example", displayName: "Doelwit", password: "een-lang-wachtwoord", roles: [AUDITOR]) { id } }',
    {},
    admin,
  );
  const fx: Fixtures = {
    unit: { own: roez, other: ocsw },
    account: { own: await accountIn(roez), other: await accountIn(ocsw) },
    person: { own: await personIn(roez), other: await personIn(ocsw) },
    platform: allPlatforms[0].id,
    userId: target.id,
    auditEventId: allAuditEvents[0].id,
  };

  // 3. The callers. Logins write audit events, so every token is obtained before the first snapshot.
  const { createUser: disabled } = await app.gqlOk(
    'mutation { createUser(email: "matrix.uitgeschakeld@groningen.example", displayName: "Uitgeschakeld", password: "een-lang-wachtwoord", roles: [ADMIN]) { id version } }',
    {},
    admin,
  );
  const disabledToken = await app.login('matrix.uitgeschakeld@groningen.example', 'een-lang-wachtwoord');
  expect((await app.gqlOk('{ me { id } }', {}, disabledToken)).me.id).toBe(disabled.id);
  await app.gqlOk('mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, active: false) { active } }', { id: disabled.id, v: disabled.version }, admin);

  await app.gqlOk('mutation { createUser(email: "matrix.zonderrol@groningen.example", displayName: "Zonder rol", password: "een-lang-wachtwoord", roles: []) { id } }', {}, admin);
  const noRoleToken = await app.login('matrix.zonderrol@groningen.example', 'een-lang-wachtwoord');

  const secret = jwtSecretOf(app);
  const adminRow = (await db.query<{ id: string; token_version: number }>("SELECT id, token_version FROM app_user WHERE email = 'admin@groningen.example'")).rows[0];
  const now = Math.floor(Date.now() / 1000);
  const expired = signJwt({ sub: adminRow.id, tv: adminRow.token_version, iat: now - 7200, exp: now - 3600 }, secret);
  // Control: the same hand-made token, not yet expired, is accepted, so only the expiry refuses the one above.
  const control = signJwt({ sub: adminRow.id, tv: adminRow.token_version, iat: now, exp: now + 600 }, secret);
  expect((await app.gqlOk('{ me { email } }', {}, control)).me.email).toBe(DEMO.admin);

  const editor = await app.login(DEMO.editorRoez);
  const callers: Caller[] = [
    { name: 'anonymous', roles: [], rejected: true, side: 'own' },
    { name: 'ADMIN', token: admin, roles: ['ADMIN'], side: 'own' },
    { name: 'COMMUNICATIONS', token: comms, roles: ['COMMUNICATIONS'], side: 'own' },
    { name: 'EDITOR (own unit RO/EZ)', token: editor, roles: ['EDITOR'], side: 'own' },
    { name: 'EDITOR (RO/EZ on OCSW objects)', token: editor, roles: ['EDITOR'], side: 'other' },
    { name: 'LEGAL', token: await app.login(DEMO.legal), roles: ['LEGAL'], side: 'own' },
    { name: 'AUDITOR', token: await app.login(DEMO.auditor), roles: ['AUDITOR'], side: 'own' },
    { name: 'login without a role', token: noRoleToken, roles: [], side: 'own' },
    { name: 'disabled ADMIN', token: disabledToken, roles: ['ADMIN'], rejected: true, side: 'own' },
    { name: 'expired ADMIN token', token: expired, roles: ['ADMIN'], rejected: true, side: 'own' },
  ];

  // 4. The matrix.
  let counter = 0;
  const stamp = randomBytes(2).toString('hex');
  const keyCol = (k?: string) => (k === 'key' ? 'key' : 'id');
  const version = async (table: string, key: string, keyColumn?: string) =>
    (await db.query<{ version: number }>(`SELECT version FROM ${table} WHERE ${keyCol(keyColumn)} = $1`, [key])).rows[0].version;
  const column = async (table: string, col: string, key: string, keyColumn?: string) =>
    (await db.query(`SELECT ${col} AS v FROM ${table} WHERE ${keyCol(keyColumn)} = $1`, [key])).rows[0].v;

  let calls = 0;
  let unexpectedAllows = 0;
  let unexpectedDenies = 0;
  let wrongCodes = 0;
  let rowsChangedByDenied = 0;
  let allowedWrites = 0;
  const problems: string[] = [];
  const tally: Record<string, number> = {};
  for (const op of operations) {
    const spec = EXPECTED[op.name];
    for (const caller of callers) {
      const expected = expectedOutcome(spec, caller);
      const ctx: CallContext = { side: caller.side, fx, fresh: () => `${stamp}${(++counter).toString(36)}`, version, column };
      const { query, variables } = await spec.call(ctx);
      const before: DbSnapshot = await snapshotDb(db);
      const res = await rawGql(app, query, variables, caller.token);
      const after = await snapshotDb(db);
      calls++;
      const actual = actualOutcome(op.name, res.status, res.json);
      tally[`${expected}`] = (tally[`${expected}`] ?? 0) + 1;
      const label = `${op.name} as ${caller.name}: expected ${expected}, got ${actual} (HTTP ${res.status}) ${actual === 'ALLOW' ? '' : res.text.slice(0, 300)}`;
      if (res.status >= 500) problems.push(`5xx: ${label}`);
      if (actual !== expected) {
        if (actual === 'ALLOW') unexpectedAllows++;
        else if (expected === 'ALLOW') unexpectedDenies++;
        else wrongCodes++;
        problems.push(label);
      }
      // The snapshot sees changes: every allowed mutation writes its row and an audit event.
      if (op.kind === 'mutation' && actual === 'ALLOW') {
        allowedWrites++;
        if (totalChanged(changedRows(before, after)) < 2) problems.push(`the snapshot saw no change by ${label}`);
      }
      // A denied call (an error, or a read that must show nothing), or one that should have been, leaves every row alone.
      if (actual !== 'ALLOW' || expected !== 'ALLOW') {
        const changes = changedRows(before, after);
        const n = totalChanged(changes);
        if (n) problems.push(`${n} rows changed (${JSON.stringify(changes)}) by ${label}`);
        rowsChangedByDenied += n;
      }
    }
  }

  console.log(
    `authorisation matrix: ${operations.length} operations x ${callers.length} callers = ${calls} calls, ${unexpectedAllows} unexpected allows, ${unexpectedDenies} unexpected denies, ` +
      `${wrongCodes} wrong error codes, ${rowsChangedByDenied} rows changed by denied calls (expected: ${Object.entries(tally).map(([k, v]) => `${v} ${k}`).join(', ')})`,
  );
  expect(problems).toEqual([]);
  expect(calls).toBe(operations.length * callers.length);
  expect({ unexpectedAllows, unexpectedDenies, wrongCodes, rowsChangedByDenied }).toEqual({ unexpectedAllows: 0, unexpectedDenies: 0, wrongCodes: 0, rowsChangedByDenied: 0 });
  // The matrix really exercised both sides.
  expect(tally.ALLOW).toBeGreaterThan(50);
  expect(tally.FORBIDDEN).toBeGreaterThan(50);
  const publicOperations = operations.filter((o) => EXPECTED[o.name].allow.includes(PUBLIC)).length;
  const anyoneOperations = operations.filter((o) => EXPECTED[o.name].allow.includes(ANYONE)).length;
  expect(tally.UNAUTHENTICATED).toBe(operations.length * 3 - publicOperations - anyoneOperations * 3);
  expect(tally.NOT_FOUND).toBeGreaterThanOrEqual(5);
  expect(allowedWrites).toBeGreaterThanOrEqual(10);
});
