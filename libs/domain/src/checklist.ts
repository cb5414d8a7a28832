import { AccountKind, AccountPurpose } from './enums';
import type { LocalizedText } from './errors';
import type { NamingViolation } from './naming';
import { findPlatform } from './platforms';

export const ChecklistMode = { AUTOMATIC: 'AUTOMATIC', ATTESTATION: 'ATTESTATION' } as const;
export type ChecklistMode = (typeof ChecklistMode)[keyof typeof ChecklistMode];

export const AutomaticCheckKey = {
  NAMING_RULES_PASS: 'NAMING_RULES_PASS',
  BIO_STATES_OFFICIAL: 'BIO_STATES_OFFICIAL',
  BIO_LINKS_CLAIMED_DOMAIN: 'BIO_LINKS_CLAIMED_DOMAIN',
  HOURS_PUBLISHED: 'HOURS_PUBLISHED',
  TWO_OWNERS: 'TWO_OWNERS',
  OWNERS_ACKNOWLEDGED: 'OWNERS_ACKNOWLEDGED',
  ARCHIVING_ARRANGED: 'ARCHIVING_ARRANGED',
} as const;
export type AutomaticCheckKey = (typeof AutomaticCheckKey)[keyof typeof AutomaticCheckKey];
export const AUTOMATIC_CHECK_KEYS = Object.values(AutomaticCheckKey);

export const ChecklistState = { PASS: 'PASS', FAIL: 'FAIL', PENDING: 'PENDING', NOT_APPLICABLE: 'NOT_APPLICABLE' } as const;
export type ChecklistState = (typeof ChecklistState)[keyof typeof ChecklistState];

export interface ChecklistItem {
  key: string;
  title: LocalizedText;
  guidance: LocalizedText;
  required: boolean;
  /** Empty or missing: all kinds. */
  kinds?: readonly AccountKind[];
  /** Empty or missing: all platforms. */
  platforms?: readonly string[];
  /** Empty or missing: all accounts; otherwise the account needs at least one of these purposes. */
  purposes?: readonly AccountPurpose[];
  mode: ChecklistMode;
  /** AUTOMATIC items: which check. */
  check?: AutomaticCheckKey;
}

export interface ChecklistAccount {
  platform: string;
  kind: AccountKind;
  purposes: readonly AccountPurpose[];
  bio?: string | null;
  openingHours?: string | null;
  responseTime?: string | null;
  archivingArrangement?: string | null;
}

export interface ChecklistOwner {
  active: boolean;
  guidelinesAcknowledgedAt?: Date | string | null;
}

export interface Attestation {
  itemKey: string;
  passed: boolean;
  note?: string | null;
  evidenceUrl?: string | null;
  at: Date | string;
}

export interface ChecklistInput {
  account: ChecklistAccount;
  owners: readonly ChecklistOwner[];
  unit: { name: string };
  /** As the bio should name it, e.g. "Gemeente Groningen" or "Groningen". */
  municipalityName: string;
  namingViolations: readonly NamingViolation[];
  /** Registrable domains and hosts we hold; null when none are registered yet. */
  claimedDomains: readonly string[] | null;
  attestations: readonly Attestation[];
  items: readonly ChecklistItem[];
}

export interface ChecklistResult {
  key: string;
  title: LocalizedText;
  mode: ChecklistMode;
  required: boolean;
  check?: AutomaticCheckKey;
  state: ChecklistState;
  reason: LocalizedText;
  /** ATTESTATION items: the attestation that decided the state (the latest). */
  attestation?: Attestation;
}

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

function platformKey(value: string): string {
  return findPlatform(value)?.key ?? value.trim().toLowerCase();
}

function applies(item: ChecklistItem, account: ChecklistAccount): boolean {
  if (item.kinds?.length && !item.kinds.includes(account.kind)) return false;
  if (item.platforms?.length && !item.platforms.some((p) => platformKey(p) === platformKey(account.platform))) return false;
  if (item.purposes?.length && !item.purposes.some((p) => account.purposes.includes(p))) return false;
  return true;
}

const filled = (value: string | null | undefined): boolean => typeof value === 'string' && value.trim().length > 0;

