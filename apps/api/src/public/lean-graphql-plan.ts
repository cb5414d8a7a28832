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
  /**
   * Where each argument of the field comes from, when all of them are text: a literal, or a `String!`
   * variable without default. Then a request's arguments are its variables' strings as they are, which is
   * all graphql-js's coercion would do with them; any other value goes through that coercion.
   */
  textArguments?: [name: string, from: { value: string } | { variable: string }][];
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
  const name = field.name.value as LeanField;
  return { document, operation, field, name, textArguments: textArgumentsOf(schema, operation, field, name) };
}

function textArgumentsOf(schema: GraphQLSchema, operation: OperationDefinitionNode, field: FieldNode, name: LeanField): LeanPlan['textArguments'] {
  const stringVariables = new Set<string>();
  for (const definition of operation.variableDefinitions ?? []) {
    const type = definition.type;
    if (definition.defaultValue || type.kind !== 'NonNullType' || type.type.kind !== 'NamedType' || type.type.name.value !== 'String') return undefined;
    stringVariables.add(definition.variable.name.value);
  }
  const declared = schema.getQueryType()?.getFields()[name]?.args ?? [];
  const given = field.arguments ?? [];
  // Every argument given (none left to a default), each a text: a literal or a String! variable.
  if (given.length !== declared.length) return undefined;
  const out: NonNullable<LeanPlan['textArguments']> = [];
  for (const argument of given) {
    const value = argument.value;
    if (value.kind === 'StringValue') out.push([argument.name.value, { value: value.value }]);
    else if (value.kind === 'Variable' && stringVariables.has(value.name.value)) out.push([argument.name.value, { variable: value.name.value }]);
    else return undefined;
  }
  return out;
}

/** The plan's arguments for these variables when they are all strings as they stand (see `textArguments`); otherwise undefined. */
export function textArgumentValues(plan: LeanPlan, variables: Record<string, unknown>): Record<string, string> | undefined {
  if (!plan.textArguments) return undefined;
  const out: Record<string, string> = {};
  for (const [name, from] of plan.textArguments) {
    const value = 'value' in from ? from.value : variables[from.variable];
    if (typeof value !== 'string') return undefined;
    out[name] = value;
  }
  return out;
}

