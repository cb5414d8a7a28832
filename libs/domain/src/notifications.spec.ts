import {
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  type NotificationKind,
  notificationAudience,
  notificationBody,
  notificationLink,
  notificationTitle,
  reviewReminderDue,
  rolesActingOn,
} from './notifications';

describe('notificationAudience', () => {
  const cases: Array<[NotificationKind, string | null, { roles: string[]; unitEditors: boolean; requester: boolean }]> = [
    ['ACCOUNT_SUBMITTED', null, { roles: ['COMMUNICATIONS'], unitEditors: false, requester: false }],
    ['ACCOUNT_APPROVED', null, { roles: [], unitEditors: true, requester: true }],
    ['ACCOUNT_CHANGES_REQUESTED', null, { roles: [], unitEditors: true, requester: true }],
    ['REVIEW_DUE', null, { roles: ['COMMUNICATIONS'], unitEditors: true, requester: false }],
    ['DOMAIN_EXPIRING', null, { roles: ['COMMUNICATIONS'], unitEditors: true, requester: false }],
    ['CASE_ASSIGNED', 'TRIAGED', { roles: [], unitEditors: true, requester: false }],
    ['CASE_ASSIGNED', 'LEGAL_REVIEW', { roles: ['LEGAL'], unitEditors: false, requester: false }],
    ['CASE_OVERDUE', 'RECEIVED', { roles: ['COMMUNICATIONS'], unitEditors: false, requester: false }],
    ['CASE_OVERDUE', 'LEGAL_REVIEW', { roles: ['LEGAL'], unitEditors: false, requester: false }],
    ['CASE_OVERDUE', 'TAKEDOWN_REQUESTED', { roles: ['LEGAL'], unitEditors: false, requester: false }],
    ['CASE_DECIDED', 'DISMISSED', { roles: ['COMMUNICATIONS'], unitEditors: false, requester: false }],
  ];
  it.each(cases)('%s (%s)', (kind, state, expected) => {
    expect(notificationAudience(kind, { state: state as never })).toEqual(expected);
  });

  it('a final state has nobody to act on it', () => {
    expect(rolesActingOn('CLOSED')).toEqual([]);
    expect(rolesActingOn('MONITORING').sort()).toEqual(['COMMUNICATIONS', 'LEGAL']);
  });
});

describe('reviewReminderDue', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  it.each([
    [null, true],
    ['2026-04-01T00:00:00Z', true],
    ['2026-05-15T12:00:00Z', true],
    ['2026-05-15T12:00:01Z', false],
    ['2026-09-01T00:00:00Z', false],
  ])('next review %s -> %s', (next, due) => {
    expect(reviewReminderDue(next, now)).toBe(due);
  });
});

describe('texts', () => {
  it('every kind has a title and a body in Dutch and English', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const facts = { platform: 'x', handle: 'Stadsbeheer050', unit: 'RO/EZ', reference: 'IMP-2026-0001', suspectHandle: 'stadsbeheer05O', state: 'LEGAL_REVIEW' as const, value: 'groningen.nl', days: 30, expiresAt: '2026-06-01', decision: 'IMPERSONATION', dueAt: '2026-06-01T00:00:00Z', reason: 'Bio aanvullen' };
      const title = notificationTitle(kind, facts);
      const body = notificationBody(kind, facts);
      expect(title.nl.length).toBeGreaterThan(5);
      expect(title.en.length).toBeGreaterThan(5);
      expect(body.nl.length).toBeGreaterThan(5);
      expect(title.nl).not.toEqual(title.en);
      expect(NOTIFICATION_KIND_LABELS[kind].nl).toBeTruthy();
    }
  });

  it('names the record', () => {
    expect(notificationTitle('ACCOUNT_SUBMITTED', { platform: 'x', handle: 'Stadsbeheer050' }).nl).toBe('Ter goedkeuring: x @Stadsbeheer050');
    expect(notificationTitle('DOMAIN_EXPIRING', { value: 'groningen.nl', days: 30, expiresAt: '2026-06-01' }).nl).toBe('groningen.nl verloopt binnen 30 dagen (2026-06-01)');
    expect(notificationTitle('CASE_DECIDED', { reference: 'IMP-2026-0001', platform: 'x', suspectHandle: 'nep', decision: 'PARODY_ALLOWED' }).nl).toBe('Besluit toegestane parodie: IMP-2026-0001 (x @nep)');
    expect(notificationLink('ClaimedUrl', 'abc')).toBe('#/ClaimedUrl/abc/show');
  });
});
