import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DomainError, ErrorCode, type LocalizedText } from '@ggsm/domain';

export const versionConflict = (what: LocalizedText) =>
  new DomainError(ErrorCode.VERSION_CONFLICT, {
    nl: `Iemand anders heeft dit ${what.nl.toLowerCase()} intussen gewijzigd. Laad het opnieuw en breng uw wijziging opnieuw aan.`,
    en: `Someone else changed this ${what.en.toLowerCase()} in the meantime. Reload it and make your change again.`,
  });

/**
 * A compare-and-set UPDATE: `WHERE <key> AND version = <the version the client saw>`. TypeORM's
 * save() would write whatever it holds; this refuses a stale write instead of losing the other one.
 * The version column bumps itself (TypeORM adds `version = version + 1`).
 */
export async function updateVersioned<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  key: Record<string, unknown>,
  expectedVersion: number,
  columns: Partial<T>,
  what: LocalizedText,
): Promise<void> {
  const where = Object.keys(key).map((k) => `"${snake(k)}" = :${k}`);
  const result = await m
    .createQueryBuilder()
    .update(target)
    .set(columns as never)
    .where([...where, 'version = :expectedVersion'].join(' AND '), { ...key, expectedVersion })
    .execute();
  if (result.affected !== 1) throw versionConflict(what);
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The row's own columns without key, version and timestamps, for updateVersioned. */
export function editableColumns<T extends ObjectLiteral>(row: T, ...omit: (keyof T)[]): Partial<T> {
  const copy: Record<string, unknown> = { ...row };
  for (const k of ['id', 'version', 'createdAt', 'updatedAt', ...omit] as string[]) delete copy[k];
  return copy as Partial<T>;
}
