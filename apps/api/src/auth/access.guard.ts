import { type ExecutionContext, Injectable } from '@nestjs/common';
import { logEvent } from '../common/logger';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorCode, type Role } from '@ggsm/domain';
import { ALLOW_KEY, ANY_LOGIN, PUBLIC_KEY } from './allow.decorator';
import type { AuthUser } from './auth-user';
import { requestOf } from './current-user.decorator';

const UNAUTHENTICATED = { nl: 'Log eerst in.', en: 'Please log in first.' };

/** Global guard: verifies the JWT, then the roles the handler declared with @Allow. Fails closed. */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    await super.canActivate(context);
    const user = requestOf(context).user as AuthUser;
    const allowed = this.reflector.getAllAndOverride<(Role | typeof ANY_LOGIN)[] | undefined>(ALLOW_KEY, targets);
    if (allowed?.includes(ANY_LOGIN)) return true;
    if (!allowed || !user.roles.some((r) => allowed.includes(r))) {
      const req = requestOf(context) as { id?: unknown; ip?: string };
      logEvent({
        action: 'authorisation',
        object: context.getHandler().name,
        result: 'refused',
        actor: user.id,
        origin: req.ip ?? null,
        details: { roles: user.roles, requestId: req.id ? String(req.id) : null },
      });
      throw new DomainError(ErrorCode.FORBIDDEN, {
        nl: 'U heeft geen toegang tot deze handeling.',
        en: 'You are not allowed to do this.',
      });
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err instanceof DomainError) throw err;
    if (err || !user) throw new DomainError(ErrorCode.UNAUTHENTICATED, UNAUTHENTICATED);
    return user;
  }
}
