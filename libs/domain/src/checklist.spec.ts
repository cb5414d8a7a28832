import { approvalErrorCode, approvalProblems, assertApprovable } from './approval';
import { DEFAULT_CHECKLIST, evaluateChecklist, hostsInText } from './checklist';
import type { ChecklistInput, ChecklistResult, ChecklistState } from './checklist';
import { DomainError } from './errors';
import type { NamingViolation } from './naming';

const namingError: NamingViolation = { ruleKey: 'org_ends_050_or_groningen', severity: 'ERROR', code: 'NAMING_SUFFIX_MISSING', message: { nl: 'Eindigt niet op 050.', en: 'Does not end in 050.' } };
const namingWarning: NamingViolation = { ruleKey: 'lookalike', severity: 'WARNING', code: 'HANDLE_LOOKALIKE', message: { nl: 'Lijkt op @X', en: 'Looks like @X' } };

const ok = (): ChecklistInput => ({
  account: {
    platform: 'x',
    kind: 'ORGANISATIONAL',
    purposes: ['SEND'],
    bio: 'Officieel account van Stadsbeheer, Gemeente Groningen. https://gemeente.groningen.nl/stadsbeheer',
    openingHours: 'ma–vr 9–17',
    responseTime: 'binnen 1 werkdag',
    archivingArrangement: 'Archiefbox, dagelijks',
  },
  owners: [
    { active: true, guidelinesAcknowledgedAt: '2026-01-05' },
    { active: true, guidelinesAcknowledgedAt: new Date('2026-01-06') },
    { active: false, guidelinesAcknowledgedAt: null },
  ],
  unit: { name: 'Stadsbeheer' },
  municipalityName: 'Gemeente Groningen',
  namingViolations: [namingWarning],
  claimedDomains: ['groningen.nl'],
  attestations: ['display_name_identifies', 'bio_reviewed', 'logo_approved', 'tone_of_voice', 'webcare_escalation', 'credentials_vault'].map((itemKey) => ({ itemKey, passed: true, at: '2026-02-01T10:00:00Z' })),
  items: DEFAULT_CHECKLIST,
});

const stateOf = (key: string, input: ChecklistInput) => {
  const r = evaluateChecklist(input).find((x) => x.key === key) as ChecklistResult;
  return [r.state, r.reason.nl] as [ChecklistState, string];
};
type Change = (i: ChecklistInput) => void;

