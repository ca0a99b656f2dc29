/** Hono on @hono/node-server: the guard as middleware, routes returning Web Responses, onError and notFound in the dialect. */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AddressInfo } from 'node:net';
import { createError, fromError, thrownHeaders, toResponse, toWebResponse } from '../../../../src/server/index.ts';
import { createApi, type Api, type ServedDialect, type StartedServer } from '../routes.ts';

/** Starts the routes on Hono, answering in `dialect`. */
export async function start(dialect: ServedDialect, api: Api = createApi(dialect)): Promise<StartedServer> {
  const app = new Hono();
  app.use(async (c, next) => {
    const refused = await api.guard(c.req.raw);
    return refused ? toWebResponse(refused) : next();
  });
  for (const route of api.routes) {
    app.on(route.method, route.path, async (c) => {
      // A malformed body is the client's fault: HTTPException's status 400 makes fromError show it as a 400.
      const body = route.method === 'GET' ? undefined : await c.req.json().catch(() => Promise.reject(new HTTPException(400, { message: 'The body is not valid JSON' })));
      return toWebResponse(await route.handle({ method: c.req.method, path: c.req.path, params: c.req.param(), headers: c.req.header(), body }));
    });
  }
  app.onError((error) => toResponse(fromError(error), { dialect, headers: thrownHeaders(error) }));
  app.notFound(() => toResponse(createError({ kind: 'not_found' }), { dialect }));
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const listening = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve({ server: listening, port: info.port }));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
