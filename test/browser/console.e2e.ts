import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEMO, DEMO_PASSWORD, type RunningApp, startApp, WORKSPACE } from '@ggsm/testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(WORKSPACE, 'test-results', 'screenshots');

let app: RunningApp;
let browser: Browser;
let page: Page;
const problems: string[] = [];

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
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(problems).toEqual([]);
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
});
