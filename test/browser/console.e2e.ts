import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { DEMO, DEMO_PASSWORD, type RunningApp, startApp, WORKSPACE } from '@ggsm/testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(WORKSPACE, 'test-results', 'screenshots');

let app: RunningApp;
let browser: Browser;
let page: Page;
const problems: string[] = [];
/** Every answer of /graphql the console received: a limit or refusal of the hardened API would show here. */
const graphqlAnswers: { operation: string; status: number; codes: string[] }[] = [];
const pendingAnswers: Promise<void>[] = [];
const REFUSED_BY_HARDENING = ['QUERY_TOO_COMPLEX', 'PAYLOAD_TOO_LARGE', 'BAD_REQUEST', 'INTERNAL_SERVER_ERROR'];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (response) => {
    if (new URL(response.url()).pathname !== '/graphql') return;
    let operation = '';
    try {
      operation = String(JSON.parse(response.request().postData() ?? '{}').operationName ?? '');
    } catch {
      // not JSON
    }
    pendingAnswers.push(
      response
        .text()
        .then((text) => {
          const errors = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
          graphqlAnswers.push({ operation, status: response.status(), codes: errors.map((e) => String(e.extensions?.code)) });
        })
        .catch(() => {
          graphqlAnswers.push({ operation, status: response.status(), codes: ['UNREADABLE'] });
        }),
    );
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(async () => {
  expect(problems).toEqual([]);
  await Promise.all(pendingAnswers);
  const refused = graphqlAnswers.filter((a) => a.status >= 413 || a.codes.some((c) => REFUSED_BY_HARDENING.includes(c)));
  expect(refused).toEqual([]);
});

describe('the console, as the communication team', () => {
  it('refuses a wrong password with a Dutch message', async () => {
    await page.goto(app.url);
    await page.locator('input[name="username"]').fill(DEMO.communications);
    await page.locator('input[name="password"]').fill('verkeerd-wachtwoord');
    await page.locator('button[type="submit"]').click();
    await page.getByText('Inloggen mislukt: controleer e-mailadres en wachtwoord.').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-login-refused.png') });
    // Chromium logs every refused request; the one 401 of the refused login is the expected answer, not a fault.
    const refused = problems.filter((p) => /status of 401/.test(p) && p.includes('/auth/login'));
    expect(refused).toHaveLength(1);
    problems.splice(problems.indexOf(refused[0]), 1);
  });

  it('logs in and lists the 22 accounts of the 2011 note', async () => {
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    // All 22 fit on the first page of 25; react-admin's pagination says "1-22 van 22".
    await page.getByText('1-22 van 22').first().waitFor();
    await page.getByText('Stadsbeheer050').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-accounts.png'), fullPage: true });
    // The console introspected the schema (after login, with its token) and listed through /graphql.
    await Promise.all(pendingAnswers);
    expect(graphqlAnswers.map((a) => a.operation)).toEqual(expect.arrayContaining(['IntrospectionQuery', 'allSocialAccounts']));
  });

  it('finds an account by search, opens it and shows its handle, unit and profile URL', async () => {
    await page.getByPlaceholder('Zoeken').fill('stadsbeh');
    await page.getByText('1-1 van 1').first().waitFor();
    await page.getByText('Stadsbeheer050').first().click();
    await page.waitForURL(/SocialAccount\/[0-9a-f-]+/);
    await page.getByText('https://x.com/Stadsbeheer050').first().waitFor();
    await page.getByText(/RO\/EZ/).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-account.png'), fullPage: true });
  });

  it('checks the handle while typing, refuses a taken one, and saves a new draft', async () => {
    await page.goto(`${app.url}/#/SocialAccount/create`);
    await page.locator('.ra-input-platformId [role="combobox"]').click();
    await page.getByRole('option', { name: 'X (Twitter)' }).click();
    const handle = page.locator('input[name="handle"]');
    await handle.fill('stads beheer!!');
    await page.getByText(/mag alleen letters, cijfers en _ bevatten/).first().waitFor();
    await handle.fill('@Stadsbeheer05000'); // 16 characters
    await page.getByText(/hoogstens 15 tekens hebben \(nu 16\)/).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-handle-check.png'), fullPage: true });

    await page.locator('input[name="orgUnitId"]').fill('Stadsdeel');
    await page.getByRole('option', { name: /Stadsdeelcoördinatie/ }).click();
    await page.locator('.ra-input-kind [role="combobox"]').click();
    await page.getByRole('option', { name: 'Persoonlijk in functie' }).click();

    // A handle the register already holds, in another case: the API says HANDLE_TAKEN.
    await handle.fill('SDCLIESBETH');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText(/al geregistreerd als @sdcLiesbeth/).first().waitFor();

    await handle.fill('https://x.com/sdcCollegaJan');
    await page.getByText('Wordt opgeslagen als @sdcCollegaJan · profiel: https://x.com/sdcCollegaJan').first().waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/SocialAccount\/[0-9a-f-]+\/show/);
    await page.getByText('sdcCollegaJan').first().waitFor();
    await page.getByText('Concept').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-created.png'), fullPage: true });
    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(filter: { q: "sdcCollegaJan" }) { status handle } }', {}, await app.login(DEMO.communications));
    expect(allSocialAccounts).toEqual([{ status: 'DRAFT', handle: 'sdcCollegaJan' }]);
  });

  it("shows the new account's history: created by communicatie@, with its first values", async () => {
    // Still on the show page of @sdcCollegaJan.
    await page.getByRole('tab', { name: 'Geschiedenis' }).click();
    const created = page.locator('li[data-action="social_account.created"]');
    await created.getByText('Account aangemaakt').waitFor();
    await created.getByText(DEMO.communications).waitFor();
    await created.getByText('Communicatie (Team #ggsm)').waitFor();
    // Field labels and values as the console shows them elsewhere: translated kind, unit by its name.
    await created.getByText('Soort account:').waitFor();
    await created.getByText('Persoonlijk in functie').waitFor();
    await created.getByText('Stadsdeelcoördinatie').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-history.png'), fullPage: true });
    // The audit trail is for auditors and administrators: not in this menu.
    expect(await page.getByRole('menuitem', { name: 'Audittrail' }).count()).toBe(0);
  });

  it('refuses a stale save with its own message, reloads on request, then saves', async () => {
    const token = await app.login(DEMO.communications);
    const find = () =>
      app.gqlOk<{ allSocialAccounts: { id: string; version: number; displayName: string }[] }>(
        '{ allSocialAccounts(filter: { q: "Stadsbeheer050" }) { id version displayName } }',
        {},
        token,
      );
    const [account] = (await find()).allSocialAccounts;
    await page.goto(`${app.url}/#/SocialAccount/${account.id}`);
    const displayName = page.locator('input[name="displayName"]');
    await waitForValue(displayName, account.displayName);
    await displayName.fill('Stadsbeheer Groningen');

    // A colleague saves first, with the version both of them saw.
    await app.gqlOk(
      'mutation ($id: ID!, $version: Int!) { updateSocialAccount(id: $id, version: $version, displayName: "Stadsbeheer (door een collega)") { version } }',
      { id: account.id, version: account.version },
      token,
    );
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const conflict = page.getByTestId('version-conflict');
    await conflict.getByText('Iemand anders heeft dit account intussen gewijzigd').waitFor();
    await conflict.getByText(/Uw wijziging is niet opgeslagen/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-version-conflict.png'), fullPage: false });
    // Still the edit form, and nothing was overwritten.
    expect(page.url()).toMatch(new RegExp(`/SocialAccount/${account.id}$`));
    expect((await find()).allSocialAccounts[0].displayName).toBe('Stadsbeheer (door een collega)');

    await conflict.getByRole('button', { name: 'Opnieuw laden' }).click();
    await waitForValue(displayName, 'Stadsbeheer (door een collega)');
    await displayName.fill('Stadsbeheer Groningen');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/SocialAccount\/[0-9a-f-]+\/show/);
    const [saved] = (await find()).allSocialAccounts;
    expect(saved).toMatchObject({ displayName: 'Stadsbeheer Groningen', version: account.version + 2 });
  });
});

