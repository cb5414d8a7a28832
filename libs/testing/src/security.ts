import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningApp } from './app';
import type { PgClient } from './database';

// Helpers for the security suites (test/api/authz-matrix, jwt, fuzz): raw HTTP with status and
// headers, hand-made JWTs, and snapshots of the register's tables straight from PostgreSQL.

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: any;
  ms: number;
}

/** One HTTP request to the app; body is sent as is when it is a string, else as JSON. */
export async function rawRequest(
  app: Pick<RunningApp, 'url'>,
  path: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string>; token?: string } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const started = performance.now();
  const res = await fetch(`${app.url}${path}`, { method: options.method ?? 'POST', headers, body });
  const text = await res.text();
  const ms = performance.now() - started;
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json, ms };
}

/** A GraphQL call with its HTTP status, so a test can also assert "never a 5xx". */
export function rawGql(app: Pick<RunningApp, 'url'>, query: string, variables?: Record<string, unknown>, token?: string): Promise<RawResponse> {
  return rawRequest(app, '/graphql', { body: { query, variables }, token });
}

/** Signs of a stack trace in a response body. */
export const STACK_TRACE = /"stack"|stacktrace|\n\s+at |\s{4}at \S|\.js:\d+:\d+|\.ts:\d+:\d+/i;

// ---- JWT ----

const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** The signing secret the embedded default keeps in <dataDir>/jwt-secret. */
export function jwtSecretOf(app: Pick<RunningApp, 'dataDir'>): string {
  return readFileSync(join(app.dataDir, 'jwt-secret'), 'utf8').trim();
}

/** A JWT signed with HMAC (sha256 for HS256, sha512 for HS512); the header is written as given. */
export function signJwt(payload: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }, hash: 'sha256' | 'sha384' | 'sha512' = 'sha256'): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

/** The payload of a JWT, unverified. */
export function jwtPayload(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

// ---- Snapshots of the register's tables (connect with connectAsSuperuser from ./database) ----

/** The tables of the register whose rows a refused call must leave alone, with their row key. */
export const REGISTER_TABLES: Record<string, string> = {
  social_account: 'id::text',
  org_unit: 'id::text',
  person: 'id::text',
  platform: 'key',
  app_user: 'id::text',
  account_owner: "account_id::text || '/' || person_id::text",
  audit_event: 'seq::text',
  naming_rule: 'id::text',
  checklist_item: 'id::text',
  checklist_attestation: 'id::text',
  review_interval: 'kind',
  claimed_url: 'id::text',
  claimed_url_account: "claimed_url_id::text || '/' || account_id::text",
  impersonation_report: 'id::text',
  impersonation_evidence: 'id::text',
  known_impersonator: 'id::text',
  // Written by the user only. notification_outbox and notification are not here: the job runner writes
  // them in the background at any moment, which a before/after snapshot of one call cannot tell apart.
  notification_read: 'notification_id::text',
  notification_preference: 'user_id::text',
};

/**
 * Every row of the register's tables as key -> md5 of the whole row, per table, plus a summary per
 * table (count, max(updated_at), max(version)). One round trip; the tables are small in tests.
 */
export interface TableSnapshot {
  rows: Map<string, string>;
  summary: string;
}
export type DbSnapshot = Record<string, TableSnapshot>;

export async function snapshotDb(db: PgClient, tables: Record<string, string> = REGISTER_TABLES): Promise<DbSnapshot> {
  const parts = Object.entries(tables).map(([table, key]) => `SELECT '${table}' AS t, ${key} AS k, md5(x::text) AS h FROM ${table} x`);
  const { rows } = await db.query<{ t: string; k: string; h: string }>(parts.join(' UNION ALL '));
  const summaries = Object.keys(tables).map((table) => {
    const cols = ['count(*)::text'];
    if (['social_account', 'org_unit', 'person', 'platform', 'app_user', 'naming_rule', 'checklist_item', 'review_interval', 'claimed_url', 'impersonation_report'].includes(table)) cols.push('max(updated_at)::text', 'max(version)::text', 'sum(version)::text');
    if (table === 'audit_event') cols.push('max(seq)::text');
    return `SELECT '${table}' AS t, concat_ws('|', ${cols.join(', ')}) AS s FROM ${table}`;
  });
  const { rows: sums } = await db.query<{ t: string; s: string }>(summaries.join(' UNION ALL '));
  const snapshot: DbSnapshot = {};
  for (const table of Object.keys(tables)) snapshot[table] = { rows: new Map(), summary: sums.find((r) => r.t === table)?.s ?? '' };
  for (const r of rows) snapshot[r.t].rows.set(r.k, r.h);
  return snapshot;
}

/** Rows inserted, changed or removed between two snapshots, per table (only tables with changes). */
export function changedRows(before: DbSnapshot, after: DbSnapshot): Record<string, number> {
  const changes: Record<string, number> = {};
  for (const table of Object.keys(before)) {
    const a = before[table].rows;
    const b = after[table]?.rows ?? new Map<string, string>();
    let n = 0;
    for (const [k, h] of a) if (b.get(k) !== h) n++;
    for (const k of b.keys()) if (!a.has(k)) n++;
    if (n === 0 && before[table].summary !== after[table]?.summary) n = 1;
    if (n) changes[table] = n;
  }
  return changes;
}

export const totalChanged = (changes: Record<string, number>) => Object.values(changes).reduce((s, n) => s + n, 0);
