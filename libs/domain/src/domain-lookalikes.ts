import { parse } from 'tldts';
import { DomainError, ErrorCode } from './errors';
import { hostToAscii, hostToUnicode, isValidAsciiHostname, normalizeClaimedUrl } from './urls';

/**
 * The ways a typosquatter bends a domain name, after the fuzzers of dnstwist. Listed (and returned)
 * most deliberate first, so a cap keeps the names an impersonator would pick on purpose.
 */
export const DomainFuzzer = {
  /** Same name, other extension: groningen.com. */
  TLD_SWAP: 'TLD_SWAP',
  /** A word before or after the name: gemeentegroningen.nl, groningen-online.nl. */
  ADDED_WORD: 'ADDED_WORD',
  /** One character left out: groninen.nl. */
  OMISSION: 'OMISSION',
  /** Two neighbouring characters swapped: grnoingen.nl. */
  TRANSPOSITION: 'TRANSPOSITION',
  /** One character typed twice: grooningen.nl. */
  REPETITION: 'REPETITION',
  /** ASCII look-alikes any registry accepts: gr0ningen.nl, rn for m, vv for w, cl for d. */
  ASCII_LOOKALIKE: 'ASCII_LOOKALIKE',
  /** Accented Latin look-alikes (grönïngen): only under extensions whose registry accepts IDN. */
  HOMOGLYPH: 'HOMOGLYPH',
  /** One vowel for another: greningen.nl. */
  VOWEL_SWAP: 'VOWEL_SWAP',
  /** A hyphen between two characters: gron-ingen.nl. */
  HYPHENATION: 'HYPHENATION',
  /** One character replaced by a neighbouring key (QWERTY): grpningen.nl. */
  REPLACEMENT: 'REPLACEMENT',
  /** A neighbouring key typed before or after a character (QWERTY): grotningen.nl. */
  INSERTION: 'INSERTION',
  /** One letter or digit added at the end: groningens.nl. */
  ADDITION: 'ADDITION',
  /** One bit flipped in one character (memory and transmission errors): grohingen.nl. */
  BITSQUATTING: 'BITSQUATTING',
} as const;
export type DomainFuzzer = (typeof DomainFuzzer)[keyof typeof DomainFuzzer];
export const DOMAIN_FUZZERS = Object.values(DomainFuzzer);

export interface DomainLookalike {
  /** ASCII (IDNs as `xn--`), as registries and DNS know it. */
  domain: string;
  /** For display: IDN labels in Unicode, otherwise equal to `domain`. */
  unicode: string;
  fuzzer: DomainFuzzer;
  /** The variant is among `options.claimed`. */
  claimed: boolean;
}

export interface DomainLookalikeOptions {
  /** Domains we already hold (ASCII or Unicode, any case); matching variants get `claimed: true`. */
  claimed?: Iterable<string>;
  /** Only these fuzzers (default: all). */
  fuzzers?: readonly DomainFuzzer[];
  /** Extensions for TLD_SWAP (default: DEFAULT_LOOKALIKE_TLDS). */
  tlds?: readonly string[];
  /** Words for ADDED_WORD (default: DEFAULT_LOOKALIKE_WORDS). */
  words?: readonly string[];
  /** At most this many variants (default 1000, at most 10000). */
  limit?: number;
}

/** The extensions a Dutch municipality's lookalikes are likely registered under. */
export const DEFAULT_LOOKALIKE_TLDS: readonly string[] = ['nl', 'com', 'eu', 'org', 'net', 'info', 'de', 'be', 'online', 'site', 'app', 'io', 'co', 'biz', 'frl', 'xyz'];

/** Words phishing and impersonation domains of a municipality add to its name. */
export const DEFAULT_LOOKALIKE_WORDS: readonly string[] = ['gemeente', 'stad', 'groningen', 'info', 'online', 'nl', '050', 'loket', 'mijn', 'digitaal', 'login', 'service', 'app', 'officieel'];

