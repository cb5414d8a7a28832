import { DomainError, ErrorCode } from '@ggsm/domain';

/** Sorting only by whitelisted fields: the column names never come from the client. */
export function sortColumn(sortField: string | undefined, allowed: Record<string, string>, fallback: string): string {
  if (!sortField) return fallback;
  const column = allowed[sortField];
  if (!column) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, {
      nl: `Sorteren op "${sortField}" kan niet. Kies uit: ${Object.keys(allowed).join(', ')}.`,
      en: `Cannot sort by "${sortField}". Choose one of: ${Object.keys(allowed).join(', ')}.`,
    });
  }
  return column;
}

export const notFound = (what: { nl: string; en: string }) =>
  new DomainError(ErrorCode.NOT_FOUND, { nl: `${what.nl} niet gevonden.`, en: `${what.en} not found.` });

/** PostgreSQL unique_violation, for races that slip past the friendly pre-check. */
export const isUniqueViolation = (err: unknown, constraint?: string): boolean => {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && (!constraint || name === constraint);
};

/**
 * Runs a write that may lose a race for a unique key. The loser's statement fails inside the transaction,
 * which PostgreSQL then refuses to use; a savepoint keeps it usable, so the caller can still say who holds
 * the key (`taken()` builds that error: HANDLE_TAKEN, URL_TAKEN… — not a 500).
 */
export async function writeUnique(
  m: { query: (sql: string) => Promise<unknown> },
  write: () => Promise<unknown>,
  taken: () => Error | Promise<Error>,
  constraint?: string,
): Promise<void> {
  await m.query('SAVEPOINT unique_write');
  try {
    await write();
    await m.query('RELEASE SAVEPOINT unique_write');
  } catch (err) {
    await m.query('ROLLBACK TO SAVEPOINT unique_write');
    if (isUniqueViolation(err, constraint)) throw await taken();
    throw err;
  }
}
