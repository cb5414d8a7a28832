import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEmail, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { ListArgs } from '../common/list.args';

@InputType('PersonFilter')
export class PersonFilter {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() orgUnitId?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@ArgsType()
export class PersonListArgs extends ListArgs {
  @Field(() => PersonFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => PersonFilter) filter?: PersonFilter;
}

@ArgsType()
export class CreatePersonArgs {
  @Field() @IsString() @Length(1, 200) name: string;
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) jobTitle?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() orgUnitId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() guidelinesAcknowledgedAt?: Date | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@ArgsType()
export class UpdatePersonArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) jobTitle?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() orgUnitId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() guidelinesAcknowledgedAt?: Date | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}