export const DEFAULT_LOOKALIKE_LIMIT = 1000;
const MAX_LOOKALIKE_LIMIT = 10000;

/**
 * Public suffixes whose registry accepts internationalised names (with at least the accented Latin
 * letters HOMOGLYPH uses). `.nl` is deliberately absent: SIDN registers only a–z, 0–9 and hyphens
 * (the 2006 Domeinnaamdebat advised against IDN and SIDN never introduced it), so nobody can hold
 * grönïngen.nl and warning about it would be noise.
 */
export const IDN_SUFFIXES: Readonly<Record<string, string>> = {
  de: 'DENIC, since 1 March 2004',
  at: 'nic.at, since 1 March 2004',
  ch: 'SWITCH, since 1 March 2004',
  li: 'SWITCH, since 1 March 2004',
  eu: 'EURid, since 10 December 2009',
  be: 'DNS Belgium, since 11 June 2013 (33 accented Latin letters)',
  com: 'Verisign',
  net: 'Verisign',
  org: 'Public Interest Registry',
  info: 'Identity Digital',
};

export function suffixAllowsIdn(suffix: string): boolean {
  return Object.prototype.hasOwnProperty.call(IDN_SUFFIXES, suffix.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Keyboard and look-alike tables

// QWERTY rows with their horizontal offset in key widths; two keys are neighbours when they touch.
const KEY_ROWS: readonly [string, number][] = [
  ['1234567890', 0],
  ['qwertyuiop', 0.5],
  ['asdfghjkl', 0.75],
  ['zxcvbnm', 1.25],
];

const KEY_NEIGHBOURS: ReadonlyMap<string, string> = (() => {
  const keys: { char: string; row: number; x: number }[] = [];
  KEY_ROWS.forEach(([chars, offset], row) => Array.from(chars).forEach((char, i) => keys.push({ char, row, x: i + offset })));
  const map = new Map<string, string>();
  for (const a of keys) {
    const near = keys.filter((b) => b !== a && ((b.row === a.row && Math.abs(b.x - a.x) === 1) || (Math.abs(b.row - a.row) === 1 && Math.abs(b.x - a.x) < 1)));
    map.set(a.char, near.map((b) => b.char).join(''));
  }
  return map;
})();

const VOWELS = 'aeiou';

// Pairs that look alike in common fonts and are plain ASCII, so every registry accepts them.
const ASCII_LOOKALIKES: readonly [string, string][] = [
  ['o', '0'],
  ['0', 'o'],
  ['l', '1'],
  ['1', 'l'],
  ['i', '1'],
  ['i', 'l'],
  ['l', 'i'],
  ['m', 'rn'],
  ['rn', 'm'],
  ['w', 'vv'],
  ['vv', 'w'],
  ['d', 'cl'],
  ['cl', 'd'],
  ['g', 'q'],
  ['q', 'g'],
];

// Accented Latin letters that the IDN tables of .de, .be and .eu all contain.
const LATIN_HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: 'àáâäãå',
  c: 'ç',
  e: 'èéêë',
  i: 'ìíîï',
  n: 'ñ',
  o: 'òóôõöø',
  u: 'ùúûü',
  y: 'ýÿ',
};

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HOST_CHAR = /^[a-z0-9-]$/;

// ---------------------------------------------------------------------------------------------
// Fuzzers: each yields candidate labels for the name left of the public suffix

function* omission(name: string[]): Generator<string> {
  for (let i = 0; i < name.length; i++) yield [...name.slice(0, i), ...name.slice(i + 1)].join('');
}

function* transposition(name: string[]): Generator<string> {
  for (let i = 0; i < name.length - 1; i++) {
    if (name[i] === name[i + 1]) continue;
    const copy = [...name];
    copy[i] = name[i + 1] as string;
    copy[i + 1] = name[i] as string;
    yield copy.join('');
  }
}

function* repetition(name: string[]): Generator<string> {
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '-') continue;
    yield [...name.slice(0, i + 1), ...name.slice(i)].join('');
  }
}

