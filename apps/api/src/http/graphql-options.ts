import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DocumentNode, GraphQLError, visit, BREAK } from 'graphql';
import passport from 'passport';
import { ErrorCode } from '@ggsm/domain';
import { createGraphQLErrorFormatter } from '../common/errors';
import { appLogger } from '../common/logger';
import type { AppConfig } from '../config/config';
import { graphqlArmor } from './graphql-armor';
import { GRAPHQL_LIMITS } from './graphql-limits';

export { GRAPHQL_LIMITS };

/** The passport strategy that checks bearer tokens (auth/jwt.strategy.ts). */
const JWT_STRATEGY = 'jwt';

/** True when the operation reads the schema (`__schema` or `__type`; `__typename` is harmless). */
export function readsSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Whether the request carries a token the API accepts (same check as the access guard: signature, expiry, active user). */
function hasValidToken(req: unknown): Promise<boolean> {
  return new Promise((resolve) => {
    const authenticate = passport.authenticate(JWT_STRATEGY, { session: false }, (err: unknown, user: unknown) => resolve(!err && !!user));
    try {
      authenticate(req, {}, () => resolve(false));
    } catch {
      resolve(false);
    }
  });
}

/**
 * Production: the schema is only for logged-in users. The console introspects after login with its
 * bearer token (ra-data-graphql), so it keeps working; anonymous callers get UNAUTHENTICATED.
 */
export function introspectionRequiresLogin(check: (req: unknown) => Promise<boolean> = hasValidToken): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!readsSchema(document)) return;
          if (await check((contextValue as { req?: unknown }).req)) return;
          throw new GraphQLError('Introspection is only available after logging in.', {
            extensions: {
              code: ErrorCode.UNAUTHENTICATED,
              messageNl: 'Het schema is alleen na inloggen op te vragen.',
              http: { status: 401 },
            },
          });
        },
      };
    },
  };
}

/**
 * A rate-limited operation (public verification) answers HTTP 429, as REST does; the resolver has set
 * Retry-After on the response already.
 */
export function tooManyRequestsStatus(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.some((e) => e.extensions?.code === ErrorCode.TOO_MANY_REQUESTS)) response.http.status = 429;
        },
      };
    },
  };
}

/**
 * The Apollo options of the API, a pure function of the configuration:
 * - graphql-armor limits on depth, aliases, directives and cost (validation rules), answered with
 *   code QUERY_TOO_COMPLEX and HTTP 400; the token limit is graphql-js's own parser limit
 *   (armor's max-tokens plugin throws outside Apollo's error handling and would answer 500);
 * - no batched requests, CSRF prevention on (the console posts application/json), no stack traces;
 * - production: no GraphiQL, introspection only with a valid token, no "Did you mean …" suggestions.
 */
export function graphqlOptions(config: Pick<AppConfig, 'nodeEnv'>): ApolloDriverConfig {
  const production = config.nodeEnv === 'production';
  const L = GRAPHQL_LIMITS;
  const armor = graphqlArmor();
  return {
    driver: ApolloDriver,
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    graphiql: !production,
    // On for everyone outside production; in production the plugin below requires a login.
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    autoTransformHttpErrors: false,
    // Nest would reset every execution error to HTTP 200, also the 429 of tooManyRequestsStatus (and of
    // errors that carry extensions.http.status); other errors still answer 200, as before.
    preserveHttpStatusForExecutionErrors: false,
    parseOptions: { maxTokens: L.maxTokens },
    validationRules: armor.validationRules,
    // (cast: @nestjs/apollo sees Apollo's ESM typings, this file its CommonJS ones; same objects)
    plugins: [...armor.plugins, tooManyRequestsStatus(), ...(production ? [introspectionRequiresLogin()] : [])] as unknown as ApolloDriverConfig['plugins'],
    formatError: createGraphQLErrorFormatter({ hideSuggestions: production }),
    // Apollo's own messages as JSON lines too.
    logger: appLogger.child({ context: 'Apollo' }) as unknown as ApolloDriverConfig['logger'],
    context: ({ req }: { req: unknown }) => ({ req }),
  };
}
