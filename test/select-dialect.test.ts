/**
 * Detection asks a dialect's `detect` only about objects that have one of the members it names in
 * `requiresOneOf`. That is a shortcut, never a change of answer: for every fixture and for
 * generated bodies, `detectDialect` picks exactly the dialect that asking every `detect` in order
 * picks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNormalizer, detectDialect, dialects, normalize, plainDialect, type DialectParser } from '../src/index.ts';

/** The answer without the shortcut: the first dialect (by media type for a parsed body) whose `detect` claims the body. */
function askEveryDialect(body: unknown, mediaType = ''): string {
  if (typeof body === 'object' && body !== null) {
    const byType = dialects.find((dialect) => dialect.mediaTypes.includes(mediaType));
    if (byType) return byType.id;
  }
  return dialects.find((dialect) => dialect.detect(body, mediaType))?.id ?? 'unknown';
}

function* fixtureBodies(folder: string): Generator<{ name: string; body: unknown; contentType: string | undefined }> {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* fixtureBodies(path);
    else if (name.endsWith('.json')) {
      const fixture = JSON.parse(readFileSync(path, 'utf8')) as { body?: unknown; headers?: Record<string, string> };
      const contentType = Object.entries(fixture.headers ?? {}).find(([header]) => header.toLowerCase() === 'content-type')?.[1];
      yield { name: path, body: fixture.body, contentType };
    }
  }
}

const allMembers = [...new Set(dialects.flatMap((dialect) => dialect.requiresOneOf ?? []))];

