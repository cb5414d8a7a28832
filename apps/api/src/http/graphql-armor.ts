import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { type QueryLimit, queryLimitError } from '../common/errors';
import { GRAPHQL_LIMITS } from './graphql-limits';

/** Reports a limit as QUERY_TOO_COMPLEX (armor's own rejection would say BAD_USER_INPUT, unspecific). */
const reportAs =
  (limit: QueryLimit, max: number) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1]);
    context?.reportError(queryLimitError(limit, max, Number.isFinite(found) ? found : undefined));
  };

/**
 * graphql-armor's limits on depth, aliases, directives and cost, as validation rules (and their Apollo
 * plugins), each answered with code QUERY_TOO_COMPLEX. The token limit is graphql-js's own parser limit
 * (armor's max-tokens plugin throws outside Apollo's error handling and would answer 500).
 */
export function graphqlArmor(): { validationRules: ValidationRule[]; plugins: unknown[] } {
  const L = GRAPHQL_LIMITS;
  const armor = new ApolloArmor({
    maxDepth: { n: L.maxDepth, ignoreIntrospection: true, propagateOnRejection: false, onReject: [reportAs('depth', L.maxDepth)] },
    maxAliases: { n: L.maxAliases, propagateOnRejection: false, onReject: [reportAs('aliases', L.maxAliases)] },
    maxDirectives: { n: L.maxDirectives, propagateOnRejection: false, onReject: [reportAs('directives', L.maxDirectives)] },
    costLimit: { maxCost: L.maxCost, ignoreIntrospection: true, propagateOnRejection: false, onReject: [reportAs('cost', L.maxCost)] },
    maxTokens: { enabled: false },
    // Suggestions are stripped by the formatter instead: armor's pattern misses graphql-js's enum
    // suggestions ("Did you mean the enum value …?") and leaves the question mark behind.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { validationRules: armor.validationRules as ValidationRule[], plugins: armor.plugins };
}

