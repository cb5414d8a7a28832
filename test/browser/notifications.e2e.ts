import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO, DEMO_PASSWORD, type RunningApp, SHOTS, openConsoleBrowser, startApp } from '@ggsm/testing';

// The bell and the notifications page, as the communication team: the demo register's reminders (reviews
// due, the campaign domain expiring) arrive by themselves after start; they open the record, are marked
// read, and the e-mail preferences are saved.

let app: RunningApp;
let browser: Browser;
let page: Page;
let comms: string;
let problems: string[] = [];

beforeAll(async () => {
  ({ browser, page, problems } = await openConsoleBrowser());
  app = await startApp();
  comms = await app.login(DEMO.communications);
  // The checks run once at start; wait until their notifications are there.
  const deadline = Date.now() + 60_000;
  while ((await app.gqlOk('{ myNotifications(unreadOnly: true, perPage: 1) { unreadCount } }', {}, comms)).myNotifications.unreadCount < 3) {
    if (Date.now() > deadline) throw new Error('no notifications arrived after start');
    await new Promise((r) => setTimeout(r, 250));
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(problems).toEqual([]);
});

const unread = async () => (await app.gqlOk('{ myNotifications(unreadOnly: true, perPage: 1) { unreadCount } }', {}, comms)).myNotifications.unreadCount as number;

describe('notifications in the console', () => {
  it('shows the unread count on the bell after login, and the list behind it', async () => {
    const count = await unread();
    await page.goto(app.url);
    await page.locator('input[name="username"]').fill(DEMO.communications);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    const badge = page.getByTestId('notification-count');
    await page.waitForFunction((n) => document.querySelector('[data-testid="notification-count"]')?.textContent === String(n > 99 ? '99+' : n), count);
    expect(await page.getByTestId('notification-bell').getAttribute('aria-label')).toBe(`Berichten: ${count} ongelezen`);
    expect(await badge.textContent()).toBe(count > 99 ? '99+' : String(count));

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notifications-page').waitFor();
    await page.getByTestId('notification').first().waitFor();
    expect(await page.getByText('lentekriebels050.nl verloopt binnen 60 dagen', { exact: false }).count()).toBe(1);
    expect(await page.getByText(/Nooit beoordeeld, beoordeling nodig: /).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'notifications-list.png'), fullPage: true });
  });

  it('marks one read (the bell counts down) and opens the record', async () => {
    const before = await unread();
    const row = page.locator('[data-testid="notification"]', { hasText: 'lentekriebels050.nl' });
    await row.getByTestId('notification-mark-read').click();
    await page.locator('[data-testid="notification"][data-read="true"]', { hasText: 'lentekriebels050.nl' }).waitFor();
    await page.waitForFunction((n) => document.querySelector('[data-testid="notification-count"]')?.textContent === String(n > 99 ? '99+' : n), before - 1);
    expect(await unread()).toBe(before - 1);

    await row.getByRole('button', { name: 'Openen' }).click();
    await page.waitForURL(/#\/ClaimedUrl\/[0-9a-f-]{36}\/show/);
    await page.getByText('lentekriebels050.nl').first().waitFor();
  });

  it('marks all read and saves the e-mail preferences', async () => {
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-mark-all-read').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="notification"][data-read="false"]').length === 0);
    expect(await unread()).toBe(0);

    const prefs = page.getByTestId('notification-preferences');
    await prefs.getByText('Per e-mail ontvangen').waitFor();
    // No mail server in this run: the page says so, and the choice is kept for when there is one.
    await prefs.getByText('Deze installatie verstuurt (nog) geen e-mail', { exact: false }).waitFor();
    await prefs.getByLabel('Periodieke beoordeling nodig').uncheck();
    await page.getByTestId('notification-preferences-save').click();
    await page.getByText('Voorkeuren opgeslagen').waitFor();
    const { myNotificationPreferences } = await app.gqlOk('{ myNotificationPreferences { emailKinds } }', {}, comms);
    expect(myNotificationPreferences.emailKinds).not.toContain('REVIEW_DUE');
    expect(myNotificationPreferences.emailKinds).toContain('ACCOUNT_SUBMITTED');
    await page.screenshot({ path: join(SHOTS, 'notifications-preferences.png'), fullPage: true });
  });
});
