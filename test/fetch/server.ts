/**
 * A real HTTP server that misbehaves on purpose, for the client's tests: node:http on 127.0.0.1,
 * an ephemeral port. Each path gets a script of handlers: the n-th request to it is answered by
 * the n-th handler (the last one repeats), and every request is recorded.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  readonly method: string;
  /** The path and query as received. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Sets the script of a path (without query): the n-th request gets the n-th handler, the last repeats. */
  route(path: string, ...handlers: Handler[]): void;
  /** The requests a path (without query) received, in order. */
  requests(path: string): Recorded[];
  /** Body bytes written so far on a path. */
  bytesWritten(path: string): number;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const scripts = new Map<string, Handler[]>();
  const recorded = new Map<string, Recorded[]>();
  const written = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0]!;
      const list = recorded.get(path) ?? [];
      list.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      recorded.set(path, list);
      const script = scripts.get(path);
      const handler = script?.[Math.min(list.length - 1, script.length - 1)];
      const write = response.write.bind(response);
      response.write = ((chunk: string | Buffer, ...rest: unknown[]) => {
        written.set(path, (written.get(path) ?? 0) + Buffer.byteLength(chunk));
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof response.write;
      if (handler) handler(request, response, Buffer.concat(chunks));
      else json(404, { code: 'not_found', message: `No route ${path}` })(request, response, Buffer.alloc(0));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route(path, ...handlers) {
      scripts.set(path, handlers);
      recorded.delete(path);
      written.delete(path);
    },
    requests: (path) => recorded.get(path) ?? [],
    bytesWritten: (path) => written.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a JSON body. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    response.end(text);
  };
}

/** Answers with a text body (an HTML page from a proxy, say). */
export function text(status: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body), ...headers });
    response.end(body);
  };
}

/** An nginx error page. */
export function htmlPage(status: number, title: string, headers: Record<string, string> = {}): Handler {
  return text(status, `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`, { 'content-type': 'text/html', ...headers });
}

/** Sends the headers and part of the body, then drops the connection. */
export function resetMidBody(status = 200): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': '1000' });
    response.write('{"result": [1, 2, 3');
    setTimeout(() => response.socket?.destroy(), 10);
  };
}

/** Sends the headers and the start of a body that never ends. */
export function hangingBody(status = 200): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.write('{"items": [');
  };
}

/** Never answers at all. */
export function silence(): Handler {
  return () => {};
}

/**
 * A body of `size` bytes made on demand, 64 KiB at a time, as fast as the client reads it and
 * never more: stops when the client goes away. `declare` sends `Content-Length`.
 */
export function hugeBody(status: number, size: number, declare: boolean): Handler {
  const chunk = Buffer.alloc(65_536, 'x');
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/plain', ...(declare ? { 'content-length': String(size) } : {}) });
    let sent = 0;
    let closed = false;
    response.on('close', () => (closed = true));
    const pump = (): void => {
      while (!closed && sent < size) {
        const part = size - sent >= chunk.length ? chunk : chunk.subarray(0, size - sent);
        sent += part.length;
        if (!response.write(part)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!closed) response.end();
    };
    pump();
  };
}
