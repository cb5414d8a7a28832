// Which characters of a suspect handle differ from the official one, for a side-by-side view that a legal
// reviewer can read: a character-level alignment by Damerau-Levenshtein (optimal string alignment), so two
// swapped letters show as one change instead of a removal and an addition.

export type HandleDiffKind = 'same' | 'changed' | 'added' | 'removed';

export interface HandleDiffSegment {
  kind: HandleDiffKind;
  /** What to show: the suspect's characters, or for `removed` the official's. */
  text: string;
  /** The official handle's characters here ('' for `added`). */
  official: string;
  /** The suspect handle's characters here ('' for `removed`). */
  suspect: string;
  /** `changed` only: the two characters are the official's, swapped. */
  transposed?: boolean;
}

export interface HandleDiffOptions {
  /**
   * Compare without case (default true): platforms mostly treat handles case-insensitively, so a case
   * difference is not what makes a fake; the segments keep each handle's own spelling.
   */
  ignoreCase?: boolean;
}

const COMBINING = /^\p{M}$/u;

/**
 * The units the alignment works on: one code point with the combining marks after it (an accented letter
 * stays one unit, however it is encoded). Zero-width characters are units of their own, so an inserted one
 * shows as added.
 */
export function handleUnits(handle: string): string[] {
  const units: string[] = [];
  for (const cp of handle) {
    if (COMBINING.test(cp) && units.length > 0) units[units.length - 1] += cp;
    else units.push(cp);
  }
  return units;
}

type Op = { kind: HandleDiffKind; official: string; suspect: string; transposed?: boolean };

/**
 * The official handle turned into the suspect one, as segments in order: `same` where they agree, `changed`
 * where the suspect has other characters in their place (including two letters swapped), `added` where the
 * suspect has characters the official lacks, `removed` where it lacks the official's. Joining the `suspect`
 * parts gives the suspect handle, joining the `official` parts the official one.
 */
export function handleDiff(official: string, suspect: string, options: HandleDiffOptions = {}): HandleDiffSegment[] {
  const ignoreCase = options.ignoreCase ?? true;
  // Aligned back to front, so that walking the table back reads the handles front to back and a tie goes
  // to the earliest match: "GGDGroningen" + "_nl", not "GGDGroninge" + "n_" + "n" + "l".
  const a = handleUnits(official).reverse();
  const b = handleUnits(suspect).reverse();
  const key = (u: string) => (ignoreCase ? u.normalize('NFC').toLowerCase() : u.normalize('NFC'));
  const ka = a.map(key);
  const kb = b.map(key);
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const d = new Uint32Array((n + 1) * w);
  const swapped = (i: number, j: number) => i > 1 && j > 1 && ka[i - 1] === kb[j - 2] && ka[i - 2] === kb[j - 1] && ka[i - 1] !== ka[i - 2];
  for (let i = 0; i <= n; i++) d[i * w] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = ka[i - 1] === kb[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost);
      if (swapped(i, j)) best = Math.min(best, d[(i - 2) * w + j - 2] + 1);
      d[i * w + j] = best;
    }
  }

  // Preferring a match, then a swap, then a substitution, then a removal, then an addition.
  const ops: Op[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i * w + j];
    if (i > 0 && j > 0 && ka[i - 1] === kb[j - 1] && here === d[(i - 1) * w + j - 1]) {
      ops.push({ kind: 'same', official: a[i - 1], suspect: b[j - 1] });
      i--;
      j--;
    } else if (swapped(i, j) && here === d[(i - 2) * w + j - 2] + 1) {
      ops.push({ kind: 'changed', official: a[i - 1] + a[i - 2], suspect: b[j - 1] + b[j - 2], transposed: true });
      i -= 2;
      j -= 2;
    } else if (i > 0 && j > 0 && here === d[(i - 1) * w + j - 1] + 1) {
      ops.push({ kind: 'changed', official: a[i - 1], suspect: b[j - 1] });
      i--;
      j--;
    } else if (i > 0 && here === d[(i - 1) * w + j] + 1) {
      ops.push({ kind: 'removed', official: a[i - 1], suspect: '' });
      i--;
    } else {
      ops.push({ kind: 'added', official: '', suspect: b[j - 1] });
      j--;
    }
  }

  // A run of differences between two agreeing stretches is one segment: `changed` when something took the
  // place of something ("rn" for "m"), `added` or `removed` when only one side has characters there. A swap
  // stays a segment of its own, so it can say so.
  const segments: HandleDiffSegment[] = [];
  for (const op of ops) {
    const last = segments[segments.length - 1];
    const joins = last && !last.transposed && !op.transposed && (last.kind === 'same') === (op.kind === 'same');
    if (last && joins) {
      last.official += op.official;
      last.suspect += op.suspect;
      if (last.kind !== op.kind) last.kind = 'changed';
      last.text = last.kind === 'removed' ? last.official : last.suspect;
    } else {
      segments.push({
        kind: op.kind,
        text: op.kind === 'removed' ? op.official : op.suspect,
        official: op.official,
        suspect: op.suspect,
        ...(op.transposed ? { transposed: true } : {}),
      });
    }
  }
  return segments;
}
