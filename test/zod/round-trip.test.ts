// A body that a schema accepts, sent as JSON text, is read back by `normalize` as its dialect:
// the schemas and the dialect readers agree on what each seed's bodies look like.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { normalize } from '../../src/index.ts';
import { chunkOf, envelopeSchema, fromZodError, halSchema, plainErrorSchema, problemSchema, statusMessageSchema } from '../../src/zod/index.ts';

const user = z.object({ name: z.string(), emails: z.array(z.email()) });

/** The error a route makes of a request body that fails `user`. */
function toValidationError(): ReturnType<typeof fromZodError> {
  const parsed = user.safeParse({ emails: ['ada@example.com', 'ada@'] });
  if (parsed.success) throw new Error('expected the parse to fail');
  return fromZodError(parsed.error, { detail: 'Request failed validation' });
}

const json = { 'content-type': 'application/json' };

describe('a body the schema accepts normalizes as its dialect', () => {
  it('reads a problem made of a zod error back into the same issues', () => {
    const error = toValidationError();
    // Seed 001 puts the code in `title` and the message in `detail`; RFC 9457 §3 adds `pointer`.
    const body = problemSchema.parse({
      type: 'about:blank',
      title: error.title,
      status: error.status,
      detail: error.detail,
      errors: error.issues.map((issue) => ({ title: issue.code, detail: issue.message, pointer: `/${issue.path.join('/')}` })),
    });
    const result = normalize({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify(body) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'validation', status: 400, title: 'Bad Request', detail: 'Request failed validation', dialect: 'problem' });
    expect(result.error.issues).toEqual([
      { path: ['name'], field: '/name', message: 'Invalid input: expected string, received undefined', code: 'invalid_type' },
      { path: ['emails', 1], field: '/emails/1', message: 'Invalid email address', code: 'invalid_format' },
    ]);
  });

  it('reads a status-message body back with its request and trace IDs', () => {
    const body = statusMessageSchema.parse({ status: 400, message: 'Invalid email address', request_id: 'req-1', trace_id: 'trace-1' });
    const result = normalize({ status: 400, headers: json, body: JSON.stringify(body) });
    expect(result.ok ? undefined : result.error).toMatchObject({ kind: 'bad_request', detail: 'Invalid email address', requestId: 'req-1', traceId: 'trace-1', dialect: 'status-message' });
  });

  it('reads a plain {code, message} body back with its code as a string', () => {
    const body = plainErrorSchema.parse({ code: 40401, message: 'Requested entity not found.' });
    const result = normalize({ status: 404, headers: json, body: JSON.stringify(body) });
    expect(result.ok ? undefined : result.error).toMatchObject({ kind: 'not_found', code: '40401', detail: 'Requested entity not found.', dialect: 'plain' });
  });

  it('reads an envelope validation error back with its field as an issue', () => {
    const issue = toValidationError().issues[1]!;
    const body = envelopeSchema.parse({ result: 'error', error: { type: 'validation', code: 6001, message: issue.message, field: issue.field } });
    const result = normalize({ status: 422, headers: json, body: JSON.stringify(body) });
    expect(result.ok ? undefined : result.error).toMatchObject({
      kind: 'validation',
      code: '6001',
      dialect: 'envelope',
      issues: [{ path: ['emails', 1], field: 'emails[1]', message: 'Invalid email address', code: '6001' }],
    });
  });

  it('reads an envelope success back with its items and page figures', () => {
    const body = envelopeSchema.parse({ result: 'success', customers: [{ id: 1 }], metadata: { page: 1, pagesCount: 3, recordsPerPage: 1, recordsCount: 3 } });
    const result = normalize({ status: 200, headers: json, body: JSON.stringify(body) });
    expect(result.ok ? result.value : undefined).toMatchObject({ data: [{ id: 1 }], page: { page: 1, pagesCount: 3, recordsPerPage: 1, recordsCount: 3 }, dialect: 'envelope' });
  });

  it('reads a HAL resource back with its links apart from its data', () => {
    const body = halSchema.parse({ id: 'cmp_42', _links: { self: { href: '/v1/campaigns/cmp_42' } } });
    const result = normalize({ status: 200, headers: { 'content-type': 'application/hal+json' }, body: JSON.stringify(body) });
    expect(result.ok ? result.value : undefined).toMatchObject({ data: { id: 'cmp_42' }, links: { self: { href: '/v1/campaigns/cmp_42' } }, dialect: 'problem' });
  });

  it('reads a chunk back with its cursor', () => {
    const body = chunkOf(user).parse({ result: [{ name: 'Ada', emails: [] }], offset: '1', hasNext: true });
    const result = normalize({ status: 200, headers: json, body: JSON.stringify(body) });
    expect(result.ok ? result.value : undefined).toMatchObject({ data: [{ name: 'Ada', emails: [] }], cursor: { offset: '1', hasNext: true }, dialect: 'plain' });
  });
});

describe('a zod error answered by faultline/server is read back with its paths', () => {
  it('keeps keys that dots cannot carry (`["a.b"]`, `["0"]`) in every dialect', async () => {
    const { buildError } = await import('../../src/server/index.ts');
    const parsed = z.object({ tags: z.record(z.string(), z.number()) }).safeParse({ tags: { 'a.b': 'x', 'first name': 'y', '0': 'z' } });
    if (parsed.success) throw new Error('expected the parse to fail');
    const error = fromZodError(parsed.error);
    const paths = error.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining([['tags', 'a.b'], ['tags', 'first name'], ['tags', '0']]));
    for (const dialect of ['plain', 'problem', 'status-message', 'envelope'] as const) {
      const read = normalize(buildError(error, { dialect }));
      // A problem names fields by JSON Pointer, whose `/0` is a member or an index alike (RFC 6901 §4): read as the index.
      const expected = dialect === 'problem' ? paths.map((path) => path.map((segment) => (segment === '0' ? 0 : segment))) : paths;
      expect(read.ok ? [] : read.error.issues.map((issue) => issue.path), dialect).toEqual(expected);
    }
  });

  it('keeps a top-level key named body in every dialect, where seed 001 names the request part body', async () => {
    const { buildError } = await import('../../src/server/index.ts');
    const request = z.object({ body: z.object({ name: z.string() }), query: z.object({ q: z.string() }) });
    const parsed = request.safeParse({ body: {}, query: {} });
    if (parsed.success) throw new Error('expected the parse to fail');
    const error = fromZodError(parsed.error);
    expect(error.issues.map((issue) => issue.field)).toEqual(['body.name', 'query.q']);
    for (const dialect of ['plain', 'problem', 'status-message', 'envelope'] as const) {
      const read = normalize(buildError(error, { dialect }));
      expect(read.ok ? [] : read.error.issues.map((issue) => issue.path), dialect).toEqual([['body', 'name'], ['query', 'q']]);
    }
  });

  it("still reads seed 001's body.name as the payload's name, and a quoted [\"body\"] as the key", () => {
    const read = (field: string): unknown => {
      const result = normalize({ status: 400, headers: json, body: JSON.stringify({ code: 'VALIDATION_FAILED', message: 'Invalid', errors: [{ field, message: 'Required' }] }) });
      return result.ok ? undefined : result.error.issues[0]?.path;
    };
    expect(read('body.name')).toEqual(['name']);
    expect(read('body["first name"]')).toEqual(['first name']);
    expect(read('["body"].name')).toEqual(['body', 'name']);
  });
});
