import { type INestApplicationContext, Module } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { LeanGraphqlVerifyMiddleware } from './lean-graphql-verify.middleware';
import { LeanVerifyMiddleware } from './lean-verify.middleware';
import { OpenDataService } from './open-data.service';
import { PublicController } from './public.controller';
import { PublicRateLimit } from './public-rate-limit';
import { PublicReadPool } from './public-read-pool';
import { PublicResolver } from './public.resolver';
import { RegisterChanges } from './register-changes';
import { VerificationService } from './verification.service';

/** The public face (no login): verification, open data, rel="me" links and the public page. */
@Module({
  controllers: [PublicController],
  providers: [RegisterChanges, PublicReadPool, VerificationService, OpenDataService, PublicRateLimit, PublicResolver, LeanVerifyMiddleware, LeanGraphqlVerifyMiddleware],
  exports: [VerificationService, RegisterChanges],
})
export class PublicModule {}

/**
 * The hot path of the public face — GET /public/verify, and a verification question posted to /graphql —
 * answered right after the HTTP hardening, before express's other layers, Nest's router and Apollo
 * (lean-verify.middleware.ts, lean-graphql-verify.middleware.ts). main.ts mounts it; whatever the short
 * paths do not answer goes on to the controller or Apollo as usual.
 */
export function publicShortPaths(app: INestApplicationContext): RequestHandler {
  const rest = app.get(LeanVerifyMiddleware);
  const graphql = app.get(LeanGraphqlVerifyMiddleware);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' && req.path === '/public/verify') return rest.use(req, res, next);
    if (req.method === 'POST' && req.path === '/graphql') return graphql.use(req, res, next);
    next();
  };
}
