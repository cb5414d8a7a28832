import { damerauLevenshtein, foldHandle, handlesLookAlike } from './lookalike';

describe('foldHandle', () => {
  it.each<[string, string]>([
    ['Stadsbeheer050', 'stadsbeheeroso'],
    ['@stads_beheer.050', 'stadsbeheeroso'],
    ['stads-beheer050', 'stadsbeheeroso'],
    ['5tadsbeheer0SO', 'stadsbeheeroso'],
    ['Stads\u200Bbeheer050', 'stadsbeheeroso'],
    ['Stadsdeelcoördinatie', 'stadsdeelcoordlnatle'],
    ['Gron1ngen', 'gronlngen'],
    ['GronIngen', 'gronlngen'],
    ['Groningen', 'gronlngen'],
    ['rnilieu', 'mllleu'],
    ['vvater', 'water'],
    ['GGD3', 'ggde'],
    ['', ''],
  ])('%s → %s', (input, folded) => {
    expect(foldHandle(input)).toBe(folded);
  });
});

describe('damerauLevenshtein', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['groningen', 'groningen', 0],
    ['groningen', 'groninge', 1],
    ['groningen', 'groningeen', 1],
    ['groningen', 'groningan', 1],
    ['groningen', 'gronnigen', 1],
    ['ca', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['stadsbeheer', 'beheerstads', 10],
    ['ö', 'o', 1],
  ])('%s ↔ %s = %d', (a, b, distance) => {
    expect(damerauLevenshtein(a, b)).toBe(distance);
    expect(damerauLevenshtein(b, a)).toBe(distance);
  });
});

describe('handlesLookAlike', () => {
  const nl = (a: string, b: string) => handlesLookAlike(a, b).reasons.map((r) => r.nl);

  it.each<[string, string, string[]]>([
    ['Stadsbeheer05O', 'Stadsbeheer050', ['O in plaats van 0']],
    ['Stadsbeheer05o', 'Stadsbeheer050', ['o in plaats van 0']],
    ['Stadsbeheer0S0', 'Stadsbeheer050', ['S in plaats van 5']],
    ['Stadsbeheer050', 'Stadsbeheer05O', ['0 in plaats van O']],
    ['Stadsb3heer050', 'Stadsbeheer050', ['3 in plaats van e']],
    ['Mi1ieudienst050', 'Milieudienst050', ['1 in plaats van l']],
    ['MiIieudienst050', 'Milieudienst050', ['I in plaats van l']],
    ['Kardinge', 'Kardlnge', ['i in plaats van l']],
    ['Stadsschouvvburg', 'Stadsschouwburg', ['vv in plaats van w']],
    ['Papierrnolen', 'Papiermolen', ['rn in plaats van m']],
    ['Stads_beheer050', 'Stadsbeheer050', ['underscore toegevoegd']],
    ['Stadsbeheer050', 'Stads_beheer050', ['underscore weggelaten']],
    ['stads.beheer050', 'Stadsbeheer050', ['punt toegevoegd', 'hoofdletters anders']],
    ['stads-beheer050', 'stadsbeheer050', ['streepje toegevoegd']],
    ['stadsbeheer050', 'Stadsbeheer050', ['hoofdletters anders']],
    ['Stadsbehere050', 'Stadsbeheer050', ['letters verwisseld']],
    ['Stadsbeheer0500', 'Stadsbeheer050', ['0 toegevoegd']],
    ['Stadsbeheer05', 'Stadsbeheer050', ['0 weggelaten']],
    ['Stadsbeheer051', 'Stadsbeheer050', ['1 in plaats van 0']],
    ['Stads\u200Bbeheer050', 'Stadsbeheer050', ['onzichtbaar teken']],
    ['Stadsbehéer050', 'Stadsbeheer050', ['accent anders']],
    ['5tads_beheer05O', 'Stadsbeheer050', ['underscore toegevoegd', '5 in plaats van S', 'O in plaats van 0']],
    ['Stadsbeheer050', 'Stadsbeheer050', []],
  ])('%s looks like %s', (a, b, reasons) => {
    const result = handlesLookAlike(a, b);
    expect(result.alike).toBe(true);
    expect(result.reasons.map((r) => r.nl)).toEqual(reasons);
    expect(result.reasons.every((r) => r.en.length > 0)).toBe(true);
  });

  it.each<[string, string]>([
    ['Stadsbeheer050', 'Milieudienst050'],
    ['Stadsbeheer050', 'Stadsbeheer'],
    ['Stadsbeheer050', 'Stadsbeheer05011'],
    ['LK05', 'LK06'],
    ['GGD', 'GGF'],
    ['HVDGroningen', 'GGDGroningen'],
    ['sdcLiesbeth', 'sdcAnneKrijn'],
    ['', ''],
    ['Oosterpoort', 'Stadsschouwburg'],
  ])('%s does not look like %s', (a, b) => {
    const result = handlesLookAlike(a, b);
    expect(result.alike).toBe(false);
    expect(result.reasons).toEqual([]);
  });

  it('gives English reasons too', () => {
    expect(handlesLookAlike('stads_beheer05O', 'Stadsbeheer050').reasons.map((r) => r.en)).toEqual(['underscore added', 'different capitals', 'O instead of 0']);
  });

  it('short handles are only alike when equal after folding', () => {
    expect(handlesLookAlike('LK05O', 'LK050').alike).toBe(true);
    expect(handlesLookAlike('GGD1', 'GGDl').alike).toBe(true);
    expect(handlesLookAlike('GGD1', 'GGD2').alike).toBe(false);
  });
});
