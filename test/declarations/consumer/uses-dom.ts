// With the DOM lib: lib.dom's `HeadersInit` and `BodyInit` are accepted where faultline takes
// headers and bodies, and faultline's own types pass to the DOM's `fetch` and `Headers` as they are.
import { normalize, type HeadersInput } from 'faultline';
import { createError, toResponse } from 'faultline/server';
import { createClient, type BodyInput } from 'faultline/fetch';

declare const headersInit: HeadersInit;
declare const bodyInit: BodyInit;

export async function useDomTypes(headers: HeadersInput, body: BodyInput): Promise<void> {
  normalize({ status: 404, headers: headersInit });
  toResponse(createError({ kind: 'not_found' }), { headers: headersInit });
  const client = createClient({ baseUrl: 'https://api.example.com', headers: headersInit });
  await client.post('/files', { body: bodyInit, headers: headersInit });
  const init: RequestInit = { headers, body };
  await fetch(new Request('https://api.example.com/files', init));
  new Headers(headers).forEach(() => undefined);
}
