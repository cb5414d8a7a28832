import { AccountKind } from './enums';
import { checkNamingRules, DEFAULT_NAMING_RULES, evaluateNamingRules, hasNamingError, namingSubject, NamingRule, ruleInScope } from './naming';
import type { NamingOrgUnit } from './naming';

const unit = (id = 'stadsbeheer', handlePrefix: string | null = null, ancestorIds: string[] = ['roez', 'gemeente']): NamingOrgUnit => ({ id, handlePrefix, ancestorIds });
const msg = { nl: 'fout {values}{prefix}{word}{max}{length}', en: 'wrong {values}{prefix}{word}{max}{length}' };
const rule = (r: Partial<NamingRule> & Pick<NamingRule, 'type' | 'params'>): NamingRule => ({ key: 'r', message: msg, severity: 'ERROR', scope: {}, ...r }) as NamingRule;
const codes = (handle: string, rules: NamingRule[], opts: { platform?: string; kind?: AccountKind; orgUnit?: NamingOrgUnit } = {}) =>
  evaluateNamingRules({ platform: opts.platform ?? 'x', handle, kind: opts.kind ?? 'ORGANISATIONAL', orgUnit: opts.orgUnit ?? unit(), rules }).map((v) => v.code);

describe('naming rule types', () => {
  it.each<[string, NamingRule, string, string[]]>([
    ['pattern matches', rule({ type: 'MATCH_PATTERN', params: { pattern: '^[A-Z]', flags: '' } }), 'Stadsbeheer050', []],
    ['pattern fails', rule({ type: 'MATCH_PATTERN', params: { pattern: '^[A-Z]' } }), 'stadsbeheer050', ['NAMING_PATTERN_MISMATCH']],
    ['pattern with i flag', rule({ type: 'MATCH_PATTERN', params: { pattern: '^[A-Z]', flags: 'i' } }), 'stadsbeheer050', []],
    ['pattern with g flag is not stateful', rule({ type: 'MATCH_PATTERN', params: { pattern: '050$', flags: 'g' } }), 'Stadsbeheer050', []],
    ['bad pattern fails closed', rule({ type: 'MATCH_PATTERN', params: { pattern: '(' } }), 'Stadsbeheer050', ['NAMING_RULE_INVALID']],
    ['empty pattern fails closed', rule({ type: 'MATCH_PATTERN', params: { pattern: '' } }), 'Stadsbeheer050', ['NAMING_RULE_INVALID']],
    ['ends with (ci default)', rule({ type: 'ENDS_WITH_ONE_OF', params: { values: ['050', 'Groningen'] } }), 'HVDGRONINGEN', []],
    ['ends with, case-sensitive', rule({ type: 'ENDS_WITH_ONE_OF', params: { values: ['Groningen'], caseInsensitive: false } }), 'HVDGRONINGEN', ['NAMING_SUFFIX_MISSING']],
    ['ends with fails', rule({ type: 'ENDS_WITH_ONE_OF', params: { values: ['050'] } }), 'Stadsschouwburg', ['NAMING_SUFFIX_MISSING']],
    ['ends with, empty list fails closed', rule({ type: 'ENDS_WITH_ONE_OF', params: { values: [] } }), 'x050', ['NAMING_RULE_INVALID']],
    ['starts with', rule({ type: 'STARTS_WITH_ONE_OF', params: { values: ['gem'] } }), 'GemGroningen', []],
    ['starts with fails', rule({ type: 'STARTS_WITH_ONE_OF', params: { values: ['gem'] } }), 'Groningen050', ['NAMING_PREFIX_MISSING']],
    ['starts with, case-sensitive', rule({ type: 'STARTS_WITH_ONE_OF', params: { values: ['gem'], caseInsensitive: false } }), 'GemGroningen', ['NAMING_PREFIX_MISSING']],
    ['forbidden word', rule({ type: 'FORBIDDEN_WORDS', params: { words: ['politie'] } }), 'PolitieStad', ['NAMING_FORBIDDEN_WORD']],
    ['forbidden word with 0 for o', rule({ type: 'FORBIDDEN_WORDS', params: { words: ['politie'] } }), 'p0litie050', ['NAMING_FORBIDDEN_WORD']],
    ['forbidden word with 1 for i', rule({ type: 'FORBIDDEN_WORDS', params: { words: ['politie'] } }), 'pol1tie050', ['NAMING_FORBIDDEN_WORD']],
    ['forbidden word split by _', rule({ type: 'FORBIDDEN_WORDS', params: { words: ['politie'] } }), 'po_litie050', ['NAMING_FORBIDDEN_WORD']],
    ['forbidden word split by . (Instagram)', rule({ type: 'FORBIDDEN_WORDS', params: { words: ['politie'] } }), 'po.litie', ['NAMING_FORBIDDEN_WORD']],
    ['no forbidden word', rule({ type: 'FORBIDDEN_WORDS', params: { words: ['politie'] } }), 'Stadsbeheer050', []],
    ['forbidden words, empty list fails closed', rule({ type: 'FORBIDDEN_WORDS', params: { words: [''] } }), 'x050x', ['NAMING_RULE_INVALID']],
    ['max length ok', rule({ type: 'MAX_LENGTH', params: { max: 14 } }), 'Stadsbeheer050', []],
    ['max length exceeded', rule({ type: 'MAX_LENGTH', params: { max: 10 } }), 'Stadsbeheer050', ['NAMING_TOO_LONG']],
    ['max length missing fails closed', rule({ type: 'MAX_LENGTH', params: {} as { max: number } }), 'Stadsbeheer050', ['NAMING_RULE_INVALID']],
    ['unit prefix present', rule({ type: 'STARTS_WITH_UNIT_PREFIX', params: {} }), 'SDC050Ton', []],
    ['unknown type fails closed', { ...rule({ type: 'MAX_LENGTH', params: { max: 1 } }), type: 'NOPE' } as unknown as NamingRule, 'Stadsbeheer050', ['NAMING_RULE_INVALID']],
  ])('%s', (_, r, handle, expected) => {
    const platform = handle.includes('.') ? 'instagram' : 'x';
    expect(codes(handle, [r], { platform, orgUnit: unit('sdc', 'sdc') })).toEqual(expected);
  });

  it('fills the message placeholders', () => {
    const [v] = evaluateNamingRules({
      platform: 'x',
      handle: 'p0litie050',
      kind: 'ORGANISATIONAL',
      orgUnit: unit(),
      rules: [rule({ key: 'auth', type: 'FORBIDDEN_WORDS', params: { words: ['politie'] }, message: { nl: 'bevat "{word}"', en: 'contains "{word}"' } })],
    });
    expect(v).toEqual({ ruleKey: 'auth', severity: 'ERROR', code: 'NAMING_FORBIDDEN_WORD', message: { nl: 'bevat "politie"', en: 'contains "politie"' } });
  });

  it('a unit without prefix: the prefix rule does not apply, and says so', () => {
    const result = checkNamingRules({ platform: 'x', handle: 'Liesbeth050', kind: 'PERSONAL_IN_FUNCTION', orgUnit: unit('x', null), rules: [rule({ key: 'p', type: 'STARTS_WITH_UNIT_PREFIX', params: {} })] });
    expect(result.violations).toEqual([]);
    expect(result.notApplied).toEqual([{ ruleKey: 'p', reason: expect.objectContaining({ nl: expect.stringContaining('geen handle-voorvoegsel') }) }]);
  });

  it('the unit prefix is case-insensitive and fills {prefix}', () => {
    const r = rule({ type: 'STARTS_WITH_UNIT_PREFIX', params: {}, message: { nl: 'begin met {prefix}', en: 'start with {prefix}' } });
    expect(codes('SDCton', [r], { orgUnit: unit('sdc', 'sdc') })).toEqual([]);
    expect(evaluateNamingRules({ platform: 'x', handle: 'Liesbeth050', kind: 'PERSONAL_IN_FUNCTION', orgUnit: unit('sdc', 'sdc'), rules: [r] })[0]?.message.nl).toBe('begin met sdc');
  });
});

