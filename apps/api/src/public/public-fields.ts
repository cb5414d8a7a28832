// No imports: test/api/public.e2e.ts reads this allow-list and compares it with the running schema.

/** Every field the public may see, per public type. Adding a field means adding it here, on purpose. */
export const PUBLIC_FIELDS = {
  Verification: ['status', 'platform', 'handle', 'account', 'formerUntil', 'imitates', 'looksLike'],
  PublicAccount: ['platform', 'platformName', 'handle', 'displayName', 'unit', 'kind', 'since', 'profileUrl'],
  PublicUnit: ['name', 'path'],
  PublicLookalike: ['account', 'reasons'],
  PublicReason: ['code', 'nl', 'en'],
  PublicAccountList: ['items', 'total', 'page', 'perPage', 'hasNextPage'],
} as const;
