import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { UuidPipe } from '../common/id.pipe';
import { ListMetadata } from '../common/list.args';
import { SocialAccountModel } from '../social-accounts/social-account.model';
import {
  AttestChecklistItemArgs,
  CheckHandleArgs,
  ChecklistItemListArgs,
  CommentStepArgs,
  CreateChecklistItemArgs,
  CreateNamingRuleArgs,
  NamingRuleListArgs,
  OptionalReasonStepArgs,
  ReasonStepArgs,
  StepArgs,
  UpdateChecklistItemArgs,
  UpdateNamingRuleArgs,
} from './governance.args';
import { ChecklistItemModel, ChecklistResultModel, HandleCheckModel, NamingRuleModel } from './governance.models';
import { GovernanceService } from './governance.service';
import { RulesService, toChecklistItemModel, toNamingRuleModel } from './rules.service';

/**
 * Who may take a step is decided per step by the domain (`ACCOUNT_STEPS`, planStep); the @Allow here is the
 * same list, so a role that may never take the step is refused before anything is read.
 */
const STEP_TAKERS = [Role.EDITOR, Role.COMMUNICATIONS] as const;

/** The policy as data: everyone with a role reads it, Communications changes it. No delete: deactivate. */
@Resolver()
export class GovernanceResolver {
  constructor(
    private readonly rules: RulesService,
    private readonly governance: GovernanceService,
  ) {}

  // ---- naming rules ----

  @AllowAuthenticated()
  @Query(() => NamingRuleModel, { name: 'NamingRule' })
  async namingRule(@Args('id', { type: () => ID }, UuidPipe) id: string) {
    return toNamingRuleModel(await this.rules.getRule(id));
  }

  @AllowAuthenticated()
  @Query(() => [NamingRuleModel], { name: 'allNamingRules' })
  allNamingRules(@Args() args: NamingRuleListArgs) {
    return this.rules.listRules(args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allNamingRulesMeta' })
  async allNamingRulesMeta(@Args() args: NamingRuleListArgs) {
    return { count: await this.rules.countRules(args.filter) };
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => NamingRuleModel)
  createNamingRule(@Ctx() ctx: RequestContext, @Args() args: CreateNamingRuleArgs) {
    return this.rules.createRule(ctx, args);
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => NamingRuleModel)
  updateNamingRule(@Ctx() ctx: RequestContext, @Args() args: UpdateNamingRuleArgs) {
    return this.rules.updateRule(ctx, args);
  }

  // ---- checklist items ----

  @AllowAuthenticated()
  @Query(() => ChecklistItemModel, { name: 'ChecklistItem' })
  async checklistItem(@Args('id', { type: () => ID }, UuidPipe) id: string) {
    return toChecklistItemModel(await this.rules.getItem(id));
  }

  @AllowAuthenticated()
  @Query(() => [ChecklistItemModel], { name: 'allChecklistItems' })
  allChecklistItems(@Args() args: ChecklistItemListArgs) {
    return this.rules.listItems(args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allChecklistItemsMeta' })
  async allChecklistItemsMeta(@Args() args: ChecklistItemListArgs) {
    return { count: await this.rules.countItems(args.filter) };
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => ChecklistItemModel)
  createChecklistItem(@Ctx() ctx: RequestContext, @Args() args: CreateChecklistItemArgs) {
    return this.rules.createItem(ctx, args);
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => ChecklistItemModel)
  updateChecklistItem(@Ctx() ctx: RequestContext, @Args() args: UpdateChecklistItemArgs) {
    return this.rules.updateItem(ctx, args);
  }

  // ---- checks ----

  @AllowAuthenticated()
  @Query(() => HandleCheckModel, { description: 'Naming problems of a handle before it is registered (stored rules, look-alikes of ours).' })
  checkHandle(@Ctx() ctx: RequestContext, @Args() args: CheckHandleArgs) {
    return this.governance.checkHandle(ctx, args);
  }

  @AllowAuthenticated()
  @Query(() => [ChecklistResultModel], { description: 'The approval checklist of an account, as it stands now.' })
  accountChecklist(@Ctx() ctx: RequestContext, @Args('accountId', { type: () => ID }, UuidPipe) accountId: string) {
    return this.governance.accountChecklist(ctx, accountId);
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => [ChecklistResultModel], { description: 'Records a judgement of an ATTESTATION item (append-only); returns the checklist.' })
  attestChecklistItem(@Ctx() ctx: RequestContext, @Args() args: AttestChecklistItemArgs) {
    return this.governance.attest(ctx, args);
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => SocialAccountModel, { description: 'A deliberate exception: naming ERRORs no longer block approval.' })
  waiveNamingErrors(@Ctx() ctx: RequestContext, @Args() args: ReasonStepArgs) {
    return this.governance.waiveNamingErrors(ctx, args);
  }

  // ---- lifecycle ----

  @Allow(...STEP_TAKERS)
  @Mutation(() => SocialAccountModel)
  submitSocialAccount(@Ctx() ctx: RequestContext, @Args() args: StepArgs) {
    return this.governance.step(ctx, 'submit', 'social_account.submitted', args);
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => SocialAccountModel)
  approveSocialAccount(@Ctx() ctx: RequestContext, @Args() args: StepArgs) {
    return this.governance.step(ctx, 'approve', 'social_account.approved', args);
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => SocialAccountModel)
  requestChangesSocialAccount(@Ctx() ctx: RequestContext, @Args() args: CommentStepArgs) {
    return this.governance.step(ctx, 'requestChanges', 'social_account.changes_requested', { id: args.id, version: args.version, reason: args.comment });
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => SocialAccountModel)
  rejectSocialAccount(@Ctx() ctx: RequestContext, @Args() args: ReasonStepArgs) {
    return this.governance.step(ctx, 'reject', 'social_account.rejected', args);
  }

  @Allow(...STEP_TAKERS)
  @Mutation(() => SocialAccountModel)
  suspendSocialAccount(@Ctx() ctx: RequestContext, @Args() args: OptionalReasonStepArgs) {
    return this.governance.step(ctx, 'suspend', 'social_account.suspended', args);
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => SocialAccountModel)
  reinstateSocialAccount(@Ctx() ctx: RequestContext, @Args() args: OptionalReasonStepArgs) {
    return this.governance.step(ctx, 'reinstate', 'social_account.reinstated', args);
  }

  @Allow(...STEP_TAKERS)
  @Mutation(() => SocialAccountModel)
  archiveSocialAccount(@Ctx() ctx: RequestContext, @Args() args: ReasonStepArgs) {
    return this.governance.step(ctx, 'archive', 'social_account.archived', args);
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => SocialAccountModel)
  reactivateSocialAccount(@Ctx() ctx: RequestContext, @Args() args: ReasonStepArgs) {
    return this.governance.step(ctx, 'reactivate', 'social_account.reactivated', args);
  }

  @Allow(...STEP_TAKERS)
  @Mutation(() => SocialAccountModel)
  reviewSocialAccount(@Ctx() ctx: RequestContext, @Args() args: OptionalReasonStepArgs) {
    return this.governance.step(ctx, 'review', 'social_account.reviewed', args);
  }
}
