import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { formatGraphQLError } from './common/errors';
import { HttpErrorFilter } from './common/http-exception.filter';
import { inputValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { HealthController } from './health/health.controller';
import { OrgUnitsModule } from './org-units/org-units.module';
import { PeopleModule } from './people/people.module';
import { PlatformsModule } from './platforms/platforms.module';
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
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          graphiql: config.nodeEnv !== 'production',
          introspection: true,
          includeStacktraceInErrorResponses: false,
          autoTransformHttpErrors: false,
          formatError: formatGraphQLError,
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
        AuthModule,
        UsersModule,
        OrgUnitsModule,
        PeopleModule,
        PlatformsModule,
        SocialAccountsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useValue: inputValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
