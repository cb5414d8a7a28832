import { confusablesMap } from 'confusables';
import { normalizeHandle, validateHandle } from './handles';
import {
  DEFAULT_HANDLE_AFFIXES,
  HANDLE_FUZZERS,
  HandleFuzzer,
  LookalikeReasonCode as R,
  compareHandles,
  handleSkeleton,
  handleVariants,
  lookalikeSearchSkeletons,
  rankLookalikes,
} from './impersonation-engine';

/** The official handles of the policy note's inventory (section 4.2), as the demo register holds them. */
const INVENTORY = [
  'stadsnieuws',
  'Stadjerspas',
  'HVDGroningen',
  'GGDGroningen',
  'BRWGroningen',
  'Milieudienst050',
  'LK050',
  'lentekriebels050',
  'Muziekschool050',
  'Stadsschouwburg',
  'Oosterpoort',
  'Papiermolen',
  'Kardinge',
  'sdcGroningen',
  'sdcLiesbeth',
  'sdcAnneKrijn',
  'SDC050Ton',
  'Stadsbeheer050',
  'Damsterdiep',
  'CityofTalent',
  'StadskuddeGrunn',
];

type Row = [suspect: string, official: string, codes: string[] | null, nl?: string[]];
const full = (r: Row): [string, string, string[] | null, string[] | null] => [r[0], r[1], r[2], r[3] ?? null];

