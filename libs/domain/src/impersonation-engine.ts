import { confusablesMap } from 'confusables';
import type { LocalizedText } from './errors';
import { findPlatform } from './platforms';
import { normalizeHandle, validateHandle } from './handles';

/**
 * The lookalike engine: why a suspect handle passes for one of ours. Handles are folded to a skeleton
 * (after Unicode TR39: the same skeleton means a reader cannot tell them apart), then compared by edit
 * distance and by the words fakers put before or after a name. Every difference is named in words, in
 * Dutch and English, so a reviewer sees why ("0 in plaats van o") and not only a number.
 *
 * Pure and synchronous: the API finds candidates with a trigram index on the stored skeleton, the console
 * runs the same code while typing, and nothing here compiles a regular expression per call.
 */

// ---------------------------------------------------------------------------------------------
// Character tables

// Zero-width, joiners, direction marks, fillers, variation selectors and tags: invisible in every font,
// pasted from chat apps or planted by fakers to make a "new" name that reads the same.
const INVISIBLE = /^[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E0FFF}]$/u;
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const SCRIPT_TESTS: readonly { test: RegExp; nl: string; en: string }[] = [
  { test: /\p{Script=Cyrillic}/u, nl: 'Cyrillische', en: 'Cyrillic' },
  { test: /\p{Script=Greek}/u, nl: 'Griekse', en: 'Greek' },
  { test: /\p{Script=Armenian}/u, nl: 'Armeense', en: 'Armenian' },
  { test: /\p{Script=Cherokee}/u, nl: 'Cherokee', en: 'Cherokee' },
  { test: /\p{Script=Hebrew}/u, nl: 'Hebreeuwse', en: 'Hebrew' },
  { test: /\p{Script=Arabic}/u, nl: 'Arabische', en: 'Arabic' },
];
const NON_LATIN_LETTER = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** What a separator is called in a reason; all of them are left out of the skeleton. */
const SEPARATORS: Readonly<Record<string, LocalizedText>> = {
  '.': { nl: 'punt', en: 'dot' },
  _: { nl: 'underscore', en: 'underscore' },
  '-': { nl: 'streepje', en: 'hyphen' },
  ' ': { nl: 'spatie', en: 'space' },
};

/**
 * Curated ASCII look-alikes, applied after case folding. `i` goes to `l` because a capital I and a small l
 * are one glyph in the sans-serif fonts the platforms use; `|` is what the confusables table maps to l too.
 */
const CURATED: Readonly<Record<string, string>> = { '0': 'o', '1': 'l', i: 'l', '3': 'e', '5': 's', '|': 'l' };
/** Two letters that read as one: folded to the single letter, so the skeleton stays short (TR39 maps the other way, m → rn). */
const PAIRS: Readonly<Record<string, string>> = { rn: 'm', vv: 'w' };

/**
 * The `confusables` package (1.1.1) maps some 3,300 characters to the ASCII letter they resemble. It is
 * not the TR39 table and it is over-eager in places: a letter that merely shares a stroke is mapped (Cyrillic
 * д to A, и to N, я to R; Greek λ to A, π to N), and ß becomes B. Those entries are dropped or corrected
 * here; ASCII itself is left to the curated table above (the package maps no plain letter, e.g. not m → rn).
 */
const CONFUSABLE_OVERRIDES: Readonly<Record<string, string | null>> = {
  ß: 'ss',
  ẞ: 'ss',
  þ: null,
  Þ: null,
  ð: 'd',
  Ð: 'd',
  д: null,
  Д: null,
  б: null,
  и: null,
  И: null,
  л: null,
  Л: null,
  п: null,
  П: null,
  я: null,
  Я: null,
  ц: null,
  Ц: null,
  ш: null,
  Ш: null,
  щ: null,
  Щ: null,
  ч: null,
  Ч: null,
  Ж: null,
  ж: null,
  λ: null,
  Λ: null,
  π: null,
  Γ: null,
  φ: null,
  Φ: null,
  θ: null,
  Θ: null,
  '¢': null,
  '£': null,
  '¤': null,
  '¥': null,
  '©': null,
  '×': null,
};

function confusableOf(char: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(CONFUSABLE_OVERRIDES, char)) return CONFUSABLE_OVERRIDES[char] ?? undefined;
  if (char.charCodeAt(0) < 0x80) return undefined;
  return confusablesMap.get(char);
}

// ---------------------------------------------------------------------------------------------
// Analysis: a handle as a row of glyphs, each one skeleton character

interface Glyph {
  /** What the reader sees, without accents: `e` for `é`, `S` for a full-width `Ｓ`; a Cyrillic `а` stays. */
  raw: string;
  /** As written (with its accent, in its wide or bold form). Empty for the second half of `æ` → `ae`. */
  source: string;
  /** Exactly one skeleton character. */
  folded: string;
  accent: boolean;
  /** A compatibility form (full-width, mathematical bold, ligature…) that NFKD folds to a plain letter. */
  compat: boolean;
  /** Separators and invisible characters written just before this glyph. */
  before: string;
}

