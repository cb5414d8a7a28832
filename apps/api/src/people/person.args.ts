import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEmail, IsInt, IsOptional, IsString, IsUUID, Length, MaxDate, MaxLength, MinDate, ValidateNested } from 'class-validator';
import { ListArgs } from '../common/list.args';
import { IsOptionalNotNull, NotBlank } from '../common/validation.pipe';

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
  @Field() @IsString() @Length(1, 200) @NotBlank() name: string;
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) jobTitle?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() orgUnitId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() @MinDate(new Date('2000-01-01T00:00:00Z')) @MaxDate(new Date('2200-01-01T00:00:00Z')) guidelinesAcknowledgedAt?: Date | null;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsBoolean() active?: boolean;
}

@ArgsType()
export class UpdatePersonArgs {
  @Field(() => Int, { description: 'The version the client saw; a stale one is refused with VERSION_CONFLICT.' }) @IsInt() version: number;
  @Field(() => ID) @IsUUID() id: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsString() @Length(1, 200) @NotBlank() name?: string;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsEmail() @MaxLength(254) email?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) jobTitle?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() orgUnitId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() @MinDate(new Date('2000-01-01T00:00:00Z')) @MaxDate(new Date('2200-01-01T00:00:00Z')) guidelinesAcknowledgedAt?: Date | null;
  @Field({ nullable: true }) @IsOptionalNotNull() @IsBoolean() active?: boolean;
}
