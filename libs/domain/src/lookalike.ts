import type { LocalizedText } from './errors';

// Zero-width and direction marks: pasted from chat apps, or planted by fakers to make a "new" name.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF]/g;
const COMBINING = /\p{M}/gu;
const SEPARATORS: Record<string, LocalizedText> = {
  '.': { nl: 'punt', en: 'dot' },
  _: { nl: 'underscore', en: 'underscore' },
  '-': { nl: 'streepje', en: 'hyphen' },
};
const SEPARATOR_RE = /[._-]/g;

// Characters fakers swap for ones that read the same. `i`→`l` because a capital I and a small l
// are one glyph in the sans-serif fonts the platforms use.
const SINGLE: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '5': 's', i: 'l' };
const PAIRS: Record<string, string> = { rn: 'm', vv: 'w' };

interface Token {
  raw: string;
  folded: string;
}

/** Lower-cases, drops invisible characters and accents (é → e); keeps the raw glyphs for reasons. */
function baseChars(value: string): string {
  return value.replace(INVISIBLE, '').normalize('NFKD').replace(COMBINING, '').replace(/^@+/, '');
}

function tokens(value: string): Token[] {
  const chars = Array.from(baseChars(value).replace(SEPARATOR_RE, ''));
  const out: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const pair = `${chars[i]}${chars[i + 1] ?? ''}`;
    const pairFold = PAIRS[pair.toLowerCase()];
    if (pairFold && i + 1 < chars.length) {
      out.push({ raw: pair, folded: pairFold });
      i++;
      continue;
    }
    const raw = chars[i] as string;
    const lower = raw.toLowerCase();
    out.push({ raw, folded: SINGLE[lower] ?? lower });
  }
  return out;
}

/**
 * The skeleton two handles are compared on: lowercase, without `.`, `_`, `-`, zero-width characters,
 * accents and a leading `@`, with look-alike glyphs mapped to one letter (0→o, 1→l, 3→e, 5→s, rn→m,
 * vv→w, i→l). `Stadsbeheer050`, `stads_beheer050` and `5tadsbeheer0SO` all fold to `stadsbeheeroso`.
 */
export function foldHandle(value: string): string {
  return tokens(value)
    .map((t) => t.folded)
    .join('');
}

function osa<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): number[][] {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([]);
    for (let j = 0; j <= b.length; j++) {
      const row = d[i] as number[];
      if (i === 0 || j === 0) {
        row.push(i + j);
        continue;
      }
      const prev = d[i - 1] as number[];
      let best = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (eq(a[i - 1] as T, b[j - 1] as T) ? 0 : 1));
      if (i > 1 && j > 1 && eq(a[i - 1] as T, b[j - 2] as T) && eq(a[i - 2] as T, b[j - 1] as T)) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(best);
    }
  }
  return d;
}

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring characters
 * (optimal string alignment: a swapped pair is not edited again). Counts code points, not UTF-16 units.
 */
export function damerauLevenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  return (osa(x, y, (p, q) => p === q)[x.length] as number[])[y.length] as number;
}

export interface LookalikeResult {
  alike: boolean;
  /** Damerau-Levenshtein distance of the folded forms. */
  distance: number;
  foldedA: string;
  foldedB: string;
  /** Why `a` looks like `b`, as the differences a reader would see ("0 in plaats van o"). Empty when not alike. */
  reasons: LocalizedText[];
}

/** Handles shorter than this are only alike when their folded forms are equal: one edit on 4 letters is a different name. */
export const LOOKALIKE_MIN_LENGTH = 5;

/**
 * Whether handle `a` (the one under examination) looks like `b` (usually an official handle): equal after
 * `foldHandle`, or one edit apart when both folded forms have at least 5 characters. Two identical strings
 * are alike with no reasons; callers that know both are the same account leave them out themselves.
 */
export function handlesLookAlike(a: string, b: string): LookalikeResult {
  const ta = tokens(a);
  const tb = tokens(b);
  const foldedA = ta.map((t) => t.folded).join('');
  const foldedB = tb.map((t) => t.folded).join('');
  const distance = damerauLevenshtein(foldedA, foldedB);
  const alike = foldedA.length > 0 && (distance === 0 || (distance <= 1 && Array.from(foldedA).length >= LOOKALIKE_MIN_LENGTH && Array.from(foldedB).length >= LOOKALIKE_MIN_LENGTH));
  return { alike, distance, foldedA, foldedB, reasons: alike ? explain(a, b, ta, tb) : [] };
}

function count(value: string, char: string): number {
  return value.split(char).length - 1;
}

function push(out: LocalizedText[], reason: LocalizedText): void {
  if (!out.some((r) => r.nl === reason.nl)) out.push(reason);
}

function explain(a: string, b: string, ta: Token[], tb: Token[]): LocalizedText[] {
  const out: LocalizedText[] = [];
  if ((a.match(INVISIBLE)?.length ?? 0) !== (b.match(INVISIBLE)?.length ?? 0)) {
    push(out, { nl: 'onzichtbaar teken', en: 'invisible character' });
  }
  const stripA = a.replace(INVISIBLE, '').normalize('NFKD');
  const stripB = b.replace(INVISIBLE, '').normalize('NFKD');
  if ((stripA.match(COMBINING) ?? []).join('') !== (stripB.match(COMBINING) ?? []).join('')) {
    push(out, { nl: 'accent anders', en: 'different accent' });
  }
  for (const [char, name] of Object.entries(SEPARATORS)) {
    const diff = count(stripA, char) - count(stripB, char);
    if (diff > 0) push(out, { nl: `${name.nl} toegevoegd`, en: `${name.en} added` });
    if (diff < 0) push(out, { nl: `${name.nl} weggelaten`, en: `${name.en} left out` });
  }
  // Walk back through the alignment to name each edit; reported from left to right.
  const edits: LocalizedText[] = [];
  const eq = (x: Token, y: Token) => x.folded === y.folded;
  const d = osa(ta, tb, eq);
  let i = ta.length;
  let j = tb.length;
  const at = (p: number, q: number) => (d[p] as number[])[q] as number;
  while (i > 0 || j > 0) {
    const x = ta[i - 1];
    const y = tb[j - 1];
    if (x && y && eq(x, y) && at(i, j) === at(i - 1, j - 1)) {
      if (x.raw !== y.raw) {
        if (x.raw.toLowerCase() === y.raw.toLowerCase()) edits.push({ nl: 'hoofdletters anders', en: 'different capitals' });
        else edits.push({ nl: `${x.raw} in plaats van ${y.raw}`, en: `${x.raw} instead of ${y.raw}` });
      }
      i--;
      j--;
    } else if (i > 1 && j > 1 && x && y && eq(x, tb[j - 2] as Token) && eq(ta[i - 2] as Token, y) && at(i, j) === at(i - 2, j - 2) + 1) {
      edits.push({ nl: 'letters verwisseld', en: 'letters swapped' });
      i -= 2;
      j -= 2;
    } else if (x && y && at(i, j) === at(i - 1, j - 1) + 1) {
      edits.push({ nl: `${x.raw} in plaats van ${y.raw}`, en: `${x.raw} instead of ${y.raw}` });
      i--;
      j--;
    } else if (x && at(i, j) === at(i - 1, j) + 1) {
      edits.push({ nl: `${x.raw} toegevoegd`, en: `${x.raw} added` });
      i--;
    } else {
      edits.push({ nl: `${y?.raw ?? ''} weggelaten`, en: `${y?.raw ?? ''} left out` });
      j--;
    }
  }
  for (const reason of edits.reverse()) push(out, reason);
  return out;
}
