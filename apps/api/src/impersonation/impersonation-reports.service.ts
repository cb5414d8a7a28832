import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_IMPERSONATION_TIME_LIMITS,
  DomainError,
  ErrorCode,
  FINAL_IMPERSONATION_STATES,
  type ImpersonationSource,
  type ImpersonationState,
  type ImpersonationStep,
  type ImpersonationStepInput,
  type ImpersonationTimeLimits,
  type LocalizedText,
  Role,
  availableImpersonationSteps,
  dueAt,
  findPlatform,
  formatImpersonationReference,
  isOpenImpersonationState,
  isOverdue,
  normalizeHandle,
  parseHandleInput,
  planImpersonationStep,
} from '@ggsm/domain';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
import { type ListArgs, pageOf } from '../common/list.args';
import { isUniqueViolation, notFound, sortColumn } from '../common/sorting';
import { updateVersioned, versionConflict } from '../common/versioned';
import { notifyCaseStep } from '../notifications/outbox';
import { ScopeService } from '../org-units/scope.service';
import { PlatformsService } from '../platforms/platforms.service';
import type {
  AddImpersonationEvidenceArgs,
  DismissImpersonationArgs,
  ImpersonationCommentArgs,
  ImpersonationReportFilter,
  RecordLegalDecisionArgs,
  RecordTakedownOutcomeArgs,
  RecordTakedownRequestArgs,
  ReportImpersonationArgs,
  TriageImpersonationArgs,
} from './impersonation.args';
import { ImpersonationEvidenceEntity, ImpersonationReportEntity, ImpersonationTimeLimitEntity, KnownImpersonatorEntity } from './impersonation.entity';
import { ImpersonationEvidenceKind } from './impersonation.enums';
import type { ImpersonationEvidenceModel, ImpersonationReportModel, ImpersonationReportReceiptModel } from './impersonation.model';
import { handleSkeletonOf, suggestImitated } from './suggest-imitated';

const REPORT: LocalizedText = { nl: 'Melding', en: 'Report' };
const EVIDENCE: LocalizedText = { nl: 'Bewijsstuk', en: 'Evidence' };
/** Those who handle cases see the reporter's contact details; for everyone else they are null (AVG). */
const CONTACT_READERS: readonly Role[] = [Role.COMMUNICATIONS, Role.LEGAL];
/** What the audit trail keeps instead of a reporter's contact detail. */
const PERSONAL_DATA = '[personal data]';
const OPEN_SUSPECT_INDEX = 'impersonation_report_open_suspect_uq';
/** Which official accounts a suspect may imitate: those that are (or were) ours, not drafts or rejected requests. */
const IMITABLE_STATUSES = ['ACTIVE', 'SUSPENDED', 'ARCHIVED', 'SUBMITTED'];
const CLOCK_SKEW_MS = 5 * 60_000;

const SORTABLE = {
  reference: 'r.reference',
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
  state: 'r.state',
  stateEnteredAt: 'r.state_entered_at',
  dueAt: 'r.state_entered_at',
  overdue: 'r.state_entered_at',
  platformId: 'r.platform_key',
  suspectHandle: 'r.normalized_suspect_handle',
  reportCount: 'r.report_count',
  source: 'r.source',
};

const bad = (field: string, code: string, message: LocalizedText) => new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field, code, message }]);
const text = (v: string | null | undefined): string | null => v?.trim() || null;

export interface UploadedEvidence {
  buffer: Buffer;
  originalName: string;
  mimeType: string;
}

export interface EvidenceDownload {
  content: Buffer;
  mimeType: string;
  fileName: string;
}

/**
 * Impersonation cases. Who may read: every role, but an editor only the cases about accounts of its own
 * unit subtree (the confirmed imitated account, or before triage the suggested one); another unit's case
 * is NOT_FOUND. Reporter contact details are resolved for COMMUNICATIONS and LEGAL only. Steps follow the
 * domain's state machine (planImpersonationStep); every write is audited in its own transaction.
 */