describe('rule scope', () => {
  const u = unit('sdc', null, ['roez', 'gemeente']);
  it.each<[string, Parameters<typeof ruleInScope>[0], string, AccountKind, boolean]>([
    ['empty scope', {}, 'x', 'ORGANISATIONAL', true],
    ['empty lists mean all', { platforms: [], kinds: [], orgUnitIds: [] }, 'x', 'ORGANISATIONAL', true],
    ['platform listed', { platforms: ['x'] }, 'x', 'ORGANISATIONAL', true],
    ['platform by alias', { platforms: ['twitter'] }, 'X', 'ORGANISATIONAL', true],
    ['other platform', { platforms: ['facebook'] }, 'x', 'ORGANISATIONAL', false],
    ['kind listed', { kinds: ['ORGANISATIONAL', 'CAMPAIGN'] }, 'x', 'CAMPAIGN', true],
    ['other kind', { kinds: ['ORGANISATIONAL'] }, 'x', 'PERSONAL_IN_FUNCTION', false],
    ['the unit itself', { orgUnitIds: ['sdc'] }, 'x', 'ORGANISATIONAL', true],
    ['a unit above', { orgUnitIds: ['roez'] }, 'x', 'ORGANISATIONAL', true],
    ['the root', { orgUnitIds: ['gemeente'] }, 'x', 'ORGANISATIONAL', true],
    ['a sibling unit', { orgUnitIds: ['ocsw'] }, 'x', 'ORGANISATIONAL', false],
    ['all three must hold', { platforms: ['x'], kinds: ['ORGANISATIONAL'], orgUnitIds: ['ocsw'] }, 'x', 'ORGANISATIONAL', false],
  ])('%s', (_, scope, platform, kind, expected) => {
    expect(ruleInScope(scope, platform, kind, u)).toBe(expected);
  });

  it('out-of-scope rules are skipped', () => {
    const r = rule({ type: 'ENDS_WITH_ONE_OF', params: { values: ['050'] }, scope: { orgUnitIds: ['ocsw'] } });
    expect(codes('Stadsschouwburg', [r])).toEqual([]);
    expect(codes('Stadsschouwburg', [r], { orgUnit: unit('schouwburg', null, ['ocsw']) })).toEqual(['NAMING_SUFFIX_MISSING']);
  });
});

