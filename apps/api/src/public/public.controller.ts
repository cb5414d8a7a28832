import { createHash } from 'node:crypto';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { Public } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { OpenDataService } from './open-data.service';
import { PublicAnswerCache } from './public-answer-cache';
import { openToAll } from './public-http';
import { PUBLIC_CSS, PUBLIC_FAVICON, PUBLIC_PAGE_CSP, type PageError, langOf, renderRelMe, renderReportPage, renderVerifyPage } from './public-page';
import { PUBLIC_PER_PAGE, PublicAccountsQuery, VerifyQuery } from './public.args';
import { PublicRateLimit } from './public-rate-limit';
import { RegisterChanges } from './register-changes';
import type { PublicAccountListModel, PublicAccountModel, VerificationModel } from './verification.model';
import { VerificationService } from './verification.service';

/** Open data changes when the register does: clients revalidate every time, cheaply, with the ETag. */
const REVALIDATE = 'public, max-age=0, must-revalidate';


/** The first value of a query parameter, when it is text (`?q=a&q=b` and `?q[x]=` are not). */
function param(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Whether If-None-Match names this ETag (weak comparison, RFC 9110 13.1.2). */
function notModified(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const tag = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === tag);
}

/** A response body with its strong ETag (of its bytes) and the headers that go with it. */
interface Rendered {
  body: string;
  etag: string;
  headers: Record<string, string>;
}
const rendered = (body: string, headers: Record<string, string> = {}): Rendered => ({
  body,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  headers,
});

/** Sends a body with its ETag; 304 without a body when the client has it already. */
function sendCacheable(req: Request, res: Response, type: string, out: Rendered, cacheControl = REVALIDATE): void {
  const { body, etag } = out;
  for (const [name, value] of Object.entries(out.headers)) res.setHeader(name, value);
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', cacheControl);
  if (notModified(req, etag)) {
    res.status(304).end();
    return;
  }
  res.type(type).send(body);
}

const CSS = rendered(PUBLIC_CSS);
const FAVICON = rendered(PUBLIC_FAVICON);

/** RFC 8288 links to the first, previous, next and last page (relative to this path). */
function pageLinks(path: string, list: PublicAccountListModel): { header: string; next: string | null } {
  const last = Math.max(1, Math.ceil(list.total / list.perPage));
  const href = (page: number) => `${path}?page=${page}&perPage=${list.perPage}`;
  const links: [string, number][] = [['first', 1], ...(list.page > 1 ? ([['prev', Math.min(list.page - 1, last)]] as [string, number][]) : [])];
  if (list.hasNextPage) links.push(['next', list.page + 1]);
  links.push(['last', last]);
  return { header: links.map(([rel, page]) => `<${href(page)}>; rel="${rel}"`).join(', '), next: list.hasNextPage ? href(list.page + 1) : null };
}

// Spreadsheets run a cell that starts with these as a formula (CSV injection, OWASP).
const FORMULA = /^[=+\-@\t\r]/;
const cell = (value: string | null) => (value && FORMULA.test(value) ? `'${value}` : (value ?? ''));

const CSV_COLUMNS = ['platform', 'platform_name', 'handle', 'profile_url', 'display_name', 'unit', 'unit_path', 'kind', 'since'];
const csvRow = (a: PublicAccountModel) => [
  a.platform,
  a.platformName,
  a.handle,
  a.profileUrl,
  a.displayName,
  a.unit.name,
  a.unit.path,
  a.kind,
  new Date(a.since).toISOString(),
].map((v) => cell(v));

/**
 * The public face over HTTP, no login: verification (JSON), open data (JSON, CSV), the rel="me" links,
 * and the small public web page with its report form. Routes under /public are never caught by the
 * console's fallback (main.ts). Verification, in every form, is rate-limited per address.
 */
@Controller('public')
export class PublicController {
  /** Open data as sent (bodies, ETags, paging headers), until the register changes: no JSON, CSV or hash per request. */
  private readonly rendered: PublicAnswerCache<Rendered>;

  constructor(
    private readonly verification: VerificationService,
    private readonly openData: OpenDataService,
    private readonly rateLimit: PublicRateLimit,
    changes: RegisterChanges,
  ) {
    this.rendered = new PublicAnswerCache<Rendered>(changes, { max: 1000, maxSize: 32 * 1024 * 1024, sizeOf: (r) => r.body.length });
  }

