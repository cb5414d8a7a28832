import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { NotBlank } from '../common/validation.pipe';

export const MAX_LOOKALIKE_MATCHES = 50;
export const DEFAULT_LOOKALIKE_MATCHES = 10;
export const MAX_HANDLE_VARIANTS = 1000;
export const DEFAULT_HANDLE_VARIANTS = 200;

@ArgsType()
export class LookalikesArgs {
  @Field({ description: 'Platform key (or alias: twitter for x).' }) @IsString() @NotBlank() @MaxLength(50) platform: string;
  @Field({ description: 'The suspect handle, as seen (with @, zero-width characters, look-alike letters…).' }) @IsString() @NotBlank() @MaxLength(300) handle: string;
  @Field(() => Int, { nullable: true, description: `At most this many matches, best first (default ${DEFAULT_LOOKALIKE_MATCHES}, at most ${MAX_LOOKALIKE_MATCHES}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LOOKALIKE_MATCHES)
  limit?: number;
  @Field({ nullable: true, description: 'Also our accounts on other platforms (default false).' }) @IsOptional() @IsBoolean() crossPlatform?: boolean;
}

@ArgsType()
export class HandleLookalikesArgs {
  @Field(() => ID) @IsUUID() accountId: string;
  @Field(() => Int, { nullable: true, description: `At most this many variants (default ${DEFAULT_HANDLE_VARIANTS}, at most ${MAX_HANDLE_VARIANTS}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HANDLE_VARIANTS)
  limit?: number;
}
