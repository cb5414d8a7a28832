import type { ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClaimedUrlsModule } from './claimed-urls/claimed-urls.module';
import { HttpErrorFilter } from './common/http-exception.filter';
import { inputValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { dataSourceOptions } from './database/data-source';
import { HealthController } from './health/health.controller';
import { graphqlOptions } from './http/graphql-options';
import { GovernanceModule } from './governance/governance.module';
import { HistoryModule } from './history/history.module';
import { ImpersonationModule } from './impersonation/impersonation.module';
import { ImportExportModule } from './import-export/import-export.module';
import { LookalikesModule } from './lookalikes/lookalikes.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrgUnitsModule } from './org-units/org-units.module';
import { PeopleModule } from './people/people.module';
import { PlatformsModule } from './platforms/platforms.module';
import { PublicModule } from './public/public.module';
import { ReviewIntervalsModule } from './review-intervals/review-intervals.module';
import { SocialAccountsModule } from './social-accounts/social-accounts.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, jwtSecret: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, jwtSecret),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config.logSql)),
        // Limits, CSRF prevention, no batching, production introspection/suggestions: http/graphql-options.ts
        GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(config)),
        AuditModule,
        AuthModule,
        UsersModule,
        OrgUnitsModule,
        PeopleModule,
        PlatformsModule,
        ReviewIntervalsModule,
        SocialAccountsModule,
        ClaimedUrlsModule,
        GovernanceModule,
        HistoryModule,
        DashboardModule,
        ImpersonationModule,
        ImportExportModule,
        LookalikesModule,
        NotificationsModule,
        PublicModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useValue: inputValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
