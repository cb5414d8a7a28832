import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorCode } from '@ggsm/domain';

/** passport-local, with its "Missing credentials" turned into a clear input error. */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, {
        nl: 'Vul een e-mailadres en een wachtwoord in.',
        en: 'Enter an e-mail address and a password.',
      });
    }
    return user;
  }
}