interface Analysis {
  input: string;
  /** Before rn → m and vv → w: where affixes are looked for (`StadsbeheerNL` is `stadsbeheer` + `nl`, not `…heeml`). */
  plain: Glyph[];
  glyphs: Glyph[];
  /** Separators and invisible characters after the last glyph. */
  tail: string;
  /** The glyphs' skeleton characters (code points: indexes match `glyphs`). */
  chars: string[];
  skeleton: string;
  cores?: Core[];
}

type CharInfo =
  | { kind: 'invisible' }
  | { kind: 'separator' }
  | { kind: 'mark' }
  | { kind: 'glyphs'; parts: { raw: string; source: string; folded: string; accent: boolean; compat: boolean }[] };

const INVISIBLE_INFO: CharInfo = { kind: 'invisible' };
const SEPARATOR_INFO: CharInfo = { kind: 'separator' };
const MARK_INFO: CharInfo = { kind: 'mark' };
const CHAR_CACHE = new Map<string, CharInfo>();
const CHAR_CACHE_MAX = 20000;

function foldLetter(char: string): string[] {
  const lower = (confusableOf(char) ?? char).toLowerCase();
  const out: string[] = [];
  for (const c of lower) out.push(CURATED[c] ?? c);
  return out;
}

function charInfo(char: string): CharInfo {
  const cached = CHAR_CACHE.get(char);
  if (cached) return cached;
  let info: CharInfo;
  if (SEPARATORS[char]) info = SEPARATOR_INFO;
  else if (INVISIBLE.test(char)) info = INVISIBLE_INFO;
  else if (MARK.test(char)) info = MARK_INFO;
  else {
    const nfkd = char.normalize('NFKD');
    const base = nfkd.replace(MARKS, '');
    const accent = base.length !== nfkd.length;
    const compat = nfkd !== char.normalize('NFD');
    const parts: Extract<CharInfo, { kind: 'glyphs' }>['parts'] = [];
    for (const b of base) {
      if (SEPARATORS[b]) continue;
      foldLetter(b).forEach((folded, i) => parts.push({ raw: i === 0 ? b : '', source: i === 0 && parts.length === 0 ? char : '', folded, accent, compat }));
    }
    info = parts.length ? { kind: 'glyphs', parts } : SEPARATOR_INFO;
  }
  if (CHAR_CACHE.size < CHAR_CACHE_MAX) CHAR_CACHE.set(char, info);
  return info;
}

function analyse(input: string): Analysis {
  const glyphs: Glyph[] = [];
  let before = '';
  let leading = true;
  for (const char of input) {
    // A leading `@` (and spaces around it) is how handles are written, not part of the name.
    if (leading && (char === '@' || char === ' ')) continue;
    const info = charInfo(char);
    if (info.kind === 'invisible' || info.kind === 'separator') {
      before += char;
      continue;
    }
    if (info.kind === 'mark') {
      const last = glyphs[glyphs.length - 1];
      if (last) {
        last.accent = true;
        last.source += char;
      }
      continue;
    }
    leading = false;
    for (const part of info.parts) {
      glyphs.push({ ...part, before });
      before = '';
    }
  }
  const merged = mergePairs(glyphs);
  const chars = merged.map((g) => g.folded);
  return { input, plain: glyphs, glyphs: merged, tail: before, chars, skeleton: chars.join('') };
}

/** rn → m, vv → w: only when nothing stands between the two letters. */
function mergePairs(glyphs: readonly Glyph[]): Glyph[] {
  const out: Glyph[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    const x = glyphs[i] as Glyph;
    const y = glyphs[i + 1];
    const pair = y && y.before === '' ? PAIRS[x.folded + y.folded] : undefined;
    if (pair && y) {
      out.push({ raw: x.raw + y.raw, source: x.source + y.source, folded: pair, accent: x.accent || y.accent, compat: x.compat || y.compat, before: x.before });
      i++;
    } else out.push(x);
  }
  return out;
}

/**
 * The skeleton handles are compared on, and what is stored in the trigram-indexed `handle_skeleton`
 * column: lower case; without `.`, `_`, `-`, spaces, a leading `@`, zero-width and other invisible
 * characters and accents (NFKD); Unicode confusables mapped to the ASCII letter they imitate (Cyrillic
 * `а` → `a`); and the curated look-alikes 0→o, 1→l, i→l, 3→e, 5→s, rn→m, vv→w.
 * `Stadsbeheer050`, `stads_beheer.050`, `5tadsbeheer0SO` and `Ѕtadsbeheer050` all give `stadsbeheeroso`.
 */
export function handleSkeleton(handle: string): string {
  return analyse(handle).skeleton;
}

// ---------------------------------------------------------------------------------------------
// Edit distance

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring characters
 * (optimal string alignment: a swapped pair is not edited again). Counts code points, not UTF-16 units.
 */
export function damerauLevenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  return osaDistance(x, y, Number.POSITIVE_INFINITY);
}

