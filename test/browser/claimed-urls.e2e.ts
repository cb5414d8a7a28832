import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO, DEMO_PASSWORD, type RunningApp, SHOTS, openConsoleBrowser, startApp } from '@ggsm/testing';

// The claimed URLs in the console, as the communication team: the expiry badges, a domain's lookalikes
// with "defensief claimen", and the Dutch messages for what cannot be claimed.

let app: RunningApp;
let browser: Browser;
let page: Page;
let comms: string;
let problems: string[] = [];

beforeAll(async () => {
  ({ browser, page, problems } = await openConsoleBrowser());
  app = await startApp();
  comms = await app.login(DEMO.communications);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(problems).toEqual([]);
});

const claimOf = async (normalized: string) =>
  ((await app.gqlOk('query($q: String) { allClaimedUrls(filter: { q: $q }) { id normalized purpose orgUnitId status } }', { q: normalized }, comms)).allClaimedUrls as {
    id: string;
    normalized: string;
    purpose: string;
    orgUnitId: string;
    status: string;
  }[]).find((c) => c.normalized === normalized);

describe('claimed URLs in the console', () => {
  it('logs in and lists the claims with their expiry badges; the campaign domain is due within 60 days', async () => {
    await page.goto(app.url);
    await page.locator('input[name="username"]').fill(DEMO.communications);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    await page.goto(`${app.url}/#/ClaimedUrl`);
    await page.getByText('lentekriebels050.nl').first().waitFor();
    const badge = page.locator('tr', { hasText: 'lentekriebels050.nl' }).getByTestId('expiry-badge');
    expect(await badge.textContent()).toBe('verloopt over 45 dagen');
    expect(await badge.getAttribute('data-threshold')).toBe('60');
    expect(await page.locator('tr', { hasText: 'groningen.nl' }).first().getByTestId('expiry-badge').getAttribute('data-state')).toBe('OK');
    await page.screenshot({ path: join(SHOTS, 'claimed-urls-list.png'), fullPage: true });
  });

  it('filters on "binnen 90 dagen": only what expires soon', async () => {
    await page.locator('.ra-input-expiringWithinDays [role="combobox"]').click();
    await page.getByRole('option', { name: 'binnen 90 dagen' }).click();
    await page.getByText('1-1 van 1').first().waitFor();
    await page.getByText('lentekriebels050.nl').first().waitFor();
    expect(await page.getByText('stadsnieuws.nl').count()).toBe(0);
  });

  it('shows the lookalikes of groningen.nl, claims one defensively for the same unit, and marks it claimed', async () => {
    const groningen = (await claimOf('groningen.nl'))!;
    await page.goto(`${app.url}/#/ClaimedUrl/${groningen.id}/show/lookalikes`);
    const panel = page.getByTestId('lookalikes-panel');
    await panel.waitFor();
    const held = panel.locator('tr[data-domain="gemeentegroningen.nl"]');
    await held.waitFor();
    expect(await held.getAttribute('data-claimed')).toBe('true');
    expect(await held.textContent()).toContain('Woord toegevoegd');
    expect(await held.getByTestId('claim-defensively').count()).toBe(0);

    const variant = panel.locator('tr[data-domain="groningen.com"]');
    expect(await variant.getAttribute('data-claimed')).toBe('false');
    expect(await variant.textContent()).toContain('Andere extensie');
    expect(await variant.textContent()).toContain('niet geclaimd');
    // .nl takes no internationalised names: no accented variants of groningen.nl.
    expect(await panel.locator('tr[data-domain^="xn--"][data-domain$=".nl"]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'claimed-urls-lookalikes.png'), fullPage: true });
    // The first 50 (the most deliberate kinds) are shown; the rest on request.
    expect(await panel.locator('tbody tr').count()).toBe(50);

    await variant.getByTestId('claim-defensively').click();
    await page.getByText('groningen.com is defensief geclaimd').first().waitFor();
    await page.locator('tr[data-domain="groningen.com"][data-claimed="true"]').waitFor();
    expect(await variant.textContent()).toContain('geclaimd');
    expect(await variant.getByTestId('claim-defensively').count()).toBe(0);
    expect(await claimOf('groningen.com')).toMatchObject({ purpose: 'DEFENSIVE', orgUnitId: groningen.orgUnitId, status: 'ACTIVE' });
    await page.screenshot({ path: join(SHOTS, 'claimed-urls-lookalike-claimed.png') });

    // A fresh look (from the API, not the panel's memory) agrees.
    await page.reload();
    await page.locator('tr[data-domain="groningen.com"][data-claimed="true"]').waitFor();
    await page.getByTestId('lookalikes-all').click();
    expect(await panel.locator('tbody tr').count()).toBeGreaterThan(50);
  });

  it('refuses garbage while typing, in Dutch, and a value we hold already with the unit that holds it', async () => {
    await page.goto(`${app.url}/#/ClaimedUrl/create`);
    const value = page.locator('input[name="value"]');
    await value.fill('co.uk');
    await page.locator('button[type="submit"]').click();
    await page.getByText('"co.uk" is een publieke extensie (zoals .nl of co.uk) die niemand kan bezitten; vul de hele domeinnaam in.').first().waitFor();
    await value.fill('not a url');
    await page.getByText('"not a url" is geen geldige domeinnaam of webadres.').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'claimed-urls-garbage.png'), fullPage: true });

    // What it becomes, before saving.
    await value.fill('https://WWW.Stadsnieuws.nl/nieuws?x=1');
    await page.locator('.ra-input-kind [role="combobox"]').click();
    await page.getByRole('option', { name: 'Domeinnaam' }).click();
    await page.getByText('Wordt vastgelegd als stadsnieuws.nl (Domeinnaam).').first().waitFor();
    const unit = page.locator('.ra-input-orgUnitId input');
    await unit.fill('Milieudienst');
    await page.getByRole('option', { name: 'Gemeente Groningen > Milieudienst', exact: true }).click();
    await page.locator('button[type="submit"]').click();
    await page.getByText(/stadsnieuws\.nl staat al in het register \(Centrale nieuwsredactie\)/).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'claimed-urls-taken.png'), fullPage: true });
    // The browser logs the refused request (HTTP 409): the expected answer, not a fault.
    const refused = problems.filter((p) => /status of 409/.test(p));
    expect(refused.length).toBeLessThanOrEqual(1);
    for (const r of refused) problems.splice(problems.indexOf(r), 1);
  });

  it('shows an account its linked claimed URLs', async () => {
    const { allSocialAccounts } = await app.gqlOk('{ allSocialAccounts(filter: { platformId: "facebook", q: "Milieudienst050" }) { id } }', {}, comms);
    await page.goto(`${app.url}/#/SocialAccount/${allSocialAccounts[0].id}/show/urls`);
    await page.getByText('facebook:milieudienst050').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'claimed-urls-account.png'), fullPage: true });
  });
});