describe('checklist items', () => {
  it.each<[string, ChecklistState, string, Change]>([
    ['naming_rules_pass', 'PASS', 'voldoet', () => {}],
    ['naming_rules_pass', 'FAIL', 'Eindigt niet op 050.', (i) => void (i.namingViolations = [namingError, namingWarning])],
    ['display_name_identifies', 'PASS', 'Goedgekeurd.', () => {}],
    ['display_name_identifies', 'PENDING', 'Nog niet beoordeeld.', (i) => void (i.attestations = [])],
    ['display_name_identifies', 'FAIL', 'Afgekeurd: rol ontbreekt', (i) => void (i.attestations = [{ itemKey: 'display_name_identifies', passed: false, note: 'rol ontbreekt', at: '2026-02-02' }])],
    ['bio_states_official', 'PASS', 'noemt de gemeente', () => {}],
    ['bio_states_official', 'PASS', 'noemt de gemeente', (i) => void ((i.unit = { name: 'Stadsdeelcoördinatie' }), (i.account.bio = 'STADSDEELCOORDINATIE  Oosterpark'))],
    ['bio_states_official', 'FAIL', 'noemt "Gemeente Groningen" noch "Stadsbeheer"', (i) => void (i.account.bio = 'Nieuws uit de wijk')],
    ['bio_states_official', 'FAIL', 'Er is geen bio.', (i) => void (i.account.bio = '  ')],
    ['bio_reviewed', 'PENDING', 'Nog niet beoordeeld.', (i) => void (i.attestations = [])],
    ['bio_links_claimed_domain', 'PASS', 'linkt naar een domein', () => {}],
    ['bio_links_claimed_domain', 'PASS', 'linkt naar een domein', (i) => void (i.account.bio = 'Zie www.groningen.nl.')],
    ['bio_links_claimed_domain', 'NOT_APPLICABLE', 'nog geen geclaimde domeinen', (i) => void (i.claimedDomains = null)],
    ['bio_links_claimed_domain', 'NOT_APPLICABLE', 'nog geen geclaimde domeinen', (i) => void (i.claimedDomains = [])],
    ['bio_links_claimed_domain', 'FAIL', 'geen link', (i) => void (i.account.bio = 'Gemeente Groningen')],
    ['bio_links_claimed_domain', 'FAIL', 'niet naar een geclaimd domein (groningen.nl.evil.example)', (i) => void (i.account.bio = 'https://groningen.nl.evil.example/x')],
    ['bio_links_claimed_domain', 'NOT_APPLICABLE', 'Geldt niet', (i) => void (i.account.kind = 'DEFENSIVE')],
    ['logo_approved', 'FAIL', 'Afgekeurd.', (i) => void (i.attestations = [...i.attestations, { itemKey: 'logo_approved', passed: false, at: '2026-03-01' }])],
    ['logo_approved', 'PASS', 'Goedgekeurd: nieuw logo', (i) => void (i.attestations = [...i.attestations, { itemKey: 'logo_approved', passed: true, note: 'nieuw logo', at: '2026-03-01' }, { itemKey: 'logo_approved', passed: false, at: '2026-01-01' }])],
    ['tone_of_voice', 'PENDING', 'Nog niet beoordeeld.', (i) => void (i.attestations = i.attestations.filter((a) => a.itemKey !== 'tone_of_voice'))],
    ['hours_published', 'PASS', 'ingevuld', () => {}],
    ['hours_published', 'FAIL', 'Niet ingevuld: openingstijden.', (i) => void (i.account.openingHours = null)],
    ['hours_published', 'FAIL', 'Niet ingevuld: openingstijden, reactietijd.', (i) => void ((i.account.openingHours = ''), (i.account.responseTime = undefined))],
    ['two_owners', 'PASS', '2 actieve beheerders.', () => {}],
    ['two_owners', 'FAIL', '1 actieve beheerder(s); minstens twee nodig.', (i) => void (i.owners = i.owners.slice(1))],
    ['owners_acknowledged', 'PASS', 'onderschreven', () => {}],
    ['owners_acknowledged', 'FAIL', '1 beheerder(s)', (i) => void (i.owners = [...i.owners, { active: true }])],
    ['owners_acknowledged', 'FAIL', 'geen actieve beheerders', (i) => void (i.owners = [])],
    ['archiving_arranged', 'PASS', 'geregeld', () => {}],
    ['archiving_arranged', 'FAIL', 'niet geregeld', (i) => void (i.account.archivingArrangement = null)],
    ['webcare_escalation', 'NOT_APPLICABLE', 'Geldt niet', () => {}],
    ['webcare_escalation', 'PASS', 'Goedgekeurd.', (i) => void (i.account.purposes = ['SEND', 'WEBCARE'])],
    ['webcare_escalation', 'PENDING', 'Nog niet beoordeeld.', (i) => void ((i.account.purposes = ['INTERACT']), (i.attestations = []))],
    ['credentials_vault', 'PASS', 'Goedgekeurd.', () => {}],
    ['credentials_vault', 'FAIL', 'Afgekeurd: geen 2FA', (i) => void (i.attestations = [...i.attestations, { itemKey: 'credentials_vault', passed: false, note: ' geen 2FA ', at: new Date('2026-05-01') }])],
  ])('%s → %s (%s)', (key, state, reason, change) => {
    const input = ok();
    change(input);
    const [actual, text] = stateOf(key, input);
    expect(actual).toBe(state);
    expect(text).toContain(reason);
  });

  it('every default item passes or does not apply for a complete account', () => {
    expect(evaluateChecklist(ok()).map((r) => [r.key, r.state])).toEqual(
      DEFAULT_CHECKLIST.map((item) => [item.key, item.key === 'webcare_escalation' ? 'NOT_APPLICABLE' : 'PASS']),
    );
  });

  it('platform-scoped items', () => {
    const input = { ...ok(), items: [{ key: 'p', title: { nl: 'p', en: 'p' }, guidance: { nl: '', en: '' }, required: true, platforms: ['twitter'], mode: 'ATTESTATION' as const }] };
    expect(evaluateChecklist(input)[0]?.state).toBe('PENDING');
    input.account.platform = 'facebook';
    expect(evaluateChecklist(input)[0]?.state).toBe('NOT_APPLICABLE');
  });

  it('an automatic item without a known check fails closed', () => {
    const input = { ...ok(), items: [{ key: 'q', title: { nl: 'q', en: 'q' }, guidance: { nl: '', en: '' }, required: true, mode: 'AUTOMATIC' as const }] };
    expect(evaluateChecklist(input)[0]?.state).toBe('FAIL');
  });

  it.each<[string, string[]]>([
    ['https://www.groningen.nl/afval en gemeente.groningen.nl.', ['groningen.nl', 'gemeente.groningen.nl']],
    ['Mail ons: info@groningen.nl', ['groningen.nl']],
    ['geen link hier. Echt niet', []],
  ])('hosts in %s', (text, hosts) => {
    expect(hostsInText(text)).toEqual(hosts);
  });
});

