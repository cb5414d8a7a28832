import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode, type LocalizedText, type Violation } from '@ggsm/domain';
import { currentRequestId } from '../http/request-scope';
import { appLogger } from './logger';

/** A GraphQL operation over one of the limits (depth, aliases, directives, cost, tokens): HTTP 400. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';
/** A request body over GGSM_BODY_LIMIT: HTTP 413. */
export const PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE';
/** Apollo's answer to a request it will not run: batched, blocked as CSRF, no query: HTTP 400. */
export const BAD_REQUEST = 'BAD_REQUEST';
export const INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR';

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
  [ErrorCode.EVIDENCE_TYPE]: 415,
  [ErrorCode.EVIDENCE_TOO_LARGE]: 413,
  [QUERY_TOO_COMPLEX]: 400,
  [PAYLOAD_TOO_LARGE]: 413,
  [BAD_REQUEST]: 400,
};

export const httpStatusFor = (code: string): number => HTTP_STATUS[code] ?? 500;

/** The generic answer to a fault of ours: names the request id, so support can find the logged error. */
function internalText(requestId = currentRequestId()): LocalizedText {
  const ref = requestId ? { nl: ` (verzoek ${requestId})`, en: ` (request ${requestId})` } : { nl: '', en: '' };
  return {
    nl: `Er ging iets mis aan onze kant${ref.nl}. Probeer het later opnieuw.`,
    en: `Something went wrong on our side${ref.en}. Please try again later.`,
  };
}

export interface ErrorBody {
  code: string;
  message: string;
  messageNl: string;
  violations?: { field?: string; code: string; message: string; messageNl: string }[];
  /** Only on INTERNAL_SERVER_ERROR: the X-Request-Id under which the real error was logged. */
  requestId?: string;
}

const flatViolation = (v: Violation) => ({ field: v.field, code: v.code, message: v.message.en, messageNl: v.message.nl });

/** Logs what went wrong (with its stack and the request id) and returns what the client may see. */
function internalError(err: unknown): ErrorBody {
  const requestId = currentRequestId();
  appLogger.error({ err: err instanceof Error ? err : new Error(String(err)), reqId: requestId }, 'unexpected error');
  const text = internalText(requestId);
  return { code: INTERNAL_SERVER_ERROR, message: text.en, messageNl: text.nl, ...(requestId ? { requestId } : {}) };
}

/** Client errors that are not DomainErrors: Nest's own HTTP exceptions (body parser, passport). */
function fromHttpException(err: HttpException): ErrorBody {
  const status = err.getStatus();
  const code =
    status === 401 ? ErrorCode.UNAUTHENTICATED
    : status === 403 ? ErrorCode.FORBIDDEN
    : status === 404 ? ErrorCode.NOT_FOUND
    : status === 413 ? PAYLOAD_TOO_LARGE
    : status === 429 ? 'TOO_MANY_REQUESTS'
    : status < 500 ? ErrorCode.BAD_USER_INPUT
    : INTERNAL_SERVER_ERROR;
  if (code === INTERNAL_SERVER_ERROR) return internalError(err);
  if (code === PAYLOAD_TOO_LARGE) {
    return { code, message: 'The request is too large.', messageNl: 'Het verzoek is te groot.' };
  }
  const nl: Record<string, string> = {
    UNAUTHENTICATED: 'Log eerst in.',
    FORBIDDEN: 'U heeft geen toegang tot deze handeling.',
    NOT_FOUND: 'Niet gevonden.',
    TOO_MANY_REQUESTS: 'Te veel verzoeken; probeer het zo opnieuw.',
    BAD_USER_INPUT: 'Het verzoek is onjuist: ' + err.message,
  };
  return { code, message: err.message, messageNl: nl[code] ?? err.message };
}

