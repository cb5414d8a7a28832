import { domainToASCII } from 'node:url';
import { parse } from 'tldts';
import {
  DEFAULT_LOOKALIKE_LIMIT,
  DEFAULT_LOOKALIKE_TLDS,
  DOMAIN_FUZZERS,
  domainLookalikes,
  DomainFuzzer,
  suffixAllowsIdn,
} from './domain-lookalikes';
import type { DomainLookalike } from './domain-lookalikes';
import { DomainError, ErrorCode } from './errors';

function byFuzzer(variants: DomainLookalike[], fuzzer: DomainFuzzer): string[] {
  return variants.filter((v) => v.fuzzer === fuzzer).map((v) => v.domain);
}

const groningen = domainLookalikes('groningen.nl');

describe('domainLookalikes: each fuzzer', () => {
  it.each<[DomainFuzzer, string[]]>([
    ['TLD_SWAP', ['groningen.com', 'groningen.eu', 'groningen.org', 'groningen.info', 'groningen.net', 'groningen.de', 'groningen.be']],
    ['ADDED_WORD', ['groningen-gemeente.nl', 'gemeentegroningen.nl', 'gemeente-groningen.nl', 'groningengemeente.nl', 'stadgroningen.nl', 'groningen050.nl', 'groningen-info.nl', 'onlinegroningen.nl', 'groningennl.nl']],
    ['OMISSION', ['groninen.nl', 'roningen.nl', 'groninge.nl', 'gronigen.nl']],
    ['TRANSPOSITION', ['grnoingen.nl', 'rgoningen.nl', 'groningne.nl', 'gronnigen.nl']],
    ['REPETITION', ['grooningen.nl', 'ggroningen.nl', 'groningenn.nl']],
    ['ASCII_LOOKALIKE', ['gr0ningen.nl', 'gronlngen.nl', 'gron1ngen.nl', 'qroningen.nl']],
    ['VOWEL_SWAP', ['greningen.nl', 'groningan.nl', 'gruningen.nl']],
    ['HYPHENATION', ['gron-ingen.nl', 'g-roningen.nl', 'groninge-n.nl']],
    ['REPLACEMENT', ['grpningen.nl', 'froningen.nl', 'groningem.nl', 'gr9ningen.nl']],
    ['INSERTION', ['grponingen.nl', 'gropningen.nl', 'groningenm.nl', 'fgroningen.nl']],
    ['ADDITION', ['groningens.nl', 'groningen1.nl', 'groningena.nl']],
    ['BITSQUATTING', ['eroningen.nl', 'grofingen.nl', 'croningen.nl']],
  ])('%s of groningen.nl includes the expected variants', (fuzzer, expected) => {
    expect(byFuzzer(groningen, fuzzer)).toEqual(expect.arrayContaining(expected));
  });

  it('does not produce what a fuzzer cannot reach', () => {
    expect(byFuzzer(groningen, 'OMISSION')).toHaveLength(9);
    expect(byFuzzer(groningen, 'OMISSION').every((d) => d.length === 'groningen.nl'.length - 1)).toBe(true);
    expect(byFuzzer(groningen, 'TRANSPOSITION')).not.toContain('groningen.nl');
    expect(byFuzzer(groningen, 'HYPHENATION')).not.toContain('-groningen.nl');
    expect(byFuzzer(groningen, 'HYPHENATION')).not.toContain('groningen-.nl');
    expect(byFuzzer(groningen, 'TLD_SWAP')).not.toContain('groningen.nl');
    // q is not next to g on a QWERTY keyboard.
    expect(byFuzzer(groningen, 'REPLACEMENT')).not.toContain('qroningen.nl');
  });

  it('swaps to the default extensions except its own', () => {
    expect(byFuzzer(groningen, 'TLD_SWAP')).toEqual(DEFAULT_LOOKALIKE_TLDS.filter((t) => t !== 'nl').map((t) => `groningen.${t}`));
  });

  it('replaces with QWERTY neighbours only', () => {
    const variants = byFuzzer(domainLookalikes('qa.nl', { fuzzers: ['REPLACEMENT'] }), 'REPLACEMENT');
    expect(variants.sort()).toEqual(['1a.nl', '2a.nl', 'aa.nl', 'qq.nl', 'qs.nl', 'qw.nl', 'qz.nl', 'wa.nl'].sort());
  });
});

