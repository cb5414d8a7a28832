import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { type AccountKind, parseVerificationInput, type VerificationInput, type VerificationKey } from '@ggsm/domain';
import type { RequestContext } from '../auth/request-context';
import { PublicAnswerCache } from './public-answer-cache';
import { publicLookalikes } from './public-lookalikes';
import { PublicReadPool } from './public-read-pool';
import { RegisterChanges } from './register-changes';
import { type PublicAccountModel, VerificationStatus, type VerificationModel } from './verification.model';

/**
 * Only these columns ever leave the register for the public (see PUBLIC_FIELDS in verification.model.ts):
 * no owners, requester, approver, notes or review data. The unit's path is built up the tree per row.
 */
export const PUBLIC_ACCOUNT_COLUMNS = `
  a.id, a.platform_key, pf.name AS platform_name, a.handle, a.display_name, a.profile_url, a.kind,
  COALESCE(a.approved_at, a.created_at) AS since, u.name AS unit_name,
  (WITH RECURSIVE up (id, parent_id, name, depth) AS (
     SELECT o.id, o.parent_id, o.name, 0 FROM org_unit o WHERE o.id = a.org_unit_id
     UNION ALL
     SELECT p.id, p.parent_id, p.name, up.depth + 1 FROM org_unit p JOIN up ON p.id = up.parent_id
   ) SELECT string_agg(up.name, ' > ' ORDER BY up.depth DESC) FROM up) AS unit_path`;
export const PUBLIC_ACCOUNT_FROM = `social_account a JOIN org_unit u ON u.id = a.org_unit_id JOIN platform pf ON pf.key = a.platform_key`;

export interface PublicAccountRow {
  id: string;
  platform_key: string;
  platform_name: string;
  handle: string;
  display_name: string | null;
  profile_url: string;
  kind: AccountKind;
  since: Date;
  unit_name: string;
  unit_path: string;
}

export function toPublicAccount(row: PublicAccountRow): PublicAccountModel {
  return {
    platform: row.platform_key,
    platformName: row.platform_name,
    handle: row.handle,
    displayName: row.display_name,
    unit: { name: row.unit_name, path: row.unit_path },
    kind: row.kind,
    since: row.since,
    profileUrl: row.profile_url,
  };
}

// Drafts, submitted, rejected and suspended accounts are not (yet, or not now) the municipality's voice:
// to the public they are NOT_REGISTERED, indistinguishable from a handle that was never entered.
const OWN_ACCOUNT = `
  SELECT ${PUBLIC_ACCOUNT_COLUMNS}, a.status,
    CASE WHEN a.status = 'ARCHIVED' THEN COALESCE(
      (SELECT max(e.occurred_at) FROM audit_event e
        WHERE e.entity_type = 'SocialAccount' AND e.entity_id = a.id::text AND e.action = 'social_account.archived'),
      a.updated_at) END AS archived_at
  FROM ${PUBLIC_ACCOUNT_FROM}
  WHERE a.platform_key = $1 AND a.normalized_handle = $2 AND a.status IN ('ACTIVE', 'ARCHIVED')`;

// Filled by the impersonation module when Legal decides a reported account is a fake (IMPERSONATION).
const KNOWN_IMPERSONATOR = `
  SELECT k.imitated_account_id FROM known_impersonator k
  WHERE k.platform_key = $1 AND k.normalized_handle = $2
  ORDER BY k.decided_at DESC LIMIT 1`;

const ACCOUNTS_BY_ID = `SELECT ${PUBLIC_ACCOUNT_COLUMNS} FROM ${PUBLIC_ACCOUNT_FROM} WHERE a.id = ANY($1::uuid[]) AND a.status IN ('ACTIVE', 'ARCHIVED')`;

/**
 * "Is this account really the municipality's?" The one code path of GET /public/verify, the GraphQL
 * queries verifyAccount and verifyProfileUrl and the public page: parse the question (domain rules),
 * then `answer` it from the register. Reads only; nothing personal is selected.
 */
/** Distinct questions kept per process: about 2 KB each at most, so some tens of MB in the worst case. */
export const VERIFICATION_CACHE_SIZE = 20_000;

