import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<AuthUser> {
    const user = await this.auth.checkPassword(email, password);
    if (!user) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, {
        nl: 'E-mailadres of wachtwoord klopt niet.',
        en: 'E-mail address or password is incorrect.',
      });
    }
    return user;
  }
}
