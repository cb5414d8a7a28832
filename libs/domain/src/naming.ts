import { AccountKind } from './enums';
import type { LocalizedText } from './errors';
import { cleanHandleInput, normalizeHandle, parseHandleInput, validateHandle } from './handles';
import { foldHandle, handlesLookAlike } from './lookalike';
import { findPlatform } from './platforms';

export const NamingSeverity = { ERROR: 'ERROR', WARNING: 'WARNING' } as const;
export type NamingSeverity = (typeof NamingSeverity)[keyof typeof NamingSeverity];

export const NamingRuleType = {
  MATCH_PATTERN: 'MATCH_PATTERN',
  ENDS_WITH_ONE_OF: 'ENDS_WITH_ONE_OF',
  STARTS_WITH_ONE_OF: 'STARTS_WITH_ONE_OF',
  STARTS_WITH_UNIT_PREFIX: 'STARTS_WITH_UNIT_PREFIX',
  FORBIDDEN_WORDS: 'FORBIDDEN_WORDS',
  MAX_LENGTH: 'MAX_LENGTH',
} as const;
export type NamingRuleType = (typeof NamingRuleType)[keyof typeof NamingRuleType];
export const NAMING_RULE_TYPES = Object.values(NamingRuleType);

/** Empty or missing lists mean "all". A unit id also covers every unit below it. */
export interface NamingRuleScope {
  platforms?: readonly string[];
  kinds?: readonly AccountKind[];
  orgUnitIds?: readonly string[];
}

export interface MatchPatternParams {
  /** Regular-expression source, matched against the name part of the handle (without `@`). */
  pattern: string;
  flags?: string;
}
export interface OneOfParams {
  values: readonly string[];
  /** Default true: the platforms we use do not tell `Groningen` from `groningen`. */
  caseInsensitive?: boolean;
}
export interface ForbiddenWordsParams {
  /** Compared after `foldHandle`, so `p0litie` and `po.litie` match `politie`. */
  words: readonly string[];
}
export interface MaxLengthParams {
  max: number;
}

export interface NamingRuleParamsByType {
  MATCH_PATTERN: MatchPatternParams;
  ENDS_WITH_ONE_OF: OneOfParams;
  STARTS_WITH_ONE_OF: OneOfParams;
  STARTS_WITH_UNIT_PREFIX: Record<string, never>;
  FORBIDDEN_WORDS: ForbiddenWordsParams;
  MAX_LENGTH: MaxLengthParams;
}

interface NamingRuleBase {
  key: string;
  /**
   * Shown to the editor. Placeholders: `{values}` (the list of a *_ONE_OF rule), `{prefix}` (the unit's
   * prefix), `{word}` (the forbidden word found), `{max}` and `{length}` (MAX_LENGTH), `{pattern}`.
   */
  message: LocalizedText;
  severity: NamingSeverity;
  scope: NamingRuleScope;
}

/** A naming rule as stored: data, so Communications can change the policy without a release. */
export type NamingRule = {
  [T in NamingRuleType]: NamingRuleBase & { type: T; params: NamingRuleParamsByType[T] };
}[NamingRuleType];

export interface NamingOrgUnit {
  id: string;
  handlePrefix?: string | null;
  /** Every unit above this one, in any order. */
  ancestorIds: readonly string[];
}

export interface RegisteredHandle {
  platform: string;
  handle: string;
}

export interface NamingCheckInput {
  platform: string;
  handle: string;
  kind: AccountKind;
  orgUnit: NamingOrgUnit;
  rules: readonly NamingRule[];
  /** Our registered handles (all platforms; only the same platform is compared). */
  registered?: readonly RegisteredHandle[];
  /** Passed to `validateHandle`: the account predates the platform's current rules. */
  legacy?: boolean;
}

export interface NamingViolation {
  /** The rule's key; `platform_syntax` for the platform's own rules, `lookalike` for look-alikes. */
  ruleKey: string;
  severity: NamingSeverity;
  message: LocalizedText;
  /** Stable code: the `HANDLE_*` code of `validateHandle`, or a `NAMING_*` code of the rule type. */
  code: string;
}

export interface NamingRuleNotApplied {
  ruleKey: string;
  reason: LocalizedText;
}

export interface NamingCheck {
  violations: NamingViolation[];
  /** Rules in scope that could not be applied, with why (a unit without prefix, a phone number). */
  notApplied: NamingRuleNotApplied[];
}

export const PLATFORM_SYNTAX_RULE_KEY = 'platform_syntax';
export const LOOKALIKE_RULE_KEY = 'lookalike';

