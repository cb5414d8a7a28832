import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ChecklistMode, ChecklistState, NamingRuleType, NamingSeverity } from '@ggsm/domain';
import { AccountKind, AccountPurpose } from '../common/graphql-enums';

registerEnumType(NamingRuleType, { name: 'NamingRuleType' });
registerEnumType(NamingSeverity, { name: 'NamingSeverity' });
registerEnumType(ChecklistMode, { name: 'ChecklistMode' });
registerEnumType(ChecklistState, { name: 'ChecklistState' });

@ObjectType('NamingRuleScope', { description: 'Empty lists mean "all"; a unit also covers every unit below it.' })
export class NamingRuleScopeModel {
  @Field(() => [String]) platforms: string[];
  @Field(() => [AccountKind]) kinds: AccountKind[];
  @Field(() => [ID]) orgUnitIds: string[];
}

@ObjectType('NamingRule', { description: 'A naming rule for handles, as data: Communications changes the policy without a release.' })
export class NamingRuleModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field(() => NamingRuleType) type: NamingRuleType;
  @Field(() => NamingSeverity) severity: NamingSeverity;
  @Field(() => GraphQLJSONObject, { description: 'Type-specific: {pattern, flags}, {values, caseInsensitive}, {words}, {max} or {}.' }) params: Record<string, unknown>;
  @Field(() => NamingRuleScopeModel) scope: NamingRuleScopeModel;
  @Field() messageNl: string;
  @Field() messageEn: string;
  @Field() active: boolean;
  @Field(() => Int) sortOrder: number;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('ChecklistItem', { description: 'An item of the approval checklist.' })
export class ChecklistItemModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() titleNl: string;
  @Field() titleEn: string;
  @Field() guidanceNl: string;
  @Field() guidanceEn: string;
  @Field() required: boolean;
  @Field(() => ChecklistMode) mode: ChecklistMode;
  @Field(() => String, { nullable: true, description: 'AUTOMATIC items: which check.' }) checkKey: string | null;
  @Field(() => [AccountKind]) kinds: AccountKind[];
  @Field(() => [String]) platforms: string[];
  @Field(() => [AccountPurpose]) purposes: AccountPurpose[];
  @Field() active: boolean;
  @Field(() => Int) sortOrder: number;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('NamingViolation')
export class NamingViolationModel {
  @Field() ruleKey: string;
  @Field(() => NamingSeverity) severity: NamingSeverity;
  @Field() code: string;
  @Field({ description: 'English.' }) message: string;
  @Field() messageNl: string;
}

@ObjectType('HandleCheck')
export class HandleCheckModel {
  @Field(() => String, { nullable: true, description: 'Null when the handle is not valid on the platform.' }) normalizedHandle: string | null;
  @Field(() => String, { nullable: true }) profileUrl: string | null;
  @Field(() => [NamingViolationModel]) violations: NamingViolationModel[];
}

@ObjectType('ChecklistAttestation')
export class ChecklistAttestationModel {
  @Field(() => ID) id: string;
  @Field() itemKey: string;
  @Field() passed: boolean;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => String, { nullable: true }) evidenceUrl: string | null;
  @Field(() => ID, { nullable: true }) attestedById: string | null;
  @Field() attestedAt: Date;
}

@ObjectType('ChecklistResult')
export class ChecklistResultModel {
  @Field() key: string;
  @Field() titleNl: string;
  @Field() titleEn: string;
  @Field(() => ChecklistMode) mode: ChecklistMode;
  @Field() required: boolean;
  @Field(() => ChecklistState) state: ChecklistState;
  @Field() reasonNl: string;
  @Field() reasonEn: string;
  @Field(() => ChecklistAttestationModel, { nullable: true, description: 'ATTESTATION items: the latest attestation.' }) attestation: ChecklistAttestationModel | null;
}

@ObjectType('ApprovalProblem', { description: 'One unmet condition of the approval gate.' })
export class ApprovalProblemModel {
  @Field({ description: 'SELF_APPROVAL, NAMING_ERROR, TOO_FEW_OWNERS or the key of a checklist item.' }) code: string;
  @Field({ description: 'English.' }) message: string;
  @Field() messageNl: string;
}
