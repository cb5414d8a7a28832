import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { DomainError, EXPORT_ONLY_COLUMNS, ErrorCode, IMPORT_COLUMNS, type ImportField, toSpreadsheetCell } from '@ggsm/domain';
import type { RequestContext } from '../auth/request-context';
import { OrgUnitsService } from '../org-units/org-units.service';
import { ScopeService } from '../org-units/scope.service';

/**
 * The register's columns in an export: the importer's columns first, under the same English names, so
 * an exported file imports again; then what the register adds (the importer reads past those).
 */
export const ACCOUNT_EXPORT_COLUMNS = [...IMPORT_COLUMNS.map((c) => c.field), ...EXPORT_ONLY_COLUMNS];

export type AccountExportRow = Record<ImportField | (typeof EXPORT_ONLY_COLUMNS)[number], string | number | boolean | string[] | null>;

export const AUDIT_EXPORT_COLUMNS = [
  'seq',
  'occurred_at',
  'actor_user_id',
  'actor_email',
  'actor_role',
  'action',
  'entity_type',
  'entity_id',
  'reason',
  'request_id',
  'before',
  'after',
  'prev_hash',
  'hash',
] as const;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Exports of the register (as far as the caller may see it) and of the audit trail. */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: OrgUnitsService,
    private readonly scope: ScopeService,
  ) {}

  /** Every account the caller may see (an editor: its own units), ordered by platform and handle. */
  async accounts(ctx: RequestContext): Promise<AccountExportRow[]> {
    const visible = await this.scope.visibleUnitIds(ctx.user);
    const [tree, rows] = await Promise.all([
      this.units.tree(),
      this.db.query(
        `SELECT * FROM social_account a ${visible === null ? '' : 'WHERE a.org_unit_id = ANY($1)'} ORDER BY a.platform_key, a.normalized_handle`,
        visible === null ? [] : [visible],
      ) as Promise<Record<string, any>[]>,
    ]);
    return rows.map((a) => ({
      platform: a.platform_key,
      handle: a.handle,
      display_name: a.display_name,
      org_unit_path: tree.get(a.org_unit_id)?.path ?? null,
      kind: a.kind,
      purposes: a.purposes ?? [],
      bio: a.bio,
      opening_hours: a.opening_hours,
      response_time: a.response_time,
      languages: a.languages ?? [],
      auto_posting_source: a.auto_posting_source,
      archiving_arrangement: a.archiving_arrangement,
      notes: a.notes,
      review_interval_months: a.review_interval_months,
      id: a.id,
      normalized_handle: a.normalized_handle,
      profile_url: a.profile_url,
      status: a.status,
      legacy: a.legacy,
      last_reviewed_at: iso(a.last_reviewed_at),
      next_review_at: iso(a.next_review_at),
      requested_at: iso(a.requested_at),
      approved_at: iso(a.approved_at),
      created_at: iso(a.created_at),
      updated_at: iso(a.updated_at),
      version: a.version,
    }));
  }

  /** The same accounts as CSV (UTF-8 with a byte-order mark, so Excel shows `ö` right); lists joined with `;`. */
  async accountsCsv(ctx: RequestContext): Promise<string> {
    const rows = await this.accounts(ctx);
    const cells = rows.map((r) =>
      ACCOUNT_EXPORT_COLUMNS.map((c) => {
        const v = r[c];
        if (Array.isArray(v)) return v.join(';');
        if (v === null || v === undefined) return '';
        return typeof v === 'string' ? toSpreadsheetCell(v) : String(v);
      }),
    );
    return '\uFEFF' + stringifySync([[...ACCOUNT_EXPORT_COLUMNS], ...cells], { record_delimiter: 'windows' });
  }

  /** Checks an audit range before anything is sent: from before to, both moments. */
  auditRange(fromText: unknown, toText: unknown): { from: Date | null; to: Date | null } {
    const moment = (value: unknown, field: string): Date | null => {
      if (value === undefined || value === '') return null;
      const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(NaN);
      if (Number.isNaN(date.getTime())) {
        const message = { nl: `"${field}" is geen datum of tijdstip (zoals 2026-01-31 of 2026-01-31T12:00:00Z).`, en: `"${field}" is not a date or moment (such as 2026-01-31 or 2026-01-31T12:00:00Z).` };
        throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field, code: 'DATE_INVALID', message }]);
      }
      return date;
    };
    const from = moment(fromText, 'from');
    const to = moment(toText, 'to');
    if (from && to && from >= to) {
      const message = { nl: '"from" moet vóór "to" liggen.', en: '"from" must be before "to".' };
      throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'to', code: 'RANGE_INVALID', message }]);
    }
    return { from, to };
  }

  /**
   * The audit trail from `from` (inclusive) to `to` (exclusive), oldest first, as CSV written to `out`
   * a thousand events at a time (the trail is long). Before and after are JSON; prev_hash and hash let
   * the archivist check the chain.
   */
  async auditCsv(range: { from: Date | null; to: Date | null }, out: Writable): Promise<void> {
    const csv = stringify({ header: true, columns: [...AUDIT_EXPORT_COLUMNS], record_delimiter: 'windows', bom: true });
    csv.pipe(out);
    const where: string[] = [];
    const params: unknown[] = [];
    if (range.from) where.push(`occurred_at >= $${params.push(range.from)}`);
    if (range.to) where.push(`occurred_at < $${params.push(range.to)}`);
    let after = 0;
    for (;;) {
      const rows: Record<string, any>[] = await this.db.query(
        `SELECT * FROM audit_event WHERE seq > $${params.length + 1}${where.length ? ` AND ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT 1000`,
        [...params, after],
      );
      for (const e of rows) {
        const ok = csv.write([
          e.seq,
          iso(e.occurred_at),
          e.actor_user_id,
          toSpreadsheetCell(e.actor_email),
          e.actor_role,
          e.action,
          e.entity_type,
          e.entity_id,
          toSpreadsheetCell(e.reason),
          e.request_id,
          e.before === null ? '' : JSON.stringify(e.before),
          e.after === null ? '' : JSON.stringify(e.after),
          e.prev_hash,
          e.hash,
        ]);
        if (!ok) await new Promise((r) => csv.once('drain', r));
      }
      if (rows.length < 1000) break;
      after = Number(rows[rows.length - 1]?.seq);
    }
    await new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
      csv.end();
    });
  }
}