function* replaceAt(name: string[], table: (char: string) => string): Generator<string> {
  for (let i = 0; i < name.length; i++) {
    for (const other of table(name[i] as string)) yield [...name.slice(0, i), other, ...name.slice(i + 1)].join('');
  }
}

function* insertion(name: string[]): Generator<string> {
  for (let i = 0; i < name.length; i++) {
    for (const near of KEY_NEIGHBOURS.get(name[i] as string) ?? '') {
      yield [...name.slice(0, i), near, ...name.slice(i)].join('');
      yield [...name.slice(0, i + 1), near, ...name.slice(i + 1)].join('');
    }
  }
}

function* addition(name: string[]): Generator<string> {
  for (const char of ALNUM) yield name.join('') + char;
}

function* hyphenation(name: string[]): Generator<string> {
  for (let i = 1; i < name.length; i++) {
    if (name[i - 1] === '-' || name[i] === '-') continue;
    yield [...name.slice(0, i), '-', ...name.slice(i)].join('');
  }
}

function* asciiLookalike(name: string[]): Generator<string> {
  const text = name.join('');
  for (const [from, to] of ASCII_LOOKALIKES) {
    for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + 1)) yield text.slice(0, at) + to + text.slice(at + from.length);
  }
}

function* bitsquatting(name: string[]): Generator<string> {
  for (let i = 0; i < name.length; i++) {
    const code = (name[i] as string).charCodeAt(0);
    if (code > 0x7f) continue;
    for (let bit = 0; bit < 8; bit++) {
      const flipped = String.fromCharCode(code ^ (1 << bit));
      if (HOST_CHAR.test(flipped)) yield [...name.slice(0, i), flipped, ...name.slice(i + 1)].join('');
    }
  }
}

function* addedWord(name: string[], words: readonly string[]): Generator<string> {
  const text = name.join('');
  for (const raw of words) {
    const word = raw.trim().toLowerCase();
    if (!word || text.includes(word)) continue;
    yield word + text;
    yield `${word}-${text}`;
    yield text + word;
    yield `${text}-${word}`;
  }
}

// ---------------------------------------------------------------------------------------------

interface Target {
  name: string;
  suffix: string;
  original: string;
}

function targetOf(input: string): Target {
  const claim = normalizeClaimedUrl(input);
  const info = parse(claim.registrableDomain, { allowPrivateDomains: true, extractHostname: false });
  const suffix = info.publicSuffix;
  const label = info.domainWithoutSuffix;
  if (!suffix || !label) {
    const message = { nl: `Van "${input}" kan geen domeinnaam worden bepaald.`, en: `No domain name can be derived from "${input}".` };
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'domain', code: 'URL_INVALID', message }]);
  }
  return { name: hostToUnicode(label), suffix, original: claim.registrableDomain };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LOOKALIKE_LIMIT;
  return Math.max(0, Math.min(MAX_LOOKALIKE_LIMIT, Math.floor(limit)));
}

function asciiOf(host: string): string | null {
  if (/^[\x21-\x7e]*$/.test(host)) return host.toLowerCase();
  return hostToAscii(host);
}

/**
 * Domains a typosquatter could register to pass for `domain` (a domain, subdomain or URL: only its
 * registrable domain counts), generated from the name left of the public suffix. Every variant is a
 * valid, registrable host name (labels of 2–63 characters for the name, no hyphen at either end or in
 * positions 3–4, at most 253 characters, a registrable domain under the public suffix list), never the
 * original, each once, grouped by fuzzer in DOMAIN_FUZZERS order. Pure: no DNS or WHOIS look-ups.
 */
