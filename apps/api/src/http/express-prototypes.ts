import { IncomingMessage, ServerResponse, type ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';

/**
 * Options for `http.createServer` under which each request and response is made with express's prototypes
 * (`app.request`, `app.response`) from the start.
 *
 * Express gives every request and response its prototypes afterwards, with `Object.setPrototypeOf` in
 * `app.handle`. V8 cannot keep such objects on its fast paths: on the public verification benchmark's
 * 2 cores a bare express app answered 2.5 times fewer requests than with this change, and most of each
 * request's objects lived long enough to be copied into the old generation, which made the young
 * generation's collections ten times longer (expressjs/express#5998 describes the same). With the
 * prototypes already in place, express's own call finds nothing to change.
 */
export function expressPrototypes(app: Express): ServerOptions {
  function Request(this: IncomingMessage, socket: Socket): void {
    Reflect.apply(IncomingMessage, this, [socket]);
  }
  Request.prototype = app.request;
  function Response(this: ServerResponse, req: IncomingMessage, options?: object): void {
    Reflect.apply(ServerResponse, this, [req, options]);
  }
  Response.prototype = app.response;
  return { IncomingMessage: Request as unknown as typeof IncomingMessage, ServerResponse: Response as unknown as typeof ServerResponse };
}