export const NAMING_CODES: Readonly<Record<NamingRuleType, string>> = {
  MATCH_PATTERN: 'NAMING_PATTERN_MISMATCH',
  ENDS_WITH_ONE_OF: 'NAMING_SUFFIX_MISSING',
  STARTS_WITH_ONE_OF: 'NAMING_PREFIX_MISSING',
  STARTS_WITH_UNIT_PREFIX: 'NAMING_UNIT_PREFIX_MISSING',
  FORBIDDEN_WORDS: 'NAMING_FORBIDDEN_WORD',
  MAX_LENGTH: 'NAMING_TOO_LONG',
};
export const NAMING_RULE_INVALID = 'NAMING_RULE_INVALID';
export const HANDLE_LOOKALIKE = 'HANDLE_LOOKALIKE';

function platformKey(value: string): string {
  return findPlatform(value)?.key ?? value.trim().toLowerCase();
}

export function ruleInScope(scope: NamingRuleScope, platform: string, kind: AccountKind, orgUnit: NamingOrgUnit): boolean {
  if (scope.platforms?.length && !scope.platforms.some((p) => platformKey(p) === platformKey(platform))) return false;
  if (scope.kinds?.length && !scope.kinds.includes(kind)) return false;
  if (scope.orgUnitIds?.length) {
    const ids = new Set(scope.orgUnitIds);
    if (!ids.has(orgUnit.id) && !orgUnit.ancestorIds.some((id) => ids.has(id))) return false;
  }
  return true;
}

/**
 * The part of the handle naming rules speak about: the user name of a Mastodon address, the first label of
 * a Bluesky host name, the name after LinkedIn's `in/`. Null for phone numbers: a number has no name.
 */
export function namingSubject(platform: string, handle: string): string | null {
  const definition = findPlatform(platform);
  const value = parseHandleInput(definition?.key ?? platform, handle)?.handle ?? cleanHandleInput(handle);
  switch (definition?.handle.kind) {
    case 'PHONE':
      return null;
    case 'FEDIVERSE':
      return value.split('@')[0] ?? '';
    case 'HOSTNAME':
      return value.split('.')[0] ?? '';
    case 'USERNAME': {
      const slash = value.lastIndexOf('/');
      return slash >= 0 ? value.slice(slash + 1) : value;
    }
    default:
      return value;
  }
}

function fill(text: LocalizedText, vars: Record<string, string>): LocalizedText {
  const sub = (s: string) => s.replace(/\{(\w+)\}/g, (all, name: string) => vars[name] ?? all);
  return { nl: sub(text.nl), en: sub(text.en) };
}

function invalid(rule: NamingRule, why: string): NamingViolation {
  // A rule that cannot be evaluated fails closed: better a blocked approval than an unchecked name.
  return {
    ruleKey: rule.key,
    severity: NamingSeverity.ERROR,
    code: NAMING_RULE_INVALID,
    message: {
      nl: `Naamregel "${rule.key}" is ongeldig ingesteld (${why}); vraag Team #ggsm de regel te herstellen.`,
      en: `Naming rule "${rule.key}" is misconfigured (${why}); ask Team #ggsm to fix the rule.`,
    },
  };
}

