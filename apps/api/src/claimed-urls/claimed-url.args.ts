import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateBy, ValidateNested } from 'class-validator';
import { CLAIMED_URL_KINDS, CLAIMED_URL_PURPOSES, CLAIMED_URL_STATUSES, EXPIRY_STATES } from '@ggsm/domain';
import { ListArgs } from '../common/list.args';
import { IsOptionalNotNull, NotBlank } from '../common/validation.pipe';
import { ClaimedUrlKind, ClaimedUrlPurpose, ClaimedUrlStatus, ExpiryState } from './claimed-url.enums';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day `YYYY-MM-DD` that exists (no 30 February), between 1985 (the first .com and .nl
 * registrations) and 2199: a registration date outside that is a typing error, not a fact.
 */
export const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        const m = DATE.exec(value);
        if (!m) return false;
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
        const date = new Date(Date.UTC(y, mo - 1, d));
        return y >= 1985 && y <= 2199 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
      },
      defaultMessage: () => '$property must be a date YYYY-MM-DD between 1985 and 2199',
    },
  });

/** Long enough for any URL people paste (2000 is what browsers and search engines keep), short enough to store. */
const MAX_VALUE = 2000;
const TEXT = 2000;
const MAX_ACCOUNTS = 50;

@InputType('ClaimedUrlFilter')
export class ClaimedUrlFilter {
  @Field({ nullable: true, description: 'Searches the value as entered, the normalised value (ASCII or Unicode) and the registrar.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(500) ids?: string[];
  @Field(() => ID, { nullable: true, description: 'The unit and every unit below it.' }) @IsOptional() @IsUUID() orgUnitId?: string;
  @Field(() => ID, { nullable: true, description: 'Claims linked to this account.' }) @IsOptional() @IsUUID() accountId?: string;
  @Field(() => ClaimedUrlPurpose, { nullable: true }) @IsOptional() @IsIn(CLAIMED_URL_PURPOSES) purpose?: ClaimedUrlPurpose;
  @Field(() => ClaimedUrlKind, { nullable: true }) @IsOptional() @IsIn(CLAIMED_URL_KINDS) kind?: ClaimedUrlKind;
  @Field(() => ClaimedUrlStatus, { nullable: true }) @IsOptional() @IsIn(CLAIMED_URL_STATUSES) status?: ClaimedUrlStatus;
  @Field(() => ExpiryState, { nullable: true, description: 'OK, EXPIRING (0 to 90 days left) or EXPIRED, by the expiry date (UTC); claims without one never match.' })
  @IsOptional()
  @IsIn(EXPIRY_STATES)
  expiryState?: ExpiryState;
  @Field(() => Int, { nullable: true, description: 'ACTIVE claims that expire today or within this many days (not those already expired).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  expiringWithinDays?: number;
}

@ArgsType()
export class ClaimedUrlListArgs extends ListArgs {
  @Field(() => ClaimedUrlFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ClaimedUrlFilter) filter?: ClaimedUrlFilter;
}

/** What the holder of a claim records besides the value itself. */
@ArgsType()
export class ClaimedUrlFieldsArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) registrar?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) @IsOptional() @IsCalendarDate() registeredAt?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the last day the registration runs.' }) @IsOptional() @IsCalendarDate() expiresAt?: string | null;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsBoolean() autoRenew?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(TEXT) notes?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The accounts this claim belongs to (replaces the list on update). A profile address is linked to its account by itself.' })
  @IsOptionalNotNull()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(MAX_ACCOUNTS)
  accountIds?: string[];
}

@ArgsType()
export class CreateClaimedUrlArgs extends ClaimedUrlFieldsArgs {
  @Field({ description: 'A domain, subdomain, URL or profile address, as the user writes it.' }) @IsString() @NotBlank() @Length(1, MAX_VALUE) value: string;
  @Field(() => ClaimedUrlKind, { nullable: true, description: 'Detected from the value when left out.' }) @IsOptional() @IsIn(CLAIMED_URL_KINDS) kind?: ClaimedUrlKind | null;
  @Field(() => ID) @IsUUID() orgUnitId: string;
  @Field(() => ClaimedUrlPurpose) @IsIn(CLAIMED_URL_PURPOSES) purpose: ClaimedUrlPurpose;
  @Field(() => ClaimedUrlStatus, { nullable: true, description: 'ACTIVE when left out.' }) @IsOptional() @IsIn(CLAIMED_URL_STATUSES) status?: ClaimedUrlStatus | null;
}

@ArgsType()
export class UpdateClaimedUrlArgs extends ClaimedUrlFieldsArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int, { description: 'The version the editor saw; a stale one is refused with VERSION_CONFLICT.' }) @IsInt() version: number;
  @Field({ nullable: true, description: 'A corrected value is normalised and checked again (URL_TAKEN).' }) @IsOptionalNotNull() @IsString() @NotBlank() @Length(1, MAX_VALUE) value?: string;
  @Field(() => ClaimedUrlKind, { nullable: true }) @IsOptionalNotNull() @IsIn(CLAIMED_URL_KINDS) kind?: ClaimedUrlKind;
  @Field(() => ID, { nullable: true }) @IsOptionalNotNull() @IsUUID() orgUnitId?: string;
  @Field(() => ClaimedUrlPurpose, { nullable: true }) @IsOptionalNotNull() @IsIn(CLAIMED_URL_PURPOSES) purpose?: ClaimedUrlPurpose;
  @Field(() => ClaimedUrlStatus, { nullable: true }) @IsOptionalNotNull() @IsIn(CLAIMED_URL_STATUSES) status?: ClaimedUrlStatus;
}

@ArgsType()
export class DomainLookalikesArgs {
  @Field({ description: 'A domain (or subdomain or URL: its registrable domain counts).' }) @IsString() @NotBlank() @MaxLength(300) domain: string;
  @Field(() => Int, { nullable: true, description: 'At most this many variants (default 200, at most 1000).' }) @IsOptional() @IsInt() @Min(1) @Max(1000) limit?: number;
}

@ArgsType()
export class ExpiringClaimedUrlsArgs {
  @Field(() => Int, { description: 'ACTIVE claims that expire today or within this many days, soonest first.' }) @IsInt() @Min(0) @Max(3650) withinDays: number;
}
