import { ACCOUNT_KINDS, ACCOUNT_PURPOSES, type AccountKind, type AccountPurpose, PlatformStatus } from './enums';
import type { LocalizedText, Violation } from './errors';
import { cleanHandleInput, normalizeHandle, parseHandleInput, profileUrl, validateHandle } from './handles';
import { findPlatform } from './platforms';

// Bulk import of accounts from a spreadsheet (CSV), checked row by row with the rules of the account
// form. Pure: the API decodes the bytes and splits the CSV into records; this file maps the headers,
// reads and checks each row, and finds duplicates inside the file.

/** A file bigger than this is refused as a whole (IMPORT_TOO_LARGE), as is one with more rows (IMPORT_TOO_MANY_ROWS). */
export const IMPORT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 10_000 } as const;

/** The same limits as the account form (apps/api/src/social-accounts/social-account.args.ts). */
export const ACCOUNT_TEXT_LIMITS = {
  handle: 300,
  displayName: 200,
  bio: 2000,
  openingHours: 500,
  responseTime: 200,
  autoPostingSource: 500,
  archivingArrangement: 2000,
  notes: 2000,
} as const;

export type ImportField =
  | 'platform'
  | 'handle'
  | 'display_name'
  | 'org_unit_path'
  | 'kind'
  | 'purposes'
  | 'bio'
  | 'opening_hours'
  | 'response_time'
  | 'languages'
  | 'auto_posting_source'
  | 'archiving_arrangement'
  | 'notes'
  | 'review_interval_months';

/**
 * The columns the importer reads: the English name (also the export's header) and the Dutch names a
 * spreadsheet may use. Headers are compared without case, accents, spaces, dots or hyphens
 * (`Display name`, `display-name` and `DISPLAY_NAME` are the same). Documented in the README.
 */
export const IMPORT_COLUMNS: readonly { field: ImportField; required: boolean; nl: readonly string[] }[] = [
  { field: 'platform', required: true, nl: ['platform', 'medium', 'kanaal'] },
  { field: 'handle', required: true, nl: ['account', 'accountnaam', 'gebruikersnaam', 'profiel', 'profiel_url', 'url'] },
  { field: 'display_name', required: false, nl: ['naam', 'weergavenaam', 'schermnaam'] },
  { field: 'org_unit_path', required: true, nl: ['dienst', 'onderdeel', 'organisatieonderdeel', 'eenheid', 'afdeling'] },
  { field: 'kind', required: true, nl: ['soort', 'type'] },
  { field: 'purposes', required: false, nl: ['doelen', 'doel'] },
  { field: 'bio', required: false, nl: ['omschrijving', 'biografie'] },
  { field: 'opening_hours', required: false, nl: ['openingstijden', 'bereikbaarheid'] },
  { field: 'response_time', required: false, nl: ['reactietijd', 'reactietermijn'] },
  { field: 'languages', required: false, nl: ['talen', 'taal'] },
  { field: 'auto_posting_source', required: false, nl: ['automatische_bron', 'automatisch_posten'] },
  { field: 'archiving_arrangement', required: false, nl: ['archivering', 'archiefafspraak'] },
  { field: 'notes', required: false, nl: ['notities', 'opmerkingen', 'toelichting'] },
  { field: 'review_interval_months', required: false, nl: ['herbeoordeling_maanden', 'beoordelingstermijn_maanden'] },
];

/** Columns of the export that the importer reads past on purpose (the register sets them itself). */
export const EXPORT_ONLY_COLUMNS = [
  'id',
  'normalized_handle',
  'profile_url',
  'status',
  'legacy',
  'last_reviewed_at',
  'next_review_at',
  'requested_at',
  'approved_at',
  'created_at',
  'updated_at',
  'version',
] as const;

export interface ImportProblem {
  /** Line in the file (1 is the header); a record spanning lines counts from its first line. */
  line: number;
  /** The column's header as written in the file, or null for a problem of the whole line or file. */
  column: string | null;
  code: string;
  message: LocalizedText;
}

/** One CSV record as the API's parser produced it. */
export interface ImportRecord {
  line: number;
  cells: string[];
}

