import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { httpStatusFor, toErrorBody } from './errors';

/**
 * REST routes answer errors as `{ error: { code, message, messageNl, violations? } }`; GraphQL has its
 * own formatter. Errors raised before Apollo runs on /graphql (body too large, malformed JSON) are
 * answered in GraphQL's shape, `{ errors: [{ message, extensions: { code, … } }] }`, so GraphQL
 * clients read them like any other error.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    // GraphQL errors go back to Apollo untouched: formatGraphQLError maps them.
    if (host.getType<string>() === 'graphql') return exception;
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    const body = toErrorBody(exception);
    const status = httpStatusFor(body.code);
    if (/^\/graphql\/?$/.test(req?.path ?? '')) {
      const { code, message, ...rest } = body;
      res.status(status).json({ errors: [{ message, extensions: { code, ...rest } }] });
    } else {
      res.status(status).json({ error: body });
    }
    return undefined;
  }
}
