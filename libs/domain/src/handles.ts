import { DomainError, ErrorCode } from './errors';
import type { LocalizedText, Violation } from './errors';
import { findPlatform, PLATFORMS } from './platforms';
import type { HandleSyntax, PlatformDefinition, UrlPattern } from './platforms';

export interface ParsedHandle {
  platform: string;
  handle: string;
}

export interface ValidateHandleOptions {
  /** The account predates the platform's current naming rules (X: names shorter than 4, reserved words). */
  legacy?: boolean;
}

// Pasted handles often carry invisible characters from word processors and chat apps.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Trims, removes invisible characters and a leading `@` (not the `@` inside `user@instance`). */
export function cleanHandleInput(raw: string): string {
  return raw.replace(INVISIBLE, '').trim().replace(/^@+/, '').trim();
}

function requirePlatform(platformKey: string): PlatformDefinition {
  const platform = findPlatform(platformKey);
  if (!platform) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, unknownPlatformText(platformKey), [unknownPlatform(platformKey)]);
  }
  return platform;
}

function unknownPlatformText(platformKey: string): LocalizedText {
  return { nl: `Onbekend platform "${platformKey}".`, en: `Unknown platform "${platformKey}".` };
}

function unknownPlatform(platformKey: string): Violation {
  return { field: 'platformId', code: 'PLATFORM_UNKNOWN', message: unknownPlatformText(platformKey) };
}

