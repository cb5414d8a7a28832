import { createParamDecorator, type ExecutionContext, UseGuards } from '@nestjs/common';
import { Args, GqlExecutionContext, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow, AllowAuthenticated, Public } from '../auth/allow.decorator';
import { requestOf } from '../auth/current-user.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { UuidPipe } from '../common/id.pipe';
import { ListMetadata } from '../common/list.args';
import {
  AddImpersonationEvidenceArgs,
  DismissImpersonationArgs,
  ImpersonationCommentArgs,
  ImpersonationReportListArgs,
  RecordLegalDecisionArgs,
  RecordTakedownOutcomeArgs,
  RecordTakedownRequestArgs,
  ReportImpersonationArgs,
  TriageImpersonationArgs,
} from './impersonation.args';
import { ImpersonationEvidenceModel, ImpersonationReportModel, ImpersonationReportReceiptModel } from './impersonation.model';
import { ImpersonationReportsService } from './impersonation-reports.service';
import { OptionalLoginGuard } from './optional-login.guard';
import { ReportThrottle } from './report-throttle';

/** The HTTP response of a GraphQL call, for Retry-After. */
const HttpResponse = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const req = context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getContext().req : requestOf(context);
  return (req as { res?: { setHeader(name: string, value: string): unknown } }).res;
});

/** No deleteImpersonationReport: a case ends CLOSED or DISMISSED and stays on record (Archiefwet). */
@Resolver(() => ImpersonationReportModel)
export class ImpersonationReportsResolver {
  constructor(
    private readonly reports: ImpersonationReportsService,
    private readonly throttle: ReportThrottle,
  ) {}

  @AllowAuthenticated()
  @Query(() => ImpersonationReportModel, { name: 'ImpersonationReport' })
  impersonationReport(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.reports.get(ctx, id);
  }

  @AllowAuthenticated()
  @Query(() => [ImpersonationReportModel], { name: 'allImpersonationReports' })
  allImpersonationReports(@Ctx() ctx: RequestContext, @Args() args: ImpersonationReportListArgs) {
    return this.reports.list(ctx, args, args.filter);
  }

  @AllowAuthenticated()
  @Query(() => ListMetadata, { name: '_allImpersonationReportsMeta' })
  async allImpersonationReportsMeta(@Ctx() ctx: RequestContext, @Args() args: ImpersonationReportListArgs) {
    return { count: await this.reports.count(ctx, args.filter) };
  }

  @ResolveField(() => [ImpersonationEvidenceModel], { description: 'URLs, notes and screenshots, oldest first.' })
  evidence(@Parent() report: ImpersonationReportModel) {
    return this.reports.evidenceOf(report.id);
  }

  /** No login needed: without a token it is a PUBLIC report (rate-limited per address), with one a STAFF report. */
  @Public()
  @UseGuards(OptionalLoginGuard)
  @Mutation(() => ImpersonationReportReceiptModel, { description: 'Report a suspected fake account; answers with the reference (a suspect with an open case joins it).' })
  async reportImpersonation(@Ctx() ctx: RequestContext, @Args() args: ReportImpersonationArgs, @HttpResponse() res?: { setHeader(name: string, value: string): unknown }) {
    if (!ctx.user) await this.throttle.consume(ctx.ip, res);
    return this.reports.report(ctx, args);
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => ImpersonationReportModel, { description: 'Confirm (or change) the imitated official account.' })
  triageImpersonationReport(@Ctx() ctx: RequestContext, @Args() args: TriageImpersonationArgs) {
    return this.reports.triage(ctx, args);
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => ImpersonationReportModel)
  dismissImpersonationReport(@Ctx() ctx: RequestContext, @Args() args: DismissImpersonationArgs) {
    return this.reports.dismiss(ctx, args);
  }

  @Allow(Role.COMMUNICATIONS)
  @Mutation(() => ImpersonationReportModel)
  sendImpersonationToLegal(@Ctx() ctx: RequestContext, @Args() args: ImpersonationCommentArgs) {
    return this.reports.sendToLegal(ctx, args);
  }

  @Allow(Role.LEGAL)
  @Mutation(() => ImpersonationReportModel, { description: 'Bureau Juridische Zaken only. IMPERSONATION keeps the case in LEGAL_REVIEW for the takedown and remembers the suspect.' })
  recordLegalDecision(@Ctx() ctx: RequestContext, @Args() args: RecordLegalDecisionArgs) {
    return this.reports.recordLegalDecision(ctx, args);
  }

  @Allow(Role.LEGAL)
  @Mutation(() => ImpersonationReportModel)
  recordTakedownRequest(@Ctx() ctx: RequestContext, @Args() args: RecordTakedownRequestArgs) {
    return this.reports.recordTakedownRequest(ctx, args);
  }

  @Allow(Role.LEGAL)
  @Mutation(() => ImpersonationReportModel)
  recordTakedownOutcome(@Ctx() ctx: RequestContext, @Args() args: RecordTakedownOutcomeArgs) {
    return this.reports.recordTakedownOutcome(ctx, args);
  }

  @Allow(Role.COMMUNICATIONS, Role.LEGAL)
  @Mutation(() => ImpersonationReportModel, { description: 'Watch for a relaunch after the takedown outcome.' })
  startImpersonationMonitoring(@Ctx() ctx: RequestContext, @Args() args: ImpersonationCommentArgs) {
    return this.reports.startMonitoring(ctx, args);
  }

  @Allow(Role.COMMUNICATIONS, Role.LEGAL)
  @Mutation(() => ImpersonationReportModel)
  closeImpersonationReport(@Ctx() ctx: RequestContext, @Args() args: ImpersonationCommentArgs) {
    return this.reports.close(ctx, args);
  }

  @Allow(Role.COMMUNICATIONS, Role.LEGAL)
  @Mutation(() => ImpersonationEvidenceModel, { description: 'A URL and/or note for an open case; screenshots: POST /api/impersonation-reports/:id/evidence.' })
  addImpersonationEvidence(@Ctx() ctx: RequestContext, @Args() args: AddImpersonationEvidenceArgs) {
    return this.reports.addEvidence(ctx, args);
  }
}