// Three rolling rows, reused between calls: the hot path allocates nothing.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** OSA distance of two sequences of single characters, or `max + 1` as soon as it must exceed `max`. */
function osaDistance(a: ArrayLike<string>, b: ArrayLike<string>, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return n + m;
  if (rowA.length <= m) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const bj = b[j - 1];
      let best = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj) best = Math.min(best, (prev2[j - 2] as number) + 1);
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m] as number;
}

/** The full OSA matrix over glyphs, for walking back through the alignment to name each edit. */
function osaMatrix(a: readonly Glyph[], b: readonly Glyph[]): number[][] {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [];
    d.push(row);
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        row.push(i + j);
        continue;
      }
      const prev = d[i - 1] as number[];
      const x = (a[i - 1] as Glyph).folded;
      const y = (b[j - 1] as Glyph).folded;
      let best = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (x === y ? 0 : 1));
      if (i > 1 && j > 1 && x === (b[j - 2] as Glyph).folded && (a[i - 2] as Glyph).folded === y) best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row.push(best);
    }
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// Reasons

/** Stable codes of the reasons; the messages are for people and may be reworded. */
export const LookalikeReasonCode = {
  /** Exactly our handle (also: only letters of another case on a platform that ignores case). */
  IDENTICAL: 'IDENTICAL',
  INVISIBLE_CHARACTER: 'INVISIBLE_CHARACTER',
  ACCENT: 'ACCENT',
  /** A full-width, bold or other compatibility form of a letter. */
  COMPATIBILITY_FORM: 'COMPATIBILITY_FORM',
  SEPARATOR_ADDED: 'SEPARATOR_ADDED',
  SEPARATOR_REMOVED: 'SEPARATOR_REMOVED',
  CASE: 'CASE',
  /** A letter of another script (Cyrillic, Greek…) that looks like ours. */
  HOMOGLYPH: 'HOMOGLYPH',
  /** An ASCII look-alike: 0 for o, 1 for l, rn for m… */
  LOOKALIKE_CHARACTER: 'LOOKALIKE_CHARACTER',
  SUBSTITUTION: 'SUBSTITUTION',
  CHARACTER_ADDED: 'CHARACTER_ADDED',
  CHARACTER_REMOVED: 'CHARACTER_REMOVED',
  TRANSPOSITION: 'TRANSPOSITION',
  AFFIX_ADDED: 'AFFIX_ADDED',
  AFFIX_REMOVED: 'AFFIX_REMOVED',
} as const;
export type LookalikeReasonCode = (typeof LookalikeReasonCode)[keyof typeof LookalikeReasonCode];

export interface LookalikeReason {
  code: LookalikeReasonCode;
  message: LocalizedText;
}

/** `in place of` (the engine) or `instead of` (the wording handlesLookAlike has always used). */
type Wording = 'engine' | 'legacy';

function scriptOf(char: string): { nl: string; en: string } | null {
  if (!NON_LATIN_LETTER.test(char)) return null;
  for (const s of SCRIPT_TESTS) if (s.test.test(char)) return s;
  return { nl: 'Unicode-teken', en: 'Unicode character' };
}

function replaced(code: LookalikeReasonCode, x: string, y: string, wording: Wording, script?: { nl: string; en: string } | null): LookalikeReason {
  const of = wording === 'engine' ? 'in place of' : 'instead of';
  const nl = `${script ? `${script.nl} ` : ''}${x} in plaats van ${y}`;
  const en = `${script ? `${script.en} ` : ''}${x} ${of} ${y}`;
  return { code, message: { nl, en } };
}

function count(value: string, char: string): number {
  let n = 0;
  for (const c of value) if (c === char) n++;
  return n;
}

function push(out: LookalikeReason[], reason: LookalikeReason): void {
  if (!out.some((r) => r.message.nl === reason.message.nl)) out.push(reason);
}

/** A handle, or what is left of it once affixes are taken off. */
interface Core {
  glyphs: Glyph[];
  chars: string[];
  /** The separators and invisible characters inside it (and before or after it at the ends of the handle). */
  gaps: string;
  affixes: Affix[];
}

/** The separators and invisible characters in the plain glyphs [start, end) of a handle. */
function gapsOf(x: Analysis, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) if (i > start || start === 0) out += (x.plain[i] as Glyph).before;
  if (end === x.plain.length) out += x.tail;
  return out;
}