/** A row ready to be written: every value checked and normalised. */
export interface AccountImportRow {
  line: number;
  platformKey: string;
  handle: string;
  normalizedHandle: string;
  profileUrl: string;
  displayName: string | null;
  orgUnitId: string;
  kind: AccountKind;
  purposes: AccountPurpose[];
  bio: string | null;
  openingHours: string | null;
  responseTime: string | null;
  languages: string[];
  autoPostingSource: string | null;
  archivingArrangement: string | null;
  notes: string | null;
  reviewIntervalMonths: number | null;
}

export interface ImportPlatform {
  name: string;
  status: PlatformStatus;
}

export interface AccountImportContext {
  /** The platform catalogue as the register holds it (an admin may have marked one DEFUNCT). */
  platforms: ReadonlyMap<string, ImportPlatform>;
  /** The units the caller may register accounts in (an editor: its own subtree). */
  orgUnits: OrgUnitIndex;
  /** An existing inventory that predates the policy: legacy handle rules and defunct platforms allowed. */
  legacy: boolean;
}

export interface AccountImportResult {
  /** Data rows in the file (the header not counted). */
  totalRows: number;
  rows: AccountImportRow[];
  problems: ImportProblem[];
  /** Rows that name an account an earlier row of the file names already. */
  duplicateRows: number;
  /** Headers the importer does not read (export-only or unknown), as written. */
  ignoredColumns: string[];
  /** Whether a problem concerns the whole file (header, CSV syntax): then no row can be trusted. */
  fileProblem: boolean;
  /** Each field's header as the file writes it (for problems found later, such as HANDLE_TAKEN). */
  headers: Partial<Record<ImportField, string>>;
}

const text = (nl: string, en: string): LocalizedText => ({ nl, en });

// ---- headers ----

/** `Display name`, `display-name`, `DISPLAY_NAME`, `﻿display_name` → `display_name`. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s.\-/]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const HEADER_LOOKUP = new Map<string, ImportField>();
for (const c of IMPORT_COLUMNS) {
  HEADER_LOOKUP.set(c.field, c.field);
  HEADER_LOOKUP.set(c.field.replace(/_/g, ''), c.field);
  for (const nl of c.nl) HEADER_LOOKUP.set(normalizeHeader(nl), c.field);
}
// English spellings of the same columns.
for (const [alias, field] of [
  ['name', 'display_name'],
  ['displayname', 'display_name'],
  ['unit', 'org_unit_path'],
  ['org_unit', 'org_unit_path'],
  ['organisation_unit', 'org_unit_path'],
  ['purpose', 'purposes'],
  ['language', 'languages'],
  ['profile_url', 'handle'],
  ['username', 'handle'],
] as const) {
  HEADER_LOOKUP.set(alias, field);
}
// In an export, profile_url is derived from the handle: read the handle, not both.
const EXPORT_ONLY = new Set<string>(EXPORT_ONLY_COLUMNS);

export interface HeaderMapping {
  /** The field each column holds, or null for a column the importer does not read. */
  columns: (ImportField | null)[];
  ignored: string[];
  problems: ImportProblem[];
}

