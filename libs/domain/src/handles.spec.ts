import { DomainError, ErrorCode } from './errors';
import { cleanHandleInput, normalizeHandle, normalizePhoneNumber, parseHandleInput, parseProfileUrl, profileUrl } from './handles';

describe('acceptance: one X account, three ways of writing it', () => {
  it.each(['https://twitter.com/Stadsbeheer050', 'x.com/stadsbeheer050?lang=nl', '@Stadsbeheer050'])('%s', (input) => {
    const parsed = parseHandleInput('x', input);
    expect(parsed?.platform).toBe('x');
    expect(normalizeHandle('x', input)).toBe('stadsbeheer050');
  });
});

describe('cleanHandleInput', () => {
  it.each<[string, string]>([
    ['  @Stadsbeheer050  ', 'Stadsbeheer050'],
    ['@@dubbel', 'dubbel'],
    ['\u200BMilieu\u200Bdienst050\uFEFF', 'Milieudienst050'],
    ['\u00A0@sdcLiesbeth\t', 'sdcLiesbeth'],
    ['@gemeente@mastodon.nl', 'gemeente@mastodon.nl'],
    ['@ Stadjerspas', 'Stadjerspas'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(cleanHandleInput(raw)).toBe(expected);
  });
});

describe('normalizeHandle', () => {
  it.each<[string, string, string]>([
    ['x', 'Stadsbeheer050', 'stadsbeheer050'],
    ['twitter', '@HVDGroningen', 'hvdgroningen'],
    ['x', 'https://x.com/LK050/media', 'lk050'],
    ['facebook', 'Milieudienst.050', 'milieudienst050'],
    ['facebook', 'milieudienst050', 'milieudienst050'],
    ['facebook', 'm.i.l.i.e.u.dienst050', 'milieudienst050'],
    ['facebook', 'https://www.facebook.com/Lentekriebels.050/', 'lentekriebels050'],
    ['facebook', 'https://www.facebook.com/profile.php?id=100064123456789', '100064123456789'],
    ['instagram', 'Gemeente.Groningen', 'gemeente.groningen'],
    ['threads', '@Gemeente.Groningen', 'gemeente.groningen'],
    ['tiktok', 'GemeenteGroningen', 'gemeentegroningen'],
    ['youtube', '@GemeenteGroningen', 'gemeentegroningen'],
    ['youtube', 'https://www.youtube.com/@GemeenteGroningen/videos', 'gemeentegroningen'],
    ['linkedin', 'Gemeente-Groningen', 'gemeente-groningen'],
    ['linkedin', 'company/Gemeente-Groningen', 'gemeente-groningen'],
    ['linkedin', 'https://nl.linkedin.com/in/Jan-Jansen', 'in/jan-jansen'],
    ['bluesky', 'Stadsbeheer050', 'stadsbeheer050.bsky.social'],
    ['bluesky', '@Groningen.NL', 'groningen.nl'],
    ['bluesky', 'https://bsky.app/profile/Groningen.nl', 'groningen.nl'],
    ['mastodon', '@Gemeente@Mastodon.NL', 'gemeente@mastodon.nl'],
    ['mastodon', 'https://mastodon.nl/@Gemeente', 'gemeente@mastodon.nl'],
    ['flickr', 'BeeldbankGroningen', 'beeldbankgroningen'],
    ['whatsapp', '+31 6 12345678', '31612345678'],
    ['whatsapp', '06-12345678', '31612345678'],
    ['whatsapp', '0031 6 1234 5678', '31612345678'],
    ['whatsapp', '+31 (0)6 12345678', '31612345678'],
    ['whatsapp', '+32 470 12 34 56', '32470123456'],
    ['whatsapp', 'https://wa.me/31612345678', '31612345678'],
    ['hyves', 'StadGroningen', 'stadgroningen'],
    ['hyves', 'stadgroningen.hyves.nl', 'stadgroningen'],
    ['yammer', 'Groningen.nl', 'groningen.nl'],
  ])('%s %j → %j', (platform, raw, expected) => {
    expect(normalizeHandle(platform, raw)).toBe(expected);
  });

  it('throws BAD_USER_INPUT for an unknown platform', () => {
    expect(() => normalizeHandle('myspace', 'groningen')).toThrow(DomainError);
    try {
      normalizeHandle('myspace', 'groningen');
    } catch (e) {
      expect((e as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
      expect((e as DomainError).violations.map((v) => v.code)).toEqual(['PLATFORM_UNKNOWN']);
    }
  });
});

describe('normalizePhoneNumber', () => {
  it.each<[string, string]>([
    ['06 12345678', '31612345678'],
    ['+31612345678', '31612345678'],
    ['0031612345678', '31612345678'],
    ['050-3677000', '31503677000'],
    ['31612345678', '31612345678'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePhoneNumber(raw)).toBe(expected);
  });
});

describe('profileUrl', () => {
  it.each<[string, string, string]>([
    ['x', '@Stadsbeheer050', 'https://x.com/Stadsbeheer050'],
    ['facebook', 'Milieudienst.050', 'https://www.facebook.com/Milieudienst.050'],
    ['instagram', 'gemeente.groningen', 'https://www.instagram.com/gemeente.groningen'],
    ['linkedin', 'gemeente-groningen', 'https://www.linkedin.com/company/gemeente-groningen'],
    ['linkedin', 'in/jan-jansen', 'https://www.linkedin.com/in/jan-jansen'],
    ['linkedin', 'showcase/oosterpoort', 'https://www.linkedin.com/showcase/oosterpoort'],
    ['youtube', 'GemeenteGroningen', 'https://www.youtube.com/@GemeenteGroningen'],
    ['tiktok', 'gemeentegroningen', 'https://www.tiktok.com/@gemeentegroningen'],
    ['threads', 'gemeente.groningen', 'https://www.threads.com/@gemeente.groningen'],
    ['bluesky', 'Stadsbeheer050', 'https://bsky.app/profile/stadsbeheer050.bsky.social'],
    ['bluesky', 'groningen.nl', 'https://bsky.app/profile/groningen.nl'],
    ['mastodon', '@Gemeente@Mastodon.nl', 'https://mastodon.nl/@Gemeente'],
    ['flickr', 'BeeldbankGroningen', 'https://www.flickr.com/photos/BeeldbankGroningen'],
    ['flickr', '12037949632@N01', 'https://www.flickr.com/photos/12037949632%40N01'],
    ['whatsapp', '06-12345678', 'https://wa.me/31612345678'],
    ['hyves', 'StadGroningen', 'https://stadgroningen.hyves.nl'],
    ['yammer', 'groningen.nl', 'https://www.yammer.com/groningen.nl'],
    // A pasted profile URL gives the same answer as the handle it names.
    ['x', 'https://twitter.com/Stadsbeheer050?lang=nl', 'https://x.com/Stadsbeheer050'],
    ['facebook', 'm.facebook.com/Milieudienst.050/', 'https://www.facebook.com/Milieudienst.050'],
    ['mastodon', 'https://mastodon.nl/@Gemeente', 'https://mastodon.nl/@Gemeente'],
  ])('%s %j → %s', (platform, handle, expected) => {
    expect(profileUrl(platform, handle)).toBe(expected);
  });

  it.each<[string, string]>([
    ['x', 'Stadsbeheer050'],
    ['facebook', 'Milieudienst.050'],
    ['instagram', 'gemeente.groningen'],
    ['linkedin', 'in/jan-jansen'],
    ['youtube', 'GemeenteGroningen'],
    ['tiktok', 'gemeentegroningen'],
    ['threads', 'gemeente.groningen'],
    ['bluesky', 'groningen.nl'],
    ['mastodon', 'Gemeente@mastodon.nl'],
    ['flickr', 'BeeldbankGroningen'],
    ['flickr', '12037949632@N01'],
    ['whatsapp', '31612345678'],
    ['hyves', 'stadgroningen'],
    ['yammer', 'groningen.nl'],
  ])('%s %j survives a round trip through parseProfileUrl', (platform, handle) => {
    expect(parseProfileUrl(profileUrl(platform, handle))).toEqual({ platform, handle });
  });

  it('throws for an unknown platform', () => {
    expect(() => profileUrl('myspace', 'x')).toThrow(DomainError);
  });
});

describe('parseProfileUrl recognises profiles', () => {
  it.each<[string, string, string]>([
    ['https://twitter.com/Stadsbeheer050', 'x', 'Stadsbeheer050'],
    ['x.com/stadsbeheer050?lang=nl', 'x', 'stadsbeheer050'],
    ['http://www.twitter.com/Milieudienst050/', 'x', 'Milieudienst050'],
    ['https://mobile.twitter.com/LK050', 'x', 'LK050'],
    ['https://m.twitter.com/LK050#top', 'x', 'LK050'],
    ['http://twitter.com/#!/sdcGroningen', 'x', 'sdcGroningen'],
    ['https://x.com/Stadjerspas/with_replies', 'x', 'Stadjerspas'],
    ['HTTPS://X.COM/Stadjerspas', 'x', 'Stadjerspas'],
    ['  https://x.com/Stadjerspas\u200B ', 'x', 'Stadjerspas'],
    ['https://www.facebook.com/Milieudienst050', 'facebook', 'Milieudienst050'],
    ['fb.com/lentekriebels050', 'facebook', 'lentekriebels050'],
    ['https://m.facebook.com/Milieudienst.050/about', 'facebook', 'Milieudienst.050'],
    ['https://www.facebook.com/profile.php?id=100064123456789', 'facebook', '100064123456789'],
    ['https://www.facebook.com/people/Gemeente-Groningen/100064123456789/', 'facebook', '100064123456789'],
    ['https://www.facebook.com/pages/Oosterpoort/123456789', 'facebook', '123456789'],
    ['https://www.instagram.com/gemeente.groningen/', 'instagram', 'gemeente.groningen'],
    ['instagram.com/stads_beheer?igshid=abc', 'instagram', 'stads_beheer'],
    ['https://www.youtube.com/@GemeenteGroningen', 'youtube', 'GemeenteGroningen'],
    ['https://m.youtube.com/@GemeenteGroningen/videos', 'youtube', 'GemeenteGroningen'],
    ['https://www.youtube.com/c/Muziekschool050', 'youtube', 'Muziekschool050'],
    ['https://www.youtube.com/user/oosterpoort', 'youtube', 'oosterpoort'],
    ['https://www.tiktok.com/@gemeentegroningen?lang=nl-NL', 'tiktok', 'gemeentegroningen'],
    ['https://www.threads.net/@gemeente.groningen', 'threads', 'gemeente.groningen'],
    ['https://www.threads.com/@gemeente.groningen', 'threads', 'gemeente.groningen'],
    ['https://bsky.app/profile/groningen.nl', 'bluesky', 'groningen.nl'],
    ['bsky.app/profile/stadsbeheer050.bsky.social/', 'bluesky', 'stadsbeheer050.bsky.social'],
    ['https://mastodon.social/@gemeente', 'mastodon', 'gemeente@mastodon.social'],
    ['https://Social.Overheid.nl/@Stadsbeheer050', 'mastodon', 'Stadsbeheer050@social.overheid.nl'],
    ['https://mastodon.social/@gemeente@mastodon.nl', 'mastodon', 'gemeente@mastodon.nl'],
    ['https://www.linkedin.com/company/gemeente-groningen/', 'linkedin', 'gemeente-groningen'],
    ['https://nl.linkedin.com/company/gemeente-groningen/posts?feedView=all', 'linkedin', 'gemeente-groningen'],
    ['https://www.linkedin.com/showcase/oosterpoort', 'linkedin', 'showcase/oosterpoort'],
    ['https://www.linkedin.com/school/rijksuniversiteit-groningen/', 'linkedin', 'school/rijksuniversiteit-groningen'],
    ['https://www.linkedin.com/in/jan-jansen-050', 'linkedin', 'in/jan-jansen-050'],
    ['https://www.flickr.com/photos/beeldbankgroningen/', 'flickr', 'beeldbankgroningen'],
    ['https://www.flickr.com/people/beeldbankgroningen', 'flickr', 'beeldbankgroningen'],
    ['https://www.flickr.com/photos/beeldbankgroningen/albums', 'flickr', 'beeldbankgroningen'],
    ['https://wa.me/31612345678', 'whatsapp', '31612345678'],
    ['https://api.whatsapp.com/send?phone=31612345678', 'whatsapp', '31612345678'],
    ['http://stadgroningen.hyves.nl/', 'hyves', 'stadgroningen'],
    ['stadgroningen.hyves.nl', 'hyves', 'stadgroningen'],
    ['https://www.yammer.com/groningen.nl', 'yammer', 'groningen.nl'],
  ])('%s → %s %s', (input, platform, handle) => {
    expect(parseProfileUrl(input)).toEqual({ platform, handle });
  });
});

describe('parseProfileUrl rejects non-profiles', () => {
  it.each([
    'https://x.com/home',
    'https://x.com/i/flow/login',
    'https://x.com/search?q=groningen',
    'https://x.com/explore',
    'https://x.com/Stadsbeheer050/status/1234567890',
    'https://x.com/',
    'https://x.com/stads-beheer',
    'https://www.facebook.com/groups/123456789',
    'https://www.facebook.com/events/123456789',
    'https://www.facebook.com/watch?v=1',
    'https://www.facebook.com/profile.php',
    'https://www.facebook.com/Milieudienst050/posts/123',
    'https://www.instagram.com/p/CxYz123/',
    'https://www.instagram.com/reel/CxYz123/',
    'https://www.instagram.com/explore/tags/groningen/',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/channel/UC1234567890abcdefghijkl',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://www.tiktok.com/@gemeentegroningen/video/7212345678901234567',
    'https://www.tiktok.com/gemeentegroningen',
    'https://www.threads.net/@gemeente.groningen/post/Cabc',
    'https://bsky.app/profile/groningen.nl/post/3kabc',
    'https://bsky.app/profile/did:plc:abc123',
    'https://bsky.app/',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/posts/gemeente-groningen_activity-123',
    'https://www.flickr.com/photos/beeldbankgroningen/53212345678/',
    'https://wa.me/message/ABCDEF',
    'https://www.hyves.nl/',
    'https://mastodon.social/about',
    'https://mastodon.social/@gemeente/109876543210',
    'https://www.groningen.nl/contact',
    'ftp://x.com/Stadsbeheer050',
    'mailto:info@groningen.nl',
    'Stadsbeheer050',
    'not a url at all',
    '',
  ])('%j → null', (input) => {
    expect(parseProfileUrl(input)).toBeNull();
  });
});

describe('parseHandleInput', () => {
  it.each<[string | undefined, string, { platform: string; handle: string } | null]>([
    ['x', '@Stadsbeheer050', { platform: 'x', handle: 'Stadsbeheer050' }],
    ['x', 'Stadsbeheer050', { platform: 'x', handle: 'Stadsbeheer050' }],
    ['twitter', 'https://twitter.com/Stadsbeheer050', { platform: 'x', handle: 'Stadsbeheer050' }],
    [undefined, 'https://twitter.com/Stadsbeheer050', { platform: 'x', handle: 'Stadsbeheer050' }],
    [undefined, 'instagram.com/gemeente.groningen', { platform: 'instagram', handle: 'gemeente.groningen' }],
    ['x', 'https://www.instagram.com/gemeente.groningen/', null],
    ['x', 'https://x.com/home', null],
    [undefined, '@Stadsbeheer050', null],
    ['myspace', 'groningen', null],
    ['x', '  @  ', null],
    ['mastodon', '@gemeente@mastodon.nl', { platform: 'mastodon', handle: 'gemeente@mastodon.nl' }],
    ['mastodon', 'https://mastodon.nl/@gemeente', { platform: 'mastodon', handle: 'gemeente@mastodon.nl' }],
    ['bluesky', 'stadsbeheer050.bsky.social', { platform: 'bluesky', handle: 'stadsbeheer050.bsky.social' }],
    ['yammer', 'groningen.nl', { platform: 'yammer', handle: 'groningen.nl' }],
    ['hyves', 'stadgroningen.hyves.nl', { platform: 'hyves', handle: 'stadgroningen' }],
    ['facebook', 'Milieudienst.050', { platform: 'facebook', handle: 'Milieudienst.050' }],
    ['whatsapp', '+31 6 12345678', { platform: 'whatsapp', handle: '+31 6 12345678' }],
  ])('(%s, %j)', (platform, input, expected) => {
    expect(parseHandleInput(platform, input)).toEqual(expected);
  });

  // A host written without a plain dot is still a host to a URL parser: the shortcut for dotless handles must not miss it.
  it.each(['x。com', 'x．com', 'x｡com', 'x%2ecom', 'X%2Ecom'])('%j is read as a URL (a host), not as a handle', (input) => {
    expect(parseHandleInput('x', 'x.com')).toBeNull();
    expect(parseHandleInput('x', input)).toBeNull();
  });
});
