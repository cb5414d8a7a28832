import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested, IsInt } from 'class-validator';
import { PLATFORM_STATUSES } from '@ggsm/domain';
import { PlatformStatus } from '../common/graphql-enums';
import { ListArgs } from '../common/list.args';
import { IsOptionalNotNull, NotBlank } from '../common/validation.pipe';

@InputType('PlatformFilter')
export class PlatformFilter {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsString({ each: true }) ids?: string[];
  @Field(() => PlatformStatus, { nullable: true }) @IsOptional() @IsIn(PLATFORM_STATUSES) status?: PlatformStatus;
}

@ArgsType()
export class PlatformListArgs extends ListArgs {
  @Field(() => PlatformFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => PlatformFilter) filter?: PlatformFilter;
}

/** Handle rules are code (the domain library); an administrator manages name and status. */
@ArgsType()
export class UpdatePlatformArgs {
  @Field(() => Int, { description: 'The version the client saw; a stale one is refused with VERSION_CONFLICT.' }) @IsInt() version: number;
  @Field(() => ID) @IsString() id: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @Length(1, 100) @NotBlank() name?: string;
  @Field(() => PlatformStatus, { nullable: true }) @IsOptionalNotNull() @IsIn(PLATFORM_STATUSES) status?: PlatformStatus;
}
