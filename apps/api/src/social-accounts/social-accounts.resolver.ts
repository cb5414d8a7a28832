import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { UuidPipe } from '../common/id.pipe';
import { ListMetadata } from '../common/list.args';
import { CreateSocialAccountArgs, SocialAccountListArgs, UpdateSocialAccountArgs } from './social-account.args';
import { SocialAccountModel } from './social-account.model';
import { SocialAccountsService } from './social-accounts.service';

/** Accounts are the register's business: communication for all units, editors for their own. */
const REGISTRARS = [Role.COMMUNICATIONS, Role.EDITOR] as const;

/** No deleteSocialAccount: the Archiefwet forbids destroying records; accounts are archived instead. */
@Resolver(() => SocialAccountModel)
export class SocialAccountsResolver {
  constructor(private readonly accounts: SocialAccountsService) {}

  @AllowAuthenticated()
  @Query(() => SocialAccountModel, { name: 'SocialAccount' })
  socialAccount(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.accounts.get(ctx, id);
  }

  @AllowAuthenticated()
  @Query(() => [SocialAccountModel], { name: 'allSocialAccounts' })
  allSocialAccounts(@Ctx() ctx: RequestContext, @Args() args: SocialAccountListArgs) {
    return this.accounts.list(ctx, args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allSocialAccountsMeta' })
  async allSocialAccountsMeta(@Ctx() ctx: RequestContext, @Args() args: SocialAccountListArgs) {
    return { count: await this.accounts.count(ctx, args.filter) };
  }

  @Allow(...REGISTRARS)
  @Mutation(() => SocialAccountModel)
  createSocialAccount(@Ctx() ctx: RequestContext, @Args() args: CreateSocialAccountArgs) {
    return this.accounts.create(ctx, args);
  }

  @Allow(...REGISTRARS)
  @Mutation(() => SocialAccountModel)
  updateSocialAccount(@Ctx() ctx: RequestContext, @Args() args: UpdateSocialAccountArgs) {
    return this.accounts.update(ctx, args);
  }
}
