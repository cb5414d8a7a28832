import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated } from '../auth/allow.decorator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { UuidPipe } from '../common/id.pipe';
import { ListMetadata } from '../common/list.args';
import { CreateSocialAccountArgs, SocialAccountListArgs, UpdateSocialAccountArgs } from './social-account.args';
import { SocialAccountModel } from './social-account.model';
import { SocialAccountsService } from './social-accounts.service';

const REGISTRARS = [Role.ADMIN, Role.COMMUNICATIONS, Role.EDITOR] as const;

/** No deleteSocialAccount: the Archiefwet forbids destroying records; accounts are archived instead. */
@Resolver(() => SocialAccountModel)
export class SocialAccountsResolver {
  constructor(private readonly accounts: SocialAccountsService) {}

  @AllowAuthenticated()
  @Query(() => SocialAccountModel, { name: 'SocialAccount' })
  socialAccount(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.accounts.get(user, id);
  }

  @AllowAuthenticated()
  @Query(() => [SocialAccountModel], { name: 'allSocialAccounts' })
  allSocialAccounts(@CurrentUser() user: AuthUser, @Args() args: SocialAccountListArgs) {
    return this.accounts.list(user, args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allSocialAccountsMeta' })
  async allSocialAccountsMeta(@CurrentUser() user: AuthUser, @Args() args: SocialAccountListArgs) {
    return { count: await this.accounts.count(user, args.filter) };
  }

  @Allow(...REGISTRARS)
  @Mutation(() => SocialAccountModel)
  createSocialAccount(@CurrentUser() user: AuthUser, @Args() args: CreateSocialAccountArgs) {
    return this.accounts.create(user, args);
  }

  @Allow(...REGISTRARS)
  @Mutation(() => SocialAccountModel)
  updateSocialAccount(@CurrentUser() user: AuthUser, @Args() args: UpdateSocialAccountArgs) {
    return this.accounts.update(user, args);
  }
}