describe('domainLookalikes: homoglyphs and internationalised names', () => {
  it('generates no homoglyphs under .nl, where SIDN accepts no IDN', () => {
    expect(suffixAllowsIdn('nl')).toBe(false);
    expect(byFuzzer(groningen, 'HOMOGLYPH')).toEqual([]);
    expect(groningen.every((v) => /^[a-z0-9.-]+$/.test(v.domain) && v.unicode === v.domain)).toBe(true);
  });

  it.each(['com', 'de', 'eu', 'be'])('generates accented homoglyphs under .%s', (tld) => {
    expect(suffixAllowsIdn(tld)).toBe(true);
    const variants = domainLookalikes(`groningen.${tld}`).filter((v) => v.fuzzer === 'HOMOGLYPH');
    expect(variants.map((v) => v.unicode)).toEqual(expect.arrayContaining([`gröningen.${tld}`, `groníngen.${tld}`, `groniñgen.${tld}`]));
    for (const v of variants) {
      expect(v.domain).toBe(domainToASCII(v.unicode));
      expect(v.domain).toMatch(/^xn--/);
    }
  });

  it('works on an internationalised name in ASCII or Unicode', () => {
    const fromUnicode = domainLookalikes('bücher.de');
    expect(domainLookalikes('xn--bcher-kva.de')).toEqual(fromUnicode);
    const omission = fromUnicode.filter((v) => v.fuzzer === 'OMISSION');
    expect(omission.map((v) => v.unicode)).toEqual(expect.arrayContaining(['bcher.de', 'büher.de']));
    expect(omission.find((v) => v.unicode === 'büher.de')?.domain).toBe(domainToASCII('büher.de'));
    // .nl accepts no IDN, so bücher.nl is not offered as a TLD swap.
    const swaps = byFuzzer(fromUnicode, 'TLD_SWAP');
    expect(swaps).toContain(domainToASCII('bücher.com'));
    expect(swaps).not.toContain(domainToASCII('bücher.nl'));
    expect(swaps.some((d) => d.endsWith('.nl'))).toBe(false);
  });
});

