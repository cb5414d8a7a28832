import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { JWT_SECRET } from './auth.constants';
import type { AuthUser } from './auth-user';
import { UsersService } from '../users/users.service';

interface TokenPayload {
  sub: string;
  tv: number;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SECRET) secret: string,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /** A disabled user or a bumped token version ends the token at once. */
  async validate(payload: TokenPayload): Promise<AuthUser | false> {
    return (await this.users.authUserForToken(payload.sub, payload.tv)) ?? false;
  }
}
