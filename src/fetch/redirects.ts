/**
 * Redirects followed by hand, so that credentials stay at home: Node's fetch (undici) keeps
 * `x-api-key` (seed 003's key) on a redirect to another origin, dropping only Authorization and
 * cookies. The client and `faultline inspect <url>` both send requests through here.
 */
import { isHttpUrl } from '../members.ts';

/** The request headers that carry credentials; never sent to another origin than theirs. */
export const credentialHeaders: readonly string[] = ['x-api-key', 'authorization', 'cookie', 'proxy-authorization'];

/** The origin of a URL; `undefined` when it has none (not absolute). */
export function toOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Where a redirect leads, or the TypeError of a network failure, as fetch's own following makes
 * it (Fetch standard §4.4, HTTP-redirect fetch): a Location that is no URL, or one of another
 * scheme than http(s). Followed, a `data:` URL's text was the API's answer.
 */
function toRedirectTarget(location: string, current: string): string {
  let next = '';
  try {
    next = new URL(location, current).href;
  } catch {
    // No URL: refused below.
  }
  if (!isHttpUrl(next)) throw new TypeError(`Redirect to ${JSON.stringify(location.slice(0, 200))} not followed: no http(s) URL`);
  return next;
}

/** Frees the connection of a response that is not read. */
export const cancelBody = (response: Response): Promise<void> | undefined => response.body?.cancel().catch(() => {});

/**
 * `fetch`, with redirects followed here rather than by `fetch`. The credential headers are
 * dropped at the first hop to an origin other than `origin`, and stay dropped. Redirect rules of
 * RFC 9110 §15.4: 303 (and 301 or 302 after a POST) become a GET without body; 20 hops at most,
 * the Fetch standard's limit (§4.4), after which the last redirect is the response rather than a
 * network error, so that the caller sees where it led.
 * @param init a request whose `headers` are a record with lower-case names
 * @param origin the origin the credentials belong to
 */
export async function fetchFollowing(fetchFunction: (url: string, init: RequestInit) => Promise<Response>, url: string, init: RequestInit, origin: string | undefined): Promise<Response> {
  let current = url;
  let request: RequestInit = { ...init, redirect: 'manual' };
  for (let hops = 0; ; hops++) {
    // A fetch that ignores the signal would let the hops go on, credentials and all, after the
    // call has ended as aborted: none is sent once the signal has fired.
    if (init.signal?.aborted) throw init.signal.reason;
    const response = await fetchFunction(current, request);
    // A browser-like runtime hides where a redirect leads: only a request that may be sent again is sent again, followed by fetch.
    if (response.type === 'opaqueredirect' && (request.method === 'GET' || request.method === 'HEAD')) return fetchFunction(current, { ...request, redirect: 'follow' });
    const { status } = response;
    const location = response.headers.get('location');
    if (status < 300 || status > 399 || status === 304 || location === null || hops >= 20) return response;
    await cancelBody(response);
    const next = toRedirectTarget(location, current);
    const nextHeaders: Record<string, string> = { ...(request.headers as Record<string, string>) };
    if (toOrigin(next) !== origin) for (const name of credentialHeaders) delete nextHeaders[name];
    request = { ...request, headers: nextHeaders };
    if ((status === 303 && request.method !== 'HEAD') || ((status === 301 || status === 302) && request.method === 'POST')) {
      delete nextHeaders['content-type'];
      request = { ...request, method: 'GET' };
      delete request.body;
    }
    current = next;
  }
}
