import { validateHandle } from './handles';

const codes = (platform: string, handle: string, legacy = false) =>
  validateHandle(platform, handle, { legacy }).map((v) => v.code);

describe.each<[string, string, string[]]>([
  // X
  ['x', 'Stadsbeheer050', []],
  ['x', '@Milieudienst050', []],
  ['x', 'LK050', []],
  ['x', 'sdc_Liesbeth', []],
  ['x', 'abc', ['HANDLE_TOO_SHORT']],
  ['x', 'Stadsbeheer050Groningen', ['HANDLE_TOO_LONG']],
  ['x', 'stads-beheer', ['HANDLE_INVALID_CHARACTERS']],
  ['x', 'stads.beheer', ['HANDLE_INVALID_CHARACTERS']],
  ['x', 'GrnTwitter', ['HANDLE_RESERVED_WORD']],
  ['x', 'AdminGroningen', ['HANDLE_RESERVED_WORD']],
  ['x', 'twitter-admin-groningen', ['HANDLE_INVALID_CHARACTERS', 'HANDLE_TOO_LONG', 'HANDLE_RESERVED_WORD', 'HANDLE_RESERVED_WORD']],
  ['x', '', ['HANDLE_EMPTY']],
  ['x', '  @ ', ['HANDLE_EMPTY']],
  ['x', 'https://instagram.com/stadsbeheer050', ['HANDLE_PLATFORM_MISMATCH']],
  ['x', 'https://x.com/Stadsbeheer050', []],
  // Facebook
  ['facebook', 'Milieudienst.050', []],
  ['facebook', 'lentekriebels050', []],
  ['facebook', '100064123456789', []],
  ['facebook', 'gem', ['HANDLE_TOO_SHORT']],
  ['facebook', 'g.e.m.e', ['HANDLE_TOO_SHORT']],
  ['facebook', 'gemeente_groningen', ['HANDLE_INVALID_CHARACTERS']],
  ['facebook', 'groningen.com', ['HANDLE_FORBIDDEN_SUFFIX']],
  ['facebook', 'Groningen.NET', ['HANDLE_FORBIDDEN_SUFFIX']],
  ['facebook', 'a'.repeat(51), ['HANDLE_TOO_LONG']],
  // Instagram
  ['instagram', 'gemeente.groningen', []],
  ['instagram', 'stads_beheer_050', []],
  ['instagram', '.groningen', ['HANDLE_LEADING_DOT']],
  ['instagram', 'groningen.', ['HANDLE_TRAILING_DOT']],
  ['instagram', 'gemeente..groningen', ['HANDLE_CONSECUTIVE_DOTS']],
  ['instagram', '.gemeente..groningen.', ['HANDLE_LEADING_DOT', 'HANDLE_TRAILING_DOT', 'HANDLE_CONSECUTIVE_DOTS']],
  ['instagram', 'a'.repeat(31), ['HANDLE_TOO_LONG']],
  ['instagram', 'gemeente-groningen', ['HANDLE_INVALID_CHARACTERS']],
  // Threads follows Instagram
  ['threads', 'gemeente.groningen', []],
  ['threads', 'gemeente..groningen', ['HANDLE_CONSECUTIVE_DOTS']],
  // TikTok
  ['tiktok', 'gemeentegroningen', []],
  ['tiktok', 'gr', []],
  ['tiktok', 'g', ['HANDLE_TOO_SHORT']],
  ['tiktok', 'gemeente.groningen.', ['HANDLE_TRAILING_DOT']],
  ['tiktok', 'a'.repeat(25), ['HANDLE_TOO_LONG']],
  ['tiktok', 'gemeente-groningen', ['HANDLE_INVALID_CHARACTERS']],
  // YouTube
  ['youtube', 'GemeenteGroningen', []],
  ['youtube', 'gemeente-groningen.050_', []],
  ['youtube', 'gg', ['HANDLE_TOO_SHORT']],
  ['youtube', 'a'.repeat(31), ['HANDLE_TOO_LONG']],
  ['youtube', 'gemeente groningen', ['HANDLE_INVALID_CHARACTERS']],
  // LinkedIn
  ['linkedin', 'gemeente-groningen', []],
  ['linkedin', 'in/jan-jansen', []],
  ['linkedin', 'showcase/oosterpoort', []],
  ['linkedin', 'gg', ['HANDLE_TOO_SHORT']],
  ['linkedin', 'gemeente_groningen', ['HANDLE_INVALID_CHARACTERS']],
  ['linkedin', 'groningen-linkedin', ['HANDLE_RESERVED_WORD']],
  ['linkedin', 'a'.repeat(101), ['HANDLE_TOO_LONG']],
  // Bluesky
  ['bluesky', 'groningen.nl', []],
  ['bluesky', 'stadsbeheer050', []],
  ['bluesky', 'Stadsbeheer050.bsky.social', []],
  ['bluesky', 'gg', ['HANDLE_TOO_SHORT']],
  ['bluesky', 'a'.repeat(19), ['HANDLE_TOO_LONG']],
  ['bluesky', '-groningen.nl', ['HANDLE_LEADING_HYPHEN']],
  ['bluesky', 'groningen-.nl', ['HANDLE_TRAILING_HYPHEN']],
  ['bluesky', 'groningen..nl', ['HANDLE_CONSECUTIVE_DOTS']],
  ['bluesky', 'groningen.123', ['HANDLE_INVALID_TLD']],
  ['bluesky', 'gemeente_groningen.nl', ['HANDLE_INVALID_CHARACTERS']],
  ['bluesky', `${'a'.repeat(64)}.nl`, ['HANDLE_LABEL_TOO_LONG']],
  // Mastodon
  ['mastodon', 'gemeentegroningen@mastodon.nl', []],
  ['mastodon', '@Stadsbeheer050@social.overheid.nl', []],
  ['mastodon', 'gemeentegroningen', ['HANDLE_INSTANCE_MISSING']],
  ['mastodon', 'gemeente-groningen@mastodon.nl', ['HANDLE_INVALID_CHARACTERS']],
  ['mastodon', `${'a'.repeat(31)}@mastodon.nl`, ['HANDLE_TOO_LONG']],
  ['mastodon', 'groningen@mastodon', ['HANDLE_INVALID_INSTANCE']],
  ['mastodon', 'groningen@', ['HANDLE_INVALID_INSTANCE']],
  ['mastodon', '@mastodon.nl', ['HANDLE_INSTANCE_MISSING']],
  ['mastodon', 'a@b@mastodon.nl', ['HANDLE_INVALID_INSTANCE']],
  // Flickr
  ['flickr', 'gemeentegroningen', []],
  ['flickr', '12037949632@N01', []],
  ['flickr', 'beeldbank groningen', ['HANDLE_INVALID_CHARACTERS']],
  // WhatsApp
  ['whatsapp', '+31 6 12345678', []],
  ['whatsapp', '06-12345678', []],
  ['whatsapp', '0031612345678', []],
  ['whatsapp', '+31 (0)6 1234 5678', []],
  ['whatsapp', '06-1234567', ['HANDLE_INVALID_PHONE_NUMBER']],
  ['whatsapp', '1234', ['HANDLE_TOO_SHORT']],
  ['whatsapp', '+1234567890123456', ['HANDLE_TOO_LONG']],
  ['whatsapp', '06-1234567a', ['HANDLE_INVALID_CHARACTERS', 'HANDLE_INVALID_PHONE_NUMBER']],
  // Hyves (DEFUNCT is not a handle violation) and Yammer
  ['hyves', 'groningen', []],
  ['hyves', 'stadgroningen.hyves.nl', []],
  ['hyves', '-groningen', ['HANDLE_LEADING_HYPHEN']],
  ['yammer', 'groningen.nl', []],
  ['yammer', 'groningen', ['HANDLE_DOMAIN_MISSING']],
  // Unknown platform
  ['myspace', 'groningen', ['PLATFORM_UNKNOWN']],
])('validateHandle(%s, %j)', (platform, handle, expected) => {
  it(`gives ${expected.join(', ') || 'no violations'}`, () => {
    expect(codes(platform, handle)).toEqual(expected);
  });
});

