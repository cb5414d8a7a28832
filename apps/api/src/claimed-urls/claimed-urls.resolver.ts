import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { UuidPipe } from '../common/id.pipe';
import { ListMetadata } from '../common/list.args';
import { ClaimedUrlListArgs, CreateClaimedUrlArgs, DomainLookalikesArgs, ExpiringClaimedUrlsArgs, UpdateClaimedUrlArgs } from './claimed-url.args';
import { ClaimedUrlModel, DomainLookalikeModel } from './claimed-url.model';
import { ClaimedUrlsService } from './claimed-urls.service';

/** As for accounts: communication for all units, editors for their own; the others read. */
const REGISTRARS = [Role.COMMUNICATIONS, Role.EDITOR] as const;

/** No deleteClaimedUrl: nothing in the register is destroyed (Archiefwet); a claim we let go is RELEASED. */
@Resolver(() => ClaimedUrlModel)
export class ClaimedUrlsResolver {
  constructor(private readonly claims: ClaimedUrlsService) {}

  @AllowAuthenticated()
  @Query(() => ClaimedUrlModel, { name: 'ClaimedUrl' })
  claimedUrl(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.claims.get(ctx, id);
  }

  @AllowAuthenticated()
  @Query(() => [ClaimedUrlModel], { name: 'allClaimedUrls' })
  allClaimedUrls(@Ctx() ctx: RequestContext, @Args() args: ClaimedUrlListArgs) {
    return this.claims.list(ctx, args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allClaimedUrlsMeta' })
  async allClaimedUrlsMeta(@Ctx() ctx: RequestContext, @Args() args: ClaimedUrlListArgs) {
    return { count: await this.claims.count(ctx, args.filter) };
  }

  @AllowAuthenticated()
  @Query(() => [ClaimedUrlModel], { description: 'ACTIVE claims that expire today or within withinDays days, soonest first (at most 500).' })
  expiringClaimedUrls(@Ctx() ctx: RequestContext, @Args() args: ExpiringClaimedUrlsArgs) {
    return this.claims.expiring(ctx, args.withinDays);
  }

  @AllowAuthenticated()
  @Query(() => [DomainLookalikeModel], { description: 'Domains a typosquatter could register to pass for this one, and whether we hold each already. No network is used.' })
  domainLookalikes(@Args() args: DomainLookalikesArgs) {
    return this.claims.lookalikes(args);
  }

  @Allow(...REGISTRARS)
  @Mutation(() => ClaimedUrlModel)
  createClaimedUrl(@Ctx() ctx: RequestContext, @Args() args: CreateClaimedUrlArgs) {
    return this.claims.create(ctx, args);
  }

  @Allow(...REGISTRARS)
  @Mutation(() => ClaimedUrlModel)
  updateClaimedUrl(@Ctx() ctx: RequestContext, @Args() args: UpdateClaimedUrlArgs) {
    return this.claims.update(ctx, args);
  }
}
