import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * Reads one multipart upload (field `file`, plus the text fields `note` and `capturedAt`) into memory,
 * after the access guard has let the caller in. Larger than GGSM_EVIDENCE_MAX_BYTES: EVIDENCE_TOO_LARGE,
 * and multer stops reading, so nothing is kept.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly upload: RequestHandler;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.upload = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: config.evidenceMaxBytes, files: 1, fields: 4, fieldSize: 10_000, parts: 6, headerPairs: 50 },
    }).single('file') as unknown as RequestHandler;
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    await new Promise<void>((resolve, reject) => this.upload(req, res, (err?: unknown) => (err ? reject(this.toDomainError(err)) : resolve())));
    return next.handle();
  }

  private toDomainError(err: unknown): DomainError {
    const code = (err as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') {
      const mb = (this.config.evidenceMaxBytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 });
      const message = { nl: `Het bestand is te groot: hoogstens ${mb.replace('.', ',')} MB.`, en: `The file is too large: at most ${mb} MB.` };
      return new DomainError(ErrorCode.EVIDENCE_TOO_LARGE, message, [{ field: 'file', code: 'EVIDENCE_TOO_LARGE', message }]);
    }
    const message = { nl: 'Het verzoek is geen geldige upload: stuur één bestand in het veld "file".', en: 'The request is not a valid upload: send one file in the field "file".' };
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'file', code: code ? `UPLOAD_${code}` : 'UPLOAD_INVALID', message }]);
  }
}
