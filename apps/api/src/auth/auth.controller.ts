import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { Public } from './allow.decorator';
import type { AuthUser } from './auth-user';
import { AuthService, type LoginResult } from './auth.service';
import { LoginGuard } from './login.guard';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Password login (passport-local); answers `{ accessToken, user }`. */
  @Public()
  @UseGuards(LoginGuard)
  @Post('login')
  @HttpCode(200)
  login(@Req() req: { user: AuthUser }): Promise<LoginResult> {
    return this.auth.login(req.user);
  }
}
