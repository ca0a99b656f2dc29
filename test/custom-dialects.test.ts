/**
 * A custom dialect, as README "Fewer dialects, or your own" has a user write one: what selects
 * it (its media types, marker headers and required members) and what its `parse` is told.
 */
import { describe, expect, it } from 'vitest';
import { createNormalizer, plainDialect, problemDialect, type DialectParser, type ParseContext } from '../src/index.ts';

const isObject = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null;

describe('a media type a custom dialect names', () => {
  it('lets a dialect before problem read the problems it claims, leaving the others to problem', () => {
    // An API's own problem extension, read before the RFC 9457 reader gets it.
    const violations: DialectParser = {
      id: 'violations',
      mediaTypes: ['application/problem+json'],
      detect: (body) => isObject(body) && Array.isArray(body['violations_v2']),
      parse: () => ({ ok: false, code: 'V2' }),
    };
    const normalize = createNormalizer({ dialects: [violations, problemDialect, plainDialect] });
    const headers = { 'content-type': 'application/problem+json' };
    const own = normalize({ status: 400, headers, body: { title: 'Invalid', violations_v2: [] } });
    const other = normalize({ status: 400, headers, body: { title: 'Invalid', detail: 'No name' } });
    expect(own.ok || [own.error.dialect, own.error.code]).toEqual(['violations', 'V2']);
    expect(other.ok || [other.error.dialect, other.error.detail]).toEqual(['problem', 'No name']);
  });

  it('selects its dialect whatever the body when it is no JSON type: an XML text, or none', () => {
    const soap: DialectParser = { id: 'soap', mediaTypes: ['application/soap+xml'], detect: () => false, parse: (body) => ({ ok: false, code: 'SOAP', detail: typeof body === 'string' ? 'a fault' : 'no body' }) };
    const normalize = createNormalizer({ dialects: [soap, plainDialect] });
    const headers = { 'content-type': 'application/soap+xml; charset=utf-8' };
    const text = normalize({ status: 500, headers, body: '<Fault/>' });
    const empty = normalize({ status: 500, headers });
    expect(text.ok || [text.error.dialect, text.error.detail]).toEqual(['soap', 'a fault']);
    expect(empty.ok || [empty.error.dialect, empty.error.detail]).toEqual(['soap', 'no body']);
  });

  it('leaves a text under a JSON type to the dialects that read text: it is malformed JSON', () => {
    const acme: DialectParser = { id: 'acme', mediaTypes: ['application/vnd.acme+json'], detect: () => false, parse: () => ({ ok: false, code: 'ACME' }) };
    const result = createNormalizer({ dialects: [acme, plainDialect] })({ status: 502, headers: { 'content-type': 'application/vnd.acme+json' }, body: 'Bad gateway' });
    expect(result.ok || [result.error.dialect, result.error.detail]).toEqual(['plain', 'Bad gateway']);
  });

  it('matches whatever the case it is written in (RFC 9110 §8.3.1)', () => {
    const acme: DialectParser = { id: 'acme', mediaTypes: ['application/vnd.Acme+JSON'], detect: () => false, parse: () => ({ ok: false, code: 'ACME' }) };
    const result = createNormalizer({ dialects: [acme, plainDialect] })({ status: 400, headers: { 'Content-Type': 'application/VND.acme+json' }, body: { message: 'x' } });
    expect(result.ok || result.error.dialect).toBe('acme');
  });
});

