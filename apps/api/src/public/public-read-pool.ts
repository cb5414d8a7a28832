import { createHash } from 'node:crypto';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SqlRunner } from '../lookalikes/lookalike-search';

/**
 * Connections for the public face's reads only, beside TypeORM's pool: a burst of public questions (a
 * journalist's script, a cold cache after a change) neither waits behind nor starves the console's
 * transactions. Sized for dozens of concurrent clients on a few cores; PostgreSQL's default of 100
 * connections leaves room for several replicas.
 */
export const PUBLIC_POOL_SIZE = 12;

interface PgPool {
  query(config: { name: string; text: string; values?: unknown[] }): Promise<{ rows: any[] }>;
  on(event: 'error', listener: (err: Error) => void): unknown;
  end(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as { Pool: new (config: object) => PgPool };

/** A stable statement name per SQL text: the same text always gets the same name, on every connection. */
const names = new Map<string, string>();
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `ggsm_public_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs the public queries as named prepared statements (node-postgres `name:`): PostgreSQL parses and
 * plans each of the few fixed query texts once per connection instead of once per question. Only fixed
 * SQL texts with parameters may pass here (the texts are the statement names' keys).
 */
@Injectable()
export class PublicReadPool implements SqlRunner, OnApplicationShutdown {
  private readonly pool: PgPool | null;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    const url = (db.options as { url?: string }).url;
    this.pool = url ? new pg.Pool({ connectionString: url, max: PUBLIC_POOL_SIZE, application_name: 'ggsm-public' }) : null;
    // An idle connection that breaks is replaced by the pool on the next query; nothing to do here.
    this.pool?.on('error', () => undefined);
  }

  async query(sql: string, parameters: unknown[] = []): Promise<any[]> {
    if (!this.pool) return this.db.query(sql, parameters);
    return (await this.pool.query({ name: statementName(sql), text: sql, values: parameters })).rows;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end().catch(() => undefined);
  }
}
