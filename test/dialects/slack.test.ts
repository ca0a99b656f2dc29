/**
 * The Slack Web API dialect (api.slack.com/web, "Evaluating responses"): HTTP 200 with `ok`,
 * `{ok: false, error}` an error whatever the status, `response_metadata.next_cursor` the next
 * page. Every fixture in test/fixtures/more/slack/ is read with the expectations written out below.
 */
import { describe, expect, it } from 'vitest';
import { slackDialect } from '../../src/dialects/slack.ts';
import { createNormalizer, plainDialect, type ApiResult } from '../../src/index.ts';
import { claimedBy, fails, inputOf, itReadsEveryFixture, listJson, moreDirectory, moreFixtures, now, readBodies, readFixture, readSeedBodies, succeeds, toError, withPollutedPrototype, type Expected, type Fixture } from './support.ts';

const normalize = createNormalizer({ dialects: [slackDialect, plainDialect] });
const ownDirectory = moreFixtures('slack');
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });

const expectations: Readonly<Record<string, Expected>> = {
  // A 200 carries no reason phrase for an error: the title is the kind's.
  '200-ok-false-something-bad.json': fails({ kind: 'bad_request', status: 200, title: 'Bad Request', code: 'something_bad', retryable: false, dialect: 'slack' }),
  '200-too-many-attachments.json': fails({ kind: 'bad_request', status: 200, title: 'Bad Request', code: 'too_many_attachments', retryable: false, dialect: 'slack' }),
  '200-channel-not-found.json': fails({ kind: 'not_found', status: 200, title: 'Not Found', code: 'channel_not_found', retryable: false, dialect: 'slack' }),
  '200-invalid-auth.json': fails({ kind: 'unauthenticated', status: 200, title: 'Unauthorized', code: 'invalid_auth', retryable: false, dialect: 'slack' }),
  '200-invalid-arguments.json': fails({
    kind: 'validation',
    status: 200,
    title: 'Validation Failed',
    code: 'invalid_arguments',
    issues: [{ path: [], message: 'missing required field: channel' }],
    retryable: false,
    dialect: 'slack',
    extensions: { response_metadata: { messages: ['[ERROR] missing required field: channel'] } },
  }),
  '429-ratelimited.json': fails({ kind: 'rate_limited', status: 429, title: 'Too Many Requests', code: 'ratelimited', retryAfterMs: 30_000, retryable: true, dialect: 'slack' }),
  // `ok`, `warning` and `response_metadata` are the envelope: data is the rest; all of it stays in `body`.
  // `{ok: true}` without response_metadata is too common a shape to claim: plain keeps it whole.
  '200-ok-true-stuff.json': succeeds({ status: 200, data: { ok: true, stuff: 'This is good' }, dialect: 'plain' }),
  '200-ok-true-warning.json': succeeds({ status: 200, data: { ok: true, warning: 'something_problematic', stuff: 'Your requested information' }, dialect: 'plain' }),
  '200-users-list-next-cursor.json': succeeds({ status: 200, data: { members: [] }, cursor: { offset: 'dXNlcjpVMEc5V0ZYTlo=', hasNext: true }, dialect: 'slack' }),
  '200-users-list-last-page.json': succeeds({ status: 200, data: { members: [] }, cursor: { offset: '', hasNext: false }, dialect: 'slack' }),
};

describe('the Slack fixtures', () => {
  itReadsEveryFixture(ownDirectory, expectations, read);

  it('claims every fixture body but the bare `ok: true` successes', () => {
    for (const name of listJson(ownDirectory)) {
      expect(slackDialect.detect(readFixture(ownDirectory, name).body, 'application/json'), name).toBe(!name.startsWith('200-ok-true'));
    }
  });
});

describe('detecting a Slack response', () => {
  it('claims `ok: false` with a string `error`, and `ok: true` only with response_metadata', () => {
    expect(slackDialect.detect({ ok: false, error: 'not_authed' }, '')).toBe(true);
    expect(slackDialect.detect({ ok: true, response_metadata: { next_cursor: '' } }, '')).toBe(true);
    expect(slackDialect.detect({ ok: true }, '')).toBe(false);
    expect(slackDialect.detect({ ok: true, id: 5 }, '')).toBe(false);
  });

  it('does not claim the seed fixtures of the four seed dialects', () => {
    const seeds = readSeedBodies();
    expect(seeds.length).toBeGreaterThan(60);
    expect(claimedBy(slackDialect, seeds)).toEqual([]);
  });

  it('does not claim the bodies of the other dialects of issue 6', () => {
    const others = readBodies(moreDirectory, ['stripe', 'aws', 'kubernetes', 'json-api', 'graphql', 'google', 'odata', 'field-map', 'spring', 'status-code', 'cloudflare', 'jsend', 'quickbooks', 'kraken']);
    expect(claimedBy(slackDialect, others)).toEqual([]);
  });

  it('does not claim the typical bodies of the other families, nor an `ok` of the wrong type', () => {
    const typical: unknown[] = [
      { errors: [{ status: '422', source: { pointer: '/data/attributes/firstName' }, title: 'Invalid Attribute' }] },
      { errors: [{ message: 'Cannot query field "nme" on type "User".' }], data: null },
      { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } },
      { error: { code: 'BadArgument', message: 'Multiple errors in ContactInfo data' } },
      { error: { type: 'card_error', message: 'Your card was declined.' } },
      { email: ['is invalid'] },
      { timestamp: '2025-01-15T12:00:00.000+00:00', status: 404, error: 'Not Found', path: '/x' },
      { statusCode: 404, error: 'Not Found', message: 'Cannot GET /x' },
      // Telegram's failures have `ok: false` without a string `error`.
      { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
      { ok: false },
      { ok: false, error: 42 },
      { ok: 'true' },
      { ok: 1, error: 'x' },
      'ok',
      [{ ok: true }],
      null,
    ];
    for (const body of typical) expect(slackDialect.detect(body, 'application/json')).toBe(false);
  });
});