describe("a custom dialect's headers", () => {
  const legacy: DialectParser = {
    id: 'legacy',
    mediaTypes: [],
    markerHeaders: ['X-Legacy-Error'],
    detect: () => false,
    parse: (_body, context: ParseContext) => ({ ok: false, code: context.headers?.['x-legacy-error'], detail: context.headers?.['x-legacy-detail'] }),
  };

  it('selects it by a header of its own, named in any case, and gives its parse every header', () => {
    const result = createNormalizer({ dialects: [legacy, plainDialect] })({ status: 409, headers: { 'X-Legacy-Error': 'E_LOCKED', 'x-legacy-detail': 'Row locked', 'content-type': 'text/plain' }, body: 'locked' });
    expect(result.ok || [result.error.dialect, result.error.code, result.error.detail]).toEqual(['legacy', 'E_LOCKED', 'Row locked']);
  });

  it('reads headers given as a Headers object and as pairs alike, repeated ones joined', () => {
    const normalize = createNormalizer({ dialects: [legacy, plainDialect] });
    for (const headers of [new Headers([['x-legacy-error', 'E1'], ['x-legacy-detail', 'a'], ['x-legacy-detail', 'b']]), [['X-Legacy-Error', 'E1'], ['x-legacy-detail', 'a'], ['X-Legacy-Detail', 'b']] as [string, string][]]) {
      const result = normalize({ status: 409, headers });
      expect(result.ok || [result.error.code, result.error.detail]).toEqual(['E1', 'a, b']);
    }
  });
});

describe('requiresOneOf', () => {
  it('keeps a dialect past the 31st from bodies without its members, as before it', () => {
    const greedy = (id: string): DialectParser => ({ id, mediaTypes: [], requiresOneOf: ['fault'], detect: () => true, parse: () => ({ ok: false, code: id }) });
    const fillers = Array.from({ length: 31 }, (_, index) => ({ ...greedy(`filler-${index}`), requiresOneOf: [`member-${index}`] }));
    const normalize = createNormalizer({ dialects: [...fillers, greedy('apigee'), plainDialect] });
    const plain = normalize({ status: 400, body: { message: 'No name' } });
    const fault = normalize({ status: 400, body: { fault: { faultstring: 'x' } } });
    expect(plain.ok || plain.error.dialect).toBe('plain');
    expect(fault.ok || fault.error.dialect).toBe('apigee');
  });
});

