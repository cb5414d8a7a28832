import * as fc from 'fast-check';
import {
  createOrgUnitIndex,
  detectDelimiter,
  type ImportPlatform,
  type ImportRecord,
  mapImportHeader,
  normalizeHeader,
  validateAccountImport,
} from './account-import';
import { PlatformStatus } from './enums';
import { PLATFORMS } from './platforms';

const UNITS = [
  { id: 'gem', path: 'Gemeente Groningen', shortCode: 'GEM' },
  { id: 'roez', path: 'Gemeente Groningen > RO/EZ', shortCode: 'ROEZ' },
  { id: 'sdc', path: 'Gemeente Groningen > RO/EZ > Stadsdeelcoördinatie', shortCode: 'SDC' },
  { id: 'ocsw', path: 'Gemeente Groningen > OCSW', shortCode: 'OCSW' },
  { id: 'ocsw-comm', path: 'Gemeente Groningen > OCSW > Communicatie', shortCode: 'OCSW-C' },
  { id: 'hvd-comm', path: 'Gemeente Groningen > HVD > Communicatie', shortCode: 'HVD-C' },
];
const platforms = new Map<string, ImportPlatform>(PLATFORMS.map((p) => [p.key, { name: p.name, status: p.status }]));
const ctx = (legacy = false, units = UNITS) => ({ platforms, orgUnits: createOrgUnitIndex(units), legacy });

/** A plain split, enough for these tables (the API parses real CSV with csv-parse). */
const records = (lines: string[], delimiter = ','): ImportRecord[] => lines.map((l, i) => ({ line: i + 1, cells: l.split(delimiter) }));
const HEADER = 'platform,handle,display_name,org_unit_path,kind,purposes';

describe('detectDelimiter', () => {
  it.each([
    ['platform,handle,kind\nx,a;b,c', ','],
    ['platform;account;soort\nx;a,b;c', ';'],
    ['platform\thandle\tkind\nx\ta\tb', '\t'],
    ['\uFEFFplatform;handle', ';'],
    ['"a,b";c;d\n', ';'],
    ['\n\nplatform;handle', ';'],
    ['handle', ','],
    ['', ','],
  ])('%j → %j', (content, expected) => expect(detectDelimiter(content)).toBe(expected));
});

describe('headers', () => {
  it.each([
    ['Display name', 'display_name'],
    ['DISPLAY-NAME', 'display_name'],
    ['\uFEFForg_unit_path', 'org_unit_path'],
    [' Openingstijden ', 'openingstijden'],
    ['Organisatie­onderdeel'.replace('\u00AD', ''), 'organisatieonderdeel'],
  ])('normalizeHeader(%j) = %j', (raw, expected) => expect(normalizeHeader(raw)).toBe(expected));

  it('maps English and Dutch headers to the same fields', () => {
    const en = mapImportHeader(['platform', 'handle', 'display_name', 'org_unit_path', 'kind', 'purposes', 'notes']);
    const nl = mapImportHeader(['Platform', 'Account', 'Naam', 'Dienst', 'Soort', 'Doelen', 'Opmerkingen']);
    expect(nl.columns).toEqual(en.columns);
    expect(en.problems).toEqual([]);
    expect(nl.problems).toEqual([]);
  });

  it('names missing and doubled columns, and lists unknown ones', () => {
    const m = mapImportHeader(['platform', 'account', 'handle', 'kleur']);
    expect(m.problems.map((p) => p.code).sort()).toEqual(['COLUMN_DUPLICATE', 'COLUMN_MISSING', 'COLUMN_MISSING']);
    expect(m.ignored).toEqual(['kleur']);
  });

  it('reads past the columns an export adds, and takes the handle over the profile URL', () => {
    const m = mapImportHeader(['id', 'platform', 'handle', 'profile_url', 'org_unit_path', 'kind', 'status', 'legacy']);
    expect(m.problems).toEqual([]);
    expect(m.ignored).toEqual([]);
    expect(m.columns).toEqual([null, 'platform', 'handle', null, 'org_unit_path', 'kind', null, null]);
  });
});