// Suspect, official, the reason codes expected (null: must NOT match), optionally the Dutch reasons.
const TABLE: Row[] = [
  // Digit and letter look-alikes (the curated table)
  ['Stadsbeheer05O', 'Stadsbeheer050', [R.LOOKALIKE_CHARACTER], ['O in plaats van 0']],
  ['5tadsbeheer050', 'Stadsbeheer050', [R.LOOKALIKE_CHARACTER], ['5 in plaats van S']],
  ['Stadsb3heer050', 'Stadsbeheer050', [R.LOOKALIKE_CHARACTER], ['3 in plaats van e']],
  ['Mi1ieudienst050', 'Milieudienst050', [R.LOOKALIKE_CHARACTER], ['1 in plaats van l']],
  ['MiIieudienst050', 'Milieudienst050', [R.LOOKALIKE_CHARACTER], ['I in plaats van l']],
  ['Kard1nge', 'Kardinge', [R.LOOKALIKE_CHARACTER], ['1 in plaats van i']],
  ['0osterpoort', 'Oosterpoort', [R.LOOKALIKE_CHARACTER], ['0 in plaats van O']],
  ['Papierrnolen', 'Papiermolen', [R.LOOKALIKE_CHARACTER], ['rn in plaats van m']],
  ['Stadsschouvvburg', 'Stadsschouwburg', [R.LOOKALIKE_CHARACTER], ['vv in plaats van w']],
  ['5DC050T0n', 'SDC050Ton', [R.LOOKALIKE_CHARACTER], ['5 in plaats van S', '0 in plaats van o']],
  ['Muz1eksch00l050', 'Muziekschool050', [R.LOOKALIKE_CHARACTER]],
  // Homoglyphs from other scripts (TR39 confusables)
  ['Ѕtadsbeheer050', 'Stadsbeheer050', [R.HOMOGLYPH], ['Cyrillische Ѕ in plaats van S']],
  ['Stadsbеheer050', 'Stadsbeheer050', [R.HOMOGLYPH], ['Cyrillische е in plaats van e']],
  ['Stаdsbeheer050', 'Stadsbeheer050', [R.HOMOGLYPH], ['Cyrillische а in plaats van a']],
  ['Оosterpoort', 'Oosterpoort', [R.HOMOGLYPH], ['Cyrillische О in plaats van O']],
  ['Ρapiermolen', 'Papiermolen', [R.HOMOGLYPH], ['Griekse Ρ in plaats van P']],
  ['ΗVDGroningen', 'HVDGroningen', [R.HOMOGLYPH], ['Griekse Η in plaats van H']],
  ['Kardіnge', 'Kardinge', [R.HOMOGLYPH], ['Cyrillische і in plaats van i']],
  ['GGDGrοningen', 'GGDGroningen', [R.HOMOGLYPH], ['Griekse ο in plaats van o']],
  ['Damsterdiep', 'Damsterdiep', [R.IDENTICAL]],
  ['сityofTalent', 'CityofTalent', [R.HOMOGLYPH], ['Cyrillische с in plaats van C']],
  // Accents and compatibility forms (NFKD)
  ['Stadsbehéer050', 'Stadsbeheer050', [R.ACCENT], ['accent anders']],
  ['Stadjerspäs', 'Stadjerspas', [R.ACCENT]],
  ['Ｓtadsbeheer050', 'Stadsbeheer050', [R.COMPATIBILITY_FORM]],
  ['𝐒tadsbeheer050', 'Stadsbeheer050', [R.COMPATIBILITY_FORM]],
  // Zero-width and other invisible characters
  ['Stads\u200Bbeheer050', 'Stadsbeheer050', [R.INVISIBLE_CHARACTER], ['onzichtbaar teken']],
  ['\uFEFFKardinge', 'Kardinge', [R.INVISIBLE_CHARACTER]],
  ['Oosterpo\u200Drt', 'Oosterpoort', [R.INVISIBLE_CHARACTER, R.CHARACTER_REMOVED], ['onzichtbaar teken', 'o weggelaten']],
  ['StadsbeheerNL', 'Stadsbeheer050', [R.AFFIX_REMOVED, R.AFFIX_ADDED], ['‘050’ weggelaten', '‘NL’ toegevoegd']],
  ['Milieu\u2060dienst050', 'Milieudienst050', [R.INVISIBLE_CHARACTER]],
  // Case and separators
  ['stadsbeheer050', 'Stadsbeheer050', [R.CASE], ['hoofdletters anders']],
  ['Stadsbeheer_050', 'Stadsbeheer050', [R.SEPARATOR_ADDED], ['underscore toegevoegd']],
  ['stads.beheer050', 'Stadsbeheer050', [R.SEPARATOR_ADDED, R.CASE], ['punt toegevoegd', 'hoofdletters anders']],
  ['Milieu-dienst050', 'Milieudienst050', [R.SEPARATOR_ADDED], ['streepje toegevoegd']],
  ['sdc_Liesbeth', 'sdcLiesbeth', [R.SEPARATOR_ADDED]],
  ['HVDGroningen', 'HVD_Groningen', [R.SEPARATOR_REMOVED], ['underscore weggelaten']],
  // Transpositions and single edits
  ['Stadsbehere050', 'Stadsbeheer050', [R.TRANSPOSITION], ['letters verwisseld']],
  ['Oostrepoort', 'Oosterpoort', [R.TRANSPOSITION]],
  ['Mileiudienst050', 'Milieudienst050', [R.TRANSPOSITION]],
  ['St4dsbeheer050', 'Stadsbeheer050', [R.SUBSTITUTION], ['4 in plaats van a']],
  ['Stadsbeheeer050', 'Stadsbeheer050', [R.CHARACTER_ADDED], ['e toegevoegd']],
  ['Stadsbeher050', 'Stadsbeheer050', [R.CHARACTER_REMOVED], ['e weggelaten']],
  ['Stadsbeheer0500', 'Stadsbeheer050', [R.CHARACTER_ADDED]],
  ['Kardinga', 'Kardinge', [R.SUBSTITUTION]],
  // Affixes fakers add or leave out
  ['Stadsbeheer050_official', 'Stadsbeheer050', [R.AFFIX_ADDED], ['‘_official’ toegevoegd']],
  ['real_Stadsbeheer050', 'Stadsbeheer050', [R.AFFIX_ADDED], ['‘real_’ toegevoegd']],
  ['GemeenteOosterpoort', 'Oosterpoort', [R.AFFIX_ADDED], ['‘Gemeente’ toegevoegd']],
  ['Kardinge.info', 'Kardinge', [R.AFFIX_ADDED], ['‘.info’ toegevoegd']],
  ['PapiermolenNL', 'Papiermolen', [R.AFFIX_ADDED], ['‘NL’ toegevoegd']],
  ['LK050official', 'LK050', [R.AFFIX_ADDED]],
  ['Stadsbeheer', 'Stadsbeheer050', [R.AFFIX_REMOVED], ['‘050’ weggelaten']],
  ['Milieudienst', 'Milieudienst050', [R.AFFIX_REMOVED]],
  ['HVD050', 'HVDGroningen', [R.AFFIX_REMOVED, R.AFFIX_ADDED], ['‘Groningen’ weggelaten', '‘050’ toegevoegd']],
  ['Stadsbeheer_nl', 'Stadsbeheer050', [R.AFFIX_REMOVED, R.AFFIX_ADDED]],
  ['TheReal_Stadjerspas', 'Stadjerspas', [R.AFFIX_ADDED]],
  ['Stadsbeheer05_official', 'Stadsbeheer050', [R.AFFIX_ADDED, R.CHARACTER_REMOVED]],
  ['0fficial_Kardinge', 'Kardinge', [R.AFFIX_ADDED]],
  ['Stadskudde050', 'StadskuddeGrunn', [R.AFFIX_REMOVED, R.AFFIX_ADDED]],
  // Several tricks at once
  ['5tads_beheer05O', 'Stadsbeheer050', [R.SEPARATOR_ADDED, R.LOOKALIKE_CHARACTER]],
  ['Ѕtads_bеheer050', 'Stadsbeheer050', [R.SEPARATOR_ADDED, R.HOMOGLYPH]],
  ['stads\u200B_beheer05O', 'Stadsbeheer050', [R.INVISIBLE_CHARACTER, R.SEPARATOR_ADDED, R.CASE, R.LOOKALIKE_CHARACTER]],
  // Unrelated: must NOT match
  ['Stadsbeheer050', 'Stadsschouwburg', null],
  ['Stadsschouwburg', 'Stadsbeheer050', null],
  ['HVDGroningen', 'GGDGroningen', null],
  ['GGDGroningen', 'BRWGroningen', null],
  ['sdcGroningen', 'GGDGroningen', null],
  ['Milieudienst050', 'Muziekschool050', null],
  ['sdcLiesbeth', 'sdcAnneKrijn', null],
  ['LK050', 'LK060', null],
  ['LK05', 'LK06', null],
  ['GGD', 'GGF', null],
  ['Oosterpoort', 'Stadsschouwburg', null],
  ['stadsnieuws', 'Stadjerspas', null],
  ['Stadsbeheer050', 'Stadsbeheer05011', null],
  ['Kardinge', 'Damsterdiep', null],
  ['Papiermolen', 'Papierwinkel', null],
  ['lentekriebels050', 'Muziekschool050', null],
  ['GemeenteGroningen', 'HVDGroningen', null],
  ['Groningen', 'HVDGroningen', null],
  ['official', 'Stadsbeheer050', null],
  ['', 'Stadsbeheer050', null],
  ['\u200B', 'Kardinge', null],
  ['Stadsbeheer_Noord', 'Stadsbeheer050', null],
  ['WijkteamOost050', 'WijkteamWest050', null],
  ['Cityoftalent050x', 'Stadskudde050', null],
];

