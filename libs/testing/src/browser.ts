import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { WORKSPACE } from './app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the browser tests (not committed). */
export const SHOTS = join(WORKSPACE, 'test-results', 'screenshots');

export interface ConsoleBrowser {
  browser: Browser;
  page: Page;
  /** Console errors and uncaught page errors so far: a test expects none. */
  problems: string[];
}

/**
 * A headless Chromium with a Dutch page of 1366x900, no network of its own (no sync, updates or QUIC),
 * collecting the page's errors. Needs Debian's chromium (apt-get install -y chromium) or CHROMIUM_PATH.
 */
export async function openConsoleBrowser(): Promise<ConsoleBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { browser, page, problems };
}