describe('the console, as the auditor', () => {
  it('logs out and logs in again as the auditor, who has the audit trail in the menu', async () => {
    await page.getByRole('button', { name: 'Profiel' }).click();
    await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
    await page.locator('input[name="username"]').fill(DEMO.auditor);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByRole('menuitem', { name: 'Audittrail' }).waitFor();
    // Reads everything, changes nothing: no create button on the accounts.
    await page.getByText('Stadsbeheer050').first().waitFor();
    expect(await page.getByRole('link', { name: 'Nieuw' }).count()).toBe(0);
  });

  it('filters the audit trail by action and by actor', async () => {
    await page.getByRole('menuitem', { name: 'Audittrail' }).click();
    await page.locator('.ra-input-action [role="combobox"]').click();
    await page.getByRole('option', { name: 'Account aangemaakt' }).click();
    // The 22 accounts of the 2011 note (demo data) and @sdcCollegaJan.
    await page.getByText('1-23 van 23').first().waitFor();
    await page.getByPlaceholder('Zoeken op e-mailadres').fill('communicatie@');
    await page.getByText('1-1 van 1').first().waitFor();
    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(filter: { q: "sdcCollegaJan" }) { id } }', {}, await app.login(DEMO.auditor));
    await page.getByText(allSocialAccounts[0].id).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-audit-trail.png'), fullPage: true });

    // One event, with its changes readable and the record one click away.
    await page.locator('tbody tr').first().click();
    await page.waitForURL(/AuditEvent\/[0-9a-f-]+\/show/);
    await page.getByText('social_account.created').first().waitFor();
    await page.getByText('sdcCollegaJan').first().waitFor();
    await page.getByRole('link', { name: 'Record openen' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-audit-event.png'), fullPage: true });
    await page.goBack();
  });

  it('verifies the hash chain: intact', async () => {
    await page.getByRole('button', { name: 'Keten controleren' }).click();
    const report = page.getByTestId('audit-chain-report');
    await report.getByText('Keten intact').waitFor();
    await report.getByText(/Alle \d+ gebeurtenissen zijn ongewijzigd/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-audit-chain.png'), fullPage: false });
  });

  it('exports a signed checkpoint as a JSON file, and verifies against it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Controlepunt exporteren' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ggsm-audit-controlepunt-\d+-.+\.json$/);
    const file = await download.path();
    const checkpoint = JSON.parse(readFileSync(file, 'utf8'));
    expect(checkpoint).toEqual({ length: expect.any(Number), headHash: expect.stringMatching(/^[0-9a-f]{64}$/), createdAt: expect.any(String), mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await page.getByText(`Controlepunt over ${checkpoint.length} gebeurtenissen gedownload`).first().waitFor();

    await page.getByTestId('checkpoint-file').setInputFiles(file);
    const report = page.getByTestId('audit-chain-report');
    await report.getByText('met 1 controlepunt').waitFor();
    await report.getByText('Keten intact').waitFor();
  });
});

describe('the console, approving an account as the communication team', () => {
  const handle = 'RoezIntranet';

  it('logs in as communicatie@ and finds, in "Goedkeuren", an account the RO/EZ editor submitted', async () => {
    // The RO/EZ editor registers an internal account with two owners who acknowledged the guidelines, and submits it.
    const editor = await app.login(DEMO.editorRoez);
    const { allOrgUnits } = await app.gqlOk<{ allOrgUnits: { id: string; name: string }[] }>('{ allOrgUnits(perPage: 200) { id name } }', {}, editor);
    const roez = allOrgUnits.find((u) => u.name === 'RO/EZ')!.id;
    const person = async (name: string, email: string) =>
      (
        await app.gqlOk<{ createPerson: { id: string } }>(
          'mutation ($o: ID!, $n: String!, $e: String!) { createPerson(name: $n, email: $e, orgUnitId: $o, guidelinesAcknowledgedAt: "2026-01-05T09:00:00Z") { id } }',
          { o: roez, n: name, e: email },
          editor,
        )
      ).createPerson.id;
    const primary = await person('Anne Intranet', 'anne.intranet@groningen.example');
    const backup = await person('Bram Intranet', 'bram.intranet@groningen.example');
    const { createSocialAccount: created } = await app.gqlOk<{ createSocialAccount: { id: string; version: number } }>(
      `mutation ($o: ID!, $p: ID!, $b: [ID!]) {
        createSocialAccount(platformId: "x", handle: "${handle}", kind: INTERNAL, orgUnitId: $o, primaryOwnerId: $p, backupOwnerIds: $b,
          displayName: "RO/EZ intranet", bio: "Officieel account van de gemeente Groningen, RO/EZ", openingHours: "ma-vr 9-17",
          responseTime: "binnen 1 werkdag", archivingArrangement: "Gearchiveerd door de archiefdienst") { id version }
      }`,
      { o: roez, p: primary, b: [backup] },
      editor,
    );
    await app.gqlOk('mutation ($id: ID!, $v: Int!) { submitSocialAccount(id: $id, version: $v) { status } }', { id: created.id, v: created.version }, editor);

    await page.getByRole('button', { name: 'Profiel' }).click();
    await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
    await page.locator('input[name="username"]').fill(DEMO.communications);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByRole('menuitem', { name: 'Goedkeuren' }).click();
    await page.waitForURL(/#\/approvals/);
    await page.getByText('Ter goedkeuring').first().waitFor();
    await page.getByText(handle).first().click();
    await page.waitForURL(new RegExp(`SocialAccount/${created.id}/show`));
    await page.getByText('Ingediend').first().waitFor();
  });

  it('refuses the approval while attestations are open, listing every unmet condition in Dutch', async () => {
    await page.getByRole('button', { name: 'Goedkeuren', exact: true }).click();
    const violations = page.getByTestId('approval-violations');
    await violations.getByText('Weergavenaam noemt afzender en rol: Nog niet beoordeeld.').waitFor();
    await violations.getByText('Inloggegevens in de kluis, met 2FA: Nog niet beoordeeld.').waitFor();
    expect(await violations.locator('li').count()).toBe(5);
    await page.screenshot({ path: join(SHOTS, 'console-approval-refused.png'), fullPage: false });
    await page.getByRole('button', { name: 'Sluiten' }).click();
    await violations.waitFor({ state: 'detached' });
  });

  it('attests the open items in the Huisstijl tab, approves, and the account is active', async () => {
    await page.getByRole('tab', { name: 'Huisstijl' }).click();
    const checklist = page.getByTestId('account-checklist');
    await checklist.getByText('Weergavenaam noemt afzender en rol').waitFor();
    await checklist.getByText('Niet van toepassing').first().waitFor();
    const open = checklist.locator('tr[data-state="PENDING"]');
    expect(await open.count()).toBe(5);
    for (let left = 5; left > 0; left--) {
      await open.first().getByRole('button', { name: 'Akkoord', exact: true }).click();
      const dialog = page.getByRole('dialog');
      if (left === 5) await dialog.getByTestId('attest-note').fill('Weergavenaam en rol gecontroleerd.');
      await dialog.getByRole('button', { name: 'Vastleggen' }).click();
      await dialog.waitFor({ state: 'detached' });
      // One open item fewer: the checklist was reloaded with the attestation.
      await open.nth(left - 1).waitFor({ state: 'detached' });
    }
    await checklist.getByText('Goedgekeurd: Weergavenaam en rol gecontroleerd.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-checklist.png'), fullPage: true });

    await page.getByRole('button', { name: 'Goedkeuren', exact: true }).click();
    await page.getByText('Account goedgekeurd').first().waitFor();
    // The steps of an active account replace those of a submitted one.
    await page.getByRole('button', { name: 'Opschorten' }).waitFor();
    await page.getByRole('tab', { name: 'Account', exact: true }).click();
    await page.getByText('Actief', { exact: true }).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-approval.png'), fullPage: true });
    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(filter: { q: "RoezIntranet" }) { status approvedById } }', {}, await app.login(DEMO.communications));
    expect(allSocialAccounts).toEqual([{ status: 'ACTIVE', approvedById: expect.any(String) }]);
  });
});