/** Lowercase without accents and with single spaces: "Stadsdeelcoördinatie" matches "stadsdeelcoordinatie". */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const HOST_IN_TEXT = /(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?=[/:?#\s)\],;!]|\.(?:\s|$)|$)/gi;

/** Host names linked or written in a text (`https://www.groningen.nl/afval`, `gemeente.groningen.nl`). */
export function hostsInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(HOST_IN_TEXT)) {
    const host = (m[1] as string).toLowerCase().replace(/^www\./, '');
    if (!out.includes(host)) out.push(host);
  }
  return out;
}

function onClaimedDomain(host: string, claimed: readonly string[]): boolean {
  return claimed.some((raw) => {
    const domain = raw.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, '').replace(/\.$/, '');
    return domain.length > 0 && (host === domain || host.endsWith(`.${domain}`));
  });
}

function time(value: Date | string): number {
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? -Infinity : ms;
}

type Outcome = { state: ChecklistState; reason: LocalizedText };

function automatic(check: AutomaticCheckKey | undefined, input: ChecklistInput): Outcome {
  const { account } = input;
  switch (check) {
    case 'NAMING_RULES_PASS': {
      const errors = input.namingViolations.filter((v) => v.severity === 'ERROR');
      if (errors.length === 0) return { state: 'PASS', reason: t('De naam voldoet aan de naamregels.', 'The name meets the naming rules.') };
      return {
        state: 'FAIL',
        reason: { nl: errors.map((e) => e.message.nl).join(' '), en: errors.map((e) => e.message.en).join(' ') },
      };
    }
    case 'BIO_STATES_OFFICIAL': {
      if (!filled(account.bio)) return { state: 'FAIL', reason: t('Er is geen bio.', 'There is no bio.') };
      const bio = foldText(account.bio as string);
      const names = [input.municipalityName, input.unit.name].filter((n) => foldText(n).length > 0);
      if (names.some((n) => bio.includes(foldText(n)))) return { state: 'PASS', reason: t('De bio noemt de gemeente of de eenheid.', 'The bio names the municipality or the unit.') };
      return {
        state: 'FAIL',
        reason: {
          nl: `De bio noemt "${input.municipalityName}" noch "${input.unit.name}".`,
          en: `The bio names neither "${input.municipalityName}" nor "${input.unit.name}".`,
        },
      };
    }
    case 'BIO_LINKS_CLAIMED_DOMAIN': {
      if (!input.claimedDomains || input.claimedDomains.length === 0) {
        // Nothing to check against until the register holds claimed URLs: not a reason to hold back
        // an approval (the "until then it reports 'no claimed domains yet'").
        return { state: 'NOT_APPLICABLE', reason: t('nog geen geclaimde domeinen', 'no claimed domains yet') };
      }
      const hosts = hostsInText(account.bio ?? '');
      if (hosts.length === 0) return { state: 'FAIL', reason: t('De bio bevat geen link.', 'The bio contains no link.') };
      if (hosts.some((h) => onClaimedDomain(h, input.claimedDomains as readonly string[]))) {
        return { state: 'PASS', reason: t('De bio linkt naar een domein van de gemeente.', 'The bio links to a domain of the municipality.') };
      }
      return {
        state: 'FAIL',
        reason: { nl: `De bio linkt niet naar een geclaimd domein (${hosts.join(', ')}).`, en: `The bio does not link to a claimed domain (${hosts.join(', ')}).` },
      };
    }
    case 'HOURS_PUBLISHED': {
      const missing: LocalizedText[] = [];
      if (!filled(account.openingHours)) missing.push(t('openingstijden', 'opening hours'));
      if (!filled(account.responseTime)) missing.push(t('reactietijd', 'response time'));
      if (missing.length === 0) return { state: 'PASS', reason: t('Openingstijden en reactietijd zijn ingevuld.', 'Opening hours and response time are filled in.') };
      return {
        state: 'FAIL',
        reason: { nl: `Niet ingevuld: ${missing.map((m) => m.nl).join(', ')}.`, en: `Not filled in: ${missing.map((m) => m.en).join(', ')}.` },
      };
    }
    case 'TWO_OWNERS': {
      const n = input.owners.filter((o) => o.active).length;
      if (n >= 2) return { state: 'PASS', reason: { nl: `${n} actieve beheerders.`, en: `${n} active owners.` } };
      return { state: 'FAIL', reason: { nl: `${n} actieve beheerder(s); minstens twee nodig.`, en: `${n} active owner(s); at least two needed.` } };
    }
    case 'OWNERS_ACKNOWLEDGED': {
      // Owners who left do not post any more; their acknowledgement no longer matters.
      const active = input.owners.filter((o) => o.active);
      if (active.length === 0) return { state: 'FAIL', reason: t('Er zijn geen actieve beheerders.', 'There are no active owners.') };
      const missing = active.filter((o) => !o.guidelinesAcknowledgedAt).length;
      if (missing === 0) return { state: 'PASS', reason: t('Alle beheerders hebben de richtlijnen onderschreven.', 'All owners acknowledged the guidelines.') };
      return {
        state: 'FAIL',
        reason: { nl: `${missing} beheerder(s) hebben de richtlijnen nog niet onderschreven.`, en: `${missing} owner(s) have not acknowledged the guidelines yet.` },
      };
    }
    case 'ARCHIVING_ARRANGED':
      return filled(account.archivingArrangement)
        ? { state: 'PASS', reason: t('Archivering is geregeld.', 'Archiving is arranged.') }
        : { state: 'FAIL', reason: t('Archivering is niet geregeld (Archiefwet).', 'Archiving is not arranged (Archives Act).') };
    default:
      // Fails closed: an automatic item without a known check can never pass by accident.
      return { state: 'FAIL', reason: { nl: `Onbekende automatische controle "${String(check)}".`, en: `Unknown automatic check "${String(check)}".` } };
  }
}

