import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested, IsInt } from 'class-validator';
import { ROLES } from '@ggsm/domain';
import { Role } from '../common/graphql-enums';
import { ListArgs } from '../common/list.args';
import { IsOptionalNotNull, NotBlank } from '../common/validation.pipe';

@InputType('UserFilter')
export class UserFilter {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
  @Field(() => Role, { nullable: true }) @IsOptional() @IsIn(ROLES) role?: Role;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@ArgsType()
export class UserListArgs extends ListArgs {
  @Field(() => UserFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => UserFilter) filter?: UserFilter;
}

// Passphrases rather than composition rules (NIST SP 800-63B): long, any characters.
const PASSWORD = { min: 12, max: 256 };

@ArgsType()
export class CreateUserArgs {
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field() @IsString() @Length(1, 200) @NotBlank() displayName: string;
  @Field() @IsString() @Length(PASSWORD.min, PASSWORD.max) password: string;
  @Field(() => [Role]) @IsIn(ROLES, { each: true }) @ArrayMaxSize(5) roles: Role[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() scopeUnitId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() personId?: string | null;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsBoolean() active?: boolean;
}

@ArgsType()
export class UpdateUserArgs {
  @Field(() => Int, { description: 'The version the client saw; a stale one is refused with VERSION_CONFLICT.' }) @IsInt() version: number;
  @Field(() => ID) @IsUUID() id: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @Length(1, 200) @NotBlank() displayName?: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @Length(PASSWORD.min, PASSWORD.max) password?: string;
  @Field(() => [Role], { nullable: true }) @IsOptionalNotNull() @IsIn(ROLES, { each: true }) @ArrayMaxSize(5) roles?: Role[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() scopeUnitId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() personId?: string | null;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsBoolean() active?: boolean;
}
