import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ListArgs } from '../common/list.args';

export const MIN_REVIEW_MONTHS = 1;
export const MAX_REVIEW_MONTHS = 60;

@InputType('ReviewIntervalFilter')
export class ReviewIntervalFilter {
  @Field({ nullable: true, description: 'Part of the kind.' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsString({ each: true }) @MaxLength(40, { each: true }) ids?: string[];
}

@ArgsType()
export class ReviewIntervalListArgs extends ListArgs {
  @Field(() => ReviewIntervalFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ReviewIntervalFilter) filter?: ReviewIntervalFilter;
}

/** The seven kinds are fixed: no create, no delete; Communications changes the months. */
@ArgsType()
export class UpdateReviewIntervalArgs {
  @Field(() => ID, { description: 'The kind, e.g. "CAMPAIGN".' }) @IsString() @MaxLength(40) id: string;
  @Field(() => Int, { description: 'The version the client saw; a stale one is refused with VERSION_CONFLICT.' }) @IsInt() version: number;
  @Field(() => Int, { description: 'Calendar months between reviews, 1 to 60.' }) @IsInt() @Min(MIN_REVIEW_MONTHS) @Max(MAX_REVIEW_MONTHS) months: number;
}
