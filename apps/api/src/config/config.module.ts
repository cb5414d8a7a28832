import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JWT_SECRET } from '../auth/auth.constants';
import { APP_CONFIG, type AppConfig } from './config';

/** The validated configuration, read once at start-up, for every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, jwtSecret: string): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: JWT_SECRET, useValue: jwtSecret },
    ];
    return { module: ConfigModule, providers, exports: providers };
  }
}
