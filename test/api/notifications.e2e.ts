import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DEMO, type PgClient, type RunningApp, connectAsSuperuser, rawRequest, startApp } from '@ggsm/testing';

// Notifications (issue 8): each kind is written to the outbox once by the change (or the scheduled check)
// that causes it, delivered to the right people in the console's list and by e-mail through a real SMTP
// server started here; preferences switch e-mail off per kind; two API processes on one database deliver
// every notification and every e-mail exactly once.

const CONSOLE_URL = 'https://ggsm.groningen.example';
const REPORTER = { name: 'Pietje Puk', email: 'pietje.puk@example.org', phone: '0612345678' };

let smtp: SMTPServer;
const mails: ParsedMail[] = [];
let app: RunningApp;
let db: PgClient;
let env: Record<string, string>;
let tokens: Record<'admin' | 'comms' | 'editor' | 'editorOcsw' | 'legal' | 'auditor', string>;
let roez: string;
let counter = 0;
const fresh = () => `${Date.now().toString(36).slice(-4)}${(++counter).toString(36)}`;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  // The checks run on demand only (POST /api/notifications/run), so each test decides when.
  env = {
    GGSM_SMTP_URL: `smtp://127.0.0.1:${port}`,
    GGSM_SMTP_FROM: 'ggsm <ggsm@groningen.example>',
    GGSM_CONSOLE_URL: CONSOLE_URL,
    GGSM_NOTIFICATION_CHECKS_CRON: 'off',
    GGSM_NOTIFICATION_CHECKS_AT_START: 'false',
  };
  app = await startApp({ env });
  db = await connectAsSuperuser(app.dataDir);
  tokens = {
    admin: await app.login(DEMO.admin),
    comms: await app.login(DEMO.communications),
    editor: await app.login(DEMO.editorRoez),
    editorOcsw: await app.login(DEMO.editorOcsw),
    legal: await app.login(DEMO.legal),
    auditor: await app.login(DEMO.auditor),
  };
  const { allOrgUnits } = await app.gqlOk('{ allOrgUnits(perPage: 500) { id shortCode } }', {}, tokens.comms);
  roez = allOrgUnits.find((u: { shortCode: string }) => u.shortCode === 'ROEZ').id;
  // The demo register's own reminders (never reviewed legacy accounts) first, so the tests below see only theirs.
  await runJobs();
  await settled();
});

