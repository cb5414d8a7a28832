import { Args, Query, Resolver } from '@nestjs/graphql';
import { AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { HandleLookalikesArgs, LookalikesArgs } from './lookalike.args';
import { HandleVariantModel, LookalikeMatchModel } from './lookalike.model';
import { LookalikesService } from './lookalikes.service';

@Resolver()
export class LookalikesResolver {
  constructor(private readonly service: LookalikesService) {}

  @AllowAuthenticated()
  @Query(() => [LookalikeMatchModel], { description: 'Our accounts a suspect handle passes for, best first, with the reasons in words. An editor sees its own units\' accounts only.' })
  lookalikes(@Ctx() ctx: RequestContext, @Args() args: LookalikesArgs) {
    return this.service.search(ctx, args);
  }

  @AllowAuthenticated()
  @Query(() => [HandleVariantModel], { description: 'Handles a faker could register to pass for one of our accounts, valid on its platform: to watch or to claim defensively.' })
  handleLookalikes(@Ctx() ctx: RequestContext, @Args() args: HandleLookalikesArgs) {
    return this.service.variants(ctx, args);
  }
}
