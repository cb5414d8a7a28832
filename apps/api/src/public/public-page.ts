import { AccountKind, displayHandle, findPlatform, type LocalizedText, PLATFORMS, PlatformStatus } from '@ggsm/domain';
import { type PublicAccountModel, VerificationStatus, type VerificationModel } from './verification.model';

// The public page, rendered on the server: plain HTML forms that work without JavaScript, no console
// bundle, one small stylesheet. Every value that reaches the page goes through esc().

export type Lang = 'nl' | 'en';

export const langOf = (value: unknown): Lang => (value === 'en' ? 'en' : 'nl');

/** HTML-escapes text for element content and double-quoted attributes. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Nothing runs on these pages; styles and form posts stay on this origin. */
export const PUBLIC_PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const T = {
  brand: { nl: 'Register sociale media · Gemeente Groningen', en: 'Social media register · Municipality of Groningen' },
  title: { nl: 'Is dit account echt van de gemeente?', en: 'Is this account really the municipality\'s?' },
  intro: {
    nl: 'Controleer of een account op sociale media een officieel account van de gemeente is. Vul de naam (handle) in en kies het platform, of plak het webadres van het profiel.',
    en: 'Check whether a social media account is an official account of the municipality. Enter the name (handle) and choose the platform, or paste the web address of the profile.',
  },
  skip: { nl: 'Naar de inhoud', en: 'Skip to content' },
  qLabel: { nl: 'Handle of webadres van het account', en: 'Handle or web address of the account' },
  qHint: { nl: 'Bijvoorbeeld @Stadsbeheer050 of https://x.com/Stadsbeheer050', en: 'For example @Stadsbeheer050 or https://x.com/Stadsbeheer050' },
  platformLabel: { nl: 'Platform', en: 'Platform' },
  platformHint: { nl: 'Niet nodig als u een webadres invult.', en: 'Not needed when you enter a web address.' },
  platformNone: { nl: 'Kies het platform', en: 'Choose the platform' },
  check: { nl: 'Controleer', en: 'Check' },
  result: { nl: 'Uitkomst', en: 'Result' },
  errorTitle: { nl: 'Dit konden we niet controleren', en: 'We could not check this' },
  name: { nl: 'Naam op het platform', en: 'Name on the platform' },
  unit: { nl: 'Onderdeel', en: 'Department' },
  kind: { nl: 'Soort account', en: 'Kind of account' },
  since: { nl: 'Officieel sinds', en: 'Official since' },
  until: { nl: 'Gebruikt tot', en: 'Used until' },
  profile: { nl: 'Profiel', en: 'Profile' },
  reportQuestion: {
    nl: 'Denkt u dat een account zich voordoet als de gemeente?',
    en: 'Do you think an account poses as the municipality?',
  },
  reportLink: { nl: 'Meld een nep-account', en: 'Report a fake account' },
  openData: { nl: 'Alle officiële accounts als open data:', en: 'All official accounts as open data:' },
  otherLang: { nl: 'English', en: 'Nederlands' },
  tooMany: { nl: 'Te veel controles', en: 'Too many checks' },
  reportTitle: { nl: 'Nep-account melden', en: 'Report a fake account' },
  reportIntro: {
    nl: 'Doet een account zich voor als de gemeente? Meld het hier. De juristen van de gemeente bekijken elke melding. U krijgt een kenmerk waarmee u naar uw melding kunt verwijzen.',
    en: 'Does an account pose as the municipality? Report it here. The lawyers of the municipality look at every report. You receive a reference for your report.',
  },
  suspectLabel: { nl: 'Handle of webadres van het nep-account', en: 'Handle or web address of the fake account' },
  displayNameLabel: { nl: 'Naam die het account toont (niet verplicht)', en: 'Name the account shows (optional)' },
  descriptionLabel: { nl: 'Wat is er aan de hand?', en: 'What is going on?' },
  descriptionHint: { nl: 'Bijvoorbeeld: het account vraagt om persoonsgegevens of betalingen.', en: 'For example: the account asks for personal data or payments.' },
  contactLegend: { nl: 'Uw gegevens (niet verplicht)', en: 'Your details (optional)' },
  contactHint: {
    nl: 'Alleen als u wilt dat we contact met u opnemen. We gebruiken ze alleen voor deze melding en maken ze nooit openbaar.',
    en: 'Only if you want us to contact you. We use them only for this report and never publish them.',
  },
  contactName: { nl: 'Uw naam', en: 'Your name' },
  contactEmail: { nl: 'Uw e-mailadres', en: 'Your e-mail address' },
  send: { nl: 'Melding versturen', en: 'Send report' },
  back: { nl: 'Terug naar de controle', en: 'Back to the check' },
  required: { nl: '(verplicht)', en: '(required)' },
  reportNotSent: { nl: 'Uw melding is nog niet verstuurd', en: 'Your report has not been sent yet' },
  tooManyReports: { nl: 'Te veel meldingen', en: 'Too many reports' },
  tooManyReportsText: { nl: 'Vanaf dit adres zijn te veel meldingen verstuurd.', en: 'Too many reports were sent from this address.' },
  receiptTitle: { nl: 'Melding ontvangen', en: 'Report received' },
  receiptThanks: { nl: 'Bedankt voor uw melding', en: 'Thank you for your report' },
  receiptReference: { nl: 'Uw kenmerk:', en: 'Your reference:' },
  receiptNew: {
    nl: 'Noteer dit kenmerk: daarmee kunt u naar uw melding verwijzen.',
    en: 'Write down this reference: you can refer to your report with it.',
  },
  receiptJoined: {
    nl: 'Dit account was al gemeld. Uw melding is toegevoegd aan die melding; het kenmerk hoort daarbij.',
    en: 'This account had been reported already. Your report was added to that report; the reference is its reference.',
  },
  receiptNext: {
    nl: 'De juristen van de gemeente bekijken elke melding. Als u uw gegevens heeft achtergelaten, nemen we zo nodig contact met u op.',
    en: 'The lawyers of the municipality look at every report. If you left your details, we contact you when needed.',
  },
} satisfies Record<string, LocalizedText>;