afterAll(async () => {
  await db?.end();
  await app?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

/** The checks and a delivery pass now (ADMIN). */
async function runJobs(target: RunningApp = app): Promise<Record<string, number>> {
  const res = await rawRequest(target, '/api/notifications/run', { token: tokens.admin });
  expect(res.status).toBe(200);
  return res.json;
}

/** Until nothing waits: every event delivered, every e-mail sent and received by the SMTP server. */
async function settled(): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await db.query<{ events: number; pending: number; sent: number }>(
      `SELECT (SELECT count(*) FROM notification_outbox WHERE delivered_at IS NULL)::int AS events,
              (SELECT count(*) FROM notification WHERE email_status = 'PENDING')::int AS pending,
              (SELECT count(*) FROM notification WHERE email_status = 'SENT')::int AS sent`,
    );
    const { events, pending, sent } = rows[0];
    if (events === 0 && pending === 0 && mails.length >= sent) return;
    if (Date.now() > deadline) throw new Error(`notifications did not settle: ${events} events, ${pending} mails pending, ${sent} sent, ${mails.length} received`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const header = (mail: ParsedMail, name: string) => String(mail.headers.get(name) ?? '');
const mailsTo = (email: string) => mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.value.some((v) => v.address === email)));
const mailOf = (notificationId: string) => mails.filter((m) => header(m, 'x-ggsm-notification') === notificationId);

async function eventsOf(entityId: string, kind?: string): Promise<{ id: string; kind: string }[]> {
  const { rows } = await db.query<{ id: string; kind: string }>(
    `SELECT id, kind FROM notification_outbox WHERE entity_id = $1 ${kind ? 'AND kind = $2' : ''} ORDER BY created_at`,
    kind ? [entityId, kind] : [entityId],
  );
  return rows;
}

/** Who got a notification of an event, by e-mail address, with the state of its e-mail. */
async function recipientsOf(outboxId: string): Promise<Record<string, string>> {
  const { rows } = await db.query<{ email: string; email_status: string }>(
    'SELECT u.email, n.email_status FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.outbox_id = $1',
    [outboxId],
  );
  return Object.fromEntries(rows.map((r) => [r.email, r.email_status]));
}

async function myNotifications(token: string, unreadOnly = false) {
  const { myNotifications: list } = await app.gqlOk(
    'query($u: Boolean) { myNotifications(unreadOnly: $u, perPage: 100) { total unreadCount items { id kind entityType entityId title titleNl bodyNl link read emailStatus } } }',
    { u: unreadOnly },
    token,
  );
  return list as { total: number; unreadCount: number; items: { id: string; kind: string; entityId: string; titleNl: string; bodyNl: string; link: string; read: boolean; emailStatus: string }[] };
}

/** A draft account of RO/EZ created by its editor, with everything the approval gate asks for in place. */
async function approvableDraft(): Promise<{ id: string; version: number; handle: string }> {
  const handle = `mld${fresh()}050`;
  const { createSocialAccount: a } = await app.gqlOk(
    `mutation($handle: String!, $unit: ID!) { createSocialAccount(platformId: "x", handle: $handle, orgUnitId: $unit, kind: INTERNAL, purposes: [SEND],
      bio: "Officieel account van de Gemeente Groningen.", openingHours: "ma-vr 9-17", responseTime: "een werkdag", archivingArrangement: "Webarchief") { id version } }`,
    { handle, unit: roez },
    tokens.editor,
  );
  for (const [i, role] of ['PRIMARY', 'BACKUP'].entries()) {
    const { rows } = await db.query<{ id: string }>(
      'INSERT INTO person (name, email, org_unit_id, guidelines_acknowledged_at) VALUES ($1, $2, $3, now()) RETURNING id',
      ['Berichten Beheerder', `berichten.${fresh()}@groningen.example`, roez],
    );
    await db.query('INSERT INTO account_owner (account_id, person_id, role, position) VALUES ($1, $2, $3, $4)', [a.id, rows[0].id, role, i]);
  }
  await db.query(`INSERT INTO checklist_attestation (account_id, item_key, passed) SELECT $1, key, true FROM checklist_item WHERE mode = 'ATTESTATION'`, [a.id]);
  const { rows } = await db.query<{ version: number }>('SELECT version FROM social_account WHERE id = $1', [a.id]);
  return { id: a.id, version: rows[0].version, handle };
}

const step = async (mutation: string, id: string, version: number, token: string, extra = '') =>
  (await app.gqlOk(`mutation($id: ID!, $v: Int!) { ${mutation}(id: $id, version: $v${extra}) { id version status } }`, { id, v: version }, token))[mutation] as {
    id: string;
    version: number;
    status: string;
  };

describe('account lifecycle', () => {
  it('submitted goes to Communications, approved to the requester and the unit editors, each once, in the list and by e-mail', async () => {
    const a = await approvableDraft();
    const submitted = await step('submitSocialAccount', a.id, a.version, tokens.editor);
    await settled();
    const [sub] = await eventsOf(a.id, 'ACCOUNT_SUBMITTED');
    expect(await eventsOf(a.id)).toEqual([{ id: sub.id, kind: 'ACCOUNT_SUBMITTED' }]);
    expect(await recipientsOf(sub.id)).toEqual({ [DEMO.communications]: 'SENT' });

    // The console's list of Communications, with a link to the record.
    const list = await myNotifications(tokens.comms);
    const item = list.items.find((n) => n.entityId === a.id);
    expect(item).toMatchObject({ kind: 'ACCOUNT_SUBMITTED', titleNl: `Ter goedkeuring: x @${a.handle}`, link: `#/SocialAccount/${a.id}/show`, read: false, emailStatus: 'SENT' });
    // The e-mail: Dutch subject, the link to the record, exactly one.
    const [mail, ...more] = mailOf(item!.id);
    expect(more).toEqual([]);
    expect(mail.subject).toBe(`[ggsm] Ter goedkeuring: x @${a.handle}`);
    expect(mail.text).toContain(`${CONSOLE_URL}/#/SocialAccount/${a.id}/show`);
    expect(mail.text).toContain('Het account is ter goedkeuring aangeboden');
    expect(mailsTo(DEMO.communications)).toContain(mail);
    expect(header(mail, 'x-ggsm-kind')).toBe('ACCOUNT_SUBMITTED');

    await step('approveSocialAccount', a.id, submitted.version, tokens.comms);
    await settled();
    const [approved, ...again] = await eventsOf(a.id, 'ACCOUNT_APPROVED');
    expect(again).toEqual([]);
    // The editor is the requester and an editor of the unit: one notification, not two. The approver is not told.
    expect(await recipientsOf(approved.id)).toEqual({ [DEMO.editorRoez]: 'SENT' });
    const editorList = await myNotifications(tokens.editor);
    expect(editorList.items.filter((n) => n.entityId === a.id).map((n) => n.kind)).toEqual(['ACCOUNT_APPROVED']);
    // Another unit's editor hears nothing of it.
    expect((await myNotifications(tokens.editorOcsw)).items.filter((n) => n.entityId === a.id)).toEqual([]);
  });

  it('changes requested reach the requester with the comment; a kind switched off is listed but not mailed', async () => {
    const { updateMyNotificationPreferences: prefs } = await app.gqlOk(
      'mutation { updateMyNotificationPreferences(kinds: [ACCOUNT_SUBMITTED, ACCOUNT_APPROVED, REVIEW_DUE, DOMAIN_EXPIRING, CASE_ASSIGNED, CASE_OVERDUE, CASE_DECIDED]) { id emailKinds kinds emailConfigured } }',
      {},
      tokens.editor,
    );
    expect(prefs.emailKinds).not.toContain('ACCOUNT_CHANGES_REQUESTED');
    expect(prefs.kinds).toHaveLength(8);
    expect(prefs.emailConfigured).toBe(true);
    // Audited, on the user.
    const { rows: audit } = await db.query("SELECT after FROM audit_event WHERE action = 'user.notification_preferences_updated' AND entity_id = $1", [prefs.id]);
    expect(audit).toHaveLength(1);

    const a = await approvableDraft();
    const submitted = await step('submitSocialAccount', a.id, a.version, tokens.editor);
    const mailsBefore = mailsTo(DEMO.editorRoez).length;
    await step('requestChangesSocialAccount', a.id, submitted.version, tokens.comms, ', comment: "Vul de openingstijden per dag in."');
    await settled();
    const [changes] = await eventsOf(a.id, 'ACCOUNT_CHANGES_REQUESTED');
    expect(await recipientsOf(changes.id)).toEqual({ [DEMO.editorRoez]: 'MUTED' });
    expect(mailsTo(DEMO.editorRoez).length).toBe(mailsBefore);
    const item = (await myNotifications(tokens.editor)).items.find((n) => n.entityId === a.id && n.kind === 'ACCOUNT_CHANGES_REQUESTED');
    expect(item).toMatchObject({ emailStatus: 'MUTED', read: false });
    expect(item?.bodyNl).toBe('Team #ggsm vraagt wijzigingen (RO/EZ): Vul de openingstijden per dag in.');

    // Back on (in any order, repeats allowed), and the next one is mailed again.
    await app.gqlOk('mutation { updateMyNotificationPreferences(kinds: [CASE_DECIDED, ACCOUNT_CHANGES_REQUESTED, ACCOUNT_APPROVED, ACCOUNT_APPROVED]) { id } }', {}, tokens.editor);
    const { myNotificationPreferences: some } = await app.gqlOk('{ myNotificationPreferences { emailKinds } }', {}, tokens.editor);
    expect(some.emailKinds).toEqual(['ACCOUNT_APPROVED', 'ACCOUNT_CHANGES_REQUESTED', 'CASE_DECIDED']);
    const { updateMyNotificationPreferences: all } = await app.gqlOk('mutation($k: [NotificationKind!]!) { updateMyNotificationPreferences(kinds: $k) { emailKinds } }', { k: prefs.kinds }, tokens.editor);
    expect(all.emailKinds).toEqual(prefs.kinds);
    const again = await step('submitSocialAccount', a.id, (await db.query<{ version: number }>('SELECT version FROM social_account WHERE id = $1', [a.id])).rows[0].version, tokens.editor);
    await step('requestChangesSocialAccount', a.id, again.version, tokens.comms, ', comment: "Nog één ding."');
    await settled();
    const [, second] = await eventsOf(a.id, 'ACCOUNT_CHANGES_REQUESTED');
    expect(await recipientsOf(second.id)).toEqual({ [DEMO.editorRoez]: 'SENT' });
    expect(mailsTo(DEMO.editorRoez).filter((m) => m.subject === `[ggsm] Wijzigingen gevraagd: x @${a.handle}`)).toHaveLength(1);
  });
});

describe('scheduled checks', () => {
  it('review due: once per account and review date', async () => {
    const a = await approvableDraft();
    const s = await step('submitSocialAccount', a.id, a.version, tokens.editor);
    await step('approveSocialAccount', a.id, s.version, tokens.comms);
    await db.query("UPDATE social_account SET next_review_at = now() + interval '5 days' WHERE id = $1", [a.id]);
    await runJobs();
    await runJobs();
    await settled();
    const events = await eventsOf(a.id, 'REVIEW_DUE');
    expect(events).toHaveLength(1);
    expect(await recipientsOf(events[0].id)).toEqual({ [DEMO.communications]: 'SENT', [DEMO.editorRoez]: 'SENT' });
    const mail = mailOf((await myNotifications(tokens.comms)).items.find((n) => n.entityId === a.id && n.kind === 'REVIEW_DUE')!.id);
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toMatch(/^\[ggsm\] Beoordeling nodig vóór \d{4}-\d{2}-\d{2}: x @/);
  });

  it('domain expiring: a claim expiring in 30 days warns once at the 30-day step', async () => {
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const value = `verloopt-${fresh()}.nl`;
    const { createClaimedUrl: claim } = await app.gqlOk(
      'mutation($v: String!, $u: ID!, $e: String) { createClaimedUrl(value: $v, orgUnitId: $u, purpose: CAMPAIGN, expiresAt: $e) { id } }',
      { v: value, u: roez, e: expires },
      tokens.comms,
    );
    const first = await runJobs();
    expect(first.domainExpiring).toBeGreaterThanOrEqual(1);
    await runJobs();
    await settled();
    const events = await eventsOf(claim.id, 'DOMAIN_EXPIRING');
    expect(events).toHaveLength(1);
    // Communications created it, but a scheduled reminder has no actor: everyone concerned is told.
    expect(await recipientsOf(events[0].id)).toEqual({ [DEMO.communications]: 'SENT', [DEMO.editorRoez]: 'SENT' });
    const mail = mailsTo(DEMO.editorRoez).filter((m) => m.subject?.includes(value));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(`[ggsm] ${value} verloopt binnen 30 dagen (${expires})`);
    expect(mail[0].text).toContain(`${CONSOLE_URL}/#/ClaimedUrl/${claim.id}/show`);
  });

  it('case overdue: once per case and state entry, to whoever must move it on', async () => {
    const { reportImpersonation: r } = await app.gqlOk(
      'mutation($h: String!, $n: String, $e: String, $p: String) { reportImpersonation(platform: "x", suspectHandle: $h, description: "Doet zich voor als de gemeente", reporterName: $n, reporterEmail: $e, reporterPhone: $p) { id reference } }',
      { h: `nepgemeente${fresh()}`, n: REPORTER.name, e: REPORTER.email, p: REPORTER.phone },
      tokens.comms,
    );
    await db.query("UPDATE impersonation_report SET state_entered_at = now() - interval '10 days' WHERE id = $1", [r.id]);
    await runJobs();
    await runJobs();
    await settled();
    const events = await eventsOf(r.id, 'CASE_OVERDUE');
    expect(events).toHaveLength(1);
    expect(await recipientsOf(events[0].id)).toEqual({ [DEMO.communications]: 'SENT' });
    const mail = mailsTo(DEMO.communications).filter((m) => m.subject?.includes(r.reference));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toContain('Over tijd (ontvangen)');
  });
});

describe('impersonation cases', () => {
  it('triaged onto an account: its unit editors; sent to legal: Legal; decided: Communications; never the reporter\'s details', async () => {
    const a = await approvableDraft();
    const s = await step('submitSocialAccount', a.id, a.version, tokens.editor);
    await step('approveSocialAccount', a.id, s.version, tokens.comms);
    const { reportImpersonation: r } = await app.gqlOk(
      'mutation($h: String!, $n: String, $e: String, $p: String) { reportImpersonation(platform: "x", suspectHandle: $h, description: "Nep", reporterName: $n, reporterEmail: $e, reporterPhone: $p) { id reference } }',
      { h: `${a.handle}x`, n: REPORTER.name, e: REPORTER.email, p: REPORTER.phone },
      undefined,
    );
    const version = async () => (await db.query<{ version: number }>('SELECT version FROM impersonation_report WHERE id = $1', [r.id])).rows[0].version;
    await app.gqlOk('mutation($id: ID!, $v: Int!, $a: ID) { triageImpersonationReport(id: $id, version: $v, imitatedAccountId: $a) { id } }', { id: r.id, v: await version(), a: a.id }, tokens.comms);
    await app.gqlOk('mutation($id: ID!, $v: Int!) { sendImpersonationToLegal(id: $id, version: $v) { id } }', { id: r.id, v: await version() }, tokens.comms);
    await app.gqlOk('mutation($id: ID!, $v: Int!) { recordLegalDecision(id: $id, version: $v, decision: PARODY_ALLOWED, reasoning: "Duidelijk satire.") { id } }', { id: r.id, v: await version() }, tokens.legal);
    await settled();
    const events = await eventsOf(r.id);
    expect(events.map((e) => e.kind)).toEqual(['CASE_ASSIGNED', 'CASE_ASSIGNED', 'CASE_DECIDED']);
    expect(await recipientsOf(events[0].id)).toEqual({ [DEMO.editorRoez]: 'SENT' });
    expect(await recipientsOf(events[1].id)).toEqual({ [DEMO.legal]: 'SENT' });
    expect(await recipientsOf(events[2].id)).toEqual({ [DEMO.communications]: 'SENT' });

    const caseMails = mails.filter((m) => m.subject?.includes(r.reference));
    expect(caseMails.map((m) => m.subject).sort()).toEqual(
      [
        `[ggsm] Melding over uw account: ${r.reference} (x @${a.handle}x)`,
        `[ggsm] Juridische toets gevraagd: ${r.reference} (x @${a.handle}x)`,
        `[ggsm] Besluit toegestane parodie: ${r.reference} (x @${a.handle}x)`,
      ].sort(),
    );
    // No personal data of the reporter in any mail, nor in any event.
    for (const m of mails) {
      const raw = `${m.subject}\n${m.text}\n${m.html || ''}`;
      for (const v of Object.values(REPORTER)) expect(raw).not.toContain(v);
    }
    const { rows } = await db.query('SELECT facts::text AS f FROM notification_outbox');
    for (const row of rows) for (const v of Object.values(REPORTER)) expect(row.f).not.toContain(v);
  });
});

describe('the list: only one\'s own', () => {
  it('marks read, counts unread, and refuses another user\'s notification as NOT_FOUND without marking anything', async () => {
    const mine = await myNotifications(tokens.comms, true);
    expect(mine.unreadCount).toBeGreaterThan(1);
    const [first, second] = mine.items;
    const { markNotificationsRead: marked } = await app.gqlOk('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { id unreadCount marked } }', { ids: [first.id] }, tokens.comms);
    expect(marked).toMatchObject({ unreadCount: mine.unreadCount - 1, marked: 1 });
    expect((await myNotifications(tokens.comms)).items.find((n) => n.id === first.id)?.read).toBe(true);

    // The editor tries Communications' notification (with one of its own): NOT_FOUND, nothing marked.
    const editorOwn = (await myNotifications(tokens.editor, true)).items[0];
    const refused = await app.gql('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { id } }', { ids: [editorOwn.id, second.id] }, tokens.editor);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const { rows } = await db.query('SELECT notification_id FROM notification_read WHERE notification_id = ANY($1)', [[editorOwn.id, second.id]]);
    expect(rows).toEqual([]);
    // Nor can it read it: another user's list is not reachable at all.
    expect((await myNotifications(tokens.editor)).items.some((n) => n.id === second.id)).toBe(false);

    // Bad input: a stable code, nothing written.
    const bad = await app.gql('mutation { markNotificationsRead(ids: ["not-a-uuid"]) { id } }', {}, tokens.comms);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const neither = await app.gql('mutation { markNotificationsRead { id } }', {}, tokens.comms);
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badKind = await app.gql('mutation { updateMyNotificationPreferences(kinds: [NOT_A_KIND]) { id } }', {}, tokens.comms);
    expect(badKind.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const { markNotificationsRead: all } = await app.gqlOk('mutation { markNotificationsRead(all: true) { unreadCount marked } }', {}, tokens.comms);
    expect(all.unreadCount).toBe(0);
    expect(all.marked).toBe(mine.unreadCount - 1);
    // Reading is audited on the user.
    const { rows: audit } = await db.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.notifications_read' AND actor_email = $1", [DEMO.communications]);
    expect(audit[0].n).toBe(2);

    // Logged-in users only, and only ADMIN runs the jobs by hand.
    expect((await app.gql('{ myNotifications { total } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await rawRequest(app, '/api/notifications/run', { token: tokens.comms })).status).toBe(403);
    expect((await rawRequest(app, '/api/notifications/run')).status).toBe(401);
  });
});

describe('two runners on one database', () => {
  it('deliver every notification and every e-mail exactly once', async () => {
    const replica = await startApp({ replicaOf: app, env });
    try {
      // Four Communications users, so each submission makes four notifications and four e-mails.
      const extra: string[] = [];
      for (let i = 0; i < 3; i++) {
        const email = `communicatie.${fresh()}@groningen.example`;
        await app.gqlOk('mutation($e: String!) { createUser(email: $e, displayName: "Team ggsm", password: "een-lang-wachtwoord", roles: [COMMUNICATIONS]) { id } }', { e: email }, tokens.admin);
        extra.push(email);
      }
      const drafts = [];
      for (let i = 0; i < 12; i++) drafts.push(await approvableDraft());
      // Submitted half through each process, while both run the jobs by hand as well as from their queues.
      const runs: Promise<unknown>[] = [];
      await Promise.all(
        drafts.map(async (d, i) => {
          const target = i % 2 ? replica : app;
          await target.gqlOk('mutation($id: ID!, $v: Int!) { submitSocialAccount(id: $id, version: $v) { id } }', { id: d.id, v: d.version }, tokens.editor);
          runs.push(runJobs(app), runJobs(replica));
        }),
      );
      await Promise.all(runs);
      await settled();

      const ids = drafts.map((d) => d.id);
      const { rows: events } = await db.query<{ id: string; delivered: boolean }>(
        "SELECT id, delivered_at IS NOT NULL AS delivered FROM notification_outbox WHERE kind = 'ACCOUNT_SUBMITTED' AND entity_id = ANY($1)",
        [ids],
      );
      expect(events).toHaveLength(12);
      expect(events.every((e) => e.delivered)).toBe(true);
      const { rows: notes } = await db.query<{ id: string; email: string; email_status: string }>(
        'SELECT n.id, u.email, n.email_status FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.outbox_id = ANY($1)',
        [events.map((e) => e.id)],
      );
      expect(notes).toHaveLength(12 * 4);
      expect(new Set(notes.map((n) => n.email)).size).toBe(4);
      expect(notes.every((n) => n.email_status === 'SENT')).toBe(true);
      // Every mail arrived once: one per notification, none twice.
      const received = mails.map((m) => header(m, 'x-ggsm-notification')).filter((id) => notes.some((n) => n.id === id));
      expect(received).toHaveLength(notes.length);
      expect(new Set(received).size).toBe(notes.length);
      for (const email of extra) expect(mailsTo(email).filter((m) => m.subject?.startsWith('[ggsm] Ter goedkeuring'))).toHaveLength(12);
      // Both processes stop cleanly, their job runners with them.
      expect(await replica.stop()).toBe(0);
    } finally {
      await replica.stop().catch(() => undefined);
    }
    // Across the whole run: no e-mail was ever sent twice.
    const all = mails.map((m) => header(m, 'x-ggsm-notification'));
    expect(new Set(all).size).toBe(all.length);
  });
});
