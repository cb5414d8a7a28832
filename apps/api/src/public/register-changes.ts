import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';

/** The trigger of migration 1795750000000-public-cache-notify notifies this channel after every change of what the public sees. */
export const PUBLIC_CHANNEL = 'ggsm_public';

/** How often the listening connection proves it is alive. */
const HEARTBEAT_MS = 250;
/**
 * A heartbeat still unanswered at this many later ticks makes the connection suspect: caches are bypassed
 * until it answers. A connection that died silently (no reset, a frozen network) is noticed this way
 * within 3 x 250 ms of its last answer (one tick to send, two unanswered), inside the public promise of one
 * second. Counted in ticks, not in milliseconds, because each tick comes after the event loop has read its
 * sockets: when this process itself is slow (a burst of new questions), the answer is already read and the
 * cache stays on, instead of being turned off exactly when it is needed most.
 */
const SUSPECT_AFTER_TICKS = 2;
/** Unanswered for this many ticks: the connection is dropped and made anew. */
const DROP_AFTER_TICKS = 8;
const RECONNECT_MS = [100, 250, 500, 1000, 2000];

/**
 * A statement that writes a table public answers read (the tables of migration 1795750000000), as TypeORM
 * writes them (`UPDATE "social_account"`) or our own SQL does (`INSERT INTO known_impersonator`). A false
 * positive only empties the caches once more; a write it misses is still announced by the trigger.
 */
const WRITES_PUBLIC_TABLE = /\b(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+(?:"?public"?\.)?"?(?:social_account|org_unit|platform|known_impersonator)\b/i;

/** The little of node-postgres used here (the workspace has no @types/pg). */
interface ListenClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error' | 'end', listener: (err?: Error) => void): unknown;
  removeAllListeners(): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as { Client: new (config: object) => ListenClient };

/**
 * "Has the register changed?" for the public caches of this process (PublicAnswerCache), across
 * replicas: one dedicated connection per process LISTENs on ggsm_public (the tables' triggers NOTIFY at
 * commit), and this process's own commits that wrote those tables count at once, so a process reads its
 * own writes without waiting for the notification. Every change bumps `generation` and empties the caches. While the connection is down, or its
 * last heartbeat is too old, `usable` is false and the caches are bypassed: an answer is then always
 * read from the database, never possibly stale. On reconnect the caches start empty.
 */
@Injectable()
export class RegisterChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('RegisterChanges');
  private readonly url: string | undefined;
  private readonly listeners = new Set<() => void>();
  private client: ListenClient | null = null;
  private connecting = false;
  private stopped = false;
  private attempt = 0;
  private listening = false;
  private heartbeatInFlight = false;
  /** Ticks that found the heartbeat still unanswered. */
  private missedTicks = 0;
  private heartbeat?: NodeJS.Timeout;
  private retry?: NodeJS.Timeout;
  private _generation = 0;

  constructor(@InjectDataSource() db: DataSource) {
    this.url = (db.options as { url?: string }).url;
    // This process's own writes are seen at once, not only when their NOTIFY comes back: a transaction that
    // wrote a public table empties the caches when it has committed, before the mutation answers.
    const dirty = new WeakSet<QueryRunner>();
    db.subscribers.push({
      afterQuery: ({ queryRunner, query, success }) => {
        if (!success || !WRITES_PUBLIC_TABLE.test(query)) return;
        if (queryRunner.isTransactionActive) dirty.add(queryRunner);
        else this.changed();
      },
      afterTransactionCommit: ({ queryRunner }) => {
        if (queryRunner.isTransactionActive || !dirty.delete(queryRunner)) return;
        this.changed();
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) dirty.delete(queryRunner);
      },
    });
  }

  /** Changes with every change of the register (and every loss of the listening connection). */
  get generation(): number {
    return this._generation;
  }

  /** Whether a cached answer may be served now: listening, and the last heartbeat answered (or only just sent). */
  get usable(): boolean {
    return this.listening && this.missedTicks < SUSPECT_AFTER_TICKS;
  }

  /** Called on every change; returns a function that stops listening. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.url) {
      this.log.warn('No database URL known: public answers are not cached.');
      return;
    }
    await this.connect();
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.retry);
    await this.drop();
  }

  private changed(): void {
    this._generation++;
    for (const listener of this.listeners) listener();
  }

  private async connect(): Promise<void> {
    if (this.connecting || this.stopped) return;
    this.connecting = true;
    const client = new pg.Client({ connectionString: this.url, application_name: 'ggsm-public-listener', keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === PUBLIC_CHANNEL && client === this.client) this.changed();
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLIC_CHANNEL}`);
      if (this.stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      // Whatever changed while nobody listened: start empty.
      this.changed();
      this.missedTicks = 0;
      this.heartbeatInFlight = false;
      this.listening = true;
      if (this.attempt > 0) this.log.log('Listening for register changes again: public answers are cached again.');
      this.attempt = 0;
    } catch (err) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      this.scheduleReconnect(err as Error);
    } finally {
      this.connecting = false;
    }
  }

  private beat(): void {
    const client = this.client;
    if (!client || !this.listening) return;
    if (this.heartbeatInFlight) {
      this.missedTicks++;
      if (this.missedTicks === SUSPECT_AFTER_TICKS) this.log.warn('The listening connection does not answer: public answers come from the database until it does.');
      if (this.missedTicks >= DROP_AFTER_TICKS) this.lost(client, new Error(`no answer to a heartbeat in ${DROP_AFTER_TICKS} ticks`));
      return;
    }
    this.heartbeatInFlight = true;
    client.query('SELECT 1').then(
      () => {
        if (client !== this.client) return;
        this.heartbeatInFlight = false;
        this.missedTicks = 0;
      },
      (err: Error) => this.lost(client, err),
    );
  }

  /** The listening connection is gone (or useless): bypass the caches until a new one listens. */
  private lost(client: ListenClient, err?: Error): void {
    if (client !== this.client) return;
    this.listening = false;
    this.client = null;
    this.heartbeatInFlight = false;
    this.changed();
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.scheduleReconnect(err);
  }

  private scheduleReconnect(err?: Error): void {
    if (this.stopped) return;
    const delay = RECONNECT_MS[Math.min(this.attempt, RECONNECT_MS.length - 1)] as number;
    if (this.attempt === 0) this.log.warn(`Not listening for register changes${err ? ` (${err.message})` : ''}: public answers come from the database until it is back.`);
    this.attempt++;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), delay);
    this.retry.unref();
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.listening = false;
    if (!client) return;
    client.removeAllListeners();
    client.on('error', () => undefined);
    await client.end().catch(() => undefined);
  }
}