function list(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

type RuleOutcome = { violation: NamingViolation } | { notApplied: LocalizedText } | null;

function evaluateRule(rule: NamingRule, subject: string, orgUnit: NamingOrgUnit): RuleOutcome {
  const hit = (vars: Record<string, string> = {}): RuleOutcome => ({
    violation: { ruleKey: rule.key, severity: rule.severity, code: NAMING_CODES[rule.type], message: fill(rule.message, vars) },
  });
  const params = (rule.params ?? {}) as Partial<NamingRuleParamsByType[NamingRuleType]> & Record<string, unknown>;
  switch (rule.type) {
    case 'MATCH_PATTERN': {
      const p = params as Partial<MatchPatternParams>;
      if (typeof p.pattern !== 'string' || p.pattern.length === 0) return { violation: invalid(rule, 'no pattern') };
      let re: RegExp;
      try {
        // `g` and `y` make test() stateful; they mean nothing for a yes/no match.
        re = new RegExp(p.pattern, (p.flags ?? '').replace(/[gy]/g, ''));
      } catch {
        return { violation: invalid(rule, 'bad pattern') };
      }
      return re.test(subject) ? null : hit({ pattern: p.pattern });
    }
    case 'ENDS_WITH_ONE_OF':
    case 'STARTS_WITH_ONE_OF': {
      const p = params as Partial<OneOfParams>;
      const values = (Array.isArray(p.values) ? p.values : []).filter((v): v is string => typeof v === 'string' && v.length > 0);
      if (values.length === 0) return { violation: invalid(rule, 'empty list') };
      const ci = p.caseInsensitive !== false;
      const s = ci ? subject.toLowerCase() : subject;
      const ok = values.some((v) => {
        const w = ci ? v.toLowerCase() : v;
        return rule.type === 'ENDS_WITH_ONE_OF' ? s.endsWith(w) : s.startsWith(w);
      });
      return ok ? null : hit({ values: list(values) });
    }
    case 'STARTS_WITH_UNIT_PREFIX': {
      const prefix = orgUnit.handlePrefix?.trim() ?? '';
      if (prefix.length === 0) {
        return {
          notApplied: {
            nl: 'De eenheid heeft geen handle-voorvoegsel; deze regel geldt daarom niet.',
            en: 'The unit has no handle prefix, so this rule does not apply.',
          },
        };
      }
      return subject.toLowerCase().startsWith(prefix.toLowerCase()) ? null : hit({ prefix });
    }
    case 'FORBIDDEN_WORDS': {
      const p = params as Partial<ForbiddenWordsParams>;
      const words = (Array.isArray(p.words) ? p.words : []).filter((w): w is string => typeof w === 'string' && foldHandle(w).length > 0);
      if (words.length === 0) return { violation: invalid(rule, 'empty list') };
      const folded = foldHandle(subject);
      const word = words.find((w) => folded.includes(foldHandle(w)));
      return word === undefined ? null : hit({ word });
    }
    case 'MAX_LENGTH': {
      const p = params as Partial<MaxLengthParams>;
      if (typeof p.max !== 'number' || !Number.isInteger(p.max) || p.max < 1) return { violation: invalid(rule, 'no maximum') };
      const length = Array.from(subject).length;
      return length <= p.max ? null : hit({ max: String(p.max), length: String(length) });
    }
    default:
      return { violation: invalid(rule, `unknown type ${String((rule as { type: unknown }).type)}`) };
  }
}

function sameNormalised(platform: string, a: string, b: string): boolean {
  try {
    return normalizeHandle(platform, a) === normalizeHandle(platform, b);
  } catch {
    return false;
  }
}

/**
 * Every naming problem of a handle, in this order: the platform's own syntax (always ERROR,
 * `platform_syntax`), the configured rules in their order, then look-alikes of our registered handles on
 * the same platform (WARNING, `lookalike`). The same code runs in the console while typing and in the API.
 */
export function checkNamingRules(input: NamingCheckInput): NamingCheck {
  const violations: NamingViolation[] = validateHandle(input.platform, input.handle, { legacy: input.legacy }).map((v) => ({
    ruleKey: PLATFORM_SYNTAX_RULE_KEY,
    severity: NamingSeverity.ERROR,
    message: v.message,
    code: v.code,
  }));
  const notApplied: NamingRuleNotApplied[] = [];
  const subject = namingSubject(input.platform, input.handle);
  if (subject !== null && subject.length === 0) return { violations, notApplied };
  for (const rule of input.rules) {
    if (!ruleInScope(rule.scope ?? {}, input.platform, input.kind, input.orgUnit)) continue;
    if (subject === null) {
      notApplied.push({ ruleKey: rule.key, reason: { nl: 'Naamregels gelden niet voor telefoonnummers.', en: 'Naming rules do not apply to phone numbers.' } });
      continue;
    }
    const outcome = evaluateRule(rule, subject, input.orgUnit);
    if (outcome && 'violation' in outcome) violations.push(outcome.violation);
    if (outcome && 'notApplied' in outcome) notApplied.push({ ruleKey: rule.key, reason: outcome.notApplied });
  }
  const key = platformKey(input.platform);
  const seen = new Set<string>();
  for (const other of input.registered ?? []) {
    if (platformKey(other.platform) !== key) continue;
    // The same account is HANDLE_TAKEN (or the account itself), not a look-alike.
    if (sameNormalised(key, input.handle, other.handle)) continue;
    const mine = namingSubject(key, input.handle) ?? cleanHandleInput(input.handle);
    const theirs = namingSubject(key, other.handle) ?? cleanHandleInput(other.handle);
    const result = handlesLookAlike(mine, theirs);
    const shown = cleanHandleInput(other.handle);
    if (!result.alike || seen.has(shown.toLowerCase())) continue;
    seen.add(shown.toLowerCase());
    violations.push({
      ruleKey: LOOKALIKE_RULE_KEY,
      severity: NamingSeverity.WARNING,
      code: HANDLE_LOOKALIKE,
      message: { nl: `Lijkt op @${shown}`, en: `Looks like @${shown}` },
    });
  }
  return { violations, notApplied };
}

/** `checkNamingRules(...).violations`. */
export function evaluateNamingRules(input: NamingCheckInput): NamingViolation[] {
  return checkNamingRules(input).violations;
}

export function hasNamingError(violations: readonly NamingViolation[]): boolean {
  return violations.some((v) => v.severity === NamingSeverity.ERROR);
}

// ---------------------------------------------------------------------------------------------
// Defaults, drawn from the policy note "#ggsm" (2011), section 4.2 (the inventory) and 6 (huisstijl).

/**
 * The note's own practice: @Milieudienst050, @Stadsbeheer050, @Muziekschool050, @HVDGroningen,
 * @GGDGroningen, @BRWGroningen, @sdcGroningen — the city's area code 050 or the city's name tells the
 * reader who sends (standpunt 2: "ondubbelzinnig duidelijk wie de afzender is"). Accounts that end in
 * neither (@stadsnieuws, @Stadsschouwburg, @Oosterpoort, @CityofTalent, @StadskuddeGrunn) are exactly
 * the inconsistency the note complains about.
 */
export const DEFAULT_NAMING_RULES: readonly NamingRule[] = [
  {
    key: 'org_ends_050_or_groningen',
    type: NamingRuleType.ENDS_WITH_ONE_OF,
    params: { values: ['050', 'Groningen'], caseInsensitive: true },
    // ERROR: a naming ERROR blocks approval unless Communications records a waiver, which is what the
    // issue intends for organisational accounts; the legacy inventory keeps its names (not blocked,
    // shown in the register), and a deliberate exception (a subsidiary's own brand) is a waiver.
    severity: NamingSeverity.ERROR,
    scope: { kinds: [AccountKind.ORGANISATIONAL] },
    message: {
      nl: 'Een organisatie-account eindigt op {values} (zoals @Stadsbeheer050, @HVDGroningen).',
      en: 'An organisational account ends in {values} (like @Stadsbeheer050, @HVDGroningen).',
    },
  },
  {
    key: 'campaign_ends_050_or_groningen',
    type: NamingRuleType.ENDS_WITH_ONE_OF,
    params: { values: ['050', 'Groningen'], caseInsensitive: true },
    // WARNING: campaigns and projects are named after the campaign (@LK050 and lentekriebels050 follow
    // the pattern, @Damsterdiep does not); recognisable, but the note sets no rule for them.
    severity: NamingSeverity.WARNING,
    scope: { kinds: [AccountKind.CAMPAIGN, AccountKind.PROJECT] },
    message: {
      nl: 'Een campagne- of projectaccount eindigt bij voorkeur op {values} (zoals @LK050).',
      en: 'A campaign or project account preferably ends in {values} (like @LK050).',
    },
  },
  {
    key: 'personal_starts_with_unit_prefix',
    type: NamingRuleType.STARTS_WITH_UNIT_PREFIX,
    params: {},
    // The SDC pilot (section 4.2): @sdcLiesbeth, @sdcAnneKrijn, @SDC050Ton — the unit first, so a
    // reader sees the function before the person ("in welke hoedanigheid of rol men opereert").
    // Units without a prefix: the rule does not apply (reported in `notApplied`).
    severity: NamingSeverity.ERROR,
    scope: { kinds: [AccountKind.PERSONAL_IN_FUNCTION] },
    message: {
      nl: 'Een persoonlijk account in functie begint met het voorvoegsel van de eenheid: "{prefix}" (zoals @sdcLiesbeth).',
      en: 'A personal account in function starts with the unit\'s prefix: "{prefix}" (like @sdcLiesbeth).',
    },
  },
  {
    key: 'no_other_authority',
    type: NamingRuleType.FORBIDDEN_WORDS,
    // Fakers pose as authorities (section 6, "fakers"); we must not look like one either. Kept to
    // national bodies: "brandweer" is ours (@BRWGroningen, HVD > Brandweer) and so is "GGD".
    // Other cities' names are left to the look-alike check and legal review; a list would never end.
    params: { words: ['politie', 'rijksoverheid', 'overheidnl', 'ministerie', 'belastingdienst', 'rechtspraak', 'defensie'] },
    severity: NamingSeverity.ERROR,
    scope: {},
    message: {
      nl: 'De naam bevat "{word}": zo lijkt het account van een andere overheid.',
      en: 'The name contains "{word}": the account would seem to belong to another authority.',
    },
  },
];
