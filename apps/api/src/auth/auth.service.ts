import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { AuthUser } from './auth-user';
import type { RequestContext } from './request-context';
import { logEvent } from '../common/logger';
import { UsersService } from '../users/users.service';
import { PasswordService } from './password.service';

export interface LoginResult {
  accessToken: string;
  user: AuthUser;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async checkPassword(email: string, password: string): Promise<AuthUser | undefined> {
    const found = await this.users.findForLogin(email);
    const ok = await this.passwords.verify(found?.passwordHash ?? null, password);
    if (!ok || !found || !found.active) return undefined;
    return this.users.toAuthUser(found);
  }

  /** Issues a token for a checked user, and records the login in the audit trail. */
  async login(ctx: RequestContext, user: AuthUser, method: 'password' | 'sso' = 'password'): Promise<LoginResult> {
    const tokenVersion = await this.users.recordLogin(ctx, user, method);
    logEvent({ action: 'login', object: `User:${user.id}`, result: 'success', actor: user.id, origin: ctx.ip, details: { method } });
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, tv: tokenVersion },
      { algorithm: 'HS256', expiresIn: this.config.jwtTtlSeconds },
    );
    return { accessToken, user };
  }
}
