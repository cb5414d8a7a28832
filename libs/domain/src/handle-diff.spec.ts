import { handleDiff, handleUnits, type HandleDiffSegment } from './handle-diff';

/** A compact picture of the segments: same as is, [changed:was], +added+, -removed-. */
const picture = (segments: HandleDiffSegment[]) =>
  segments
    .map((s) =>
      s.kind === 'same' ? s.text
      : s.kind === 'added' ? `+${s.text}+`
      : s.kind === 'removed' ? `-${s.text}-`
      : `[${s.suspect}:${s.official}${s.transposed ? ':swap' : ''}]`,
    )
    .join('');

describe('handleDiff', () => {
  it.each([
    ['identical', 'GGDGroningen', 'GGDGroningen', 'GGDGroningen'],
    ['an added affix', 'GGDGroningen', 'GGDGroningen_nl', 'GGDGroningen+_nl+'],
    ['an added separator', 'Stadsbeheer050', 'Stadsbeheer_050', 'Stadsbeheer+_+050'],
    ['a digit for a letter', 'GGDGroningen', 'GGDGr0ningen', 'GGDGr[0:o]ningen'],
    ['two letters swapped, as one change', 'GGDGroningen', 'GGDGroinngen', 'GGDGro[in:ni:swap]ngen'],
    ['a letter left out', 'Milieudienst050', 'Milieudinst050', 'Milieudi-e-nst050'],
    ['rn for m, as one change', 'gemeente', 'gerneente', 'ge[rn:m]eente'],
    ['a prefix added', 'Stadsbeheer050', 'realStadsbeheer050', '+real+Stadsbeheer050'],
    ['a Cyrillic а for a Latin a', 'Stadsbeheer050', 'St\u0430dsbeheer050', 'St[\u0430:a]dsbeheer050'],
    ['a zero-width space inserted', 'GGDGroningen', 'GGD\u200bGroningen', 'GGD+\u200b+Groningen'],
    ['two changes apart', 'Stadsbeheer050', '5tadsbeheer05O', '[5:S]tadsbeheer05[O:0]'],
    ['entirely different', 'abc', 'xyz', '[xyz:abc]'],
    ['from empty', '', 'abc', '+abc+'],
    ['to empty', 'abc', '', '-abc-'],
    ['both empty', '', '', ''],
  ])('%s: %s → %s', (_what, official, suspect, expected) => {
    expect(picture(handleDiff(official, suspect))).toBe(expected);
  });

  it('joins back to both handles, whatever the difference', () => {
    const pairs: [string, string][] = [
      ['GGDGroningen', 'ggd.groningen.official'],
      ['BRWGroningen', 'brandweer.groningen.official'],
      ['Stadsbeheer050', '5tadsbeheer05O'],
      ['gemeentegroningen', 'gemeentgeroningen'],
      ['ab', 'ba'],
    ];
    for (const [official, suspect] of pairs) {
      const segments = handleDiff(official, suspect);
      expect(segments.map((s) => s.official).join('')).toBe(official);
      expect(segments.map((s) => s.suspect).join('')).toBe(suspect);
      for (const s of segments) expect(s.text).toBe(s.kind === 'removed' ? s.official : s.suspect);
    }
  });

  it('ignores case by default but keeps each spelling; strict on request', () => {
    const segments = handleDiff('GGDGroningen', 'ggdgroningen');
    expect(segments).toEqual([{ kind: 'same', text: 'ggdgroningen', official: 'GGDGroningen', suspect: 'ggdgroningen' }]);
    expect(picture(handleDiff('GGDGroningen', 'GGDgroningen', { ignoreCase: false }))).toBe('GGD[g:G]roningen');
  });

  it('keeps an accented letter as one unit, precomposed or not', () => {
    expect(handleUnits('e\u0301a')).toEqual(['e\u0301', 'a']);
    expect(picture(handleDiff('cafe', 'caf\u00e9'))).toBe('caf[\u00e9:e]');
    expect(picture(handleDiff('cafe', 'cafe\u0301'))).toBe('caf[e\u0301:e]');
    // The same letter in either encoding is the same.
    expect(picture(handleDiff('caf\u00e9', 'cafe\u0301'))).toBe('cafe\u0301');
  });

  it('works on characters outside the BMP without splitting them', () => {
    expect(picture(handleDiff('ggd', 'g\u{1d5f4}d'))).toBe('g[\u{1d5f4}:g]d');
  });
});
