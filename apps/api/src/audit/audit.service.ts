import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@ggsm/domain';
import { type ListArgs, pageOf } from '../common/list.args';
import { notFound, sortColumn } from '../common/sorting';
import type { AuditEventFilter } from './audit.args';
import type { AuditEventModel } from './audit-event.model';
import type { RequestContext } from '../auth/request-context';
import { AuditEventEntity } from './audit-event.entity';
import { type Checkpoint, createVerifier, GENESIS, hashEvent, macOf, signCheckpoint, type StoredEvent, type VerifyReport } from './audit-chain';
import { AUDIT_KEY } from './audit.constants';

/** Serialises appends across all transactions and replicas, so the chain never forks. */
const CHAIN_LOCK = 20112;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
}

/** Plain JSON (dates as ISO strings), as jsonb will hand it back. */
const plain = (value: object | null | undefined): Record<string, unknown> | null =>
  value == null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);

/** Only the fields that changed, on both sides; the whole record when it is new. */
export function changedFields(before: object | null | undefined, after: object | null | undefined) {
  const b = plain(before);
  const a = plain(after);
  if (!b || !a) return { before: b, after: a };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, b[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, a[k] ?? null])),
  };
}

export function toStoredEvent(row: AuditEventEntity): StoredEvent {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorEmail: row.actorEmail,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    reason: row.reason,
    requestId: row.requestId,
    prevHash: row.prevHash,
    hash: row.hash,
    mac: row.mac,
  };
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AUDIT_KEY) private readonly key: Buffer,
  ) {}

  /** Appends one event inside the caller's transaction: the change and its record commit together or not at all. */
  record(m: EntityManager, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    return appendAuditEvent(m, this.key, ctx, entry);
  }

  /** Many events of one change (a bulk import), in order, in the caller's transaction. */
  recordMany(m: EntityManager, ctx: RequestContext, entries: readonly AuditEntry[]): Promise<void> {
    return appendAuditEvents(m, this.key, ctx, entries);
  }

  /** Recomputes the whole chain in batches; optional checkpoints catch a removed tail. */
  async verify(checkpoints: Checkpoint[] = []): Promise<VerifyReport> {
    return verifyChain(this.db, this.key, checkpoints);
  }

  /** Signs the head of a chain that verifies; a broken chain gets no checkpoint. */
  async checkpoint(ctx: RequestContext): Promise<Checkpoint> {
    const report = await this.verify();
    if (!report.ok) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, {
        nl: `De audittrail is niet intact (gebeurtenis ${report.brokenAt}: ${report.problemNl}); er wordt geen controlepunt getekend.`,
        en: `The audit trail is not intact (event ${report.brokenAt}: ${report.problem}); no checkpoint is signed.`,
      });
    }
    const checkpoint = signCheckpoint(this.key, report.length, report.headHash, new Date().toISOString());
    await this.db.transaction((m) =>
      this.record(m, ctx, { action: 'audit.checkpoint_exported', entityType: 'AuditTrail', entityId: null, after: { length: report.length, headHash: report.headHash } }),
    );
    return checkpoint;
  }

  private query(filter: AuditEventFilter = {}) {
    const qb = this.db.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (filter.ids) qb.andWhere('e.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.actorUserId) qb.andWhere('e.actor_user_id = :actor', { actor: filter.actorUserId });
    if (filter.q?.trim()) qb.andWhere(new Brackets((b) => b.where('e.actor_email ILIKE :q', { q: `%${filter.q?.trim()}%` })));
    if (filter.action) {
      if (filter.action.endsWith('.')) qb.andWhere('starts_with(e.action, :prefix)', { prefix: filter.action });
      else qb.andWhere('e.action = :action', { action: filter.action });
    }
    if (filter.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.from) qb.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.occurred_at < :to', { to: filter.to });
    return qb;
  }

  async list(args: ListArgs, filter?: AuditEventFilter): Promise<AuditEventModel[]> {
    const page = pageOf(args);
    // Newest first unless asked otherwise: the log is read from the top.
    const order = args.sortOrder ? page.order : 'DESC';
    const rows = await this.query(filter)
      .orderBy(sortColumn(args.sortField, SORTABLE, 'e.seq'), order)
      .addOrderBy('e.seq', order)
      .offset(page.skip)
      .limit(page.take)
      .getMany();
    return rows.map(toAuditEventModel);
  }

  count(filter?: AuditEventFilter): Promise<number> {
    return this.query(filter).getCount();
  }

  async get(id: string): Promise<AuditEventModel> {
    const row = await this.db.getRepository(AuditEventEntity).findOneBy({ id });
    if (!row) throw notFound({ nl: 'Auditgebeurtenis', en: 'Audit event' });
    return toAuditEventModel(row);
  }

  /** The events of one record, oldest first (for a History tab; the caller checked access to the record). */
  async history(entityType: string, entityId: string): Promise<AuditEventModel[]> {
    const rows = await this.query({ entityType, entityId }).orderBy('e.seq', 'ASC').limit(1000).getMany();
    return rows.map(toAuditEventModel);
  }
}

