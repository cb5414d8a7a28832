import { createHash } from 'node:crypto';
import { DEMO, type PgClient, type RunningApp, changedRows, connectAsSuperuser, rawRequest, snapshotDb, startApp, totalChanged } from '@ggsm/testing';

// Impersonation cases over HTTP: the public intake (GraphQL and REST, no login), its rate limit, joining an
// open case, triage, the legal decision (LEGAL only), the takedown through to closing, known impersonators,
// screenshots as evidence (type by content, size limit, immutable), reporter contact as personal data,
// the overdue list and the audit trail of every step.

const RATE = 3;
const MAX_EVIDENCE = 20 * 1024;

let app: RunningApp;
let db: PgClient;
const token: Record<'admin' | 'comms' | 'editor' | 'editorOcsw' | 'legal' | 'auditor', string> = { admin: '', comms: '', editor: '', editorOcsw: '', legal: '', auditor: '' };
let ip = 0;
/** Every test reports from its own client address (trusted X-Forwarded-For from loopback), so the rate limit is the test's own. */
const freshIp = () => `198.51.100.${++ip}`;

beforeAll(async () => {
  app = await startApp({ env: { GGSM_REPORT_RATE_POINTS: String(RATE), GGSM_REPORT_RATE_WINDOW_SECONDS: '3600', GGSM_EVIDENCE_MAX_BYTES: '20kb' } });
  db = await connectAsSuperuser(app.dataDir);
  token.admin = await app.login(DEMO.admin);
  token.comms = await app.login(DEMO.communications);
  token.editor = await app.login(DEMO.editorRoez);
  token.editorOcsw = await app.login(DEMO.editorOcsw);
  token.legal = await app.login(DEMO.legal);
  token.auditor = await app.login(DEMO.auditor);
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const REPORT = `mutation($platform: String!, $handle: String, $url: String, $name: String, $description: String!, $rn: String, $re: String, $rp: String) {
  reportImpersonation(platform: $platform, suspectHandle: $handle, suspectUrl: $url, suspectDisplayName: $name, description: $description,
    reporterName: $rn, reporterEmail: $re, reporterPhone: $rp) { id reference joined } }`;
const FIELDS = `id reference source state version reportCount suspectHandle normalizedSuspectHandle platformId suggestedAccountId imitatedAccountId
  reporterName reporterEmail reporterPhone legalDecision legalReasoning dismissalReason platformCaseRef takedownOutcome dueAt overdue availableSteps
  evidence { id kind url note intakeSource sha256 sizeBytes mimeType downloadUrl }`;
const GET = `query($id: ID!) { ImpersonationReport(id: $id) { ${FIELDS} } }`;

function gqlFrom(address: string, query: string, variables: Record<string, unknown>, bearer?: string) {
  return rawRequest(app, '/graphql', { body: { query, variables }, token: bearer, headers: { 'x-forwarded-for': address } });
}
async function report(variables: Record<string, unknown>, bearer?: string, address = freshIp()): Promise<{ id: string; reference: string; joined: boolean }> {
  const res = await gqlFrom(address, REPORT, { platform: 'x', description: 'Dit account doet zich voor als de gemeente.', ...variables }, bearer);
  expect(res.json.errors).toBeUndefined();
  return res.json.data.reportImpersonation;
}
const get = async (id: string, bearer = token.comms) => (await app.gqlOk(GET, { id }, bearer)).ImpersonationReport;
const accountId = async (handle: string) => (await db.query<{ id: string }>('SELECT id FROM social_account WHERE handle = $1', [handle])).rows[0].id;
const actions = async (id: string) =>
  (await app.gqlOk('query($id: ID!) { auditHistory(entityType: "ImpersonationReport", entityId: $id) { action actorEmail after reason } }', { id }, token.auditor)).auditHistory as {
    action: string;
    actorEmail: string | null;
    after: Record<string, unknown>;
    reason: string | null;
  }[];
/** One step on the case at its current version; `vars` are extra variables as [GraphQL type, value]. */
async function step(op: string, id: string, args: string, bearer: string, vars: Record<string, [string, unknown]> = {}) {
  const { version } = await get(id);
  const decls = Object.entries(vars).map(([k, [type]]) => `, $${k}: ${type}`).join('');
  const values = Object.fromEntries(Object.entries(vars).map(([k, [, v]]) => [k, v]));
  return rawRequest(app, '/graphql', {
    body: { query: `mutation($id: ID!, $v: Int!${decls}) { ${op}(id: $id, version: $v${args}) { ${FIELDS} } }`, variables: { id, v: version, ...values } },
    token: bearer,
  });
}
const ok = (res: Awaited<ReturnType<typeof step>>, op: string) => {
  expect(res.json.errors).toBeUndefined();
  return res.json.data[op];
};
const codeOf = (res: { json: any }) => res.json?.errors?.[0]?.extensions?.code ?? res.json?.error?.code;

describe('intake', () => {
  it('a citizen reports without logging in (GraphQL): a reference, source PUBLIC, the imitated account suggested', async () => {
    const receipt = await report({ handle: '@Stadsbeheer_O50', name: 'Stadsbeheer Groningen', rn: 'Jan Burger', re: 'jan.burger@example.org', rp: '06 12345678' });
    expect(receipt.reference).toMatch(/^IMP-\d{4}-\d{4}$/);
    expect(receipt.joined).toBe(false);
    const r = await get(receipt.id);
    expect(r).toMatchObject({ reference: receipt.reference, source: 'PUBLIC', state: 'RECEIVED', reportCount: 1, suspectHandle: 'Stadsbeheer_O50', platformId: 'x' });
    expect(r.suggestedAccountId).toBe(await accountId('Stadsbeheer050'));
    expect(r.imitatedAccountId).toBeNull();
    expect(r.availableSteps).toEqual(['triage', 'dismiss']);
    expect(new Date(r.dueAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('POST /public/reports (REST, no login) answers 201 with the reference; bad input is a 400 with the field named', async () => {
    const res = await rawRequest(app, '/public/reports', {
      body: { platform: 'instagram', suspectUrl: 'https://www.instagram.com/ggd.groningen.officieel/', description: 'Vraagt om betalingen voor vaccinaties.' },
      headers: { 'x-forwarded-for': freshIp() },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ reference: expect.stringMatching(/^IMP-\d{4}-\d{4}$/), joined: false });
    const { rows } = await db.query('SELECT source, platform_key, suspect_handle, suggested_account_id FROM impersonation_report WHERE reference = $1', [res.json.reference]);
    expect(rows[0]).toMatchObject({ source: 'PUBLIC', platform_key: 'instagram', suspect_handle: 'ggd.groningen.officieel' });

    const before = await snapshotDb(db);
    for (const body of [
      { platform: 'x', description: 'geen verdachte' },
      { platform: 'x', suspectUrl: 'https://www.facebook.com/Stadsbeheer050', description: 'ander platform' },
      { platform: 'nope', suspectHandle: 'x', description: 'onbekend platform' },
      { platform: 'x', suspectHandle: 'nep050', description: '   ' },
      { platform: 'x', suspectHandle: 'nep050', description: 'extra veld', status: 'CLOSED' },
      { platform: 'x', suspectHandle: 'nep050', description: 'fout adres', reporterEmail: 'geen-adres' },
    ]) {
      const bad = await rawRequest(app, '/public/reports', { body, headers: { 'x-forwarded-for': freshIp() } });
      expect({ status: bad.status, code: bad.json?.error?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
      expect(bad.json.error.violations?.length).toBeGreaterThan(0);
    }
    expect(totalChanged(changedRows(before, await snapshotDb(db)))).toBe(0);
  });

  it('staff with a login report as STAFF; a bad token is refused, not taken for anonymous', async () => {
    const receipt = await report({ handle: 'Muziekschool_050' }, token.editor);
    const r = await get(receipt.id);
    expect(r.source).toBe('STAFF');
    const { rows } = await db.query('SELECT created_by_id FROM impersonation_report WHERE id = $1', [receipt.id]);
    expect(rows[0].created_by_id).not.toBeNull();
    const bad = await gqlFrom(freshIp(), REPORT, { platform: 'x', handle: 'iets050', description: 'x' }, 'not.a.token');
    expect(codeOf(bad)).toBe('UNAUTHENTICATED');
  });

  it('a second report of a suspect with an open case joins it: same reference, count 2, description and URL as evidence', async () => {
    const first = await report({ handle: 'Kardinge_Groningen' });
    const second = await report({ url: 'https://twitter.com/kardinge_groningen?lang=nl', description: 'Ook ik kreeg een bericht van dit account.', re: 'tweede@example.org' });
    expect(second).toEqual({ id: first.id, reference: first.reference, joined: true });
    const r = await get(first.id);
    expect(r.reportCount).toBe(2);
    expect(r.evidence.map((e: { kind: string; intakeSource: string }) => [e.kind, e.intakeSource])).toEqual([
      ['NOTE', 'PUBLIC'],
      ['URL', 'PUBLIC'],
    ]);
    expect(r.evidence[0].note).toBe('Ook ik kreeg een bericht van dit account.');
    // The second reporter's contact fills in what the case lacked; the audit trail only says it was given.
    expect(r.reporterEmail).toBe('tweede@example.org');
    const trail = await actions(first.id);
    expect(trail.map((e) => e.action)).toEqual(['impersonation_report.reported', 'impersonation_report.joined']);
    expect(JSON.stringify(trail)).not.toContain('tweede@example.org');
    expect(trail[1].after.reporterEmail).toBe('[personal data]');
  });

  it(`rate-limited per client address: ${RATE} reports, then 429 with Retry-After and nothing stored; staff are not limited`, async () => {
    const address = freshIp();
    for (let i = 0; i < RATE; i++) {
      const res = await rawRequest(app, '/public/reports', { body: { platform: 'x', suspectHandle: `spammer${i}050`, description: 'nep' }, headers: { 'x-forwarded-for': address } });
      expect(res.status).toBe(201);
    }
    const before = await snapshotDb(db);
    const refused = await rawRequest(app, '/public/reports', { body: { platform: 'x', suspectHandle: 'spammer9050', description: 'nep' }, headers: { 'x-forwarded-for': address } });
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const viaGraphql = await gqlFrom(address, REPORT, { platform: 'x', handle: 'spammer8050', description: 'nep' });
    expect(codeOf(viaGraphql)).toBe('TOO_MANY_REQUESTS');
    // GraphQL answers errors in the body (HTTP 200), with the same code and the same Retry-After header.
    expect(Number(viaGraphql.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(totalChanged(changedRows(before, await snapshotDb(db)))).toBe(0);
    // Another address, and staff from the same address, still get through.
    expect((await rawRequest(app, '/public/reports', { body: { platform: 'x', suspectHandle: 'spammer7050', description: 'nep' }, headers: { 'x-forwarded-for': freshIp() } })).status).toBe(201);
    expect((await report({ handle: 'spammer6050' }, token.comms, address)).joined).toBe(false);
  });
});

describe('handling a case', () => {
  it('triage, legal decision by LEGAL only, takedown through to closed; the impersonator is remembered; every step audited', async () => {
    const { id } = await report({ handle: 'GGD_Groningen_nl', re: 'melder@example.org' });
    const ggd = await accountId('GGDGroningen');

    // Triage by COMMUNICATIONS confirms the suggestion; LEGAL may not triage.
    expect(codeOf(await step('triageImpersonationReport', id, '', token.legal))).toBe('FORBIDDEN');
    const triaged = ok(await step('triageImpersonationReport', id, '', token.comms), 'triageImpersonationReport');
    expect(triaged).toMatchObject({ state: 'TRIAGED', imitatedAccountId: ggd });
    // Not yet with legal: no decision possible.
    expect(codeOf(await step('recordLegalDecision', id, ', decision: IMPERSONATION, reasoning: "x"', token.legal))).toBe('ILLEGAL_TRANSITION');
    ok(await step('sendImpersonationToLegal', id, ', comment: "Lijkt sterk op de GGD."', token.comms), 'sendImpersonationToLegal');

    // The legal decision: FORBIDDEN for every other role, and nothing changes.
    for (const who of ['admin', 'comms', 'editor', 'auditor'] as const) {
      const before = await snapshotDb(db);
      const res = await step('recordLegalDecision', id, ', decision: IMPERSONATION, reasoning: "Geen bevoegdheid."', token[who]);
      expect([who, codeOf(res)]).toEqual([who, 'FORBIDDEN']);
      expect(totalChanged(changedRows(before, await snapshotDb(db)))).toBe(0);
    }
    // Closing now is an illegal step.
    expect(codeOf(await step('closeImpersonationReport', id, '', token.legal))).toBe('ILLEGAL_TRANSITION');
    // A takedown before the decision is illegal too.
    expect(codeOf(await step('recordTakedownRequest', id, ', platformCaseRef: "X-1", filedAt: $filedAt', token.legal, { filedAt: ['DateTime!', new Date().toISOString()] }))).toBe('ILLEGAL_TRANSITION');

    const decided = ok(
      await step('recordLegalDecision', id, ', decision: IMPERSONATION, reasoning: "Gebruikt naam en logo van de GGD zonder toestemming."', token.legal),
      'recordLegalDecision',
    );
    expect(decided).toMatchObject({ state: 'LEGAL_REVIEW', legalDecision: 'IMPERSONATION', availableSteps: expect.any(Array) });
    const known = await db.query('SELECT platform_key, normalized_handle, skeleton, report_id, imitated_account_id FROM known_impersonator WHERE report_id = $1', [id]);
    expect(known.rows).toEqual([{ platform_key: 'x', normalized_handle: 'ggd_groningen_nl', skeleton: expect.any(String), report_id: id, imitated_account_id: ggd }]);
    // Decided once: a second decision is illegal.
    expect(codeOf(await step('recordLegalDecision', id, ', decision: NOT_RELATED, reasoning: "Toch niet."', token.legal))).toBe('ILLEGAL_TRANSITION');

    const filedAt = new Date(Date.now() - 3_600_000).toISOString();
    const requested = ok(await step('recordTakedownRequest', id, ', platformCaseRef: "X-TS-2026-123", filedAt: $filedAt', token.legal, { filedAt: ['DateTime!', filedAt] }), 'recordTakedownRequest');
    expect(requested).toMatchObject({ state: 'TAKEDOWN_REQUESTED', platformCaseRef: 'X-TS-2026-123' });
    expect(codeOf(await step('recordTakedownOutcome', id, ', outcome: ACCEPTED, decidedAt: $decidedAt', token.legal, { decidedAt: ['DateTime!', new Date(Date.now() - 7_200_000).toISOString()] }))).toBe(
      'BAD_USER_INPUT',
    );
    ok(await step('recordTakedownOutcome', id, ', outcome: ACCEPTED, decidedAt: $decidedAt', token.legal, { decidedAt: ['DateTime!', new Date().toISOString()] }), 'recordTakedownOutcome');
    ok(await step('startImpersonationMonitoring', id, '', token.comms), 'startImpersonationMonitoring');
    const closed = ok(await step('closeImpersonationReport', id, ', comment: "Geen nieuw account gezien."', token.legal), 'closeImpersonationReport');
    expect(closed).toMatchObject({ state: 'CLOSED', takedownOutcome: 'ACCEPTED', dueAt: null, overdue: false, availableSteps: [] });

    const trail = await actions(id);
    expect(trail.map((e) => e.action)).toEqual([
      'impersonation_report.reported',
      'impersonation_report.triaged',
      'impersonation_report.sent_to_legal',
      'impersonation_report.legal_decision_recorded',
      'impersonation_report.takedown_requested',
      'impersonation_report.takedown_outcome_recorded',
      'impersonation_report.monitoring_started',
      'impersonation_report.closed',
    ]);
    expect(trail[3]).toMatchObject({ actorEmail: DEMO.legal, after: { legalDecision: 'IMPERSONATION', knownImpersonator: true } });
    expect(trail[2].reason).toBe('Lijkt sterk op de GGD.');
    expect(JSON.stringify(trail)).not.toContain('melder@example.org');

    // The case is over: a new report of the same suspect opens a new case.
    const again = await report({ handle: 'GGD_Groningen_nl' });
    expect(again.joined).toBe(false);
    expect(again.id).not.toBe(id);
  });

  it('dismissal needs a reason; a decision PARODY_ALLOWED dismisses, INSUFFICIENT_EVIDENCE closes; a stale version conflicts', async () => {
    const a = await report({ handle: 'NietDeOosterpoort' });
    expect(codeOf(await step('dismissImpersonationReport', a.id, ', reason: DUPLICATE, comment: "   "', token.comms))).toBe('BAD_USER_INPUT');
    const dismissed = ok(await step('dismissImpersonationReport', a.id, ', reason: UNRELATED, comment: "Geen gemeentelijk account."', token.comms), 'dismissImpersonationReport');
    expect(dismissed).toMatchObject({ state: 'DISMISSED', dismissalReason: 'UNRELATED' });
    expect(codeOf(await step('triageImpersonationReport', a.id, '', token.comms))).toBe('ILLEGAL_TRANSITION');

    for (const [decision, state, reason] of [
      ['PARODY_ALLOWED', 'DISMISSED', 'PARODY_ALLOWED'],
      ['INSUFFICIENT_EVIDENCE', 'CLOSED', null],
    ] as const) {
      const c = await report({ handle: `Stadskudde_${decision.slice(0, 4)}` });
      ok(await step('triageImpersonationReport', c.id, ', imitatedAccountId: $acc', token.comms, { acc: ['ID', await accountId('StadskuddeGrunn')] }), 'triageImpersonationReport');
      ok(await step('sendImpersonationToLegal', c.id, '', token.comms), 'sendImpersonationToLegal');
      const r = ok(await step('recordLegalDecision', c.id, `, decision: ${decision}, reasoning: "Beoordeeld."`, token.legal), 'recordLegalDecision');
      expect(r).toMatchObject({ state, dismissalReason: reason, legalDecision: decision });
      expect((await db.query('SELECT 1 FROM known_impersonator WHERE report_id = $1', [c.id])).rows).toEqual([]);
    }

    const s = await report({ handle: 'Papiermolen_nl' });
    const { version } = await get(s.id);
    ok(await step('triageImpersonationReport', s.id, '', token.comms), 'triageImpersonationReport');
    const stale = await rawRequest(app, '/graphql', {
      body: { query: 'mutation($id: ID!, $v: Int!) { sendImpersonationToLegal(id: $id, version: $v) { id } }', variables: { id: s.id, v: version } },
      token: token.comms,
    });
    expect(codeOf(stale)).toBe('VERSION_CONFLICT');
  });
});

describe('personal data and access', () => {
  it('reporter contact is shown to COMMUNICATIONS and LEGAL only, and never in the logs', async () => {
    const { id } = await report({ handle: 'Stadsbeheer-050', rn: 'Piet Privé', re: 'piet.prive@example.org', rp: '+31 6 87654321' });
    for (const who of ['comms', 'legal'] as const) {
      expect(await get(id, token[who])).toMatchObject({ reporterName: 'Piet Privé', reporterEmail: 'piet.prive@example.org', reporterPhone: '+31 6 87654321' });
    }
    // The editor of RO/EZ sees the case (it is about RO/EZ's Stadsbeheer050), without the contact.
    for (const who of ['editor', 'auditor', 'admin'] as const) {
      expect([who, await get(id, token[who])]).toEqual([who, expect.objectContaining({ reporterName: null, reporterEmail: null, reporterPhone: null })]);
      const list = (await app.gqlOk(`query($id: ID!) { allImpersonationReports(filter: { ids: [$id] }) { reporterEmail } }`, { id }, token[who])).allImpersonationReports;
      expect(list).toEqual([{ reporterEmail: null }]);
    }
    // An editor of another unit does not see it at all.
    const other = await app.gql(GET, { id }, token.editorOcsw);
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const { allImpersonationReports } = await app.gqlOk('{ allImpersonationReports(perPage: 500) { suggestedAccountId imitatedAccountId } }', {}, token.editorOcsw);
    const ocswAccounts = (
      await db.query<{ id: string }>(
        `WITH RECURSIVE t AS (SELECT id FROM org_unit WHERE short_code = 'OCSW' UNION ALL SELECT c.id FROM org_unit c JOIN t ON c.parent_id = t.id)
         SELECT a.id FROM social_account a WHERE a.org_unit_id IN (SELECT id FROM t)`,
      )
    ).rows.map((r) => r.id);
    for (const r of allImpersonationReports) expect(ocswAccounts).toContain(r.imitatedAccountId ?? r.suggestedAccountId);
    expect(app.output()).not.toContain('piet.prive@example.org');
    expect(app.output()).not.toContain('87654321');
    const { rows } = await db.query("SELECT count(*)::int AS n FROM audit_event WHERE after::text LIKE '%piet.prive%' OR before::text LIKE '%piet.prive%'");
    expect(rows[0].n).toBe(0);
  });

  it('the overdue filter lists cases past their working-day limit', async () => {
    const late = await report({ handle: 'Damsterdiep_050' });
    const fresh = await report({ handle: 'Damster_diep' });
    await db.query("UPDATE impersonation_report SET state_entered_at = now() - interval '30 days' WHERE id = $1", [late.id]);
    const q = 'query($o: Boolean) { allImpersonationReports(filter: { overdue: $o }, perPage: 500) { id overdue dueAt } _allImpersonationReportsMeta(filter: { overdue: $o }) { count } }';
    const overdue = await app.gqlOk(q, { o: true }, token.comms);
    expect(overdue.allImpersonationReports.map((r: { id: string }) => r.id)).toContain(late.id);
    expect(overdue.allImpersonationReports.map((r: { id: string }) => r.id)).not.toContain(fresh.id);
    expect(overdue.allImpersonationReports.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    expect(overdue._allImpersonationReportsMeta.count).toBe(overdue.allImpersonationReports.length);
    const notOverdue = await app.gqlOk(q, { o: false }, token.comms);
    expect(notOverdue.allImpersonationReports.map((r: { id: string }) => r.id)).toContain(fresh.id);
    expect(notOverdue.allImpersonationReports.map((r: { id: string }) => r.id)).not.toContain(late.id);
  });
});

describe('evidence', () => {
  const PNG = Buffer.concat([
    Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    Buffer.from('1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'),
  ]);
  function upload(id: string, file: Buffer, name: string, type: string, bearer = token.comms, extra: Record<string, string> = {}) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)], { type }), name);
    for (const [k, v] of Object.entries(extra)) form.append(k, v);
    return fetch(`${app.url}/api/impersonation-reports/${id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${bearer}` }, body: form });
  }

  it('a PNG is stored with its sha256 (row and audit trail), downloadable by COMMUNICATIONS, LEGAL and AUDITOR only', async () => {
    const { id } = await report({ handle: 'Oosterpoort_Official' });
    const res = await upload(id, PNG, 'schermafdruk.png', 'image/png', token.comms, { note: 'Profielpagina', capturedAt: '2026-05-11T09:00:00Z' });
    expect(res.status).toBe(201);
    const evidence = await res.json();
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    expect(evidence).toMatchObject({ kind: 'FILE', mimeType: 'image/png', sizeBytes: PNG.length, sha256, note: 'Profielpagina', fileName: 'schermafdruk.png' });
    const trail = await actions(id);
    expect(trail.at(-1)).toMatchObject({ action: 'impersonation_report.evidence_added', after: { evidence: expect.objectContaining({ sha256 }) } });
    for (const who of ['comms', 'legal', 'auditor'] as const) {
      const dl = await fetch(`${app.url}${evidence.downloadUrl}`, { headers: { authorization: `Bearer ${token[who]}` } });
      expect([who, dl.status, dl.headers.get('content-type')]).toEqual([who, 200, 'image/png']);
      expect(Buffer.from(await dl.arrayBuffer()).equals(PNG)).toBe(true);
    }
    for (const who of ['editor', 'admin'] as const) {
      expect((await fetch(`${app.url}${evidence.downloadUrl}`, { headers: { authorization: `Bearer ${token[who]}` } })).status).toBe(403);
      expect((await upload(id, PNG, 'x.png', 'image/png', token[who])).status).toBe(403);
    }
    expect((await fetch(`${app.url}${evidence.downloadUrl}`)).status).toBe(401);

    // Notes and URLs through GraphQL.
    const { addImpersonationEvidence } = await app.gqlOk(
      'mutation($id: ID!) { addImpersonationEvidence(reportId: $id, url: "https://x.com/Oosterpoort_Official/status/1", note: "Bericht met een betaalverzoek") { id kind } }',
      { id },
      token.legal,
    );
    expect(addImpersonationEvidence.kind).toBe('URL');
    expect((await get(id)).evidence.map((e: { kind: string }) => e.kind)).toEqual(['FILE', 'URL']);
  });

  it('a text file renamed .png and a file over the limit are refused, and nothing is stored', async () => {
    const { id } = await report({ handle: 'Stadsschouwburg_nl' });
    const before = await snapshotDb(db);
    const text = await upload(id, Buffer.from('Dit is geen afbeelding, maar platte tekst.\n'.repeat(20)), 'bewijs.png', 'image/png');
    expect(text.status).toBe(415);
    expect((await text.json()).error.code).toBe('EVIDENCE_TYPE');
    const big = await upload(id, Buffer.concat([PNG, Buffer.alloc(MAX_EVIDENCE + 1)]), 'groot.png', 'image/png');
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('EVIDENCE_TOO_LARGE');
    const none = await fetch(`${app.url}/api/impersonation-reports/${id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token.comms}` }, body: new FormData() });
    expect(none.status).toBe(400);
    expect(totalChanged(changedRows(before, await snapshotDb(db)))).toBe(0);
  });

  it('evidence cannot be changed or removed, not even by the database owner', async () => {
    const { id } = await report({ handle: 'Kardinge050_nl' });
    const res = await upload(id, PNG, 's.png', 'image/png');
    const { id: evidenceId } = await res.json();
    await expect(db.query("UPDATE impersonation_evidence SET note = 'vervalst' WHERE id = $1", [evidenceId])).rejects.toThrow(/cannot be changed or removed/);
    await expect(db.query('DELETE FROM impersonation_evidence WHERE id = $1', [evidenceId])).rejects.toThrow(/cannot be changed or removed/);
    const { rows } = await db.query("SELECT note, encode(digest(content, 'sha256'), 'hex') AS h FROM impersonation_evidence WHERE id = $1", [evidenceId]);
    expect(rows[0]).toEqual({ note: null, h: createHash('sha256').update(PNG).digest('hex') });
  });
});
