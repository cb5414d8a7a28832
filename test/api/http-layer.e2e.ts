/**
 * The HTTP layer's quick paths against the libraries they stand in for: `jsonBody` (apps/api/src/http/json-body.ts)
 * must read every body exactly as body-parser's `express.json()` does, `securityHeaders` must send helmet's
 * headers, and `expressPrototypes` must give express's requests and responses their prototypes from the start
 * without changing what express does. All run here in a bare express app on loopback: no database is involved.
 */
import { type AddressInfo } from 'node:net';
import { type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse, createServer, request } from 'node:http';
import { gzipSync } from 'node:zlib';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { expressPrototypes } from '../../apps/api/src/http/express-prototypes';
import { jsonBody } from '../../apps/api/src/http/json-body';
import { securityHeaders } from '../../apps/api/src/http/http-hardening';

const LIMIT = 64 * 1024;

interface Answer {
  status: number;
  body: string;
  headers: IncomingHttpHeaders;
}

/** An app that answers with what the body reader made of the request: the body, or the error's status, type and message. */
function echoApp(reader: RequestHandler): express.Express {
  const app = express();
  app.use(reader);
  app.use((req: Request, res: Response) => {
    res.json({ body: req.body === undefined ? '(undefined)' : req.body });
  });
  app.use((err: { status?: number; type?: string; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    res.status(err.status ?? 500).json({ type: err.type, message: err.message });
  });
  return app;
}

function listen(app: express.Express): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer(app).listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

/** A raw request: exactly these headers and body chunks (no Content-Length unless given). */
function send(port: number, headers: Record<string, string>, chunks: (string | Buffer)[], method = 'POST', path = '/'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const json = (text: string | Buffer, type = 'application/json') => ({
  headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(text)) },
  chunks: [text],
});

const big = JSON.stringify({ items: Array.from({ length: 1500 }, (_, i) => ({ i, name: `naam ${i} – ü` })) });

const CASES: Record<string, { headers: Record<string, string>; chunks: (string | Buffer)[] }> = {
  'an object': json('{"query":"{ verifyAccount }","variables":{"p":"x","h":"Gemeente050"}}'),
  'an array': json('[1,2,{"a":null}]'),
  'text outside ASCII': json('{"naam":"Gemeente Groningen – ü 🐦"}'),
  'charset utf-8': json('{"a":1}', 'application/json; charset=utf-8'),
  'charset "UTF-8" quoted': json('{"a":1}', 'application/json; charset="UTF-8"'),
  'uppercase type': json('{"a":1}', 'Application/JSON'),
  'a body in several chunks': { headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) }, chunks: [big.slice(0, 1000), big.slice(1000, 30000), big.slice(30000)] },
  'leading white space': json('  {"a":1}'),
  'a byte order mark': json(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')])),
  'malformed JSON': json('{"query": bad'),
  'a string (strict JSON only)': json('"text"'),
  'a number': json('42'),
  'an empty body': json(''),
  'invalid UTF-8': json(Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])),
  'charset utf-16le': json(Buffer.from('{"a":"ü"}', 'utf16le'), 'application/json; charset=utf-16le'),
  'charset latin1': json('{"a":1}', 'application/json; charset=latin1'),
  'gzip': { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, chunks: [gzipSync('{"a":"gzip"}')] },
  'chunked, no Content-Length': { headers: { 'content-type': 'application/json' }, chunks: ['{"a":', '1}'] },
  'over the limit': json(JSON.stringify({ a: 'x'.repeat(LIMIT) })),
  'another type': json('{"a":1}', 'text/plain'),
  'application/graphql+json': json('{"a":1}', 'application/graphql+json'),
};

