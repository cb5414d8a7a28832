import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO, DEMO_PASSWORD, type RunningApp, SHOTS, openConsoleBrowser, startApp } from '@ggsm/testing';

let app: RunningApp;
let browser: Browser;
let page: Page;
let problems: string[] = [];
/** Every answer of /graphql the console received: a limit or refusal of the hardened API would show here. */
const graphqlAnswers: { operation: string; status: number; codes: string[] }[] = [];
const pendingAnswers: Promise<void>[] = [];
const REFUSED_BY_HARDENING = ['QUERY_TOO_COMPLEX', 'PAYLOAD_TOO_LARGE', 'BAD_REQUEST', 'INTERNAL_SERVER_ERROR'];

beforeAll(async () => {
  ({ browser, page, problems } = await openConsoleBrowser());
  app = await startApp();
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
    // The home page is the overview: what needs doing for Communications, and the register's state.
    const dashboard = page.getByTestId('dashboard');
    await dashboard.getByText('Te doen').waitFor();
    await dashboard.getByText('accounts wachten op goedkeuring').waitFor();
    await dashboard.getByText('Accounts per status').waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-dashboard.png'), fullPage: true });
    // Its numbers link to the lists behind them: the two drafts of the note's inventory.
    await dashboard.getByRole('link', { name: /concepten, nog niet ingediend/ }).click();
    await page.getByText('1-2 van 2').first().waitFor();
    // Back to the whole list (react-admin would otherwise keep the drafts filter).
    await page.goto(`${app.url}/#/SocialAccount?filter=${encodeURIComponent('{}')}`);
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
    // The overview shows the auditor the register's state, and no to-do list: the auditor changes nothing.
    await page.getByTestId('dashboard').getByText('Stand van het register').waitFor();
    expect(await page.getByText('Te doen', { exact: true }).count()).toBe(0);
    // Reads everything, changes nothing: no create button on the accounts.
    await page.getByRole('menuitem', { name: 'Accounts' }).click();
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

  it('shows why it cannot be approved yet: "Goedkeuren" is disabled and the five open conditions are listed in Dutch', async () => {
    const approve = page.getByTestId('step-approve');
    await approve.waitFor();
    expect(await approve.isDisabled()).toBe(true);
    const readiness = page.getByTestId('approval-readiness');
    await readiness.getByText('Goedkeuren kan nog niet: 5 voorwaarden zijn niet vervuld').waitFor();
    const conditions = page.getByTestId('approval-conditions');
    await conditions.getByText('Weergavenaam noemt afzender en rol: Nog niet beoordeeld.').waitFor();
    await conditions.getByText('Inloggegevens in de kluis, met 2FA: Nog niet beoordeeld.').waitFor();
    expect(await conditions.locator('li').count()).toBe(5);
    await page.screenshot({ path: join(SHOTS, 'console-approval-blocked.png'), fullPage: false });
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
    await page.getByTestId('approval-readiness').getByText('Alle voorwaarden zijn vervuld: dit account kan worden goedgekeurd.').waitFor();
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

// The "Done when": an account of the 2011 note goes from DRAFT to ACTIVE in the console, and the
// communication team sees why it cannot be approved until it can. The note names SDC050Ton without a name,
// so the demo register holds it as a draft of Stadsdeelcoördinatie (RO/EZ).
describe('the console, an account of the 2011 note from draft to active', () => {
  const handle = 'SDC050Ton';

  it('as the RO/EZ editor: typing an invalid handle makes the naming violations appear', async () => {
    await logInAs(DEMO.editorRoez);
    await page.goto(`${app.url}/#/SocialAccount/create`);
    await page.locator('.ra-input-platformId [role="combobox"]').click();
    await page.getByRole('option', { name: 'X (Twitter)' }).click();
    await page.locator('.ra-input-kind [role="combobox"]').click();
    await page.getByRole('option', { name: 'Persoonlijk in functie', exact: true }).click();
    await page.locator('input[name="orgUnitId"]').fill('Stadsdeel');
    await page.getByRole('option', { name: /Stadsdeelcoördinatie/ }).click();

    const input = page.locator('input[name="handle"]');
    const feedback = page.getByTestId('naming-feedback');
    // Poses as another authority, and lacks the unit's prefix "sdc".
    await input.fill('Politie050');
    await feedback.getByText(/sdc/).first().waitFor();
    await feedback.getByText(/politie/i).first().waitFor();
    expect(await feedback.getByText('Fout', { exact: true }).count()).toBe(2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'console-editor-naming.png') });
    // The platform's own syntax is an error on the field itself.
    await input.fill('sdc Ton!');
    await page.locator('.ra-input-handle .Mui-error').first().waitFor();
    // A handle that follows every rule: the violations go away.
    await input.fill('sdcMarloes');
    await feedback.waitFor({ state: 'detached' });
    expect(await page.locator('.ra-input-handle .Mui-error').count()).toBe(0);
  });

  it("as the editor: the note's SDC050Ton is a draft that lists what is still needed for approval", async () => {
    await page.goto(`${app.url}/#/SocialAccount`);
    await page.locator('input[name="q"]').fill(handle);
    // The search applies after a pause, by changing the URL: wait for it, or it takes the page back to the list.
    await page.waitForURL(new RegExp(`filter=.*${handle}`));
    await page.getByText(handle, { exact: true }).first().click();
    await page.waitForURL(/SocialAccount\/[0-9a-f-]+\/show/);
    await page.getByText('Concept', { exact: true }).first().waitFor();
    const readiness = page.getByTestId('approval-readiness');
    await readiness.getByText(/Nog nodig voor goedkeuring/).waitFor();
    const conditions = page.getByTestId('approval-conditions');
    for (const code of ['TOO_FEW_OWNERS', 'bio_states_official', 'hours_published', 'archiving_arranged', 'credentials_vault']) {
      await conditions.locator(`li[data-code="${code}"]`).waitFor();
    }
    // An editor does not approve: the step is not offered.
    expect(await page.getByTestId('step-approve').count()).toBe(0);
  });

  it('as the editor: completes the profile, adds a second owner, and submits', async () => {
    await page.getByRole('link', { name: 'Bewerken' }).click();
    await page.waitForURL(/SocialAccount\/[0-9a-f-]+$/);
    await waitForValue(page.locator('input[name="handle"]'), handle);
    await page.locator('input[name="displayName"]').fill('Ton, stadsdeelcoördinator gemeente Groningen');
    await page.locator('textarea[name="bio"]').fill('Officieel account van Ton, stadsdeelcoördinator Oosterpark van de gemeente Groningen. Meer: https://gemeente.groningen.nl/stadsdelen');
    await page.locator('input[name="openingHours"]').fill('ma-vr 9-17');
    await page.locator('input[name="responseTime"]').fill('binnen 1 werkdag');
    await page.locator('textarea[name="archivingArrangement"]').fill('Gearchiveerd door de archiefdienst');
    await page.locator('.ra-input-backupOwnerIds input').fill('Sanne');
    await page.getByRole('option', { name: 'Sanne Mulder' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/SocialAccount\/[0-9a-f-]+\/show/);

    // What the unit could fix is fixed; what is left is for Communications to judge.
    const conditions = page.getByTestId('approval-conditions');
    await conditions.locator('li[data-code="credentials_vault"]').waitFor();
    await conditions.locator('li[data-code="TOO_FEW_OWNERS"]').waitFor({ state: 'detached' });
    for (const code of ['bio_states_official', 'hours_published', 'archiving_arranged']) expect(await conditions.locator(`li[data-code="${code}"]`).count()).toBe(0);

    await page.getByTestId('step-submit').click();
    await page.getByText('Account ingediend ter goedkeuring').first().waitFor();
    await page.getByText('Ingediend', { exact: true }).first().waitFor();
  });

  it('as the communication team: the queue shows what is open, and "Goedkeuren" stays disabled until the last attestation', async () => {
    await logInAs(DEMO.communications);
    await page.getByRole('menuitem', { name: 'Goedkeuren' }).click();
    await page.waitForURL(/#\/approvals/);
    const row = page.locator('tr', { hasText: handle });
    const chip = row.getByTestId('readiness');
    await chip.waitFor();
    expect(await chip.getAttribute('data-ready')).toBe('false');
    const open = Number((await chip.innerText()).match(/\d+/)?.[0]);
    expect(open).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'console-queue-readiness.png'), fullPage: true });
    await row.getByText(handle).click();
    await page.waitForURL(/SocialAccount\/[0-9a-f-]+\/show/);

    const approve = page.getByTestId('step-approve');
    await approve.waitFor();
    expect(await approve.isDisabled()).toBe(true);
    await page.getByTestId('approval-readiness').getByText(`Goedkeuren kan nog niet: ${open} voorwaarden zijn niet vervuld`).waitFor();
    expect(await page.getByTestId('approval-conditions').locator('li').count()).toBe(open);
    await page.screenshot({ path: join(SHOTS, 'console-inventory-blocked.png') });

    await page.getByRole('tab', { name: 'Huisstijl' }).click();
    const pending = page.getByTestId('account-checklist').locator('tr[data-state="PENDING"]');
    await pending.first().waitFor();
    expect(await pending.count()).toBe(open);
    for (let left = open; left > 0; left--) {
      // Still disabled while anything is open.
      expect(await approve.isDisabled()).toBe(true);
      await pending.first().getByRole('button', { name: 'Akkoord', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Vastleggen' }).click();
      await dialog.waitFor({ state: 'detached' });
      await pending.nth(left - 1).waitFor({ state: 'detached' });
    }
    await page.getByTestId('approval-readiness').getByText('Alle voorwaarden zijn vervuld: dit account kan worden goedgekeurd.').waitFor();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="step-approve"]') as HTMLButtonElement | null)?.disabled);
    await approve.click();
    await page.getByText('Account goedgekeurd').first().waitFor();
    await page.getByRole('tab', { name: 'Account', exact: true }).click();
    await page.getByText('Actief', { exact: true }).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-inventory-active.png'), fullPage: true });

    const comms = await app.login(DEMO.communications);
    const { allSocialAccounts } = await app.gqlOk(`{ allSocialAccounts(filter: { q: "${handle}" }) { status legacy requestedById approvedById } }`, {}, comms);
    expect(allSocialAccounts).toHaveLength(1);
    expect(allSocialAccounts[0]).toMatchObject({ status: 'ACTIVE', legacy: true });
    expect(allSocialAccounts[0].requestedById).not.toBe(allSocialAccounts[0].approvedById);
  });
});

/** Logs out whoever is logged in (if anyone), then logs in as `email`. */
async function logInAs(email: string): Promise<void> {
  await page.goto(`${app.url}/#/`);
  const profile = page.getByRole('button', { name: 'Profiel' });
  await Promise.race([profile.waitFor(), page.locator('input[name="username"]').waitFor()]);
  if (await profile.isVisible()) {
    await profile.click();
    await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
  }
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Profiel' }).waitFor();
}

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
