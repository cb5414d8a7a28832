import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '../common/graphql-enums';

@ObjectType('User', { description: 'A login. The password hash never leaves the server.' })
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => ID, { nullable: true, description: 'Editors see and change only this unit and the units below it.' })
  scopeUnitId: string | null;
  @Field(() => ID, { nullable: true }) personId: string | null;
  @Field() active: boolean;
  @Field(() => Date, { nullable: true }) lastLoginAt: Date | null;
  @Field(() => Int, { description: 'Send it back with an update: a stale one is refused (VERSION_CONFLICT).' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
