import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** Paging and sorting in the ra-data-graphql-simple convention; page is zero-based. */
export const MAX_PER_PAGE = 500;

@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) page?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PER_PAGE) perPage?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() sortField?: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(['ASC', 'DESC', 'asc', 'desc']) sortOrder?: string;
}

@ObjectType()
export class ListMetadata {
  @Field(() => Int) count: number;
}

export interface Page {
  skip: number;
  take: number;
  order: 'ASC' | 'DESC';
}

export function pageOf(args: ListArgs, defaultPerPage = 25): Page {
  const take = args.perPage ?? defaultPerPage;
  return { skip: (args.page ?? 0) * take, take, order: args.sortOrder?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC' };
}
