/**
 * Limits on every GraphQL operation (enforced in graphql-options.ts). The console
 * (ra-data-graphql-simple) needs at most: depth 2 (`items: allXs { field }`), 2 aliases (`items`,
 * `total`), no directives, cost 53 (the SocialAccount list) and 206 tokens (updateSocialAccount with
 * every argument; its introspection query is about 190). The limits leave ample room for a growing
 * schema while refusing abuse; test/api/hardening.e2e.ts runs every query the console can build
 * against them. Over a limit: HTTP 400, `extensions.code` QUERY_TOO_COMPLEX with `limit`, `max`, `found`.
 */
export const GRAPHQL_LIMITS = {
  /** Nesting of fields; `__schema` is exempt (graphql-js's own rule bounds introspection cycles). */
  maxDepth: 8,
  /** Aliased fields per operation (`__typename` aliases are free). */
  maxAliases: 10,
  /** Directives (@include, @skip, …) per operation. */
  maxDirectives: 10,
  /** graphql-armor's cost: 1 per scalar, 2 per object, times 1.5 per level of depth. */
  maxCost: 1000,
  /** Lexical tokens of the document (graphql-js parser limit). */
  maxTokens: 1000,
} as const;
