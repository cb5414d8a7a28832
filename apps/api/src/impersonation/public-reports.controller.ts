import { type ArgumentsHost, Body, Catch, Controller, type ExceptionFilter, HttpCode, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode, type LocalizedText } from '@ggsm/domain';
import { Public } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { httpStatusFor, toErrorBody } from '../common/errors';
import { HttpErrorFilter } from '../common/http-exception.filter';
import { PUBLIC_PAGE_CSP, REPORT_FIELD_HELP, REPORT_FIELDS, type ReportField, type ReportFieldError, langOf, renderReportPage, renderReportReceipt } from '../public/public-page';
import { ReportImpersonationArgs } from './impersonation.args';
import { ImpersonationReportsService } from './impersonation-reports.service';
import { OptionalLoginGuard } from './optional-login.guard';
import { ReportThrottle } from './report-throttle';

/**
 * A browser that posts the public report form (GET /public/report) asks for HTML first; scripts and the
 * console ask for JSON or anything (`*` / `*`, or no Accept at all), and get JSON, also when they post
 * urlencoded.
 */
function wantsHtml(req: Request): boolean {
  return req.accepts(['json', 'html']) === 'html';
}

function sendPage(res: Response, status: number, html: string): void {
  res.setHeader('Content-Security-Policy', PUBLIC_PAGE_CSP);
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).type('text/html; charset=utf-8').send(html);
}

const isReportField = (field: string | undefined): field is ReportField => (REPORT_FIELDS as readonly string[]).includes(field ?? '');

/** What the form sent, to show it again (text only; the form has no other kind of field). */
function sentValues(body: unknown): Partial<Record<ReportField, string>> {
  const values: Partial<Record<ReportField, string>> = {};
  if (!body || typeof body !== 'object') return values;
  for (const field of REPORT_FIELDS) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === 'string') values[field] = value.slice(0, 4000);
  }
  return values;
}

/**
 * Errors of the report intake: for a browser the form again with the errors beside their fields (400),
 * or the wait (429), or a plain error page; for everyone else the usual JSON (HttpErrorFilter).
 */
@Catch()
export class ReportFormErrorFilter implements ExceptionFilter {
  private readonly json = new HttpErrorFilter();

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (host.getType<string>() !== 'http' || !wantsHtml(req)) return this.json.catch(exception, host);
    const lang = langOf(req.query.lang);
    const body = toErrorBody(exception);
    const status = httpStatusFor(body.code);
    const values = sentValues(req.body);
    if (body.code === ErrorCode.TOO_MANY_REQUESTS) {
      sendPage(res, status, renderReportPage({ lang, values, retryAfter: Number(res.getHeader('Retry-After')) || 1 }));
      return undefined;
    }
    const errors: ReportFieldError[] = body.violations?.length
      ? body.violations.map((v) => {
          // The form asks for a handle or URL in one field; the intake may name the URL.
          const field = v.field === 'suspectUrl' ? 'suspectHandle' : v.field;
          if (!isReportField(field)) return { message: { nl: v.messageNl, en: v.message } };
          // The validation pipe's messages name properties; the intake's own ones are written for people already.
          return { field, message: v.code.startsWith('INVALID_') ? REPORT_FIELD_HELP[field] : ({ nl: v.messageNl, en: v.message } satisfies LocalizedText) };
        })
      : [{ message: { nl: body.messageNl, en: body.message } }];
    sendPage(res, status, renderReportPage({ lang, values, errors }));
    return undefined;
  }
}

/** The report form for the public web page and other systems: the same intake as the reportImpersonation mutation. */
@Controller('public')
export class PublicReportsController {
  constructor(
    private readonly reports: ImpersonationReportsService,
    private readonly throttle: ReportThrottle,
  ) {}

  /**
   * JSON (or the form, urlencoded) in; `{ reference, joined }` out (201), or for a browser that posted the
   * form a receipt page with the reference (201). Over the limit 429 with Retry-After.
   */
  @Public()
  @UseGuards(OptionalLoginGuard)
  @UseFilters(ReportFormErrorFilter)
  @Post('reports')
  @HttpCode(201)
  async report(@Ctx() ctx: RequestContext, @Body() body: ReportImpersonationArgs, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!ctx.user) await this.throttle.consume(ctx.ip, res);
    const receipt = await this.reports.report(ctx, body);
    if (wantsHtml(req)) {
      sendPage(res, 201, renderReportReceipt({ lang: langOf(req.query.lang), reference: receipt.reference, joined: receipt.joined }));
      return;
    }
    res.status(201).json({ reference: receipt.reference, joined: receipt.joined });
  }
}
