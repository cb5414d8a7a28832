import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AccountStatus,
  type AccountImportRow,
  DomainError,
  ErrorCode,
  IMPORT_LIMITS,
  type ImportField,
  type ImportPlatform,
  type ImportProblem,
  type ImportRecord,
  type LocalizedText,
  Role,
  createOrgUnitIndex,
  handleSkeleton,
  detectDelimiter,
  validateAccountImport,
} from '@ggsm/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
import { writeUnique } from '../common/sorting';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { OrgUnitsService } from '../org-units/org-units.service';
import { ScopeService } from '../org-units/scope.service';
import { PlatformEntity } from '../platforms/platform.entity';
import { SocialAccountEntity } from '../social-accounts/social-account.entity';
import { handleTakenError, toSocialAccountModel } from '../social-accounts/social-accounts.service';
import { decodeImportBytes } from './file-decoding';
import type { ImportResultModel } from './import-result.model';

export interface ImportOptions {
  dryRun: boolean;
  onlyValidRows?: boolean;
  asLegacy?: boolean;
}

export interface ImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

/** Rows per INSERT (and per progress report): well under PostgreSQL's 65535 parameters. */
const BATCH = 500;
/** The answer lists this many problems; problemCount has them all. */
const MAX_LISTED_PROBLEMS = 1000;
/** A refused import names this many problems in its error. */
const MAX_ERROR_VIOLATIONS = 50;

const fileError = (code: string, message: LocalizedText) => new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'content', code, message }]);

/**
 * Bulk import of accounts from a CSV file. The rows are checked with the rules of the account form
 * (libs/domain/src/account-import.ts shares them with SocialAccountsService); the accounts are written
 * in one transaction, a few hundred per INSERT, each with its own audit event (`social_account.created`,
 * reason `import`). Nothing is written unless every row is valid, or the caller asked for the valid rows only.
 */
@Injectable()
export class AccountImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: OrgUnitsService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async import(ctx: RequestContext, bytes: Buffer, options: ImportOptions, onProgress?: (p: ImportProgress) => void): Promise<ImportResultModel> {
    const roles = ctx.user?.roles ?? [];
    // An existing inventory becomes ACTIVE without an approval: only those who answer for the register.
    if (options.asLegacy && !roles.some((r) => r === Role.ADMIN || r === Role.COMMUNICATIONS)) throw forbidden(LEGACY_ONLY);
    // Administrators do not register accounts (createSocialAccount is not theirs); they may load an old inventory.
    if (!options.asLegacy && !roles.some((r) => r === Role.EDITOR || r === Role.COMMUNICATIONS)) throw forbidden(NOT_YOURS);
    if (bytes.length > IMPORT_LIMITS.maxBytes) {
      throw fileError('IMPORT_TOO_LARGE', {
        nl: `Het bestand is te groot (${mb(bytes.length)}); hoogstens ${mb(IMPORT_LIMITS.maxBytes)}.`,
        en: `The file is too large (${mb(bytes.length)}); at most ${mb(IMPORT_LIMITS.maxBytes)}.`,
      });
    }
    const { text, charset } = decodeImportBytes(bytes);
    const delimiter = detectDelimiter(text);
    const parsed = parseCsv(text, delimiter);
    const totalRows = Math.max(0, parsed.records.length - 1);
    if (totalRows > IMPORT_LIMITS.maxRows) {
      throw fileError('IMPORT_TOO_MANY_ROWS', {
        nl: `Het bestand heeft ${totalRows} rijen; hoogstens ${IMPORT_LIMITS.maxRows} per keer.`,
        en: `The file has ${totalRows} rows; at most ${IMPORT_LIMITS.maxRows} at a time.`,
      });
    }
    onProgress?.({ phase: 'checking', done: 0, total: totalRows });

    const legacy = options.asLegacy ?? false;
    // A CSV syntax error leaves no records to check: the file is reported as such.
    const checked = parsed.problems.length
      ? { rows: [], problems: [], duplicateRows: 0, ignoredColumns: [], fileProblem: true, headers: {} as Partial<Record<ImportField, string>> }
      : validateAccountImport(parsed.records, { platforms: await this.platforms(), orgUnits: createOrgUnitIndex(await this.usableUnits(ctx)), legacy });
    const problems: ImportProblem[] = [...parsed.problems, ...checked.problems];
    const fileProblem = checked.fileProblem || parsed.problems.length > 0;
    const taken = await this.takenRows(this.db.manager, checked.rows, checked.headers.handle);
    const rows = checked.rows.filter((r) => !taken.has(r));
    for (const [row, problem] of taken) problems.push({ ...problem, line: row.line });
    problems.sort((a, b) => a.line - b.line);
    onProgress?.({ phase: 'checking', done: totalRows, total: totalRows });