/** The cache key: the parsed question. `asked` is part of it, because the lookalike reasons explain the handle as asked. */
export const verificationCacheKey = (key: VerificationKey): string => `${key.platform}\n${key.normalizedHandle}\n${key.asked}`;

/** A question as text, the key of its parse. */
const questionText = (input: VerificationInput): string => JSON.stringify([input.platform ?? null, input.handle ?? null, input.url ?? null]);

@Injectable()
export class VerificationService {
  /** Every answer, OFFICIAL to NOT_REGISTERED, until the register changes (see PublicAnswerCache). */
  private readonly cache: PublicAnswerCache<VerificationModel>;

  constructor(
    private readonly db: PublicReadPool,
    changes: RegisterChanges,
  ) {
    this.cache = new PublicAnswerCache<VerificationModel>(changes, { max: VERIFICATION_CACHE_SIZE });
  }

  /**
   * Parsed questions by their text. Parsing is a pure function of the text (the domain rules), so a kept
   * key is never stale; it saves the URL parser and platform rules on a repeated question, which is most
   * of the work of a cached answer. Questions that are refused are not kept.
   */
  private readonly parsed = new LRUCache<string, VerificationKey>({ max: VERIFICATION_CACHE_SIZE });

  /** BAD_USER_INPUT (with a violation code) for a question that names no account; otherwise the answer. */
  verify(_ctx: RequestContext, input: VerificationInput): Promise<VerificationModel> {
    const text = questionText(input);
    let key = this.parsed.get(text);
    if (key === undefined) {
      key = parseVerificationInput(input);
      this.parsed.set(text, key);
    }
    return this.answer(key);
  }

  /** The kept answer to a question asked before, at once (the short paths' hot path); undefined: ask `verify`. */
  cached(input: VerificationInput): VerificationModel | undefined {
    const key = this.parsed.get(questionText(input));
    return key === undefined ? undefined : this.cache.peek(verificationCacheKey(key));
  }

  /** The answer for one parsed question, from the cache when the register has not changed since. */
  answer(key: VerificationKey): Promise<VerificationModel> {
    return this.cache.get(verificationCacheKey(key), () => this.lookUp(key));
  }

  /** The answer for one (platform, normalised handle): a pure function of the register's current state. */
  private async lookUp(key: VerificationKey): Promise<VerificationModel> {
    const reply = (status: VerificationStatus, found: Partial<VerificationModel> = {}): VerificationModel => ({
      status,
      platform: key.platform,
      handle: key.normalizedHandle,
      account: null,
      formerUntil: null,
      imitates: null,
      looksLike: [],
      ...found,
    });
    const [own] = (await this.db.query(OWN_ACCOUNT, [key.platform, key.normalizedHandle])) as (PublicAccountRow & { status: string; archived_at: Date | null })[];
    if (own) {
      return own.status === 'ACTIVE'
        ? reply(VerificationStatus.OFFICIAL, { account: toPublicAccount(own) })
        : reply(VerificationStatus.FORMER, { account: toPublicAccount(own), formerUntil: own.archived_at });
    }
    const [[fake], matches] = await Promise.all([
      this.db.query(KNOWN_IMPERSONATOR, [key.platform, key.normalizedHandle]) as Promise<{ imitated_account_id: string | null }[]>,
      publicLookalikes(this.db, { platform: key.platform, handle: key.asked }),
    ]);
    const ids = [...new Set([...matches.map((m) => m.id), ...(fake?.imitated_account_id ? [fake.imitated_account_id] : [])])];
    const rows = ids.length ? ((await this.db.query(ACCOUNTS_BY_ID, [ids])) as PublicAccountRow[]) : [];
    const byId = new Map(rows.map((r) => [r.id, toPublicAccount(r)]));
    const looksLike = matches.flatMap((m) => {
      const account = byId.get(m.id);
      return account ? [{ account, reasons: m.reasons }] : [];
    });
    if (fake) {
      const imitates = fake.imitated_account_id ? (byId.get(fake.imitated_account_id) ?? null) : null;
      return reply(VerificationStatus.KNOWN_IMPERSONATOR, { imitates, looksLike });
    }
    return reply(VerificationStatus.NOT_REGISTERED, { looksLike });
  }
}
