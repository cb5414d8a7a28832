import { DomainError, ErrorCode } from './errors';
import type { LocalizedText, Violation } from './errors';
import { cleanHandleInput, normalizeHandle, parseHandleInput, parseProfileUrl, validateHandle } from './handles';
import { findPlatform } from './platforms';

/** What a citizen, a journalist or a script asks: `platform` + `handle`, or a profile `url`. */
export interface VerificationInput {
  platform?: string | null;
  handle?: string | null;
  url?: string | null;
}

/** The account to look up: the platform key (aliases resolved) and the handle in both forms. */
export interface VerificationKey {
  platform: string;
  /** As asked, cleaned of `@`, spaces and invisible characters; kept for explaining lookalikes. */
  asked: string;
  /** The form the platform treats as equal: the register's key. */
  normalizedHandle: string;
}

const TEXT = {
  required: { nl: 'Vul een handle of een webadres van een profiel in.', en: 'Enter a handle or the web address of a profile.' },
  platformRequired: {
    nl: 'Kies het platform, of vul het volledige webadres van het profiel in.',
    en: 'Choose the platform, or enter the full web address of the profile.',
  },
  notAProfile: {
    nl: 'Dit is geen webadres van een profiel op een bekend platform (zoals https://x.com/Stadsbeheer050).',
    en: 'This is not the web address of a profile on a known platform (such as https://x.com/Stadsbeheer050).',
  },
  both: { nl: 'Vul een webadres of een handle in, niet allebei.', en: 'Enter a web address or a handle, not both.' },
} satisfies Record<string, LocalizedText>;

/** What browsers and search engines keep of a URL; no handle comes near it. */
export const MAX_VERIFICATION_INPUT = 2000;
const MAX_INPUT = MAX_VERIFICATION_INPUT;

function refuse(field: string, code: string, message: LocalizedText): never {
  throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field, code, message }]);
}

/** A scheme, or a host name followed by a path: `https://…`, `x.com/…`, `www.facebook.com/…`. */
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:|[a-z0-9-]+(?:\.[a-z0-9-]+)+\/)/i;

function blankToUndefined(value: string | null | undefined): string | undefined {
  const text = value == null ? '' : cleanHandleInput(value);
  return text.length > 0 ? value!.trim() : undefined;
}

/**
 * Turns the question into the register's key, or refuses it with BAD_USER_INPUT and a stable violation
 * code: HANDLE_OR_URL_REQUIRED, URL_AND_HANDLE, PLATFORM_REQUIRED, PLATFORM_UNKNOWN, NOT_A_PROFILE_URL,
 * HANDLE_PLATFORM_MISMATCH, or the platform's own handle rules (HANDLE_INVALID_CHARACTERS, …). A URL
 * decides the platform itself; a chosen platform must then agree. Case, `@`, www./m., query strings,
 * old domains (twitter.com) and platform aliases (twitter = x) all give the same key.
 */
export function parseVerificationInput(input: VerificationInput): VerificationKey {
  const platformArg = blankToUndefined(input.platform);
  const handleArg = blankToUndefined(input.handle);
  const urlArg = blankToUndefined(input.url);
  if (urlArg && handleArg) refuse('url', 'URL_AND_HANDLE', TEXT.both);
  const platform = platformArg === undefined ? undefined : findPlatform(platformArg);
  if (platformArg !== undefined && !platform) {
    const message = { nl: `Onbekend platform "${platformArg}".`, en: `Unknown platform "${platformArg}".` };
    refuse('platform', 'PLATFORM_UNKNOWN', message);
  }
  const text = urlArg ?? handleArg;
  if (text === undefined) refuse(urlArg === undefined && input.url != null ? 'url' : 'handle', 'HANDLE_OR_URL_REQUIRED', TEXT.required);
  const field = urlArg !== undefined ? 'url' : 'handle';
  if (text.length > MAX_INPUT) {
    refuse(field, 'INPUT_TOO_LONG', { nl: `Dit is te lang: hoogstens ${MAX_INPUT} tekens.`, en: `This is too long: at most ${MAX_INPUT} characters.` });
  }

  let parsedPlatform: string;
  let handle: string;
  if (urlArg !== undefined || !platform) {
    // A URL (or a handle without a platform, which only a URL can place).
    const parsed = parseProfileUrl(text);
    if (!parsed) {
      if (urlArg === undefined && !URL_LIKE.test(text.trim())) refuse('platform', 'PLATFORM_REQUIRED', TEXT.platformRequired);
      refuse(field, 'NOT_A_PROFILE_URL', TEXT.notAProfile);
    }
    if (platform && parsed.platform !== platform.key) {
      const other = findPlatform(parsed.platform)?.name ?? parsed.platform;
      refuse(field, 'HANDLE_PLATFORM_MISMATCH', {
        nl: `Dit is een ${other}-adres, geen ${platform.name}-adres.`,
        en: `This is a ${other} address, not a ${platform.name} address.`,
      });
    }
    parsedPlatform = parsed.platform;
    handle = parsed.handle;
  } else {
    const parsed = parseHandleInput(platform.key, text);
    if (!parsed && URL_LIKE.test(text.trim()) && platform.handle.kind !== 'FEDIVERSE') {
      // validateHandle names another platform's address; anything else is no profile at all.
      const mismatch = validateHandle(platform.key, text).find((v) => v.code === 'HANDLE_PLATFORM_MISMATCH');
      if (mismatch) refuse(field, mismatch.code, mismatch.message);
      refuse(field, 'NOT_A_PROFILE_URL', TEXT.notAProfile);
    }
    parsedPlatform = platform.key;
    handle = parsed ? parsed.handle : cleanHandleInput(text);
  }
  // Accounts from before today's rules (short X names) are still answered: check with the legacy rules.
  const violations = validateHandle(parsedPlatform, handle, { legacy: true }).map((v) => ({ ...v, field }));
  if (violations.length) throw new DomainError(ErrorCode.BAD_USER_INPUT, (violations[0] as Violation).message, violations);
  return { platform: parsedPlatform, asked: cleanHandleInput(handle), normalizedHandle: normalizeHandle(parsedPlatform, handle) };
}

/** The handle as people write it: `@Stadsbeheer050`, `@gemeente@mastodon.nl`, `+31612345678`. */
export function displayHandle(platformKey: string, handle: string): string {
  const platform = findPlatform(platformKey);
  if (platform?.handle.kind === 'PHONE') return `+${handle.replace(/^\+/, '')}`;
  return `@${handle.replace(/^@+/, '')}`;
}
