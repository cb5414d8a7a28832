import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, IsUrl, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ACCOUNT_KINDS, ACCOUNT_PURPOSES, AUTOMATIC_CHECK_KEYS, NAMING_RULE_TYPES, type ChecklistMode as ChecklistModeT, type NamingRuleType as NamingRuleTypeT, type NamingSeverity as NamingSeverityT } from '@ggsm/domain';
import { AccountKind, AccountPurpose } from '../common/graphql-enums';
import { ListArgs } from '../common/list.args';
import { IsOptionalNotNull, NotBlank } from '../common/validation.pipe';
import { ChecklistMode, NamingRuleType, NamingSeverity } from '@ggsm/domain';

const KEY = /^[a-z][a-z0-9_]{1,59}$/;
const KEY_MESSAGE = '$property must be lowercase letters, digits and underscores, starting with a letter';

@InputType('NamingRuleScopeInput')
export class NamingRuleScopeInput {
  @Field(() => [String], { nullable: true }) @IsOptional() @IsString({ each: true }) @MaxLength(40, { each: true }) @ArrayMaxSize(50) platforms?: string[];
  @Field(() => [AccountKind], { nullable: true }) @IsOptional() @IsIn(ACCOUNT_KINDS, { each: true }) @ArrayMaxSize(20) kinds?: AccountKind[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(200) orgUnitIds?: string[];
}

@InputType('NamingRuleFilter')
export class NamingRuleFilter {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
  @Field(() => NamingRuleType, { nullable: true }) @IsOptional() @IsIn(NAMING_RULE_TYPES) type?: NamingRuleTypeT;
}

@ArgsType()
export class NamingRuleListArgs extends ListArgs {
  @Field(() => NamingRuleFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => NamingRuleFilter) filter?: NamingRuleFilter;
}

@ArgsType()
export class CreateNamingRuleArgs {
  @Field() @IsString() @Matches(KEY, { message: KEY_MESSAGE }) key: string;
  @Field(() => NamingRuleType) @IsIn(NAMING_RULE_TYPES) type: NamingRuleTypeT;
  @Field(() => NamingSeverity) @IsIn(Object.values(NamingSeverity)) severity: NamingSeverityT;
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsOptional() @IsObject() params?: Record<string, unknown>;
  @Field(() => NamingRuleScopeInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => NamingRuleScopeInput) scope?: NamingRuleScopeInput;
  @Field() @IsString() @Length(1, 500) @NotBlank() messageNl: string;
  @Field() @IsString() @Length(1, 500) @NotBlank() messageEn: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsBoolean() active?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptionalNotNull() @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}

@ArgsType()
export class UpdateNamingRuleArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() version: number;
  @Field(() => NamingRuleType, { nullable: true }) @IsOptionalNotNull() @IsIn(NAMING_RULE_TYPES) type?: NamingRuleTypeT;
  @Field(() => NamingSeverity, { nullable: true }) @IsOptionalNotNull() @IsIn(Object.values(NamingSeverity)) severity?: NamingSeverityT;
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsOptionalNotNull() @IsObject() params?: Record<string, unknown>;
  @Field(() => NamingRuleScopeInput, { nullable: true }) @IsOptionalNotNull() @ValidateNested() @Type(() => NamingRuleScopeInput) scope?: NamingRuleScopeInput;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @Length(1, 500) @NotBlank() messageNl?: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @Length(1, 500) @NotBlank() messageEn?: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsBoolean() active?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptionalNotNull() @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}

@InputType('ChecklistItemFilter')
export class ChecklistItemFilter {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
  @Field(() => ChecklistMode, { nullable: true }) @IsOptional() @IsIn(Object.values(ChecklistMode)) mode?: ChecklistModeT;
}

@ArgsType()
export class ChecklistItemListArgs extends ListArgs {
  @Field(() => ChecklistItemFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ChecklistItemFilter) filter?: ChecklistItemFilter;
}

@ArgsType()
export class ChecklistItemFieldsArgs {
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @Length(1, 200) @NotBlank() titleNl?: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @Length(1, 200) @NotBlank() titleEn?: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @MaxLength(2000) guidanceNl?: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @MaxLength(2000) guidanceEn?: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsBoolean() required?: boolean;
  @Field(() => ChecklistMode, { nullable: true }) @IsOptionalNotNull() @IsIn(Object.values(ChecklistMode)) mode?: ChecklistModeT;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(AUTOMATIC_CHECK_KEYS) checkKey?: string | null;
  @Field(() => [AccountKind], { nullable: true }) @IsOptionalNotNull() @IsIn(ACCOUNT_KINDS, { each: true }) @ArrayMaxSize(20) kinds?: AccountKind[];
  @Field(() => [String], { nullable: true }) @IsOptionalNotNull() @IsString({ each: true }) @MaxLength(40, { each: true }) @ArrayMaxSize(50) platforms?: string[];
  @Field(() => [AccountPurpose], { nullable: true }) @IsOptionalNotNull() @IsIn(ACCOUNT_PURPOSES, { each: true }) @ArrayMaxSize(10) purposes?: AccountPurpose[];
  @Field({ nullable: true }) @IsOptionalNotNull() @IsBoolean() active?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptionalNotNull() @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}

@ArgsType()
export class CreateChecklistItemArgs extends ChecklistItemFieldsArgs {
  @Field() @IsString() @Matches(KEY, { message: KEY_MESSAGE }) key: string;
  @Field() @IsString() @Length(1, 200) @NotBlank() declare titleNl: string;
  @Field() @IsString() @Length(1, 200) @NotBlank() declare titleEn: string;
  @Field(() => ChecklistMode) @IsIn(Object.values(ChecklistMode)) declare mode: ChecklistModeT;
}

@ArgsType()
export class UpdateChecklistItemArgs extends ChecklistItemFieldsArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() version: number;
}

@ArgsType()
export class CheckHandleArgs {
  @Field() @IsString() @Length(1, 40) platform: string;
  @Field() @IsString() @Length(1, 300) handle: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() orgUnitId?: string | null;
  @Field(() => AccountKind, { nullable: true }) @IsOptional() @IsIn(ACCOUNT_KINDS) kind?: AccountKind | null;
}

@ArgsType()
export class AttestChecklistItemArgs {
  @Field(() => ID) @IsUUID() accountId: string;
  @Field() @IsString() @Length(1, 60) itemKey: string;
  @Field() @IsBoolean() passed: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @MaxLength(2000) evidenceUrl?: string | null;
}

/** One lifecycle step: the account and the version the caller saw. */
@ArgsType()
export class StepArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int, { description: 'The version the caller saw; a stale one is refused with VERSION_CONFLICT.' }) @IsInt() version: number;
}

@ArgsType()
export class ReasonStepArgs extends StepArgs {
  @Field() @IsString() @Length(1, 2000) @NotBlank() reason: string;
}

@ArgsType()
export class CommentStepArgs extends StepArgs {
  @Field() @IsString() @Length(1, 2000) @NotBlank() comment: string;
}

@ArgsType()
export class OptionalReasonStepArgs extends StepArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) reason?: string | null;
}