/** Why core `a` looks like core `b`: invisible characters, accents, separators, then each edit from left to right. */
function explain(a: Core, b: Core, wording: Wording): LookalikeReason[] {
  const out: LookalikeReason[] = [];
  const ga = a.glyphs;
  const gb = b.glyphs;
  const gapA = a.gaps;
  const gapB = b.gaps;
  const invisibleA = Array.from(gapA).filter((c) => charInfo(c).kind === 'invisible').length;
  const invisibleB = Array.from(gapB).filter((c) => charInfo(c).kind === 'invisible').length;
  if (invisibleA !== invisibleB) push(out, { code: LookalikeReasonCode.INVISIBLE_CHARACTER, message: { nl: 'onzichtbaar teken', en: 'invisible character' } });
  const accented = (gs: Glyph[]) => gs.filter((g) => g.accent).map((g) => g.source).join('');
  if (accented(ga) !== accented(gb)) {
    push(out, { code: LookalikeReasonCode.ACCENT, message: { nl: 'accent anders', en: 'different accent' } });
  }
  for (const [char, name] of Object.entries(SEPARATORS)) {
    const diff = count(gapA, char) - count(gapB, char);
    if (diff > 0) push(out, { code: LookalikeReasonCode.SEPARATOR_ADDED, message: { nl: `${name.nl} toegevoegd`, en: `${name.en} added` } });
    if (diff < 0) push(out, { code: LookalikeReasonCode.SEPARATOR_REMOVED, message: { nl: `${name.nl} weggelaten`, en: `${name.en} left out` } });
  }
  const edits: LookalikeReason[] = [];
  const d = osaMatrix(ga, gb);
  const at = (p: number, q: number) => (d[p] as number[])[q] as number;
  let i = ga.length;
  let j = gb.length;
  while (i > 0 || j > 0) {
    const x = ga[i - 1];
    const y = gb[j - 1];
    if (x && y && x.folded === y.folded && at(i, j) === at(i - 1, j - 1)) {
      const reason = sameGlyph(x, y, wording);
      if (reason) edits.push(reason);
      i--;
      j--;
    } else if (i > 1 && j > 1 && x && y && x.folded === (gb[j - 2] as Glyph).folded && (ga[i - 2] as Glyph).folded === y.folded && at(i, j) === at(i - 2, j - 2) + 1) {
      edits.push({ code: LookalikeReasonCode.TRANSPOSITION, message: { nl: 'letters verwisseld', en: 'letters swapped' } });
      i -= 2;
      j -= 2;
    } else if (x && y && at(i, j) === at(i - 1, j - 1) + 1) {
      edits.push(replaced(LookalikeReasonCode.SUBSTITUTION, x.raw, y.raw, wording, scriptOf(x.raw)));
      i--;
      j--;
    } else if (x && at(i, j) === at(i - 1, j) + 1) {
      edits.push({ code: LookalikeReasonCode.CHARACTER_ADDED, message: { nl: `${x.raw} toegevoegd`, en: `${x.raw} added` } });
      i--;
    } else {
      edits.push({ code: LookalikeReasonCode.CHARACTER_REMOVED, message: { nl: `${y?.raw ?? ''} weggelaten`, en: `${y?.raw ?? ''} left out` } });
      j--;
    }
  }
  for (const reason of edits.reverse()) push(out, reason);
  return out;
}

/** Two glyphs with the same skeleton character: what a reader could notice, if anything. */
function sameGlyph(x: Glyph, y: Glyph, wording: Wording): LookalikeReason | null {
  if (x.raw === y.raw) {
    if (x.compat !== y.compat && x.source && y.source) {
      return {
        code: LookalikeReasonCode.COMPATIBILITY_FORM,
        message: { nl: `bijzondere tekenvorm ${x.source} in plaats van ${y.source}`, en: `special character form ${x.source} ${wording === 'engine' ? 'in place of' : 'instead of'} ${y.source}` },
      };
    }
    return null;
  }
  if (x.raw.toLowerCase() === y.raw.toLowerCase()) return { code: LookalikeReasonCode.CASE, message: { nl: 'hoofdletters anders', en: 'different capitals' } };
  const script = scriptOf(x.raw) ?? scriptOf(y.raw);
  if (script) return replaced(LookalikeReasonCode.HOMOGLYPH, x.raw, y.raw, wording, scriptOf(x.raw) ? script : null);
  return replaced(LookalikeReasonCode.LOOKALIKE_CHARACTER, x.raw, y.raw, wording);
}

// ---------------------------------------------------------------------------------------------
// Affixes

/**
 * Words fakers put before or after an official name ("the real…", "…_official", "…NL"), and words our
 * own names carry that a faker leaves out or swaps (050, Groningen). Compared on their skeleton, so
 * `_official`, `Official` and `0fficial` are one affix.
 */
export const DEFAULT_HANDLE_AFFIXES: readonly string[] = [
  'official',
  'officieel',
  'officiel',
  'offical',
  'real',
  'the',
  'echt',
  'echte',
  'nl',
  'gemeente',
  'info',
  '050',
  'groningen',
  'grunn',
  'team',
  'support',
  'news',
  'nieuws',
];
const AFFIX_SKELETONS: readonly (readonly string[])[] = [...new Set(DEFAULT_HANDLE_AFFIXES.map(handleSkeleton))]
  .sort((x, y) => y.length - x.length || (x < y ? -1 : 1))
  .map((skeleton) => Array.from(skeleton));
/** What must remain of a name once an affix is taken off: `LK` of `LK050` is no name. */
const MIN_CORE = 3;
/** A core this long may also differ by one edit: `Stadsbeheer05_official`. */
const MIN_CORE_FOR_EDIT = 6;
const MAX_AFFIXES = 2;

interface Affix {
  /** As written, with its separator: `_official`, `real.`. */
  text: string;
  skeleton: string;
}

