// `npm run bench`: runs every bench/*.bench.{ts,mjs,js,cjs} one after the other (never in parallel: they
// measure), TypeScript through bench/register.cjs. Not part of `npm test`: speed is measured, not asserted.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => /\.bench\.(ts|mjs|js|cjs)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.error('No bench/*.bench.* files to run.');
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const args = file.endsWith('.ts') ? ['-r', join(here, 'register.cjs'), join(here, file)] : [join(here, file)];
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: join(here, '..') });
  if (status !== 0) {
    console.error(`${file} failed (exit ${status})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
