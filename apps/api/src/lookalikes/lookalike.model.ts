import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { HandleFuzzer } from '@ggsm/domain';
import { AccountStatus } from '../common/graphql-enums';

registerEnumType(HandleFuzzer, { name: 'HandleFuzzer', description: 'How a faker bends a handle.' });

@ObjectType('LookalikeReason', { description: 'One reason why a handle looks like another.' })
export class LookalikeReasonModel {
  @Field({ description: 'Stable: IDENTICAL, HOMOGLYPH, LOOKALIKE_CHARACTER, SEPARATOR_ADDED, AFFIX_ADDED, TRANSPOSITION…' }) code: string;
  @Field({ description: 'English: "0 in place of o".' }) message: string;
  @Field({ description: 'Dutch: "0 in plaats van o".' }) messageNl: string;
}

@ObjectType('LookalikeMatch', { description: 'One of our accounts a suspect handle passes for.' })
export class LookalikeMatchModel {
  @Field(() => ID) accountId: string;
  @Field({ description: 'Platform key.' }) platform: string;
  @Field() handle: string;
  @Field(() => String, { nullable: true }) displayName: string | null;
  @Field(() => AccountStatus) status: AccountStatus;
  @Field(() => Float, { description: '0..1; 1: the same skeleton (a reader cannot tell them apart).' }) score: number;
  @Field(() => [LookalikeReasonModel]) reasons: LookalikeReasonModel[];
}

@ObjectType('HandleVariant', { description: 'A handle a faker could register to pass for one of ours.' })
export class HandleVariantModel {
  @Field() handle: string;
  @Field({ description: 'Platform key (the account\'s).' }) platform: string;
  @Field(() => HandleFuzzer) fuzzer: HandleFuzzer;
  @Field({ description: 'The platform accepts this handle (its syntax): always true, variants it refuses are left out.' }) validOnPlatform: boolean;
  @Field({ description: 'Where the variant would live.' }) profileUrl: string;
  @Field({ description: 'Legal decided this handle is a known impersonator (the cases register).' }) knownImpersonator: boolean;
}
