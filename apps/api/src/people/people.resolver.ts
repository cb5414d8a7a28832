import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated } from '../auth/allow.decorator';
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
  person(@Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.people.get(id);
  }

  @AllowAuthenticated()
  @Query(() => [PersonModel], { name: 'allPeople' })
  allPeople(@Args() args: PersonListArgs) {
    return this.people.list(args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allPeopleMeta' })
  async allPeopleMeta(@Args() args: PersonListArgs) {
    return { count: await this.people.count(args.filter) };
  }

  @Allow(Role.ADMIN, Role.COMMUNICATIONS, Role.EDITOR)
  @Mutation(() => PersonModel)
  createPerson(@Args() args: CreatePersonArgs) {
    return this.people.create(args);
  }

  @Allow(Role.ADMIN, Role.COMMUNICATIONS, Role.EDITOR)
  @Mutation(() => PersonModel)
  updatePerson(@Args() args: UpdatePersonArgs) {
    return this.people.update(args);
  }
}