describe('the confusables package, as checked before relying on it', () => {
  it('maps Cyrillic and Greek look-alikes to Latin letters', () => {
    expect(confusablesMap.get('а')).toBe('a');
    expect(confusablesMap.get('ѕ')).toBe('s');
    expect(confusablesMap.get('ο')).toBe('o');
    expect(confusablesMap.get('Ρ')).toBe('P');
  });

  it('maps no plain ASCII letter (so not m → rn, as TR39 does): the curated table does rn → m', () => {
    for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') expect(confusablesMap.get(c)).toBeUndefined();
    expect(handleSkeleton('rn')).toBe(handleSkeleton('m'));
  });

  it('is over-eager in places, which the engine corrects', () => {
    expect(confusablesMap.get('ß')).toBe('B');
    expect(handleSkeleton('Straße')).toBe('strasse');
    expect(confusablesMap.get('д')).toBe('A');
    expect(handleSkeleton('д')).toBe('д');
    expect(confusablesMap.get('и')).toBe('N');
    expect(handleSkeleton('и')).toBe('и');
  });
});

describe('handleSkeleton', () => {
  it.each<[string, string]>([
    ['Stadsbeheer050', 'stadsbeheeroso'],
    ['@stads_beheer.050', 'stadsbeheeroso'],
    ['stads-beheer050', 'stadsbeheeroso'],
    ['5tadsbeheer0SO', 'stadsbeheeroso'],
    ['Ѕtadsbеheer050', 'stadsbeheeroso'],
    ['Stads\u200B\u200Dbeheer050\uFEFF', 'stadsbeheeroso'],
    ['Ｓｔａｄｓｂｅｈｅｅｒ０５０', 'stadsbeheeroso'],
    ['Stadsbe\u0301heer050', 'stadsbeheeroso'],
    ['Papierrnolen', 'paplermolen'],
    ['vvater', 'water'],
    ['Gron1ngen', 'gronlngen'],
    ['', ''],
    ['@', ''],
  ])('%s → %s', (input, skeleton) => {
    expect(handleSkeleton(input)).toBe(skeleton);
  });
});