export function mapImportHeader(header: readonly string[], line = 1): HeaderMapping {
  const columns: (ImportField | null)[] = [];
  const ignored: string[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<ImportField, string>();
  const normalized = header.map(normalizeHeader);
  // An export has both handle and profile_url: the handle wins.
  const hasHandle = normalized.some((h) => h !== 'profile_url' && HEADER_LOOKUP.get(h) === 'handle');
  header.forEach((raw, i) => {
    const key = normalized[i] as string;
    let field = HEADER_LOOKUP.get(key) ?? null;
    if (key === 'profile_url' && hasHandle) field = null;
    if (field === null) {
      columns.push(null);
      if (raw.trim() !== '') ignored.push(raw.trim());
      return;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      problems.push({
        line,
        column: raw.trim(),
        code: 'COLUMN_DUPLICATE',
        message: text(`De kolommen "${earlier}" en "${raw.trim()}" bevatten allebei ${field}.`, `The columns "${earlier}" and "${raw.trim()}" both hold ${field}.`),
      });
      columns.push(null);
      return;
    }
    seen.set(field, raw.trim());
    columns.push(field);
  });
  for (const c of IMPORT_COLUMNS) {
    // Without a platform column, every handle must be a profile URL (it names its platform itself).
    if (c.required && c.field !== 'platform' && !seen.has(c.field)) {
      problems.push({
        line,
        column: null,
        code: 'COLUMN_MISSING',
        message: text(`De kolom "${c.nl[0]}" (of "${c.field}") ontbreekt.`, `The column "${c.field}" is missing.`),
      });
    }
  }
  // Known export columns are read past quietly; only unknown ones are named.
  return { columns, ignored: ignored.filter((h) => !EXPORT_ONLY.has(normalizeHeader(h))), problems };
}

// ---- delimiter ----

export type ImportDelimiter = ',' | ';' | '\t';

/**
 * Comma, semicolon (Dutch Excel) or tab, from the header line: the candidate that occurs most often
 * outside quotes. A one-column file counts as comma-separated.
 */
export function detectDelimiter(content: string): ImportDelimiter {
  const counts: Record<ImportDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let started = false;
  for (const ch of content.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (started) break;
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    if (ch.trim() !== '') started = true;
  }
  const best = (Object.keys(counts) as ImportDelimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return counts[best] > 0 ? best : ',';
}

// ---- organisation units ----

export interface OrgUnitIndex {
  resolve(path: string): { id: string } | { code: 'ORG_UNIT_UNKNOWN' | 'ORG_UNIT_AMBIGUOUS' | 'ORG_UNIT_PATH_EMPTY_SEGMENT' };
}

const unitKey = (segments: readonly string[]) => segments.map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()).join('\u0000');

/**
 * Finds units by path (`Gemeente Groningen > RO/EZ > Stadsdeelcoördinatie`), by a path below a root
 * (`RO/EZ > Stadsdeelcoördinatie`, as the 2011 inventory writes it), or by a name or short code that
 * only one unit has (`Stadsdeelcoördinatie`, `SDC`). Case and extra spaces do not matter.
 * `units` are the units the caller may use, each with its full path from the root.
 */
export function createOrgUnitIndex(units: readonly { id: string; path: string; shortCode?: string | null }[]): OrgUnitIndex {
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    const set = byKey.get(key) ?? new Set<string>();
    set.add(id);
    byKey.set(key, set);
  };
  const exact = new Map<string, string>();
  for (const u of units) {
    const segments = u.path.split('>').map((s) => s.trim());
    exact.set(unitKey(segments), u.id);
    // Below the root: every path without its first segment.
    if (segments.length > 1) add(unitKey(segments.slice(1)), u.id);
    // A single name or short code.
    add(unitKey([segments[segments.length - 1] as string]), u.id);
    if (u.shortCode) add(unitKey([u.shortCode]), u.id);
  }
  return {
    resolve(path: string) {
      const segments = path.split('>').map((s) => s.trim());
      if (segments.some((s) => s.length === 0)) return { code: 'ORG_UNIT_PATH_EMPTY_SEGMENT' };
      const key = unitKey(segments);
      const id = exact.get(key);
      if (id) return { id };
      const candidates = byKey.get(key);
      if (!candidates || candidates.size === 0) return { code: 'ORG_UNIT_UNKNOWN' };
      if (candidates.size > 1) return { code: 'ORG_UNIT_AMBIGUOUS' };
      return { id: [...candidates][0] as string };
    },
  };
}

// ---- values ----

// Spreadsheets run a cell that starts with these as a formula (CSV injection, OWASP): an export writes
// such a value with a leading apostrophe, and the importer takes that apostrophe off again.
const FORMULA = /^[=+\-@\t\r]/;

/** A text as an exported spreadsheet cell: a formula-like value gets a leading `'`. */
export function toSpreadsheetCell(value: string | null | undefined): string {
  return value && FORMULA.test(value) ? `'${value}` : (value ?? '');
}

/** The reverse of toSpreadsheetCell, for an imported cell. */
export function fromSpreadsheetCell(value: string): string {
  return value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value;
}

const foldValue = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-]+/g, '_');