const KIND: Record<AccountKind, LocalizedText> = {
  ORGANISATIONAL: { nl: 'Organisatieaccount', en: 'Organisational account' },
  PERSONAL_IN_FUNCTION: { nl: 'Persoonlijk account in functie', en: 'Personal account in function' },
  ADMINISTRATOR: { nl: 'Account van een bestuurder', en: 'Account of an elected official' },
  CAMPAIGN: { nl: 'Campagneaccount', en: 'Campaign account' },
  PROJECT: { nl: 'Projectaccount', en: 'Project account' },
  DEFENSIVE: { nl: 'Vastgelegde naam (niet in gebruik)', en: 'Claimed name (not in use)' },
  INTERNAL: { nl: 'Intern account', en: 'Internal account' },
};

const DATE_FORMAT: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }),
};
const date = (value: Date | string, lang: Lang) => DATE_FORMAT[lang].format(new Date(value));

const platformName = (key: string) => findPlatform(key)?.name ?? key;

/** "de gemeente Groningen" / "the municipality of Groningen" from the root of the unit path. */
function organisation(account: PublicAccountModel, lang: Lang): string {
  const root = account.unit.path.split(' > ')[0] ?? account.unit.name;
  const m = /^gemeente\s+(.+)$/i.exec(root);
  if (!m) return root;
  return lang === 'nl' ? `de gemeente ${m[1]}` : `the municipality of ${m[1]}`;
}

function owner(account: PublicAccountModel, lang: Lang): string {
  const org = organisation(account, lang);
  const root = account.unit.path.split(' > ')[0];
  return account.unit.name === root ? esc(org) : `${esc(org)} (${esc(account.unit.name)})`;
}

const handleOn = (account: PublicAccountModel, lang: Lang) =>
  `<strong>${esc(displayHandle(account.platform, account.handle))}</strong> ${lang === 'nl' ? 'op' : 'on'} ${esc(platformName(account.platform))}`;

/** A link only to an http(s) address; anything else is shown as text. */
function link(href: string, text: string, attrs = ''): string {
  return /^https?:\/\//i.test(href) ? `<a href="${esc(href)}"${attrs}>${text}</a>` : text;
}