describe('approval gate', () => {
  const base = () => ({ checklist: evaluateChecklist(ok()), namingViolations: [namingWarning], ownersActive: 2, requestedById: 'u1', approverId: 'u2' });
  const codes = (input: Parameters<typeof approvalProblems>[0]) => approvalProblems(input).map((p) => p.code);

  it.each<[string, (i: ReturnType<typeof base>) => Parameters<typeof approvalProblems>[0], string[], string | null]>([
    ['complete', (i) => i, [], null],
    ['self-approval', (i) => ({ ...i, approverId: 'u1' }), ['SELF_APPROVAL'], 'SELF_APPROVAL'],
    ['no requester (legacy import) is no self-approval', (i) => ({ ...i, requestedById: null }), [], null],
    ['naming error', (i) => ({ ...i, namingViolations: [namingError] }), ['NAMING_ERROR'], 'CHECKLIST_INCOMPLETE'],
    ['naming error with waiver', (i) => ({ ...i, namingViolations: [namingError], waiverReason: 'eigen merk van de werkmaatschappij' }), [], null],
    ['naming error with blank waiver', (i) => ({ ...i, namingViolations: [namingError], waiverReason: '  ' }), ['NAMING_ERROR'], 'CHECKLIST_INCOMPLETE'],
    ['one owner', (i) => ({ ...i, ownersActive: 1 }), ['TOO_FEW_OWNERS'], 'CHECKLIST_INCOMPLETE'],
    [
      'failing and pending items, self-approval wins',
      (i) => {
        const input = ok();
        input.attestations = [];
        input.account.archivingArrangement = null;
        return { ...i, approverId: 'u1', checklist: evaluateChecklist(input) };
      },
      ['SELF_APPROVAL', 'display_name_identifies', 'bio_reviewed', 'logo_approved', 'tone_of_voice', 'archiving_arranged', 'credentials_vault'],
      'SELF_APPROVAL',
    ],
    [
      'checklist naming and owner items are not listed twice',
      (i) => {
        const input = ok();
        input.namingViolations = [namingError];
        input.owners = [];
        return { ...i, namingViolations: [namingError], ownersActive: 0, checklist: evaluateChecklist(input) };
      },
      ['NAMING_ERROR', 'TOO_FEW_OWNERS', 'owners_acknowledged'],
      'CHECKLIST_INCOMPLETE',
    ],
    [
      'optional items never block',
      (i) => ({ ...i, checklist: [{ key: 'nice', title: { nl: 'n', en: 'n' }, mode: 'ATTESTATION', required: false, state: 'PENDING', reason: { nl: '', en: '' } }] }),
      [],
      null,
    ],
  ])('%s', (_, change, expected, errorCode) => {
    const input = change(base());
    expect(codes(input)).toEqual(expected);
    if (errorCode === null) {
      expect(() => assertApprovable(input)).not.toThrow();
    } else {
      expect(approvalErrorCode(approvalProblems(input))).toBe(errorCode);
      expect(() => assertApprovable(input)).toThrow(DomainError);
    }
  });

  it('explains each problem in Dutch and English', () => {
    const [p] = approvalProblems({ ...base(), ownersActive: 1 });
    expect(p?.message).toEqual({ nl: 'Het account heeft 1 actieve beheerder(s); minstens 2 nodig.', en: 'The account has 1 active owner(s); at least 2 needed.' });
  });
});
