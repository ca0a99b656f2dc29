/** Express 5: the guard as the first middleware, the routes, an error handler and a final 404, all in the dialect. */
import express, { type ErrorRequestHandler, type Response } from 'express';
import type { AddressInfo } from 'node:net';
import { buildError, createError, fromError, thrownHeaders, type BuiltResponse } from '../../../../src/server/index.ts';
import { createApi, type Api, type ServedDialect, type StartedServer } from '../routes.ts';

const send = (response: Response, { status, headers, body }: BuiltResponse): void => void response.status(status).set(headers).send(body);

/** Starts the routes on Express 5, answering in `dialect`. */
export async function start(dialect: ServedDialect, api: Api = createApi(dialect)): Promise<StartedServer> {
  const app = express();
  app.use(async (request, response, next) => {
    const refused = await api.guard(request);
    if (refused) send(response, refused);
    else next();
  });
  app.use(express.json());
  for (const route of api.routes) {
    app[route.method === 'GET' ? 'get' : 'post'](route.path, async (request, response) => {
      send(response, await route.handle({ method: request.method, path: request.path, params: request.params as Record<string, string>, headers: request.headers, body: request.body }));
    });
  }
  const handleError: ErrorRequestHandler = (error, _request, response, _next) => {
    const { status, headers, body } = buildError(fromError(error), { dialect, headers: thrownHeaders(error) });
    response.status(status).set(headers).send(body);
  };
  app.use(handleError);
  app.use((_request, response) => send(response, buildError(createError({ kind: 'not_found' }), { dialect })));
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
