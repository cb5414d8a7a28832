import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS = '0'.repeat(64);

/** The fields an event's hash covers: everything but the hash and mac themselves. */
export interface ChainedFields {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  prevHash: string;
}

/** SHA-256 over the RFC 8785 canonical JSON, so PostgreSQL's jsonb key order does not matter. */
export function hashEvent(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalize(fields) ?? '').digest('hex');
}

export const macOf = (key: Buffer, hash: string) => createHmac('sha256', key).update(hash).digest('hex');

export interface StoredEvent extends ChainedFields {
  hash: string;
  mac: string;
}

export interface Checkpoint {
  length: number;
  headHash: string;
  createdAt: string;
  mac: string;
}

export type ChainProblemCode =
  | 'MISSING_OR_OUT_OF_ORDER'
  | 'BROKEN_LINK'
  | 'ALTERED'
  | 'NOT_SIGNED'
  | 'CHECKPOINT_MISMATCH'
  | 'TAIL_REMOVED'
  | 'CHECKPOINT_NOT_SIGNED';

export interface VerifyReport {
  ok: boolean;
  length: number;
  headHash: string;
  /** The first broken link: its sequence number and what is wrong with it, in English and Dutch. */
  brokenAt?: number;
  problemCode?: ChainProblemCode;
  problem?: string;
  problemNl?: string;
}

interface Failure {
  seq: number;
  code: ChainProblemCode;
  en: string;
  nl: string;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Walks the chain in sequence order. Alteration breaks the hash, removal and reordering break the
 * sequence or the link to the previous hash, re-hashing by someone without the key breaks the mac,
 * and cutting off the tail is caught against a checkpoint exported earlier. A checkpoint that is not
 * signed with this key is reported too, but after the chain itself has been walked.
 */
export function createVerifier(key: Buffer, checkpoints: Checkpoint[] = []) {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let failure: Failure | undefined;
  const unsigned = checkpoints.filter((c) => !same(c.mac, macOf(key, `${c.length}:${c.headHash}:${c.createdAt}`)));
  const pending = new Map(checkpoints.filter((c) => !unsigned.includes(c)).map((c) => [c.length, c]));
  return {
    add(e: StoredEvent): boolean {
      if (failure) return false;
      const fail = (code: ChainProblemCode, en: string, nl: string) => ((failure = { seq: e.seq, code, en, nl }), false);
      if (e.seq !== expectedSeq) {
        return fail(
          'MISSING_OR_OUT_OF_ORDER',
          `expected event ${expectedSeq} but found ${e.seq}: an event is missing or out of order`,
          `gebeurtenis ${expectedSeq} verwacht maar ${e.seq} gevonden: er ontbreekt een gebeurtenis of de volgorde is veranderd`,
        );
      }
      if (e.prevHash !== prevHash) {
        return fail('BROKEN_LINK', 'does not link to the previous event (removed or reordered)', 'sluit niet aan op de vorige gebeurtenis (verwijderd of verplaatst)');
      }
      const { hash, mac, ...fields } = e;
      if (!same(hashEvent(fields), hash)) return fail('ALTERED', 'its content does not match its hash (altered)', 'de inhoud klopt niet met de hash (achteraf gewijzigd)');
      if (!same(macOf(key, hash), mac)) {
        return fail('NOT_SIGNED', 'its hash is not signed with the audit key (re-hashed)', 'de hash is niet ondertekend met de auditsleutel (opnieuw berekend)');
      }
      const checkpoint = pending.get(e.seq);
      if (checkpoint && checkpoint.headHash !== hash) {
        return fail('CHECKPOINT_MISMATCH', `differs from the checkpoint taken at length ${e.seq}`, `wijkt af van het controlepunt bij lengte ${e.seq}`);
      }
      pending.delete(e.seq);
      prevHash = hash;
      expectedSeq += 1;
      return true;
    },
    report(): VerifyReport {
      const length = expectedSeq - 1;
      if (!failure && pending.size) {
        const shortest = Math.min(...pending.keys());
        failure = {
          seq: length + 1,
          code: 'TAIL_REMOVED',
          en: `the chain ends at ${length} but a checkpoint says it had ${shortest} events (tail removed)`,
          nl: `de keten eindigt bij ${length} maar een controlepunt zegt dat er ${shortest} gebeurtenissen waren (einde verwijderd)`,
        };
      }
      if (!failure && unsigned.length) {
        const c = unsigned[0] as Checkpoint;
        failure = {
          seq: c.length,
          code: 'CHECKPOINT_NOT_SIGNED',
          en: `the checkpoint at length ${c.length} is not signed with this key`,
          nl: `het controlepunt bij lengte ${c.length} is niet met deze sleutel ondertekend`,
        };
      }
      return failure
        ? { ok: false, length, headHash: prevHash, brokenAt: failure.seq, problemCode: failure.code, problem: failure.en, problemNl: failure.nl }
        : { ok: true, length, headHash: prevHash };
    },
  };
}

export function signCheckpoint(key: Buffer, length: number, headHash: string, createdAt: string): Checkpoint {
  return { length, headHash, createdAt, mac: macOf(key, `${length}:${headHash}:${createdAt}`) };
}
