import { Injectable, type NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { NextFunction, Request, Response } from 'express';
import { type GraphQLField, GraphQLObjectType, GraphQLSchema, type ValidationRule, executeSync, getArgumentValues, getVariableValues, specifiedRules } from 'graphql';
import { LRUCache } from 'lru-cache';
import { contextOf } from '../auth/request-context';
import { graphqlArmor } from '../http/graphql-armor';
import { LEAN_FIELDS, type LeanPlan, leanPlanOf, textArgumentValues } from './lean-graphql-plan';
import { plainQuery } from './lean-verify.middleware';
import { type PreparedJson, prepareJson } from './public-http';
import { PublicRateLimit } from './public-rate-limit';
import type { VerificationModel } from './verification.model';
import { VerificationService } from './verification.service';

/** The field's arguments as graphql-js coerces them from the variables; undefined when they do not coerce. */
function argumentValues(schema: GraphQLSchema, plan: LeanPlan, variables: Record<string, unknown>): Record<string, unknown> | undefined {
  const coerced = getVariableValues(schema, plan.operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  if (coerced.errors) return undefined;
  const fieldDef = schema.getQueryType()?.getFields()[plan.name] as GraphQLField<unknown, unknown>;
  try {
    return getArgumentValues(fieldDef, plan.field, coerced.coerced);
  } catch {
    return undefined;
  }
}

/** The schema with a Query type of the short path's fields only, each answering the answer it is given. */
function answeringSchema(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query) throw new Error('The schema has no Query type.');
  const fields = query.toConfig().fields;
  const lean = new GraphQLObjectType({
    name: query.name,
    fields: Object.fromEntries(LEAN_FIELDS.map((name) => [name, { ...fields[name], resolve: (root: { answer: VerificationModel }) => root.answer }])) as never,
  });
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, query: lean, types: config.types.filter((t) => t !== query) });
}

interface Question {
  plan: LeanPlan;
  args: { platform?: string; handle?: string; url?: string };
  variables: Record<string, unknown>;
}

/** Longest query text whose plan is kept; longer ones go the full way. */
const MAX_PLANNED_QUERY = 4000;
/** Different bodies kept per answer (one per query text asking for it; clients use one or two). */
const BODIES_PER_ANSWER = 4;
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * POST /graphql with a public verification question (verifyAccount or verifyProfileUrl, no login) on a
 * short path: the GraphQL twin of lean-verify.middleware.ts, and for the same reason — Apollo's request
 * pipeline and Nest's guard, pipes and interceptors cost three times what a cached answer does. It runs
 * after the HTTP hardening (request id, request log, security headers, body limit) and answers only
 * what it can answer exactly as Apollo does (same bytes, status and headers: test/api/public-lean.e2e.ts
 * compares them): a JSON body with `query`, `variables` and `operationName` only, a document that
 * `leanPlanOf` accepts, variables that coerce, arguments within the resolver's limits, no Authorization
 * header, a JSON (or no) Accept header — and an answer. Anything else, including every error (bad input,
 * the rate limit), goes on to Apollo, which answers it as always; the check is counted once either way
 * (PublicRateLimit.countAhead).
 */
@Injectable()
export class LeanGraphqlVerifyMiddleware implements NestMiddleware {
  private readonly plans = new LRUCache<string, LeanPlan | false>({ max: 500 });
  private readonly bodies = new WeakMap<VerificationModel, Map<LeanPlan, PreparedJson>>();
  private readonly rules: readonly ValidationRule[];
  private schemas: { full: GraphQLSchema; answering: GraphQLSchema } | undefined;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly verification: VerificationService,
    private readonly rateLimit: PublicRateLimit,
  ) {
    this.rules = [...specifiedRules, ...graphqlArmor().validationRules];
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const question = this.questionOf(req);
    if (!question) return next();
    void this.answer(req, res, next, question);
  }

  /** The plan and its coerced arguments, or undefined to let Apollo handle the request. */
  private questionOf(req: Request): Question | undefined {
    const headers = req.headers;
    if (req.method !== 'POST' || headers.authorization !== undefined || !JSON_TYPE.test(headers['content-type'] ?? '')) return undefined;
    const accept = headers.accept;
    if (accept !== undefined && accept !== '*/*' && accept !== 'application/json') return undefined;
    const body = req.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
    for (const key in body) if (key !== 'query' && key !== 'variables' && key !== 'operationName') return undefined;
    const { query, variables, operationName } = body;
    if (typeof query !== 'string' || query.length > MAX_PLANNED_QUERY) return undefined;
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
    const schemas = this.schemasNow();
    if (!schemas) return undefined;
    let plan = this.plans.get(query);
    if (plan === undefined) {
      plan = leanPlanOf(schemas.full, query, this.rules) ?? false;
      this.plans.set(query, plan);
    }
    if (!plan) return undefined;
    if (operationName !== undefined && operationName !== null && operationName !== plan.operation.name?.value) return undefined;
    const given = (variables ?? {}) as Record<string, unknown>;
    const args = textArgumentValues(plan, given) ?? argumentValues(schemas.full, plan, given);
    if (!args) return undefined;
    const plainArgs = plainQuery(args);
    return plainArgs ? { plan, args: plainArgs, variables: given } : undefined;
  }

  private schemasNow(): { full: GraphQLSchema; answering: GraphQLSchema } | undefined {
    if (this.schemas) return this.schemas;
    let full: GraphQLSchema;
    try {
      // The GraphQL module's, not visible from this module: looked up across modules once.
      full = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    } catch {
      // Not built yet (start-up).
      return undefined;
    }
    this.schemas = { full, answering: answeringSchema(full) };
    return this.schemas;
  }

  private async answer(req: Request, res: Response, next: NextFunction, { plan, args, variables }: Question): Promise<void> {
    const ctx = contextOf(req as never);
    let answer: VerificationModel;
    try {
      await this.rateLimit.countAhead(req, ctx.ip, res);
      answer = this.verification.cached(args) ?? (await this.verification.verify(ctx, args));
    } catch {
      // Refused or bad input: Apollo answers it (the check is not counted twice).
      return next();
    }
    const body = this.bodyOf(req, plan, variables, answer);
    if (!body) return next();
    // What Apollo (cache control: no-store) and express's res.send() would send.
    res.statusCode = 200;
    res.setHeader('cache-control', 'no-store');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', body.length);
    res.setHeader('ETag', body.etag);
    res.end(body.json, 'utf8');
  }

  /** The response body for this answer and plan, made once: kept answers are shared and never change. */
  private bodyOf(req: Request, plan: LeanPlan, variables: Record<string, unknown>, answer: VerificationModel): PreparedJson | undefined {
    let forAnswer = this.bodies.get(answer);
    const kept = forAnswer?.get(plan);
    if (kept) return kept;
    const result = executeSync({ schema: (this.schemas as { answering: GraphQLSchema }).answering, document: plan.document, rootValue: { answer }, variableValues: variables });
    if (result.errors) return undefined;
    // As Apollo's prettyJSONStringify.
    const json = `${JSON.stringify({ data: result.data })}\n`;
    const body = prepareJson(req, json);
    if (!forAnswer) {
      forAnswer = new Map();
      this.bodies.set(answer, forAnswer);
    }
    if (forAnswer.size >= BODIES_PER_ANSWER) forAnswer.delete(forAnswer.keys().next().value as LeanPlan);
    forAnswer.set(plan, body);
    return body;
  }
}
