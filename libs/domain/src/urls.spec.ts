import { domainToASCII, domainToUnicode } from 'node:url';
import { DomainError, ErrorCode } from './errors';
import {
  CLAIMED_URL_KINDS,
  CLAIMED_URL_PURPOSES,
  claimedDomainsIn,
  ClaimedUrlKind,
  daysUntilExpiry,
  decodePunycode,
  domainOfUrl,
  domainsInText,
  expiryState,
  expiryWarningThreshold,
  hostToAscii,
  hostToUnicode,
  linkedHostsInText,
  isValidAsciiHostname,
  normalizeClaimedUrl,
} from './urls';
import type { NormalizedClaimedUrl } from './urls';

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('kinds and purposes', () => {
  it('lists the kinds and purposes of the product description', () => {
    expect(CLAIMED_URL_KINDS).toEqual(['DOMAIN', 'SUBDOMAIN', 'URL', 'PLATFORM_VANITY']);
    expect(CLAIMED_URL_PURPOSES).toEqual(['PRIMARY', 'CAMPAIGN', 'REDIRECT', 'DEFENSIVE']);
  });
});

describe('normalizeClaimedUrl: domains and subdomains', () => {
  it.each<[string, ClaimedUrlKind | undefined, Partial<NormalizedClaimedUrl>]>([
    ['https://WWW.Stadsnieuws.nl/nieuws?x=1', 'DOMAIN', { kind: 'DOMAIN', normalized: 'stadsnieuws.nl', host: 'stadsnieuws.nl', registrableDomain: 'stadsnieuws.nl', publicSuffix: 'nl' }],
    ['stadsnieuws.nl', undefined, { kind: 'DOMAIN', normalized: 'stadsnieuws.nl' }],
    ['Groningen.NL', undefined, { kind: 'DOMAIN', normalized: 'groningen.nl' }],
    ['groningen.nl.', undefined, { kind: 'DOMAIN', normalized: 'groningen.nl' }],
    ['https://groningen.nl.:8443/', undefined, { kind: 'DOMAIN', normalized: 'groningen.nl' }],
    ['http://groningen.nl:80', undefined, { kind: 'DOMAIN', normalized: 'groningen.nl' }],
    ['//www.groningen.nl', undefined, { kind: 'DOMAIN', normalized: 'groningen.nl' }],
    ['https://user:secret@groningen.nl/', undefined, { kind: 'DOMAIN', normalized: 'groningen.nl' }],
    ['  \u200Bgroningen.nl\uFEFF ', undefined, { kind: 'DOMAIN', normalized: 'groningen.nl', value: 'groningen.nl' }],
    ['ｇｒｏｎｉｎｇｅｎ.nl', undefined, { kind: 'DOMAIN', normalized: 'groningen.nl' }],
    ['www.nl', undefined, { kind: 'DOMAIN', normalized: 'www.nl', registrableDomain: 'www.nl' }],
    ['mijnwijk.groningen.nl', undefined, { kind: 'SUBDOMAIN', normalized: 'mijnwijk.groningen.nl', registrableDomain: 'groningen.nl', publicSuffix: 'nl' }],
    ['https://MijnWijk.Groningen.nl/?utm=x', 'SUBDOMAIN', { kind: 'SUBDOMAIN', normalized: 'mijnwijk.groningen.nl' }],
    ['www.mijnwijk.groningen.nl', 'SUBDOMAIN', { kind: 'SUBDOMAIN', normalized: 'mijnwijk.groningen.nl' }],
    ['a.b.groningen.nl', undefined, { kind: 'SUBDOMAIN', normalized: 'a.b.groningen.nl', registrableDomain: 'groningen.nl' }],
    ['stad.groningen.co.uk', undefined, { kind: 'SUBDOMAIN', registrableDomain: 'groningen.co.uk', publicSuffix: 'co.uk' }],
    ['groningen.github.io', undefined, { kind: 'DOMAIN', normalized: 'groningen.github.io', registrableDomain: 'groningen.github.io', publicSuffix: 'github.io', isPrivateSuffix: true }],
    ['docs.groningen.github.io', undefined, { kind: 'SUBDOMAIN', registrableDomain: 'groningen.github.io', publicSuffix: 'github.io' }],
    ['github.com', undefined, { kind: 'DOMAIN', isPrivateSuffix: false, publicSuffix: 'com' }],
  ])('%s (%s)', (input, kind, expected) => {
    expect(normalizeClaimedUrl(input, kind)).toMatchObject(expected);
  });

  it('keeps the value as entered, trimmed', () => {
    expect(normalizeClaimedUrl(' https://WWW.Stadsnieuws.nl/nieuws?x=1 ', 'DOMAIN').value).toBe('https://WWW.Stadsnieuws.nl/nieuws?x=1');
  });
});

