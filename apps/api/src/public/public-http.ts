import type { Request, Response } from 'express';

/** Public JSON, CSV and rel="me" links: any website or script may read them (no credentials are involved). */
export function openToAll(res: Pick<Response, 'setHeader'>): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
}

/** A JSON body made once and sent many times, with what express's res.send() would add: its length and ETag. */
export interface PreparedJson {
  json: string;
  length: string;
  etag: string;
}

export function prepareJson(req: Pick<Request, 'app'>, json: string): PreparedJson {
  const etagOf = req.app.get('etag fn') as (chunk: Buffer, encoding: string) => string;
  const bytes = Buffer.from(json, 'utf8');
  return { json, length: String(bytes.length), etag: etagOf(bytes, 'utf8') };
}