describe('jsonBody: body-parser with a quick read', () => {
  let quick: { server: Server; port: number };
  let plain: { server: Server; port: number };
  let parserCalls = 0;

  beforeAll(async () => {
    const parser = express.json({ limit: LIMIT });
    const counted: RequestHandler = (req, res, next) => {
      parserCalls++;
      return parser(req, res, next);
    };
    quick = await listen(echoApp(jsonBody(LIMIT, counted)));
    plain = await listen(echoApp(parser));
  });

  afterAll(async () => {
    await new Promise((r) => quick.server.close(r));
    await new Promise((r) => plain.server.close(r));
  });

  it.each(Object.keys(CASES))('reads %s exactly as body-parser does', async (name) => {
    const { headers, chunks } = CASES[name]!;
    const [mine, theirs] = [await send(quick.port, headers, chunks), await send(plain.port, headers, chunks)];
    expect({ status: mine.status, body: mine.body }).toEqual({ status: theirs.status, body: theirs.body });
  });

  it('reads a plain UTF-8 object or array itself, and hands everything else to body-parser', async () => {
    parserCalls = 0;
    for (const name of ['an object', 'an array', 'charset utf-8', 'a body in several chunks']) {
      const { headers, chunks } = CASES[name]!;
      expect((await send(quick.port, headers, chunks)).status).toBe(200);
    }
    expect(parserCalls).toBe(0);
    for (const name of ['malformed JSON', 'gzip', 'chunked, no Content-Length', 'over the limit', 'charset latin1', 'leading white space']) {
      const { headers, chunks } = CASES[name]!;
      await send(quick.port, headers, chunks);
    }
    expect(parserCalls).toBe(6);
  });

  it('answers malformed JSON with 400 and refuses a body over the limit with 413 before reading it', async () => {
    const bad = await send(quick.port, CASES['malformed JSON']!.headers, CASES['malformed JSON']!.chunks);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ type: 'entity.parse.failed' });
    const large = await send(quick.port, CASES['over the limit']!.headers, CASES['over the limit']!.chunks);
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body)).toMatchObject({ type: 'entity.too.large' });
  });
});

describe('securityHeaders: helmet, set from values taken once', () => {
  const helmetHeaders = (answer: Answer) =>
    Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !['date', 'connection', 'keep-alive', 'content-length', 'content-type', 'etag'].includes(name)));

  async function headersOf(nodeEnv: string, path: string): Promise<Record<string, unknown>> {
    const app = express();
    app.disable('x-powered-by');
    app.use(securityHeaders({ nodeEnv } as never));
    app.use((_req: Request, res: Response) => res.json({}));
    const { server, port } = await listen(app);
    try {
      return helmetHeaders(await send(port, {}, [], 'GET', path));
    } finally {
      await new Promise((r) => server.close(r));
    }
  }

  it("sends helmet's headers on every response, the same each time", async () => {
    const first = await headersOf('production', '/public/verify');
    expect(first).toMatchObject({
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
      'strict-transport-security': expect.stringMatching(/max-age=\d+/),
      'x-content-type-options': 'nosniff',
    });
    expect(Object.keys(first).length).toBeGreaterThanOrEqual(12);
    expect(await headersOf('production', '/graphql')).toEqual(first);
  });

  it('lets GraphiQL load from unpkg.com outside production only', async () => {
    const production = await headersOf('production', '/graphql');
    const test = await headersOf('test', '/graphql');
    expect(production['content-security-policy']).not.toContain('unpkg.com');
    expect(test['content-security-policy']).toContain("script-src 'self' 'unsafe-inline' https://unpkg.com");
    expect(await headersOf('test', '/public/verify')).toEqual(production);
  });
});

describe('expressPrototypes: requests and responses made with express\'s prototypes', () => {
  /** An express app behind a plain server or one made with `expressPrototypes`, reporting whether req and res had express's prototypes before express saw them. */
  async function ask(withPrototypes: boolean): Promise<Record<string, unknown>> {
    const app = express();
    app.disable('x-powered-by');
    app.set('trust proxy', 'loopback');
    app.use(express.json());
    app.post('/echo/:id', (req: Request, res: Response) => {
      res.status(201).set('X-Seen', 'yes').json({ id: req.params.id, query: req.query, body: req.body, ip: req.ip, path: req.path, json: req.is('json'), before: (req as unknown as { before: unknown }).before });
    });
    const server = createServer(withPrototypes ? expressPrototypes(app) : {}, (req: IncomingMessage, res: ServerResponse) => {
      (req as unknown as { before: unknown }).before = Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response;
      app(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const answer = await send(port, { 'content-type': 'application/json', 'content-length': '9', 'x-forwarded-for': '203.0.113.9' }, ['{"a":"b"}'], 'POST', '/echo/42?x=1&y=2');
      return { status: answer.status, seen: answer.headers['x-seen'], ...(JSON.parse(answer.body) as Record<string, unknown>) };
    } finally {
      await new Promise((r) => server.close(r));
    }
  }

  it('makes them with app.request and app.response, where a plain server makes them with node\'s own', async () => {
    expect((await ask(true)).before).toBe(true);
    expect((await ask(false)).before).toBe(false);
  });

  it('leaves express working as it does on a plain server: params, query, body, ip, status, headers, json', async () => {
    const mine = await ask(true);
    const plain = await ask(false);
    expect(mine).toMatchObject({ status: 201, seen: 'yes', id: '42', query: { x: '1', y: '2' }, body: { a: 'b' }, ip: '203.0.113.9', path: '/echo/42', json: 'json' });
    expect({ ...mine, before: undefined }).toEqual({ ...plain, before: undefined });
  });
});
