import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { UuidPipe } from '../common/id.pipe';
import { ListMetadata } from '../common/list.args';
import { CreatePersonArgs, PersonListArgs, UpdatePersonArgs } from './person.args';
import { PersonModel } from './person.model';
import { PeopleService } from './people.service';

@Resolver(() => PersonModel)
export class PeopleResolver {
  constructor(private readonly people: PeopleService) {}

  @AllowAuthenticated()
  @Query(() => PersonModel, { name: 'Person' })
  person(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.people.get(ctx, id);
  }

  @AllowAuthenticated()
  @Query(() => [PersonModel], { name: 'allPeople' })
  allPeople(@Ctx() ctx: RequestContext, @Args() args: PersonListArgs) {
    return this.people.list(ctx, args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allPeopleMeta' })
  async allPeopleMeta(@Ctx() ctx: RequestContext, @Args() args: PersonListArgs) {
    return { count: await this.people.count(ctx, args.filter) };
  }

  @Allow(Role.ADMIN, Role.COMMUNICATIONS, Role.EDITOR)
  @Mutation(() => PersonModel)
  createPerson(@Ctx() ctx: RequestContext, @Args() args: CreatePersonArgs) {
    return this.people.create(ctx, args);
  }

  @Allow(Role.ADMIN, Role.COMMUNICATIONS, Role.EDITOR)
  @Mutation(() => PersonModel)
  updatePerson(@Ctx() ctx: RequestContext, @Args() args: UpdatePersonArgs) {
    return this.people.update(ctx, args);
  }
}