describe('normalizeClaimedUrl: internationalised names', () => {
  it.each<[string, string, string]>([
    ['bücher.de', 'xn--bcher-kva.de', 'bücher.de'],
    ['BÜCHER.de', 'xn--bcher-kva.de', 'bücher.de'],
    ['https://www.Bücher.de/shop/', 'xn--bcher-kva.de', 'bücher.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de', 'bücher.de'],
    ['straße.de', 'xn--strae-oqa.de', 'straße.de'],
    ['münchen.example.com', 'xn--mnchen-3ya.example.com', 'münchen.example.com'],
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai', 'пример.рф'],
  ])('%s → %s', (input, ascii, unicode) => {
    const result = normalizeClaimedUrl(input);
    expect(result.host).toBe(ascii);
    expect(result.hostUnicode).toBe(unicode);
    expect(result.host).toBe(domainToASCII(unicode));
  });

  it('gives the registrable domain in both forms', () => {
    const result = normalizeClaimedUrl('wijk.bücher.de');
    expect(result).toMatchObject({ kind: 'SUBDOMAIN', normalized: 'wijk.xn--bcher-kva.de', registrableDomain: 'xn--bcher-kva.de', registrableDomainUnicode: 'bücher.de', normalizedUnicode: 'wijk.bücher.de' });
  });
});

describe('normalizeClaimedUrl: URLs', () => {
  it.each<[string, string, string]>([
    ['https://www.groningen.nl/afval/', 'groningen.nl/afval', '/afval'],
    ['HTTP://Groningen.nl/Afval?utm_source=x#top', 'groningen.nl/Afval', '/Afval'],
    ['groningen.nl/afval//', 'groningen.nl/afval', '/afval'],
    ['groningen.nl/a/./b/../c', 'groningen.nl/a/c', '/a/c'],
    ['groningen.nl/%7eteam/%c3%a9t%c3%a9', 'groningen.nl/~team/%C3%A9t%C3%A9', '/~team/%C3%A9t%C3%A9'],
    ['groningen.nl/été', 'groningen.nl/%C3%A9t%C3%A9', '/%C3%A9t%C3%A9'],
    ['https://mijnwijk.groningen.nl:8443/kaart', 'mijnwijk.groningen.nl/kaart', '/kaart'],
  ])('%s → %s', (input, normalized, path) => {
    expect(normalizeClaimedUrl(input)).toMatchObject({ kind: 'URL', normalized, path });
    expect(normalizeClaimedUrl(input, 'URL').normalized).toBe(normalized);
  });

  it('drops the path of a DOMAIN or SUBDOMAIN claim', () => {
    expect(normalizeClaimedUrl('groningen.nl/afval', 'DOMAIN').normalized).toBe('groningen.nl');
    expect(normalizeClaimedUrl('mijnwijk.groningen.nl/kaart', 'SUBDOMAIN').normalized).toBe('mijnwijk.groningen.nl');
  });
});

describe('normalizeClaimedUrl: platform vanity addresses', () => {
  it.each<[string, string, string, string]>([
    ['facebook.com/Milieudienst050', 'facebook', 'milieudienst050', 'facebook.com'],
    ['https://www.facebook.com/Milieu.Dienst050/', 'facebook', 'milieudienst050', 'facebook.com'],
    ['https://x.com/Stadsbeheer050', 'x', 'stadsbeheer050', 'x.com'],
    ['https://twitter.com/#!/Stadsbeheer050', 'x', 'stadsbeheer050', 'twitter.com'],
    ['instagram.com/gemeentegroningen', 'instagram', 'gemeentegroningen', 'instagram.com'],
    ['https://www.instagram.com/GemeenteGroningen/?hl=nl', 'instagram', 'gemeentegroningen', 'instagram.com'],
  ])('%s → %s:%s', (input, platform, handle, host) => {
    const result = normalizeClaimedUrl(input);
    expect(result).toMatchObject({ kind: 'PLATFORM_VANITY', platform, handle, host, normalized: `${platform}:${handle}` });
    expect(normalizeClaimedUrl(input, 'PLATFORM_VANITY').normalized).toBe(result.normalized);
  });

  it('gives the same key for the same account on the old and new domain', () => {
    expect(normalizeClaimedUrl('twitter.com/stadsbeheer050').normalized).toBe(normalizeClaimedUrl('https://x.com/Stadsbeheer050').normalized);
  });

  it('treats app pages of a platform as ordinary URLs', () => {
    expect(normalizeClaimedUrl('https://x.com/home')).toMatchObject({ kind: 'URL', normalized: 'x.com/home' });
  });
});