const SORTABLE = { seq: 'e.seq', occurredAt: 'e.occurred_at', action: 'e.action', entityType: 'e.entity_type', actorEmail: 'e.actor_email' };

export function toAuditEventModel(row: AuditEventEntity): AuditEventModel {
  return {
    id: row.id,
    seq: Number(row.seq),
    occurredAt: row.occurredAt,
    actorUserId: row.actorUserId,
    actorEmail: row.actorEmail,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    reason: row.reason,
    requestId: row.requestId,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export async function verifyChain(db: DataSource, key: Buffer, checkpoints: Checkpoint[] = []): Promise<VerifyReport> {
  const verifier = createVerifier(key, checkpoints);
  const batch = 1000;
  // Read by position, not by seq value, so that a gap or a swapped seq is seen as such.
  for (let offset = 0; ; offset += batch) {
    const rows = await db.getRepository(AuditEventEntity).createQueryBuilder('e').orderBy('e.seq', 'ASC').offset(offset).limit(batch).getMany();
    for (const row of rows) if (!verifier.add(toStoredEvent(row))) return verifier.report();
    if (rows.length < batch) return verifier.report();
  }
}

export async function appendAuditEvent(m: EntityManager, key: Buffer, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await appendAuditEvents(m, key, ctx, [entry]);
}

/**
 * Appends events in order inside the caller's transaction, with one lock and one read of the chain head
 * for all of them (a bulk import writes thousands), inserted a thousand rows per statement.
 */
export async function appendAuditEvents(m: EntityManager, key: Buffer, ctx: RequestContext, entries: readonly AuditEntry[]): Promise<void> {
  if (!m.queryRunner?.isTransactionActive) throw new Error('audit events are written inside the transaction of the change');
  if (entries.length === 0) return;
  await m.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  const [head] = await m.query('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
  let seq = head ? Number(head.seq) : 0;
  let prevHash = head ? String(head.hash) : GENESIS;
  const rows: Partial<AuditEventEntity>[] = [];
  for (const entry of entries) {
    const diff = changedFields(entry.before, entry.after);
    const fields = {
      seq: ++seq,
      occurredAt: new Date().toISOString(),
      actorUserId: ctx.user?.id ?? null,
      actorEmail: ctx.user?.email ?? null,
      actorRole: ctx.user ? ctx.user.roles.join(',') : 'SYSTEM',
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: diff.before,
      after: diff.after,
      reason: entry.reason ?? null,
      requestId: ctx.requestId,
      prevHash,
    };
    const hash = hashEvent(fields);
    prevHash = hash;
    rows.push({
      ...fields,
      before: fields.before as object | null,
      after: fields.after as object | null,
      seq: String(fields.seq),
      occurredAt: new Date(fields.occurredAt),
      hash,
      mac: macOf(key, hash),
    });
  }
  if (rows.length === 1) {
    await m.insert(AuditEventEntity, rows[0] as AuditEventEntity);
    return;
  }
  // Many at once: one statement per thousand, the columns as arrays (a bulk import writes ten thousand).
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    const col = <K extends keyof AuditEventEntity>(k: K, f: (v: AuditEventEntity[K]) => unknown = (v) => v) => batch.map((r) => f(r[k] as AuditEventEntity[K]));
    const json = (v: object | null) => (v === null ? null : JSON.stringify(v));
    await m.query(
      `INSERT INTO audit_event (seq, occurred_at, actor_user_id, actor_email, actor_role, action, entity_type, entity_id, before, after, reason, request_id, prev_hash, hash, mac)
       SELECT s::bigint, o::timestamptz, au::uuid, ae, ar, ac, et, ei, b::jsonb, a::jsonb, r, rq, ph, h, mc
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
           AS t(s, o, au, ae, ar, ac, et, ei, b, a, r, rq, ph, h, mc)`,
      [
        col('seq'),
        col('occurredAt', (d) => d.toISOString()),
        col('actorUserId'),
        col('actorEmail'),
        col('actorRole'),
        col('action'),
        col('entityType'),
        col('entityId'),
        col('before', json),
        col('after', json),
        col('reason'),
        col('requestId'),
        col('prevHash'),
        col('hash'),
        col('mac'),
      ],
    );
  }
}
