import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { httpStatusFor, toErrorBody } from './errors';

/** REST routes answer errors as `{ error: { code, message, messageNl, violations? } }`; GraphQL has its own formatter. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    // GraphQL errors go back to Apollo untouched: formatGraphQLError maps them.
    if (host.getType<string>() === 'graphql') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(exception);
    res.status(httpStatusFor(body.code)).json({ error: body });
    return undefined;
  }
}
