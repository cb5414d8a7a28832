import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO, DEMO_PASSWORD, type RunningApp, SHOTS, openConsoleBrowser, startApp } from '@ggsm/testing';

// Impersonation cases in the console: Legal opens the overdue case from its queue, sees the official and the
// suspect handle side by side with the difference marked, and records its decision; Communications triages a
// fresh public report and sends it to Legal, and may not decide; evidence uploads of the wrong kind are refused
// with the API's Dutch message.

let app: RunningApp;
let browser: Browser;
let page: Page;
let problems: string[] = [];
let legal: string;

// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface CaseRow {
  id: string;
  reference: string;
  state: string;
  version: number;
  overdue: boolean;
  dueAt: string | null;
  legalDecision: string | null;
  legalReasoning: string | null;
  imitatedAccountId: string | null;
  suggestedAccountId: string | null;
}

const caseOf = async (handle: string): Promise<CaseRow> => {
  const { allImpersonationReports } = await app.gqlOk(
    'query($q: String) { allImpersonationReports(filter: { q: $q }) { id reference state version overdue dueAt legalDecision legalReasoning imitatedAccountId suggestedAccountId suspectHandle } }',
    { q: handle },
    legal,
  );
  const found = (allImpersonationReports as (CaseRow & { suspectHandle: string })[]).find((c) => c.suspectHandle === handle);
  if (!found) throw new Error(`no case about @${handle}`);
  return found;
};

const login = async (email: string) => {
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard').waitFor();
};

/** Failed requests the browser logs for answers the test provoked on purpose (HTTP 4xx), not faults. */
const expectRefusals = (status: RegExp, max: number) => {
  const refused = problems.filter((p) => status.test(p));
  expect(refused.length).toBeLessThanOrEqual(max);
  for (const r of refused) problems.splice(problems.indexOf(r), 1);
};

beforeAll(async () => {
  ({ browser, page, problems } = await openConsoleBrowser());
  // A small evidence limit, so the oversized screenshot stays small too.
  app = await startApp({ env: { GGSM_EVIDENCE_MAX_BYTES: '100kb' } });
  legal = await app.login(DEMO.legal);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(problems).toEqual([]);
});

