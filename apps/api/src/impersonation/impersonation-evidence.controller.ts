import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode, type LocalizedText, Role } from '@ggsm/domain';
import { Allow } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { UuidPipe } from '../common/id.pipe';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import type { ImpersonationEvidenceModel } from './impersonation.model';
import { ImpersonationReportsService } from './impersonation-reports.service';

/** Screenshots are accepted only as what their bytes are, whatever the name or the declared type says. */
const ACCEPTED = new Set(['image/png', 'image/jpeg']);
const NOTE_MAX = 5000;

const bad = (field: string, code: string, message: LocalizedText) => new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field, code, message }]);

/** The multipart text fields, checked like any other input (the GraphQL validation pipe does not see them). */
function fieldsOf(body: unknown): { note: string | null; capturedAt: Date | null } {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => k !== 'note' && k !== 'capturedAt');
  if (extra.length) throw bad(extra[0] as string, 'FIELD_UNKNOWN', { nl: `Onbekend veld "${extra[0]}".`, en: `Unknown field "${extra[0]}".` });
  const note = typeof b.note === 'string' && b.note.trim() ? b.note.trim() : null;
  if (b.note !== undefined && typeof b.note !== 'string') throw bad('note', 'INVALID_IS_STRING', { nl: 'De notitie is geen tekst.', en: 'The note is not text.' });
  if (note && (note.length > NOTE_MAX || note.includes('\u0000'))) throw bad('note', 'NOTE_INVALID', { nl: `De notitie is te lang (hoogstens ${NOTE_MAX} tekens) of ongeldig.`, en: `The note is too long (at most ${NOTE_MAX} characters) or invalid.` });
  let capturedAt: Date | null = null;
  if (b.capturedAt !== undefined && b.capturedAt !== '') {
    capturedAt = typeof b.capturedAt === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(b.capturedAt) ? new Date(b.capturedAt) : new Date(NaN);
    const year = capturedAt.getUTCFullYear();
    if (Number.isNaN(capturedAt.getTime()) || year < 2000 || year >= 2200) throw bad('capturedAt', 'DATE_INVALID', { nl: 'Geef het moment als ISO-datum en -tijd.', en: 'Give the moment as an ISO date-time.' });
  }
  return { note, capturedAt };
}

@Controller('api')
export class ImpersonationEvidenceController {
  constructor(private readonly reports: ImpersonationReportsService) {}

  /**
   * multipart/form-data: `file` (PNG or JPEG, at most GGSM_EVIDENCE_MAX_BYTES), optional `note` and
   * `capturedAt`. The type is judged by the content (file-type); a refused file is not stored at all.
   */
  @Allow(Role.COMMUNICATIONS, Role.LEGAL)
  @Post('impersonation-reports/:id/evidence')
  @HttpCode(201)
  @UseInterceptors(EvidenceUploadInterceptor)
  async upload(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: unknown,
  ): Promise<ImpersonationEvidenceModel> {
    await this.reports.assertOpenForEvidence(ctx, id);
    if (!file?.buffer?.length) throw bad('file', 'EVIDENCE_FILE_REQUIRED', { nl: 'Stuur een schermafdruk in het veld "file".', en: 'Send a screenshot in the field "file".' });
    const { note, capturedAt } = fieldsOf(body);
    // file-type is ESM-only.
    const { fileTypeFromBuffer } = await import('file-type');
    const detected = await fileTypeFromBuffer(file.buffer);
    if (!detected || !ACCEPTED.has(detected.mime)) {
      const message = { nl: 'Alleen PNG- of JPEG-afbeeldingen worden aangenomen (beoordeeld op de inhoud).', en: 'Only PNG or JPEG images are accepted (judged by their content).' };
      throw new DomainError(ErrorCode.EVIDENCE_TYPE, message, [{ field: 'file', code: 'EVIDENCE_TYPE', message }]);
    }
    return this.reports.addFileEvidence(ctx, id, { buffer: file.buffer, originalName: file.originalname ?? '', mimeType: detected.mime }, note, capturedAt);
  }

  /** The screenshot as it was uploaded, as an attachment (never rendered in the API's own origin). */
  @Allow(Role.COMMUNICATIONS, Role.LEGAL, Role.AUDITOR)
  @Get('impersonation-evidence/:id')
  async download(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.reports.download(ctx, id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.content, { type: file.mimeType, disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
  }
}
