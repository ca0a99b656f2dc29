/**
 * Seed 001: errors as RFC 9457 problem details, successes as HAL. Validation issues go in
 * `errors[]` as seed 001 prints them — `{title: code, detail: message}` — with an RFC 9457
 * `pointer` to the field.
 */
import { isRecord } from '../../members.ts';
import type { DialectBuilder } from './types.ts';
import { put, startBody, toChunk, toPointer } from './members.ts';


/**
 * A HAL control by relation: the data's own relations, then the option's over them, so that the
 * data's `self` stays beside a `next` the caller adds (draft-kelly-json-hal §4.1).
 */
function putControls(body: Record<string, unknown>, key: '_links' | '_embedded', given: object | undefined): void {
  if (given === undefined) return;
  const own = Object.hasOwn(body, key) ? body[key] : undefined;
  body[key] = isRecord(own) ? { ...own, ...given } : given;
}

/** Seed 001: errors as `application/problem+json` (`type` unless `about:blank`, `title`, `status`, `detail`, `instance`, `code`, `errors[]` of `{title: code, detail: message, pointer}`); successes as HAL with `_links` / `_embedded` when given, or seed 003's chunk with a cursor alone (a cursor beside links is a TypeError: HAL pages by `links.next`). */
export const problemBuilder: DialectBuilder = {
  id: 'problem',
  errorMediaType: 'application/problem+json',
  // Seed 001: "We use HAL (application/hal+json) for successful responses (2xx)". A HAL resource
  // is an object, its `_links` and `_embedded` optional (draft-kelly-json-hal §4); a list or a
  // text is plain JSON. So is an object with `result` and no HAL controls, the member of the seeds'
  // own shapes (003's chunk, 004's envelope) written with or without the options: HAL would name
  // the problem dialect, and a reader take the chunk for a resource. A value with its own JSON
  // text (a Date's is a string) is what that text is.
  successMediaType: (body, { cursor }) =>
    isRecord(body) && typeof body['toJSON'] !== 'function' && cursor === undefined && (!Object.hasOwn(body, 'result') || Object.hasOwn(body, '_links') || Object.hasOwn(body, '_embedded'))
      ? 'application/hal+json'
      : 'application/json',
  buildError(error, status) {
    const body = startBody(error, true);
    // RFC 9457 §3.1.1: "about:blank" is the default; it need not be sent.
    if (error.type !== undefined && error.type !== 'about:blank') body['type'] = error.type;
    body['title'] = error.title;
    // RFC 9457 §3.1.2: the status member equals the HTTP status.
    body['status'] = status;
    // Seed 001: "all responses contain a title and detail properties"; without a detail of its
    // own, the title is the explanation (and read back as no detail).
    body['detail'] = error.detail ?? error.title;
    put(body, 'instance', error.instance);
    put(body, 'code', error.code);
    if (error.issues.length > 0) {
      body['errors'] = error.issues.map((issue) => {
        const entry: Record<string, unknown> = {};
        put(entry, 'title', issue.code);
        entry['detail'] = issue.message;
        // RFC 6901: "#" points at the whole document — an issue tied to no field says so.
        entry['pointer'] = toPointer(issue.path) ?? '#';
        return entry;
      });
    }
    return body;
  },
  buildSuccess(data, { links, embedded, cursor }) {
    const hal = links !== undefined || embedded !== undefined;
    // Without HAL controls, a cursor is seed 003's chunk, as in the plain dialect; beside them it
    // has no place: HAL pages by its `next` link (draft-kelly-json-hal §8.2), which paginate follows.
    if (cursor !== undefined && hal) throw new TypeError('A cursor has no place beside HAL links: give links.next');
    if (cursor !== undefined) return toChunk(data, cursor);
    if (!hal) return data;
    // HAL: the resource's own members, then its controls.
    const body: Record<string, unknown> = isRecord(data) ? { ...data } : data === undefined ? {} : { data };
    putControls(body, '_links', links);
    putControls(body, '_embedded', embedded);
    return body;
  },
};
