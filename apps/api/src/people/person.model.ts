import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Person', { description: 'An owner or contact of accounts. Personal data: never public.' })
export class PersonModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() email: string;
  @Field(() => String, { nullable: true }) jobTitle: string | null;
  @Field(() => ID, { nullable: true }) orgUnitId: string | null;
  @Field(() => Date, { nullable: true, description: 'When the five principles of "Handreiking Ambtenaar 2.0" were acknowledged.' })
  guidelinesAcknowledgedAt: Date | null;
  @Field() active: boolean;
  @Field(() => Int, { description: 'Send it back with an update: a stale one is refused (VERSION_CONFLICT).' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
