import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccountKind } from '../common/graphql-enums';

export { PUBLIC_FIELDS } from './public-fields';

// The public face's own types: built field by field from the allow-list PUBLIC_FIELDS (public-fields.ts),
// never from SocialAccountModel, so a column added to the register (owners, requester, notes…) cannot
// reach the public by accident. test/api/public.e2e.ts compares the schema with the allow-list.

export const VerificationStatus = {
  /** An ACTIVE account of the register. */
  OFFICIAL: 'OFFICIAL',
  /** An ARCHIVED account: it was ours until `formerUntil`. */
  FORMER: 'FORMER',
  /** Legal decided it is a fake that poses as one of ours. */
  KNOWN_IMPERSONATOR: 'KNOWN_IMPERSONATOR',
  /** Not in the register, or not (yet, or no longer) public: draft, submitted, rejected, suspended. */
  NOT_REGISTERED: 'NOT_REGISTERED',
} as const;
export type VerificationStatus = (typeof VerificationStatus)[keyof typeof VerificationStatus];
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });


@ObjectType('PublicUnit', { description: 'The organisation unit an official account belongs to.' })
export class PublicUnitModel {
  @Field({ description: 'E.g. "RO/EZ".' }) name: string;
  @Field({ description: 'Names from the root down, joined with " > ", e.g. "Gemeente Groningen > RO/EZ".' }) path: string;
}

@ObjectType('PublicAccount', { description: 'An official account as the public sees it: no owners, no internal data.' })
export class PublicAccountModel {
  @Field({ description: 'Platform key, e.g. "x".' }) platform: string;
  @Field({ description: 'Platform name, e.g. "X".' }) platformName: string;
  @Field({ description: 'As registered, e.g. "Stadsbeheer050".' }) handle: string;
  @Field(() => String, { nullable: true }) displayName: string | null;
  @Field(() => PublicUnitModel) unit: PublicUnitModel;
  @Field(() => AccountKind) kind: AccountKind;
  @Field({ description: 'Official since: the approval, or for accounts from before the policy, their registration.' }) since: Date;
  @Field() profileUrl: string;
}

@ObjectType('PublicReason', { description: 'Why a handle looks like an official one, in Dutch and English.' })
export class PublicReasonModel {
  @Field({ description: 'Stable code, e.g. HOMOGLYPH, SUBSTITUTION, AFFIX_ADDED, OTHER_PLATFORM.' }) code: string;
  @Field() nl: string;
  @Field() en: string;
}

@ObjectType('PublicLookalike', { description: 'An official account the asked handle looks like.' })
export class PublicLookalikeModel {
  @Field(() => PublicAccountModel) account: PublicAccountModel;
  @Field(() => [PublicReasonModel]) reasons: PublicReasonModel[];
}

@ObjectType('Verification', { description: 'Is this account really the municipality\'s?' })
export class VerificationModel {
  @Field(() => VerificationStatus) status: VerificationStatus;
  @Field({ description: 'Platform key of the asked account (aliases resolved: twitter is x).' }) platform: string;
  @Field({ description: 'The asked handle, normalised as the platform compares names.' }) handle: string;
  @Field(() => PublicAccountModel, { nullable: true, description: 'OFFICIAL and FORMER: the account.' }) account: PublicAccountModel | null;
  @Field(() => Date, { nullable: true, description: 'FORMER: archived at.' }) formerUntil: Date | null;
  @Field(() => PublicAccountModel, { nullable: true, description: 'KNOWN_IMPERSONATOR: the official account it poses as.' }) imitates: PublicAccountModel | null;
  @Field(() => [PublicLookalikeModel], { description: 'Official accounts this handle looks like (NOT_REGISTERED and KNOWN_IMPERSONATOR).' }) looksLike: PublicLookalikeModel[];
}

@ObjectType('PublicAccountList', { description: 'One page of the active official accounts (open data).' })
export class PublicAccountListModel {
  @Field(() => [PublicAccountModel]) items: PublicAccountModel[];
  @Field(() => Int, { description: 'All active accounts.' }) total: number;
  @Field(() => Int, { description: 'This page, from 1.' }) page: number;
  @Field(() => Int) perPage: number;
  @Field() hasNextPage: boolean;
}
