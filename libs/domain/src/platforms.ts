import type { LocalizedText } from './errors';
import { PlatformStatus } from './enums';

/**
 * How a platform spells its account names. Character sets are regular-expression class bodies
 * (strings, not RegExp) so the catalogue can be stored, sent over GraphQL and shown in the console.
 */
export interface HandleSyntax {
  /** USERNAME: one name; HOSTNAME: a DNS name; FEDIVERSE: user@instance; PHONE: an international number. */
  kind: 'USERNAME' | 'HOSTNAME' | 'FEDIVERSE' | 'PHONE';
  /** Regular-expression character-class body of the characters allowed in the handle. */
  allowedChars: string;
  allowedCharsDescription: LocalizedText;
  minLength: number;
  maxLength: number;
  /** Minimum that applies to accounts that predate the platform's current rule (see `legacy` option). */
  legacyMinLength?: number;
  /** Whether the platform treats `Foo` and `foo` as different accounts. */
  caseSensitive: boolean;
  /** Characters the platform ignores when comparing names (and when counting length). */
  ignoredChars: string;
  forbiddenAtStart: string;
  forbiddenAtEnd: string;
  /** Characters that may not appear twice in a row. */
  noRepeat: string;
  /** Words that new names may not contain (case-insensitive). */
  reservedWords: readonly string[];
  forbiddenSuffixes: readonly string[];
  /** Platform-assigned ids (e.g. Flickr NSID) accepted as handle as they are. */
  idPattern?: string;
  /** HOSTNAME: domain appended to a bare name (Bluesky: name → name.bsky.social). */
  defaultDomain?: string;
  /** HOSTNAME: length limits of the first label when the handle sits under `defaultDomain`. */
  defaultDomainLabelLength?: { min: number; max: number };
  /** Prefixes that put a handle in a separate namespace of the platform (LinkedIn `in/`). */
  namespacePrefixes?: readonly string[];
  /** What the handle is called in messages ("handle", "nummer"). */
  noun: LocalizedText;
  /** What the length is counted in ("tekens", "cijfers"). */
  unit: LocalizedText;
}

/**
 * One way a profile URL can look. `hosts` are compared after dropping `www.`, `m.` and `mobile.`;
 * `*` means any host (Mastodon runs on thousands of instances), `*.linkedin.com` one
 * subdomain label (country sites) and `{handle}.hyves.nl` puts the handle
 * in the host name. `path` is a shape of segments: literals, `{handle}`, `@{handle}`, `*` (any segment).
 */
export interface UrlPattern {
  hosts: readonly string[];
  path: string;
  /** Query parameter that carries the handle (Facebook `profile.php?id=`). */
  query?: string;
  /** Stored in front of the handle to keep namespaces apart (LinkedIn `in/`). */
  handlePrefix?: string;
}

export interface PlatformDefinition {
  key: string;
  name: string;
  status: PlatformStatus;
  aliases: readonly string[];
  handle: HandleSyntax;
  /** Placeholders: `{handle}`, and `{user}`/`{instance}` (Mastodon), `{section}` (LinkedIn). */
  profileUrlTemplate: string;
  urlPatterns: readonly UrlPattern[];
  /** First path segments that are app pages, never profiles (x.com/home, instagram.com/p/…). */
  reservedPaths: readonly string[];
  /** One trailing segment that still shows the profile (x.com/foo/media, youtube.com/@foo/videos). */
  profileTabs: readonly string[];
  description: LocalizedText;
}

const HANDLE: LocalizedText = { nl: 'handle', en: 'handle' };
const CHARS: LocalizedText = { nl: 'tekens', en: 'characters' };

const base = {
  ignoredChars: '',
  forbiddenAtStart: '',
  forbiddenAtEnd: '',
  noRepeat: '',
  reservedWords: [] as readonly string[],
  forbiddenSuffixes: [] as readonly string[],
  caseSensitive: false,
  noun: HANDLE,
  unit: CHARS,
};

// Instagram and Threads share one account name, so they share the rules.
const INSTAGRAM_SYNTAX: HandleSyntax = {
  ...base,
  kind: 'USERNAME',
  allowedChars: 'A-Za-z0-9._',
  allowedCharsDescription: { nl: 'letters, cijfers, punten en _', en: 'letters, digits, dots and _' },
  minLength: 1,
  maxLength: 30,
  forbiddenAtStart: '.',
  forbiddenAtEnd: '.',
  noRepeat: '.',
};

