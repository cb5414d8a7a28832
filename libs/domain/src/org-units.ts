import { DomainError, ErrorCode } from './errors';

/** Separator of org-unit paths in imports and the console: unit names themselves contain `/` (RO/EZ). */
export const ORG_UNIT_PATH_SEPARATOR = ' > ';

function emptySegment(path: string): DomainError {
  const message = {
    nl: `Het pad "${path}" bevat een lege eenheid.`,
    en: `The path "${path}" contains an empty unit.`,
  };
  return new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'path', code: 'ORG_UNIT_PATH_EMPTY_SEGMENT', message }]);
}

/** `'RO/EZ > Stadsdeelcoördinatie'` → `['RO/EZ', 'Stadsdeelcoördinatie']`. */
export function parseOrgUnitPath(path: string): string[] {
  const segments = path.split('>').map((s) => s.trim());
  if (segments.some((s) => s.length === 0)) throw emptySegment(path);
  return segments;
}

export function formatOrgUnitPath(segments: readonly string[]): string {
  const trimmed = segments.map((s) => s.trim());
  if (trimmed.length === 0 || trimmed.some((s) => s.length === 0)) throw emptySegment(segments.join(ORG_UNIT_PATH_SEPARATOR));
  const bad = trimmed.find((s) => s.includes('>'));
  if (bad !== undefined) {
    const message = { nl: `De naam "${bad}" mag geen ">" bevatten.`, en: `The name "${bad}" may not contain ">".` };
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'path', code: 'ORG_UNIT_PATH_INVALID_NAME', message }]);
  }
  return trimmed.join(ORG_UNIT_PATH_SEPARATOR);
}
