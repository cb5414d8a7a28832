import { Readable } from 'node:stream';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** `application/json`, without a charset or with UTF-8: the only bodies the quick read takes. */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;
const DIGITS = /^\d{1,12}$/;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/**
 * JSON request bodies up to `limit` bytes, as body-parser's `express.json()` reads them, with a quick read
 * for the common case: a UTF-8 body with a Content-Length, not compressed, that is a JSON object or array
 * from its first byte. Such a body is read in its chunks and given to JSON.parse; every other request, and
 * every body JSON.parse refuses, goes through body-parser itself (a refused body from a copy of its bytes),
 * so limits, charsets, compression and the errors for bad JSON stay exactly body-parser's.
 *
 * Why not body-parser alone: its stream plumbing (raw-body, on-finished, a decoder per request) was a tenth
 * of the time and allocations of a cached public answer over POST /graphql (bench/verify.bench.ts).
 * `parser` is body-parser's reader with the same limit (given by the tests to count its calls).
 */
export function jsonBody(limit: number, parser: RequestHandler = express.json({ limit })): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const headers = req.headers;
    const declared = headers['content-length'];
    const length = declared !== undefined && DIGITS.test(declared) ? Number(declared) : 0;
    if (
      length === 0 ||
      length > limit ||
      headers['transfer-encoding'] !== undefined ||
      (headers['content-encoding'] !== undefined && headers['content-encoding'].toLowerCase() !== 'identity') ||
      !PLAIN_JSON.test(headers['content-type'] ?? '')
    ) {
      return parser(req, res, next);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    let ended = false;
    // The client went away mid-body (as raw-body calls it); nobody reads the answer, the log line shows it.
    req.once('error', (err: Error) => {
      if (!ended) next(Object.assign(err, { status: 400, statusCode: 400, expose: true, type: 'request.aborted' }));
      ended = true;
    });
    req.once('end', () => {
      if (ended) return;
      ended = true;
      const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      const first = bytes[0];
      if (first === OPEN_BRACE || first === OPEN_BRACKET) {
        try {
          req.body = JSON.parse(bytes.toString('utf8'));
          return next();
        } catch {
          // body-parser's error, below
        }
      }
      const copy = Object.assign(Readable.from([bytes]), { headers });
      parser(copy as unknown as Request, res, (err?: unknown) => {
        if (err) return next(err);
        req.body = (copy as unknown as Request).body;
        next();
      });
    });
  };
}
