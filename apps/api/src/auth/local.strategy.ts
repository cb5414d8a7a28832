import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login-throttle';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(req: Request, email: unknown, password: unknown): Promise<AuthUser> {
    if (typeof email !== 'string' || typeof password !== 'string' || email.length > 254 || password.length > 1024) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, {
        nl: 'Vul een e-mailadres en een wachtwoord in, allebei als tekst.',
        en: 'Enter an e-mail address and a password, both as text.',
      });
    }
    const ip = req.ip ?? null;
    await this.throttle.before(email, ip, req.res);
    const user = await this.auth.checkPassword(email, password);
    if (!user) {
      await this.throttle.failed(email, ip);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, {
        nl: 'E-mailadres of wachtwoord klopt niet.',
        en: 'E-mail address or password is incorrect.',
      });
    }
    await this.throttle.succeeded(email);
    return user;
  }
}