/** An affix as written: with the separator that joins it to the name (`real_`, `_official`). */
function affixText(x: Analysis, start: number, end: number, prefix: boolean): string {
  let text = '';
  for (let i = start; i < end; i++) {
    const g = x.plain[i] as Glyph;
    if (!prefix || i > start) text += g.before;
    text += g.source || g.raw;
  }
  if (prefix) text += (x.plain[end] as Glyph | undefined)?.before ?? '';
  return Array.from(text)
    .filter((c) => charInfo(c).kind !== 'invisible')
    .join('');
}

function startsWithAt(chars: readonly string[], affix: readonly string[], at: number): boolean {
  if (at < 0) return false;
  for (let k = 0; k < affix.length; k++) if (chars[at + k] !== affix[k]) return false;
  return true;
}

/** The whole handle as a core. */
function wholeOf(x: Analysis): Core {
  return { glyphs: x.glyphs, chars: x.chars, gaps: gapsOf(x, 0, x.plain.length), affixes: [] };
}

/** The handle itself and every core left after taking at most two affixes off its ends. */
function coresOf(x: Analysis): Core[] {
  if (x.cores) return x.cores;
  const plainChars = x.plain.map((g) => g.folded);
  const spans: { start: number; end: number; affixes: Affix[] }[] = [{ start: 0, end: plainChars.length, affixes: [] }];
  const seen = new Set<string>([`0:${plainChars.length}`]);
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k] as (typeof spans)[number];
    if (span.affixes.length >= MAX_AFFIXES) continue;
    for (const affix of AFFIX_SKELETONS) {
      if (span.end - span.start - affix.length < MIN_CORE) continue;
      if (startsWithAt(plainChars, affix, span.start)) {
        const next = { start: span.start + affix.length, end: span.end };
        if (!seen.has(`${next.start}:${next.end}`)) {
          seen.add(`${next.start}:${next.end}`);
          spans.push({ ...next, affixes: [...span.affixes, { text: affixText(x, span.start, next.start, true), skeleton: affix.join('') }] });
        }
      }
      if (startsWithAt(plainChars, affix, span.end - affix.length)) {
        const next = { start: span.start, end: span.end - affix.length };
        if (!seen.has(`${next.start}:${next.end}`)) {
          seen.add(`${next.start}:${next.end}`);
          spans.push({ ...next, affixes: [{ text: affixText(x, next.end, span.end, false), skeleton: affix.join('') }, ...span.affixes] });
        }
      }
    }
  }
  const cores = spans.map((span, i) => {
    if (i === 0) return wholeOf(x);
    const glyphs = mergePairs(x.plain.slice(span.start, span.end));
    return { glyphs, chars: glyphs.map((g) => g.folded), gaps: gapsOf(x, span.start, span.end), affixes: span.affixes };
  });
  x.cores = cores;
  return cores;
}

// ---------------------------------------------------------------------------------------------
// Comparing

export interface HandleComparison {
  /** 0..1; 1 means the same skeleton (a reader cannot tell them apart). */
  score: number;
  reasons: LookalikeReason[];
}

/** Handles shorter than this are only alike when their skeletons are equal: one edit on 4 letters is a different name. */
export const LOOKALIKE_MIN_LENGTH = 5;

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** One digit for another in a short name is another number, not a disguise: LK050 and LK060 are two campaigns. */
const MIN_LENGTH_FOR_DIGIT_EDIT = 8;
const DIGITS = '0123456789';

