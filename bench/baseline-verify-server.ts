// The baseline of bench/verify.bench.ts: what a hand-written verify endpoint would be, with nothing of
// ggsm's framework around it. node:http, node-postgres with a pool of 16, the domain's own parsing (so
// both ask the database the same key), and the same indexed lookup of (platform, normalised handle) as
// ggsm's first query (apps/api/src/public/verification.service.ts, without lookalikes for a miss).
// One query per question, no cache. Started as a child process by the benchmark:
//   DATABASE_URL=postgres://… PORT=0 node -r ./bench/register.cjs bench/baseline-verify-server.ts
// and prints `listening <port>` once it accepts requests.
import { createServer } from 'node:http';
import { parseVerificationInput } from '@ggsm/domain';

interface Pool {
  query(text: string, values: unknown[]): Promise<{ rows: Record<string, any>[] }>;
  end(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as { Pool: new (config: object) => Pool };

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 16 });

const LOOKUP = `
  SELECT a.platform_key, a.handle, a.display_name, a.profile_url, a.kind, a.status,
         COALESCE(a.approved_at, a.created_at) AS since, u.name AS unit_name
    FROM social_account a JOIN org_unit u ON u.id = a.org_unit_id
   WHERE a.platform_key = $1 AND a.normalized_handle = $2 AND a.status IN ('ACTIVE', 'ARCHIVED')`;

const server = createServer((req, res) => {
  const send = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' || url.pathname !== '/verify') return send(404, { error: 'not found' });
  let key;
  try {
    key = parseVerificationInput({ platform: url.searchParams.get('platform'), handle: url.searchParams.get('handle'), url: url.searchParams.get('url') });
  } catch (err) {
    return send(400, { error: (err as Error).message });
  }
  pool.query(LOOKUP, [key.platform, key.normalizedHandle]).then(
    ({ rows: [row] }) => {
      if (!row) return send(200, { status: 'NOT_REGISTERED', platform: key.platform, handle: key.normalizedHandle, account: null });
      send(200, {
        status: row.status === 'ACTIVE' ? 'OFFICIAL' : 'FORMER',
        platform: key.platform,
        handle: key.normalizedHandle,
        account: { platform: row.platform_key, handle: row.handle, displayName: row.display_name, unit: row.unit_name, kind: row.kind, since: row.since, profileUrl: row.profile_url },
      });
    },
    (err: Error) => send(500, { error: err.message }),
  );
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
