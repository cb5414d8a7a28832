import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { AllowAnyLogin, Public } from './allow.decorator';
import type { AuthUser } from './auth-user';
import { AuthService, type LoginResult } from './auth.service';
import { LoginGuard } from './login.guard';
import { Ctx, type RequestContext } from './request-context';
import { UsersService } from '../users/users.service';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** Password login (passport-local); answers `{ accessToken, user }`. */
  @Public()
  @UseGuards(LoginGuard)
  @Post('login')
  @HttpCode(200)
  login(@Ctx() ctx: RequestContext, @Req() req: { user: AuthUser }): Promise<LoginResult> {
    return this.auth.login(ctx, req.user, 'password');
  }

  /** Ends every token of the caller at once, on every device. */
  @AllowAnyLogin()
  @Post('logout')
  @HttpCode(204)
  async logout(@Ctx() ctx: RequestContext): Promise<void> {
    await this.users.logout(ctx);
  }
}
