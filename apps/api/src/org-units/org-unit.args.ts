import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested, IsInt } from 'class-validator';
import { ORG_UNIT_KINDS } from '@ggsm/domain';
import { OrgUnitKind } from '../common/graphql-enums';
import { ListArgs } from '../common/list.args';
import { IsOptionalNotNull, NotBlank } from '../common/validation.pipe';

@InputType('OrgUnitFilter')
export class OrgUnitFilter {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() parentId?: string;
  @Field(() => OrgUnitKind, { nullable: true }) @IsOptional() @IsIn(ORG_UNIT_KINDS) kind?: OrgUnitKind;
}

@ArgsType()
export class OrgUnitListArgs extends ListArgs {
  @Field(() => OrgUnitFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => OrgUnitFilter) filter?: OrgUnitFilter;
}

@ArgsType()
export class CreateOrgUnitArgs {
  @Field() @IsString() @Length(1, 200) @NotBlank() name: string;
  @Field() @IsString() @Length(1, 30) @NotBlank() shortCode: string;
  @Field(() => OrgUnitKind) @IsIn(ORG_UNIT_KINDS) kind: OrgUnitKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_]{0,20}$/) handlePrefix?: string | null;
}

@ArgsType()
export class UpdateOrgUnitArgs {
  @Field(() => Int, { description: 'The version the client saw; a stale one is refused with VERSION_CONFLICT.' }) @IsInt() version: number;
  @Field(() => ID) @IsUUID() id: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @Length(1, 200) @NotBlank() name?: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @Length(1, 30) @NotBlank() shortCode?: string;
  @Field(() => OrgUnitKind, { nullable: true }) @IsOptionalNotNull() @IsIn(ORG_UNIT_KINDS) kind?: OrgUnitKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_]{0,20}$/) handlePrefix?: string | null;
}
