import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { requestOf } from '../auth/current-user.decorator';

/**
 * For @Public handlers that treat staff differently: no Authorization header is an anonymous caller;
 * a bearer token is checked exactly as the access guard does (signature, expiry, active user), and a bad
 * one is refused (UNAUTHENTICATED) rather than silently treated as anonymous.
 */
@Injectable()
export class OptionalLoginGuard extends AuthGuard('jwt') {
  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!requestOf(context).headers.authorization) return true;
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err instanceof DomainError) throw err;
    if (err || !user) throw new DomainError(ErrorCode.UNAUTHENTICATED, { nl: 'Uw inlogsessie is niet (meer) geldig.', en: 'Your login is not valid (any more).' });
    return user;
  }
}