describe('normalizeClaimedUrl: refusals', () => {
  it.each<[string, ClaimedUrlKind | string | undefined, string, string]>([
    ['', undefined, 'URL_EMPTY', 'value'],
    ['   ', undefined, 'URL_EMPTY', 'value'],
    ['\u200B', undefined, 'URL_EMPTY', 'value'],
    ['http://', undefined, 'URL_INVALID', 'value'],
    ['https://', undefined, 'URL_INVALID', 'value'],
    ['not a url', undefined, 'URL_INVALID', 'value'],
    ['groningen..nl', undefined, 'URL_INVALID', 'value'],
    ['groningen.nl..', undefined, 'URL_INVALID', 'value'],
    ['-groningen.nl', undefined, 'URL_INVALID', 'value'],
    ['groningen-.nl', undefined, 'URL_INVALID', 'value'],
    ['gron_ingen.nl', undefined, 'URL_INVALID', 'value'],
    [`${'a'.repeat(64)}.nl`, undefined, 'URL_INVALID', 'value'],
    [`${'abcdefghi.'.repeat(26)}nl`, undefined, 'URL_INVALID', 'value'],
    ['xn--zz.nl', undefined, 'URL_INVALID', 'value'],
    ['mailto:info@groningen.nl', undefined, 'URL_UNSUPPORTED_SCHEME', 'value'],
    ['ftp://groningen.nl', undefined, 'URL_UNSUPPORTED_SCHEME', 'value'],
    ['javascript:alert(1)', undefined, 'URL_UNSUPPORTED_SCHEME', 'value'],
    ['co.uk', undefined, 'URL_PUBLIC_SUFFIX', 'value'],
    ['nl', undefined, 'URL_PUBLIC_SUFFIX', 'value'],
    ['https://www.nl.', 'SUBDOMAIN', 'URL_KIND_MISMATCH', 'kind'],
    ['github.io', undefined, 'URL_PUBLIC_SUFFIX', 'value'],
    ['https://co.uk/pad', undefined, 'URL_PUBLIC_SUFFIX', 'value'],
    ['192.168.1.1', undefined, 'URL_IP_ADDRESS', 'value'],
    ['http://127.0.0.1:8080/admin', undefined, 'URL_IP_ADDRESS', 'value'],
    ['0x7f.1', undefined, 'URL_IP_ADDRESS', 'value'],
    ['[::1]', undefined, 'URL_IP_ADDRESS', 'value'],
    ['https://[2001:db8::1]/', undefined, 'URL_IP_ADDRESS', 'value'],
    ['localhost', undefined, 'URL_UNKNOWN_SUFFIX', 'value'],
    ['localhost:3000', undefined, 'URL_UNKNOWN_SUFFIX', 'value'],
    ['intranet.local', undefined, 'URL_UNKNOWN_SUFFIX', 'value'],
    ['groningen.test', undefined, 'URL_UNKNOWN_SUFFIX', 'value'],
    ['mijnwijk.groningen.nl', 'DOMAIN', 'URL_KIND_MISMATCH', 'kind'],
    ['groningen.nl', 'SUBDOMAIN', 'URL_KIND_MISMATCH', 'kind'],
    ['www.groningen.nl', 'SUBDOMAIN', 'URL_KIND_MISMATCH', 'kind'],
    ['https://groningen.nl/', 'URL', 'URL_KIND_MISMATCH', 'kind'],
    ['groningen.nl/afval', 'PLATFORM_VANITY', 'URL_KIND_MISMATCH', 'kind'],
    ['https://x.com/Stadsbeheer050', 'URL', 'URL_KIND_MISMATCH', 'kind'],
    ['facebook.com/Milieudienst050', 'DOMAIN', 'URL_KIND_MISMATCH', 'kind'],
    ['groningen.nl', 'WEBSITE', 'URL_KIND_UNKNOWN', 'kind'],
  ])('%j (%s) → %s', (input, kind, code, field) => {
    const error = refusal(() => normalizeClaimedUrl(input, kind));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.violations).toHaveLength(1);
    expect(error.violations[0]).toMatchObject({ code, field });
    const message = error.violations[0]?.message;
    expect(message?.nl).toBeTruthy();
    expect(message?.en).toBeTruthy();
    expect(message?.nl).not.toBe(message?.en);
    expect(error.messageNl).toBe(message?.nl);
  });
});

