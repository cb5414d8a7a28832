import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxDate, MaxLength, MinDate, ValidateIf, ValidateNested } from 'class-validator';
import { DISMISSAL_REASONS, IMPERSONATION_SOURCES, IMPERSONATION_STATES, LEGAL_DECISIONS, TAKEDOWN_OUTCOMES } from '@ggsm/domain';
import { ListArgs } from '../common/list.args';
import { NotBlank } from '../common/validation.pipe';
import { DismissalReason, ImpersonationSource, ImpersonationState, LegalDecision, TakedownOutcome } from './impersonation.enums';

const TEXT = 5000;
const SHORT = 300;
const URL_MAX = 2000;
/** A web form sends an empty field as "": that is no contact detail, not a wrong one. */
/** Social media fakers are a 21st-century problem; a date before 2000 is a typing error (and PostgreSQL's range is finite). */
const SINCE = new Date('2000-01-01T00:00:00Z');
const UNTIL = new Date('2200-01-01T00:00:00Z');
const IsOptionalOrEmpty = () => ValidateIf((_: unknown, v: unknown) => v !== undefined && v !== null && v !== '');

@InputType('ImpersonationReportFilter')
export class ImpersonationReportFilter {
  @Field({ nullable: true, description: 'Reference, suspect handle, display name or URL, description.' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(500) ids?: string[];
  @Field(() => ImpersonationState, { nullable: true }) @IsOptional() @IsIn(IMPERSONATION_STATES) state?: ImpersonationState;
  @Field(() => [ImpersonationState], { nullable: true, description: 'Any of these states (a queue).' })
  @IsOptional()
  @IsIn(IMPERSONATION_STATES, { each: true })
  @ArrayMaxSize(20)
  states?: ImpersonationState[];
  @Field({ nullable: true, description: 'true: not CLOSED or DISMISSED; false: CLOSED or DISMISSED.' }) @IsOptional() @IsBoolean() open?: boolean;
  @Field({ nullable: true, description: 'Past the time limit of its state (working days).' }) @IsOptional() @IsBoolean() overdue?: boolean;
  @Field(() => ID, { nullable: true, description: 'The confirmed imitated account, or before triage the suggested one.' }) @IsOptional() @IsUUID() imitatedAccountId?: string;
  @Field({ nullable: true, description: 'Platform key.' }) @IsOptional() @IsString() @MaxLength(40) platform?: string;
  @Field(() => ImpersonationSource, { nullable: true }) @IsOptional() @IsIn(IMPERSONATION_SOURCES) source?: ImpersonationSource;
}

@ArgsType()
export class ImpersonationReportListArgs extends ListArgs {
  @Field(() => ImpersonationReportFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ImpersonationReportFilter) filter?: ImpersonationReportFilter;
}

/** The intake form, for the GraphQL mutation and the JSON body of POST /public/reports alike. */
@ArgsType()
export class ReportImpersonationArgs {
  @Field({ description: 'Platform key ("x", "instagram", …).' }) @IsString() @NotBlank() @MaxLength(40) platform: string;
  @Field(() => String, { nullable: true, description: 'The suspect handle; or give suspectUrl.' }) @IsOptional() @IsString() @MaxLength(SHORT) suspectHandle?: string | null;
  @Field(() => String, { nullable: true, description: 'The suspect profile URL; its handle is read from it.' }) @IsOptional() @IsString() @MaxLength(URL_MAX) suspectUrl?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(SHORT) suspectDisplayName?: string | null;
  @Field({ description: 'What made the reporter suspicious.' }) @IsString() @NotBlank() @Length(1, TEXT) description: string;
  @Field(() => String, { nullable: true, description: 'Optional; personal data.' }) @IsOptional() @IsString() @MaxLength(200) reporterName?: string | null;
  @Field(() => String, { nullable: true, description: 'Optional; personal data.' }) @IsOptionalOrEmpty() @IsString() @IsEmail() @MaxLength(254) reporterEmail?: string | null;
  @Field(() => String, { nullable: true, description: 'Optional; personal data.' })
  @IsOptionalOrEmpty()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'reporterPhone must be a phone number' })
  reporterPhone?: string | null;
}

@ArgsType()
export class ImpersonationStepArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int, { description: 'The version the caller saw; a stale one is refused with VERSION_CONFLICT.' }) @IsInt() version: number;
}

@ArgsType()
export class ImpersonationCommentArgs extends ImpersonationStepArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(TEXT) comment?: string | null;
}

@ArgsType()
export class TriageImpersonationArgs extends ImpersonationStepArgs {
  @Field(() => ID, { nullable: true, description: 'The official account it imitates; left out or null: the suggested one is confirmed.' })
  @IsOptional()
  @IsUUID()
  imitatedAccountId?: string | null;
}

@ArgsType()
export class DismissImpersonationArgs extends ImpersonationStepArgs {
  @Field(() => DismissalReason) @IsIn(DISMISSAL_REASONS) reason: DismissalReason;
  @Field() @IsString() @NotBlank() @Length(1, TEXT) comment: string;
}

@ArgsType()
export class RecordLegalDecisionArgs extends ImpersonationStepArgs {
  @Field(() => LegalDecision) @IsIn(LEGAL_DECISIONS) decision: LegalDecision;
  @Field() @IsString() @NotBlank() @Length(1, TEXT) reasoning: string;
}

@ArgsType()
export class RecordTakedownRequestArgs extends ImpersonationStepArgs {
  @Field({ description: "The platform's reference of the request." }) @IsString() @NotBlank() @Length(1, 200) platformCaseRef: string;
  @Field({ description: 'When the request was filed (not in the future).' }) @Type(() => Date) @IsDate() @MinDate(SINCE) @MaxDate(UNTIL) filedAt: Date;
}

@ArgsType()
export class RecordTakedownOutcomeArgs extends ImpersonationStepArgs {
  @Field(() => TakedownOutcome) @IsIn(TAKEDOWN_OUTCOMES) outcome: TakedownOutcome;
  @Field({ description: 'When the platform decided (not before the filing, not in the future).' }) @Type(() => Date) @IsDate() @MinDate(SINCE) @MaxDate(UNTIL) decidedAt: Date;
}

@ArgsType()
export class AddImpersonationEvidenceArgs {
  @Field(() => ID) @IsUUID() reportId: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(URL_MAX) url?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(TEXT) note?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate() @MinDate(SINCE) @MaxDate(UNTIL) capturedAt?: Date | null;
}

