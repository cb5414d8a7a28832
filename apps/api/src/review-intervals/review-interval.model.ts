import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AccountKind } from '../common/graphql-enums';

@ObjectType('ReviewInterval', { description: 'How often an active account of one kind is reviewed; an account may override it.' })
export class ReviewIntervalModel {
  @Field(() => ID, { description: 'The kind, e.g. "CAMPAIGN".' }) id: string;
  @Field(() => AccountKind) kind: AccountKind;
  @Field(() => Int, { description: 'Calendar months between reviews (1 to 60).' }) months: number;
  @Field(() => Int, { description: 'Send it back with an update: a stale version is refused (VERSION_CONFLICT).' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