function length(value: string): number {
  return Array.from(value).length;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

function removeChars(value: string, chars: string): string {
  return chars ? value.replace(new RegExp(`[${escapeClass(chars)}]`, 'g'), '') : value;
}

function fullMatch(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(value);
}

// ---------------------------------------------------------------------------------------------
// Phone numbers (WhatsApp)

/** Digits only, with country code; Dutch `06…` becomes `316…`, `+31 (0)6…` drops the `(0)`. */
export function normalizePhoneNumber(raw: string): string {
  let value = cleanHandleInput(raw).replace(/\(0\)/g, '');
  const international = value.startsWith('+');
  value = value.replace(/\D/g, '');
  if (international) return value;
  if (value.startsWith('00')) return value.slice(2);
  if (value.startsWith('0')) return `31${value.slice(1)}`;
  return value;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

function splitNamespace(syntax: HandleSyntax, handle: string): { prefix: string; name: string } {
  const lower = handle.toLowerCase();
  if (lower.startsWith('company/')) return { prefix: '', name: handle.slice('company/'.length) };
  for (const prefix of syntax.namespacePrefixes ?? []) {
    if (lower.startsWith(prefix)) return { prefix, name: handle.slice(prefix.length) };
  }
  return { prefix: '', name: handle };
}

function withDefaultDomain(syntax: HandleSyntax, handle: string): string {
  return syntax.defaultDomain && !handle.includes('.') && handle.length > 0 ? `${handle}.${syntax.defaultDomain}` : handle;
}

function normalizeWith(platform: PlatformDefinition, handle: string): string {
  const syntax = platform.handle;
  switch (syntax.kind) {
    case 'PHONE':
      return normalizePhoneNumber(handle);
    case 'HOSTNAME':
      return withDefaultDomain(syntax, handle.toLowerCase()).replace(/\.$/, '');
    case 'FEDIVERSE':
      return handle.toLowerCase();
    case 'USERNAME': {
      const { prefix, name } = splitNamespace(syntax, handle);
      let value = removeChars(name, syntax.ignoredChars);
      if (!syntax.caseSensitive) value = value.toLowerCase();
      // Hyves names are sometimes written as the whole host name.
      if (platform.key === 'hyves') value = value.replace(/\.hyves\.nl$/, '');
      return prefix + value;
    }
  }
}

/**
 * The form the platform itself treats as equal: the key of (platform, handle) uniqueness.
 * Accepts a handle, `@handle` or a profile URL of the same platform.
 */
export function normalizeHandle(platformKey: string, raw: string): string {
  const platform = requirePlatform(platformKey);
  const parsed = parseHandleInput(platform.key, raw);
  return normalizeWith(platform, parsed ? parsed.handle : cleanHandleInput(raw));
}

// ---------------------------------------------------------------------------------------------
// Validation

const CHAR_NAMES: Record<string, { code: string; nl: string; en: string; plural: string; nlPlural: string }> = {
  '.': { code: 'DOT', nl: 'een punt', en: 'a dot', plural: 'DOTS', nlPlural: 'punten' },
  '-': { code: 'HYPHEN', nl: 'een streepje', en: 'a hyphen', plural: 'HYPHENS', nlPlural: 'streepjes' },
  _: { code: 'UNDERSCORE', nl: 'een _', en: 'an underscore', plural: 'UNDERSCORES', nlPlural: 'underscores' },
};

function charName(char: string) {
  return CHAR_NAMES[char] ?? { code: 'CHARACTER', nl: `"${char}"`, en: `"${char}"`, plural: 'CHARACTERS', nlPlural: `"${char}"` };
}

function violation(code: string, nl: string, en: string): Violation {
  return { field: 'handle', code, message: { nl, en } };
}

interface Subject {
  /** "X-handle" / "X handles" */
  nl: string;
  en: string;
  unit: LocalizedText;
}

function subjectOf(platform: PlatformDefinition): Subject {
  const { noun, unit } = platform.handle;
  return { nl: `Een ${platform.name}-${noun.nl}`, en: `${platform.name} ${noun.en}s`, unit };
}

function quoteList(chars: string[]): string {
  return chars.map((c) => (c === ' ' ? '" "' : `"${c}"`)).join(', ');
}

function checkLength(subject: Subject, count: number, min: number, max: number, out: Violation[]): void {
  if (count < min) {
    out.push(
      violation(
        'HANDLE_TOO_SHORT',
        `${subject.nl} moet minstens ${min} ${subject.unit.nl} hebben (nu ${count}).`,
        `${subject.en} must have at least ${min} ${subject.unit.en} (now ${count}).`,
      ),
    );
  }
  if (count > max) {
    out.push(
      violation(
        'HANDLE_TOO_LONG',
        `${subject.nl} mag hoogstens ${max} ${subject.unit.nl} hebben (nu ${count}).`,
        `${subject.en} may have at most ${max} ${subject.unit.en} (now ${count}).`,
      ),
    );
  }
}

function checkCharacters(subject: Subject, syntax: HandleSyntax, allowed: string, value: string, out: Violation[]): void {
  const allowedRe = new RegExp(`^[${allowed}]$`);
  const bad = [...new Set(Array.from(value).filter((c) => !allowedRe.test(c)))];
  if (bad.length > 0) {
    const d = syntax.allowedCharsDescription;
    out.push(
      violation(
        'HANDLE_INVALID_CHARACTERS',
        `${subject.nl} mag alleen ${d.nl} bevatten; niet toegestaan: ${quoteList(bad)}.`,
        `${subject.en} may only contain ${d.en}; not allowed: ${quoteList(bad)}.`,
      ),
    );
  }
}

function checkEdges(subject: Subject, syntax: HandleSyntax, value: string, out: Violation[]): void {
  for (const char of syntax.forbiddenAtStart) {
    if (value.startsWith(char)) {
      const n = charName(char);
      out.push(violation(`HANDLE_LEADING_${n.code}`, `${subject.nl} mag niet met ${n.nl} beginnen.`, `${subject.en} may not start with ${n.en}.`));
    }
  }
  for (const char of syntax.forbiddenAtEnd) {
    if (value.endsWith(char)) {
      const n = charName(char);
      out.push(violation(`HANDLE_TRAILING_${n.code}`, `${subject.nl} mag niet op ${n.nl} eindigen.`, `${subject.en} may not end with ${n.en}.`));
    }
  }
  for (const char of syntax.noRepeat) {
    if (value.includes(char + char)) {
      const n = charName(char);
      out.push(
        violation(
          `HANDLE_CONSECUTIVE_${n.plural}`,
          `${subject.nl} mag geen twee ${n.nlPlural} achter elkaar hebben.`,
          `${subject.en} may not have two ${n.plural.toLowerCase()} in a row.`,
        ),
      );
    }
  }
}

function validateUsername(platform: PlatformDefinition, handle: string, options: ValidateHandleOptions): Violation[] {
  const syntax = platform.handle;
  const subject = subjectOf(platform);
  if (syntax.idPattern && fullMatch(syntax.idPattern, handle)) return [];
  const { name } = splitNamespace(syntax, handle);
  const out: Violation[] = [];
  if (name.length === 0) return [emptyViolation(subject)];
  checkCharacters(subject, syntax, syntax.allowedChars, name, out);
  const min = options.legacy && syntax.legacyMinLength !== undefined ? syntax.legacyMinLength : syntax.minLength;
  checkLength(subject, length(removeChars(name, syntax.ignoredChars)), min, syntax.maxLength, out);
  checkEdges(subject, syntax, name, out);
  const lower = name.toLowerCase();
  if (!options.legacy) {
    for (const word of syntax.reservedWords) {
      if (lower.includes(word)) {
        out.push(
          violation(
            'HANDLE_RESERVED_WORD',
            `${subject.nl} mag het woord "${word}" niet bevatten.`,
            `${subject.en} may not contain the word "${word}".`,
          ),
        );
      }
    }
  }
  for (const suffix of syntax.forbiddenSuffixes) {
    if (lower.endsWith(suffix)) {
      out.push(
        violation('HANDLE_FORBIDDEN_SUFFIX', `${subject.nl} mag niet op "${suffix}" eindigen.`, `${subject.en} may not end in "${suffix}".`),
      );
    }
  }
  return out;
}

function emptyViolation(subject: Subject): Violation {
  return violation('HANDLE_EMPTY', `${subject.nl} is verplicht.`, `${subject.en} are required.`);
}

/** DNS host-name rules (RFC 1035/3696) as atproto and Mastodon apply them. */
function hostnameViolations(subject: Subject, syntax: HandleSyntax, host: string, requireDot: boolean): Violation[] {
  const out: Violation[] = [];
  checkCharacters(subject, syntax, 'A-Za-z0-9.-', host, out);
  if (host.startsWith('.')) out.push(violation('HANDLE_LEADING_DOT', `${subject.nl} mag niet met een punt beginnen.`, `${subject.en} may not start with a dot.`));
  if (host.endsWith('.')) out.push(violation('HANDLE_TRAILING_DOT', `${subject.nl} mag niet op een punt eindigen.`, `${subject.en} may not end with a dot.`));
  if (host.includes('..')) {
    out.push(violation('HANDLE_CONSECUTIVE_DOTS', `${subject.nl} mag geen twee punten achter elkaar hebben.`, `${subject.en} may not have two dots in a row.`));
  }
  if (host.length > 253) {
    out.push(
      violation('HANDLE_TOO_LONG', `${subject.nl} mag hoogstens 253 tekens hebben (nu ${host.length}).`, `${subject.en} may have at most 253 characters (now ${host.length}).`),
    );
  }
  const labels = host.split('.').filter((l) => l.length > 0);
  if (requireDot && labels.length < 2) {
    out.push(
      violation('HANDLE_DOMAIN_MISSING', `${subject.nl} moet een volledige domeinnaam zijn (zoals groningen.nl).`, `${subject.en} must be a full domain name (such as groningen.nl).`),
    );
  }
  const longLabel = labels.find((l) => l.length > 63);
  if (longLabel) {
    out.push(
      violation(
        'HANDLE_LABEL_TOO_LONG',
        `Elk deel tussen de punten mag hoogstens 63 tekens hebben (nu ${longLabel.length}).`,
        `Each part between the dots may have at most 63 characters (now ${longLabel.length}).`,
      ),
    );
  }
  if (labels.some((l) => l.startsWith('-'))) {
    out.push(violation('HANDLE_LEADING_HYPHEN', 'Een deel tussen de punten mag niet met een streepje beginnen.', 'A part between the dots may not start with a hyphen.'));
  }
  if (labels.some((l) => l.endsWith('-'))) {
    out.push(violation('HANDLE_TRAILING_HYPHEN', 'Een deel tussen de punten mag niet op een streepje eindigen.', 'A part between the dots may not end with a hyphen.'));
  }
  const tld = labels[labels.length - 1];
  if (labels.length >= 2 && tld !== undefined && /^[0-9]/.test(tld)) {
    out.push(violation('HANDLE_INVALID_TLD', 'De extensie (het laatste deel) mag niet met een cijfer beginnen.', 'The top-level domain (the last part) may not start with a digit.'));
  }
  return out;
}

function validateHostname(platform: PlatformDefinition, handle: string): Violation[] {
  const syntax = platform.handle;
  const subject = subjectOf(platform);
  const host = withDefaultDomain(syntax, handle);
  const out = hostnameViolations(subject, syntax, host, true);
  const domain = syntax.defaultDomain;
  const limits = syntax.defaultDomainLabelLength;
  if (domain && limits && host.toLowerCase().endsWith(`.${domain}`)) {
    const name = host.slice(0, -(domain.length + 1));
    if (!name.includes('.')) {
      const sub: Subject = { ...subject, nl: `Een naam onder ${domain}`, en: `Names under ${domain}` };
      checkLength(sub, name.length, limits.min, limits.max, out);
    }
  }
  return out;
}

function validateFediverse(platform: PlatformDefinition, handle: string): Violation[] {
  const syntax = platform.handle;
  const subject = subjectOf(platform);
  const at = handle.indexOf('@');
  if (at < 0) {
    return [
      violation(
        'HANDLE_INSTANCE_MISSING',
        `${subject.nl} bestaat uit gebruiker@server (zoals gemeente@mastodon.nl).`,
        `${subject.en} are written as user@server (such as city@mastodon.nl).`,
      ),
    ];
  }
  const user = handle.slice(0, at);
  const instance = handle.slice(at + 1);
  const out: Violation[] = [];
  if (user.length === 0) out.push(emptyViolation(subject));
  checkCharacters(subject, syntax, syntax.allowedChars, user, out);
  if (user.length > syntax.maxLength) {
    checkLength(subject, length(user), syntax.minLength, syntax.maxLength, out);
  }
  const instanceSubject: Subject = { ...subject, nl: 'De servernaam', en: 'Server names' };
  const instanceIssues = instance.length === 0 ? [] : hostnameViolations(instanceSubject, syntax, instance, true);
  if (instance.length === 0 || instanceIssues.length > 0) {
    out.push({
      field: 'handle',
      code: 'HANDLE_INVALID_INSTANCE',
      message: {
        nl: `"${instance}" is geen geldige servernaam${instanceIssues.length ? `: ${instanceIssues.map((v) => v.message.nl).join(' ')}` : '.'}`,
        en: `"${instance}" is not a valid server name${instanceIssues.length ? `: ${instanceIssues.map((v) => v.message.en).join(' ')}` : '.'}`,
      },
    });
  }
  return out;
}

function validatePhone(platform: PlatformDefinition, handle: string): Violation[] {
  const syntax = platform.handle;
  const subject = subjectOf(platform);
  const out: Violation[] = [];
  const body = handle.replace(/\(0\)/g, '');
  checkCharacters(subject, syntax, syntax.allowedChars, body, out);
  if (body.indexOf('+') > 0) {
    out.push(violation('HANDLE_INVALID_CHARACTERS', `Een + mag alleen vooraan in ${subject.nl.toLowerCase()} staan.`, `A + may only lead ${subject.en}.`));
  }
  const digits = normalizePhoneNumber(handle);
  checkLength(subject, digits.length, syntax.minLength, syntax.maxLength, out);
  // Dutch numbers are always 31 + nine digits.
  if (digits.startsWith('31') && digits.length !== 11 && digits.length >= syntax.minLength && digits.length <= syntax.maxLength) {
    out.push(
      violation(
        'HANDLE_INVALID_PHONE_NUMBER',
        `Een Nederlands nummer heeft na 31 precies 9 cijfers (nu ${digits.length - 2}).`,
        `A Dutch number has exactly 9 digits after 31 (now ${digits.length - 2}).`,
      ),
    );
  }
  return out;
}

/**
 * Every way the handle breaks the platform's syntax (not just the first), each with a stable code and
 * a Dutch and English message. A DEFUNCT platform is no violation: legacy accounts live there.
 */
export function validateHandle(platformKey: string, raw: string, options: ValidateHandleOptions = {}): Violation[] {
  const platform = findPlatform(platformKey);
  if (!platform) return [unknownPlatform(platformKey)];
  const parsed = parseHandleInput(platform.key, raw);
  if (!parsed && platform.handle.kind !== 'FEDIVERSE' && looksLikeUrl(raw.trim())) {
    const other = parseProfileUrl(raw);
    const otherName = other ? findPlatform(other.platform)?.name : undefined;
    if (otherName) {
      return [
        violation(
          'HANDLE_PLATFORM_MISMATCH',
          `Dit is een ${otherName}-adres, geen ${platform.name}-adres.`,
          `This is a ${otherName} address, not a ${platform.name} address.`,
        ),
      ];
    }
  }
  const handle = parsed ? parsed.handle : cleanHandleInput(raw);
  if (handle.length === 0) return [emptyViolation(subjectOf(platform))];
  switch (platform.handle.kind) {
    case 'USERNAME':
      return validateUsername(platform, handle, options);
    case 'HOSTNAME':
      return validateHostname(platform, handle);
    case 'FEDIVERSE':
      return validateFediverse(platform, handle);
    case 'PHONE':
      return validatePhone(platform, handle);
  }
}

// ---------------------------------------------------------------------------------------------
// Profile URLs

/**
 * The canonical https profile URL, keeping the display case where the platform keeps it.
 * Accepts a handle, `@handle` or a profile URL of the same platform, as `normalizeHandle` does.
 */
export function profileUrl(platformKey: string, handle: string): string {
  const platform = requirePlatform(platformKey);
  const syntax = platform.handle;
  const value = parseHandleInput(platform.key, handle)?.handle ?? cleanHandleInput(handle);
  const vars: Record<string, string> = {};
  switch (syntax.kind) {
    case 'PHONE':
      vars.handle = normalizePhoneNumber(value);
      break;
    case 'HOSTNAME':
      // Host names are shown in lower case everywhere (Bluesky lowercases handles).
      vars.handle = normalizeWith(platform, value);
      break;
    case 'FEDIVERSE': {
      const at = value.indexOf('@');
      vars.user = encodeURIComponent(at < 0 ? value : value.slice(0, at));
      vars.instance = at < 0 ? '' : value.slice(at + 1).toLowerCase();
      break;
    }
    case 'USERNAME': {
      const { prefix, name } = splitNamespace(syntax, value);
      vars.section = prefix ? prefix.slice(0, -1) : 'company';
      vars.handle = platform.key === 'hyves' ? name.toLowerCase().replace(/\.hyves\.nl$/, '') : encodeURIComponent(name);
      break;
    }
  }
  return platform.profileUrlTemplate.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

const HOST_PREFIXES = ['www.', 'm.', 'mobile.'];

function stripHostPrefix(host: string): string {
  for (const prefix of HOST_PREFIXES) {
    if (host.startsWith(prefix)) return host.slice(prefix.length);
  }
  return host;
}

function toUrl(input: string): URL | null {
  const text = input.replace(INVISIBLE, '').trim();
  if (text.length === 0 || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text.replace(/^\/\//, '')}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function pathSegments(url: URL): string[] | null {
  let path = url.pathname;
  // Links from the early 2010s: twitter.com/#!/Stadsbeheer050.
  if ((path === '/' || path === '') && url.hash.startsWith('#!/')) path = url.hash.slice(2).split('?')[0] ?? '';
  try {
    return path
      .split('/')
      .filter((s) => s.length > 0)
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

function handleLooksValid(platform: PlatformDefinition, handle: string): boolean {
  const syntax = platform.handle;
  if (syntax.idPattern && fullMatch(syntax.idPattern, handle)) return true;
  return new RegExp(`^[${syntax.allowedChars}]+$`).test(handle);
}

function matchHost(patternHost: string, host: string): { ok: boolean; handle?: string } {
  if (patternHost === host) return { ok: true };
  if (patternHost.startsWith('*.') && patternHost.length > 2) {
    // Country subdomains: nl.linkedin.com.
    const suffix = patternHost.slice(1);
    const label = host.slice(0, host.length - suffix.length);
    return { ok: host.endsWith(suffix) && label.length > 0 && !label.includes('.') };
  }
  const at = patternHost.indexOf('{handle}');
  if (at < 0) return { ok: false };
  const suffix = patternHost.slice(at + '{handle}'.length);
  if (!host.endsWith(suffix)) return { ok: false };
  const label = host.slice(0, host.length - suffix.length);
  return label.length > 0 && !label.includes('.') ? { ok: true, handle: label } : { ok: false };
}

function matchPattern(platform: PlatformDefinition, pattern: UrlPattern, host: string, url: URL, segments: string[]): string | null {
  let handle: string | undefined;
  let hostMatched = false;
  for (const h of pattern.hosts) {
    const m = matchHost(h, host);
    if (m.ok) {
      hostMatched = true;
      handle = m.handle;
      break;
    }
  }
  if (!hostMatched) return null;
  const shape = pattern.path.split('/').filter((s) => s.length > 0);
  if (segments.length < shape.length) return null;
  for (let i = 0; i < shape.length; i++) {
    const part = shape[i] as string;
    const actual = segments[i] as string;
    if (part === '*') continue;
    if (part === '{handle}' || part === '@{handle}') {
      const value = part === '@{handle}' ? (actual.startsWith('@') ? actual.slice(1) : null) : actual;
      if (value === null || value.length === 0) return null;
      if (i === 0 && platform.reservedPaths.includes(value.toLowerCase())) return null;
      handle = value;
      continue;
    }
    if (part.toLowerCase() !== actual.toLowerCase()) return null;
  }
  const rest = segments.slice(shape.length);
  if (rest.length > 1) return null;
  if (rest.length === 1 && !platform.profileTabs.includes((rest[0] as string).toLowerCase())) return null;
  if (pattern.query) {
    if (rest.length > 0) return null;
    handle = url.searchParams.get(pattern.query)?.trim() ?? undefined;
  }
  if (!handle || !handleLooksValid(platform, handle)) return null;
  return (pattern.handlePrefix ?? '') + handle;
}

const MASTODON_USER = /^[A-Za-z0-9_]+$/;

function matchMastodon(platform: PlatformDefinition, host: string, segments: string[]): string | null {
  const first = segments[0];
  if (!first || !first.startsWith('@') || !host.includes('.')) return null;
  if (segments.length > 2) return null;
  if (segments.length === 2 && !platform.profileTabs.includes((segments[1] as string).toLowerCase())) return null;
  // Instances also show remote accounts: mastodon.social/@user@other.example.
  const [user, remote] = first.slice(1).split('@');
  if (!user || !MASTODON_USER.test(user)) return null;
  if (remote !== undefined && !/^[a-z0-9.-]+\.[a-z0-9-]+$/i.test(remote)) return null;
  return `${user}@${(remote ?? host).toLowerCase()}`;
}

/**
 * Recognises a profile URL in its many shapes (scheme or not, www./m./mobile., query strings, trailing
 * slashes, old domains) and returns the platform and the handle as it appears in the URL.
 * App pages, posts, groups and videos return null.
 */
export function parseProfileUrl(input: string): ParsedHandle | null {
  const url = toUrl(input);
  if (!url) return null;
  const segments = pathSegments(url);
  if (!segments) return null;
  const hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  const host = stripHostPrefix(hostname);
  let fallback: PlatformDefinition | undefined;
  for (const platform of PLATFORMS) {
    for (const pattern of platform.urlPatterns) {
      if (pattern.hosts.includes('*')) {
        fallback = platform;
        continue;
      }
      const handle = matchPattern(platform, pattern, host, url, segments);
      if (handle !== null) return { platform: platform.key, handle };
    }
  }
  if (knownHost(host)) return null;
  if (fallback) {
    const handle = matchMastodon(fallback, hostname, segments);
    if (handle !== null) return { platform: fallback.key, handle };
  }
  return null;
}

function knownHost(host: string): boolean {
  return PLATFORMS.some((p) => p.urlPatterns.some((pattern) => pattern.hosts.some((h) => h !== '*' && matchHost(h, host).ok)));
}

/** What a URL parser reads as a dot in a host name: the dot, the ideographic and full-width ones, and %2e. */
const HOST_DOT = /[.%\u3002\uFF0E\uFF61]/;

function looksLikeUrl(input: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input) || input.includes('/')) return true;
  // Every known platform host has a dot: without one, no URL parser is needed (the hot path of verification).
  if (!HOST_DOT.test(input)) return false;
  const url = toUrl(input);
  return url !== null && knownHost(stripHostPrefix(url.hostname.toLowerCase()));
}

/**
 * Accepts `handle`, `@handle` or a profile URL. A URL decides the platform itself; when it belongs to
 * another platform than `platformKey`, the answer is null. Without a platform, only URLs are understood.
 */
export function parseHandleInput(platformKey: string | undefined, input: string): ParsedHandle | null {
  const platform = platformKey === undefined ? undefined : findPlatform(platformKey);
  if (platformKey !== undefined && !platform) return null;
  const text = input.replace(INVISIBLE, '').trim();
  if (platform?.handle.kind !== 'FEDIVERSE' || text.includes('/')) {
    if (looksLikeUrl(text)) {
      const parsed = parseProfileUrl(text);
      if (!parsed) return null;
      return !platform || parsed.platform === platform.key ? parsed : null;
    }
  }
  if (!platform) return null;
  const handle = cleanHandleInput(text);
  return handle.length > 0 ? { platform: platform.key, handle } : null;
}