describe('naming subject', () => {
  it.each<[string, string, string | null]>([
    ['x', '@Stadsbeheer050', 'Stadsbeheer050'],
    ['x', 'https://twitter.com/Stadsbeheer050', 'Stadsbeheer050'],
    ['mastodon', 'gemeente050@social.example', 'gemeente050'],
    ['bluesky', 'groningen.nl', 'groningen'],
    ['bluesky', 'stadsbeheer050', 'stadsbeheer050'],
    ['linkedin', 'in/sdc-liesbeth', 'sdc-liesbeth'],
    ['whatsapp', '+31 6 12345678', null],
  ])('%s %s → %s', (platform, handle, subject) => {
    expect(namingSubject(platform, handle)).toBe(subject);
  });

  it('rules are not applied to phone numbers, and say so', () => {
    const result = checkNamingRules({ platform: 'whatsapp', handle: '+31612345678', kind: 'ORGANISATIONAL', orgUnit: unit(), rules: DEFAULT_NAMING_RULES });
    expect(result.violations).toEqual([]);
    expect(result.notApplied.map((n) => n.ruleKey)).toEqual(['org_ends_050_or_groningen', 'no_other_authority']);
  });
});

describe('platform syntax and look-alikes', () => {
  const registered = [
    { platform: 'x', handle: 'Stadsbeheer050' },
    { platform: 'x', handle: '@Milieudienst050' },
    { platform: 'facebook', handle: 'Stadsbeheer.050' },
  ];
  const check = (platform: string, handle: string, rules: readonly NamingRule[] = DEFAULT_NAMING_RULES) =>
    evaluateNamingRules({ platform, handle, kind: 'ORGANISATIONAL', orgUnit: unit(), rules, registered });

  it('puts platform syntax errors first, as ERRORs', () => {
    const v = check('x', 'stads-beheer-gemeente');
    expect(v.map((x) => [x.ruleKey, x.severity, x.code])).toEqual([
      ['platform_syntax', 'ERROR', 'HANDLE_INVALID_CHARACTERS'],
      ['platform_syntax', 'ERROR', 'HANDLE_TOO_LONG'],
      ['org_ends_050_or_groningen', 'ERROR', 'NAMING_SUFFIX_MISSING'],
    ]);
  });

  it('an empty handle reports only the syntax error', () => {
    expect(check('x', '  ').map((v) => v.code)).toEqual(['HANDLE_EMPTY']);
  });

  it.each<[string, string, string[]]>([
    ['x', 'Stadsbeheer05O', ['Lijkt op @Stadsbeheer050']],
    ['x', 'Stads_beheer050', ['Lijkt op @Stadsbeheer050']],
    ['x', 'Stadbeheer050', ['Lijkt op @Stadsbeheer050']],
    ['x', 'MiIieudienst050', ['Lijkt op @Milieudienst050']],
    ['x', 'stadsbeheer050', []], // same normalised handle: HANDLE_TAKEN, not a look-alike
    ['x', 'Groenbeheer050', []],
    ['facebook', 'Stadsbeheer.O50', ['Lijkt op @Stadsbeheer.050']],
    ['facebook', 'stadsbeheer050', []], // Facebook ignores dots: the same page
    ['instagram', 'Stadsbeheer05O', []], // other platform
  ])('%s %s', (platform, handle, messages) => {
    const v = check(platform, handle, []).filter((x) => x.ruleKey === 'lookalike');
    expect(v.map((x) => x.message.nl)).toEqual(messages);
    expect(v.every((x) => x.severity === 'WARNING' && x.code === 'HANDLE_LOOKALIKE')).toBe(true);
    expect(v.map((x) => x.message.en)).toEqual(messages.map((m) => m.replace('Lijkt op', 'Looks like')));
  });

  it('hasNamingError only counts ERRORs', () => {
    expect(hasNamingError(check('x', 'Stadbeheer050'))).toBe(false);
    expect(check('x', 'Stadbeheer050').map((v) => v.severity)).toEqual(['WARNING']);
    expect(hasNamingError(check('x', 'Stadsnieuws'))).toBe(true);
  });
});

