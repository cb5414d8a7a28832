import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@ggsm/domain';
import { Allow } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { UuidPipe } from '../common/id.pipe';
import { ListMetadata } from '../common/list.args';
import { AuditEventListArgs, VerifyAuditChainArgs } from './audit.args';
import { AuditChainReportModel, AuditCheckpointModel, AuditEventModel } from './audit-event.model';
import { AuditService } from './audit.service';

const READERS = [Role.AUDITOR, Role.ADMIN] as const;

/** The audit log: read only, for auditors and administrators. There is no mutation on purpose. */
@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Allow(...READERS)
  @Query(() => AuditEventModel, { name: 'AuditEvent' })
  auditEvent(@Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.audit.get(id);
  }

  @Allow(...READERS)
  @Query(() => [AuditEventModel], { name: 'allAuditEvents' })
  allAuditEvents(@Args() args: AuditEventListArgs) {
    return this.audit.list(args, args.filter);
  }

  @Allow(...READERS)
  @Query(() => ListMetadata, { name: '_allAuditEventsMeta' })
  async allAuditEventsMeta(@Args() args: AuditEventListArgs) {
    return { count: await this.audit.count(args.filter) };
  }

  @Allow(...READERS)
  @Query(() => AuditChainReportModel, { description: 'Recomputes the whole hash chain and names the first broken link.' })
  verifyAuditChain(@Args() args: VerifyAuditChainArgs) {
    return this.audit.verify(args.checkpoints ?? []);
  }

  @Allow(...READERS)
  @Query(() => AuditCheckpointModel, { description: 'The verified chain head, signed, for the archivist to keep.' })
  auditCheckpoint(@Ctx() ctx: RequestContext) {
    return this.audit.checkpoint(ctx);
  }
}
