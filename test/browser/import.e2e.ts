import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { DEMO, DEMO_PASSWORD, type RunningApp, SHOTS, openConsoleBrowser, startApp } from '@ggsm/testing';

// "Importeren" in the console, as an editor of RO/EZ: a Dutch Excel file with errors gets its
// line-numbered report and nothing is saved; a valid file is checked and imported with progress;
// the account list exports the register through the API.

let app: RunningApp;
let browser: Browser;
let page: Page;
let problems: string[] = [];

beforeAll(async () => {
  ({ browser, page, problems } = await openConsoleBrowser());
  app = await startApp();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(problems).toEqual([]);
});

const excel = (lines: string[]) => iconv.encode(lines.join('\r\n'), 'win1252');
const count = async (handle: string) => {
  const token = await app.login(DEMO.communications);
  return (await app.gqlOk('query($q: String) { _allSocialAccountsMeta(filter: { q: $q }) { count } }', { q: handle }, token))._allSocialAccountsMeta.count as number;
};

describe('importing accounts in the console', () => {
  it('shows the line-numbered report of a file with errors, and saves nothing', async () => {
    await page.goto(app.url);
    await page.locator('input[name="username"]').fill(DEMO.editorRoez);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByRole('menuitem', { name: 'Importeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accounts importeren' }).waitFor();

    await page.getByTestId('import-file').setInputFiles({
      name: 'inventaris-roez.csv',
      mimeType: 'text/csv',
      buffer: excel([
        'Platform;Account;Naam;Dienst;Soort;Doelen',
        'X;sdcBeijum;Wijkteam Beijum;RO/EZ > Stadsdeelcoördinatie;persoonlijk in functie;zenden',
        'X;Muziekles050;Muziekschool;OCSW > Muziekschool;organisatie;zenden',
        'X;wijk beijum;Spatie;RO/EZ;organisatie;roepen',
      ]),
    });
    await page.getByText('inventaris-roez.csv').waitFor();
    await page.getByRole('button', { name: 'Controleren' }).click();
    const report = page.getByTestId('import-problems');
    await report.waitFor();
    const rows = await report.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').slice(0, 2))).toEqual([
      ['3', 'Dienst'],
      ['4', 'Account'],
      ['4', 'Doelen'],
    ]);
    expect(rows[0]).toContain('Onbekend organisatieonderdeel "OCSW > Muziekschool".');
    await page.getByText('Gelezen als windows-1252, scheidingsteken ";"', { exact: false }).waitFor();
    await page.getByText('Er is niets opgeslagen.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Alleen geldige rijen importeren (1)' }).waitFor();
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'import-report.png'), fullPage: true });
    expect(await count('sdcBeijum')).toBe(0);
  });

  it('imports a valid file after checking it, as drafts of the unit', async () => {
    await page.getByTestId('import-file').setInputFiles({
      name: 'inventaris-roez-2.csv',
      mimeType: 'text/csv',
      buffer: excel([
        'Platform;Account;Naam;Dienst;Soort;Doelen',
        'X;sdcBeijum;Wijkteam Beijum;RO/EZ > Stadsdeelcoördinatie;persoonlijk in functie;zenden',
        'Facebook;https://www.facebook.com/Stadsdeelcoordinatie050;Stadsdeelcoördinatie;Stadsdeelcoördinatie;organisatie;"zenden;interacteren"',
      ]),
    });
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Alle 2 rijen zijn in orde.').waitFor();
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('2 accounts geïmporteerd (Concept).').waitFor();
    await page.screenshot({ path: join(SHOTS, 'import-done.png'), fullPage: true });
    expect(await count('sdcBeijum')).toBe(1);
    expect(await count('Stadsdeelcoordinatie050')).toBe(1);
  });

  it('exports the register from the account list through the API', async () => {
    await page.getByRole('link', { name: 'Naar de accounts' }).click();
    await page.getByText('sdcBeijum').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ggsm-accounts-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.screenshot({ path: join(SHOTS, 'import-account-list-export.png') });
  });
});
