/**
 * `thrownHeaders`: the headers a thrown error asks its answer to carry. A 401 must carry a
 * `WWW-Authenticate` challenge (RFC 9110 §11.6.1), a 405 an `Allow` (§15.5.6): http-errors puts
 * them in `error.headers`, Hono's auth middleware in the `Response` of an `HTTPException`
 * (`error.res`). The ApiError `fromError` makes has no place for headers; this gives them to
 * `buildError` and `toResponse` as their `headers` option.
 */
import { isRecord, toOwnView } from '../members.ts';
import { isUpstreamError } from './from-error.ts';
import { isFieldName, isHeaderValue } from './header-safety.ts';

// What describes a body (Content-Type, Content-Length, Content-Encoding…) describes the thrown
// error's own, not the one the dialect writes; framing and connections are the server's
// (RFC 9110 §7.6.1). Set-Cookie is left out: a `{status, headers, body}` record holds one value
// per name, and an adapter's error handler must not throw for a second one.
const leftOut = (name: string): boolean => name.startsWith('content-') || name === 'transfer-encoding' || name === 'connection' || name === 'keep-alive' || name === 'set-cookie';

/**
 * The headers a thrown error carries for its answer, as `[name, value]` pairs with lower-case
 * names: http-errors' `headers`, a Hono `HTTPException`'s `res` headers. A name or value no header
 * can carry is left out, and so are `Content-*`, hop-by-hop fields and `Set-Cookie`; another HTTP
 * client's or an API SDK's error (its upstream's headers) gives none. Never throws; an error that carries none gives `[]`.
 * @example
 * app.onError((error) => toResponse(fromError(error), { headers: thrownHeaders(error) }));
 */
export function thrownHeaders(thrown: unknown): [string, string][] {
  const pairs: [string, string][] = [];
  const keep = (name: unknown, value: unknown): void => {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof name !== 'string' || typeof text !== 'string') return;
    const key = name.toLowerCase();
    if (isFieldName(key) && !leftOut(key) && isHeaderValue(text)) pairs.push([key, text]);
  };
  try {
    // Another HTTP client's or an SDK's error carries the upstream's headers: they stay behind, as its body does.
    if (!isRecord(thrown) || isUpstreamError(thrown)) return pairs;
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
