import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { catchError, type Observable, tap, throwError } from 'rxjs';
import { isDomainError } from '@ggsm/domain';
import { logEvent } from '../common/logger';

const REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'TOO_MANY_REQUESTS']);

/**
 * One log line per GraphQL mutation with the BIO 8.15 fields: action (the mutation), object (the
 * record it touched), result (success, failure, refused), origin and actor (from the request) and
 * time. Only ids go into the line, never the input itself: it may hold personal data.
 */
@Injectable()
export class ChangeLogInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ operation: { operation: string }; fieldName: string; returnType: { toString(): string } }>();
    if (info.operation.operation !== 'mutation') return next.handle();
    const args = gql.getArgs<{ id?: unknown }>();
    const type = String(info.returnType).replace(/[!\[\]]/g, '');
    const objectOf = (id: unknown) => (id ? `${type}:${String(id)}` : type);
    return next.handle().pipe(
      tap((result: unknown) => {
        const id = (result as { id?: unknown } | null)?.id ?? args.id;
        logEvent({ action: info.fieldName, object: objectOf(id), result: 'success' });
      }),
      catchError((err: unknown) => {
        const code = isDomainError(err) ? err.code : 'INTERNAL_SERVER_ERROR';
        logEvent({ action: info.fieldName, object: objectOf(args.id), result: REFUSED.has(code) ? 'refused' : 'failure', details: { code } });
        return throwError(() => err);
      }),
    );
  }
}