describe('reading a Slack response', () => {

  it('reads Block Kit messages that end in a JSON Pointer as issues at that path, leaving warnings out', () => {
    const body = {
      ok: false,
      error: 'invalid_blocks',
      response_metadata: {
        messages: ['[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/text]', '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]', '[WARN] A Content-Type header was not given'],
      },
    };
    const error = toError(normalize({ status: 200, body }));
    expect(error.kind).toBe('validation');
    expect(error.code).toBe('invalid_blocks');
    expect(error.issues).toEqual([
      { path: ['blocks', 0, 'text'], field: '/blocks/0/text', message: 'failed to match all allowed schemas' },
      { path: ['blocks', 0, 'text', 'text'], field: '/blocks/0/text/text', message: 'must be less than 3001 characters' },
    ]);
  });

  it('keeps the scopes of a missing_scope error as received', () => {
    const error = toError(normalize({ status: 200, body: { ok: false, error: 'missing_scope', needed: 'chat:write', provided: 'channels:read' } }));
    expect(error).toMatchObject({ kind: 'forbidden', title: 'Forbidden', code: 'missing_scope', extensions: { needed: 'chat:write', provided: 'channels:read' } });
  });

  it('lets an HTTP error status decide before the code, and refuses an `ok: true` that came with one', () => {
    expect(toError(normalize({ status: 503, body: { ok: false, error: 'channel_not_found' } })).kind).toBe('unavailable');
    expect(toError(normalize({ status: 400, body: { ok: false, error: 'channel_not_found' } })).kind).toBe('not_found');
    const refused = toError(normalize({ status: 500, body: { ok: true, channel: 'C1', response_metadata: {} } }));
    expect(refused).toMatchObject({ kind: 'server', dialect: 'slack', extensions: { channel: 'C1' } });
  });

  it('gives no cursor without a string next_cursor', () => {
    for (const metadata of [undefined, {}, { next_cursor: null }, { next_cursor: 7 }, 'cursor']) {
      const result = normalize({ status: 200, body: { ok: true, items: [1], response_metadata: metadata } });
      expect(result.ok && result.value.cursor).toBe(undefined);
    }
  });

  it('ignores members of the wrong type', () => {
    const error = toError(normalize({ status: 200, body: { ok: false, error: 'invalid_arguments', response_metadata: { messages: [1, null, { text: 'x' }, '', '[ERROR] '] } } }));
    expect(error.issues).toEqual([]);
    expect(error.kind).toBe('validation');
    expect(toError(normalize({ status: 200, body: { ok: false, error: 'x', response_metadata: { messages: 'not a list' } } })).issues).toEqual([]);
  });

  it('keeps `__proto__` members as data', () => {
    const success = normalize({ status: 200, body: JSON.parse('{"ok":true,"__proto__":{"polluted":1}}') as unknown });
    expect(success.ok && Object.hasOwn(success.value.data as object, '__proto__')).toBe(true);
    expect(success.ok && Object.getPrototypeOf(success.value.data)).toBe(Object.prototype);
    const error = toError(normalize({ status: 200, body: JSON.parse('{"ok":false,"error":"x","__proto__":{"polluted":1}}') as unknown }));
    expect(Object.hasOwn(error.extensions, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('reading Slack bodies safely', () => {
  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = listJson(ownDirectory).map((name) => readFixture(ownDirectory, name));
    const bodies: unknown[] = [{ id: 'C1' }, { error: 'x' }, { result: [1], hasNext: false }, { ok: true, response_metadata: {} }];
    const readAll = (): unknown[] => [...inputs.map(read), ...bodies.map((body) => normalize({ status: 200, body })), ...bodies.map((body) => slackDialect.detect(body, ''))];
    const clean = readAll();
    const pollution: Record<string, unknown> = { ok: false, error: 'polluted', response_metadata: { messages: ['[ERROR] polluted'], next_cursor: 'polluted' }, messages: ['polluted'], next_cursor: 'polluted', warning: 'polluted' };
    const polluted = withPollutedPrototype(pollution, readAll);
    expect(polluted).toEqual(clean);
  });

  it('reads a million-deep and a huge body without throwing', () => {
    let deep: unknown = 'leaf';
    for (let depth = 0; depth < 1_000_000; depth++) deep = { response_metadata: deep };
    expect(() => normalize({ status: 200, body: { ok: false, error: 'x', response_metadata: deep } })).not.toThrow();
    expect(() => normalize({ status: 200, body: { ok: true, channel: deep } })).not.toThrow();
    const messages = Array.from({ length: 100_000 }, (_, index) => `[ERROR] bad value [json-pointer:/blocks/${index}]`);
    messages.push(`[ERROR] ${'['.repeat(1 << 20)}json-pointer:`, `${' '.repeat(1 << 20)}[json-pointer:/a]`);
    const started = performance.now();
    const result = normalize({ status: 200, body: { ok: false, error: 'invalid_blocks', response_metadata: { messages } } });
    expect(performance.now() - started).toBeLessThan(5_000);
    // The line of spaces has no message before its pointer, so it makes no issue.
    expect(result.ok ? 0 : result.error.issues.length).toBe(100_001);
  });
});
