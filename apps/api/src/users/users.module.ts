import { Module } from '@nestjs/common';
import { PasswordService } from '../auth/password.service';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({ imports: [OrgUnitsModule], providers: [UsersService, UsersResolver, PasswordService], exports: [UsersService, PasswordService] })
export class UsersModule {}
