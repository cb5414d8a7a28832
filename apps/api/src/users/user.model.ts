import { Field, ID, ObjectType } from '@nestjs/graphql';
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
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
