import { createServer } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import { expressPrototypes } from './express-prototypes';

/** Nest's express adapter with the HTTP server of `expressPrototypes` (plain HTTP; anything else as Nest makes it). */
export class ExpressHttpAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options.httpsOptions || options.forceCloseConnections || options.return503OnClosing) return super.initHttpServer(options);
    const app = this.getInstance<Express>();
    this.httpServer = createServer(expressPrototypes(app), app);
  }
}