/** Maps any thrown value to what a client may see; unknown errors are logged and hidden. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof DomainError) {
    const body: ErrorBody = { code: err.code, message: err.message, messageNl: err.messageNl };
    if (err.violations.length) body.violations = err.violations.map(flatViolation);
    return body;
  }
  if (err instanceof HttpException) return fromHttpException(err);
  return internalError(err);
}

// ---- GraphQL limits ----

export type QueryLimit = 'depth' | 'aliases' | 'directives' | 'cost' | 'tokens';

const LIMIT_TEXT: Record<QueryLimit, (max: number, found?: number) => LocalizedText> = {
  depth: (max, found) => ({
    en: `The query is nested too deeply: depth ${found}, at most ${max}.`,
    nl: `De opvraging is te diep genest: diepte ${found}, hoogstens ${max}.`,
  }),
  aliases: (max, found) => ({
    en: `The query uses too many aliases: ${found}, at most ${max}.`,
    nl: `De opvraging gebruikt te veel aliassen: ${found}, hoogstens ${max}.`,
  }),
  directives: (max, found) => ({
    en: `The query uses too many directives: ${found}, at most ${max}.`,
    nl: `De opvraging gebruikt te veel directives: ${found}, hoogstens ${max}.`,
  }),
  cost: (max, found) => ({
    en: `The query is too expensive: cost ${found}, at most ${max}.`,
    nl: `De opvraging is te zwaar: kosten ${found}, hoogstens ${max}.`,
  }),
  tokens: (max) => ({
    en: `The query is too long: more than ${max} tokens.`,
    nl: `De opvraging is te lang: meer dan ${max} tokens.`,
  }),
};

/** The error a limit reports: code QUERY_TOO_COMPLEX, which limit, its maximum and what was found. */
export function queryLimitError(limit: QueryLimit, max: number, found?: number): GraphQLError {
  const text = LIMIT_TEXT[limit](max, found);
  return new GraphQLError(text.en, {
    extensions: { code: QUERY_TOO_COMPLEX, limit, max, ...(found === undefined ? {} : { found }), messageNl: text.nl },
  });
}

// graphql-js's own token limit (parseOptions.maxTokens) answers with this syntax error.
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;

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

export interface GraphQLErrorFormatOptions {
  /** Strip graphql-js's "Did you mean …?" (production: the schema is not for anonymous eyes). */
  hideSuggestions?: boolean;
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Apollo `formatError`: stable codes, localised messages, never a stack trace. Errors of graphql-js
 * and Apollo themselves (parse, validation, limits, batching, CSRF) are safe to show; anything a
 * resolver threw that is not a DomainError is logged and answered as INTERNAL_SERVER_ERROR naming
 * the request id.
 */
export function createGraphQLErrorFormatter(options: GraphQLErrorFormatOptions = {}) {
  const clean = (text: string) => (options.hideSuggestions ? text.replace(SUGGESTION, '') : text);
  return function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = originalOf(error);
    if (original === undefined || original instanceof GraphQLError) {
      const ext = (formatted.extensions ?? {}) as Record<string, unknown>;
      const originalExt = (original instanceof GraphQLError ? original.extensions : {}) as Record<string, unknown>;
      if (originalExt.code === QUERY_TOO_COMPLEX || ext.limit !== undefined) {
        const { code: _code, ...limitExt } = { ...ext, ...originalExt };
        return { message: formatted.message, locations: formatted.locations, extensions: { ...limitExt, code: QUERY_TOO_COMPLEX } };
      }
      const tokens = TOKEN_LIMIT.exec(formatted.message);
      if (tokens) {
        const limit = queryLimitError('tokens', Number(tokens[1]));
        return { message: limit.message, extensions: limit.extensions };
      }
      // Parse, validation and variable-coercion errors from graphql-js itself: already safe to show.
      const code = String(ext.code ?? 'BAD_USER_INPUT');
      // graphql-js stops coercing variables after 50 errors with a plain Error: still the client's input.
      const tooManyVariableErrors = formatted.message.startsWith('Too many errors processing variables');
      const safeCode = code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || tooManyVariableErrors ? 'BAD_USER_INPUT' : code;
      if (safeCode === INTERNAL_SERVER_ERROR) {
        const body = internalError(new Error(formatted.message));
        return { message: body.message, path: formatted.path, extensions: { code: body.code, messageNl: body.messageNl, requestId: body.requestId } };
      }
      const message = clean(formatted.message);
      return {
        message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: safeCode, messageNl: typeof ext.messageNl === 'string' ? ext.messageNl : message },
      };
    }
    const body = toErrorBody(original);
    const { code, message, ...rest } = body;
    return { message, path: formatted.path, extensions: { code, ...rest } };
  };
}

/** The formatter with suggestions kept (development and tests). */
export const formatGraphQLError = createGraphQLErrorFormatter();
