import { Type } from 'class-transformer';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Longest handle any platform allows (a Bluesky or Yammer host name), with room for `@` and spaces. */
const MAX_HANDLE = 300;
/** What browsers and search engines keep of a URL. */
const MAX_URL = 2000;

export const PUBLIC_PER_PAGE = { default: 100, max: 500 } as const;
/** Far beyond the register's size; keeps OFFSET cheap. */
const MAX_PAGE = 100_000;

/** The questions' longest values, in REST and GraphQL alike (the short paths check the same: lean-verify.middleware.ts). */
export const VERIFY_QUERY_MAX_LENGTH = { platform: 40, handle: MAX_HANDLE, url: MAX_URL } as const;

@ArgsType()
export class VerifyAccountArgs {
  @Field({ description: 'Platform key or alias: x, twitter, facebook, instagram, …' }) @IsString() @MaxLength(VERIFY_QUERY_MAX_LENGTH.platform) platform: string;
  @Field({ description: 'Handle, @handle or a profile URL of that platform.' }) @IsString() @MaxLength(VERIFY_QUERY_MAX_LENGTH.handle) handle: string;
}

@ArgsType()
export class VerifyProfileUrlArgs {
  @Field({ description: 'A profile URL, e.g. https://x.com/Stadsbeheer050 (www., m., query strings and old domains are understood).' })
  @IsString()
  @MaxLength(VERIFY_QUERY_MAX_LENGTH.url)
  url: string;
}

@ArgsType()
export class PublicAccountsArgs {
  @Field(() => Int, { nullable: true, description: 'From 1; default 1.' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @Field(() => Int, { nullable: true, description: `Default ${PUBLIC_PER_PAGE.default}, at most ${PUBLIC_PER_PAGE.max}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PUBLIC_PER_PAGE.max)
  perPage?: number;
}

/** GET /public/verify: `platform` + `handle`, or `url` (or a URL in `handle` without a platform). */
export class VerifyQuery {
  @IsOptional() @IsString() @MaxLength(VERIFY_QUERY_MAX_LENGTH.platform) platform?: string;
  @IsOptional() @IsString() @MaxLength(VERIFY_QUERY_MAX_LENGTH.handle) handle?: string;
  @IsOptional() @IsString() @MaxLength(VERIFY_QUERY_MAX_LENGTH.url) url?: string;
}

/** GET /public/accounts.json and .csv. */
export class PublicAccountsQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(PUBLIC_PER_PAGE.max) perPage?: number;
}
