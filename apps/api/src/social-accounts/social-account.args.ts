import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ACCOUNT_KINDS, ACCOUNT_PURPOSES, ACCOUNT_STATUSES } from '@ggsm/domain';
import { AccountKind, AccountPurpose, AccountStatus } from '../common/graphql-enums';
import { ListArgs } from '../common/list.args';
import { IsOptionalNotNull } from '../common/validation.pipe';

export const SQL_FLAGS = ['DEFUNCT_PLATFORM', 'TOO_FEW_OWNERS', 'REVIEW_OVERDUE'] as const;

@InputType('SocialAccountFilter')
export class SocialAccountFilter {
  @Field({ nullable: true, description: 'Searches handle and display name.' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) platformId?: string;
  @Field(() => AccountStatus, { nullable: true }) @IsOptional() @IsIn(ACCOUNT_STATUSES) status?: AccountStatus;
  @Field(() => AccountKind, { nullable: true }) @IsOptional() @IsIn(ACCOUNT_KINDS) kind?: AccountKind;
  @Field(() => ID, { nullable: true, description: 'The unit and every unit below it.' }) @IsOptional() @IsUUID() orgUnitId?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() legacy?: boolean;
  @Field({ nullable: true, description: 'ACTIVE accounts whose next review date is missing or past (true), or the others (false).' }) @IsOptional() @IsBoolean() reviewOverdue?: boolean;
  @Field({ nullable: true, description: 'One of DEFUNCT_PLATFORM, TOO_FEW_OWNERS, REVIEW_OVERDUE (NAMING_ERROR is not filterable).' }) @IsOptional() @IsIn(SQL_FLAGS) flag?: string;
}

@ArgsType()
export class SocialAccountListArgs extends ListArgs {
  @Field(() => SocialAccountFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => SocialAccountFilter) filter?: SocialAccountFilter;
}

const TEXT = 2000;

/** The fields a department fills in; status, approval and audit fields are never input. */
@ArgsType()
export class SocialAccountFieldsArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) displayName?: string | null;
  @Field(() => [AccountPurpose], { nullable: true }) @IsOptionalNotNull() @IsIn(ACCOUNT_PURPOSES, { each: true }) @ArrayMaxSize(5) purposes?: AccountPurpose[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(TEXT) bio?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) openingHours?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) responseTime?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptionalNotNull() @Matches(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, { each: true, message: 'languages must be language codes such as nl, en or fy' }) @ArrayMaxSize(10) languages?: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) autoPostingSource?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(TEXT) archivingArrangement?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(TEXT) notes?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() primaryOwnerId?: string | null;
  @Field(() => [ID], { nullable: true }) @IsOptionalNotNull() @IsUUID('all', { each: true }) @ArrayMaxSize(10) backupOwnerIds?: string[];
  @Field({ nullable: true }) @IsOptionalNotNull() @IsBoolean() legacy?: boolean;
  // Nullable on purpose: an explicit null clears the override, and the account follows its kind again.
  @Field(() => Int, { nullable: true, description: 'Months between reviews of this account; null: the interval of its kind.' }) @IsOptional() @IsInt() @Min(1) @Max(60) reviewIntervalMonths?: number | null;
}

@ArgsType()
export class CreateSocialAccountArgs extends SocialAccountFieldsArgs {
  @Field(() => ID) @IsString() @Length(1, 40) platformId: string;
  @Field({ description: 'Handle, @handle or the profile URL.' }) @IsString() @Length(1, 300) handle: string;
  @Field(() => ID) @IsUUID() orgUnitId: string;
  @Field(() => AccountKind) @IsIn(ACCOUNT_KINDS) kind: AccountKind;
}

@ArgsType()
export class UpdateSocialAccountArgs extends SocialAccountFieldsArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int, { description: 'The version the editor saw; a stale one is refused with VERSION_CONFLICT.' }) @IsInt() version: number;
  @Field(() => ID, { nullable: true }) @IsOptionalNotNull() @IsString() @Length(1, 40) platformId?: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @Length(1, 300) handle?: string;
  @Field(() => ID, { nullable: true }) @IsOptionalNotNull() @IsUUID() orgUnitId?: string;
  @Field(() => AccountKind, { nullable: true }) @IsOptionalNotNull() @IsIn(ACCOUNT_KINDS) kind?: AccountKind;
}
