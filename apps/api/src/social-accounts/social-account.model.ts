import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AccountKind, AccountPurpose, AccountStatus } from '../common/graphql-enums';

@ObjectType('SocialAccount', { description: 'An official social media account of the municipality.' })
export class SocialAccountModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'Platform key, e.g. "x".' }) platformId: string;
  @Field({ description: 'As written, e.g. "Stadsbeheer050".' }) handle: string;
  @Field({ description: 'The form the platform treats as equal; unique per platform for ever.' }) normalizedHandle: string;
  @Field(() => String, { nullable: true }) displayName: string | null;
  @Field() profileUrl: string;
  @Field(() => ID) orgUnitId: string;
  @Field(() => AccountKind) kind: AccountKind;
  @Field(() => [AccountPurpose]) purposes: AccountPurpose[];
  @Field(() => String, { nullable: true }) bio: string | null;
  @Field(() => String, { nullable: true }) openingHours: string | null;
  @Field(() => String, { nullable: true }) responseTime: string | null;
  @Field(() => [String]) languages: string[];
  @Field(() => String, { nullable: true }) autoPostingSource: string | null;
  @Field(() => String, { nullable: true }) archivingArrangement: string | null;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => ID, { nullable: true }) primaryOwnerId: string | null;
  @Field(() => [ID]) backupOwnerIds: string[];
  @Field(() => AccountStatus) status: AccountStatus;
  @Field({ description: 'Predates the 2011 policy note: official, not held to today\'s naming rules.' }) legacy: boolean;
  @Field(() => Int, { nullable: true, description: "This account's own review interval in months; null: the interval of its kind." }) reviewIntervalMonths: number | null;
  // Filled by a field resolver in the review-intervals module (the kinds' intervals are read once per request).
  @Field(() => Int, { description: 'The review interval that applies: reviewIntervalMonths, or else the interval of the kind.' }) effectiveReviewIntervalMonths?: number;
  @Field(() => Date, { nullable: true }) lastReviewedAt: Date | null;
  @Field(() => Date, { nullable: true }) nextReviewAt: Date | null;
  @Field(() => ID, { nullable: true }) requestedById: string | null;
  @Field(() => Date, { nullable: true }) requestedAt: Date | null;
  @Field(() => ID, { nullable: true }) approvedById: string | null;
  @Field(() => Date, { nullable: true }) approvedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why naming ERRORs do not block this account (recorded by Communications).' }) namingWaiverReason: string | null;
  @Field(() => ID, { nullable: true }) namingWaivedById: string | null;
  @Field(() => Date, { nullable: true }) namingWaivedAt: Date | null;
  @Field(() => Int, { description: 'Send it back with an update: a stale version is refused (VERSION_CONFLICT).' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  // Filled by a field resolver in the governance module.
  @Field(() => [String], { description: 'Signals: DEFUNCT_PLATFORM, TOO_FEW_OWNERS, REVIEW_OVERDUE, NAMING_ERROR.' }) flags?: string[];
}
