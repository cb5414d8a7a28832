import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AccountKind } from '@ggsm/domain';
import { AllowAuthenticated } from '../auth/allow.decorator';
import { SocialAccountModel } from '../social-accounts/social-account.model';
import { effectiveMonthsIn, ReviewIntervalsService } from './review-intervals.service';

/** The months of every kind, read once per GraphQL request (a list of accounts asks for it on every row). */
const perRequest = new WeakMap<object, Promise<Map<AccountKind, number>>>();

/** After a change of the intervals, later fields of the same request read them anew. */
export function forgetMonthsByKind(gql: object): void {
  perRequest.delete(gql);
}

@Resolver(() => SocialAccountModel)
export class EffectiveReviewIntervalResolver {
  constructor(private readonly intervals: ReviewIntervalsService) {}

  @AllowAuthenticated()
  @ResolveField(() => Int, { description: 'The interval that applies: reviewIntervalMonths, or else the interval of the kind.' })
  async effectiveReviewIntervalMonths(@Parent() account: SocialAccountModel, @Context() gql: object): Promise<number> {
    if (account.reviewIntervalMonths !== null && account.reviewIntervalMonths !== undefined) return account.reviewIntervalMonths;
    let months = perRequest.get(gql);
    if (!months) {
      months = this.intervals.monthsByKind();
      perRequest.set(gql, months);
      // A failed read is not kept: the next field tries again.
      months.catch(() => perRequest.delete(gql));
    }
    return effectiveMonthsIn(await months, account);
  }
}