/**
 * Every item with its state. Items that do not apply to the account's kind, platform or purposes are
 * returned as NOT_APPLICABLE (so the console can show the whole list); approval ignores them.
 */
export function evaluateChecklist(input: ChecklistInput): ChecklistResult[] {
  return input.items.map((item) => {
    const base = { key: item.key, title: item.title, mode: item.mode, required: item.required, ...(item.check ? { check: item.check } : {}) };
    if (!applies(item, input.account)) {
      return { ...base, state: 'NOT_APPLICABLE', reason: t('Geldt niet voor dit account.', 'Does not apply to this account.') };
    }
    if (item.mode === 'AUTOMATIC') return { ...base, ...automatic(item.check, input) };
    const latest = input.attestations.filter((a) => a.itemKey === item.key).reduce<Attestation | undefined>((best, a) => (!best || time(a.at) >= time(best.at) ? a : best), undefined);
    if (!latest) return { ...base, state: 'PENDING', reason: t('Nog niet beoordeeld.', 'Not reviewed yet.') };
    const note = filled(latest.note) ? `: ${(latest.note as string).trim()}` : '.';
    return latest.passed
      ? { ...base, state: 'PASS', reason: { nl: `Goedgekeurd${note}`, en: `Approved${note}` }, attestation: latest }
      : { ...base, state: 'FAIL', reason: { nl: `Afgekeurd${note}`, en: `Rejected${note}` }, attestation: latest };
  });
}

const ORG_KINDS: AccountKind[] = ['ORGANISATIONAL', 'PERSONAL_IN_FUNCTION', 'ADMINISTRATOR', 'CAMPAIGN', 'PROJECT'];

