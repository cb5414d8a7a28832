import { DomainError, ErrorCode } from './errors';
import { displayHandle, parseVerificationInput, type VerificationInput } from './verification';

describe('parseVerificationInput: every way of asking for one account gives the same key', () => {
  it.each<VerificationInput>([
    { platform: 'x', handle: 'Stadsbeheer050' },
    { platform: 'x', handle: 'stadsbeheer050' },
    { platform: 'X', handle: '@STADSBEHEER050' },
    { platform: 'twitter', handle: ' @Stadsbeheer050 ' },
    { platform: 'Twitter', handle: '\u200B@Stadsbeheer050' },
    { platform: 'x', handle: 'https://x.com/Stadsbeheer050' },
    { platform: 'twitter', handle: 'https://twitter.com/Stadsbeheer050' },
    { url: 'https://x.com/Stadsbeheer050' },
    { url: 'https://www.x.com/Stadsbeheer050/' },
    { url: 'https://mobile.twitter.com/Stadsbeheer050?lang=nl' },
    { url: 'http://m.twitter.com/stadsbeheer050' },
    { url: 'twitter.com/#!/Stadsbeheer050' },
    { url: 'x.com/Stadsbeheer050/media' },
    { url: 'https://x.com/Stadsbeheer050', platform: 'twitter' },
    { handle: 'https://twitter.com/Stadsbeheer050' },
  ])('%j', (input) => {
    expect(parseVerificationInput(input)).toEqual({ platform: 'x', asked: expect.stringMatching(/^stadsbeheer050$/i), normalizedHandle: 'stadsbeheer050' });
  });

  it('keeps the handle as asked for explaining lookalikes', () => {
    expect(parseVerificationInput({ platform: 'x', handle: '@Stadsbeheer05O' }).asked).toBe('Stadsbeheer05O');
  });

  it.each<[VerificationInput, string, string]>([
    [{ url: 'https://www.facebook.com/Milieudienst.050/' }, 'facebook', 'milieudienst050'],
    [{ platform: 'facebook', handle: 'milieudienst050' }, 'facebook', 'milieudienst050'],
    [{ platform: 'fediverse', handle: '@Gemeente@Mastodon.nl' }, 'mastodon', 'gemeente@mastodon.nl'],
    [{ url: 'https://mastodon.nl/@gemeente' }, 'mastodon', 'gemeente@mastodon.nl'],
    [{ platform: 'bsky', handle: 'groningen' }, 'bluesky', 'groningen.bsky.social'],
    [{ platform: 'x', handle: 'LK' }, 'x', 'lk'],
  ])('%j → %s %s', (input, platform, normalizedHandle) => {
    expect(parseVerificationInput(input)).toMatchObject({ platform, normalizedHandle });
  });
});

describe('parseVerificationInput refuses what is no question, with a stable code', () => {
  const codeOf = (input: VerificationInput) => {
    try {
      parseVerificationInput(input);
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
      return (err as DomainError).violations.map((v) => `${v.field}:${v.code}`)[0];
    }
    return 'accepted';
  };
  it.each<[VerificationInput, string]>([
    [{}, 'handle:HANDLE_OR_URL_REQUIRED'],
    [{ platform: 'x', handle: '  @ ' }, 'handle:HANDLE_OR_URL_REQUIRED'],
    [{ url: '' }, 'url:HANDLE_OR_URL_REQUIRED'],
    [{ url: 'https://x.com/a', handle: 'a' }, 'url:URL_AND_HANDLE'],
    [{ platform: 'myspace', handle: 'gemeente' }, 'platform:PLATFORM_UNKNOWN'],
    [{ handle: 'Stadsbeheer050' }, 'platform:PLATFORM_REQUIRED'],
    [{ url: 'https://www.groningen.nl/contact' }, 'url:NOT_A_PROFILE_URL'],
    [{ url: 'https://x.com/home' }, 'url:NOT_A_PROFILE_URL'],
    [{ url: 'https://x.com/Stadsbeheer050/status/123456' }, 'url:NOT_A_PROFILE_URL'],
    [{ url: 'https://www.instagram.com/p/Cabc123/' }, 'url:NOT_A_PROFILE_URL'],
    [{ url: 'javascript:alert(1)' }, 'url:NOT_A_PROFILE_URL'],
    [{ url: 'not a url at all' }, 'url:NOT_A_PROFILE_URL'],
    [{ url: 'https://x.com/Stadsbeheer050', platform: 'facebook' }, 'url:HANDLE_PLATFORM_MISMATCH'],
    [{ platform: 'facebook', handle: 'https://x.com/Stadsbeheer050' }, 'handle:HANDLE_PLATFORM_MISMATCH'],
    [{ platform: 'x', handle: 'https://www.groningen.nl/nieuws' }, 'handle:NOT_A_PROFILE_URL'],
    [{ platform: 'x', handle: '<script>alert(1)</script>' }, 'handle:HANDLE_INVALID_CHARACTERS'],
    [{ platform: 'x', handle: 'ditiseenveelteelangehandle' }, 'handle:HANDLE_TOO_LONG'],
  ])('%j → %s', (input, expected) => {
    expect(codeOf(input)).toBe(expected);
  });
});

describe('displayHandle', () => {
  it.each<[string, string, string]>([
    ['x', 'Stadsbeheer050', '@Stadsbeheer050'],
    ['mastodon', 'gemeente@mastodon.nl', '@gemeente@mastodon.nl'],
    ['whatsapp', '31612345678', '+31612345678'],
  ])('%s %s → %s', (platform, handle, expected) => {
    expect(displayHandle(platform, handle)).toBe(expected);
  });
});
