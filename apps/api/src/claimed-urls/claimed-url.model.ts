import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ClaimedUrlKind, ClaimedUrlPurpose, ClaimedUrlStatus, DomainFuzzer, ExpiryState } from './claimed-url.enums';

@ObjectType('ClaimedUrl', { description: 'A domain, subdomain, page or platform profile address the municipality holds.' })
export class ClaimedUrlModel {
  @Field(() => ID) id: string;
  @Field({ description: 'As entered.' }) value: string;
  @Field(() => ClaimedUrlKind) kind: ClaimedUrlKind;
  @Field({ description: 'The uniqueness key: hosts in ASCII (punycode), lower case, without www., port or query; "platform:handle" for a profile address.' })
  normalized: string;
  @Field({ description: 'normalized with the host in Unicode, for display.' }) valueUnicode: string;
  @Field({ description: 'ASCII.' }) host: string;
  @Field() hostUnicode: string;
  @Field({ description: 'The domain one registers (public suffix list, private suffixes included), ASCII.' }) registrableDomain: string;
  @Field() registrableDomainUnicode: string;
  @Field(() => ID, { nullable: true, description: 'PLATFORM_VANITY: the platform key.' }) platformId: string | null;
  @Field(() => String, { nullable: true, description: 'PLATFORM_VANITY: the handle as the platform compares it.' }) handle: string | null;
  @Field(() => ID) orgUnitId: string;
  @Field(() => ClaimedUrlPurpose) purpose: ClaimedUrlPurpose;
  @Field(() => String, { nullable: true }) registrar: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) registeredAt: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the last day the registration runs.' }) expiresAt: string | null;
  @Field() autoRenew: boolean;
  @Field(() => ClaimedUrlStatus) status: ClaimedUrlStatus;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => [ID], { description: 'The accounts this claim belongs to (those the caller may see).' }) accountIds: string[];
  @Field(() => ExpiryState, { nullable: true, description: 'OK, EXPIRING (90 days or fewer left), EXPIRED; null without an expiry date.' })
  expiryState: ExpiryState | null;
  @Field(() => Int, { nullable: true, description: 'Calendar days (UTC) until the expiry date: 0 on the day itself, negative after.' })
  daysUntilExpiry: number | null;
  @Field(() => Int, { nullable: true, description: 'The warning step that applies now (90, 60, 30, 14 or 7); null when none applies or the claim is not ACTIVE.' })
  warningThreshold: number | null;
  @Field(() => Int, { description: 'Send it back with an update: a stale version is refused (VERSION_CONFLICT).' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('DomainLookalike', { description: 'A domain a typosquatter could register to pass for one of ours.' })
export class DomainLookalikeModel {
  @Field({ description: 'ASCII (IDN as xn--), as registries know it.' }) domain: string;
  @Field({ description: 'For display: IDN labels in Unicode.' }) unicode: string;
  @Field(() => DomainFuzzer, { description: 'Which kind of typo made it.' }) fuzzer: DomainFuzzer;
  @Field({ description: 'We hold it already (an ACTIVE DOMAIN claim).' }) claimed: boolean;
}
