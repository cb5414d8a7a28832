import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrgUnitKind } from '../common/graphql-enums';

@ObjectType('OrgUnit', { description: 'A unit of the organisation tree: municipality, service, department, team or subsidiary.' })
export class OrgUnitModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() shortCode: string;
  @Field(() => OrgUnitKind) kind: OrgUnitKind;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => String, { nullable: true, description: 'Handle prefix for personal-in-function accounts, e.g. "sdc".' })
  handlePrefix: string | null;
  @Field({ description: 'Names from the root down, joined with " > ".' }) path: string;
  @Field(() => Int) depth: number;
  @Field(() => Int, { description: 'Send it back with an update: a stale one is refused (VERSION_CONFLICT).' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
