import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { AllowAuthenticated } from '../auth/allow.decorator';
import type { AuthUser } from '../auth/auth-user';
import { SocialAccountModel } from '../social-accounts/social-account.model';
import { SocialAccountsService } from '../social-accounts/social-accounts.service';
import { ApprovalProblemModel } from './governance.models';
import { GovernanceService } from './governance.service';

interface Signals {
  flags: string[];
  approvalProblems: ApprovalProblemModel[];
}

type Request = { user?: AuthUser };

/**
 * The register's signals on an account: what needs someone's attention today, and what still stands
 * between a draft or submitted account and its approval by the caller. A list asks for every row's
 * signals: DataLoader gathers the rows of one request and answers them with one assessment.
 */
@Resolver(() => SocialAccountModel)
export class AccountFlagsResolver {
  /** One loader per request (it holds that caller's answers), gone with the request. */
  private readonly loaders = new WeakMap<Request, DataLoader<string, Signals>>();

  constructor(
    private readonly accounts: SocialAccountsService,
    private readonly governance: GovernanceService,
  ) {}

  private loader(req: Request): DataLoader<string, Signals> {
    let loader = this.loaders.get(req);
    if (!loader) {
      loader = new DataLoader((ids) => this.load(ids, req.user?.id ?? ''));
      this.loaders.set(req, loader);
    }
    return loader;
  }

  private async load(ids: readonly string[], approverId: string): Promise<Signals[]> {
    const [rows, sql] = await Promise.all([this.governance.rowsByIds(ids), this.accounts.sqlFlags(ids)]);
    const signals = await this.governance.signals(rows, approverId);
    return ids.map((id) => {
      const s = signals.get(id);
      return {
        flags: [...(sql.get(id) ?? []), ...(s?.namingError ? ['NAMING_ERROR'] : [])],
        approvalProblems: (s?.approvalProblems ?? []).map((p) => ({ code: p.code, message: p.message.en, messageNl: p.message.nl })),
      };
    });
  }

  @AllowAuthenticated()
  @ResolveField(() => [String])
  async flags(@Parent() account: SocialAccountModel, @Context('req') req: Request): Promise<string[]> {
    return (await this.loader(req).load(account.id)).flags;
  }

  @AllowAuthenticated()
  @ResolveField(() => [ApprovalProblemModel], {
    description:
      'What stands between this DRAFT or SUBMITTED account and its approval by the caller now: one entry per unmet condition (SELF_APPROVAL, NAMING_ERROR, TOO_FEW_OWNERS or a checklist item key). Empty when approval would pass, and for accounts past the gate.',
  })
  async approvalProblems(@Parent() account: SocialAccountModel, @Context('req') req: Request): Promise<ApprovalProblemModel[]> {
    return (await this.loader(req).load(account.id)).approvalProblems;
  }
}
