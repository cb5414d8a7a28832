import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
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
  providers: [RegisterChanges, PublicReadPool, VerificationService, OpenDataService, PublicRateLimit, PublicResolver],
  exports: [VerificationService, RegisterChanges],
})
export class PublicModule implements NestModule {
  /** GET /public/verify, the hot path, is answered before Nest's router (lean-verify.middleware.ts). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(LeanVerifyMiddleware).forRoutes({ path: 'public/verify', method: RequestMethod.GET });
  }
}
