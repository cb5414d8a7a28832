import { Type } from 'class-transformer';
import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { ListArgs } from '../common/list.args';

export const AUDITED_ENTITY_TYPES = ['SocialAccount', 'OrgUnit', 'Person', 'Platform', 'User', 'NamingRule', 'ChecklistItem', 'ReviewInterval', 'ClaimedUrl', 'ImpersonationReport'] as const;
export type AuditedEntityType = (typeof AUDITED_ENTITY_TYPES)[number];

@InputType('AuditEventFilter')
export class AuditEventFilter {
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() actorUserId?: string;
  @Field({ nullable: true, description: 'Part of the actor e-mail.' }) @IsOptional() @IsString() @MaxLength(254) q?: string;
  @Field({ nullable: true, description: 'Exact action, or a prefix ending in a dot: "social_account."' })
  @IsOptional()
  @Matches(/^[a-z_]+(\.[a-z_]*)?$/, { message: 'action is a name such as social_account.updated' })
  action?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) entityType?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) entityId?: string;
  @Field({ nullable: true, description: 'From this moment (inclusive).' }) @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @Field({ nullable: true, description: 'Before this moment.' }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
}

@ArgsType()
export class AuditEventListArgs extends ListArgs {
  @Field(() => AuditEventFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => AuditEventFilter) filter?: AuditEventFilter;
}

@ArgsType()
export class AuditHistoryArgs {
  @Field(() => String) @IsIn(AUDITED_ENTITY_TYPES) entityType: AuditedEntityType;
  @Field(() => ID) @IsString() @MaxLength(100) entityId: string;
}

@InputType('AuditCheckpointInput')
export class AuditCheckpointInput {
  @Field(() => Float) @IsInt() @Min(1) length: number;
  @Field() @Matches(/^[0-9a-f]{64}$/) headHash: string;
  @Field() @IsString() @MaxLength(40) createdAt: string;
  @Field() @Matches(/^[0-9a-f]{64}$/) mac: string;
}

@ArgsType()
export class VerifyAuditChainArgs {
  @Field(() => [AuditCheckpointInput], { nullable: true, description: 'Checkpoints exported earlier: a removed tail shows against them.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AuditCheckpointInput)
  checkpoints?: AuditCheckpointInput[];
}
