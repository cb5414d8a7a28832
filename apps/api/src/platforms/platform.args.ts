import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { PLATFORM_STATUSES } from '@ggsm/domain';
import { PlatformStatus } from '../common/graphql-enums';
import { ListArgs } from '../common/list.args';

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
  @Field(() => ID) @IsString() id: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @Field(() => PlatformStatus, { nullable: true }) @IsOptional() @IsIn(PLATFORM_STATUSES) status?: PlatformStatus;
}
