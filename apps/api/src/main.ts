import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppModule } from './app.module';
import { PasswordService } from './auth/password.service';
import { configureLogging, NestPinoLogger } from './common/logger';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { createDataSource } from './database/data-source';
import { EmbeddedDatabaseError, startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { resolveAuditKey } from './audit/audit-key';
import { bootstrapAdmin, DEMO_USERS, seedDemo } from './demo/demo-seed';
import { ExpressHttpAdapter } from './http/express-http-adapter';
import { applyHttpHardening } from './http/http-hardening';
import { publicShortPaths } from './public/public.module';

const log = new Logger('ggsm');

/** Runs pending migrations under an advisory lock, so replicas starting together take turns. */
async function migrate(url: string, config: AppConfig): Promise<void> {
  const ds = createDataSource(url, config.logSql);
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock(20110)');
    const ran = await ds.runMigrations({ transaction: 'each' });
    if (ran.length) log.log(`Applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
    await ds.query('SELECT pg_advisory_unlock(20110)');
    if (config.demoData) {
      const hash = await new PasswordService().hash(config.demoPassword);
      if (await seedDemo(ds, hash, resolveAuditKey(config).key)) log.log('Loaded the demo register: the 22 accounts of the 2011 policy note and the demo users.');
    }
    if (config.bootstrapAdmin) {
      const { email, password } = config.bootstrapAdmin;
      if (await bootstrapAdmin(ds, email, await new PasswordService().hash(password), resolveAuditKey(config).key)) log.log(`Created the first administrator ${email}.`);
    }
  } finally {
    await ds.destroy();
  }
}

/** Tokens survive a restart of the embedded default; elsewhere JWT_SECRET is the source. */
function jwtSecret(config: AppConfig, embedded: boolean): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (embedded) {
    const file = join(resolve(config.dataDir), 'jwt-secret');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
  log.warn('JWT_SECRET is not set: using a random secret; logins end when this process stops.');
  return randomBytes(48).toString('base64url');
}

/** Serves the built console at / (same origin as /graphql), with a fallback to index.html for its routes. */
function serveConsole(app: NestExpressApplication, config: AppConfig): boolean {
  const dir = resolve(config.adminDir ?? join(__dirname, '..', '..', 'admin', 'dist'));
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    log.warn(`No console build at ${dir}: run "npm run build" (the API works without it).`);
    return false;
  }
  // The API's own paths never look for a file first: a stat() per request costs the hot path (public verify) dearly.
  const API_PATH = /^\/(graphql|auth|health|public|api)(\/|$)/;
  const assets = express.static(dir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => (API_PATH.test(req.path) ? next() : assets(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const api = API_PATH.test(req.path);
    if (req.method !== 'GET' || api) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

async function main(): Promise<void> {
  const config = loadConfig();
  // Nest's lines (and this file's) go through pino from here on: JSON, pretty in development.
  configureLogging(config);
  const nestLogger = new NestPinoLogger();
  Logger.overrideLogger(nestLogger);
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDbPort, log: (m) => log.log(m) });
    url = embedded.url;
    log.log(`Embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${embedded.dataDir}`);
  }

  let app: NestExpressApplication | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal}: stopping`);
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await migrate(url, config);
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, url, jwtSecret(config, !!embedded)), new ExpressHttpAdapter(), {
      logger: nestLogger,
      // applyHttpHardening registers the body parsers, with GGSM_BODY_LIMIT.
      bodyParser: false,
    });
    app.disable('x-powered-by');
    app.set('trust proxy', 'loopback');
    applyHttpHardening(app, config);
    app.use(publicShortPaths(app));
    serveConsole(app, config);
    await app.listen(config.port, config.host);
  } catch (err) {
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }

  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  ggsm is running`,
    `  Console:  ${base}/`,
    `  GraphQL:  ${base}/graphql`,
    `  Health:   ${base}/health`,
  ];
  if (config.demoData) {
    lines.push(`  Demo logins (password "${config.demoPassword === 'ggsm-demo-2026' ? 'ggsm-demo-2026' : '$GGSM_DEMO_PASSWORD'}"):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.email.padEnd(34)} ${u.roles.join(', ')}`);
  }
  lines.push('  Stop with Ctrl-C.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof EmbeddedDatabaseError) {
    process.stderr.write(`\nggsm cannot start.\n${err.message}\n\n`);
  } else {
    process.stderr.write(`\nggsm cannot start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