// The 2011 inventory (section 4.2 of the note; /shared/data/nota-2011-inventory.csv), with SDC's prefix "sdc".
const INVENTORY: Array<[string, string, AccountKind, string]> = [
  ['x', 'stadsnieuws', 'ORGANISATIONAL', 'Bestuursdienst > Centrale nieuwsredactie'],
  ['x', 'Stadjerspas', 'ORGANISATIONAL', 'DIA'],
  ['x', 'HVDGroningen', 'ORGANISATIONAL', 'HVD > Voorlichting & Communicatie'],
  ['x', 'GGDGroningen', 'ORGANISATIONAL', 'HVD > GGD'],
  ['x', 'BRWGroningen', 'ORGANISATIONAL', 'HVD > Brandweer'],
  ['x', 'Milieudienst050', 'ORGANISATIONAL', 'Milieudienst'],
  ['facebook', 'Milieudienst050', 'ORGANISATIONAL', 'Milieudienst'],
  ['x', 'LK050', 'CAMPAIGN', 'Milieudienst > Lentekriebels'],
  ['facebook', 'lentekriebels050', 'CAMPAIGN', 'Milieudienst > Lentekriebels'],
  ['x', 'Muziekschool050', 'ORGANISATIONAL', 'OCSW > Muziekschool'],
  ['x', 'Stadsschouwburg', 'ORGANISATIONAL', 'OCSW > Stadsschouwburg'],
  ['x', 'Oosterpoort', 'ORGANISATIONAL', 'OCSW > De Oosterpoort'],
  ['x', 'Papiermolen', 'ORGANISATIONAL', 'OCSW > Papiermolen'],
  ['x', 'Kardinge', 'ORGANISATIONAL', 'OCSW > Kardinge'],
  ['x', 'sdcGroningen', 'ORGANISATIONAL', 'RO/EZ > Stadsdeelcoördinatie'],
  ['x', 'sdcLiesbeth', 'PERSONAL_IN_FUNCTION', 'RO/EZ > Stadsdeelcoördinatie'],
  ['x', 'sdcAnneKrijn', 'PERSONAL_IN_FUNCTION', 'RO/EZ > Stadsdeelcoördinatie'],
  ['x', 'SDC050Ton', 'PERSONAL_IN_FUNCTION', 'RO/EZ > Stadsdeelcoördinatie'],
  ['x', 'Stadsbeheer050', 'ORGANISATIONAL', 'RO/EZ'],
  ['x', 'Damsterdiep', 'PROJECT', 'RO/EZ'],
  ['x', 'CityofTalent', 'ORGANISATIONAL', 'Gemeente Groningen'],
  ['x', 'StadskuddeGrunn', 'ORGANISATIONAL', 'Gemeente Groningen'],
];

