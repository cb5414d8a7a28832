import { parse } from 'tldts';
import { DomainError, ErrorCode } from './errors';
import type { LocalizedText, Violation } from './errors';
import { normalizeHandle, parseHandleInput } from './handles';

// ---------------------------------------------------------------------------------------------
// Kinds and purposes

export const ClaimedUrlKind = {
  /** A registrable domain (`groningen.nl`, `groningen.github.io`). */
  DOMAIN: 'DOMAIN',
  /** A host below a registrable domain (`mijnwijk.groningen.nl`). */
  SUBDOMAIN: 'SUBDOMAIN',
  /** A page or section on a host (`groningen.nl/afval`). */
  URL: 'URL',
  /** A profile address on a social platform (`facebook.com/Milieudienst050`). */
  PLATFORM_VANITY: 'PLATFORM_VANITY',
} as const;
export type ClaimedUrlKind = (typeof ClaimedUrlKind)[keyof typeof ClaimedUrlKind];
export const CLAIMED_URL_KINDS = Object.values(ClaimedUrlKind);

export const ClaimedUrlPurpose = {
  PRIMARY: 'PRIMARY',
  CAMPAIGN: 'CAMPAIGN',
  REDIRECT: 'REDIRECT',
  /** Held only so nobody else can (typo and lookalike domains). */
  DEFENSIVE: 'DEFENSIVE',
} as const;
export type ClaimedUrlPurpose = (typeof ClaimedUrlPurpose)[keyof typeof ClaimedUrlPurpose];
export const CLAIMED_URL_PURPOSES = Object.values(ClaimedUrlPurpose);

/**
 * Whether we hold a claim now. Nothing is deleted (Archiefwet): a claim we no longer hold keeps its
 * record and history. Only ACTIVE claims get expiry warnings and count as "ours" (checklist, lookalikes).
 */
export const ClaimedUrlStatus = {
  ACTIVE: 'ACTIVE',
  /** The registration ran out without renewal. */
  LAPSED: 'LAPSED',
  /** Let go on purpose (campaign over, handed to a partner). */
  RELEASED: 'RELEASED',
} as const;
export type ClaimedUrlStatus = (typeof ClaimedUrlStatus)[keyof typeof ClaimedUrlStatus];
export const CLAIMED_URL_STATUSES = Object.values(ClaimedUrlStatus);

// ---------------------------------------------------------------------------------------------
// Punycode (RFC 3492), decoding only: the WHATWG `URL` parser already converts to ASCII in Node and
// in browsers, but nothing built into both converts back for display (`node:url` is Node-only and the
// npm `punycode` package is shadowed by Node's deprecated core module of the same name).

const PUNY_BASE = 36;
const PUNY_TMIN = 1;
const PUNY_TMAX = 26;
const PUNY_SKEW = 38;
const PUNY_DAMP = 700;
const PUNY_INITIAL_BIAS = 72;
const PUNY_INITIAL_N = 128;
const MAX_CODE_POINT = 0x10ffff;

function punyAdapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / PUNY_DAMP) : Math.floor(delta / 2);
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((PUNY_BASE - PUNY_TMIN) * PUNY_TMAX) / 2) {
    d = Math.floor(d / (PUNY_BASE - PUNY_TMIN));
    k += PUNY_BASE;
  }
  return k + Math.floor(((PUNY_BASE - PUNY_TMIN + 1) * d) / (d + PUNY_SKEW));
}

function punyDigit(char: string): number {
  const c = char.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 26;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  return PUNY_BASE;
}

