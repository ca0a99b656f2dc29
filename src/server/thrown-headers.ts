/**
 * `thrownHeaders`: the headers a thrown error asks its answer to carry. A 401 must carry a
 * `WWW-Authenticate` challenge (RFC 9110 §11.6.1), a 405 an `Allow` (§15.5.6): http-errors puts
 * them in `error.headers`, Hono's auth middleware in the `Response` of an `HTTPException`
 * (`error.res`). The ApiError `fromError` makes has no place for headers; this gives them to
 * `buildError` and `toResponse` as their `headers` option.
 */
import { isRecord, toOwnView } from '../members.ts';
import { assertHeaderValue } from './header-safety.ts';

// What describes a body (Content-Type, Content-Length, Content-Encoding…) describes the thrown
// error's own, not the one the dialect writes; framing is the server's.
const describesBody = (name: string): boolean => name.startsWith('content-') || name === 'transfer-encoding';

/** Whether a value can be sent as a header value: never throws, unlike the checks of the builders. */
function isSendable(value: string): boolean {
  try {
    assertHeaderValue('', value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The headers a thrown error carries for its answer, as `[name, value]` pairs with lower-case
 * names: http-errors' `headers`, a Hono `HTTPException`'s `res` headers. A value no header can
 * carry is left out. Never throws; an error that carries none gives `[]`.
 * @example
 * app.onError((error) => toResponse(fromError(error), { headers: thrownHeaders(error) }));
 */
export function thrownHeaders(thrown: unknown): [string, string][] {
  const pairs: [string, string][] = [];
  const keep = (name: unknown, value: unknown): void => {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof name !== 'string' || typeof text !== 'string') return;
    const key = name.toLowerCase();
    if (!describesBody(key) && isSendable(text)) pairs.push([key, text]);
  };
  try {
    if (!isRecord(thrown)) return pairs;
    const { headers, res } = toOwnView(thrown as { headers?: unknown; res?: unknown });
    if (isRecord(headers)) {
      for (const name of Object.keys(headers)) {
        const value = headers[name];
        for (const item of Array.isArray(value) ? value : [value]) keep(name, item);
      }
    }
    // A Response (Hono's `HTTPException` built with `res`): its headers, read by shape.
    const resHeaders: unknown = isRecord(res) ? (res as { headers?: unknown }).headers : undefined;
    if (isRecord(resHeaders) && typeof resHeaders['forEach'] === 'function') (resHeaders as unknown as Headers).forEach((value, name) => keep(name, value));
  } catch {
    // A hostile value (a throwing getter, a Proxy): what was read so far.
  }
  return pairs;
}