const INSTAGRAM_PATHS = ['p', 'reel', 'reels', 'tv', 'stories', 'explore', 'accounts', 'direct', 'about', 'legal', 'developer', 'web', 'challenge', 'privacy', 'terms', 'emails', 'session', 'oauth'];

export const PLATFORMS: readonly PlatformDefinition[] = [
  {
    key: 'x',
    name: 'X',
    status: PlatformStatus.ACTIVE,
    aliases: ['twitter', 'tw'],
    handle: {
      ...base,
      kind: 'USERNAME',
      allowedChars: 'A-Za-z0-9_',
      allowedCharsDescription: { nl: 'letters, cijfers en _', en: 'letters, digits and _' },
      // New names need 4+; handles from the early years (the 2011 inventory) may be shorter.
      minLength: 4,
      legacyMinLength: 1,
      maxLength: 15,
      reservedWords: ['twitter', 'admin'],
    },
    profileUrlTemplate: 'https://x.com/{handle}',
    urlPatterns: [{ hosts: ['x.com', 'twitter.com'], path: '/{handle}' }],
    reservedPaths: ['home', 'i', 'search', 'explore', 'notifications', 'messages', 'settings', 'intent', 'share', 'hashtag', 'login', 'logout', 'signup', 'compose', 'tos', 'privacy', 'about', 'jobs', 'account', 'download', 'who_to_follow', 'lists', 'bookmarks', 'communities', 'premium', 'verified-choose', 'x'],
    profileTabs: ['with_replies', 'media', 'likes', 'highlights', 'articles', 'followers', 'following', 'verified_followers'],
    description: {
      nl: '1–15 tekens (nieuwe namen minstens 4): letters, cijfers en _. Hoofdletters tellen niet voor uniciteit. Nieuwe namen mogen "twitter" en "admin" niet bevatten.',
      en: '1–15 characters (new names at least 4): letters, digits and _. Case does not count for uniqueness. New names may not contain "twitter" or "admin".',
    },
  },
  {
    key: 'facebook',
    name: 'Facebook',
    status: PlatformStatus.ACTIVE,
    aliases: ['fb'],
    handle: {
      ...base,
      kind: 'USERNAME',
      allowedChars: 'A-Za-z0-9.',
      allowedCharsDescription: { nl: 'letters, cijfers en punten', en: 'letters, digits and dots' },
      minLength: 5,
      maxLength: 50,
      // Facebook: johnsmith55 == John.Smith55 == john.smith.55.
      ignoredChars: '.',
      forbiddenSuffixes: ['.com', '.net'],
      idPattern: '[0-9]+',
    },
    profileUrlTemplate: 'https://www.facebook.com/{handle}',
    urlPatterns: [
      { hosts: ['facebook.com', 'fb.com'], path: '/profile.php', query: 'id' },
      { hosts: ['facebook.com', 'fb.com'], path: '/people/*/{handle}' },
      { hosts: ['facebook.com', 'fb.com'], path: '/pages/*/{handle}' },
      { hosts: ['facebook.com', 'fb.com'], path: '/pg/{handle}' },
      { hosts: ['facebook.com', 'fb.com'], path: '/{handle}' },
    ],
    // Groups, events and posts are not accounts the municipality registers as profiles.
    reservedPaths: ['groups', 'events', 'watch', 'photo.php', 'photo', 'photos', 'story.php', 'permalink.php', 'share', 'sharer', 'sharer.php', 'login', 'login.php', 'home.php', 'marketplace', 'gaming', 'hashtag', 'help', 'policies', 'privacy', 'settings', 'notifications', 'messages', 'friends', 'search', 'people', 'pages', 'pg', 'reel', 'reels', 'stories', 'business', 'ads', 'legal', 'l.php', 'dialog', 'plugins', 'media', 'video.php', 'fundraisers', 'bookmarks', 'saved', 'memories', 'profile.php'],
    profileTabs: ['about', 'photos', 'videos', 'events', 'reviews', 'community', 'followers', 'mentions', 'reels', 'live_videos', 'posts'],
    description: {
      nl: 'Minstens 5 tekens: letters, cijfers en punten. Punten en hoofdletters tellen niet voor uniciteit (Milieudienst.050 = milieudienst050). Mag niet eindigen op .com of .net.',
      en: 'At least 5 characters: letters, digits and dots. Dots and case do not count for uniqueness (Milieudienst.050 = milieudienst050). May not end in .com or .net.',
    },
  },
  {
    key: 'instagram',
    name: 'Instagram',
    status: PlatformStatus.ACTIVE,
    aliases: ['ig', 'insta'],
    handle: INSTAGRAM_SYNTAX,
    profileUrlTemplate: 'https://www.instagram.com/{handle}',
    urlPatterns: [{ hosts: ['instagram.com', 'instagr.am'], path: '/{handle}' }],
    reservedPaths: INSTAGRAM_PATHS,
    profileTabs: ['tagged', 'reels', 'guides'],
    description: {
      nl: 'Hoogstens 30 tekens: letters, cijfers, punten en _. Geen punt aan het begin of eind, geen twee punten achter elkaar. Hoofdletters tellen niet.',
      en: 'At most 30 characters: letters, digits, dots and _. No dot at the start or end, no two dots in a row. Case does not count.',
    },
  },
  {
    key: 'linkedin',
    name: 'LinkedIn',
    status: PlatformStatus.ACTIVE,
    aliases: ['li'],
    handle: {
      ...base,
      kind: 'USERNAME',
      allowedChars: 'A-Za-z0-9-',
      allowedCharsDescription: { nl: 'letters, cijfers en -', en: 'letters, digits and -' },
      minLength: 3,
      maxLength: 100,
      reservedWords: ['linkedin'],
      // A bare slug is a company page; personal, showcase and school pages live in other namespaces.
      namespacePrefixes: ['in/', 'showcase/', 'school/'],
    },
    profileUrlTemplate: 'https://www.linkedin.com/{section}/{handle}',
    urlPatterns: [
      { hosts: ['linkedin.com', '*.linkedin.com'], path: '/company/{handle}' },
      { hosts: ['linkedin.com', '*.linkedin.com'], path: '/showcase/{handle}', handlePrefix: 'showcase/' },
      { hosts: ['linkedin.com', '*.linkedin.com'], path: '/school/{handle}', handlePrefix: 'school/' },
      { hosts: ['linkedin.com', '*.linkedin.com'], path: '/in/{handle}', handlePrefix: 'in/' },
    ],
    reservedPaths: [],
    profileTabs: ['about', 'posts', 'jobs', 'people', 'life', 'videos', 'events', 'recent-activity'],
    description: {
      nl: 'Bedrijfspagina: linkedin.com/company/<naam>, 3–100 tekens: letters, cijfers en -. Persoonlijke profielen als in/<naam>, showcasepagina\'s als showcase/<naam>.',
      en: 'Company page: linkedin.com/company/<name>, 3–100 characters: letters, digits and -. Personal profiles as in/<name>, showcase pages as showcase/<name>.',
    },
  },
  {
    key: 'youtube',
    name: 'YouTube',
    status: PlatformStatus.ACTIVE,
    aliases: ['yt'],
    handle: {
      ...base,
      kind: 'USERNAME',
      allowedChars: 'A-Za-z0-9_.-',
      allowedCharsDescription: { nl: 'letters, cijfers, _, - en punten', en: 'letters, digits, _, - and dots' },
      minLength: 3,
      maxLength: 30,
    },
    profileUrlTemplate: 'https://www.youtube.com/@{handle}',
    urlPatterns: [
      { hosts: ['youtube.com'], path: '/@{handle}' },
      // Legacy custom and username URLs; YouTube reserved them as handles in the 2022 roll-out.
      { hosts: ['youtube.com'], path: '/c/{handle}' },
      { hosts: ['youtube.com'], path: '/user/{handle}' },
    ],
    reservedPaths: [],
    profileTabs: ['videos', 'shorts', 'streams', 'playlists', 'community', 'featured', 'about', 'live', 'podcasts', 'releases', 'posts'],
    description: {
      nl: '3–30 tekens: letters, cijfers, _, - en punten. URL youtube.com/@handle. Hoofdletters tellen niet.',
      en: '3–30 characters: letters, digits, _, - and dots. URL youtube.com/@handle. Case does not count.',
    },
  },
  {
    key: 'tiktok',
    name: 'TikTok',
    status: PlatformStatus.ACTIVE,
    aliases: ['tt'],
    handle: {
      ...base,
      kind: 'USERNAME',
      allowedChars: 'A-Za-z0-9._',
      allowedCharsDescription: { nl: 'letters, cijfers, punten en _', en: 'letters, digits, dots and _' },
      minLength: 2,
      maxLength: 24,
      forbiddenAtEnd: '.',
    },
    profileUrlTemplate: 'https://www.tiktok.com/@{handle}',
    urlPatterns: [{ hosts: ['tiktok.com'], path: '/@{handle}' }],
    reservedPaths: [],
    profileTabs: [],
    description: {
      nl: '2–24 tekens: letters, cijfers, punten en _. Geen punt aan het eind.',
      en: '2–24 characters: letters, digits, dots and _. No dot at the end.',
    },
  },
  {
    key: 'threads',
    name: 'Threads',
    status: PlatformStatus.ACTIVE,
    aliases: [],
    handle: INSTAGRAM_SYNTAX,
    // threads.net moved to threads.com in 2025; both still serve profiles.
    profileUrlTemplate: 'https://www.threads.com/@{handle}',
    urlPatterns: [{ hosts: ['threads.com', 'threads.net'], path: '/@{handle}' }],
    reservedPaths: [],
    profileTabs: ['replies', 'media', 'reposts'],
    description: {
      nl: 'Gelijk aan de Instagram-naam: hoogstens 30 tekens, letters, cijfers, punten en _.',
      en: 'Same as the Instagram name: at most 30 characters, letters, digits, dots and _.',
    },
  },
  {
    key: 'bluesky',
    name: 'Bluesky',
    status: PlatformStatus.ACTIVE,
    aliases: ['bsky'],
    handle: {
      ...base,
      kind: 'HOSTNAME',
      allowedChars: 'A-Za-z0-9.-',
      allowedCharsDescription: { nl: 'letters, cijfers, - en punten', en: 'letters, digits, - and dots' },
      minLength: 3,
      maxLength: 253,
      defaultDomain: 'bsky.social',
      // bsky.social only hands out names of 3–18 characters before the domain.
      defaultDomainLabelLength: { min: 3, max: 18 },
    },
    profileUrlTemplate: 'https://bsky.app/profile/{handle}',
    urlPatterns: [{ hosts: ['bsky.app'], path: '/profile/{handle}' }],
    reservedPaths: [],
    profileTabs: [],
    description: {
      nl: 'Een domeinnaam (bijv. groningen.nl of naam.bsky.social): delen van 1–63 letters, cijfers en -, geen - aan begin of eind. Een naam zonder punt wordt naam.bsky.social.',
      en: 'A domain name (e.g. groningen.nl or name.bsky.social): labels of 1–63 letters, digits and -, no - at the start or end. A name without a dot becomes name.bsky.social.',
    },
  },
  {
    key: 'mastodon',
    name: 'Mastodon',
    status: PlatformStatus.ACTIVE,
    aliases: ['fediverse', 'fedi'],
    handle: {
      ...base,
      kind: 'FEDIVERSE',
      allowedChars: 'A-Za-z0-9_',
      allowedCharsDescription: { nl: 'letters, cijfers en _', en: 'letters, digits and _' },
      minLength: 1,
      maxLength: 30,
    },
    profileUrlTemplate: 'https://{instance}/@{user}',
    urlPatterns: [{ hosts: ['*'], path: '/@{handle}' }],
    reservedPaths: [],
    profileTabs: ['with_replies', 'media'],
    description: {
      nl: 'gebruiker@server: de gebruikersnaam heeft hoogstens 30 letters, cijfers en _, de server is een domeinnaam.',
      en: 'user@server: the user name has at most 30 letters, digits and _, the server is a domain name.',
    },
  },
  {
    key: 'flickr',
    name: 'Flickr',
    status: PlatformStatus.ACTIVE,
    aliases: [],
    handle: {
      ...base,
      kind: 'USERNAME',
      allowedChars: 'A-Za-z0-9_-',
      allowedCharsDescription: { nl: 'letters, cijfers, _ en -', en: 'letters, digits, _ and -' },
      minLength: 1,
      maxLength: 50,
      // Accounts without a chosen alias are addressed by their NSID, e.g. 12037949632@N01.
      idPattern: '[0-9]+@N[0-9]{2}',
    },
    profileUrlTemplate: 'https://www.flickr.com/photos/{handle}',
    urlPatterns: [
      { hosts: ['flickr.com'], path: '/photos/{handle}' },
      { hosts: ['flickr.com'], path: '/people/{handle}' },
    ],
    reservedPaths: [],
    profileTabs: ['albums', 'sets', 'favorites', 'galleries', 'with', 'page1'],
    description: {
      nl: 'Het eigen webadres (flickr.com/photos/<alias>) of het Flickr-id (12345678@N01).',
      en: 'The custom web address (flickr.com/photos/<alias>) or the Flickr id (12345678@N01).',
    },
  },
  {
    key: 'whatsapp',
    name: 'WhatsApp',
    status: PlatformStatus.ACTIVE,
    aliases: ['wa'],
    handle: {
      ...base,
      kind: 'PHONE',
      allowedChars: '0-9+ ().-',
      allowedCharsDescription: { nl: 'cijfers (met +, spaties of streepjes)', en: 'digits (with +, spaces or dashes)' },
      // E.164: at most 15 digits including the country code.
      minLength: 8,
      maxLength: 15,
      noun: { nl: 'nummer', en: 'number' },
      unit: { nl: 'cijfers', en: 'digits' },
    },
    profileUrlTemplate: 'https://wa.me/{handle}',
    urlPatterns: [
      { hosts: ['wa.me'], path: '/{handle}' },
      { hosts: ['api.whatsapp.com', 'whatsapp.com'], path: '/send', query: 'phone' },
    ],
    reservedPaths: ['message', 'c', 'qr'],
    profileTabs: [],
    description: {
      nl: 'Een telefoonnummer in internationale vorm (+31 6 …); 06-nummers worden 316….',
      en: 'A phone number in international form (+31 6 …); Dutch 06 numbers become 316….',
    },
  },
  {
    key: 'hyves',
    name: 'Hyves',
    // Hyves closed as a social network in December 2013; legacy accounts stay in the register.
    status: PlatformStatus.DEFUNCT,
    aliases: [],
    handle: {
      ...base,
      kind: 'USERNAME',
      allowedChars: 'A-Za-z0-9-',
      allowedCharsDescription: { nl: 'letters, cijfers en -', en: 'letters, digits and -' },
      minLength: 1,
      maxLength: 63,
      forbiddenAtStart: '-',
      forbiddenAtEnd: '-',
    },
    profileUrlTemplate: 'https://{handle}.hyves.nl',
    urlPatterns: [{ hosts: ['{handle}.hyves.nl'], path: '/' }],
    reservedPaths: [],
    profileTabs: [],
    description: {
      nl: 'Hyves bestaat niet meer (2013). Adres <naam>.hyves.nl: letters, cijfers en -.',
      en: 'Hyves no longer exists (2013). Address <name>.hyves.nl: letters, digits and -.',
    },
  },
  {
    key: 'yammer',
    name: 'Yammer',
    // Microsoft renamed Yammer to Viva Engage (2023).
    status: PlatformStatus.DEPRECATED,
    aliases: ['viva-engage', 'vivaengage', 'viva'],
    handle: {
      ...base,
      kind: 'HOSTNAME',
      allowedChars: 'A-Za-z0-9.-',
      allowedCharsDescription: { nl: 'letters, cijfers, - en punten', en: 'letters, digits, - and dots' },
      minLength: 3,
      maxLength: 253,
    },
    profileUrlTemplate: 'https://www.yammer.com/{handle}',
    urlPatterns: [{ hosts: ['yammer.com'], path: '/{handle}' }],
    reservedPaths: ['login', 'logout', 'signup', 'about', 'api', 'oauth2', 'main'],
    profileTabs: [],
    description: {
      nl: 'Het netwerk is het e-maildomein van de organisatie (yammer.com/groningen.nl). Yammer heet nu Viva Engage.',
      en: 'The network is the organisation\'s e-mail domain (yammer.com/groningen.nl). Yammer is now Viva Engage.',
    },
  },
];

function lookupKey(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

const BY_KEY = new Map<string, PlatformDefinition>();
for (const platform of PLATFORMS) {
  BY_KEY.set(platform.key, platform);
  for (const alias of platform.aliases) BY_KEY.set(lookupKey(alias), platform);
}

/** Finds a platform by key or alias, ignoring case and spaces (`Twitter`, `viva engage`, `IG`). */
export function findPlatform(keyOrAlias: string): PlatformDefinition | undefined {
  return BY_KEY.get(lookupKey(keyOrAlias));
}
