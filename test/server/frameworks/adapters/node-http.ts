/** node:http: read the body, find the route, write the built status, headers and body. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { buildError, createError, fromError, thrownHeaders, type BuiltResponse } from '../../../../src/server/index.ts';
import { createApi, findRoute, type Api, type ServedDialect, type StartedServer } from '../routes.ts';

const send = (response: ServerResponse, { status, headers, body }: BuiltResponse): void => void response.writeHead(status, headers).end(body);

async function readJson(request: IncomingMessage): Promise<unknown> {
  const raw = await text(request);
  try {
    return raw === '' ? undefined : JSON.parse(raw);
  } catch {
    throw createError({ kind: 'bad_request', detail: 'The body is not valid JSON' });
  }
}

/** Starts the routes on node:http, answering in `dialect`. */
export async function start(dialect: ServedDialect, api: Api = createApi(dialect)): Promise<StartedServer> {
  const server = createServer(async (request, response) => {
    try {
      const refused = await api.guard(request);
      if (refused) return send(response, refused);
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      const found = findRoute(api.routes, request.method, pathname);
      if (!found) return send(response, buildError(createError({ kind: 'not_found' }), { dialect }));
      const body = await readJson(request);
      send(response, await found.route.handle({ method: request.method ?? 'GET', path: pathname, params: found.params, headers: request.headers, body }));
    } catch (error) {
      send(response, buildError(fromError(error), { dialect, headers: thrownHeaders(error) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