describe('punycode', () => {
  const names = ['bücher', 'straße', 'münchen', 'пример', 'рф', '例え', 'ελληνικά', 'grönïngen', 'café-ñandú', 'ÿ', 'a-ä-b'];

  it.each(names)('decodes %s as Node does', (name) => {
    const ascii = domainToASCII(`${name}.com`).split('.')[0] as string;
    expect(ascii.startsWith('xn--')).toBe(true);
    expect(decodePunycode(ascii.slice(4))).toBe(domainToUnicode(ascii));
    expect(hostToUnicode(`${ascii}.com`)).toBe(`${name}.com`);
    expect(hostToAscii(`${name}.com`)).toBe(`${ascii}.com`);
  });

  it.each(['zz', '99999999999', 'a€', '-'])('refuses invalid punycode %j', (input) => {
    expect(decodePunycode(input)).toBeNull();
  });

  it('leaves undecodable labels as they are', () => {
    expect(hostToUnicode('xn--zz.nl')).toBe('xn--zz.nl');
    expect(hostToUnicode('groningen.nl')).toBe('groningen.nl');
  });

  it.each(['', 'a b.nl', 'a/b', 'user@host.nl', 'host.nl:80'])('hostToAscii refuses %j', (input) => {
    expect(hostToAscii(input)).toBeNull();
  });

  it.each<[string, boolean]>([
    ['groningen.nl', true],
    ['xn--bcher-kva.de', true],
    ['xn--zz.de', false],
    ['a'.repeat(63) + '.nl', true],
    ['a'.repeat(64) + '.nl', false],
    ['-a.nl', false],
    ['a_b.nl', false],
    ['', false],
  ])('isValidAsciiHostname(%s) = %s', (host, valid) => {
    expect(isValidAsciiHostname(host)).toBe(valid);
  });
});

