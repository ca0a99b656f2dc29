/**
 * The Cloudflare API v4 dialect (developers.cloudflare.com/api): `{success, errors, messages,
 * result, result_info}`; `success: false` is an error whatever the status, and `result_info`
 * the page figures. Every fixture in test/fixtures/more/cloudflare/ is read with the
 * expectations written out below.
 */
import { describe, expect, it } from 'vitest';
import { cloudflareDialect } from '../../src/dialects/cloudflare.ts';
import { createNormalizer, normalize as normalizeAll, plainDialect, type ApiResult } from '../../src/index.ts';
import { fails, inputOf, itOwnsItsFixtures, listJson, moreFixtures, now, readFixture, succeeds, toError, toSuccess, withPollutedPrototype, type Expected, type Fixture } from './support.ts';

const normalize = createNormalizer({ dialects: [cloudflareDialect, plainDialect] });
const ownDirectory = moreFixtures('cloudflare');
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });

const expectations: Readonly<Record<string, Expected>> = {
  // `result` is the data; `total_pages` left out is counted from total_count and per_page.
  '200-list-zones.json': succeeds({
    status: 200,
    data: [{ id: '023e105f4ecef8ad9ca31a8372d0c353', name: 'example.com', status: 'active' }],
    page: { page: 1, pagesCount: 100, recordsPerPage: 20, recordsCount: 2000 },
    dialect: 'cloudflare',
  }),
  '200-list-no-total-pages.json': succeeds({ status: 200, data: [{ id: 1, value: 'a' }, { id: 2, value: 'b' }], page: { page: 1, pagesCount: 1, recordsPerPage: 20, recordsCount: 2 }, dialect: 'cloudflare' }),
  // A 200 that says it failed is an error; nothing names its kind, and it is not retried.
  '200-failure-in-a-success.json': fails({
    kind: 'unknown',
    status: 200,
    title: 'Unknown Error',
    detail: 'This is an error',
    code: '1',
    issues: [{ path: [], message: 'This is an error', code: '1' }],
    retryable: false,
    dialect: 'cloudflare',
  }),
  // A 400 with its reasons listed is a refused input, as with every dialect.
  '400-no-route.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'No route for the URI',
    code: '7003',
    issues: [{ path: [], message: 'No route for the URI', code: '7003' }],
    retryable: false,
    dialect: 'cloudflare',
  }),
  // `source.pointer` (RFC 6901) names the field.
  '400-field-error.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Content for A record is invalid. Must be a valid IPv4 address',
    code: '9005',
    issues: [{ path: ['content'], message: 'Content for A record is invalid. Must be a valid IPv4 address', field: '/content', code: '9005' }],
    retryable: false,
    dialect: 'cloudflare',
  }),
};

describe('the Cloudflare fixtures', () => {
  itOwnsItsFixtures(cloudflareDialect, expectations, read, normalizeAll);
});

describe('detecting a Cloudflare response', () => {
  it('claims the envelope: a boolean success, an errors list, and a messages list or a result', () => {
    expect(cloudflareDialect.detect({ success: false, errors: [], messages: [] }, '')).toBe(true);
    expect(cloudflareDialect.detect({ success: false, errors: [{ code: 1, message: 'x' }], result: null }, '')).toBe(true);
    expect(cloudflareDialect.detect({ success: true, errors: null, result: null }, '')).toBe(true);
    // Many Express APIs' own `{success: false, errors, message, code}` is plain's, read for its message and code.
    const unclaimed = [
      { success: false, errors: [] },
      { success: false, message: 'Unauthorized', code: 'TOKEN_EXPIRED', errors: [] },
      { success: true, errors: [] },
      { success: false },
      { success: false, errors: 'down', messages: [] },
      { success: 'false', errors: [], messages: [] },
      { ok: false, errors: [], messages: [] },
      [{ success: false, errors: [], messages: [] }],
    ];
    for (const body of unclaimed) expect(cloudflareDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(false);
  });
});

describe('reading a Cloudflare response', () => {
  it('lets an error status decide over `success: true`, keeping result and messages', () => {
    const body = { success: true, errors: [], messages: [{ code: 1, message: 'note' }], result: { id: 'z' } };
    expect(toError(normalize({ status: 503, body }))).toMatchObject({ kind: 'unavailable', retryable: true, issues: [], extensions: { messages: [{ code: 1, message: 'note' }], result: { id: 'z' } } });
  });

  it("leaves a body of another API's own with `success: false` to plain, which reads its message and code", () => {
    const error = toError(normalizeAll({ status: 400, body: { success: false, message: 'Unauthorized', code: 'TOKEN_EXPIRED', errors: [] } }));
    expect(error).toMatchObject({ dialect: 'plain', detail: 'Unauthorized', code: 'TOKEN_EXPIRED' });
  });

  it('keeps an errors list with an entry it cannot read, and members beside the envelope', () => {
    const body = { success: false, errors: [{ code: 1, message: 'Bad' }, 7], messages: [], result: null, ray: 'abc' };
    const error = toError(normalize({ status: 400, body }));
    expect(error.issues).toEqual([{ path: [], message: 'Bad', code: '1' }]);
    expect(error.extensions).toEqual({ errors: [{ code: 1, message: 'Bad' }, 7], ray: 'abc' });
  });

  it('reads a 2xx failure that names a field as a validation error', () => {
    const body = { success: false, errors: [{ code: 2, message: 'Required', source: { pointer: '/name' } }], messages: [] };
    expect(toError(normalize({ status: 200, body }))).toMatchObject({ kind: 'validation', title: 'Validation Failed', issues: [{ path: ['name'] }] });
  });

  it('takes no page figures from a result_info of the wrong types', () => {
    const body = { success: true, errors: [], result: [], result_info: { page: '1', per_page: -2, total_count: 1.5 } };
    expect(toSuccess(normalize({ status: 200, body })).page).toBeUndefined();
  });

  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = listJson(ownDirectory).map((name) => readFixture(ownDirectory, name));
    const readAll = (): unknown[] => inputs.map(read);
    const clean = readAll();
    const polluted = withPollutedPrototype({ success: false, errors: [{ message: 'polluted' }], result: 'polluted', total_pages: 9, source: { pointer: '/x' }, pointer: '/y' }, readAll);
    expect(polluted).toEqual(clean);
  });
});
