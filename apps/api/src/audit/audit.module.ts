import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AUDIT_KEY } from './audit.constants';
import { resolveAuditKey } from './audit-key';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { ChangeLogInterceptor } from './change-log.interceptor';

/** Global: every service that changes something records it through AuditService, in its own transaction. */
@Global()
@Module({
  providers: [
    { provide: AUDIT_KEY, inject: [APP_CONFIG], useFactory: (config: AppConfig) => resolveAuditKey(config).key },
    AuditService,
    AuditResolver,
    { provide: APP_INTERCEPTOR, useClass: ChangeLogInterceptor },
  ],
  exports: [AuditService],
})
export class AuditModule {}
