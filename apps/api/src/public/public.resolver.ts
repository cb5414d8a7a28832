import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { OpenDataService } from './open-data.service';
import { PublicAccountsArgs, VerifyAccountArgs, VerifyProfileUrlArgs } from './public.args';
import { type HeaderSink, PublicRateLimit } from './public-rate-limit';
import { PublicAccountListModel, VerificationModel } from './verification.model';
import { VerificationService } from './verification.service';

type GqlRequest = { res?: HeaderSink };

/** The public face in GraphQL: no login, rate-limited per address, public types only. */
@Resolver(() => VerificationModel)
export class PublicResolver {
  constructor(
    private readonly verification: VerificationService,
    private readonly openData: OpenDataService,
    private readonly rateLimit: PublicRateLimit,
  ) {}

  @Public()
  @Query(() => VerificationModel, { description: 'Is this account the municipality\'s? Platform key or alias (twitter = x), and handle, @handle or profile URL.' })
  async verifyAccount(@Ctx() ctx: RequestContext, @Context('req') req: GqlRequest, @Args() args: VerifyAccountArgs) {
    // `req`: the short path (lean-graphql-verify.middleware.ts) may have counted this check already.
    await this.rateLimit.consume(ctx.ip, req.res, req);
    return this.verification.verify(ctx, { platform: args.platform, handle: args.handle });
  }

  @Public()
  @Query(() => VerificationModel, { description: 'Is the account at this profile URL the municipality\'s? A URL that is no profile of a known platform is BAD_USER_INPUT (NOT_A_PROFILE_URL).' })
  async verifyProfileUrl(@Ctx() ctx: RequestContext, @Context('req') req: GqlRequest, @Args() args: VerifyProfileUrlArgs) {
    await this.rateLimit.consume(ctx.ip, req.res, req);
    return this.verification.verify(ctx, { url: args.url });
  }

  @Public()
  @Query(() => PublicAccountListModel, { description: 'The active official accounts (open data), paged from 1, at most 500 per page.' })
  publicAccounts(@Ctx() ctx: RequestContext, @Args() args: PublicAccountsArgs) {
    return this.openData.page(ctx, args.page, args.perPage);
  }
}