    const result: ImportResultModel = {
      dryRun: options.dryRun,
      charset,
      delimiter,
      totalRows,
      validRows: fileProblem ? 0 : rows.length,
      created: 0,
      duplicateRows: checked.duplicateRows,
      takenRows: taken.size,
      problemCount: problems.length,
      problems: problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => ({ line: p.line, column: p.column, code: p.code, message: p.message.en, messageNl: p.message.nl })),
      ignoredColumns: checked.ignoredColumns,
      status: legacy ? AccountStatus.ACTIVE : AccountStatus.DRAFT,
    };
    if (options.dryRun) return result;
    if (problems.length && (fileProblem || !options.onlyValidRows)) throw refused(problems, fileProblem);
    if (rows.length === 0) return result;
    result.created = await this.write(ctx, rows, legacy, onProgress);
    return result;
  }

  private async write(ctx: RequestContext, rows: AccountImportRow[], legacy: boolean, onProgress?: (p: ImportProgress) => void): Promise<number> {
    return this.db.transaction(async (m) => {
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        // Never approved by an import: new accounts are drafts their unit submits; an old inventory is
        // legacy and ACTIVE as it was, without an approver, and due for its first review at once.
        const status = legacy ? AccountStatus.ACTIVE : AccountStatus.DRAFT;
        let entities: SocialAccountEntity[] = [];
        // A handle registered by someone else since the check loses the whole import, as in the form.
        await writeUnique(
          m,
          async () => {
            entities = await this.insertBatch(m, batch, status, legacy);
          },
          async () => {
            const again = await this.takenRows(m, batch);
            const first = [...again.values()][0];
            return first ? takenError(first) : new DomainError(ErrorCode.HANDLE_TAKEN, TAKEN_MEANWHILE);
          },
        );
        await this.audit.recordMany(
          m,
          ctx,
          entities.map((e) => ({ action: 'social_account.created', entityType: 'SocialAccount', entityId: e.id, after: toSocialAccountModel(e), reason: 'import' })),
        );
        onProgress?.({ phase: 'writing', done: i + batch.length, total: rows.length });
      }
      return rows.length;
    });
  }

  /** One multi-row INSERT (the columns as arrays); answers the stored rows, in the batch's order. */
  private async insertBatch(m: EntityManager, batch: readonly AccountImportRow[], status: AccountStatus, legacy: boolean): Promise<SocialAccountEntity[]> {
    const col = <T>(f: (r: AccountImportRow) => T) => batch.map(f);
    const list = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
    const stored: Record<string, unknown>[] = await m.query(
      `INSERT INTO social_account (platform_key, handle, normalized_handle, handle_skeleton, profile_url, display_name, org_unit_id, kind, purposes,
                                   bio, opening_hours, response_time, languages, auto_posting_source, archiving_arrangement, notes,
                                   review_interval_months, status, legacy)
       SELECT pk, h, nh, sk, pu, dn, ou, k, ps::text[], b, oh, rt, ls::text[], ap, aa, n, ri, $18::text, $19::boolean
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::int[])
           AS t(pk, h, nh, sk, pu, dn, ou, k, ps, b, oh, rt, ls, ap, aa, n, ri)
       RETURNING *`,
      [
        col((r) => r.platformKey),
        col((r) => r.handle),
        col((r) => r.normalizedHandle),
        col((r) => handleSkeleton(r.handle)),
        col((r) => r.profileUrl),
        col((r) => r.displayName),
        col((r) => r.orgUnitId),
        col((r) => r.kind),
        col((r) => list(r.purposes)),
        col((r) => r.bio),
        col((r) => r.openingHours),
        col((r) => r.responseTime),
        col((r) => list(r.languages)),
        col((r) => r.autoPostingSource),
        col((r) => r.archivingArrangement),
        col((r) => r.notes),
        col((r) => r.reviewIntervalMonths),
        status,
        legacy,
      ],
    );
    const entities = new Map(stored.map((raw) => {
      const e = m.create(SocialAccountEntity, this.db.getMetadata(SocialAccountEntity).columns.reduce((o, c) => ({ ...o, [c.propertyName]: raw[c.databaseName] }), {}));
      e.owners = [];
      return [`${e.platformKey}\u0000${e.normalizedHandle}`, e] as const;
    }));
    return batch.map((r) => entities.get(`${r.platformKey}\u0000${r.normalizedHandle}`) as SocialAccountEntity);
  }

  /** The rows whose account the register holds already, each with its HANDLE_TAKEN problem. */
  private async takenRows(m: EntityManager, rows: readonly AccountImportRow[], column = 'handle'): Promise<Map<AccountImportRow, ImportProblem>> {
    const out = new Map<AccountImportRow, ImportProblem>();
    if (rows.length === 0) return out;
    const holders: { platform_key: string; normalized_handle: string; handle: string; unit: string }[] = await m.query(
      `SELECT a.platform_key, a.normalized_handle, a.handle, u.name AS unit
         FROM social_account a JOIN org_unit u ON u.id = a.org_unit_id
        WHERE (a.platform_key, a.normalized_handle) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [rows.map((r) => r.platformKey), rows.map((r) => r.normalizedHandle)],
    );
    const byKey = new Map(holders.map((h) => [`${h.platform_key}\u0000${h.normalized_handle}`, h]));
    for (const row of rows) {
      const holder = byKey.get(`${row.platformKey}\u0000${row.normalizedHandle}`);
      if (!holder) continue;
      const error = handleTakenError(row.normalizedHandle, holder);
      out.set(row, { line: row.line, column, code: ErrorCode.HANDLE_TAKEN, message: { nl: error.messageNl, en: error.message } });
    }
    return out;
  }

  private async platforms(): Promise<Map<string, ImportPlatform>> {
    const rows = await this.db.getRepository(PlatformEntity).find();
    return new Map(rows.map((p) => [p.key, { name: p.name, status: p.status }]));
  }

  /** The units the caller may register accounts in, with their paths: an editor's own subtree. */
  private async usableUnits(ctx: RequestContext): Promise<{ id: string; path: string; shortCode: string }[]> {
    const [tree, visible, units] = await Promise.all([this.units.tree(), this.scope.visibleUnitIds(ctx.user), this.db.getRepository(OrgUnitEntity).find()]);
    const allowed = visible === null ? null : new Set(visible);
    return units.filter((u) => !allowed || allowed.has(u.id)).map((u) => ({ id: u.id, path: tree.get(u.id)?.path ?? u.name, shortCode: u.shortCode }));
  }
}

/** The records of the file with the line each starts on; a CSV syntax error is a problem of the file. */
function parseCsv(text: string, delimiter: string): { records: ImportRecord[]; problems: ImportProblem[] } {
  try {
    const parsed = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, raw: true, bom: true }) as unknown as {
      record: string[];
      raw: string;
      info: { lines: number };
    }[];
    const records = parsed
      // A line of only separators (Excel writes them below a table) is an empty line too.
      .filter((r) => r.record.some((c) => c.trim() !== ''))
      .map((r) => {
        const inner = r.raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
        return { line: r.info.lines - (inner.match(/\n/g)?.length ?? 0), cells: r.record };
      });
    return { records, problems: [] };
  } catch (err) {
    const e = err as { code?: string; lines?: number; message?: string };
    if (!e.code?.startsWith('CSV_')) throw err;
    const line = typeof e.lines === 'number' && e.lines > 0 ? e.lines : 1;
    const quote = e.code === 'CSV_QUOTE_NOT_CLOSED' || e.code.includes('QUOTE');
    return {
      records: [],
      problems: [
        {
          line,
          column: null,
          code: 'CSV_MALFORMED',
          message: quote
            ? { nl: `Een aanhalingsteken (") wordt op of rond regel ${line} niet goed geopend of gesloten.`, en: `A quote (") is not opened or closed properly at or around line ${line}.` }
            : { nl: `Het bestand is geen geldige CSV rond regel ${line}.`, en: `The file is not valid CSV around line ${line}.` },
        },
      ],
    };
  }
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

const LEGACY_ONLY = {
  nl: 'Alleen beheer en communicatie kunnen een bestaande inventaris als actieve legacy-accounts inlezen.',
  en: 'Only administrators and communications can import an existing inventory as active legacy accounts.',
};
const NOT_YOURS = {
  nl: 'Beheerders registreren geen accounts; zij kunnen alleen een bestaande inventaris (legacy) inlezen.',
  en: 'Administrators do not register accounts; they can only import an existing inventory (legacy).',
};
const TAKEN_MEANWHILE = { nl: 'Een van de accounts is intussen door iemand anders geregistreerd.', en: 'One of the accounts was registered by someone else meanwhile.' };

const forbidden = (message: LocalizedText) => new DomainError(ErrorCode.FORBIDDEN, message);

function takenError(problem: ImportProblem): DomainError {
  return new DomainError(ErrorCode.HANDLE_TAKEN, problem.message, [{ field: `line ${problem.line}: handle`, code: problem.code, message: problem.message }]);
}

/** Nothing was written: the first problems, each as `line N: column`, so a script can show them. */
function refused(problems: ImportProblem[], fileProblem: boolean): DomainError {
  const n = problems.length;
  const message = fileProblem
    ? { nl: 'Het bestand kan niet worden gelezen; er is niets geïmporteerd.', en: 'The file cannot be read; nothing was imported.' }
    : {
        nl: `${n} ${n === 1 ? 'probleem' : 'problemen'} in het bestand; er is niets geïmporteerd. Los ze op, of importeer alleen de geldige rijen.`,
        en: `${n} ${n === 1 ? 'problem' : 'problems'} in the file; nothing was imported. Fix them, or import only the valid rows.`,
      };
  return new DomainError(
    ErrorCode.BAD_USER_INPUT,
    message,
    problems.slice(0, MAX_ERROR_VIOLATIONS).map((p) => ({ field: `line ${p.line}${p.column ? `: ${p.column}` : ''}`, code: p.code, message: p.message })),
  );
}
