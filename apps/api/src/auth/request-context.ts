import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from './auth-user';
import { requestOf } from './current-user.decorator';

/** What every service method receives first: who calls, and which request it is (for the audit trail and logs). */
export interface RequestContext {
  user?: AuthUser;
  requestId: string | null;
  ip: string | null;
}

export function contextOf(req: { user?: AuthUser; id?: unknown; ip?: string }): RequestContext {
  return { user: req.user, requestId: req.id ? String(req.id) : null, ip: req.ip ?? null };
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => contextOf(requestOf(context) as never));

/** A context for work the system does by itself (start-up, demo data). */
export const SYSTEM_CONTEXT: RequestContext = { requestId: null, ip: null };