export function domainLookalikes(domain: string, options: DomainLookalikeOptions = {}): DomainLookalike[] {
  const target = targetOf(domain);
  const fuzzers = new Set(options.fuzzers ?? DOMAIN_FUZZERS);
  const limit = clampLimit(options.limit);
  const claimed = new Set<string>();
  for (const c of options.claimed ?? []) {
    const ascii = asciiOf(c.trim().replace(/\.$/, ''));
    if (ascii) claimed.add(ascii);
  }
  const name = Array.from(target.name);
  const seen = new Set<string>([target.original]);
  const out: DomainLookalike[] = [];

  const add = (fuzzer: DomainFuzzer, label: string, suffix: string): void => {
    if (out.length >= limit) return;
    const unicodeLabel = label.toLowerCase();
    const ascii = /^[a-z0-9-]*$/.test(unicodeLabel) ? `${unicodeLabel}.${suffix}` : suffixAllowsIdn(suffix) ? hostToAscii(`${unicodeLabel}.${suffix}`) : null;
    if (!ascii || seen.has(ascii) || !registrable(ascii, suffix)) return;
    seen.add(ascii);
    out.push({ domain: ascii, unicode: hostToUnicode(ascii), fuzzer, claimed: claimed.has(ascii) });
  };

  for (const fuzzer of DOMAIN_FUZZERS) {
    if (!fuzzers.has(fuzzer)) continue;
    if (fuzzer === DomainFuzzer.TLD_SWAP) {
      for (const tld of options.tlds ?? DEFAULT_LOOKALIKE_TLDS) {
        const suffix = tld.trim().toLowerCase().replace(/^\./, '');
        if (suffix && suffix !== target.suffix) add(fuzzer, target.name, suffix);
      }
      continue;
    }
    if (fuzzer === DomainFuzzer.HOMOGLYPH && !suffixAllowsIdn(target.suffix)) continue;
    for (const label of labelsOf(fuzzer, name, options)) add(fuzzer, label, target.suffix);
  }
  return out;
}

function labelsOf(fuzzer: Exclude<DomainFuzzer, 'TLD_SWAP'>, name: string[], options: DomainLookalikeOptions): Iterable<string> {
  switch (fuzzer) {
    case DomainFuzzer.ADDED_WORD:
      return addedWord(name, options.words ?? DEFAULT_LOOKALIKE_WORDS);
    case DomainFuzzer.OMISSION:
      return omission(name);
    case DomainFuzzer.TRANSPOSITION:
      return transposition(name);
    case DomainFuzzer.REPETITION:
      return repetition(name);
    case DomainFuzzer.ASCII_LOOKALIKE:
      return asciiLookalike(name);
    case DomainFuzzer.HOMOGLYPH:
      return replaceAt(name, (char) => LATIN_HOMOGLYPHS[char] ?? '');
    case DomainFuzzer.VOWEL_SWAP:
      return replaceAt(name, (char) => (VOWELS.includes(char) ? VOWELS.replace(char, '') : ''));
    case DomainFuzzer.HYPHENATION:
      return hyphenation(name);
    case DomainFuzzer.REPLACEMENT:
      return replaceAt(name, (char) => KEY_NEIGHBOURS.get(char) ?? '');
    case DomainFuzzer.INSERTION:
      return insertion(name);
    case DomainFuzzer.ADDITION:
      return addition(name);
    case DomainFuzzer.BITSQUATTING:
      return bitsquatting(name);
  }
}

/** A name someone could register: a valid host whose registrable domain is itself, under `suffix`. */
function registrable(ascii: string, suffix: string): boolean {
  if (!isValidAsciiHostname(ascii)) return false;
  const label = ascii.slice(0, ascii.length - suffix.length - 1);
  // Single characters are reserved in .nl and most extensions; `ab--` is reserved for IDN A-labels.
  if (label.length < 2 || (label.slice(2, 4) === '--' && !label.startsWith('xn--'))) return false;
  const info = parse(ascii, { allowPrivateDomains: true, extractHostname: false });
  return info.domain === ascii && info.publicSuffix === suffix && (info.isIcann === true || info.isPrivate === true);
}
