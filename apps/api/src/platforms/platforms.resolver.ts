import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { ListMetadata } from '../common/list.args';
import { PlatformListArgs, UpdatePlatformArgs } from './platform.args';
import { PlatformModel } from './platform.model';
import { PlatformsService } from './platforms.service';

@Resolver(() => PlatformModel)
export class PlatformsResolver {
  constructor(private readonly platforms: PlatformsService) {}

  @AllowAuthenticated()
  @Query(() => PlatformModel, { name: 'Platform' })
  platform(@Args('id', { type: () => ID }) id: string) {
    return this.platforms.get(id);
  }

  @AllowAuthenticated()
  @Query(() => [PlatformModel], { name: 'allPlatforms' })
  allPlatforms(@Args() args: PlatformListArgs) {
    return this.platforms.list(args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allPlatformsMeta' })
  async allPlatformsMeta(@Args() args: PlatformListArgs) {
    return { count: await this.platforms.count(args.filter) };
  }

  @Allow(Role.ADMIN)
  @Mutation(() => PlatformModel)
  updatePlatform(@Ctx() ctx: RequestContext, @Args() args: UpdatePlatformArgs) {
    return this.platforms.update(ctx, args);
  }
}
