import { type PgClient, type RunningApp, STACK_TRACE, connectAsSuperuser, rawRequest, startApp } from '@ggsm/testing';

// The public report form (GET /public/report) posts to POST /public/reports. A browser that posts it (it
// asks for text/html first) gets an HTML receipt with the reference, or the form again with the errors
// beside their fields, or a page that says to wait (429); scripts keep the JSON answer. Same intake, same
// rate limit.

let app: RunningApp;
let db: PgClient;
let address = 0;
/** Each test its own client address: the report limit counts per address. */
const freshIp = () => `198.51.100.${++address}`;

/** What Chromium sends with a form post. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

const form = (fields: Record<string, string>) =>
  new URLSearchParams({ platform: 'x', suspectHandle: '', suspectDisplayName: '', description: '', reporterName: '', reporterEmail: '', ...fields }).toString();

function postForm(target: RunningApp, fields: Record<string, string>, options: { lang?: 'en'; accept?: string; ip?: string } = {}) {
  return rawRequest(target, `/public/reports${options.lang ? '?lang=en' : ''}`, {
    body: form(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: options.accept ?? BROWSER_ACCEPT, 'x-forwarded-for': options.ip ?? freshIp() },
  });
}

const reports = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM impersonation_report')).rows[0].n;

beforeAll(async () => {
  app = await startApp();
  db = await connectAsSuperuser(app.dataDir);
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('a browser posting the report form gets HTML', () => {
  it('the form posts to the intake, in the language of the page', async () => {
    expect((await rawRequest(app, '/public/report', { method: 'GET' })).text).toContain('<form method="post" action="/public/reports" class="report-form">');
    expect((await rawRequest(app, '/public/report?lang=en', { method: 'GET' })).text).toContain('<form method="post" action="/public/reports?lang=en" class="report-form">');
  });

  it('a receipt page in Dutch with the reference, stored as a PUBLIC report', async () => {
    const r = await postForm(app, { suspectHandle: 'Stadsbeheer_O5O', description: 'Vraagt om betalingen voor parkeervergunningen.' });
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(r.headers.get('cache-control')).toBe('no-store');
    const reference = /<strong class="reference">(IMP-\d{4}-\d{4})<\/strong>/.exec(r.text)?.[1];
    expect(reference).toBeDefined();
    expect(r.text).toContain('<html lang="nl">');
    expect(r.text).toContain('<h1>Melding ontvangen</h1>');
    expect(r.text).toContain('Uw kenmerk:');
    expect(r.text).toMatch(new RegExp(`<title>Melding ontvangen ${reference}`));
    const { rows } = await db.query<{ source: string; suspect_handle: string }>('SELECT source, suspect_handle FROM impersonation_report WHERE reference = $1', [reference]);
    expect(rows).toEqual([{ source: 'PUBLIC', suspect_handle: 'Stadsbeheer_O5O' }]);

    // The same suspect again joins the open case: the same reference, and the receipt says so.
    const again = await postForm(app, { suspectHandle: '@stadsbeheer_o5o', description: 'Ook gezien.' });
    expect(again.status).toBe(201);
    expect(again.text).toContain(`<strong class="reference">${reference}</strong>`);
    expect(again.text).toContain('Dit account was al gemeld.');
  });

  it('in English when the form was the English one', async () => {
    const r = await postForm(app, { suspectHandle: 'GGDGroningen_nl', description: 'Asks for personal data.' }, { lang: 'en' });
    expect(r.status).toBe(201);
    expect(r.text).toContain('<html lang="en">');
    expect(r.text).toContain('<h1>Report received</h1>');
    expect(r.text).toMatch(/Your reference: <strong class="reference">IMP-\d{4}-\d{4}<\/strong>/);
  });

  it('bad input: 400, the form again with what was sent and each error beside its field; nothing stored', async () => {
    const before = await reports();
    const r = await postForm(app, { suspectHandle: '"><script>alert(1)</script>', description: '   ', reporterEmail: 'geen-adres' });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).not.toMatch(STACK_TRACE);
    expect(r.text).toContain('<title>Fout: Nep-account melden');
    expect(r.text).toMatch(/<section class="result result-error" role="alert"[^>]*><h2 id="result-title">Uw melding is nog niet verstuurd<\/h2><ul><li><a href="#/);
    // Each refused field is marked and described by its message.
    for (const field of ['description', 'reporterEmail']) {
      expect(r.text).toContain(`<p id="${field}-error" class="error">`);
      expect(r.text).toMatch(new RegExp(`id="${field}"[^>]*aria-describedby="[^"]*${field}-error"[^>]*aria-invalid="true"`));
    }
    // In plain words, not the names of properties.
    expect(r.text).toContain('Beschrijf wat er aan de hand is');
    expect(r.text).toContain('Vul een geldig e-mailadres in, of laat het veld leeg.');
    expect(r.text).not.toContain('must not be blank');
    // What was sent comes back, escaped.
    expect(r.text).toContain('value="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
    expect(r.text).not.toContain('<script>');
    expect(r.text).toContain('value="geen-adres"');
    expect(await reports()).toBe(before);
  });

  it("the intake's own refusal (no handle) is named beside the handle field, the platform kept", async () => {
    const r = await postForm(app, { suspectHandle: '', description: 'Nep.' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('<p id="suspectHandle-error" class="error">');
    expect(r.text).toContain('<option value="x" selected>');
  });
});

describe('scripts keep JSON', () => {
  it('JSON in, JSON out', async () => {
    const r = await rawRequest(app, '/public/reports', { body: { platform: 'x', suspectHandle: 'Milieudienst_05O', description: 'Nep.' }, headers: { 'x-forwarded-for': freshIp() } });
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.json).toEqual({ reference: expect.stringMatching(/^IMP-\d{4}-\d{4}$/), joined: false });
  });

  it('urlencoded without a preference for HTML (Accept */* or JSON): JSON, also for errors', async () => {
    const ok = await postForm(app, { suspectHandle: 'Oosterpoort_05O', description: 'Nep.' }, { accept: '*/*' });
    expect([ok.status, ok.json?.reference]).toEqual([201, expect.stringMatching(/^IMP-/)]);
    const bad = await postForm(app, { suspectHandle: 'Oosterpoort_05O', description: '' }, { accept: 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('BAD_USER_INPUT');
    expect(bad.json.error.violations.map((v: { field: string }) => v.field)).toContain('description');
  });
});

describe('the report limit answers a browser with a page', () => {
  let limited: RunningApp;
  beforeAll(async () => {
    limited = await startApp({ env: { GGSM_REPORT_RATE_POINTS: '1', GGSM_REPORT_RATE_WINDOW_SECONDS: '600' } });
  });
  afterAll(() => limited?.stop());

  it('429 with Retry-After and the wait in words, the form kept; JSON clients get TOO_MANY_REQUESTS', async () => {
    const ip = '203.0.113.77';
    expect((await postForm(limited, { suspectHandle: 'Nep_Groningen', description: 'Nep.' }, { ip })).status).toBe(201);
    const r = await postForm(limited, { suspectHandle: 'Nep_Groningen2', description: 'Nog een.' }, { ip });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toContain('Te veel meldingen');
    expect(r.text).toMatch(/Probeer het over \d+ (seconden|minuten) opnieuw\./);
    expect(r.text).toContain('value="Nep_Groningen2"');
    const json = await postForm(limited, { suspectHandle: 'Nep_Groningen3', description: 'Nog een.' }, { ip, accept: '*/*' });
    expect([json.status, json.json?.error?.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
  });
});
