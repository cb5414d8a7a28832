import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { UuidPipe } from '../common/id.pipe';
import { ListMetadata } from '../common/list.args';
import { CreateOrgUnitArgs, OrgUnitListArgs, UpdateOrgUnitArgs } from './org-unit.args';
import { OrgUnitModel } from './org-unit.model';
import { OrgUnitsService } from './org-units.service';

@Resolver(() => OrgUnitModel)
export class OrgUnitsResolver {
  constructor(private readonly units: OrgUnitsService) {}

  @AllowAuthenticated()
  @Query(() => OrgUnitModel, { name: 'OrgUnit' })
  orgUnit(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.units.get(ctx, id);
  }

  @AllowAuthenticated()
  @Query(() => [OrgUnitModel], { name: 'allOrgUnits' })
  allOrgUnits(@Ctx() ctx: RequestContext, @Args() args: OrgUnitListArgs) {
    return this.units.list(ctx, args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allOrgUnitsMeta' })
  async allOrgUnitsMeta(@Ctx() ctx: RequestContext, @Args() args: OrgUnitListArgs) {
    return { count: await this.units.count(ctx, args.filter) };
  }

  @Allow(Role.ADMIN)
  @Mutation(() => OrgUnitModel)
  createOrgUnit(@Ctx() ctx: RequestContext, @Args() args: CreateOrgUnitArgs) {
    return this.units.create(ctx, args);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => OrgUnitModel)
  updateOrgUnit(@Ctx() ctx: RequestContext, @Args() args: UpdateOrgUnitArgs) {
    return this.units.update(ctx, args);
  }
}
