import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AllowAuthenticated } from '../auth/allow.decorator';
import { SocialAccountModel } from '../social-accounts/social-account.model';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import { GovernanceService } from './governance.service';

/** The register's signals on an account: what needs someone's attention today. Computed per row. */
@Resolver(() => SocialAccountModel)
export class AccountFlagsResolver {
  constructor(
    private readonly accounts: SocialAccountsService,
    private readonly governance: GovernanceService,
  ) {}

  @AllowAuthenticated()
  @ResolveField(() => [String])
  async flags(@Parent() account: SocialAccountModel): Promise<string[]> {
    const [sql, naming] = await Promise.all([this.accounts.sqlFlags(account.id), this.governance.namingError(account)]);
    return naming ? [...sql, 'NAMING_ERROR'] : sql;
  }
}
