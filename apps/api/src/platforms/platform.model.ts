import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PlatformStatus } from '../common/graphql-enums';

@ObjectType('Platform', { description: 'A social media platform in the catalogue; its id is its key (x, facebook, …).' })
export class PlatformModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field(() => PlatformStatus) status: PlatformStatus;
  @Field() profileUrlTemplate: string;
  @Field({ description: 'The handle rules in Dutch.' }) syntaxNl: string;
  @Field({ description: 'The handle rules in English.' }) syntaxEn: string;
  @Field(() => Int, { description: 'Registered accounts on this platform, whatever their status.' }) accountCount: number;
  @Field(() => Int, { description: 'Send it back with an update: a stale one is refused (VERSION_CONFLICT).' }) version: number;
}