function otherNumber(a: Core, b: Core): boolean {
  if (a.chars.length !== b.chars.length) return false;
  let at = -1;
  for (let i = 0; i < a.chars.length; i++) {
    if (a.chars[i] === b.chars[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  const x = a.glyphs[at]?.raw ?? '';
  const y = b.glyphs[at]?.raw ?? '';
  return x.length === 1 && y.length === 1 && DIGITS.includes(x) && DIGITS.includes(y);
}

interface Match {
  score: number;
  a: Core;
  b: Core;
}

function compareAnalysed(a: Analysis, b: Analysis): HandleComparison | null {
  const la = a.glyphs.length;
  const lb = b.glyphs.length;
  if (la === 0 || lb === 0) return null;
  if (a.skeleton === b.skeleton) {
    const reasons = explain(wholeOf(a), wholeOf(b), 'engine');
    return { score: 1, reasons: reasons.length ? reasons : [{ code: LookalikeReasonCode.IDENTICAL, message: { nl: 'dezelfde handle', en: 'the same handle' } }] };
  }
  let best: Match | null = null;
  const consider = (ca: Core, cb: Core) => {
    const n = ca.chars.length;
    const m = cb.chars.length;
    const affixes = ca.affixes.length + cb.affixes.length;
    const minLength = Math.min(n, m);
    const allowed = affixes === 0 ? (minLength >= LOOKALIKE_MIN_LENGTH ? 1 : 0) : minLength >= MIN_CORE_FOR_EDIT ? 1 : 0;
    if (minLength < (affixes ? MIN_CORE : 1) || Math.abs(n - m) > allowed) return;
    const edits = osaDistance(ca.chars, cb.chars, allowed);
    if (edits > allowed || (edits === 1 && minLength < MIN_LENGTH_FOR_DIGIT_EDIT && otherNumber(ca, cb))) return;
    const closeness = 1 - edits / (Math.max(n, m) + 1);
    const score = round(closeness * (affixes ? 0.9 * 0.95 ** (affixes - 1) : 0.95));
    if (!best || score > best.score) best = { score, a: ca, b: cb };
  };
  const coresA = coresOf(a);
  const coresB = coresOf(b);
  consider(coresA[0] as Core, coresB[0] as Core);
  for (const ca of coresA) {
    for (const cb of coresB) {
      if (ca.affixes.length + cb.affixes.length === 0) continue;
      // Both sides without the same word is the comparison without it: nothing was added or left out.
      if (ca.affixes.some((x) => cb.affixes.some((y) => y.skeleton === x.skeleton))) continue;
      consider(ca, cb);
    }
  }
  if (!best) return null;
  const match = best as Match;
  const reasons: LookalikeReason[] = [];
  for (const affix of match.b.affixes) push(reasons, { code: LookalikeReasonCode.AFFIX_REMOVED, message: { nl: `‘${affix.text}’ weggelaten`, en: `‘${affix.text}’ left out` } });
  for (const affix of match.a.affixes) push(reasons, { code: LookalikeReasonCode.AFFIX_ADDED, message: { nl: `‘${affix.text}’ toegevoegd`, en: `‘${affix.text}’ added` } });
  for (const reason of explain(match.a, match.b, 'engine')) push(reasons, reason);
  return { score: match.score, reasons };
}

/**
 * Whether `suspect` passes for `official`, and why; null when it does not. Score 1: the same skeleton
 * (only case, separators, invisible characters, accents or look-alike glyphs differ); below 1: one edit
 * (a letter added, left out, replaced, or two swapped) on names of at least 5 characters, or a faker's
 * word added or left out (`_official`, `real`, `050`…), possibly with one edit on a core of at least 6.
 * An identical handle is a lookalike of score 1 with the reason IDENTICAL.
 */
export function compareHandles(suspect: string, official: string): HandleComparison | null {
  return compareAnalysed(analyse(suspect), analyse(official));
}

// A small memo for the candidates' analyses: the same official handles come back on every search.
const ANALYSIS_CACHE = new Map<string, Analysis>();
const ANALYSIS_CACHE_MAX = 5000;

function analysed(handle: string): Analysis {
  const hit = ANALYSIS_CACHE.get(handle);
  if (hit) return hit;
  const value = analyse(handle);
  coresOf(value);
  if (ANALYSIS_CACHE.size >= ANALYSIS_CACHE_MAX) ANALYSIS_CACHE.delete(ANALYSIS_CACHE.keys().next().value as string);
  ANALYSIS_CACHE.set(handle, value);
  return value;
}

export interface LookalikeCandidate {
  id: string;
  platform: string;
  handle: string;
}

export interface RankedLookalike extends LookalikeCandidate, HandleComparison {}

export interface RankLookalikesOptions {
  /** At most this many (default 10, at most 100). */
  limit?: number;
  /** Compare with every platform's handles, not only the suspect's platform (default false). */
  crossPlatform?: boolean;
  /** Leave out matches scoring below this (default 0). */
  minScore?: number;
}

export const DEFAULT_RANK_LIMIT = 10;
export const MAX_RANK_LIMIT = 100;

function platformKeyOf(value: string): string {
  return findPlatform(value)?.key ?? value.trim().toLowerCase();
}

/**
 * The candidates `suspect` passes for, best first: by score, then the suspect's own platform first, then by
 * skeleton, handle and id, so equal scores always come back in the same order.
 */
export function rankLookalikes(
  suspect: { platform: string; handle: string },
  candidates: readonly LookalikeCandidate[],
  options: RankLookalikesOptions = {},
): RankedLookalike[] {
  const limit = clamp(options.limit, DEFAULT_RANK_LIMIT, MAX_RANK_LIMIT);
  const minScore = options.minScore ?? 0;
  const platform = platformKeyOf(suspect.platform);
  const mine = analyse(suspect.handle);
  coresOf(mine);
  const out: (RankedLookalike & { skeleton: string; samePlatform: boolean })[] = [];
  for (const c of candidates) {
    const samePlatform = platformKeyOf(c.platform) === platform;
    if (!samePlatform && !options.crossPlatform) continue;
    const theirs = analysed(c.handle);
    const result = compareAnalysed(mine, theirs);
    if (!result || result.score < minScore) continue;
    out.push({ id: c.id, platform: c.platform, handle: c.handle, score: result.score, reasons: result.reasons, skeleton: theirs.skeleton, samePlatform });
  }
  out.sort(
    (x, y) =>
      y.score - x.score ||
      Number(y.samePlatform) - Number(x.samePlatform) ||
      cmp(x.skeleton, y.skeleton) ||
      cmp(x.handle, y.handle) ||
      cmp(x.platform, y.platform) ||
      cmp(x.id, y.id),
  );
  return out.slice(0, limit).map(({ id, platform: p, handle, score, reasons }) => ({ id, platform: p, handle, score, reasons }));
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function clamp(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.max(0, Math.min(max, Math.floor(value)));
}

/**
 * The skeletons a search should also look up exactly: the suspect's own, and its cores without a faker's
 * word (`stadsbeheeroso` for `Stadsbeheer050_official`). Trigram similarity alone misses short names
 * with a long word added (`LK050official`).
 */
export function lookalikeSearchSkeletons(handle: string): string[] {
  const x = analyse(handle);
  if (!x.skeleton) return [];
  return [...new Set(coresOf(x).map((c) => c.chars.join('')))];
}

// ---------------------------------------------------------------------------------------------
// The naming check's look-alike (kept as it was: equal skeletons or one edit, no affixes)

export interface LookalikeResult {
  alike: boolean;
  /** Damerau-Levenshtein distance of the folded forms. */
  distance: number;
  foldedA: string;
  foldedB: string;
  /** Why `a` looks like `b`, as the differences a reader would see ("0 in plaats van o"). Empty when not alike. */
  reasons: LocalizedText[];
}

/** The skeleton (see handleSkeleton); the name the naming rules have always used. */
export function foldHandle(value: string): string {
  return handleSkeleton(value);
}

/**
 * Whether handle `a` (the one under examination) looks like `b` (usually an official handle): equal
 * skeletons, or one edit apart when both have at least 5 characters. Two identical strings are alike with
 * no reasons; callers that know both are the same account leave them out themselves. Stricter than
 * compareHandles (no affixes): the naming check warns an editor, it does not look for fakers.
 */
export function handlesLookAlike(a: string, b: string): LookalikeResult {
  const x = analyse(a);
  const y = analyse(b);
  const distance = osaDistance(x.chars, y.chars, Number.POSITIVE_INFINITY);
  const n = x.glyphs.length;
  const m = y.glyphs.length;
  const alike = n > 0 && (distance === 0 || (distance <= 1 && n >= LOOKALIKE_MIN_LENGTH && m >= LOOKALIKE_MIN_LENGTH));
  const reasons = alike ? explain(wholeOf(x), wholeOf(y), 'legacy').map((r) => r.message) : [];
  return { alike, distance, foldedA: x.skeleton, foldedB: y.skeleton, reasons };
}

// ---------------------------------------------------------------------------------------------
// Variants of our own handles

/** The ways a faker bends a handle, most deliberate first (the handle version of DomainFuzzer). */
export const HandleFuzzer = {
  /** 0 for o, 1 for l, rn for m, vv for w… */
  ASCII_LOOKALIKE: 'ASCII_LOOKALIKE',
  /** A faker's word before or after the name, or one of ours left out or swapped: Stadsbeheer050_official, Stadsbeheer_nl. */
  AFFIX: 'AFFIX',
  /** A separator the platform allows: stads_beheer050. */
  SEPARATOR: 'SEPARATOR',
  /** Two neighbouring characters swapped: Stadsbehere050. */
  TRANSPOSITION: 'TRANSPOSITION',
  /** One character left out: Stadsbeher050. */
  OMISSION: 'OMISSION',
  /** One character typed twice: Stadsbeheeer050. */
  REPETITION: 'REPETITION',
  /** One vowel for another: Stadsbehaer050. */
  VOWEL_SWAP: 'VOWEL_SWAP',
} as const;
export type HandleFuzzer = (typeof HandleFuzzer)[keyof typeof HandleFuzzer];
export const HANDLE_FUZZERS = Object.values(HandleFuzzer);

export interface HandleVariant {
  handle: string;
  fuzzer: HandleFuzzer;
}

export const DEFAULT_VARIANT_LIMIT = 200;
export const MAX_VARIANT_LIMIT = 1000;

const ASCII_SWAPS: readonly [string, string][] = [
  ['o', '0'],
  ['O', '0'],
  ['0', 'o'],
  ['0', 'O'],
  ['l', '1'],
  ['l', 'I'],
  ['I', 'l'],
  ['1', 'l'],
  ['i', '1'],
  ['i', 'l'],
  ['e', '3'],
  ['s', '5'],
  ['S', '5'],
  ['5', 'S'],
  ['m', 'rn'],
  ['rn', 'm'],
  ['w', 'vv'],
  ['vv', 'w'],
];
const VARIANT_SEPARATORS = ['_', '.', '-'];
const VARIANT_AFFIXES = ['official', 'officieel', 'real', 'the', 'nl', 'gemeente', 'info', '050', 'groningen'];
const VOWELS = 'aeiou';

function* asciiLookalikes(name: string): Generator<string> {
  for (const [from, to] of ASCII_SWAPS) {
    for (let at = name.indexOf(from); at >= 0; at = name.indexOf(from, at + 1)) yield name.slice(0, at) + to + name.slice(at + from.length);
  }
}

function* affixVariants(name: string): Generator<string> {
  const lower = name.toLowerCase();
  for (const word of VARIANT_AFFIXES) {
    // One of our words: leave it out, or put a faker's word in its place.
    if (lower.endsWith(word) && lower.length > word.length) {
      const stem = name.slice(0, name.length - word.length);
      yield stem;
      for (const other of VARIANT_AFFIXES) if (other !== word) yield stem + other;
    }
    if (lower.startsWith(word) && lower.length > word.length) yield name.slice(word.length);
  }
  for (const word of VARIANT_AFFIXES) {
    for (const sep of ['', ...VARIANT_SEPARATORS]) {
      yield `${name}${sep}${word}`;
      yield `${word}${sep}${name}`;
    }
  }
}

function* separatorVariants(name: string): Generator<string> {
  for (const sep of VARIANT_SEPARATORS) {
    for (let i = 1; i < name.length; i++) {
      if (VARIANT_SEPARATORS.includes(name[i - 1] as string) || VARIANT_SEPARATORS.includes(name[i] as string)) continue;
      yield name.slice(0, i) + sep + name.slice(i);
    }
  }
  // And the other way: a separator of ours left out.
  for (let i = 0; i < name.length; i++) if (VARIANT_SEPARATORS.includes(name[i] as string)) yield name.slice(0, i) + name.slice(i + 1);
}

function* transpositions(name: string): Generator<string> {
  for (let i = 0; i + 1 < name.length; i++) {
    if (name[i] === name[i + 1]) continue;
    yield name.slice(0, i) + (name[i + 1] as string) + (name[i] as string) + name.slice(i + 2);
  }
}

function* omissions(name: string): Generator<string> {
  for (let i = 0; i < name.length; i++) yield name.slice(0, i) + name.slice(i + 1);
}

function* repetitions(name: string): Generator<string> {
  for (let i = 0; i < name.length; i++) yield name.slice(0, i + 1) + name.slice(i);
}

function* vowelSwaps(name: string): Generator<string> {
  for (let i = 0; i < name.length; i++) {
    const char = name[i] as string;
    const lower = char.toLowerCase();
    if (!VOWELS.includes(lower)) continue;
    for (const v of VOWELS) if (v !== lower) yield name.slice(0, i) + (char === lower ? v : v.toUpperCase()) + name.slice(i + 1);
  }
}

const FUZZ: Readonly<Record<HandleFuzzer, (name: string) => Iterable<string>>> = {
  ASCII_LOOKALIKE: asciiLookalikes,
  AFFIX: affixVariants,
  SEPARATOR: separatorVariants,
  TRANSPOSITION: transpositions,
  OMISSION: omissions,
  REPETITION: repetitions,
  VOWEL_SWAP: vowelSwaps,
};

/** The part of a handle a faker bends, and how to put the handle back together. */
function nameOf(platform: string, handle: string): { name: string; rebuild: (name: string) => string } | null {
  const definition = findPlatform(platform);
  if (!definition) return null;
  const value = handle.trim().replace(/^@+/, '');
  switch (definition.handle.kind) {
    case 'PHONE':
      return null;
    case 'FEDIVERSE': {
      const at = value.indexOf('@');
      return at < 0 ? { name: value, rebuild: (n) => n } : { name: value.slice(0, at), rebuild: (n) => n + value.slice(at) };
    }
    case 'HOSTNAME': {
      const dot = value.indexOf('.');
      return dot < 0 ? { name: value, rebuild: (n) => n } : { name: value.slice(0, dot), rebuild: (n) => n + value.slice(dot) };
    }
    case 'USERNAME': {
      const slash = value.lastIndexOf('/');
      return { name: value.slice(slash + 1), rebuild: (n) => value.slice(0, slash + 1) + n };
    }
  }
}

function normalizedOrNull(platform: string, handle: string): string | null {
  try {
    return normalizeHandle(platform, handle);
  } catch {
    return null;
  }
}

/**
 * Handles a faker could register to pass for one of ours on `platform` (the handle version of the domain
 * fuzzers): only variants the platform accepts (validateHandle), never the original or a spelling the
 * platform treats as the same account, each once, grouped by fuzzer in HANDLE_FUZZERS order. Phone
 * numbers and unknown platforms have none.
 */
export function handleVariants(platform: string, handle: string, options: { limit?: number } = {}): HandleVariant[] {
  const limit = clamp(options.limit, DEFAULT_VARIANT_LIMIT, MAX_VARIANT_LIMIT);
  const parts = nameOf(platform, handle);
  const original = normalizedOrNull(platform, handle);
  if (!parts || !parts.name || original === null) return [];
  const seen = new Set<string>([original]);
  const out: HandleVariant[] = [];
  for (const fuzzer of HANDLE_FUZZERS) {
    for (const name of FUZZ[fuzzer](parts.name)) {
      if (out.length >= limit) return out;
      if (!name) continue;
      const variant = parts.rebuild(name);
      if (validateHandle(platform, variant).length) continue;
      const key = normalizedOrNull(platform, variant);
      if (key === null || seen.has(key)) continue;
      seen.add(key);
      out.push({ handle: variant, fuzzer });
    }
  }
  return out;
}