describe("a custom dialect's facts, held to the model", () => {
  const dialectOf = (parse: DialectParser['parse']): DialectParser => ({ id: 'mine', mediaTypes: [], detect: () => true, parse });

  it('leaves out issues and failures of another shape, so that code over `issues` never breaks', () => {
    const read = createNormalizer({ dialects: [dialectOf((body) => ({ ok: false, issues: (body as { problems: never }).problems, failures: [{ index: 0, issues: [] }, { index: -1, issues: [] }, 'x'] as never }))] });
    const result = read({ status: 400, body: { problems: ['name is required', null, { path: ['name'], message: 'is required', code: 7 }, { path: [{}], message: 'x' }] } });
    if (result.ok) return expect.unreachable();
    expect(result.error.issues).toEqual([{ path: ['name'], message: 'is required' }]);
    expect(result.error.issues.map((issue) => issue.path.join('.'))).toEqual(['name']);
    expect(result.error.failures).toEqual([{ index: 0, rawData: undefined, issues: [] }]);
    expect(Object.isFrozen(result.error.issues[0])).toBe(true);
  });

  it('leaves out a wait that is no wait and rate-limit figures that are no counts', () => {
    for (const retryAfterMs of [Number.NaN, Number.POSITIVE_INFINITY, -5_000, '30']) {
      const result = createNormalizer({ dialects: [dialectOf(() => ({ ok: false, retryAfterMs: retryAfterMs as number }))] })({ status: 503 });
      expect(result.ok || result.error.retryAfterMs, String(retryAfterMs)).toBeUndefined();
    }
    const limited = createNormalizer({ dialects: [dialectOf(() => ({ ok: false, rateLimit: { limit: 'many' as never, remaining: 0 } }))] })({ status: 429 });
    expect(limited.ok || limited.error.rateLimit).toEqual({ remaining: 0 });
    const none = createNormalizer({ dialects: [dialectOf(() => ({ ok: false, rateLimit: { limit: 'many' as never } }))] })({ status: 429 });
    expect(none.ok || none.error.rateLimit).toBeUndefined();
  });

  it('gives a response no `aborted` kind: the caller did not give up, a response came', () => {
    const result = createNormalizer({ dialects: [dialectOf(() => ({ ok: false, kind: 'aborted' }))] })({ status: 400 });
    expect(result.ok || [result.error.kind, result.error.status]).toEqual(['bad_request', 400]);
  });

  it("leaves out a success's members of the wrong type", () => {
    const read = createNormalizer({ dialects: [dialectOf(() => ({ ok: true, data: 1, page: 'junk', cursor: 5, links: 'x', batch: [1], requestId: 42, traceId: {} }) as never)] });
    const result = read({ status: 200, headers: { 'x-request-id': 'from-header' } });
    if (!result.ok) return expect.unreachable();
    expect(result.value).toEqual({ status: 200, data: 1, dialect: 'mine', requestId: 'from-header', body: undefined });
  });

  it('falls back to the status when parse returns no facts: `{}`, `[]`, or facts without `ok`', () => {
    for (const facts of [{}, [], { data: 1 }, { ok: 'yes' }]) {
      const read = createNormalizer({ dialects: [dialectOf(() => facts as never)] });
      expect(read({ status: 200, body: { id: 7 } }), JSON.stringify(facts)).toMatchObject({ ok: true, value: { data: { id: 7 } } });
      expect(read({ status: 404 }), JSON.stringify(facts)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    }
  });

  it("never freezes the issues and failures of the caller's it passes on", () => {
    const body = { errors: [{ path: ['name'], message: 'required' }], items: [{ index: 0, rawData: {}, issues: [] }] };
    const read = createNormalizer({ dialects: [dialectOf((given) => ({ ok: false, issues: (given as typeof body).errors, failures: (given as typeof body).items }))] });
    const result = read({ status: 400, body });
    expect(result.ok || result.error.issues).toEqual([{ path: ['name'], message: 'required' }]);
    expect([Object.isFrozen(body.errors), Object.isFrozen(body.errors[0]), Object.isFrozen(body.items), Object.isFrozen(body.items[0])]).toEqual([false, false, false, false]);
    body.errors[0]!.message = 'changed';
    expect(result.ok || result.error.issues[0]!.message).toBe('required');
  });
});

describe("a custom dialect's facts, frozen or not", () => {
  const dialectOf = (parse: DialectParser['parse']): DialectParser => ({ id: 'mine', mediaTypes: [], detect: () => true, parse });

  it('checks frozen issues and failures too, keeping only what holds', () => {
    const frozenIssue = Object.freeze({ path: Object.freeze(['name']), message: 'required', field: 42, code: {} });
    const frozenFailure = Object.freeze({ index: 0, rawData: 1, issues: ['x', 42, frozenIssue] });
    const result = createNormalizer({ dialects: [dialectOf(() => ({ ok: false, issues: [frozenIssue] as never, failures: [frozenFailure] as never }))] })({ status: 422 });
    if (result.ok) return expect.unreachable();
    expect(result.error.issues).toEqual([{ path: ['name'], message: 'required' }]);
    expect(result.error.failures).toEqual([{ index: 0, rawData: 1, issues: [{ path: ['name'], message: 'required' }] }]);
  });

  it('leaves out an issue whose path holds what is no key nor index', () => {
    for (const segment of [Number.NaN, 1.5, -1, {}]) {
      const result = createNormalizer({ dialects: [dialectOf(() => ({ ok: false, issues: [{ path: ['items', segment], message: 'x' }] as never }))] })({ status: 400 });
      expect(result.ok || result.error.issues, String(segment)).toEqual([]);
    }
  });

  it('gives a response no `network` kind, and keeps the header’s request id over a body id of another type', () => {
    const result = createNormalizer({ dialects: [dialectOf(() => ({ ok: false, kind: 'network', requestId: 42 as never, traceId: {} as never }))] })({ status: 400, headers: { 'x-request-id': 'from-header' } });
    expect(result.ok || [result.error.kind, result.error.requestId, result.error.traceId]).toEqual(['bad_request', 'from-header', undefined]);
  });
});