describe('org units', () => {
  const index = createOrgUnitIndex(UNITS);
  it.each([
    ['Gemeente Groningen > RO/EZ > Stadsdeelcoördinatie', { id: 'sdc' }],
    ['RO/EZ > Stadsdeelcoördinatie', { id: 'sdc' }],
    ['  ro/ez  >  STADSDEELCOÖRDINATIE ', { id: 'sdc' }],
    ['Stadsdeelcoördinatie', { id: 'sdc' }],
    ['SDC', { id: 'sdc' }],
    ['Gemeente Groningen', { id: 'gem' }],
    ['Communicatie', { code: 'ORG_UNIT_AMBIGUOUS' }],
    ['OCSW > Communicatie', { id: 'ocsw-comm' }],
    ['Milieudienst', { code: 'ORG_UNIT_UNKNOWN' }],
    ['RO/EZ > > SDC', { code: 'ORG_UNIT_PATH_EMPTY_SEGMENT' }],
  ])('%j → %j', (path, expected) => expect(index.resolve(path)).toEqual(expected));
});

describe('validateAccountImport', () => {
  it('reads valid rows in every accepted spelling', () => {
    const r = validateAccountImport(
      records([
        HEADER,
        'x,Stadsbeheer050,Stadsbeheer,RO/EZ,ORGANISATIONAL,SEND;INTERACT',
        'Twitter,@sdcGroningen,SDC,Stadsdeelcoördinatie,organisatie,zenden|luisteren',
        ',https://www.facebook.com/Milieudienst050,Milieudienst,ROEZ,Persoonlijk in functie,',
        'instagram,https://instagram.com/groningen050/,,Gemeente Groningen,campagne,Webcare',
      ]),
      ctx(),
    );
    expect(r.problems).toEqual([]);
    expect(r.totalRows).toBe(4);
    expect(r.rows.map((row) => [row.line, row.platformKey, row.handle, row.normalizedHandle, row.orgUnitId, row.kind, row.purposes])).toEqual([
      [2, 'x', 'Stadsbeheer050', 'stadsbeheer050', 'roez', 'ORGANISATIONAL', ['SEND', 'INTERACT']],
      [3, 'x', 'sdcGroningen', 'sdcgroningen', 'sdc', 'ORGANISATIONAL', ['SEND', 'LISTEN']],
      [4, 'facebook', 'Milieudienst050', 'milieudienst050', 'roez', 'PERSONAL_IN_FUNCTION', []],
      [5, 'instagram', 'groningen050', 'groningen050', 'gem', 'CAMPAIGN', ['WEBCARE']],
    ]);
    expect(r.rows[0]?.profileUrl).toBe('https://x.com/Stadsbeheer050');
  });

  it.each([
    ['x,,Naam,RO/EZ,ORGANISATIONAL,SEND', 'handle', 'VALUE_REQUIRED'],
    ['myspace,gemeente050,Naam,RO/EZ,ORGANISATIONAL,SEND', 'platform', 'PLATFORM_UNKNOWN'],
    ['x,stads beheer,Naam,RO/EZ,ORGANISATIONAL,SEND', 'handle', 'HANDLE_INVALID_CHARACTERS'],
    ['x,GemeenteGroningenTwitter050,Naam,RO/EZ,ORGANISATIONAL,SEND', 'handle', 'HANDLE_TOO_LONG'],
    ['x,https://www.facebook.com/Milieudienst050,Naam,RO/EZ,ORGANISATIONAL,SEND', 'handle', 'HANDLE_PLATFORM_MISMATCH'],
    ['hyves,groningen,Naam,RO/EZ,ORGANISATIONAL,SEND', 'platform', 'PLATFORM_DEFUNCT'],
    ['x,Stadsbeheer050,Naam,,ORGANISATIONAL,SEND', 'org_unit_path', 'VALUE_REQUIRED'],
    ['x,Stadsbeheer050,Naam,Milieudienst,ORGANISATIONAL,SEND', 'org_unit_path', 'ORG_UNIT_UNKNOWN'],
    ['x,Stadsbeheer050,Naam,Communicatie,ORGANISATIONAL,SEND', 'org_unit_path', 'ORG_UNIT_AMBIGUOUS'],
    ['x,Stadsbeheer050,Naam,RO/EZ,,SEND', 'kind', 'VALUE_REQUIRED'],
    ['x,Stadsbeheer050,Naam,RO/EZ,PRIVATE,SEND', 'kind', 'KIND_UNKNOWN'],
    ['x,Stadsbeheer050,Naam,RO/EZ,ORGANISATIONAL,SEND;SHOUT', 'purposes', 'PURPOSE_UNKNOWN'],
    [`x,Stadsbeheer050,${'n'.repeat(201)},RO/EZ,ORGANISATIONAL,SEND`, 'display_name', 'VALUE_TOO_LONG'],
    ['x,Stadsbeheer050,Naam,RO/EZ,ORGANISATIONAL,SEND,overbodig', null, 'ROW_TOO_MANY_CELLS'],
  ])('%j: %s %s', (line, column, code) => {
    const r = validateAccountImport(records([HEADER, line]), ctx());
    expect(r.rows).toEqual([]);
    expect(r.problems).toContainEqual(expect.objectContaining({ line: 2, column, code }));
    for (const p of r.problems) expect(p.message.nl && p.message.en).toBeTruthy();
  });

  it('allows a defunct platform and the legacy handle rules for an existing inventory', () => {
    const r = validateAccountImport(records([HEADER, 'hyves,groningen,Naam,RO/EZ,ORGANISATIONAL,SEND']), ctx(true));
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(1);
  });

  it('reports every problem of a row, each with its column, and keeps the good rows', () => {
    const r = validateAccountImport(records([HEADER, 'x,Stadsbeheer050,Naam,RO/EZ,ORGANISATIONAL,SEND', 'myspace,a,Naam,Nergens,WEIRD,SEND']), ctx());
    expect(r.rows.map((row) => row.line)).toEqual([2]);
    expect(r.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'platform', 'PLATFORM_UNKNOWN'],
      [3, 'org_unit_path', 'ORG_UNIT_UNKNOWN'],
      [3, 'kind', 'KIND_UNKNOWN'],
    ]);
  });

  it('finds the same account twice in the file, in whatever spelling', () => {
    const r = validateAccountImport(
      records([HEADER, 'x,Stadsbeheer050,A,RO/EZ,ORGANISATIONAL,SEND', 'x,@stadsbeheer050,B,RO/EZ,ORGANISATIONAL,SEND', 'twitter,https://twitter.com/STADSBEHEER050,C,RO/EZ,ORGANISATIONAL,SEND']),
      ctx(),
    );
    expect(r.rows.map((row) => row.line)).toEqual([2]);
    expect(r.duplicateRows).toBe(2);
    expect(r.problems.map((p) => [p.line, p.column, p.code, p.message.en])).toEqual([
      [3, 'handle', 'DUPLICATE_IN_FILE', 'The same account as on line 2.'],
      [4, 'handle', 'DUPLICATE_IN_FILE', 'The same account as on line 2.'],
    ]);
  });

  it('names the column as the file writes it (Dutch headers, semicolons)', () => {
    const r = validateAccountImport(records(['Platform;Account;Naam;Dienst;Soort;Doelen', 'x;sdcÖzil;Naam;Stadsdeelcoördinatie;persoonlijk;zenden'], ';'), ctx());
    expect(r.problems).toEqual([expect.objectContaining({ line: 2, column: 'Account', code: 'HANDLE_INVALID_CHARACTERS' })]);
  });

  it('an editor names only its own units', () => {
    const own = UNITS.filter((u) => u.path.includes('RO/EZ'));
    const r = validateAccountImport(records([HEADER, 'x,Stadsbeheer050,A,RO/EZ,ORGANISATIONAL,SEND', 'x,Muziekschool050,B,OCSW,ORGANISATIONAL,SEND']), ctx(false, own));
    expect(r.rows.map((row) => row.line)).toEqual([2]);
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, column: 'org_unit_path', code: 'ORG_UNIT_UNKNOWN' })]);
  });

  it('file problems: empty, header only, missing columns', () => {
    expect(validateAccountImport([], ctx())).toMatchObject({ fileProblem: true, problems: [{ code: 'IMPORT_EMPTY' }] });
    expect(validateAccountImport(records([HEADER]), ctx())).toMatchObject({ fileProblem: true, problems: [{ code: 'IMPORT_NO_ROWS' }] });
    const r = validateAccountImport(records(['platform,handle', 'x,Stadsbeheer050']), ctx());
    expect(r.fileProblem).toBe(true);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'COLUMN_MISSING'],
      [1, 'COLUMN_MISSING'],
    ]);
  });

  it('never throws on arbitrary cells, and every problem has a line, a code and both languages', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 30 }), { maxLength: 8 }), { maxLength: 6 }), (rows) => {
        const r = validateAccountImport([{ line: 1, cells: HEADER.split(',') }, ...rows.map((cells, i) => ({ line: i + 2, cells }))], ctx());
        expect(r.rows.length + r.problems.length).toBeGreaterThanOrEqual(rows.length === 0 ? 1 : 0);
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.code).toMatch(/^[A-Z_]+$/);
          expect(p.message.nl.length * p.message.en.length).toBeGreaterThan(0);
        }
      }),
      { seed: 8, numRuns: 300 },
    );
  });
});
