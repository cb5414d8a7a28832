import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { handleSkeleton } from '@ggsm/domain';
import { type PgClient, type RunningApp, SHOTS, connectAsSuperuser, openConsoleBrowser, rawRequest, startApp } from '@ggsm/testing';

// The public page "Is dit account echt van de gemeente?" in Chromium, with JavaScript on and off: a real
// handle, a lookalike and a known fake, the English switch, the report form; and axe-core (WCAG 2.1 A and
// AA) on every state in Dutch and English, with no serious or critical violation.

const AXE = require.resolve('axe-core/axe.min.js');
const WCAG21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let app: RunningApp;
let db: PgClient;
let browser: Browser;
const contexts: BrowserContext[] = [];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  passes: unknown[];
}

/** A fresh Dutch browser context; the public page's CSP allows no script, so axe is injected past it. */
async function open(javaScriptEnabled: boolean): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 }, javaScriptEnabled, bypassCSP: javaScriptEnabled });
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    // A question the page refuses is answered with HTTP 400 (and 429 when over the limit), on purpose.
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of (400|429)/.test(msg.text())) problems.push(`console: ${msg.text()} ${msg.location().url}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { page, problems };
}

/** axe-core with the WCAG 2.1 A/AA rules; returns the serious and critical violations, described. */
async function seriousViolations(page: Page, label: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(
    (tags) => (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG21,
  )) as AxeResult;
  expect(result.passes.length).toBeGreaterThan(10);
  const all = result.violations.map((v) => `${label}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  if (all.length) console.log(all.join('\n'));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${label}: ${v.impact} ${v.id}`);
}

const verdict = async (page: Page) => ((await page.locator('.verdict').textContent()) ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  const opened = await openConsoleBrowser();
  browser = opened.browser;
  await opened.page.close();
  app = await startApp({ env: { GGSM_VERIFY_RATE_LIMIT: '100000' } });
  db = await connectAsSuperuser(app.dataDir);
  // A fake that legal decided on: the public report intake, then the decision's row.
  const report = await rawRequest(app, '/public/reports', { body: { platform: 'x', suspectHandle: 'Stadsbeheer_050', description: 'Vraagt om betalingen.' } });
  expect(report.status).toBe(201);
  const ids = await db.query<{ report: string; account: string }>(
    "SELECT (SELECT id FROM impersonation_report WHERE reference = $1) AS report, (SELECT id FROM social_account WHERE normalized_handle = 'stadsbeheer050' AND platform_key = 'x') AS account",
    [report.json.reference],
  );
  await db.query(
    `INSERT INTO known_impersonator (platform_key, handle, normalized_handle, skeleton, report_id, imitated_account_id, decided_at)
     VALUES ('x', 'Stadsbeheer_050', 'stadsbeheer_050', $1, $2, $3, now())`,
    [handleSkeleton('Stadsbeheer_050'), ids.rows[0].report, ids.rows[0].account],
  );
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await db?.end();
  await app?.stop();
});

describe('with JavaScript off: the plain form GET works', () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await open(false));
  });
  afterEach(() => expect(problems).toEqual([]));

  it('checks a real handle by its URL: yes, with the unit', async () => {
    await page.goto(`${app.url}/public`);
    expect(await page.locator('h1').textContent()).toBe('Is dit account echt van de gemeente?');
    await page.getByLabel('Handle of webadres van het account').fill('https://twitter.com/Stadsbeheer050');
    await page.getByRole('button', { name: 'Controleer' }).click();
    await page.waitForURL(/\/public\?q=/);
    expect(await verdict(page)).toBe('Ja, @Stadsbeheer050 op X is een officieel account van de gemeente Groningen (RO/EZ).');
    expect(await page.locator('.details').textContent()).toContain('Gemeente Groningen > RO/EZ');
    await page.screenshot({ path: join(SHOTS, 'public-nojs-official.png'), fullPage: true });
  });

  it('checks a lookalike with the platform select: no, and which official account it looks like', async () => {
    await page.getByLabel('Handle of webadres van het account').fill('@Stadsbeheer05O');
    await page.getByLabel('Platform', { exact: true }).selectOption('x');
    await page.getByRole('button', { name: 'Controleer' }).click();
    await page.waitForURL(/platform=x/);
    expect(await verdict(page)).toBe('Nee, @stadsbeheer05o op X staat niet in het register van officiële accounts.');
    expect(await page.locator('.result').textContent()).toContain('Het lijkt op het officiële @Stadsbeheer050 op X');
    await page.screenshot({ path: join(SHOTS, 'public-nojs-lookalike.png'), fullPage: true });
  });

  it('follows "Meld een nep-account" to the report form, prefilled, and sends it', async () => {
    await page.getByRole('link', { name: 'Meld een nep-account' }).click();
    await page.waitForURL(/\/public\/report/);
    expect(await page.locator('#platform').inputValue()).toBe('x');
    expect(await page.locator('#suspectHandle').inputValue()).toBe('stadsbeheer05o');
    await page.getByLabel('Wat is er aan de hand?').fill('Dit account doet zich voor als Stadsbeheer.');
    await page.screenshot({ path: join(SHOTS, 'public-nojs-report.png'), fullPage: true });
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/public/reports')), page.getByRole('button', { name: 'Melding versturen' }).click()]);
    expect(response.status()).toBe(201);
    // A receipt page, not JSON: the heading, and the reference to refer to the report with.
    await page.locator('h1').filter({ hasText: 'Melding ontvangen' }).waitFor();
    expect(await page.locator('.reference').textContent()).toMatch(/^IMP-\d{4}-\d{4}$/);
    expect(await page.locator('main').textContent()).toContain('Uw kenmerk:');
    await page.screenshot({ path: join(SHOTS, 'public-nojs-report-receipt.png'), fullPage: true });
    await page.getByRole('link', { name: 'Terug naar de controle' }).click();
    await page.waitForURL(/\/public$/);
  });

  it('a report the intake refuses: the form again, the error beside the field, what was typed kept', async () => {
    await page.goto(`${app.url}/public/report?platform=x&handle=Stadsbeheer_O5O`);
    // Only spaces: the browser's `required` lets it pass, the intake does not.
    await page.getByLabel('Wat is er aan de hand?').fill('   ');
    await page.getByLabel('Uw naam').fill('Jan Burger');
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/public/reports')), page.getByRole('button', { name: 'Melding versturen' }).click()]);
    expect(response.status()).toBe(400);
    await page.locator('#description-error').waitFor();
    expect(await page.locator('#description').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[role=alert] h2').textContent()).toBe('Uw melding is nog niet verstuurd');
    expect(await page.locator('#suspectHandle').inputValue()).toBe('Stadsbeheer_O5O');
    expect(await page.locator('#reporterName').inputValue()).toBe('Jan Burger');
    await page.screenshot({ path: join(SHOTS, 'public-nojs-report-error.png'), fullPage: true });
  });

  it('a URL that is no profile: the error next to the field', async () => {
    await page.goto(`${app.url}/public`);
    await page.getByLabel('Handle of webadres van het account').fill('https://www.groningen.nl/contact');
    await page.getByRole('button', { name: 'Controleer' }).click();
    await page.locator('#q-error').waitFor();
    expect(await page.locator('#q').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#q-error').textContent()).toContain('Dit is geen webadres van een profiel op een bekend platform');
    await page.screenshot({ path: join(SHOTS, 'public-nojs-error.png'), fullPage: true });
  });
});

describe('with JavaScript on: the same page, English switch, and axe-core WCAG 2.1 AA', () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await open(true));
  });
  afterEach(() => expect(problems).toEqual([]));

  it('a known fake: "Let op", and the account it poses as', async () => {
    await page.goto(`${app.url}/public`);
    await page.getByLabel('Handle of webadres van het account').fill('https://x.com/Stadsbeheer_050');
    await page.getByRole('button', { name: 'Controleer' }).click();
    await page.waitForURL(/q=/);
    expect(await verdict(page)).toBe('Let op: @stadsbeheer_050 op X is een bekend nep-account. Het doet zich voor als het officiële @Stadsbeheer050 op X.');
    await page.screenshot({ path: join(SHOTS, 'public-nl-fake.png'), fullPage: true });
  });

  it('switches to English and keeps the question', async () => {
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe("Is this account really the municipality's?");
    expect(await verdict(page)).toBe('Warning: @stadsbeheer_050 on X is a known fake account. It poses as the official @Stadsbeheer050 on X.');
    await page.getByLabel('Handle or web address of the account').fill('Milieudienst050');
    await page.getByLabel('Platform', { exact: true }).selectOption('facebook');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.waitForURL(/platform=facebook/);
    expect(page.url()).toContain('lang=en');
    expect(await verdict(page)).toBe('Yes, @Milieudienst050 on Facebook is an official account of the municipality of Groningen (Milieudienst).');
    await page.screenshot({ path: join(SHOTS, 'public-en-official.png'), fullPage: true });
  });

  it('the keyboard reaches the skip link first, then the field', async () => {
    await page.goto(`${app.url}/public`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
  });

  it('axe-core: no serious or critical WCAG 2.1 A/AA violation, in Dutch and English, in every state', async () => {
    const states: [string, string][] = [
      ['nl empty', '/public'],
      ['nl official', '/public?q=Stadsbeheer050&platform=x'],
      ['nl lookalike', '/public?q=Stadsbeheer05O&platform=x'],
      ['nl fake', '/public?q=Stadsbeheer_050&platform=x'],
      ['nl error', '/public?q=https%3A%2F%2Fwww.groningen.nl%2Fcontact'],
      ['nl platform error', '/public?q=Stadsbeheer050'],
      ['nl report', '/public/report?platform=x&handle=stadsbeheer05o'],
      ['en empty', '/public?lang=en'],
      ['en official', '/public?q=https%3A%2F%2Fx.com%2Fsdcgroningen&lang=en'],
      ['en lookalike', '/public?q=stadsbeheer050&platform=instagram&lang=en'],
      ['en error', '/public?q=https%3A%2F%2Fx.com%2Fhome&lang=en'],
      ['en report', '/public/report?lang=en'],
    ];
    const serious: string[] = [];
    for (const [label, path] of states) {
      await page.goto(`${app.url}${path}`);
      serious.push(...(await seriousViolations(page, label)));
      await page.screenshot({ path: join(SHOTS, `public-${label.replace(/\s+/g, '-')}.png`), fullPage: true });
    }
    expect(serious).toEqual([]);
  });

  it('axe-core on the report receipt and on the refused report, in Dutch and English', async () => {
    const serious: string[] = [];
    for (const lang of ['nl', 'en'] as const) {
      const send = lang === 'nl' ? 'Melding versturen' : 'Send report';
      const what = lang === 'nl' ? 'Wat is er aan de hand?' : 'What is going on?';
      await page.goto(`${app.url}/public/report?platform=x&handle=Oosterpoort_O50${lang === 'en' ? '&lang=en' : ''}`);
      await page.getByLabel(what).fill('   ');
      await page.getByRole('button', { name: send }).click();
      await page.locator('#description-error').waitFor();
      serious.push(...(await seriousViolations(page, `${lang} report refused`)));
      await page.screenshot({ path: join(SHOTS, `public-${lang}-report-refused.png`), fullPage: true });
      await page.getByLabel(what).fill('Gebruikt het logo van de Oosterpoort.');
      await page.getByRole('button', { name: send }).click();
      await page.locator('.reference').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      serious.push(...(await seriousViolations(page, `${lang} report receipt`)));
      await page.screenshot({ path: join(SHOTS, `public-${lang}-report-receipt.png`), fullPage: true });
    }
    expect(serious).toEqual([]);
  });

  it('loads no JavaScript of its own and stays small', async () => {
    const scripts: string[] = [];
    const fresh = await open(true);
    fresh.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    const response = await fresh.page.goto(`${app.url}/public?q=Stadsbeheer050&platform=x`);
    expect(scripts).toEqual([]);
    expect((await response?.body())?.length).toBeLessThan(20_000);
    expect(fresh.problems).toEqual([]);
  });
});
