import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { ListMetadata } from '../common/list.args';
import { ReviewIntervalListArgs, UpdateReviewIntervalArgs } from './review-interval.args';
import { ReviewIntervalModel } from './review-interval.model';
import { ReviewIntervalsService } from './review-intervals.service';
import { forgetMonthsByKind } from './effective-review-interval.resolver';

/** The review policy as data: everyone with a role reads it, Communications changes it. */
@Resolver(() => ReviewIntervalModel)
export class ReviewIntervalsResolver {
  constructor(private readonly intervals: ReviewIntervalsService) {}

  @AllowAuthenticated()
  @Query(() => ReviewIntervalModel, { name: 'ReviewInterval' })
  reviewInterval(@Args('id', { type: () => ID }) id: string) {
    return this.intervals.get(id);
  }

  @AllowAuthenticated()
  @Query(() => [ReviewIntervalModel], { name: 'allReviewIntervals' })
  allReviewIntervals(@Args() args: ReviewIntervalListArgs) {
    return this.intervals.list(args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allReviewIntervalsMeta' })
  async allReviewIntervalsMeta(@Args() args: ReviewIntervalListArgs) {
    return { count: await this.intervals.count(args.filter) };
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => ReviewIntervalModel, { description: "Sets a kind's interval and recomputes the next review of its accounts without an override." })
  async updateReviewInterval(@Ctx() ctx: RequestContext, @Args() args: UpdateReviewIntervalArgs, @Context() gql: object) {
    const updated = await this.intervals.update(ctx, args);
    forgetMonthsByKind(gql);
    return updated;
  }
}