function inventoryUnit(path: string): NamingOrgUnit {
  const parts = path.split(' > ');
  const ids = parts.map((_, i) => parts.slice(0, i + 1).join(' > '));
  return { id: path, handlePrefix: path.endsWith('Stadsdeelcoördinatie') ? 'sdc' : null, ancestorIds: ['Gemeente Groningen', ...ids.slice(0, -1)] };
}

describe('default rules against the 2011 inventory', () => {
  const registered = INVENTORY.map(([platform, handle]) => ({ platform, handle }));
  const results = INVENTORY.map(([platform, handle, kind, path]) => ({
    handle: `${platform}:${handle}`,
    ...checkNamingRules({ platform, handle, kind, orgUnit: inventoryUnit(path), rules: DEFAULT_NAMING_RULES, registered, legacy: true }),
  }));

  it('evaluates every inventory handle without crashing', () => {
    expect(results).toHaveLength(INVENTORY.length);
  });

  it('lists the legacy handles that break today\'s rules (not blocked, shown in the register)', () => {
    const breaking = results.filter((r) => r.violations.length > 0).map((r) => [r.handle, r.violations.map((v) => `${v.severity}:${v.ruleKey}`)]);
    expect(breaking).toEqual([
      ['x:stadsnieuws', ['ERROR:org_ends_050_or_groningen']],
      ['x:Stadjerspas', ['ERROR:org_ends_050_or_groningen']],
      ['x:Stadsschouwburg', ['ERROR:org_ends_050_or_groningen']],
      ['x:Oosterpoort', ['ERROR:org_ends_050_or_groningen']],
      ['x:Papiermolen', ['ERROR:org_ends_050_or_groningen']],
      ['x:Kardinge', ['ERROR:org_ends_050_or_groningen']],
      ['x:Damsterdiep', ['WARNING:campaign_ends_050_or_groningen']],
      ['x:CityofTalent', ['ERROR:org_ends_050_or_groningen']],
      ['x:StadskuddeGrunn', ['ERROR:org_ends_050_or_groningen']],
    ]);
  });

  it('the SDC pilot names pass the unit-prefix rule', () => {
    expect(results.filter((r) => /sdc/i.test(r.handle)).every((r) => r.violations.length === 0)).toBe(true);
  });

  it('a new account posing as the police is an ERROR', () => {
    const v = evaluateNamingRules({ platform: 'x', handle: 'P0litie050', kind: 'ORGANISATIONAL', orgUnit: unit(), rules: DEFAULT_NAMING_RULES });
    expect(v.map((x) => x.ruleKey)).toEqual(['no_other_authority']);
  });

  it('Brandweer is ours and not forbidden', () => {
    expect(evaluateNamingRules({ platform: 'x', handle: 'Brandweer050', kind: 'ORGANISATIONAL', orgUnit: unit(), rules: DEFAULT_NAMING_RULES })).toEqual([]);
  });

  it('a personal account outside its unit prefix is an ERROR', () => {
    const v = evaluateNamingRules({ platform: 'x', handle: 'Liesbeth050', kind: 'PERSONAL_IN_FUNCTION', orgUnit: inventoryUnit('RO/EZ > Stadsdeelcoördinatie'), rules: DEFAULT_NAMING_RULES });
    expect(v.map((x) => [x.ruleKey, x.message.nl])).toEqual([
      ['personal_starts_with_unit_prefix', 'Een persoonlijk account in functie begint met het voorvoegsel van de eenheid: "sdc" (zoals @sdcLiesbeth).'],
    ]);
  });
});
