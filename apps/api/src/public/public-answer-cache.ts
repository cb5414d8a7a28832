import { LRUCache } from 'lru-cache';
import type { RegisterChanges } from './register-changes';

/**
 * Answers computed from the register, kept in this process until the register changes (RegisterChanges:
 * LISTEN/NOTIFY across replicas, and this process's own commits). Positive and negative answers alike.
 *
 * - Every change empties the cache. An answer whose computation overlapped a change is returned to its
 *   caller but not kept (it may have read the old state): `generation` is compared before storing.
 * - While RegisterChanges is not `usable` (the listening connection is down or silent) the cache is
 *   neither read nor filled: every answer comes from the database.
 * - Bounded (least recently used out), so a flood of distinct questions cannot grow the process.
 *
 * Values are shared between callers: treat them as read-only.
 */
export class PublicAnswerCache<V extends object> {
  private readonly entries: LRUCache<string, V>;

  /** At most `max` entries; with `sizeOf`, also at most `maxSize` in total (e.g. bytes, or accounts in a page). */
  constructor(
    private readonly changes: RegisterChanges,
    bounds: { max: number; maxSize?: number; sizeOf?: (value: V) => number },
  ) {
    this.entries = bounds.sizeOf
      ? new LRUCache<string, V>({ max: bounds.max, maxSize: bounds.maxSize, sizeCalculation: (v) => Math.max(1, bounds.sizeOf!(v)) })
      : new LRUCache<string, V>({ max: bounds.max });
    changes.onChange(() => this.entries.clear());
  }

  /** The kept answer for `key`, without waiting; undefined when there is none (or the cache may not be read now). */
  peek(key: string): V | undefined {
    return this.changes.usable ? this.entries.get(key) : undefined;
  }

  /** The answer for `key`: kept, or computed (and kept when nothing changed meanwhile). */
  async get(key: string, compute: () => Promise<V>): Promise<V> {
    if (!this.changes.usable) return compute();
    const kept = this.entries.get(key);
    if (kept !== undefined) return kept;
    const generation = this.changes.generation;
    const value = await compute();
    if (this.changes.generation === generation && this.changes.usable) this.entries.set(key, value);
    return value;
  }
}
