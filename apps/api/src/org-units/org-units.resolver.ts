import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated } from '../auth/allow.decorator';
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
  orgUnit(@Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.units.get(id);
  }

  @AllowAuthenticated()
  @Query(() => [OrgUnitModel], { name: 'allOrgUnits' })
  allOrgUnits(@Args() args: OrgUnitListArgs) {
    return this.units.list(args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allOrgUnitsMeta' })
  async allOrgUnitsMeta(@Args() args: OrgUnitListArgs) {
    return { count: await this.units.count(args.filter) };
  }

  @Allow(Role.ADMIN)
  @Mutation(() => OrgUnitModel)
  createOrgUnit(@Args() args: CreateOrgUnitArgs) {
    return this.units.create(args);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => OrgUnitModel)
  updateOrgUnit(@Args() args: UpdateOrgUnitArgs) {
    return this.units.update(args);
  }
}
