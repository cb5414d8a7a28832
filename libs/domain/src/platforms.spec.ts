import { PlatformStatus } from './enums';
import { findPlatform, PLATFORMS } from './platforms';

describe('findPlatform', () => {
  it.each<[string, string | undefined]>([
    ['x', 'x'],
    ['X', 'x'],
    ['twitter', 'x'],
    [' Twitter ', 'x'],
    ['fb', 'facebook'],
    ['Facebook', 'facebook'],
    ['ig', 'instagram'],
    ['insta', 'instagram'],
    ['bsky', 'bluesky'],
    ['viva-engage', 'yammer'],
    ['Viva Engage', 'yammer'],
    ['viva_engage', 'yammer'],
    ['yt', 'youtube'],
    ['wa', 'whatsapp'],
    ['hyves', 'hyves'],
    ['myspace', undefined],
    ['', undefined],
  ])('%j → %s', (input, key) => {
    expect(findPlatform(input)?.key).toBe(key);
  });
});

describe('the catalogue', () => {
  const keys = PLATFORMS.map((p) => p.key);

  it('holds the platforms the brief names', () => {
    expect(keys).toEqual(
      expect.arrayContaining(['x', 'facebook', 'instagram', 'linkedin', 'youtube', 'tiktok', 'threads', 'bluesky', 'mastodon', 'flickr', 'whatsapp', 'hyves', 'yammer']),
    );
  });

  it('has unique keys and aliases', () => {
    const all = PLATFORMS.flatMap((p) => [p.key, ...p.aliases]);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each<[string, PlatformStatus]>([
    ['x', PlatformStatus.ACTIVE],
    ['hyves', PlatformStatus.DEFUNCT],
    ['yammer', PlatformStatus.DEPRECATED],
  ])('%s is %s', (key, status) => {
    expect(findPlatform(key)?.status).toBe(status);
  });

  it.each(PLATFORMS.map((p) => [p.key, p] as const))('%s has a Dutch and English description and an https template', (_key, p) => {
    expect(p.description.nl.length).toBeGreaterThan(10);
    expect(p.description.en.length).toBeGreaterThan(10);
    expect(p.profileUrlTemplate.startsWith('https://')).toBe(true);
    expect(p.handle.minLength).toBeLessThanOrEqual(p.handle.maxLength);
    expect(() => new RegExp(`[${p.handle.allowedChars}]`)).not.toThrow();
  });

  it.each<[string, number, number]>([
    ['x', 4, 15],
    ['facebook', 5, 50],
    ['instagram', 1, 30],
    ['tiktok', 2, 24],
    ['youtube', 3, 30],
    ['linkedin', 3, 100],
    ['mastodon', 1, 30],
  ])('%s allows %i–%i characters', (key, min, max) => {
    const syntax = findPlatform(key)?.handle;
    expect([syntax?.minLength, syntax?.maxLength]).toEqual([min, max]);
  });
});