describe('the console, naming rules while typing', () => {
  it('logs in as communicatie@ and shows the naming error of an organisational handle live, then clears it', async () => {
    await page.getByRole('button', { name: 'Profiel' }).click();
    await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
    await page.locator('input[name="username"]').fill(DEMO.communications);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByRole('menuitem', { name: 'Naamgevingsregels' }).waitFor();

    await page.goto(`${app.url}/#/SocialAccount/create`);
    await page.locator('.ra-input-platformId [role="combobox"]').click();
    await page.getByRole('option', { name: 'X (Twitter)' }).click();
    await page.locator('.ra-input-kind [role="combobox"]').click();
    await page.getByRole('option', { name: 'Organisatie', exact: true }).click();
    await page.locator('input[name="orgUnitId"]').fill('Stadsdeel');
    await page.getByRole('option', { name: /Stadsdeelcoördinatie/ }).click();

    const handle = page.locator('input[name="handle"]');
    await handle.fill('Stadsbeheer');
    const feedback = page.getByTestId('naming-feedback');
    await feedback.getByText(/Een organisatie-account eindigt op/).waitFor();
    await feedback.getByText('Fout', { exact: true }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'console-naming.png') });
    // Information, not a validation error: the platform's syntax is fine, so the handle field shows no error.
    expect(await page.locator('.ra-input-handle .Mui-error').count()).toBe(0);

    await handle.fill('Wijkbeheer050');
    await feedback.waitFor({ state: 'detached' });
    expect(await page.getByText(/Een organisatie-account eindigt op/).count()).toBe(0);
  });

  it('lists the four default naming rules under "Naamgevingsregels"', async () => {
    await page.getByRole('menuitem', { name: 'Naamgevingsregels' }).click();
    await page.waitForURL(/#\/NamingRule/);
    for (const key of ['org_ends_050_or_groningen', 'campaign_ends_050_or_groningen', 'personal_starts_with_unit_prefix', 'no_other_authority']) {
      await page.getByText(key, { exact: true }).waitFor();
    }
    expect(await page.locator('tbody tr').count()).toBe(4);
    await page.screenshot({ path: join(SHOTS, 'console-naming-rules.png'), fullPage: true });

    // Communicatie edits a rule: the scope read back goes back as the API's input type.
    await page.getByText('org_ends_050_or_groningen', { exact: true }).click();
    await page.waitForURL(/NamingRule\/[0-9a-f-]+\/show/);
    await page.getByText('"050"').first().waitFor();
    await page.getByText('Organisatie', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Bewerken' }).click();
    const sortOrder = page.locator('input[name="sortOrder"]');
    await waitForValue(sortOrder, '10');
    await sortOrder.fill('11');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/NamingRule\/[0-9a-f-]+\/show/);
    await page.getByText('11', { exact: true }).first().waitFor();

    await page.getByRole('menuitem', { name: 'Huisstijlpunten' }).click();
    await page.waitForURL(/#\/ChecklistItem/);
    await page.getByText('Weergavenaam noemt afzender en rol').first().waitFor();
  });
});

/** Waits until a form input shows this value (react-admin fills forms after the record arrives). */
async function waitForValue(input: Locator, expected: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let value = '';
  while (Date.now() < deadline) {
    value = await input.inputValue().catch(() => '');
    if (value === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`input still shows "${value}", expected "${expected}"`);
}
