/**
 * The JSend dialect (github.com/omniti-labs/jsend): `{status: "success" | "fail" | "error", data?,
 * message?, code?}`, often in an HTTP 200. Every fixture in test/fixtures/more/jsend/ is read with
 * the expectations written out below.
 */
import { describe, expect, it } from 'vitest';
import { jsendDialect } from '../../src/dialects/jsend.ts';
import { createNormalizer, normalize as normalizeAll, plainDialect, type ApiResult } from '../../src/index.ts';
import { fails, inputOf, itOwnsItsFixtures, listJson, moreFixtures, now, readFixture, succeeds, toError, withPollutedPrototype, type Expected, type Fixture } from './support.ts';

const normalize = createNormalizer({ dialects: [jsendDialect, plainDialect] });
const ownDirectory = moreFixtures('jsend');
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });
const titleRequired = { path: ['title'], message: 'A title is required', field: 'title' };

const expectations: Readonly<Record<string, Expected>> = {
  // The data is what `data` wraps.
  '200-success-posts.json': succeeds({
    status: 200,
    data: {
      posts: [
        { id: 1, title: 'A blog post', body: 'Some useful content' },
        { id: 2, title: 'Another blog post', body: 'More content' },
      ],
    },
    dialect: 'jsend',
  }),
  '200-success-delete.json': succeeds({ status: 200, data: null, dialect: 'jsend' }),
  // A fail is a refused input, its data a field → message map, whatever the status.
  '200-fail-title-required.json': fails({ kind: 'validation', status: 200, title: 'Validation Failed', issues: [titleRequired], retryable: false, dialect: 'jsend' }),
  '400-fail-title-required.json': fails({ kind: 'validation', status: 400, title: 'Bad Request', issues: [titleRequired], retryable: false, dialect: 'jsend' }),
  // An error in a 200 is the server's failure, and worth a retry, as a 5xx is.
  '200-error-database.json': fails({ kind: 'server', status: 200, title: 'Internal Server Error', detail: 'Unable to communicate with database', retryable: true, dialect: 'jsend' }),
  '500-error-with-code.json': fails({ kind: 'server', status: 500, title: 'Internal Server Error', detail: 'Unable to communicate with database', code: '1002', retryable: true, dialect: 'jsend' }),
};

describe('the JSend fixtures', () => {
  itOwnsItsFixtures(jsendDialect, expectations, read, normalizeAll);
});

describe('detecting a JSend response', () => {
  it('claims only a body of JSend members, shaped as its status requires', () => {
    const unclaimed = [
      // A job that failed is a resource, not an answer that the request did.
      { id: 7, status: 'error', message: 'The export failed' },
      { status: 'success' },
      { status: 'fail', message: 'no data' },
      { status: 'error' },
      { status: 'error', message: 5 },
      { status: 'ERROR', message: 'x' },
      { status: 404, message: 'Not Found' },
      ['status'],
    ];
    for (const body of unclaimed) expect(jsendDialect.detect(body, 'application/json'), JSON.stringify(body)).toBe(false);
  });
});

describe('reading a JSend response', () => {
  it('lets an error status decide over a success, and over an error in a 4xx', () => {
    expect(toError(normalize({ status: 404, body: { status: 'success', data: { id: 1 } } }))).toMatchObject({ kind: 'not_found', extensions: { data: { id: 1 } } });
    expect(toError(normalize({ status: 404, body: { status: 'error', message: 'Gone' } }))).toMatchObject({ kind: 'not_found', detail: 'Gone', retryable: false });
  });

  it('reads a fail whose data is a message, or no map, as a bad request that keeps it', () => {
    expect(toError(normalize({ status: 200, body: { status: 'fail', data: 'Quota reached' } }))).toMatchObject({ kind: 'bad_request', detail: 'Quota reached', issues: [], extensions: {} });
    expect(toError(normalize({ status: 200, body: { status: 'fail', data: [1, 2] } }))).toMatchObject({ kind: 'bad_request', issues: [], extensions: { data: [1, 2] } });
  });

  it("keeps a fail's data whole when data sits beside the field messages", () => {
    const data = { title: 'A title is required', limits: { maxTitle: 120 }, retryable: false };
    const error = toError(normalize({ status: 200, body: { status: 'fail', data } }));
    expect(error.issues.map((issue) => issue.path)).toEqual([['title']]);
    expect(error.extensions).toEqual({ data });
  });

  it('keeps the data of an error', () => {
    expect(toError(normalize({ status: 200, body: { status: 'error', message: 'Down', data: { shard: 3 } } })).extensions).toEqual({ data: { shard: 3 } });
  });

  it('gives the same output with a polluted Object.prototype', () => {
    const inputs = listJson(ownDirectory).map((name) => readFixture(ownDirectory, name));
    const readAll = (): unknown[] => inputs.map(read);
    const clean = readAll();
    const polluted = withPollutedPrototype({ status: 'error', data: 'polluted', message: 'polluted', code: 9 }, readAll);
    expect(polluted).toEqual(clean);
  });
});
