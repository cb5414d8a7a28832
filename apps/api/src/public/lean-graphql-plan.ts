import { BREAK, type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule, parse, specifiedRules, validate, visit } from 'graphql';
import { GRAPHQL_LIMITS } from '../http/graphql-limits';

/** The public questions a short path may answer: one of them, alone, per request. */
export const LEAN_FIELDS = ['verifyAccount', 'verifyProfileUrl'] as const;
export type LeanField = (typeof LEAN_FIELDS)[number];

/** A query document the short path answers, worked out once per query text. */
export interface LeanPlan {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The one root field, perhaps under an alias. */
  field: FieldNode;
  name: LeanField;
}

/**
 * The plan for `query` when it is a document the short path may answer exactly as Apollo would; otherwise
 * null. That is: it parses within the token limit and passes the same validation rules (graphql-js's and
 * the armor limits), has one operation, a query, whose only root field is verifyAccount or
 * verifyProfileUrl (fragments may add to it); and apart from that field's arguments, nothing takes arguments
 * or directives, so the answer's JSON depends on the answer alone and can be kept with it. No directive
 * anywhere: @include/@skip on the root field are left to Apollo.
 */
export function leanPlanOf(schema: GraphQLSchema, query: string, rules: readonly ValidationRule[] = specifiedRules): LeanPlan | null {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: GRAPHQL_LIMITS.maxTokens });
  } catch {
    return null;
  }
  const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
  const operation = operations[0];
  if (operations.length !== 1 || operation?.operation !== 'query') return null;
  if (document.definitions.some((d) => d.kind !== 'OperationDefinition' && d.kind !== 'FragmentDefinition')) return null;
  const roots = operation.selectionSet.selections;
  const field = roots[0];
  if (roots.length !== 1 || field?.kind !== 'Field' || !(LEAN_FIELDS as readonly string[]).includes(field.name.value)) return null;
  let plain = true;
  visit(document, {
    Directive() {
      plain = false;
      return BREAK;
    },
    Argument(_node, _key, parent) {
      if (parent === field.arguments) return undefined;
      plain = false;
      return BREAK;
    },
  });
  if (!plain || validate(schema, document, rules).length > 0) return null;
  return { document, operation, field, name: field.name.value as LeanField };
}

