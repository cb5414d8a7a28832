import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAnyLogin } from '../auth/allow.decorator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { UuidPipe } from '../common/id.pipe';
import { ListMetadata } from '../common/list.args';
import { CreateUserArgs, UpdateUserArgs, UserListArgs } from './user.args';
import { UserModel } from './user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @AllowAnyLogin()
  @Query(() => UserModel, { description: 'The logged-in user (also one still waiting for a role).' })
  me(@CurrentUser() user: AuthUser) {
    return this.users.get(user.id);
  }

  @Allow(Role.ADMIN, Role.AUDITOR)
  @Query(() => UserModel, { name: 'User' })
  user(@Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.users.get(id);
  }

  @Allow(Role.ADMIN, Role.AUDITOR)
  @Query(() => [UserModel], { name: 'allUsers' })
  allUsers(@Args() args: UserListArgs) {
    return this.users.list(args, args.filter);
  }

  @Allow(Role.ADMIN, Role.AUDITOR)
  @Query(() => ListMetadata, { name: '_allUsersMeta' })
  async allUsersMeta(@Args() args: UserListArgs) {
    return { count: await this.users.count(args.filter) };
  }

  @Allow(Role.ADMIN)
  @Mutation(() => UserModel)
  createUser(@Ctx() ctx: RequestContext, @Args() args: CreateUserArgs) {
    return this.users.create(ctx, args);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => UserModel)
  updateUser(@Ctx() ctx: RequestContext, @Args() args: UpdateUserArgs) {
    return this.users.update(ctx, args);
  }
}
