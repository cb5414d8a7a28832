import { DomainError } from './errors';
import { formatOrgUnitPath, parseOrgUnitPath } from './org-units';

describe('parseOrgUnitPath', () => {
  it.each<[string, string[]]>([
    ['RO/EZ > Stadsdeelcoördinatie', ['RO/EZ', 'Stadsdeelcoördinatie']],
    ['Gemeente Groningen > OCSW > Muziekschool', ['Gemeente Groningen', 'OCSW', 'Muziekschool']],
    ['  Milieudienst  ', ['Milieudienst']],
    ['RO/EZ>SDC', ['RO/EZ', 'SDC']],
    ['RO/EZ  >   SDC ', ['RO/EZ', 'SDC']],
  ])('%j → %j', (path, expected) => {
    expect(parseOrgUnitPath(path)).toEqual(expected);
  });

  it.each(['', '   ', 'RO/EZ > ', ' > SDC', 'RO/EZ >  > SDC'])('%j is rejected', (path) => {
    expect(() => parseOrgUnitPath(path)).toThrow(DomainError);
  });
});

describe('formatOrgUnitPath', () => {
  it.each<[string[], string]>([
    [['RO/EZ', 'Stadsdeelcoördinatie'], 'RO/EZ > Stadsdeelcoördinatie'],
    [['Milieudienst'], 'Milieudienst'],
    [[' OCSW ', 'Oosterpoort'], 'OCSW > Oosterpoort'],
  ])('%j → %j', (segments, expected) => {
    expect(formatOrgUnitPath(segments)).toBe(expected);
    expect(parseOrgUnitPath(formatOrgUnitPath(segments))).toEqual(segments.map((s) => s.trim()));
  });

  it.each([[[]], [['RO/EZ', '']], [['A > B']]])('%j is rejected', (segments) => {
    expect(() => formatOrgUnitPath(segments)).toThrow(DomainError);
  });
});
