/** Fastify 5: the guard as an onRequest hook, the routes, setErrorHandler and setNotFoundHandler, all in the dialect. */
import Fastify, { type FastifyReply } from 'fastify';
import { buildError, createError, fromError, thrownHeaders, type BuiltResponse } from '../../../../src/server/index.ts';
import { createApi, type Api, type ServedDialect, type StartedServer } from '../routes.ts';

const send = (reply: FastifyReply, { status, headers, body }: BuiltResponse): FastifyReply => reply.code(status).headers(headers).send(body);

/** Starts the routes on Fastify 5, answering in `dialect`. */
export async function start(dialect: ServedDialect, api: Api = createApi(dialect)): Promise<StartedServer> {
  const app = Fastify();
  app.addHook('onRequest', async (request, reply) => {
    const refused = await api.guard(request);
    if (refused) return send(reply, refused);
  });
  for (const route of api.routes) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) =>
        send(reply, await route.handle({ method: request.method, path: request.url, params: request.params as Record<string, string>, headers: request.headers, body: request.body })),
    });
  }
  app.setErrorHandler((error, _request, reply) => send(reply, buildError(fromError(error), { dialect, headers: thrownHeaders(error) })));
  app.setNotFoundHandler((_request, reply) => send(reply, buildError(createError({ kind: 'not_found' }), { dialect })));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}