/**
 * The note's "huisstijl" list (section 6: vormgeving/beeldmerk, naamgeving, bio, tone of voice,
 * URL-beleid, openingstijden) plus the guarantees of the register (owners, archive, vault).
 * The bio is two items: a machine can see whether the bio names the municipality or the unit, but only a
 * reviewer can judge that it states the account is official and in which role ("in welke hoedanigheid").
 */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  {
    key: 'naming_rules_pass',
    title: t('Naam volgt de naamregels', 'Name follows the naming rules'),
    guidance: t('Geen ERROR van de naamregels, of een vastgelegde afwijking door Team #ggsm.', 'No naming ERROR, or a waiver recorded by Team #ggsm.'),
    required: true,
    mode: 'AUTOMATIC',
    check: 'NAMING_RULES_PASS',
  },
  {
    key: 'display_name_identifies',
    title: t('Weergavenaam noemt afzender en rol', 'Display name identifies sender and role'),
    guidance: t('De weergavenaam maakt duidelijk wie er namens welke eenheid spreekt.', 'The display name makes clear who speaks for which unit.'),
    required: true,
    mode: 'ATTESTATION',
  },
  {
    key: 'bio_states_official',
    title: t('Bio noemt gemeente of eenheid', 'Bio names the municipality or unit'),
    guidance: t('De bio bevat de naam van de gemeente of van de eenheid.', 'The bio contains the name of the municipality or of the unit.'),
    required: true,
    mode: 'AUTOMATIC',
    check: 'BIO_STATES_OFFICIAL',
  },
  {
    key: 'bio_reviewed',
    title: t('Bio zegt dat het account officieel is', 'Bio says the account is official'),
    guidance: t('De bio zegt dat dit een officieel account is, van wie en in welke rol (zoals @Waterbedrijf).', 'The bio says this is an official account, whose and in which role (like @Waterbedrijf).'),
    required: true,
    mode: 'ATTESTATION',
  },
  {
    key: 'bio_links_claimed_domain',
    title: t('Bio linkt naar een eigen domein', 'Bio links to a domain of ours'),
    guidance: t('De link in de bio wijst naar een geclaimd domein (URL-beleid).', 'The link in the bio points to a claimed domain (URL policy).'),
    required: true,
    kinds: ORG_KINDS,
    mode: 'AUTOMATIC',
    check: 'BIO_LINKS_CLAIMED_DOMAIN',
  },
  {
    key: 'logo_approved',
    title: t('Avatar gebruikt het goedgekeurde beeldmerk', 'Avatar uses the approved logo'),
    guidance: t('Vormgeving en beeldmerk volgens de huisstijl voor sociale media.', 'Design and logo follow the social media house style.'),
    required: true,
    mode: 'ATTESTATION',
  },
  {
    key: 'tone_of_voice',
    title: t('Tone of voice afgesproken', 'Tone of voice agreed'),
    guidance: t('De beheerders kennen de afspraken over toon, do\'s en dont\'s.', 'The owners know the agreements on tone, do\'s and don\'ts.'),
    required: true,
    mode: 'ATTESTATION',
  },
  {
    key: 'hours_published',
    title: t('Openingstijden en reactietijd vermeld', 'Opening hours and response time published'),
    guidance: t('Volgers weten wanneer ze antwoord kunnen verwachten.', 'Followers know when to expect an answer.'),
    required: true,
    mode: 'AUTOMATIC',
    check: 'HOURS_PUBLISHED',
  },
  {
    key: 'two_owners',
    title: t('Minstens twee beheerders', 'At least two owners'),
    guidance: t('Een hoofdbeheerder en een vervanger, zodat het account niet verweesd raakt.', 'A primary owner and a backup, so the account is never orphaned.'),
    required: true,
    mode: 'AUTOMATIC',
    check: 'TWO_OWNERS',
  },
  {
    key: 'owners_acknowledged',
    title: t('Beheerders onderschreven de richtlijnen', 'Owners acknowledged the guidelines'),
    guidance: t('Elke actieve beheerder onderschreef de vijf principes van de Handreiking Ambtenaar 2.0.', 'Every active owner acknowledged the five principles of the Handreiking Ambtenaar 2.0.'),
    required: true,
    mode: 'AUTOMATIC',
    check: 'OWNERS_ACKNOWLEDGED',
  },
  {
    key: 'archiving_arranged',
    title: t('Archivering geregeld', 'Archiving arranged'),
    guidance: t('Berichten worden gearchiveerd (Archiefwet).', 'Posts are archived (Archives Act).'),
    required: true,
    mode: 'AUTOMATIC',
    check: 'ARCHIVING_ARRANGED',
  },
  {
    key: 'webcare_escalation',
    title: t('Escalatieroute webcare naar het KCC', 'Web-care escalation route to the KCC'),
    guidance: t('Vragen en klachten gaan naar het KCC; de route is vastgelegd.', 'Questions and complaints go to the KCC; the route is recorded.'),
    required: true,
    purposes: ['WEBCARE', 'INTERACT'],
    mode: 'ATTESTATION',
  },
  {
    key: 'credentials_vault',
    title: t('Inloggegevens in de kluis, met 2FA', 'Credentials in the vault, with 2FA'),
    guidance: t('Wachtwoord in de kluis, tweestapsverificatie aan.', 'Password in the vault, two-factor authentication on.'),
    required: true,
    mode: 'ATTESTATION',
  },
];