describe('domains in text', () => {
  it.each<[string, string | null]>([
    ['https://www.groningen.nl/afval?x=1', 'groningen.nl'],
    ['mijnwijk.groningen.nl', 'groningen.nl'],
    ['https://docs.groningen.github.io/', 'groningen.github.io'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['github.io', null],
    ['localhost', null],
    ['192.168.0.1', null],
    ['not a url', null],
    ['', null],
    ['mailto:info@groningen.nl', null],
  ])('domainOfUrl(%j) = %s', (input, domain) => {
    expect(domainOfUrl(input)).toBe(domain);
  });

  it('finds links in a bio, in order, each once', () => {
    const bio =
      'Officieel account van de gemeente Groningen. Meer info: https://www.groningen.nl/afval, (zie ook mijnwijk.groningen.nl). ' +
      'Mail info@stadsbeheer.nl of volg @gemeente.bsky.social; Dhr. Jansen e.g. nieuws op [stadsnieuws.nl](https://stadsnieuws.nl/x). Zie www.groningen.nl!';
    expect(linkedHostsInText(bio)).toEqual(['groningen.nl', 'mijnwijk.groningen.nl', 'stadsnieuws.nl']);
    expect(domainsInText(bio)).toEqual(['groningen.nl', 'stadsnieuws.nl']);
  });

  it('finds no links in text without any', () => {
    expect(domainsInText('Wij zijn er ma. t/m vr. van 8.30 tot 17.00 uur.')).toEqual([]);
    expect(domainsInText('')).toEqual([]);
  });

  it.each<[string, string[], string[]]>([
    ['Zie https://mijnwijk.groningen.nl/kaart', ['groningen.nl'], ['groningen.nl']],
    ['Zie https://mijnwijk.groningen.nl/kaart', ['Mijnwijk.Groningen.nl', 'groningen.nl'], ['mijnwijk.groningen.nl', 'groningen.nl']],
    ['Zie https://groningen.nl.evil.example/ en groningen-nl.com', ['groningen.nl'], []],
    ['Boeken op https://www.bücher.de/', ['bücher.de'], ['xn--bcher-kva.de']],
    ['Boeken op xn--bcher-kva.de', ['bücher.de'], ['xn--bcher-kva.de']],
    ['Blog: https://groningen.github.io/ en https://anders.github.io', ['groningen.github.io'], ['groningen.github.io']],
    ['Geen links hier', ['groningen.nl'], []],
    ['https://groningen.nl', [], []],
    ['https://groningen.nl', ['not a domain', ''], []],
  ])('claimedDomainsIn(%j, %j)', (text, claimed, found) => {
    expect(claimedDomainsIn(text, claimed)).toEqual(found);
  });

  it('accepts any iterable of claims', () => {
    expect(claimedDomainsIn('groningen.nl', new Set(['groningen.nl']))).toEqual(['groningen.nl']);
  });
});

describe('expiry watch', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const plus = (days: number, time = '00:00:00') => {
    const date = new Date(Date.UTC(2026, 2, 1 + days));
    return `${date.toISOString().slice(0, 10)}T${time}Z`;
  };

  it.each<[number, number, string, number | null]>([
    [400, 400, 'OK', null],
    [91, 91, 'OK', null],
    [90, 90, 'EXPIRING', 90],
    [89, 89, 'EXPIRING', 90],
    [61, 61, 'EXPIRING', 90],
    [60, 60, 'EXPIRING', 60],
    [45, 45, 'EXPIRING', 60],
    [31, 31, 'EXPIRING', 60],
    [30, 30, 'EXPIRING', 30],
    [15, 15, 'EXPIRING', 30],
    [14, 14, 'EXPIRING', 14],
    [8, 8, 'EXPIRING', 14],
    [7, 7, 'EXPIRING', 7],
    [1, 1, 'EXPIRING', 7],
    [0, 0, 'EXPIRING', 7],
    [-1, -1, 'EXPIRED', null],
    [-30, -30, 'EXPIRED', null],
  ])('expires in %d days', (offset, days, state, threshold) => {
    for (const time of ['00:00:00', '23:59:59']) {
      const expiresAt = plus(offset, time);
      expect(daysUntilExpiry(expiresAt, now)).toBe(days);
      expect(expiryState(expiresAt, now)).toBe(state);
      expect(expiryWarningThreshold(expiresAt, now)).toBe(threshold);
      expect(expiryState(new Date(expiresAt), now)).toBe(state);
    }
  });

  it('counts calendar days in UTC, whatever the time of day', () => {
    expect(daysUntilExpiry('2026-03-02T00:00:00Z', new Date('2026-03-01T23:59:59Z'))).toBe(1);
    expect(daysUntilExpiry('2026-03-01T23:59:59Z', new Date('2026-03-01T00:00:00Z'))).toBe(0);
    // 00:30 on 2 March in Amsterdam is still 1 March in UTC.
    expect(daysUntilExpiry('2026-03-02', new Date('2026-03-01T23:30:00+01:00'))).toBe(1);
    expect(daysUntilExpiry('2026-03-02', new Date('2026-03-02T00:30:00+01:00'))).toBe(1);
  });

  it('crosses months, leap days and daylight saving time', () => {
    expect(daysUntilExpiry('2028-03-01', new Date('2028-02-28T10:00:00Z'))).toBe(2);
    expect(daysUntilExpiry('2026-03-30', new Date('2026-03-28T10:00:00Z'))).toBe(2);
    expect(daysUntilExpiry('2027-01-01', new Date('2026-12-31T23:00:00Z'))).toBe(1);
  });

  it('has no state without a date', () => {
    expect(expiryState(null, now)).toBeNull();
    expect(expiryState(undefined, now)).toBeNull();
    expect(expiryWarningThreshold(null, now)).toBeNull();
    expect(daysUntilExpiry('', now)).toBeNull();
  });

  it('refuses an invalid date', () => {
    const error = refusal(() => expiryState('31-02-2026', now));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.violations[0]?.code).toBe('DATE_INVALID');
  });

  it('uses the current time by default', () => {
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    expect(daysUntilExpiry(tomorrow)).toBe(1);
  });
});