describe('compareHandles on the table', () => {
  it('has at least 60 pairs', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(TABLE.filter((r) => r[2] !== null).map(full))('%s passes for %s', (suspect, official, codes, nl) => {
    const result = compareHandles(suspect, official);
    expect(result).not.toBeNull();
    expect([...new Set(result?.reasons.map((r) => r.code))].sort()).toEqual([...new Set(codes)].sort());
    if (nl) expect(result?.reasons.map((r) => r.message.nl)).toEqual(nl);
    expect(result?.reasons.every((r) => r.message.en.length > 0 && r.message.nl.length > 0)).toBe(true);
    expect(result?.score).toBeGreaterThan(0);
    expect(result?.score).toBeLessThanOrEqual(1);
    expect(result?.score === 1).toBe(handleSkeleton(suspect) === handleSkeleton(official));
  });

  it.each(TABLE.filter((r) => r[2] === null).map(full))('%s does not pass for %s', (suspect, official) => {
    expect(compareHandles(suspect, official)).toBeNull();
  });

  it('gives the figure: every lookalike found, no false alarm (also between the real handles of the inventory)', () => {
    const lookalikes = TABLE.filter((r) => r[2] !== null);
    const unrelated: [string, string][] = TABLE.filter((r) => r[2] === null).map(([a, b]) => [a, b]);
    for (const a of INVENTORY) for (const b of INVENTORY) if (a !== b) unrelated.push([a, b]);
    const found = lookalikes.filter(([a, b]) => compareHandles(a, b) !== null).length;
    const alarms = unrelated.filter(([a, b]) => compareHandles(a, b) !== null);
    console.log(
      `lookalike engine: ${TABLE.length} pairs, ${found} of ${lookalikes.length} lookalikes found, ${alarms.length} false alarms of ${unrelated.length} unrelated` +
        ` (the table's ${TABLE.length - lookalikes.length} and ${unrelated.length - (TABLE.length - lookalikes.length)} pairs of the note's real handles)`,
    );
    expect(alarms).toEqual([]);
    expect(found).toBe(lookalikes.length);
  });

  it('speaks English too', () => {
    expect(compareHandles('Stadsbeheer05o', 'Stadsbeheer050')?.reasons.map((r) => r.message.en)).toEqual(['o in place of 0']);
    expect(compareHandles('Stаdsbeheer050', 'Stadsbeheer050')?.reasons.map((r) => r.message.en)).toEqual(['Cyrillic а in place of a']);
    expect(compareHandles('Stadsbeheer050_official', 'Stadsbeheer050')?.reasons.map((r) => r.message.en)).toEqual(['‘_official’ added']);
    expect(compareHandles('Stadsbehere050', 'Stadsbeheer050')?.reasons.map((r) => r.message.en)).toEqual(['letters swapped']);
  });

  it('scores the same skeleton 1, an affix below it, an edit below that', () => {
    const same = compareHandles('Stadsbeheer_050', 'Stadsbeheer050')?.score as number;
    const affix = compareHandles('Stadsbeheer050_official', 'Stadsbeheer050')?.score as number;
    const edit = compareHandles('St4dsbeheer050', 'Stadsbeheer050')?.score as number;
    const both = compareHandles('Stadsbeheer05_official', 'Stadsbeheer050')?.score as number;
    expect(same).toBe(1);
    expect(affix).toBeLessThan(same);
    expect(edit).toBeLessThan(affix);
    expect(both).toBeLessThan(edit);
  });
});

describe('rankLookalikes', () => {
  const candidates = [
    { id: 'c', platform: 'x', handle: 'Stadsschouwburg' },
    { id: 'b', platform: 'facebook', handle: 'Stadsbeheer050' },
    { id: 'a', platform: 'x', handle: 'Stadsbeheer050' },
    { id: 'd', platform: 'x', handle: 'Stadsbeheer' },
    { id: 'e', platform: 'X', handle: 'stadsbeheer05' },
  ];

  it('ranks the same platform only, best first, unrelated handles left out', () => {
    const ranked = rankLookalikes({ platform: 'x', handle: 'Stadsbeheer_050' }, candidates);
    expect(ranked.map((r) => [r.id, r.score])).toEqual([
      ['a', 1],
      ['d', 0.9],
      ['e', expect.any(Number)],
    ]);
    expect(ranked[0]?.reasons.map((r) => r.message.nl)).toEqual(['underscore toegevoegd']);
  });

  it('across platforms when asked, own platform first on equal scores', () => {
    const ranked = rankLookalikes({ platform: 'twitter', handle: 'Stadsbeheer050' }, candidates, { crossPlatform: true });
    expect(ranked.slice(0, 2).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('is deterministic whatever the order of the candidates, and honours limit and minScore', () => {
    const suspect = { platform: 'x', handle: 'Stadsbeheer050' };
    const forward = rankLookalikes(suspect, candidates, { crossPlatform: true });
    const backward = rankLookalikes(suspect, [...candidates].reverse(), { crossPlatform: true });
    expect(backward).toEqual(forward);
    expect(rankLookalikes(suspect, candidates, { crossPlatform: true, limit: 1 }).map((r) => r.id)).toEqual(['a']);
    expect(rankLookalikes(suspect, candidates, { crossPlatform: true, minScore: 1 }).map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('lookalikeSearchSkeletons', () => {
  it('gives the skeleton and its cores without a faker word', () => {
    expect(lookalikeSearchSkeletons('Stadsbeheer050_official')).toEqual(['stadsbeheerosoofflclal', 'stadsbeheeroso', 'stadsbeheer']);
    expect(lookalikeSearchSkeletons('LK050official')).toContain('lkoso');
    expect(lookalikeSearchSkeletons('')).toEqual([]);
  });
});

describe('handleVariants', () => {
  it.each<[string, string]>([
    ['x', 'Stadsbeheer050'],
    ['x', 'Milieudienst050'],
    ['instagram', 'gemeentegroningen'],
    ['facebook', 'Stadsschouwburg'],
    ['linkedin', 'gemeente-groningen'],
    ['bluesky', 'groningen.bsky.social'],
    ['mastodon', 'groningen@social.example'],
    ['youtube', 'GemeenteGroningen'],
  ])('%s @%s: only valid handles of the platform, never the original, each once', (platform, handle) => {
    const variants = handleVariants(platform, handle, { limit: 1000 });
    expect(variants.length).toBeGreaterThan(20);
    const original = normalizeHandle(platform, handle);
    const keys = variants.map((v) => normalizeHandle(platform, v.handle));
    expect(keys).not.toContain(original);
    expect(new Set(keys).size).toBe(keys.length);
    for (const v of variants) expect(validateHandle(platform, v.handle)).toEqual([]);
    // Grouped by fuzzer, in HANDLE_FUZZERS order.
    const order = variants.map((v) => HANDLE_FUZZERS.indexOf(v.fuzzer));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('bends the handle the way fakers do, and each variant is a lookalike of the original', () => {
    const variants = handleVariants('instagram', 'stadsbeheer050', { limit: 1000 });
    const of = (fuzzer: HandleFuzzer) => variants.filter((v) => v.fuzzer === fuzzer).map((v) => v.handle);
    expect(of(HandleFuzzer.ASCII_LOOKALIKE)).toContain('stadsbeheero50');
    expect(of(HandleFuzzer.AFFIX)).toEqual(expect.arrayContaining(['stadsbeheer', 'stadsbeheer050_official', 'real.stadsbeheer050', 'stadsbeheernl']));
    expect(of(HandleFuzzer.SEPARATOR)).toContain('stads_beheer050');
    expect(of(HandleFuzzer.TRANSPOSITION)).toContain('stadsbehere050');
    expect(of(HandleFuzzer.OMISSION)).toContain('stadsbeher050');
    expect(of(HandleFuzzer.REPETITION)).toContain('stadsbeheeer050');
    expect(of(HandleFuzzer.VOWEL_SWAP)).toContain('stadsbehaer050');
    const missed = variants.filter((v) => v.fuzzer !== HandleFuzzer.VOWEL_SWAP && compareHandles(v.handle, 'stadsbeheer050') === null);
    expect(missed).toEqual([]);
  });

  it('leaves out what the platform refuses: X names of at most 15 characters, no dots', () => {
    const variants = handleVariants('x', 'Stadsbeheer050', { limit: 1000 });
    expect(variants.some((v) => v.handle.includes('.') || v.handle.length > 15)).toBe(false);
    expect(variants.map((v) => v.handle)).toContain('Stadsbeheer_050');
  });

  it('honours the limit, and has nothing for phone numbers or unknown platforms', () => {
    expect(handleVariants('x', 'Stadsbeheer050', { limit: 5 })).toHaveLength(5);
    expect(handleVariants('x', 'Stadsbeheer050').length).toBeLessThanOrEqual(200);
    expect(handleVariants('whatsapp', '+31 6 12345678')).toEqual([]);
    expect(handleVariants('myspace', 'Stadsbeheer050')).toEqual([]);
    expect(handleVariants('x', '')).toEqual([]);
  });

  it('uses the affixes the comparison knows', () => {
    for (const word of ['official', 'real', 'nl', 'gemeente', 'info', '050']) expect(DEFAULT_HANDLE_AFFIXES).toContain(word);
  });
});
