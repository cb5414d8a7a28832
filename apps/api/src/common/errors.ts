import { HttpException, Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode, type LocalizedText, type Violation } from '@ggsm/domain';

// The one place where domain error codes become GraphQL `extensions.code` and HTTP statuses.
const HTTP_STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.HANDLE_TAKEN]: 409,
  [ErrorCode.URL_TAKEN]: 409,
  [ErrorCode.VERSION_CONFLICT]: 409,
  [ErrorCode.ILLEGAL_TRANSITION]: 409,
  [ErrorCode.CHECKLIST_INCOMPLETE]: 409,
  [ErrorCode.SELF_APPROVAL]: 403,
  TOO_MANY_REQUESTS: 429,
};

export const httpStatusFor = (code: string): number => HTTP_STATUS[code] ?? 500;

const INTERNAL: LocalizedText = {
  nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
  en: 'Something went wrong on our side. Please try again later.',
};

export interface ErrorBody {
  code: string;
  message: string;
  messageNl: string;
  violations?: { field?: string; code: string; message: string; messageNl: string }[];
}

const flatViolation = (v: Violation) => ({ field: v.field, code: v.code, message: v.message.en, messageNl: v.message.nl });

/** Client errors that are not DomainErrors: Nest's own HTTP exceptions (body parser, passport). */
function fromHttpException(err: HttpException): ErrorBody {
  const status = err.getStatus();
  const code =
    status === 401 ? ErrorCode.UNAUTHENTICATED
    : status === 403 ? ErrorCode.FORBIDDEN
    : status === 404 ? ErrorCode.NOT_FOUND
    : status === 429 ? 'TOO_MANY_REQUESTS'
    : status < 500 ? ErrorCode.BAD_USER_INPUT
    : 'INTERNAL_SERVER_ERROR';
  if (code === 'INTERNAL_SERVER_ERROR') return { code, message: INTERNAL.en, messageNl: INTERNAL.nl };
  const nl: Record<string, string> = {
    UNAUTHENTICATED: 'Log eerst in.',
    FORBIDDEN: 'U heeft geen toegang tot deze handeling.',
    NOT_FOUND: 'Niet gevonden.',
    TOO_MANY_REQUESTS: 'Te veel verzoeken; probeer het zo opnieuw.',
    BAD_USER_INPUT: 'Het verzoek is onjuist: ' + err.message,
  };
  return { code, message: err.message, messageNl: nl[code] ?? err.message };
}

const logger = new Logger('Errors');

/** Maps any thrown value to what a client may see; unknown errors are logged and hidden. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof DomainError) {
    const body: ErrorBody = { code: err.code, message: err.message, messageNl: err.messageNl };
    if (err.violations.length) body.violations = err.violations.map(flatViolation);
    return body;
  }
  if (err instanceof HttpException) return fromHttpException(err);
  logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL.en, messageNl: INTERNAL.nl };
}

/** Walks GraphQL's wrapping (locatedError, Nest) down to what the resolver threw. */
function originalOf(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  const seen = new Set<unknown>();
  while (current && typeof current === 'object' && current.originalError && !seen.has(current)) {
    seen.add(current);
    current = current.originalError as { originalError?: unknown };
  }
  return current;
}

/** Apollo `formatError`: stable codes, localised messages, never a stack trace. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  const fromGraphQL = original === undefined || (original as Error).name === 'GraphQLError';
  if (fromGraphQL) {
    // Parse, validation and variable-coercion errors from graphql-js itself: already safe to show.
    const code = String(formatted.extensions?.code ?? 'BAD_USER_INPUT');
    const safeCode = code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' ? 'BAD_USER_INPUT' : code;
    if (safeCode === 'INTERNAL_SERVER_ERROR') {
      logger.error(formatted.message);
      return { message: INTERNAL.en, path: formatted.path, extensions: { code: safeCode, messageNl: INTERNAL.nl } };
    }
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: safeCode, messageNl: formatted.message },
    };
  }
  const body = toErrorBody(original);
  const { code, message, ...rest } = body;
  return { message, path: formatted.path, extensions: { code, ...rest } };
}
