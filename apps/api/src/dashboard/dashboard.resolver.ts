import { Query, Resolver } from '@nestjs/graphql';
import { AllowAuthenticated } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { DashboardModel } from './dashboard.model';
import { DashboardService } from './dashboard.service';

@Resolver()
export class DashboardResolver {
  constructor(private readonly dashboards: DashboardService) {}

  @AllowAuthenticated()
  @Query(() => DashboardModel, { description: 'The console home page: what needs doing and the state of the register, as far as the caller may see it.' })
  dashboard(@Ctx() ctx: RequestContext): Promise<DashboardModel> {
    return this.dashboards.dashboard(ctx);
  }
}
