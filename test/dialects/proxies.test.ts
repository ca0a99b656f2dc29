/**
 * RELIABILITY.md "Parsing": the error pages proxies, load balancers and CDNs answer with in
 * front of an API — nginx, Cloudflare, AWS ALB and CloudFront, Envoy, the Heroku router — become
 * an error with the right kind and the status text as title; markup never becomes `detail`,
 * short plain text does. No dialect of their own: the plain dialect reads text and HTML.
 */
import { describe, expect, it } from 'vitest';
import { normalize, type ApiError, type ErrorKind } from '../../src/index.ts';
import { listJson, moreFixtures, readFixture as readFixtureIn, type Fixture } from './support.ts';

const directory = moreFixtures('proxies');
const fixtureNames = listJson(directory);
const readFixture = (name: string): Fixture => readFixtureIn(directory, name);

interface ExpectedPage {
  readonly kind: ErrorKind;
  readonly title: string;
  readonly detail?: string;
  readonly retryable: boolean;
}

/**
 * Written out by hand from DESIGN.md: 502 and 503 unavailable, 504 timeout, 413 too large, 403
 * forbidden, other 5xx server. Cloudflare's 520–524 are no registered statuses: they have no
 * reason phrase, so the title is the kind's — 521 and 523 (origin down or unreachable) are
 * unavailable, 522 and 524 time-outs, both retryable; 520 (unknown) stays a server error.
 */
const expectations: Readonly<Record<string, ExpectedPage>> = {
  'nginx-502-bad-gateway.json': { kind: 'unavailable', title: 'Bad Gateway', retryable: true },
  'nginx-504-gateway-timeout.json': { kind: 'timeout', title: 'Gateway Timeout', retryable: true },
  // RFC 9110 §15.5.14 renamed it "Content Too Large"; nginx still says "Request Entity Too Large".
  'nginx-413-request-entity-too-large.json': { kind: 'payload_too_large', title: 'Content Too Large', retryable: false },
  'cloudflare-520-unknown-error.json': { kind: 'server', title: 'Internal Server Error', retryable: false },
  'cloudflare-521-web-server-down.json': { kind: 'unavailable', title: 'Service Unavailable', retryable: true },
  'cloudflare-522-connection-timed-out.json': { kind: 'timeout', title: 'Timeout', retryable: true },
  'cloudflare-523-origin-unreachable.json': { kind: 'unavailable', title: 'Service Unavailable', retryable: true },
  'cloudflare-524-timeout.json': { kind: 'timeout', title: 'Timeout', retryable: true },
  'cloudflare-1020-access-denied-html.json': { kind: 'forbidden', title: 'Forbidden', retryable: false },
  'cloudflare-1020-access-denied-text.json': { kind: 'forbidden', title: 'Forbidden', detail: 'error code: 1020', retryable: false },
  'alb-502-bad-gateway.json': { kind: 'unavailable', title: 'Bad Gateway', retryable: true },
  'cloudfront-502-request-could-not-be-satisfied.json': { kind: 'unavailable', title: 'Bad Gateway', retryable: true },
  'envoy-503-upstream-connect-error.json': {
    kind: 'unavailable',
    title: 'Service Unavailable',
    detail: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
    retryable: true,
  },
  'envoy-504-upstream-request-timeout.json': { kind: 'timeout', title: 'Gateway Timeout', detail: 'upstream request timeout', retryable: true },
  'heroku-503-h12-request-timeout.json': { kind: 'unavailable', title: 'Service Unavailable', retryable: true },
};

function errorOf(fixture: Fixture, headers: Readonly<Record<string, string>> = fixture.headers): ApiError {
  const result = normalize({ status: fixture.status, headers, body: fixture.body });
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('the proxy and CDN error pages', () => {
  it('has an expectation for every fixture file and a fixture file for every expectation', () => {
    expect(fixtureNames).toEqual(Object.keys(expectations).sort());
  });

  it('covers nginx, Cloudflare 520 to 524 and 1020, AWS ALB and CloudFront, Envoy and the Heroku router', () => {
    const statuses = fixtureNames.map((name) => readFixture(name).status);
    for (const status of [413, 502, 504, 520, 521, 522, 523, 524]) expect(statuses).toContain(status);
    for (const prefix of ['nginx-', 'cloudflare-1020-', 'alb-', 'cloudfront-', 'envoy-', 'heroku-']) expect(fixtureNames.some((name) => name.startsWith(prefix))).toBe(true);
  });

  for (const name of fixtureNames) {
    const fixture = readFixture(name);
    it(`reads ${name} (${fixture.source})`, () => {
      const error = errorOf(fixture);
      const expected = expectations[name];
      expect({ kind: error.kind, status: error.status, title: error.title, detail: error.detail, retryable: error.retryable, dialect: error.dialect }).toEqual({
        ...expected,
        detail: expected?.detail,
        status: fixture.status,
        dialect: 'plain',
      });
      expect(error.code).toBeUndefined();
      expect(error.issues).toEqual([]);
      expect(error.extensions).toEqual({});
      // The page is kept as received, for whoever wants to show or log it.
      expect(error.body).toBe(fixture.body);
    });
  }

  it('never puts markup or a JSON parser complaint in the title or detail', () => {
    for (const name of fixtureNames) {
      const error = errorOf(readFixture(name));
      for (const text of [error.title, error.detail ?? '']) {
        expect(text, name).not.toMatch(/<\/?[a-z!]/i);
        expect(text, name).not.toMatch(/SyntaxError|Unexpected token|is not valid JSON/);
      }
    }
  });

  it('reads an HTML page the same without its Content-Type, and as bytes', () => {
    for (const name of fixtureNames) {
      const fixture = readFixture(name);
      const bare = errorOf(fixture, {});
      expect({ kind: bare.kind, title: bare.title, detail: bare.detail }, name).toEqual({ kind: expectations[name]?.kind, title: expectations[name]?.title, detail: expectations[name]?.detail });
      const bytes = normalize({ status: fixture.status, headers: fixture.headers, body: new TextEncoder().encode(String(fixture.body)) });
      expect(bytes.ok ? undefined : bytes.error.detail, name).toBe(expectations[name]?.detail);
    }
  });

  it('reads a page served as application/json without a JSON parse error: a 5xx stays itself', () => {
    const fixture = readFixture('nginx-502-bad-gateway.json');
    const error = errorOf(fixture, { 'content-type': 'application/json' });
    expect({ kind: error.kind, title: error.title }).toEqual({ kind: 'unavailable', title: 'Bad Gateway' });
    expect(error.detail ?? '').not.toMatch(/<\/?[a-z!]/i);
  });
});