function details(account: PublicAccountModel, lang: Lang, until: Date | null): string {
  const rows: [LocalizedText, string][] = [
    [T.name, esc(account.displayName ?? '—')],
    [T.unit, esc(account.unit.path)],
    [T.kind, esc(KIND[account.kind]?.[lang] ?? account.kind)],
    [T.since, esc(date(account.since, lang))],
    ...(until ? ([[T.until, esc(date(until, lang))]] as [LocalizedText, string][]) : []),
    [T.profile, link(account.profileUrl, esc(account.profileUrl), ' rel="noopener noreferrer"')],
  ];
  return `<dl class="details">${rows.map(([k, v]) => `<dt>${esc(k[lang])}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function reasons(list: LocalizedText[], lang: Lang): string {
  return list.length ? ` (${list.map((r) => esc(r[lang])).join(', ')})` : '';
}

/** The answer in plain words, with the unit's name. */
export function verdict(v: VerificationModel, lang: Lang): { tone: string; html: string } {
  const asked = `<strong>${esc(displayHandle(v.platform, v.handle))}</strong> ${lang === 'nl' ? 'op' : 'on'} ${esc(platformName(v.platform))}`;
  const looksLike = v.looksLike
    .map((l) =>
      lang === 'nl'
        ? `<p>Het lijkt op het officiële ${handleOn(l.account, lang)}${reasons(l.reasons, lang)}.</p>`
        : `<p>It looks like the official ${handleOn(l.account, lang)}${reasons(l.reasons, lang)}.</p>`,
    )
    .join('');
  switch (v.status) {
    case VerificationStatus.OFFICIAL: {
      const a = v.account as PublicAccountModel;
      const text =
        lang === 'nl'
          ? `Ja, ${handleOn(a, lang)} is een officieel account van ${owner(a, lang)}.`
          : `Yes, ${handleOn(a, lang)} is an official account of ${owner(a, lang)}.`;
      return { tone: 'official', html: `<p class="verdict">${text}</p>${details(a, lang, null)}` };
    }
    case VerificationStatus.FORMER: {
      const a = v.account as PublicAccountModel;
      const until = v.formerUntil ? esc(date(v.formerUntil, lang)) : '';
      const text =
        lang === 'nl'
          ? `${handleOn(a, lang)} was een officieel account van ${owner(a, lang)}${until ? `, tot ${until}` : ''}. De gemeente gebruikt het niet meer.`
          : `${handleOn(a, lang)} was an official account of ${owner(a, lang)}${until ? ` until ${until}` : ''}. The municipality no longer uses it.`;
      return { tone: 'former', html: `<p class="verdict">${text}</p>${details(a, lang, v.formerUntil)}` };
    }
    case VerificationStatus.KNOWN_IMPERSONATOR: {
      const i = v.imitates;
      const text =
        lang === 'nl'
          ? `Let op: ${asked} is een bekend nep-account.${i ? ` Het doet zich voor als het officiële ${handleOn(i, lang)}.` : ''}`
          : `Warning: ${asked} is a known fake account.${i ? ` It poses as the official ${handleOn(i, lang)}.` : ''}`;
      return { tone: 'fake', html: `<p class="verdict">${text}</p>${i ? '' : looksLike}` };
    }
    default: {
      const text = lang === 'nl' ? `Nee, ${asked} staat niet in het register van officiële accounts.` : `No, ${asked} is not in the register of official accounts.`;
      return { tone: 'unknown', html: `<p class="verdict">${text}</p>${looksLike}` };
    }
  }
}

export interface PageError {
  message: LocalizedText;
  /** Which control the message belongs to. */
  field: 'q' | 'platform';
}

function shell(lang: Lang, title: string, switchHref: string, main: string): string {
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<link rel="icon" href="/public/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/public/public.css">
</head>
<body>
<a class="skip" href="#main">${esc(T.skip[lang])}</a>
<header class="top"><p class="brand">${esc(T.brand[lang])}</p><nav aria-label="${lang === 'nl' ? 'Taal' : 'Language'}"><a href="${esc(switchHref)}" lang="${other}" hreflang="${other}">${esc(T.otherLang[lang])}</a></nav></header>
<main id="main">
${main}
</main>
<footer><p>${esc(T.openData[lang])} <a href="/public/accounts.json">JSON</a> · <a href="/public/accounts.csv">CSV</a></p></footer>
</body>
</html>
`;
}

const query = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((e): e is [string, string] => !!e[1]);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
};

function platformOptions(selected: string | undefined, lang: Lang, noneLabel: LocalizedText): string {
  const key = selected ? findPlatform(selected)?.key : undefined;
  const options = PLATFORMS.filter((p) => p.status !== PlatformStatus.DEFUNCT || p.key === key).map(
    (p) => `<option value="${esc(p.key)}"${p.key === key ? ' selected' : ''}>${esc(p.name)}</option>`,
  );
  return `<option value="">${esc(noneLabel[lang])}</option>${options.join('')}`;
}

export interface VerifyPageInput {
  lang: Lang;
  q?: string;
  platform?: string;
  result?: VerificationModel;
  error?: PageError;
  /** Set when the address asked too often: the number of seconds to wait. */
  retryAfter?: number;
}

/** GET /public: the question, and the answer when one was asked. */
export function renderVerifyPage(input: VerifyPageInput): string {
  const { lang, q, platform, result, error } = input;
  const qError = error?.field === 'q' ? error : undefined;
  const pError = error?.field === 'platform' ? error : undefined;
  const describe = (hint: string, err?: PageError) => `aria-describedby="${hint}${err ? ` ${hint.replace('-hint', '-error')}` : ''}"${err ? ' aria-invalid="true"' : ''}`;
  const errorText = (id: string, err?: PageError) => (err ? `<p id="${id}" class="error"><span class="visually-hidden">${lang === 'nl' ? 'Fout:' : 'Error:'} </span>${esc(err.message[lang])}</p>` : '');
  const form = `
<form method="get" action="/public" class="check" role="search" aria-label="${esc(T.title[lang])}">
${lang === 'en' ? '<input type="hidden" name="lang" value="en">' : ''}
<div class="field">
<label for="q">${esc(T.qLabel[lang])}</label>
<p id="q-hint" class="hint">${esc(T.qHint[lang])}</p>
${errorText('q-error', qError)}
<input id="q" name="q" type="text" value="${esc(q ?? '')}" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="2000" ${describe('q-hint', qError)}>
</div>
<div class="field">
<label for="platform">${esc(T.platformLabel[lang])}</label>
<p id="platform-hint" class="hint">${esc(T.platformHint[lang])}</p>
${errorText('platform-error', pError)}
<select id="platform" name="platform" ${describe('platform-hint', pError)}>${platformOptions(platform, lang, T.platformNone)}</select>
</div>
<button type="submit">${esc(T.check[lang])}</button>
</form>`;
  let answer = '';
  if (input.retryAfter !== undefined) {
    const text =
      lang === 'nl'
        ? `U heeft vanaf dit adres te veel controles gedaan. Probeer het over ${input.retryAfter} seconden opnieuw.`
        : `You made too many checks from this address. Try again in ${input.retryAfter} seconds.`;
    answer = `<section class="result result-error" aria-labelledby="result-title"><h2 id="result-title">${esc(T.tooMany[lang])}</h2><p>${esc(text)}</p></section>`;
  } else if (error) {
    answer = `<section class="result result-error" aria-labelledby="result-title"><h2 id="result-title">${esc(T.errorTitle[lang])}</h2><p><a href="#${error.field}">${esc(error.message[lang])}</a></p></section>`;
  } else if (result) {
    const { tone, html } = verdict(result, lang);
    answer = `<section class="result result-${tone}" aria-labelledby="result-title"><h2 id="result-title">${esc(T.result[lang])}</h2>${html}</section>`;
  }
  const reportHref = `/public/report${query({ lang: lang === 'en' ? 'en' : undefined, platform: result?.platform, handle: result && result.status !== 'OFFICIAL' && result.status !== 'FORMER' ? result.handle : undefined })}`;
  const main = `<h1>${esc(T.title[lang])}</h1>
<p class="intro">${esc(T.intro[lang])}</p>
${answer}
${form}
<p class="report">${esc(T.reportQuestion[lang])} <a href="${esc(reportHref)}">${esc(T.reportLink[lang])}</a></p>`;
  const switchHref = `/public${query({ lang: lang === 'nl' ? 'en' : undefined, q, platform })}`;
  const title = result || error ? `${T.result[lang]}: ${q ?? ''} – ${T.title[lang]}` : T.title[lang];
  return shell(lang, title, switchHref, main);
}

/** The report form's fields: the names of the intake's arguments (ReportImpersonationArgs). */
export const REPORT_FIELDS = ['platform', 'suspectHandle', 'suspectDisplayName', 'description', 'reporterName', 'reporterEmail'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** Plain words for a field the form validation refused (the intake's generic INVALID_* messages name properties). */
export const REPORT_FIELD_HELP: Record<ReportField, LocalizedText> = {
  platform: { nl: 'Kies het platform van het account.', en: 'Choose the platform of the account.' },
  suspectHandle: { nl: 'Vul de handle of het webadres van het account in (hoogstens 300 tekens).', en: 'Enter the handle or web address of the account (at most 300 characters).' },
  suspectDisplayName: { nl: 'De naam mag hoogstens 200 tekens lang zijn.', en: 'The name may be at most 200 characters long.' },
  description: { nl: 'Beschrijf wat er aan de hand is (hoogstens 4000 tekens).', en: 'Describe what is going on (at most 4000 characters).' },
  reporterName: { nl: 'Uw naam mag hoogstens 200 tekens lang zijn.', en: 'Your name may be at most 200 characters long.' },
  reporterEmail: { nl: 'Vul een geldig e-mailadres in, of laat het veld leeg.', en: 'Enter a valid e-mail address, or leave the field empty.' },
};

export interface ReportFieldError {
  /** The form field it belongs to; undefined: the report as a whole. */
  field?: ReportField;
  message: LocalizedText;
}

export interface ReportPageInput {
  lang: Lang;
  platform?: string;
  handle?: string;
  /** What was sent, shown again after a refused post. */
  values?: Partial<Record<ReportField, string>>;
  /** Why the post was refused, per field. */
  errors?: ReportFieldError[];
  /** Set when the address sent too many reports: the number of seconds to wait. */
  retryAfter?: number;
}

/** Where the form posts: the intake, told the language of the page for its HTML answer. */
const reportAction = (lang: Lang) => `/public/reports${lang === 'en' ? '?lang=en' : ''}`;

/**
 * GET /public/report: the form for a suspected fake. It posts (urlencoded) to POST /public/reports, the
 * impersonation module's public intake (rate-limited there), which answers a browser with a receipt page
 * (renderReportReceipt) or this form again with the errors, and a script with JSON; the field names are
 * that intake's arguments (ReportImpersonationArgs).
 */
export function renderReportPage(input: ReportPageInput): string {
  const { lang } = input;
  const values: Partial<Record<ReportField, string>> = { platform: input.platform, suspectHandle: input.handle, ...input.values };
  const errors = input.errors ?? [];
  const errorOf = (field: ReportField) => errors.find((e) => e.field === field);
  const req = `<span class="req">${esc(T.required[lang])}</span>`;
  /** aria-describedby with the hint and the error, aria-invalid, and the error text, for one field. */
  const a11y = (field: ReportField, hint?: string) => {
    const err = errorOf(field);
    const ids = [hint, err ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return {
      attrs: `${ids ? ` aria-describedby="${ids}"` : ''}${err ? ' aria-invalid="true"' : ''}`,
      text: err ? `<p id="${field}-error" class="error"><span class="visually-hidden">${lang === 'nl' ? 'Fout:' : 'Error:'} </span>${esc(err.message[lang])}</p>` : '',
    };
  };
  const platform = a11y('platform');
  const suspect = a11y('suspectHandle', 'suspectHandle-hint');
  const displayName = a11y('suspectDisplayName');
  const description = a11y('description', 'description-hint');
  const name = a11y('reporterName', 'contact-hint');
  const email = a11y('reporterEmail', 'contact-hint');
  let notice = '';
  if (input.retryAfter !== undefined) {
    const wait = lang === 'nl' ? `Probeer het over ${waitText(input.retryAfter, lang)} opnieuw.` : `Try again in ${waitText(input.retryAfter, lang)}.`;
    notice = `<section class="result result-error" role="alert" aria-labelledby="result-title"><h2 id="result-title">${esc(T.tooManyReports[lang])}</h2><p>${esc(T.tooManyReportsText[lang])} ${esc(wait)}</p></section>`;
  } else if (errors.length) {
    const items = errors
      .map((e) => `<li>${e.field ? `<a href="#${e.field}">${esc(e.message[lang])}</a>` : esc(e.message[lang])}</li>`)
      .join('');
    notice = `<section class="result result-error" role="alert" aria-labelledby="result-title"><h2 id="result-title">${esc(T.reportNotSent[lang])}</h2><ul>${items}</ul></section>`;
  }
  const main = `<h1>${esc(T.reportTitle[lang])}</h1>
<p class="intro">${esc(T.reportIntro[lang])}</p>
${notice}
<form method="post" action="${reportAction(lang)}" class="report-form">
<div class="field">
<label for="platform">${esc(T.platformLabel[lang])} ${req}</label>
${platform.text}
<select id="platform" name="platform" required${platform.attrs}>${platformOptions(values.platform, lang, T.platformNone)}</select>
</div>
<div class="field">
<label for="suspectHandle">${esc(T.suspectLabel[lang])} ${req}</label>
<p id="suspectHandle-hint" class="hint">${esc(T.qHint[lang])}</p>
${suspect.text}
<input id="suspectHandle" name="suspectHandle" type="text" value="${esc(values.suspectHandle ?? '')}" required maxlength="300" autocomplete="off" autocapitalize="off" spellcheck="false"${suspect.attrs}>
</div>
<div class="field">
<label for="suspectDisplayName">${esc(T.displayNameLabel[lang])}</label>
${displayName.text}
<input id="suspectDisplayName" name="suspectDisplayName" type="text" value="${esc(values.suspectDisplayName ?? '')}" maxlength="200" autocomplete="off"${displayName.attrs}>
</div>
<div class="field">
<label for="description">${esc(T.descriptionLabel[lang])} ${req}</label>
<p id="description-hint" class="hint">${esc(T.descriptionHint[lang])}</p>
${description.text}
<textarea id="description" name="description" rows="5" required maxlength="4000"${description.attrs}>${esc(values.description ?? '')}</textarea>
</div>
<fieldset>
<legend>${esc(T.contactLegend[lang])}</legend>
<p id="contact-hint" class="hint">${esc(T.contactHint[lang])}</p>
<div class="field">
<label for="reporterName">${esc(T.contactName[lang])}</label>
${name.text}
<input id="reporterName" name="reporterName" type="text" value="${esc(values.reporterName ?? '')}" maxlength="200" autocomplete="name"${name.attrs}>
</div>
<div class="field">
<label for="reporterEmail">${esc(T.contactEmail[lang])}</label>
${email.text}
<input id="reporterEmail" name="reporterEmail" type="email" value="${esc(values.reporterEmail ?? '')}" maxlength="254" autocomplete="email"${email.attrs}>
</div>
</fieldset>
<button type="submit">${esc(T.send[lang])}</button>
</form>
<p><a href="/public${lang === 'en' ? '?lang=en' : ''}">${esc(T.back[lang])}</a></p>`;
  const switchHref = `/public/report${query({ lang: lang === 'nl' ? 'en' : undefined, platform: values.platform, handle: values.suspectHandle })}`;
  const title = `${notice ? `${lang === 'nl' ? 'Fout' : 'Error'}: ` : ''}${T.reportTitle[lang]} – ${T.title[lang]}`;
  return shell(lang, title, switchHref, main);
}

function waitText(seconds: number, lang: Lang): string {
  if (seconds < 90) return lang === 'nl' ? `${seconds} seconden` : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return lang === 'nl' ? `${minutes} minuten` : `${minutes} minutes`;
}

export interface ReportReceiptInput {
  lang: Lang;
  reference: string;
  /** The suspect was reported before: this report joined that open case. */
  joined: boolean;
}

/** The answer to a report sent with the form (POST /public/reports from a browser): the reference, and what happens next. */
export function renderReportReceipt(input: ReportReceiptInput): string {
  const { lang, reference, joined } = input;
  const main = `<h1>${esc(T.receiptTitle[lang])}</h1>
<section class="result result-official" aria-labelledby="receipt-title">
<h2 id="receipt-title">${esc(T.receiptThanks[lang])}</h2>
<p class="verdict">${esc(T.receiptReference[lang])} <strong class="reference">${esc(reference)}</strong></p>
<p>${esc((joined ? T.receiptJoined : T.receiptNew)[lang])}</p>
</section>
<p>${esc(T.receiptNext[lang])}</p>
<p><a href="/public${lang === 'en' ? '?lang=en' : ''}">${esc(T.back[lang])}</a></p>`;
  // The other language's form: the receipt itself cannot be fetched again.
  return shell(lang, `${T.receiptTitle[lang]} ${reference} – ${T.title[lang]}`, `/public/report${lang === 'nl' ? '?lang=en' : ''}`, main);
}

/** GET /public/rel-me.html: the links the municipal website embeds so Mastodon and others show the accounts as verified. */
export function renderRelMe(accounts: readonly PublicAccountModel[]): string {
  const items = accounts
    .filter((a) => /^https?:\/\//i.test(a.profileUrl))
    .map((a) => `<li><a rel="me" href="${esc(a.profileUrl)}">${esc(a.platformName)}: ${esc(displayHandle(a.platform, a.handle))}</a></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Officiële accounts van de gemeente</title></head>
<body>
<ul class="ggsm-official-accounts">
${items}
</ul>
</body>
</html>
`;
}

/** A plain mark in the municipality's red, so browsers do not ask for /favicon.ico. */
export const PUBLIC_FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#c00000"/><path d="M9 16h14M16 9v14" stroke="#fff" stroke-width="4"/></svg>';

/** The one stylesheet: system fonts, contrast at least 4.5:1, a visible focus ring. */
export const PUBLIC_CSS = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff}
body{margin:0 auto;max-width:44rem;padding:0 1rem 2rem}
a{color:#0b4a8b;text-decoration:underline}
a:hover{color:#062f59}
:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:1rem}
.top{display:flex;justify-content:space-between;align-items:center;gap:1rem;border-bottom:4px solid #c00000;padding:.75rem 0;margin-bottom:1rem}
.brand{margin:0;font-weight:600}
h1{font-size:1.75rem;line-height:1.25;margin:1rem 0 .5rem}
h2{font-size:1.25rem;margin:0 0 .5rem}
.intro{margin-top:0}
.field{margin:1rem 0}
label{display:block;font-weight:600}
.hint{margin:.125rem 0 .25rem;color:#454545}
.req{font-weight:400;color:#454545}
input[type=text],input[type=email],select,textarea{display:block;width:100%;font:inherit;color:#1b1b1b;background:#fff;padding:.5rem;border:2px solid #595959;border-radius:4px}
input[aria-invalid=true],select[aria-invalid=true]{border-color:#a30000}
button{font:inherit;font-weight:600;color:#fff;background:#0b4a8b;border:2px solid #0b4a8b;border-radius:4px;padding:.5rem 1.25rem;cursor:pointer}
button:hover{background:#062f59}
.error{color:#a30000;font-weight:600;margin:.25rem 0}
.result{border-left:8px solid #595959;background:#f3f3f3;padding:1rem;margin:1.5rem 0}
.result-official{border-color:#1e6b30;background:#eef7f0}
.result-former{border-color:#6b5a00;background:#faf6e6}
.result-fake,.result-error{border-color:#a30000;background:#fdf0f0}
.result-unknown{border-color:#8a4b00;background:#fdf4ea}
.verdict{font-size:1.125rem;margin-top:0}
fieldset{border:1px solid #595959;border-radius:4px;margin:1rem 0;padding:0 1rem}
legend{font-weight:600;padding:0 .25rem}
.details{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
.details dt{font-weight:600}
.details dd{margin:0;overflow-wrap:anywhere}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{border-top:1px solid #595959;margin-top:2rem;padding-top:.5rem}
`;
