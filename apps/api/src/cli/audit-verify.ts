/**
 * `npm run audit:verify` — recomputes the whole audit chain and reports the first broken link.
 *
 *   npm run audit:verify                                  verify (exit 0 intact, 1 broken, 2 cannot run)
 *   npm run audit:verify -- --checkpoint cp.json          also compare with checkpoints kept earlier
 *   npm run audit:verify -- --write-checkpoint cp.json    write a signed checkpoint of the verified head
 *
 * Uses DATABASE_URL, or the embedded PostgreSQL of a running ggsm (or starts it briefly).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { type Checkpoint, signCheckpoint } from '../audit/audit-chain';
import { resolveAuditKey } from '../audit/audit-key';
import { verifyChain } from '../audit/audit.service';
import { ConfigError, loadConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import { type EmbeddedDatabase, EmbeddedDatabaseError, runningEmbeddedUrl, startEmbeddedPostgres } from '../database/embedded-postgres';

function parseArgs(argv: string[]): { checkpoints: string[]; writeCheckpoint?: string } {
  const out: { checkpoints: string[]; writeCheckpoint?: string } = { checkpoints: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--checkpoint' || arg === '--write-checkpoint') && !value) throw new ConfigError(`${arg} needs a file name`);
    if (arg === '--checkpoint') out.checkpoints.push(argv[++i] as string);
    else if (arg === '--write-checkpoint') out.writeCheckpoint = argv[++i];
    else throw new ConfigError(`Unknown option ${arg}. Use --checkpoint <file> or --write-checkpoint <file>.`);
  }
  return out;
}

function readCheckpoints(files: string[]): Checkpoint[] {
  return files.flatMap((file) => {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint | Checkpoint[];
    return Array.isArray(parsed) ? parsed : [parsed];
  });
}

async function main(): Promise<number> {
  const config = loadConfig();
  const args = parseArgs(process.argv.slice(2));
  const checkpoints = readCheckpoints(args.checkpoints);
  const { key, source } = resolveAuditKey(config);
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: 0 });
    url = embedded.url;
  }
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    const started = Date.now();
    const report = await verifyChain(ds, key, checkpoints);
    const ms = Date.now() - started;
    console.log(`Audit key: ${source}`);
    if (report.ok) {
      console.log(`Audit trail intact: ${report.length} events verified in ${ms} ms; head ${report.headHash}.`);
      if (checkpoints.length) console.log(`Matches ${checkpoints.length} checkpoint(s).`);
      if (args.writeCheckpoint) {
        const checkpoint = signCheckpoint(key, report.length, report.headHash, new Date().toISOString());
        writeFileSync(args.writeCheckpoint, `${JSON.stringify(checkpoint, null, 2)}\n`);
        console.log(`Checkpoint written to ${args.writeCheckpoint}.`);
      }
      return 0;
    }
    console.log(`Audit trail BROKEN at event ${report.brokenAt}: ${report.problem}.`);
    console.log(`${report.length} events before it verify; the last good head is ${report.headHash}.`);
    return 1;
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof ConfigError || err instanceof EmbeddedDatabaseError || err instanceof SyntaxError;
    console.error(`audit:verify cannot run: ${known ? (err as Error).message : String(err)}`);
    process.exit(2);
  },
);