/** Decodes one Punycode string (the part after `xn--`); null when it is not valid Punycode. */
export function decodePunycode(input: string): string | null {
  const delimiter = input.lastIndexOf('-');
  const output: number[] = [];
  for (let j = 0; j < Math.max(delimiter, 0); j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = PUNY_INITIAL_N;
  let bias = PUNY_INITIAL_BIAS;
  let i = 0;
  let pos = delimiter > 0 ? delimiter + 1 : 0;
  while (pos < input.length) {
    const oldI = i;
    let w = 1;
    for (let k = PUNY_BASE; ; k += PUNY_BASE) {
      if (pos >= input.length) return null;
      const digit = punyDigit(input[pos++] as string);
      if (digit >= PUNY_BASE) return null;
      i += digit * w;
      if (i > Number.MAX_SAFE_INTEGER) return null;
      const t = k <= bias ? PUNY_TMIN : k >= bias + PUNY_TMAX ? PUNY_TMAX : k - bias;
      if (digit < t) break;
      w *= PUNY_BASE - t;
    }
    const points = output.length + 1;
    bias = punyAdapt(i - oldI, points, oldI === 0);
    n += Math.floor(i / points);
    i %= points;
    if (n > MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** A host name for display: `xn--` labels in Unicode; labels that do not decode stay as they are. */
export function hostToUnicode(host: string): string {
  return host
    .split('.')
    .map((label) => {
      if (!label.toLowerCase().startsWith('xn--')) return label;
      return decodePunycode(label.slice(4)) ?? label;
    })
    .join('.');
}

/**
 * A host name in ASCII (IDNA: `bücher.de` → `xn--bcher-kva.de`, full-width and upper case folded),
 * through the WHATWG URL parser that Node and browsers share. Null when it is not a host name.
 */
export function hostToAscii(host: string): string | null {
  const text = host.trim();
  if (text.length === 0 || /[\s/?#@\\:[\]]/.test(text)) return null;
  try {
    return new URL(`https://${text}`).hostname;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Host analysis

// Pasted addresses often carry invisible characters from word processors and chat apps.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Claims follow the public suffix list including its private section: `groningen.github.io` is the
 * registrable domain, because GitHub, not we, holds `github.io`. Without private suffixes every
 * `*.github.io` link would count as ours and `github.io` itself could be claimed.
 */
const PSL_OPTIONS = { allowPrivateDomains: true, extractHostname: false, detectIp: true } as const;

/** The labels of `host` are LDH host-name labels (RFC 1035/5890 A-labels included) and fit in DNS. */
export function isValidAsciiHostname(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  return host.split('.').every((label) => LABEL.test(label) && (!label.startsWith('xn--') || decodePunycode(label.slice(4)) !== null));
}

interface HostInfo {
  /** ASCII host, lower case, without trailing dot or leading `www.`. */
  host: string;
  registrableDomain: string;
  publicSuffix: string;
  isPrivateSuffix: boolean;
}

type HostProblem = 'INVALID' | 'IP_ADDRESS' | 'PUBLIC_SUFFIX' | 'UNKNOWN_SUFFIX';

function analyseHost(rawHost: string): HostInfo | HostProblem {
  if (rawHost.startsWith('[')) return 'IP_ADDRESS';
  const host = rawHost.toLowerCase().replace(/\.$/, '');
  const info = parse(host, PSL_OPTIONS);
  if (info.isIp) return 'IP_ADDRESS';
  if (!isValidAsciiHostname(host)) return 'INVALID';
  if (!info.publicSuffix || (!info.isIcann && !info.isPrivate)) return 'UNKNOWN_SUFFIX';
  if (!info.domain) return 'PUBLIC_SUFFIX';
  // `www.` is the domain's own web site, not a separate claim.
  const bare = host.startsWith('www.') && host !== info.domain ? host.slice(4) : host;
  return { host: bare, registrableDomain: info.domain, publicSuffix: info.publicSuffix, isPrivateSuffix: info.isPrivate === true };
}

// ---------------------------------------------------------------------------------------------
// Errors

const TEXT: Record<string, (detail: string) => LocalizedText> = {
  URL_EMPTY: () => ({ nl: 'Vul een domeinnaam of webadres in.', en: 'Enter a domain name or web address.' }),
  URL_INVALID: (d) => ({ nl: `"${d}" is geen geldige domeinnaam of webadres.`, en: `"${d}" is not a valid domain name or web address.` }),
  URL_UNSUPPORTED_SCHEME: (d) => ({
    nl: `Alleen http- en https-adressen kunnen worden vastgelegd, niet "${d}:".`,
    en: `Only http and https addresses can be claimed, not "${d}:".`,
  }),
  URL_IP_ADDRESS: (d) => ({
    nl: `"${d}" is een IP-adres; leg een domeinnaam vast.`,
    en: `"${d}" is an IP address; claim a domain name instead.`,
  }),
  URL_PUBLIC_SUFFIX: (d) => ({
    nl: `"${d}" is een publieke extensie (zoals .nl of co.uk) die niemand kan bezitten; vul de hele domeinnaam in.`,
    en: `"${d}" is a public suffix (such as .nl or co.uk) that nobody can hold; enter the full domain name.`,
  }),
  URL_UNKNOWN_SUFFIX: (d) => ({
    nl: `"${d}" eindigt niet op een bekende extensie (zoals .nl of .com).`,
    en: `"${d}" does not end in a known suffix (such as .nl or .com).`,
  }),
  URL_KIND_UNKNOWN: (d) => ({ nl: `Onbekende soort "${d}".`, en: `Unknown kind "${d}".` }),
};

function refuse(code: keyof typeof TEXT, detail = '', field = 'value'): never {
  const message = (TEXT[code] as (d: string) => LocalizedText)(detail);
  throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field, code, message }]);
}

const KIND_NAMES: Record<ClaimedUrlKind, LocalizedText> = {
  DOMAIN: { nl: 'een domeinnaam', en: 'a domain' },
  SUBDOMAIN: { nl: 'een subdomein', en: 'a subdomain' },
  URL: { nl: 'een webadres met pad', en: 'a URL with a path' },
  PLATFORM_VANITY: { nl: 'een profieladres op een platform', en: 'a profile address on a platform' },
};

function kindMismatch(given: ClaimedUrlKind, detected: ClaimedUrlKind, shown: string): never {
  const g = KIND_NAMES[given];
  const d = KIND_NAMES[detected];
  const message: LocalizedText = {
    nl: `"${shown}" is ${d.nl}, niet ${g.nl}; kies de soort ${detected}.`,
    en: `"${shown}" is ${d.en}, not ${g.en}; choose kind ${detected}.`,
  };
  const violation: Violation = { field: 'kind', code: 'URL_KIND_MISMATCH', message };
  throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [violation]);
}

// ---------------------------------------------------------------------------------------------
// Normalisation

export interface NormalizedClaimedUrl {
  kind: ClaimedUrlKind;
  /** As entered, trimmed. */
  value: string;
  /**
   * The uniqueness key. DOMAIN: the registrable domain; SUBDOMAIN: the host; URL: host + path
   * (no scheme, query, fragment or trailing slash); PLATFORM_VANITY: `platformKey:normalisedHandle`.
   * Hosts are ASCII, lower case, without port, trailing dot or leading `www.`.
   */
  normalized: string;
  /** `normalized` with the host in Unicode, for display. */
  normalizedUnicode: string;
  host: string;
  hostUnicode: string;
  registrableDomain: string;
  registrableDomainUnicode: string;
  publicSuffix: string;
  /** The public suffix is from the list's private section (`github.io`, `blogspot.com`). */
  isPrivateSuffix: boolean;
  /** URL only: the path as normalised, starting with `/`. */
  path?: string;
  /** PLATFORM_VANITY only. */
  platform?: string;
  /** PLATFORM_VANITY only: the handle as the platform compares it (see `normalizeHandle`). */
  handle?: string;
}

function toClaimUrl(text: string): URL {
  const scheme = SCHEME.exec(text);
  let withScheme = text;
  if (scheme) {
    const name = (scheme[1] as string).toLowerCase();
    if (name !== 'http' && name !== 'https') refuse('URL_UNSUPPORTED_SCHEME', name);
  } else {
    withScheme = `https://${text.replace(/^\/\//, '')}`;
  }
  try {
    const url = new URL(withScheme);
    if (url.hostname.length === 0) refuse('URL_INVALID', text);
    return url;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    return refuse('URL_INVALID', text);
  }
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** RFC 3986 §6.2.2: upper-case percent escapes, decode unreserved ones, drop trailing slashes. Case is kept: paths are case-sensitive. */
function normalizePath(pathname: string): string {
  const path = pathname.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  return path.replace(/\/+$/, '');
}

function parseKind(kind: string | null | undefined): ClaimedUrlKind | undefined {
  if (kind === undefined || kind === null || kind === '') return undefined;
  if ((CLAIMED_URL_KINDS as readonly string[]).includes(kind)) return kind as ClaimedUrlKind;
  return refuse('URL_KIND_UNKNOWN', kind, 'kind');
}

/**
 * Normalises a claimed domain, subdomain, URL or profile address and detects its kind when none
 * is given. A given kind must fit the value (a DOMAIN claim may carry a path, which is dropped;
 * a URL claim needs one). Profile addresses of known platforms are always PLATFORM_VANITY, so the
 * same account cannot be claimed twice under different kinds. Throws BAD_USER_INPUT otherwise.
 */
export function normalizeClaimedUrl(value: string, kind?: ClaimedUrlKind | string | null): NormalizedClaimedUrl {
  const given = parseKind(kind);
  const text = (value ?? '').replace(INVISIBLE, '').trim();
  if (text.length === 0) refuse('URL_EMPTY');
  if (/\s/.test(text)) refuse('URL_INVALID', text);
  const url = toClaimUrl(text);
  const analysed = analyseHost(url.hostname);
  if (typeof analysed === 'string') refuse(`URL_${analysed}`, url.hostname.replace(/\.$/, ''));
  const { host, registrableDomain, publicSuffix, isPrivateSuffix } = analysed;
  const base = {
    value: text,
    host,
    hostUnicode: hostToUnicode(host),
    registrableDomain,
    registrableDomainUnicode: hostToUnicode(registrableDomain),
    publicSuffix,
    isPrivateSuffix,
  };

  const profile = parseHandleInput(undefined, text);
  if (profile) {
    if (given && given !== ClaimedUrlKind.PLATFORM_VANITY) kindMismatch(given, ClaimedUrlKind.PLATFORM_VANITY, text);
    const handle = normalizeHandle(profile.platform, profile.handle);
    const normalized = `${profile.platform}:${handle}`;
    return { ...base, kind: ClaimedUrlKind.PLATFORM_VANITY, normalized, normalizedUnicode: normalized, platform: profile.platform, handle };
  }

  const path = normalizePath(url.pathname);
  const detected: ClaimedUrlKind = path ? ClaimedUrlKind.URL : host === registrableDomain ? ClaimedUrlKind.DOMAIN : ClaimedUrlKind.SUBDOMAIN;
  const hostKind = host === registrableDomain ? ClaimedUrlKind.DOMAIN : ClaimedUrlKind.SUBDOMAIN;
  const kindOf = given ?? detected;
  switch (kindOf) {
    case ClaimedUrlKind.PLATFORM_VANITY:
      return kindMismatch(kindOf, detected, text);
    case ClaimedUrlKind.URL:
      if (!path) kindMismatch(kindOf, hostKind, text);
      return { ...base, kind: kindOf, normalized: host + path, normalizedUnicode: base.hostUnicode + path, path };
    case ClaimedUrlKind.DOMAIN:
    case ClaimedUrlKind.SUBDOMAIN:
      if (kindOf !== hostKind) kindMismatch(kindOf, hostKind, host);
      return { ...base, kind: kindOf, normalized: host, normalizedUnicode: base.hostUnicode };
  }
}

// ---------------------------------------------------------------------------------------------
// Domains mentioned in a text (bio, website field)

/** The registrable domain (ASCII) of one URL or host name; null when it has none. Never throws. */
export function domainOfUrl(text: string): string | null {
  return hostOf(text)?.registrableDomain ?? null;
}

function hostOf(text: string): HostInfo | null {
  const clean = text.replace(INVISIBLE, '').trim();
  if (clean.length === 0 || /\s/.test(clean)) return null;
  const scheme = SCHEME.exec(clean);
  if (scheme && !/^https?$/i.test(scheme[1] as string)) return null;
  try {
    const url = new URL(scheme ? clean : `https://${clean.replace(/^\/\//, '')}`);
    const info = analyseHost(url.hostname);
    return typeof info === 'string' ? null : info;
  } catch {
    return null;
  }
}

// Separators around links in free text: brackets, quotes, pipes, list bullets.
const TOKEN_SPLIT = /[\s<>()[\]{}"'`|«»“”‘’,;]+/;
const TRAILING_PUNCTUATION = /[.,:;!?…]+$/;

/**
 * The hosts of all links in a text, in order of appearance, each once: `https://…` links and bare
 * names such as `groningen.nl/afval` or `www.groningen.nl`. E-mail addresses and `@handles` are no links.
 * Bare words only count when they end in a known public suffix, so "Dhr. Jansen" is no link.
 */
export function linkedHostsInText(text: string): string[] {
  const hosts: string[] = [];
  for (const raw of (text ?? '').replace(INVISIBLE, '').split(TOKEN_SPLIT)) {
    const token = raw.replace(TRAILING_PUNCTUATION, '');
    if (!token.includes('.')) continue;
    const scheme = SCHEME.exec(token);
    if (!scheme && token.includes('@')) continue;
    const info = hostOf(token);
    if (info && !hosts.includes(info.host)) hosts.push(info.host);
  }
  return hosts;
}

/** The registrable domains (ASCII) of all links in a text, in order of appearance, each once. */
export function domainsInText(text: string): string[] {
  const domains: string[] = [];
  for (const host of linkedHostsInText(text)) {
    const domain = domainOfUrl(host);
    if (domain && !domains.includes(domain)) domains.push(domain);
  }
  return domains;
}

/**
 * Which of our claimed domains and subdomains a text links to (the checklist item "bio or website
 * links to a domain we have claimed"). A link to `mijnwijk.groningen.nl` matches a claim on
 * `groningen.nl` as well as one on `mijnwijk.groningen.nl`; a link to `groningen.nl.evil.example`
 * matches nothing. Claims may be given in Unicode or ASCII; the answer is in ASCII, in the
 * order the links appear.
 */
export function claimedDomainsIn(text: string, claimedDomains: Iterable<string>): string[] {
  const claimed = new Set<string>();
  for (const c of claimedDomains) {
    const info = hostOf(c);
    if (info) claimed.add(info.host);
  }
  const found: string[] = [];
  for (const host of linkedHostsInText(text)) {
    const labels = host.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const candidate = labels.slice(i).join('.');
      if (claimed.has(candidate) && !found.includes(candidate)) found.push(candidate);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Expiry watch

export const ExpiryState = {
  OK: 'OK',
  EXPIRING: 'EXPIRING',
  EXPIRED: 'EXPIRED',
} as const;
export type ExpiryState = (typeof ExpiryState)[keyof typeof ExpiryState];
export const EXPIRY_STATES = Object.values(ExpiryState);

/** Days before expiry at which a warning goes out, largest first. */
export const EXPIRY_WARNING_DAYS = [90, 60, 30, 14, 7] as const;
export type ExpiryWarningDays = (typeof EXPIRY_WARNING_DAYS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / DAY_MS;
}

function toDate(value: Date | string, field: string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    const message = { nl: `Ongeldige datum "${String(value)}".`, en: `Invalid date "${String(value)}".` };
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field, code: 'DATE_INVALID', message }]);
  }
  return date;
}

/**
 * Whole calendar days (UTC) from `now` to the expiry date: 0 on the expiry day itself, negative after.
 * A registration runs through its expiry date, so that day still counts as "expires today".
 */
export function daysUntilExpiry(expiresAt: Date | string | null | undefined, now: Date = new Date()): number | null {
  if (expiresAt === null || expiresAt === undefined || expiresAt === '') return null;
  return utcDay(toDate(expiresAt, 'expiresAt')) - utcDay(toDate(now, 'now'));
}

/** OK, EXPIRING (90 days or fewer left, the expiry day included), EXPIRED (the day after), or null without a date. */
export function expiryState(expiresAt: Date | string | null | undefined, now: Date = new Date()): ExpiryState | null {
  const days = daysUntilExpiry(expiresAt, now);
  if (days === null) return null;
  if (days < 0) return ExpiryState.EXPIRED;
  return days <= (EXPIRY_WARNING_DAYS[0] as number) ? ExpiryState.EXPIRING : ExpiryState.OK;
}

/**
 * The warning step that applies now: the smallest threshold at or above the days left (45 days
 * left → 60). Null when there is no date, more than 90 days are left, or it has expired. A job that
 * remembers the last step it sent warns once per step even when it misses a day.
 */
export function expiryWarningThreshold(expiresAt: Date | string | null | undefined, now: Date = new Date()): ExpiryWarningDays | null {
  const days = daysUntilExpiry(expiresAt, now);
  if (days === null || days < 0) return null;
  let match: ExpiryWarningDays | null = null;
  for (const threshold of EXPIRY_WARNING_DAYS) {
    if (threshold >= days) match = threshold;
  }
  return match;
}