describe('impersonation cases in the console, as the legal reviewer', () => {
  it('opens the GGD case from the legal queue, with its overdue marker', async () => {
    const ggd = await caseOf('GGDGroningen_nl');
    expect(ggd.state).toBe('LEGAL_REVIEW');
    await page.goto(app.url);
    await login(DEMO.legal);
    await page.getByRole('menuitem', { name: 'Juridische beoordeling' }).click();
    const row = page.locator('tr', { hasText: 'GGDGroningen_nl' });
    await row.waitFor();
    expect(await row.textContent()).toContain(ggd.reference);
    expect(await row.getByTestId('case-state').textContent()).toBe('Juridische toets');
    // "te laat" with the due date, exactly when the API says the case is past its time limit.
    expect(await row.getByTestId('case-overdue').count()).toBe(ggd.overdue ? 1 : 0);
    if (ggd.overdue) expect(await row.getByTestId('case-overdue').textContent()).toMatch(/^te laat · uiterlijk \d{1,2} \w+\.? \d{4}$/);
    // The queue holds Legal's states only: the fresh public report is not in it.
    expect(await page.locator('tr', { hasText: 'Stadsbeheer_050' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'console-case-legal-queue.png'), fullPage: true });

    await row.click();
    await page.waitForURL(new RegExp(`ImpersonationReport/${ggd.id}/show`));
    await page.getByTestId('case-reference').filter({ hasText: ggd.reference }).waitFor();
  });

  it('shows the official and the suspect handle side by side, the difference marked and explained in Dutch', async () => {
    const comparison = page.getByTestId('handle-comparison');
    await comparison.getByTestId('compare-official').waitFor();
    expect(await comparison.getByTestId('compare-official').getAttribute('data-handle')).toBe('GGDGroningen');
    expect(await comparison.getByTestId('compare-suspect').getAttribute('data-handle')).toBe('GGDGroningen_nl');
    // Exactly one marked piece: "_nl" added on the suspect's side, underlined (<ins>) and labelled in words.
    const marked = comparison.getByTestId('diff-segment');
    expect(await marked.count()).toBe(1);
    const added = marked.first();
    expect(await added.getAttribute('data-kind')).toBe('added');
    expect(await added.getAttribute('data-side')).toBe('suspect');
    expect(await added.textContent()).toBe('_nl');
    expect(await added.evaluate((el) => el.tagName)).toBe('INS');
    expect(await added.getAttribute('aria-label')).toBe('_nl, toegevoegd');
    expect(await added.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline');
    // The lookalike engine's reason, in Dutch.
    expect(await comparison.getByTestId('compare-reasons').textContent()).toContain('‘_nl’ toegevoegd');
    expect(await comparison.textContent()).toContain('3 tekens verschillen');
    await page.screenshot({ path: join(SHOTS, 'console-case-comparison.png'), fullPage: true });
  });

  it('refuses a decision without reasoning, in the form, and writes nothing', async () => {
    await page.getByTestId('case-step-recordLegalDecision').click();
    const form = page.getByTestId('case-step-form-recordLegalDecision');
    await form.waitFor();
    await form.getByRole('radio', { name: 'Imitatie' }).check();
    await page.getByTestId('case-step-submit').click();
    await form.getByText('Verplicht').first().waitFor();
    await form.locator('textarea[name="legalReasoning"]').fill('   ');
    await page.getByTestId('case-step-submit').click();
    await form.getByText('Vul meer in dan alleen spaties.').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-case-decision-refused.png'), fullPage: true });
    const ggd = await caseOf('GGDGroningen_nl');
    expect(ggd).toMatchObject({ state: 'LEGAL_REVIEW', legalDecision: null });
  });

  it('records the decision IMPERSONATION with its reasoning; the case shows it and the timeline has it', async () => {
    const before = await caseOf('GGDGroningen_nl');
    const reasoning = 'Gebruikt naam en logo van de GGD en verspreidt onjuiste vaccinatie-informatie: misleiding.';
    await page.locator('textarea[name="legalReasoning"]').fill(reasoning);
    await page.getByTestId('case-step-submit').click();
    await page.getByText('Juridisch besluit vastgelegd').first().waitFor();
    const decision = page.getByTestId('case-decision');
    await decision.waitFor();
    expect(await decision.getAttribute('data-decision')).toBe('IMPERSONATION');
    expect(await decision.textContent()).toBe('Juridisch besluit: Imitatie');
    // IMPERSONATION keeps the case with Legal, now for the takedown; the decision cannot be taken twice.
    expect(await page.getByTestId('case-header').getByTestId('case-state').textContent()).toBe('Juridische toets');
    await page.getByTestId('case-step-recordTakedownRequest').waitFor();
    expect(await page.getByTestId('case-step-recordLegalDecision').count()).toBe(0);
    const after = await caseOf('GGDGroningen_nl');
    expect(after).toMatchObject({ state: 'LEGAL_REVIEW', legalDecision: 'IMPERSONATION', legalReasoning: reasoning, version: before.version + 1 });
    await page.screenshot({ path: join(SHOTS, 'console-case-decided.png'), fullPage: true });

    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    const entry = page.locator('li[data-action="impersonation_report.legal_decision_recorded"]');
    await entry.waitFor();
    const text = await entry.textContent();
    expect(text).toContain('Juridisch besluit vastgelegd');
    expect(text).toContain(DEMO.legal);
    expect(text).toContain('Imitatie');
    expect(text).toContain(reasoning);
    await page.screenshot({ path: join(SHOTS, 'console-case-timeline.png'), fullPage: true });
  });
});

describe('impersonation cases in the console, as Communications', () => {
  it('triages the fresh public report, confirming the suggested account, and sends it to Legal', async () => {
    const received = await caseOf('Stadsbeheer_050');
    expect(received).toMatchObject({ state: 'RECEIVED', imitatedAccountId: null });
    expect(received.suggestedAccountId).not.toBeNull();
    await page.getByRole('button', { name: 'Profiel' }).click();
    await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
    await login(DEMO.communications);
    // Not Legal: no legal queue in the menu.
    expect(await page.getByRole('menuitem', { name: 'Juridische beoordeling' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: 'Imitatiemeldingen' }).click();
    const row = page.locator('tr', { hasText: 'Stadsbeheer_050' });
    await row.waitFor();
    expect(await row.getByTestId('case-state').textContent()).toBe('Ontvangen');
    await page.screenshot({ path: join(SHOTS, 'console-case-list.png'), fullPage: true });
    await row.click();
    await page.waitForURL(new RegExp(`ImpersonationReport/${received.id}/show`));

    // The reporter's contact: personal data, shown to Communications.
    expect(await page.getByTestId('reporter-contact').textContent()).toContain('a.melder@example.org');
    // Before triage the comparison is with the engine's suggestion.
    const comparison = page.getByTestId('handle-comparison');
    await comparison.getByTestId('compare-official').waitFor();
    expect(await comparison.getByTestId('compare-official').textContent()).toContain('Officieel (voorgesteld)');
    expect(await comparison.getByTestId('diff-segment').first().textContent()).toBe('_');
    expect(await comparison.getByTestId('compare-reasons').textContent()).toContain('underscore toegevoegd');

    await page.getByTestId('case-step-triage').click();
    const form = page.getByTestId('case-step-form-triage');
    const account = form.locator('input').first();
    await form.waitFor();
    // The autocomplete comes preselected with the suggestion.
    await page.waitForFunction(() => (document.querySelector('[data-testid="case-step-form-triage"] input') as HTMLInputElement | null)?.value.includes('Stadsbeheer050'));
    expect(await account.inputValue()).toContain('@Stadsbeheer050');
    await page.screenshot({ path: join(SHOTS, 'console-case-triage.png'), fullPage: true });
    await page.getByTestId('case-step-submit').click();
    await page.getByText('Melding beoordeeld').first().waitFor();
    await page.locator('[data-testid="case-header"] [data-testid="case-state"][data-state="TRIAGED"]').waitFor();
    expect(await caseOf('Stadsbeheer_050')).toMatchObject({ state: 'TRIAGED', imitatedAccountId: received.suggestedAccountId });
    expect(await comparison.getByTestId('compare-official').textContent()).not.toContain('voorgesteld');

    await page.getByTestId('case-step-sendToLegal').click();
    await page.getByTestId('case-step-form-sendToLegal').locator('textarea[name="comment"]').fill('Betaallink in de berichten: graag snel beoordelen.');
    await page.getByTestId('case-step-submit').click();
    await page.getByText('Doorgestuurd naar Juridische Zaken').first().waitFor();
    await page.locator('[data-testid="case-header"] [data-testid="case-state"][data-state="LEGAL_REVIEW"]').waitFor();
    expect((await caseOf('Stadsbeheer_050')).state).toBe('LEGAL_REVIEW');
    // Only Legal decides: Communications gets no decision button, nor any other step in this state.
    expect(await page.getByTestId('case-step-recordLegalDecision').count()).toBe(0);
    expect(await page.locator('[data-testid^="case-step-"]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'console-case-sent-to-legal.png'), fullPage: true });

    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    await page.locator('li[data-action="impersonation_report.sent_to_legal"]').filter({ hasText: 'Betaallink in de berichten' }).waitFor();
    await page.locator('li[data-action="impersonation_report.triaged"]').waitFor();
  });

  it('refuses a screenshot that is no image and one that is too large, with the API\'s Dutch message; keeps a real one with its hash', async () => {
    await page.getByRole('tab', { name: 'Bewijs' }).click();
    const file = page.getByTestId('evidence-file');
    await file.setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: Buffer.from('dit is geen afbeelding, alleen tekst\n') });
    await page.getByTestId('evidence-upload').click();
    await page.getByTestId('evidence-upload-error').filter({ hasText: 'Alleen PNG- of JPEG-afbeeldingen worden aangenomen (beoordeeld op de inhoud).' }).waitFor();

    const large = Buffer.concat([PNG, Buffer.alloc(150 * 1024, 1)]);
    await file.setInputFiles({ name: 'groot.png', mimeType: 'image/png', buffer: large });
    await page.getByTestId('evidence-upload').click();
    await page.getByTestId('evidence-upload-error').filter({ hasText: 'Het bestand is te groot' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-case-upload-refused.png'), fullPage: true });
    expectRefusals(/status of 41[35]/, 2);

    await file.setInputFiles({ name: 'profiel.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('evidence-upload').click();
    await page.getByText('Schermafdruk opgeslagen').first().waitFor();
    const stored = page.locator('[data-testid="evidence-item"][data-kind="FILE"]');
    await stored.waitFor();
    expect(await stored.getByTestId('evidence-sha256').textContent()).toMatch(/^SHA-256: [0-9a-f]{64}$/);
    expect(await page.getByTestId('evidence-upload-error').count()).toBe(0);
    // Shown from the bytes fetched with the session's token.
    await stored.getByTestId('evidence-view').click();
    const image = page.getByRole('dialog').locator('img');
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click();

    // A URL with a note, as seen.
    const form = page.getByTestId('evidence-add-form');
    await form.getByLabel('Webadres').fill('https://x.com/Stadsbeheer_050/status/1');
    await form.getByLabel('Notitie').fill('Bericht met betaallink.');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText('Bewijs toegevoegd').first().waitFor();
    const url = page.locator('[data-testid="evidence-item"][data-kind="URL"]');
    await url.waitFor();
    expect(await url.textContent()).toContain('https://x.com/Stadsbeheer_050/status/1');
    expect(await url.getByRole('link').getAttribute('rel')).toContain('noopener');
    await page.screenshot({ path: join(SHOTS, 'console-case-evidence.png'), fullPage: true });
  });
});

describe('the takedown, as the legal reviewer', () => {
  it('files the takedown request, sees a step refused that another made moot, and on a stale page gets the conflict notice', async () => {
    const ggd = await caseOf('GGDGroningen_nl');
    await page.getByRole('button', { name: 'Profiel' }).click();
    await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
    await login(DEMO.legal);
    await page.goto(`${app.url}/#/ImpersonationReport/${ggd.id}/show`);

    await page.getByTestId('case-step-recordTakedownRequest').click();
    const request = page.getByTestId('case-step-form-recordTakedownRequest');
    await request.locator('input[name="platformCaseRef"]').fill('X-TD-2026-0042');
    await page.getByTestId('case-step-submit').click();
    await page.getByText('Verwijderverzoek vastgelegd').first().waitFor();
    await page.locator('[data-testid="case-header"] [data-testid="case-state"][data-state="TAKEDOWN_REQUESTED"]').waitFor();
    const filed = await caseOf('GGDGroningen_nl');
    expect(filed.state).toBe('TAKEDOWN_REQUESTED');

    // A colleague records the outcome meanwhile: this page's outcome form is refused with the API's reason.
    await app.gqlOk(
      'mutation($id: ID!, $version: Int!, $at: DateTime!) { recordTakedownOutcome(id: $id, version: $version, outcome: DENIED, decidedAt: $at) { state } }',
      { id: filed.id, version: filed.version, at: new Date().toISOString() },
      legal,
    );
    await page.getByTestId('case-step-recordTakedownOutcome').click();
    await page.getByTestId('case-step-form-recordTakedownOutcome').getByRole('radio', { name: 'Toegekend (verwijderd)' }).check();
    await page.getByTestId('case-step-submit').click();
    await page.getByTestId('case-step-error').filter({ hasText: "Een melding met status 'verwijdering geweigerd' kan niet" }).waitFor();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.reload();
    await page.locator('[data-testid="case-header"] [data-testid="case-state"][data-state="TAKEDOWN_DENIED"]').waitFor();

    // Now a step that is still possible, but on a version someone else has moved past.
    const denied = await caseOf('GGDGroningen_nl');
    await app.gqlOk('mutation($id: ID!, $version: Int!) { startImpersonationMonitoring(id: $id, version: $version) { state } }', { id: denied.id, version: denied.version }, legal);
    await page.getByTestId('case-step-close').click();
    await page.getByTestId('case-step-submit').click();
    const conflict = page.getByTestId('version-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Iemand anders heeft deze melding intussen gewijzigd');
    await page.screenshot({ path: join(SHOTS, 'console-case-conflict.png'), fullPage: true });
    await conflict.getByRole('button', { name: 'Opnieuw laden' }).click();
    await page.locator('[data-testid="case-header"] [data-testid="case-state"][data-state="MONITORING"]').waitFor();
    expect((await caseOf('GGDGroningen_nl')).state).toBe('MONITORING');
  });
});