  /** GET /public/verify?platform=x&handle=Stadsbeheer050, or ?url=https://x.com/Stadsbeheer050 */
  @Public()
  @Get('verify')
  async verify(@Ctx() ctx: RequestContext, @Query() query: VerifyQuery, @Res({ passthrough: true }) res: Response): Promise<VerificationModel> {
    openToAll(res);
    res.setHeader('Cache-Control', 'no-cache');
    await this.rateLimit.consume(ctx.ip, res);
    return this.verification.verify(ctx, query);
  }

  @Public()
  @Get('accounts.json')
  async accountsJson(@Ctx() ctx: RequestContext, @Query() query: PublicAccountsQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const page = query.page ?? 1;
    const perPage = query.perPage ?? PUBLIC_PER_PAGE.default;
    const out = await this.rendered.get(`json ${page} ${perPage}`, async () => {
      const list = await this.openData.page(ctx, page, perPage);
      const links = pageLinks('/public/accounts.json', list);
      const { items, ...paging } = list;
      return rendered(JSON.stringify({ ...paging, next: links.next, items }), { Link: links.header });
    });
    openToAll(res);
    sendCacheable(req, res, 'application/json; charset=utf-8', out);
  }

  @Public()
  @Get('accounts.csv')
  async accountsCsv(@Ctx() ctx: RequestContext, @Query() query: PublicAccountsQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const page = query.page ?? 1;
    const perPage = query.perPage ?? PUBLIC_PER_PAGE.default;
    const out = await this.rendered.get(`csv ${page} ${perPage}`, async () => {
      const list = await this.openData.page(ctx, page, perPage);
      return rendered(stringify(list.items.map(csvRow), { header: true, columns: CSV_COLUMNS }), {
        Link: pageLinks('/public/accounts.csv', list).header,
        'X-Total-Count': String(list.total),
        'Content-Disposition': `inline; filename="officiele-accounts-${list.page}.csv"`,
      });
    });
    openToAll(res);
    sendCacheable(req, res, 'text/csv; charset=utf-8; header=present', out);
  }

  @Public()
  @Get('rel-me.html')
  async relMe(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    const out = await this.rendered.get('rel-me', async () => rendered(renderRelMe(await this.openData.all(ctx))));
    openToAll(res);
    res.setHeader('Content-Security-Policy', PUBLIC_PAGE_CSP);
    sendCacheable(req, res, 'text/html; charset=utf-8', out);
  }

  @Public()
  @Get('public.css')
  css(@Req() req: Request, @Res() res: Response): void {
    sendCacheable(req, res, 'text/css; charset=utf-8', CSS, 'public, max-age=3600');
  }

  @Public()
  @Get('favicon.svg')
  favicon(@Req() req: Request, @Res() res: Response): void {
    sendCacheable(req, res, 'image/svg+xml', FAVICON, 'public, max-age=86400');
  }

  /** GET /public?q=…&platform=…[&lang=en]: the page; with a question, the answer in plain words. */
  @Public()
  @Get()
  async page(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = langOf(req.query.lang);
    const q = param(req.query.q);
    const platform = param(req.query.platform) || undefined;
    res.setHeader('Content-Security-Policy', PUBLIC_PAGE_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/html; charset=utf-8');
    if (q === undefined && platform === undefined) {
      res.send(renderVerifyPage({ lang }));
      return;
    }
    try {
      await this.rateLimit.consume(ctx.ip, res);
      const result = await this.verification.verify(ctx, platform ? { platform, handle: q } : { handle: q });
      res.send(renderVerifyPage({ lang, q, platform, result }));
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (err.code === ErrorCode.TOO_MANY_REQUESTS) {
        res.status(429).send(renderVerifyPage({ lang, q, platform, retryAfter: Number(res.getHeader('Retry-After')) || 1 }));
        return;
      }
      if (err.code !== ErrorCode.BAD_USER_INPUT) throw err;
      const first = err.violations[0];
      const error: PageError = { field: first?.field === 'platform' ? 'platform' : 'q', message: first?.message ?? { nl: err.messageNl, en: err.message } };
      res.status(400).send(renderVerifyPage({ lang, q, platform, error }));
    }
  }

  /** GET /public/report: the report form, prefilled from a check; it posts to POST /public/reports. */
  @Public()
  @Get('report')
  report(@Req() req: Request, @Res() res: Response): void {
    res.setHeader('Content-Security-Policy', PUBLIC_PAGE_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/html; charset=utf-8').send(
      renderReportPage({ lang: langOf(req.query.lang), platform: param(req.query.platform), handle: param(req.query.handle)?.slice(0, 300) }),
    );
  }
}
