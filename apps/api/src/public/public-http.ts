import type { Response } from 'express';

/** Public JSON, CSV and rel="me" links: any website or script may read them (no credentials are involved). */
export function openToAll(res: Pick<Response, 'setHeader'>): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
}