describe('domainLookalikes: input', () => {
  it('uses only the registrable domain of a subdomain or URL', () => {
    expect(domainLookalikes('https://www.Groningen.nl/afval?x=1')).toEqual(groningen);
    expect(domainLookalikes('mijnwijk.groningen.nl')).toEqual(groningen);
    expect(domainLookalikes('groningen.nl.')).toEqual(groningen);
  });

  it('works on the name left of a private suffix', () => {
    const variants = domainLookalikes('groningen.github.io');
    expect(byFuzzer(variants, 'OMISSION')).toContain('groninen.github.io');
    expect(byFuzzer(variants, 'TLD_SWAP')).toEqual(expect.arrayContaining(['groningen.nl', 'groningen.com']));
    expect(variants.some((v) => v.domain.endsWith('.io') && !v.domain.endsWith('.github.io') && v.fuzzer !== 'TLD_SWAP')).toBe(false);
  });

  it('works on a name under a two-level suffix', () => {
    const variants = domainLookalikes('groningen.co.uk');
    expect(byFuzzer(variants, 'TRANSPOSITION')).toContain('grnoingen.co.uk');
    expect(byFuzzer(variants, 'TLD_SWAP')).toContain('groningen.nl');
  });

  it.each(['', 'nl', 'co.uk', 'localhost', '192.168.1.1', 'not a domain'])('refuses %j', (input) => {
    let error: unknown;
    try {
      domainLookalikes(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe('domainLookalikes: options', () => {
  it('marks the variants we already hold', () => {
    const variants = domainLookalikes('groningen.nl', { claimed: ['Groningen.COM', 'gemeentegroningen.nl.', 'groningen.nl', 'grönïngen.de'] });
    const claimed = variants.filter((v) => v.claimed).map((v) => v.domain);
    expect(claimed.sort()).toEqual(['gemeentegroningen.nl', 'groningen.com']);
    expect(domainLookalikes('groningen.de', { claimed: new Set(['gröningen.de']) }).find((v) => v.unicode === 'gröningen.de')?.claimed).toBe(true);
  });

  it('marks nothing without claims', () => {
    expect(groningen.some((v) => v.claimed)).toBe(false);
  });

  it('runs only the chosen fuzzers', () => {
    const variants = domainLookalikes('groningen.nl', { fuzzers: ['OMISSION', 'TLD_SWAP'] });
    expect(new Set(variants.map((v) => v.fuzzer))).toEqual(new Set(['OMISSION', 'TLD_SWAP']));
  });

  it('takes its own extensions and words', () => {
    const variants = domainLookalikes('groningen.nl', { fuzzers: ['TLD_SWAP', 'ADDED_WORD'], tlds: ['.NL', 'amsterdam', 'nl'], words: ['Haren'] });
    expect(variants.map((v) => v.domain)).toEqual(['groningen.amsterdam', 'harengroningen.nl', 'haren-groningen.nl', 'groningenharen.nl', 'groningen-haren.nl']);
  });

  it('skips extensions that are not public suffixes', () => {
    expect(byFuzzer(domainLookalikes('groningen.nl', { tlds: ['local', 'invalid-tld', 'com'] }), 'TLD_SWAP')).toEqual(['groningen.com']);
  });

  it.each([0, 1, 10, 100])('caps at %d, keeping the first ones', (limit) => {
    const capped = domainLookalikes('gemeente-groningen.nl', { limit });
    expect(capped).toEqual(domainLookalikes('gemeente-groningen.nl', { limit: 100000 }).slice(0, limit));
  });

  it('has a sane default cap', () => {
    expect(domainLookalikes('gemeentelijkebelastingdienstgroningen.nl').length).toBeLessThanOrEqual(DEFAULT_LOOKALIKE_LIMIT);
    expect(domainLookalikes('a-very-long-name-indeed-for-a-municipal-campaign.nl', { limit: Number.POSITIVE_INFINITY }).length).toBeLessThanOrEqual(DEFAULT_LOOKALIKE_LIMIT);
    expect(domainLookalikes('groningen.nl', { limit: -5 })).toEqual([]);
  });
});

describe('domainLookalikes: invariants', () => {
  const inputs = ['groningen.nl', 'stadsnieuws.nl', 'gemeente-groningen.nl', 'ggd.nl', 'ab.nl', '050.nl', 'groningen.com', 'bücher.de', 'groningen.github.io', 'stad.groningen.co.uk', 'x.com', 'a1-b2.eu'];

  it.each(inputs)('%s: never the original, no duplicates, valid registrable hosts, stable order', (input) => {
    const variants = domainLookalikes(input, { limit: 100000 });
    const original = parse(domainToASCII(input), { allowPrivateDomains: true }).domain;
    expect(variants.length).toBeGreaterThan(0);
    const domains = variants.map((v) => v.domain);
    expect(domains).not.toContain(original);
    expect(new Set(domains).size).toBe(domains.length);
    for (const { domain, unicode } of variants) {
      expect(domain).toBe(domain.toLowerCase());
      expect(domain.length).toBeLessThanOrEqual(253);
      for (const label of domain.split('.')) {
        expect(label).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/);
        if (label.slice(2, 4) === '--') expect(label.startsWith('xn--')).toBe(true);
      }
      expect(domainToASCII(unicode)).toBe(domain);
      const info = parse(domain, { allowPrivateDomains: true });
      expect(info.domain).toBe(domain);
    }
    // Grouped by fuzzer in the documented order.
    const order = variants.map((v) => DOMAIN_FUZZERS.indexOf(v.fuzzer));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(domainLookalikes(input, { limit: 100000 })).toEqual(variants);
  });

  it('keeps long names within 63 characters per label', () => {
    const name = 'a'.repeat(62);
    const variants = domainLookalikes(`${name}.nl`, { limit: 100000 });
    expect(variants.length).toBeGreaterThan(0);
    expect(variants.every((v) => v.domain.split('.').every((label) => label.length <= 63))).toBe(true);
    expect(byFuzzer(variants, 'REPETITION')).toEqual([`${name}a.nl`]);
    expect(byFuzzer(variants, 'ADDED_WORD')).toEqual([]);
  });

  it('never offers single-character names', () => {
    expect(domainLookalikes('ab.nl', { limit: 100000 }).every((v) => v.domain.split('.')[0]!.length >= 2)).toBe(true);
  });
});