@Injectable()
export class ImpersonationReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly platforms: PlatformsService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  // ---- reading ----

  /** The working days per state, from impersonation_time_limit (the functional administrator may change them). */
  async limits(m: EntityManager = this.db.manager): Promise<ImpersonationTimeLimits> {
    const rows = await m.find(ImpersonationTimeLimitEntity);
    const workingDays = { ...DEFAULT_IMPERSONATION_TIME_LIMITS.workingDays };
    for (const r of rows) workingDays[r.state] = r.workingDays;
    return { ...DEFAULT_IMPERSONATION_TIME_LIMITS, workingDays };
  }

  private async query(ctx: RequestContext, filter: ImpersonationReportFilter = {}, m: EntityManager = this.db.manager) {
    const qb = m.createQueryBuilder(ImpersonationReportEntity, 'r');
    const visible = await this.scope.visibleUnitIds(ctx.user, m);
    if (visible !== null) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM social_account va WHERE va.id = COALESCE(r.imitated_account_id, r.suggested_account_id) AND va.org_unit_id = ANY(:visible))',
        { visible },
      );
    }
    if (filter.q?.trim()) {
      const q = `%${filter.q.trim()}%`;
      qb.andWhere(
        new Brackets((b) =>
          b
            .where('r.reference ILIKE :q', { q })
            .orWhere('r.suspect_handle ILIKE :q', { q })
            .orWhere('r.normalized_suspect_handle ILIKE :q', { q })
            .orWhere('r.suspect_display_name ILIKE :q', { q })
            .orWhere('r.suspect_url ILIKE :q', { q })
            .orWhere('r.description ILIKE :q', { q }),
        ),
      );
    }
    if (filter.ids) qb.andWhere('r.id = ANY(:ids)', { ids: filter.ids });
    if (filter.state) qb.andWhere('r.state = :state', { state: filter.state });
    if (filter.states) qb.andWhere('r.state = ANY(:states)', { states: filter.states });
    if (filter.open !== undefined && filter.open !== null) {
      qb.andWhere(filter.open ? 'NOT (r.state = ANY(:final))' : 'r.state = ANY(:final)', { final: [...FINAL_IMPERSONATION_STATES] });
    }
    if (filter.imitatedAccountId) qb.andWhere('COALESCE(r.imitated_account_id, r.suggested_account_id) = :account', { account: filter.imitatedAccountId });
    if (filter.platform) qb.andWhere('r.platform_key = :platform', { platform: findPlatform(filter.platform)?.key ?? filter.platform });
    if (filter.source) qb.andWhere('r.source = :source', { source: filter.source });
    if (filter.overdue !== undefined && filter.overdue !== null) {
      // Working days are the domain's arithmetic, not SQL's: the open cases are few, so their clocks are read here.
      const limits = await this.limits(m);
      const open: { id: string; state: ImpersonationState; state_entered_at: Date }[] = await m.query(
        'SELECT id, state, state_entered_at FROM impersonation_report WHERE NOT (state = ANY($1))',
        [[...FINAL_IMPERSONATION_STATES]],
      );
      const now = new Date();
      const overdue = open.filter((r) => isOverdue(r.state, r.state_entered_at, now, limits)).map((r) => r.id);
      qb.andWhere(filter.overdue ? 'r.id = ANY(:overdue)' : 'NOT (r.id = ANY(:overdue))', { overdue });
    }
    return qb;
  }

  async list(ctx: RequestContext, args: ListArgs, filter?: ImpersonationReportFilter): Promise<ImpersonationReportModel[]> {
    const page = pageOf(args);
    const rows = await (await this.query(ctx, filter))
      .orderBy(sortColumn(args.sortField, SORTABLE, 'r.created_at'), page.order)
      .addOrderBy('r.id')
      .offset(page.skip)
      .limit(page.take)
      .getMany();
    const limits = await this.limits();
    return rows.map((r) => toImpersonationReportModel(r, ctx, limits));
  }

  async count(ctx: RequestContext, filter?: ImpersonationReportFilter): Promise<number> {
    return (await this.query(ctx, filter)).getCount();
  }

  async get(ctx: RequestContext, id: string): Promise<ImpersonationReportModel> {
    return toImpersonationReportModel(await this.load(this.db.manager, ctx, id), ctx, await this.limits());
  }

  /** The evidence of a case the caller may see (checked by the caller of this method), oldest first. */
  async evidenceOf(reportId: string): Promise<ImpersonationEvidenceModel[]> {
    const rows = await this.db.manager.find(ImpersonationEvidenceEntity, { where: { reportId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toEvidenceModel);
  }

  /** One case the caller may see; another unit's case is NOT_FOUND for an editor, exactly like a missing one. */
  private async load(m: EntityManager, ctx: RequestContext, id: string, lock = false): Promise<ImpersonationReportEntity> {
    const qb = (await this.query(ctx, {}, m)).andWhere('r.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    if (!row) throw notFound(REPORT);
    return row;
  }

  // ---- intake ----

  /**
   * A report from the public (no login: source PUBLIC) or from staff (STAFF). The suspect is read from the
   * handle or the profile URL; a suspect with an open case joins it (count + 1, the description and URL
   * appended as evidence) and gets the same reference. A new case gets the lookalike engine's suggestion
   * of the account it imitates.
   */
  report(ctx: RequestContext, args: ReportImpersonationArgs): Promise<ImpersonationReportReceiptModel> {
    const source: ImpersonationSource = ctx.user ? 'STAFF' : 'PUBLIC';
    const suspect = this.suspectOf(args);
    return this.db.transaction(async (m) => {
      await this.platforms.mustExist(m, suspect.platform);
      const open = await this.openCase(m, suspect.platform, suspect.normalized);
      if (open) return this.join(m, ctx, open, args, source);
      const suggested = await this.suggest(m, suspect.platform, suspect.handle);
      const contact = { reporterName: text(args.reporterName), reporterEmail: text(args.reporterEmail)?.toLowerCase() ?? null, reporterPhone: text(args.reporterPhone) };
      await m.query('SAVEPOINT open_case');
      let row: ImpersonationReportEntity;
      try {
        row = m.create(ImpersonationReportEntity, {
          reference: await this.nextReference(m),
          source,
          ...contact,
          createdById: ctx.user?.id ?? null,
          platformKey: suspect.platform,
          suspectHandle: suspect.handle,
          normalizedSuspectHandle: suspect.normalized,
          suspectUrl: text(args.suspectUrl),
          suspectDisplayName: text(args.suspectDisplayName),
          description: args.description.trim(),
          suggestedAccountId: suggested,
          imitatedAccountId: null,
          state: 'RECEIVED',
          stateEnteredAt: new Date(),
          reportCount: 1,
        });
        await m.insert(ImpersonationReportEntity, row);
        await m.query('RELEASE SAVEPOINT open_case');
      } catch (err) {
        await m.query('ROLLBACK TO SAVEPOINT open_case');
        if (!isUniqueViolation(err, OPEN_SUSPECT_INDEX)) throw err;
        // Someone reported the same suspect at the same moment: this report joins that case.
        const raced = await this.openCase(m, suspect.platform, suspect.normalized);
        if (!raced) throw err;
        return this.join(m, ctx, raced, args, source);
      }
      const created = await m.findOneByOrFail(ImpersonationReportEntity, { id: row.id });
      await this.audit.record(m, ctx, { action: 'impersonation_report.reported', entityType: 'ImpersonationReport', entityId: row.id, after: auditShape(created) });
      return { id: row.id, reference: row.reference, joined: false };
    });
  }

  private suspectOf(args: ReportImpersonationArgs): { platform: string; handle: string; normalized: string } {
    const platform = findPlatform(args.platform.trim());
    if (!platform) {
      throw bad('platform', 'PLATFORM_UNKNOWN', { nl: `Onbekend platform "${args.platform}".`, en: `Unknown platform "${args.platform}".` });
    }
    let handle: string | null = null;
    if (text(args.suspectUrl)) {
      const parsed = parseHandleInput(platform.key, (args.suspectUrl as string).trim());
      if (!parsed) {
        throw bad('suspectUrl', 'SUSPECT_URL_UNRECOGNISED', {
          nl: `Dit is geen profieladres van ${platform.name}; geef de accountnaam of het adres van het profiel zelf.`,
          en: `This is not a ${platform.name} profile address; give the account name or the address of the profile itself.`,
        });
      }
      handle = parsed.handle;
    }
    if (text(args.suspectHandle)) {
      const parsed = parseHandleInput(platform.key, (args.suspectHandle as string).trim());
      if (!parsed) {
        throw bad('suspectHandle', 'SUSPECT_HANDLE_INVALID', { nl: `Geen accountnaam van ${platform.name}.`, en: `Not a ${platform.name} account name.` });
      }
      handle = parsed.handle;
    }
    if (!handle) {
      throw bad('suspectHandle', 'SUSPECT_REQUIRED', { nl: 'Geef de accountnaam of het profieladres van het verdachte account.', en: 'Give the account name or profile address of the suspect account.' });
    }
    const normalized = normalizeHandle(platform.key, handle);
    if (!normalized || Array.from(normalized).length > 300) {
      throw bad('suspectHandle', 'SUSPECT_HANDLE_INVALID', { nl: `Geen accountnaam van ${platform.name}.`, en: `Not a ${platform.name} account name.` });
    }
    return { platform: platform.key, handle, normalized };
  }

  private openCase(m: EntityManager, platform: string, normalized: string): Promise<ImpersonationReportEntity | null> {
    return m
      .createQueryBuilder(ImpersonationReportEntity, 'r')
      .where('r.platform_key = :platform AND r.normalized_suspect_handle = :normalized AND NOT (r.state = ANY(:final))', {
        platform,
        normalized,
        final: [...FINAL_IMPERSONATION_STATES],
      })
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * A further report of a suspect with an open case. The count and the evidence grow; the case's version
   * does not change, so a case handler's pending step is not refused because a citizen wrote in. The first
   * reporter's contact details stay; a later reporter's are kept only when the case had none (data minimisation).
   */
  private async join(m: EntityManager, ctx: RequestContext, row: ImpersonationReportEntity, args: ReportImpersonationArgs, source: ImpersonationSource): Promise<ImpersonationReportReceiptModel> {
    const hadContact = !!(row.reporterName || row.reporterEmail || row.reporterPhone);
    const contact = hadContact ? {} : { reporter_name: text(args.reporterName), reporter_email: text(args.reporterEmail)?.toLowerCase() ?? null, reporter_phone: text(args.reporterPhone) };
    const sets = ['report_count = report_count + 1', 'updated_at = now()', ...Object.keys(contact).map((k, i) => `${k} = $${i + 2}`)];
    await m.query(`UPDATE impersonation_report SET ${sets.join(', ')} WHERE id = $1`, [row.id, ...Object.values(contact)]);
    const evidence: Partial<ImpersonationEvidenceEntity>[] = [
      { reportId: row.id, kind: ImpersonationEvidenceKind.NOTE, note: args.description.trim(), intakeSource: source, createdById: ctx.user?.id ?? null },
    ];
    const url = text(args.suspectUrl);
    if (url) evidence.push({ reportId: row.id, kind: ImpersonationEvidenceKind.URL, url, intakeSource: source, createdById: ctx.user?.id ?? null });
    const inserted = await m.insert(ImpersonationEvidenceEntity, evidence);
    await this.audit.record(m, ctx, {
      action: 'impersonation_report.joined',
      entityType: 'ImpersonationReport',
      entityId: row.id,
      before: { reportCount: row.reportCount },
      after: {
        reportCount: row.reportCount + 1,
        source,
        evidenceIds: inserted.identifiers.map((i) => i.id as string),
        ...(hadContact ? {} : contactShape({ reporterName: text(args.reporterName), reporterEmail: text(args.reporterEmail), reporterPhone: text(args.reporterPhone) })),
      },
    });
    return { id: row.id, reference: row.reference, joined: true };
  }

  /** IMP-<year>-<n>: the year's counter is bumped under its row lock, so concurrent reports never share a number. */
  private async nextReference(m: EntityManager): Promise<string> {
    const [row]: { year: number; last_value: number }[] = await m.query(
      `INSERT INTO impersonation_reference_counter (year, last_value)
       VALUES (extract(year FROM now() AT TIME ZONE 'Europe/Amsterdam')::int, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = impersonation_reference_counter.last_value + 1
       RETURNING year, last_value`,
    );
    return formatImpersonationReference(Number(row?.year), Number(row?.last_value));
  }

  private async suggest(m: EntityManager, platform: string, handle: string): Promise<string | null> {
    const candidates: { id: string; platform: string; handle: string }[] = await m.query(
      'SELECT id, platform_key AS platform, handle FROM social_account WHERE status = ANY($1)',
      [IMITABLE_STATUSES],
    );
    return suggestImitated({ platform, handle }, candidates);
  }

  // ---- steps ----

  triage(ctx: RequestContext, args: TriageImpersonationArgs): Promise<ImpersonationReportModel> {
    return this.step(ctx, 'triage', 'impersonation_report.triaged', args, {}, async (m, row) => {
      const account = args.imitatedAccountId ?? row.imitatedAccountId ?? row.suggestedAccountId;
      if (!account) {
        throw bad('imitatedAccountId', 'IMITATED_ACCOUNT_REQUIRED', {
          nl: 'Er is geen voorgesteld account: kies het officiële account dat wordt nagebootst.',
          en: 'There is no suggested account: choose the official account being imitated.',
        });
      }
      const [exists] = await m.query('SELECT 1 FROM social_account WHERE id = $1', [account]);
      if (!exists) throw bad('imitatedAccountId', 'ACCOUNT_UNKNOWN', { nl: 'Dat account bestaat niet.', en: 'That account does not exist.' });
      return { imitatedAccountId: account };
    });
  }

  dismiss(ctx: RequestContext, args: DismissImpersonationArgs): Promise<ImpersonationReportModel> {
    return this.step(ctx, 'dismiss', 'impersonation_report.dismissed', args, { dismissalReason: args.reason }, async () => ({}), args.comment);
  }

  sendToLegal(ctx: RequestContext, args: ImpersonationCommentArgs): Promise<ImpersonationReportModel> {
    return this.step(ctx, 'sendToLegal', 'impersonation_report.sent_to_legal', args, {}, async () => ({}), args.comment);
  }

  /** The decision of Bureau Juridische Zaken; IMPERSONATION remembers the suspect as a known impersonator. */
  recordLegalDecision(ctx: RequestContext, args: RecordLegalDecisionArgs): Promise<ImpersonationReportModel> {
    return this.step(ctx, 'recordLegalDecision', 'impersonation_report.legal_decision_recorded', args, { decision: args.decision }, async (m, row, plan) => {
      const now = new Date();
      if (plan.knownImpersonator) await this.rememberImpersonator(m, ctx, row, now);
      return { legalDecision: args.decision, legalReasoning: args.reasoning.trim(), legalDecidedById: ctx.user?.id ?? null, legalDecidedAt: now };
    });
  }

  recordTakedownRequest(ctx: RequestContext, args: RecordTakedownRequestArgs): Promise<ImpersonationReportModel> {
    return this.step(ctx, 'recordTakedownRequest', 'impersonation_report.takedown_requested', args, {}, async () => {
      notInFuture('filedAt', args.filedAt);
      // A new request (after a denial, or a relaunch seen while monitoring) starts without an outcome.
      return { takedownCaseRef: args.platformCaseRef.trim(), takedownFiledAt: args.filedAt, takedownFiledById: ctx.user?.id ?? null, takedownOutcome: null, takedownOutcomeAt: null };
    });
  }

  recordTakedownOutcome(ctx: RequestContext, args: RecordTakedownOutcomeArgs): Promise<ImpersonationReportModel> {
    return this.step(ctx, 'recordTakedownOutcome', 'impersonation_report.takedown_outcome_recorded', args, { outcome: args.outcome }, async (_m, row) => {
      notInFuture('decidedAt', args.decidedAt);
      if (row.takedownFiledAt && args.decidedAt.getTime() < row.takedownFiledAt.getTime()) {
        throw bad('decidedAt', 'DATE_ORDER', { nl: 'De uitkomst ligt vóór het indienen van het verzoek.', en: 'The outcome is before the request was filed.' });
      }
      return { takedownOutcome: args.outcome, takedownOutcomeAt: args.decidedAt };
    });
  }

  startMonitoring(ctx: RequestContext, args: ImpersonationCommentArgs): Promise<ImpersonationReportModel> {
    return this.step(ctx, 'startMonitoring', 'impersonation_report.monitoring_started', args, {}, async () => ({}), args.comment);
  }

  close(ctx: RequestContext, args: ImpersonationCommentArgs): Promise<ImpersonationReportModel> {
    return this.step(ctx, 'close', 'impersonation_report.closed', args, {}, async () => ({}), args.comment);
  }

  /**
   * One step: the case (NOT_FOUND when the caller may not see it), the version the caller saw, the state
   * machine (roles first, then the transition), the step's own columns, one compare-and-set UPDATE and one
   * audit event, in one transaction.
   */
  private step(
    ctx: RequestContext,
    step: ImpersonationStep,
    action: string,
    args: { id: string; version: number },
    input: ImpersonationStepInput,
    columnsOf: (m: EntityManager, row: ImpersonationReportEntity, plan: ReturnType<typeof planImpersonationStep>) => Promise<Partial<ImpersonationReportEntity>>,
    comment?: string | null,
  ): Promise<ImpersonationReportModel> {
    return this.db.transaction(async (m) => {
      const row = await this.load(m, ctx, args.id, true);
      const plan = planImpersonationStep(step, { state: row.state, legalDecision: row.legalDecision }, ctx.user?.roles ?? [], input);
      if (args.version !== row.version) throw versionConflict(REPORT);
      const columns: Partial<ImpersonationReportEntity> = { ...(await columnsOf(m, row, plan)), state: plan.to };
      if (plan.to !== row.state) columns.stateEnteredAt = new Date();
      if (plan.dismissalReason) columns.dismissalReason = plan.dismissalReason;
      await updateVersioned(m, ImpersonationReportEntity, { id: row.id }, args.version, columns, REPORT);
      const after = await m.findOneByOrFail(ImpersonationReportEntity, { id: row.id });
      await this.audit.record(m, ctx, {
        action,
        entityType: 'ImpersonationReport',
        entityId: row.id,
        before: auditShape(row),
        after: plan.knownImpersonator ? { ...auditShape(after), knownImpersonator: true } : auditShape(after),
        reason: text(comment),
      });
      await notifyCaseStep(m, ctx, step, after);
      return toImpersonationReportModel(after, ctx, await this.limits(m));
    });
  }

  /** One row per platform and handle: a later decision on the same handle points to the newer case. */
  private async rememberImpersonator(m: EntityManager, ctx: RequestContext, row: ImpersonationReportEntity, decidedAt: Date): Promise<void> {
    await m.query(
      `INSERT INTO known_impersonator (platform_key, handle, normalized_handle, skeleton, report_id, imitated_account_id, decided_at, decided_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (platform_key, normalized_handle) DO UPDATE SET handle = EXCLUDED.handle, skeleton = EXCLUDED.skeleton, report_id = EXCLUDED.report_id,
         imitated_account_id = EXCLUDED.imitated_account_id, decided_at = EXCLUDED.decided_at, decided_by_id = EXCLUDED.decided_by_id, updated_at = now()`,
      [
        row.platformKey,
        row.suspectHandle,
        row.normalizedSuspectHandle,
        handleSkeletonOf(row.suspectHandle),
        row.id,
        row.imitatedAccountId ?? row.suggestedAccountId,
        decidedAt,
        ctx.user?.id ?? null,
      ],
    );
  }

  // ---- evidence ----

  /** A URL and/or a note (with when it was captured) added to an open case. */
  addEvidence(ctx: RequestContext, args: AddImpersonationEvidenceArgs): Promise<ImpersonationEvidenceModel> {
    const url = text(args.url);
    const note = text(args.note);
    if (!url && !note) {
      throw bad('url', 'EVIDENCE_EMPTY', { nl: 'Geef een adres of een notitie.', en: 'Give a URL or a note.' });
    }
    if (url && !/^https?:\/\/\S+$/i.test(url)) throw bad('url', 'URL_INVALID', { nl: 'Geef een http(s)-adres.', en: 'Give an http(s) address.' });
    if (args.capturedAt) notInFuture('capturedAt', args.capturedAt);
    return this.db.transaction(async (m) => {
      const report = await this.openForEvidence(m, ctx, args.reportId);
      const kind = url ? ImpersonationEvidenceKind.URL : ImpersonationEvidenceKind.NOTE;
      const row = m.create(ImpersonationEvidenceEntity, { reportId: report.id, kind, url, note, capturedAt: args.capturedAt ?? null, createdById: ctx.user?.id ?? null });
      await m.insert(ImpersonationEvidenceEntity, row);
      const saved = toEvidenceModel(await m.findOneByOrFail(ImpersonationEvidenceEntity, { id: row.id }));
      await this.audit.record(m, ctx, { action: 'impersonation_report.evidence_added', entityType: 'ImpersonationReport', entityId: report.id, after: { evidence: evidenceAuditShape(saved) } });
      return saved;
    });
  }

  /** A screenshot whose type was checked by content by the caller; its sha256 goes into the row and the audit trail. */
  addFileEvidence(ctx: RequestContext, reportId: string, file: UploadedEvidence, note: string | null, capturedAt: Date | null): Promise<ImpersonationEvidenceModel> {
    return this.db.transaction(async (m) => {
      const report = await this.openForEvidence(m, ctx, reportId);
      const row = m.create(ImpersonationEvidenceEntity, {
        reportId: report.id,
        kind: ImpersonationEvidenceKind.FILE,
        note: text(note),
        capturedAt,
        fileName: safeFileName(file.originalName, file.mimeType),
        mimeType: file.mimeType,
        sizeBytes: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
        createdById: ctx.user?.id ?? null,
      });
      await m.insert(ImpersonationEvidenceEntity, row);
      const saved = toEvidenceModel(await m.findOneByOrFail(ImpersonationEvidenceEntity, { id: row.id }));
      await this.audit.record(m, ctx, { action: 'impersonation_report.evidence_added', entityType: 'ImpersonationReport', entityId: report.id, after: { evidence: evidenceAuditShape(saved) } });
      return saved;
    });
  }

  /** Checked before an upload is read into memory for storage, so a closed case refuses it early. */
  async assertOpenForEvidence(ctx: RequestContext, reportId: string): Promise<void> {
    await this.openForEvidence(this.db.manager, ctx, reportId);
  }

  private async openForEvidence(m: EntityManager, ctx: RequestContext, reportId: string): Promise<ImpersonationReportEntity> {
    const report = await this.load(m, ctx, reportId);
    if (!isOpenImpersonationState(report.state)) {
      const message = { nl: 'Bij een gesloten of afgewezen melding kan geen bewijs meer worden toegevoegd.', en: 'No evidence can be added to a closed or dismissed report.' };
      throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, message, [{ field: 'reportId', code: 'REPORT_NOT_OPEN', message }]);
    }
    return report;
  }

  async download(ctx: RequestContext, evidenceId: string): Promise<EvidenceDownload> {
    const row = await this.db.manager
      .createQueryBuilder(ImpersonationEvidenceEntity, 'e')
      .addSelect('e.content')
      .where('e.id = :id AND e.kind = :kind', { id: evidenceId, kind: ImpersonationEvidenceKind.FILE })
      .getOne();
    if (!row?.content) throw notFound(EVIDENCE);
    await this.load(this.db.manager, ctx, row.reportId);
    return { content: row.content, mimeType: row.mimeType ?? 'application/octet-stream', fileName: row.fileName ?? `${row.id}` };
  }
}

function notInFuture(field: string, date: Date): void {
  if (date.getTime() > Date.now() + CLOCK_SKEW_MS) {
    throw bad(field, 'DATE_IN_FUTURE', { nl: 'Deze datum ligt in de toekomst.', en: 'This date is in the future.' });
  }
}

/** A file name that is safe in a Content-Disposition header and on any disk, with the extension of its real type. */
function safeFileName(original: string, mimeType: string): string {
  const ext = mimeType === 'image/png' ? 'png' : 'jpg';
  const base = original
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${base || 'schermafdruk'}.${ext}`;
}

export function toEvidenceModel(row: ImpersonationEvidenceEntity): ImpersonationEvidenceModel {
  return {
    id: row.id,
    reportId: row.reportId,
    kind: row.kind,
    url: row.url,
    note: row.note,
    capturedAt: row.capturedAt,
    intakeSource: row.intakeSource,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    downloadUrl: row.kind === ImpersonationEvidenceKind.FILE ? `/api/impersonation-evidence/${row.id}` : null,
    createdById: row.createdById,
    createdAt: row.createdAt,
  };
}

function evidenceAuditShape(e: ImpersonationEvidenceModel): Record<string, unknown> {
  return { id: e.id, kind: e.kind, url: e.url, note: e.note, capturedAt: e.capturedAt, fileName: e.fileName, mimeType: e.mimeType, sizeBytes: e.sizeBytes, sha256: e.sha256 };
}

export function toImpersonationReportModel(row: ImpersonationReportEntity, ctx: RequestContext, limits: ImpersonationTimeLimits, now: Date = new Date()): ImpersonationReportModel {
  const roles = ctx.user?.roles ?? [];
  const contact = roles.some((r) => CONTACT_READERS.includes(r));
  return {
    id: row.id,
    reference: row.reference,
    source: row.source,
    reporterName: contact ? row.reporterName : null,
    reporterEmail: contact ? row.reporterEmail : null,
    reporterPhone: contact ? row.reporterPhone : null,
    platformId: row.platformKey,
    suspectHandle: row.suspectHandle,
    normalizedSuspectHandle: row.normalizedSuspectHandle,
    suspectUrl: row.suspectUrl,
    suspectDisplayName: row.suspectDisplayName,
    description: row.description,
    suggestedAccountId: row.suggestedAccountId,
    imitatedAccountId: row.imitatedAccountId,
    state: row.state,
    stateEnteredAt: row.stateEnteredAt,
    dueAt: dueAt(row.state, row.stateEnteredAt, limits),
    overdue: isOverdue(row.state, row.stateEnteredAt, now, limits),
    dismissalReason: row.dismissalReason,
    legalDecision: row.legalDecision,
    legalReasoning: row.legalReasoning,
    legalDecidedById: row.legalDecidedById,
    legalDecidedAt: row.legalDecidedAt,
    platformCaseRef: row.takedownCaseRef,
    takedownFiledAt: row.takedownFiledAt,
    takedownFiledById: row.takedownFiledById,
    takedownOutcome: row.takedownOutcome,
    takedownOutcomeAt: row.takedownOutcomeAt,
    reportCount: row.reportCount,
    createdById: row.createdById,
    availableSteps: availableImpersonationSteps({ state: row.state, legalDecision: row.legalDecision }, roles),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Contact details enter the audit trail only as the fact that they were given. */
function contactShape(c: { reporterName: string | null; reporterEmail: string | null; reporterPhone: string | null }): Record<string, string | null> {
  return {
    reporterName: c.reporterName ? PERSONAL_DATA : null,
    reporterEmail: c.reporterEmail ? PERSONAL_DATA : null,
    reporterPhone: c.reporterPhone ? PERSONAL_DATA : null,
  };
}

/** What the audit trail keeps of a case: the stored facts, with the reporter's contact details masked. */
function auditShape(row: ImpersonationReportEntity): Record<string, unknown> {
  const { reporterName, reporterEmail, reporterPhone, takedownCaseRef, platformKey, ...rest } = row;
  return { ...rest, platformId: platformKey, platformCaseRef: takedownCaseRef, ...contactShape({ reporterName, reporterEmail, reporterPhone }) };
}