describe('detection by required members', () => {
  it('names a member for every built-in dialect but the catch-alls, field-map and plain', () => {
    expect(dialects.filter((dialect) => dialect.requiresOneOf === undefined).map((dialect) => dialect.id)).toEqual(['field-map', 'plain']);
  });

  it('picks for every fixture the dialect that asking every detect picks', () => {
    const bodies = [...fixtureBodies(new URL('fixtures/', import.meta.url).pathname)];
    expect(bodies.length).toBeGreaterThan(200);
    for (const { name, body, contentType } of bodies) {
      const parsed = typeof body === 'string' && contentType?.includes('json') ? safeParse(body) : body;
      const mediaType = contentType?.split(';')[0]!.trim().toLowerCase() ?? '';
      expect(detectDialect(parsed, contentType), name).toBe(askEveryDialect(parsed, mediaType));
    }
  });

  it('picks for generated bodies of the dialects’ members the dialect that asking every detect picks', () => {
    const key = fc.oneof(fc.constantFrom(...allMembers, 'code', 'message', 'detail', 'messages', 'apiVersion', 'extensions', 'value', 'id'), fc.string({ maxLength: 4 }));
    const member = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('success', 'failure', 'error', 'fail', 'Status', 'Failure', 'urn:x', '2024-01-01T00:00:00Z', 404, true, false, null), tie('object'), fc.array(tie('object'), { maxLength: 2 })),
      object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    }));
    fc.assert(
      fc.property(member.object, (body) => {
        expect(detectDialect(body)).toBe(askEveryDialect(body));
      }),
      { numRuns: 20_000 },
    );
  });

  it('asks every dialect about an object that is not plain: an Error, a class instance, an object of another prototype, a Proxy', () => {
    const error = Object.assign(new Error('boom'), { status: 500 });
    class Failure {
      readonly status = 500;
      get message(): string {
        return 'm';
      }
    }
    const inherited = Object.assign(Object.create({ error: { code: 404, message: 'x', status: 'NOT_FOUND' } }) as Record<string, unknown>, { a: 1, b: 2, c: 3 });
    const hidden = new Proxy({ error: { code: 404, message: 'x', status: 'NOT_FOUND' } }, { ownKeys: () => { throw new Error('hostile'); } });
    for (const body of [error, new Failure(), inherited, hidden]) {
      let expected: string;
      try {
        expected = askEveryDialect(body);
      } catch {
        expected = 'a throw';
      }
      expect(() => detectDialect(body)).not.toThrow();
      if (expected !== 'a throw') expect(detectDialect(body)).toBe(expected);
    }
    expect(detectDialect(error)).toBe('status-message');
    expect(detectDialect(hidden)).toBe('google');
  });

  it('takes a content type that is no text for none, as normalize takes bad input: never a TypeError from inside', () => {
    const problem = { title: 'Not Found', detail: 'No campaign 7' };
    for (const contentType of [5, null, {}, ['application/json'], new Headers({ 'content-type': 'application/problem+json' })]) {
      expect(detectDialect(problem, contentType as unknown as string), String(contentType)).toBe('problem');
      expect(detectDialect({ code: 'x', message: 'y' }, contentType as unknown as string)).toBe('plain');
    }
  });

  it("reads the README's custom dialect, which reads `body.failed`, on an object of that prototype", () => {
    const acme: DialectParser = { id: 'acme', mediaTypes: [], requiresOneOf: ['failed'], detect: (body) => (body as { failed?: unknown }).failed === true, parse: () => ({ ok: false, code: 'quota' }) };
    const read = createNormalizer({ dialects: [acme, plainDialect] });
    const body = Object.assign(Object.create({ failed: true }) as Record<string, unknown>, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 });
    const result = read({ status: 200, body });
    expect(result.ok ? undefined : result.error.dialect).toBe('acme');
  });

  it('reads a body of more members than the dialects name as it reads a small one', () => {
    const large: Record<string, unknown> = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`field${index}`, index]));
    expect(detectDialect(large)).toBe('plain');
    large['error'] = { type: 'card_error', code: 'card_declined', message: 'Declined' };
    expect(detectDialect(large)).toBe('stripe');
    expect(detectDialect(large)).toBe(askEveryDialect(large));
  });

  it('asks a custom dialect that names its members only about bodies that have one', () => {
    const asked: unknown[] = [];
    const acme: DialectParser = {
      id: 'acme',
      mediaTypes: [],
      requiresOneOf: ['failed'],
      detect: (body) => {
        asked.push(body);
        return (body as { failed?: unknown }).failed === true;
      },
      parse: () => ({ ok: false, code: 'acme' }),
    };
    const read = createNormalizer({ dialects: [acme, plainDialect] });
    expect(read({ status: 400, body: { message: 'no' } }).ok && 'ok').toBe(false);
    expect(asked).toEqual([]);
    const failed = read({ status: 200, body: { failed: true } });
    expect(failed.ok ? undefined : [failed.error.dialect, failed.error.code]).toEqual(['acme', 'acme']);
    // Text and lists are asked of every dialect: their members are not the object's.
    read({ status: 400, body: 'failed' });
    read({ status: 400, body: [{ failed: true }] });
    expect(asked).toEqual([{ failed: true }, 'failed', [{ failed: true }]]);
  });

  it('asks a dialect past the 31st every time, members or not', () => {
    const late: DialectParser = { id: 'late', mediaTypes: [], requiresOneOf: ['late'], detect: (body) => (body as { late?: unknown }).late === 1, parse: () => ({ ok: false }) };
    const never: DialectParser = { id: 'never', mediaTypes: [], requiresOneOf: ['never'], detect: () => false, parse: () => ({ ok: false }) };
    const read = createNormalizer({ dialects: [...Array.from({ length: 31 }, () => never), late, plainDialect] });
    const result = read({ status: 400, body: { late: 1 } });
    expect(result.ok ? undefined : result.error.dialect).toBe('late');
  });

  it('still lets a marker header name its dialect, after the dialects before it are asked', () => {
    const result = normalize({ status: 400, headers: { 'x-amzn-errortype': 'ValidationException' }, body: { id: 1 } });
    expect(result.ok ? undefined : [result.error.dialect, result.error.code]).toEqual(['aws', 'ValidationException']);
    const envelope = normalize({ status: 400, headers: { 'x-amzn-errortype': 'ValidationException' }, body: { result: 'error', error: { type: 'validation', code: 1, message: 'Bad' } } });
    expect(envelope.ok ? undefined : envelope.error.dialect).toBe('envelope');
  });
});

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
