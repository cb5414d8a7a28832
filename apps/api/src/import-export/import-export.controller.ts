import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode, IMPORT_LIMITS, Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { toErrorBody } from '../common/errors';
import { AccountImportService } from './account-import.service';
import { ExportService } from './export.service';

const flag = (value: unknown, name: string, fallback = false): boolean => {
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  const message = { nl: `"${name}" is true of false.`, en: `"${name}" is true or false.` };
  throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: name, code: 'BOOLEAN_INVALID', message }]);
};

const attachment = (res: Response, name: string) => {
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  // Personal data of owners may be in notes: never in a shared cache.
  res.setHeader('Cache-Control', 'no-store');
};

const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * Files in and out of the register, with the same bearer token as /graphql (the global AccessGuard):
 * the accounts the caller may see as CSV or JSON, the audit trail for a time range as CSV, and the
 * console's import, which sends the file as its bytes and reads back its progress.
 */
@Controller('api')
export class ImportExportController {
  constructor(
    private readonly exporter: ExportService,
    private readonly importer: AccountImportService,
  ) {}

  @AllowAuthenticated()
  @Get('export/accounts.csv')
  async accountsCsv(@Ctx() ctx: RequestContext, @Res() res: Response): Promise<void> {
    const body = await this.exporter.accountsCsv(ctx);
    attachment(res, `ggsm-accounts-${stamp()}.csv`);
    res.type('text/csv; charset=utf-8').send(body);
  }

  @AllowAuthenticated()
  @Get('export/accounts.json')
  async accountsJson(@Ctx() ctx: RequestContext, @Res() res: Response): Promise<void> {
    const accounts = await this.exporter.accounts(ctx);
    attachment(res, `ggsm-accounts-${stamp()}.json`);
    res.type('application/json').send(JSON.stringify({ exportedAt: new Date().toISOString(), count: accounts.length, accounts }, null, 1));
  }

  /** For the archivist: `?from=2026-01-01&to=2026-07-01` (from inclusive, to exclusive; either may be left out). */
  @Allow(Role.AUDITOR, Role.ADMIN)
  @Get('export/audit.csv')
  async auditCsv(@Query('from') from: unknown, @Query('to') to: unknown, @Res() res: Response): Promise<void> {
    const range = this.exporter.auditRange(from, to);
    attachment(res, `ggsm-audit-${range.from?.toISOString().slice(0, 10) ?? 'begin'}-${range.to?.toISOString().slice(0, 10) ?? stamp()}.csv`);
    res.type('text/csv; charset=utf-8');
    await this.exporter.auditCsv(range, res);
  }

  /**
   * The console's import: the file's bytes as the body (`Content-Type: text/csv` or
   * `application/octet-stream`), the options in the query. Answers NDJSON: `{"progress":{phase,done,total}}`
   * lines while it works, then one `{"result":…}` (the ImportResult of importSocialAccounts) or `{"error":…}`.
   */
  @Allow(Role.ADMIN, Role.COMMUNICATIONS, Role.EDITOR)
  @Post('import/accounts')
  @HttpCode(200)
  async importAccounts(
    @Ctx() ctx: RequestContext,
    @Query('dryRun') dryRun: unknown,
    @Query('onlyValidRows') onlyValidRows: unknown,
    @Query('asLegacy') asLegacy: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const options = { dryRun: flag(dryRun, 'dryRun', true), onlyValidRows: flag(onlyValidRows, 'onlyValidRows'), asLegacy: flag(asLegacy, 'asLegacy') };
    const bytes = await readBody(req);
    res.status(200).type('application/x-ndjson; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    // Sent at once, so a proxy does not hold the progress back.
    res.setHeader('X-Accel-Buffering', 'no');
    const line = (value: object) => res.write(`${JSON.stringify(value)}\n`);
    try {
      const result = await this.importer.import(ctx, bytes, options, (progress) => line({ progress }));
      line({ result });
    } catch (err) {
      line({ error: toErrorBody(err) });
    }
    res.end();
  }
}

/** The request body up to the import limit; a JSON or form body was not a file. */
async function readBody(req: Request): Promise<Buffer> {
  if (req.readableEnded || (req as { _body?: boolean })._body) {
    const message = { nl: 'Stuur het bestand zelf als inhoud (text/csv).', en: 'Send the file itself as the body (text/csv).' };
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'content', code: 'IMPORT_NOT_TEXT', message }]);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Read on (and drop) what is over the limit, so the client gets the answer rather than a broken
    // connection; only an absurd upload is cut off.
    if (size > DRAIN_LIMIT) {
      req.destroy();
      break;
    }
    if (size <= IMPORT_LIMITS.maxBytes) chunks.push(chunk as Buffer);
  }
  if (size > IMPORT_LIMITS.maxBytes) {
    const message = {
      nl: `Het bestand is te groot; hoogstens ${IMPORT_LIMITS.maxBytes / (1024 * 1024)} MB.`,
      en: `The file is too large; at most ${IMPORT_LIMITS.maxBytes / (1024 * 1024)} MB.`,
    };
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'content', code: 'IMPORT_TOO_LARGE', message }]);
  }
  return Buffer.concat(chunks);
}

const DRAIN_LIMIT = 10 * IMPORT_LIMITS.maxBytes;