describe('legacy accounts', () => {
  it.each<[string, string, string[], string[]]>([
    ['x', 'LK5', ['HANDLE_TOO_SHORT'], []],
    ['x', 'AdminGroningen', ['HANDLE_RESERVED_WORD'], []],
    ['x', 'Stadsbeheer050Groningen', ['HANDLE_TOO_LONG'], ['HANDLE_TOO_LONG']],
  ])('%s %s: new %j, legacy %j', (platform, handle, asNew, asLegacy) => {
    expect(codes(platform, handle)).toEqual(asNew);
    expect(codes(platform, handle, true)).toEqual(asLegacy);
  });
});

describe('messages', () => {
  it.each<[string, string, string, string, string]>([
    ['x', 'GemeenteGroningen', 'HANDLE_TOO_LONG', 'Een X-handle mag hoogstens 15 tekens hebben (nu 17).', 'X handles may have at most 15 characters (now 17).'],
    ['facebook', 'gem', 'HANDLE_TOO_SHORT', 'Een Facebook-handle moet minstens 5 tekens hebben (nu 3).', 'Facebook handles must have at least 5 characters (now 3).'],
    ['x', 'stads-beheer', 'HANDLE_INVALID_CHARACTERS', 'Een X-handle mag alleen letters, cijfers en _ bevatten; niet toegestaan: "-".', 'X handles may only contain letters, digits and _; not allowed: "-".'],
    ['x', 'GroningenAdmin', 'HANDLE_RESERVED_WORD', 'Een X-handle mag het woord "admin" niet bevatten.', 'X handles may not contain the word "admin".'],
    ['instagram', 'a..b', 'HANDLE_CONSECUTIVE_DOTS', 'Een Instagram-handle mag geen twee punten achter elkaar hebben.', 'Instagram handles may not have two dots in a row.'],
    ['whatsapp', '1234', 'HANDLE_TOO_SHORT', 'Een WhatsApp-nummer moet minstens 8 cijfers hebben (nu 4).', 'WhatsApp numbers must have at least 8 digits (now 4).'],
    ['bluesky', 'gg', 'HANDLE_TOO_SHORT', 'Een naam onder bsky.social moet minstens 3 tekens hebben (nu 2).', 'Names under bsky.social must have at least 3 characters (now 2).'],
    ['myspace', 'x', 'PLATFORM_UNKNOWN', 'Onbekend platform "myspace".', 'Unknown platform "myspace".'],
  ])('%s %j → %s', (platform, handle, code, nl, en) => {
    const found = validateHandle(platform, handle).find((v) => v.code === code);
    expect(found?.message).toEqual({ nl, en });
  });

  it('points violations at the handle field, an unknown platform at platformId', () => {
    expect(validateHandle('x', 'a-b').map((v) => v.field)).toEqual(['handle', 'handle']);
    expect(validateHandle('nope', 'a').map((v) => v.field)).toEqual(['platformId']);
  });
});
