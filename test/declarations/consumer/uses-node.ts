// With @types/node: node:http's header records and Node's `Buffer` are accepted.
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { normalize } from 'faultline';
import { createClient } from 'faultline/fetch';

export async function useNodeTypes(request: IncomingMessage): Promise<void> {
  normalize({ status: 200, headers: request.headers });
  const client = createClient({ baseUrl: 'https://api.example.com' });
  await client.post('/files', { body: Buffer.from('report') });
  await client.post('/files', { body: readFileSync('report.pdf') });
  // The undici a project installs (its ProxyAgent) need not match the one @types/node describes:
  // any dispatcher is taken, as fetch passes it on.
  const proxy: { dispatch(options: object, handler: object): boolean } = { dispatch: () => true };
  createClient({ baseUrl: 'https://api.example.com', fetchOptions: { dispatcher: proxy } });
}