const KIND_LOOKUP = new Map<string, AccountKind>();
for (const k of ACCOUNT_KINDS) KIND_LOOKUP.set(k.toLowerCase(), k);
for (const [alias, kind] of [
  ['organisatie', 'ORGANISATIONAL'],
  ['organisatorisch', 'ORGANISATIONAL'],
  ['organizational', 'ORGANISATIONAL'],
  ['persoonlijk_in_functie', 'PERSONAL_IN_FUNCTION'],
  ['persoonlijk', 'PERSONAL_IN_FUNCTION'],
  ['personal', 'PERSONAL_IN_FUNCTION'],
  ['bestuurder', 'ADMINISTRATOR'],
  ['campagne', 'CAMPAIGN'],
  ['defensief', 'DEFENSIVE'],
  ['intern', 'INTERNAL'],
] as const) {
  KIND_LOOKUP.set(alias, kind);
}

const PURPOSE_LOOKUP = new Map<string, AccountPurpose>();
for (const p of ACCOUNT_PURPOSES) PURPOSE_LOOKUP.set(p.toLowerCase(), p);
for (const [alias, purpose] of [
  ['zenden', 'SEND'],
  ['luisteren', 'LISTEN'],
  ['interacteren', 'INTERACT'],
  ['interactie', 'INTERACT'],
  ['crisiscommunicatie', 'CRISIS'],
  ['crisis_communicatie', 'CRISIS'],
  ['web_care', 'WEBCARE'],
] as const) {
  PURPOSE_LOOKUP.set(alias, purpose);
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
const LIST_SEPARATOR = /[;,|]/;
const TEXT_FIELDS: readonly [ImportField, keyof typeof ACCOUNT_TEXT_LIMITS][] = [
  ['display_name', 'displayName'],
  ['bio', 'bio'],
  ['opening_hours', 'openingHours'],
  ['response_time', 'responseTime'],
  ['auto_posting_source', 'autoPostingSource'],
  ['archiving_arrangement', 'archivingArrangement'],
  ['notes', 'notes'],
];

/** A platform as a spreadsheet writes it: key, alias or name (`x`, `Twitter`, `Facebook`). */
function platformKeyOf(value: string, platforms: ReadonlyMap<string, ImportPlatform>): string | undefined {
  const found = findPlatform(value)?.key;
  if (found && platforms.has(found)) return found;
  const lower = value.trim().toLowerCase();
  for (const [key, p] of platforms) if (p.name.toLowerCase() === lower) return key;
  return undefined;
}

/**
 * The account form's rules for a handle on a platform: a DEFUNCT platform takes only legacy accounts,
 * and the platform's own syntax (validateHandle). Empty when the handle may be registered.
 */
export function accountHandleViolations(platformKey: string, platform: ImportPlatform, input: string, legacy: boolean): Violation[] {
  // Hyves closed in 2013: its accounts are history (legacy), never a new registration.
  if (platform.status === PlatformStatus.DEFUNCT && !legacy) {
    const message = text(
      `${platform.name} bestaat niet meer; hier kunnen alleen accounts van vóór het beleid staan.`,
      `${platform.name} no longer exists; only accounts that predate the policy can be recorded there.`,
    );
    return [{ field: 'platformId', code: 'PLATFORM_DEFUNCT', message }];
  }
  return validateHandle(platformKey, input, { legacy });
}

/** The handle as stored (from `handle`, `@handle` or a profile URL), its normal form and profile URL. */
export function resolveAccountHandle(platformKey: string, input: string): { handle: string; normalizedHandle: string; profileUrl: string } {
  const handle = parseHandleInput(platformKey, input)?.handle ?? cleanHandleInput(input);
  return { handle, normalizedHandle: normalizeHandle(platformKey, handle), profileUrl: profileUrl(platformKey, handle) };
}

/** Reads and checks the records of a file (the first is the header). */
export function validateAccountImport(records: readonly ImportRecord[], ctx: AccountImportContext): AccountImportResult {
  const [header, ...data] = records;
  if (!header) {
    return {
      totalRows: 0,
      rows: [],
      problems: [{ line: 1, column: null, code: 'IMPORT_EMPTY', message: text('Het bestand is leeg.', 'The file is empty.') }],
      duplicateRows: 0,
      ignoredColumns: [],
      fileProblem: true,
      headers: {},
    };
  }
  const mapping = mapImportHeader(header.cells, header.line);
  const result: AccountImportResult = {
    totalRows: data.length,
    rows: [],
    problems: [...mapping.problems],
    duplicateRows: 0,
    ignoredColumns: mapping.ignored,
    fileProblem: mapping.problems.length > 0,
    headers: {},
  };
  if (result.fileProblem) return result;
  if (data.length === 0) {
    result.problems.push({ line: header.line, column: null, code: 'IMPORT_NO_ROWS', message: text('Het bestand bevat alleen kopregel(s).', 'The file holds only a header.') });
    result.fileProblem = true;
    return result;
  }
  const headerOf = new Map<ImportField, string>();
  mapping.columns.forEach((f, i) => f && headerOf.set(f, (header.cells[i] ?? '').trim()));
  result.headers = Object.fromEntries(headerOf);
  const firstLine = new Map<string, number>();
  for (const record of data) {
    const row = validateRow(record, mapping.columns, headerOf, ctx);
    if ('problems' in row) {
      result.problems.push(...row.problems);
      continue;
    }
    const key = `${row.platformKey}\u0000${row.normalizedHandle}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      result.duplicateRows++;
      result.problems.push({
        line: record.line,
        column: headerOf.get('handle') ?? 'handle',
        code: 'DUPLICATE_IN_FILE',
        message: text(`Hetzelfde account als op regel ${earlier}.`, `The same account as on line ${earlier}.`),
      });
      continue;
    }
    firstLine.set(key, record.line);
    result.rows.push(row);
  }
  return result;
}

function validateRow(
  record: ImportRecord,
  columns: readonly (ImportField | null)[],
  headerOf: ReadonlyMap<ImportField, string>,
  ctx: AccountImportContext,
): AccountImportRow | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const cell = new Map<ImportField, string>();
  record.cells.forEach((value, i) => {
    const field = columns[i];
    if (field) cell.set(field, fromSpreadsheetCell(value.trim()).trim());
  });
  const extra = record.cells.slice(columns.length).filter((v) => v.trim() !== '');
  if (extra.length) {
    problems.push({
      line: record.line,
      column: null,
      code: 'ROW_TOO_MANY_CELLS',
      message: text(`Deze regel heeft ${record.cells.length} cellen, de kopregel ${columns.length}.`, `This line has ${record.cells.length} cells, the header ${columns.length}.`),
    });
  }
  const problem = (field: ImportField, code: string, message: LocalizedText) =>
    problems.push({ line: record.line, column: headerOf.get(field) ?? field, code, message });
  const value = (field: ImportField) => cell.get(field) ?? '';

  // Platform and handle: a profile URL names its platform itself.
  const handleInput = value('handle');
  let platformKey: string | undefined;
  if (!handleInput) problem('handle', 'VALUE_REQUIRED', text('Het account (de handle) ontbreekt.', 'The handle is missing.'));
  const platformText = value('platform');
  if (platformText) {
    platformKey = platformKeyOf(platformText, ctx.platforms);
    if (!platformKey) problem('platform', 'PLATFORM_UNKNOWN', text(`Onbekend platform "${platformText}".`, `Unknown platform "${platformText}".`));
  } else if (handleInput) {
    const parsed = parseHandleInput(undefined, handleInput);
    if (parsed && ctx.platforms.has(parsed.platform)) platformKey = parsed.platform;
    else problem('platform', 'VALUE_REQUIRED', text('Het platform ontbreekt (of geef het profieladres).', 'The platform is missing (or give the profile URL).'));
  }
  let resolved: ReturnType<typeof resolveAccountHandle> | undefined;
  if (platformKey && handleInput) {
    if (handleInput.length > ACCOUNT_TEXT_LIMITS.handle) {
      problem('handle', 'VALUE_TOO_LONG', text(`Hoogstens ${ACCOUNT_TEXT_LIMITS.handle} tekens.`, `At most ${ACCOUNT_TEXT_LIMITS.handle} characters.`));
    } else {
      const violations = accountHandleViolations(platformKey, ctx.platforms.get(platformKey) as ImportPlatform, handleInput, ctx.legacy);
      for (const v of violations) problem(v.field === 'platformId' ? 'platform' : 'handle', v.code, v.message);
      if (violations.length === 0) resolved = resolveAccountHandle(platformKey, handleInput);
    }
  }

  // The unit, by path.
  let orgUnitId: string | undefined;
  const unitText = value('org_unit_path');
  if (!unitText) problem('org_unit_path', 'VALUE_REQUIRED', text('Het organisatieonderdeel ontbreekt.', 'The organisation unit is missing.'));
  else {
    const unit = ctx.orgUnits.resolve(unitText);
    if ('id' in unit) orgUnitId = unit.id;
    else if (unit.code === 'ORG_UNIT_AMBIGUOUS') {
      problem('org_unit_path', unit.code, text(`"${unitText}" past bij meer dan één onderdeel: geef het hele pad.`, `"${unitText}" matches more than one unit: give the whole path.`));
    } else if (unit.code === 'ORG_UNIT_PATH_EMPTY_SEGMENT') {
      problem('org_unit_path', unit.code, text(`Het pad "${unitText}" bevat een lege eenheid.`, `The path "${unitText}" contains an empty unit.`));
    } else {
      // Another unit than one's own is, for an editor, an unknown unit (as in the account form).
      problem('org_unit_path', unit.code, text(`Onbekend organisatieonderdeel "${unitText}".`, `Unknown organisation unit "${unitText}".`));
    }
  }

  const kindText = value('kind');
  const kind = kindText ? KIND_LOOKUP.get(foldValue(kindText)) : undefined;
  if (!kindText) problem('kind', 'VALUE_REQUIRED', text('De soort account ontbreekt.', 'The kind of account is missing.'));
  else if (!kind) {
    problem('kind', 'KIND_UNKNOWN', text(`Onbekende soort "${kindText}"; kies uit ${ACCOUNT_KINDS.join(', ')}.`, `Unknown kind "${kindText}"; choose one of ${ACCOUNT_KINDS.join(', ')}.`));
  }

  const purposes: AccountPurpose[] = [];
  for (const part of splitList(value('purposes'))) {
    const purpose = PURPOSE_LOOKUP.get(foldValue(part));
    if (!purpose) {
      problem('purposes', 'PURPOSE_UNKNOWN', text(`Onbekend doel "${part}"; kies uit ${ACCOUNT_PURPOSES.join(', ')}.`, `Unknown purpose "${part}"; choose from ${ACCOUNT_PURPOSES.join(', ')}.`));
    } else if (!purposes.includes(purpose)) purposes.push(purpose);
  }

  const languages: string[] = [];
  for (const part of splitList(value('languages'))) {
    const lang = part.toLowerCase();
    if (!LANGUAGE.test(lang)) problem('languages', 'LANGUAGE_INVALID', text(`"${part}" is geen taalcode zoals nl, en of fy.`, `"${part}" is not a language code such as nl, en or fy.`));
    else if (!languages.includes(lang)) languages.push(lang);
  }
  if (languages.length > 10) problem('languages', 'VALUE_TOO_LONG', text('Hoogstens 10 talen.', 'At most 10 languages.'));

  const texts: Partial<Record<keyof typeof ACCOUNT_TEXT_LIMITS, string | null>> = {};
  for (const [field, key] of TEXT_FIELDS) {
    const v = value(field);
    const max = ACCOUNT_TEXT_LIMITS[key];
    if (v.length > max) problem(field, 'VALUE_TOO_LONG', text(`Hoogstens ${max} tekens (nu ${v.length}).`, `At most ${max} characters (now ${v.length}).`));
    texts[key] = v || null;
  }

  let reviewIntervalMonths: number | null = null;
  const monthsText = value('review_interval_months');
  if (monthsText) {
    const months = /^\d{1,3}$/.test(monthsText) ? Number(monthsText) : NaN;
    if (!(months >= 1 && months <= 60)) {
      problem('review_interval_months', 'REVIEW_INTERVAL_INVALID', text('Een aantal maanden van 1 tot en met 60.', 'A number of months from 1 to 60.'));
    } else reviewIntervalMonths = months;
  }

  if (problems.length || !platformKey || !resolved || !orgUnitId || !kind) return { problems };
  return {
    line: record.line,
    platformKey,
    ...resolved,
    displayName: texts.displayName ?? null,
    orgUnitId,
    kind,
    purposes,
    bio: texts.bio ?? null,
    openingHours: texts.openingHours ?? null,
    responseTime: texts.responseTime ?? null,
    languages,
    autoPostingSource: texts.autoPostingSource ?? null,
    archivingArrangement: texts.archivingArrangement ?? null,
    notes: texts.notes ?? null,
    reviewIntervalMonths,
  };
}

function splitList(value: string): string[] {
  return value
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
