import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('AuditEvent', { description: 'One change or login, as the append-only trail recorded it.' })
export class AuditEventModel {
  @Field(() => ID) id: string;
  @Field(() => Float, { description: 'Position in the hash chain, from 1.' }) seq: number;
  @Field() occurredAt: Date;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
  @Field(() => String, { nullable: true }) actorEmail: string | null;
  @Field(() => String, { nullable: true, description: 'The roles of the actor at the time, or SYSTEM.' }) actorRole: string | null;
  @Field({ description: 'e.g. social_account.updated, auth.login, user.roles_changed' }) action: string;
  @Field() entityType: string;
  @Field(() => String, { nullable: true }) entityId: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed fields before the change.' }) before: object | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed fields after the change.' }) after: object | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true }) requestId: string | null;
  @Field() prevHash: string;
  @Field() hash: string;
}

@ObjectType('AuditChainReport')
export class AuditChainReportModel {
  @Field() ok: boolean;
  @Field(() => Float) length: number;
  @Field() headHash: string;
  @Field(() => Float, { nullable: true, description: 'The first broken link.' }) brokenAt?: number;
  @Field(() => String, { nullable: true, description: 'MISSING_OR_OUT_OF_ORDER, BROKEN_LINK, ALTERED, NOT_SIGNED, CHECKPOINT_MISMATCH, TAIL_REMOVED or CHECKPOINT_NOT_SIGNED.' })
  problemCode?: string;
  @Field(() => String, { nullable: true }) problem?: string;
  @Field(() => String, { nullable: true }) problemNl?: string;
}

@ObjectType('AuditCheckpoint', { description: 'The chain head, signed: keep it outside ggsm to detect a removed tail later.' })
export class AuditCheckpointModel {
  @Field(() => Float) length: number;
  @Field() headHash: string;
  @Field() createdAt: string;
  @Field() mac: string;
}
