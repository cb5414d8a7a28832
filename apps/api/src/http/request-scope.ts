import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What every log line and error answer of one HTTP request can know about it. */
export interface RequestScope {
  /** The request: its `id`, and `user` once the access guard has checked the token. */
  req: { id?: unknown; ip?: string; user?: { id?: string } };
}

const scope = new AsyncLocalStorage<RequestScope>();

/** An incoming X-Request-Id is kept only when it is this harmless; anything else gets a fresh UUID. */
export const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** The id of the request being handled, or undefined outside a request (start-up, timers). */
export function currentRequestId(): string | undefined {
  const id = scope.getStore()?.req.id;
  return id === undefined || id === null ? undefined : String(id);
}

/** The request being handled (for the logger: its id, client address and, once known, the user). */
export function currentRequest(): RequestScope['req'] | undefined {
  return scope.getStore()?.req;
}

/**
 * First middleware of every request: gives it an id (`req.id`, read by the RequestContext and the
 * logs), answers it as `X-Request-Id`, and runs the rest of the request inside its scope.
 */
export function requestIdMiddleware(req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void): void {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  scope.run({ req: req as RequestScope['req'] }, next);
}
