import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ORG_UNIT_KINDS } from '@ggsm/domain';
import { OrgUnitKind } from '../common/graphql-enums';
import { ListArgs } from '../common/list.args';

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
  @Field() @IsString() @Length(1, 200) name: string;
  @Field() @IsString() @Length(1, 30) shortCode: string;
  @Field(() => OrgUnitKind) @IsIn(ORG_UNIT_KINDS) kind: OrgUnitKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_]{0,20}$/) handlePrefix?: string | null;
}

@ArgsType()
export class UpdateOrgUnitArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 30) shortCode?: string;
  @Field(() => OrgUnitKind, { nullable: true }) @IsOptional() @IsIn(ORG_UNIT_KINDS) kind?: OrgUnitKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_]{0,20}$/) handlePrefix?: string | null;
}
