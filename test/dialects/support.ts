/**
 * What the dialect tests share: reading the fixtures of test/fixtures/, the expected values a
 * fixture is compared with, the projections of a result onto the members a test compares, and
 * running code with a polluted Object.prototype.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { ApiError, ApiResult, ApiSuccess, Dialect, DialectParser, ErrorKind, Issue, NormalizeInput } from '../../src/index.ts';

/** A recorded response: the document it comes from, and what was sent. */
export interface Fixture {
  readonly source: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** test/fixtures/, which holds a folder of seed fixtures per seed dialect. */
export const fixturesDirectory: URL = new URL('../fixtures/', import.meta.url);
/** test/fixtures/more/, which holds a folder of fixtures per dialect of issue 6. */
export const moreDirectory: URL = new URL('more/', fixturesDirectory);
/** The seed dialects, whose fixtures are in test/fixtures/<dialect>/. */
export const seedDialects: readonly string[] = ['plain', 'problem', 'status-message', 'envelope'];

/** The folder of fixtures test/fixtures/more/<id>/. */
export const moreFixtures = (id: string): URL => new URL(`${id}/`, moreDirectory);
/** The folder of seed fixtures test/fixtures/<dialect>/. */
export const seedFixtures = (dialect: string): URL => new URL(`${dialect}/`, fixturesDirectory);
/** The names of the `.json` files of a folder, sorted. */
export const listJson = (directory: URL): string[] => readdirSync(directory).filter((name) => name.endsWith('.json')).sort();
/** The fixture `name` of a folder. */
export const readFixture = (directory: URL, name: string): Fixture => JSON.parse(readFileSync(new URL(name, directory), 'utf8')) as Fixture;
/** What `normalize` is given for a fixture: its status, headers and body. */
export const inputOf = (fixture: Fixture): NormalizeInput => ({ status: fixture.status, headers: fixture.headers, body: fixture.body });

/** The clock every fixture is read with: Wed, 15 Jan 2025 12:00:00 GMT. */
export const now = (): number => 1_736_942_400_000;

/** A body as `normalize` would decode it: fixtures hold JSON text for some bodies. */
export function toParsedBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** Every fixture body of the given folders, by `folder/file`; folders that do not exist yet are skipped. */
export function readBodies(base: URL, folders: readonly string[]): [string, unknown][] {
  const existing = new Set(readdirSync(base));
  return folders
    .filter((folder) => existing.has(folder))
    .flatMap((folder) => listJson(new URL(`${folder}/`, base)).map((name): [string, unknown] => [`${folder}/${name}`, toParsedBody(readFixture(new URL(`${folder}/`, base), name).body)]));
}

/** Every seed fixture body of the four seed dialects, by `folder/file`, decoded as `normalize` would. */
export const readSeedBodies = (): [string, unknown][] => readBodies(fixturesDirectory, seedDialects);

/** The labels of the `bodies` that `dialect` claims as application/json. */
export const claimedBy = (dialect: DialectParser, bodies: readonly (readonly [string, unknown])[]): string[] =>
  bodies.filter(([, body]) => dialect.detect(body, 'application/json')).map(([name]) => name);

/** The seed fixtures of each seed dialect, by folder, each fixture with its `folder/file` label. */
export function readSeedFixtures(): { readonly folder: string; readonly fixtures: readonly (readonly [string, Fixture])[] }[] {
  return seedDialects.map((folder) => ({ folder, fixtures: listJson(seedFixtures(folder)).map((name) => [`${folder}/${name}`, readFixture(seedFixtures(folder), name)] as const) }));
}

/** An expected error as written out: `issues`, `failures` and `extensions` default to empty. */
export type ExpectedError = Omit<ApiError, 'body' | 'issues' | 'failures' | 'extensions'> & { issues?: readonly Issue[]; extensions?: Readonly<Record<string, unknown>> };
/** An expected result, without the `body` that is checked apart. */
export type Expected = { readonly ok: true; readonly value: Omit<ApiSuccess, 'body'> } | { readonly ok: false; readonly error: Omit<ApiError, 'body'> };
/** The expected failure: `error`, with empty `issues`, `failures` and `extensions` unless given. */
export const fails = (error: ExpectedError): Expected => ({ ok: false, error: { issues: [], failures: [], extensions: {}, ...error } as Omit<ApiError, 'body'> });
/** The expected success: `value`. */
export const succeeds = (value: Omit<ApiSuccess, 'body'>): Expected => ({ ok: true, value });

/** The tests that every fixture of `directory` has an expectation, and reads to it with `read`, its body kept as received. */
export function itReadsEveryFixture(directory: URL, expectations: Readonly<Record<string, Expected>>, read: (fixture: Fixture) => ApiResult): void {
  it('has an expectation for every fixture file and a fixture file for every expectation', () => {
    expect(listJson(directory)).toEqual(Object.keys(expectations).sort());
  });

  for (const name of listJson(directory)) {
    const fixture = readFixture(directory, name);
    it(`reads ${name} (${fixture.source})`, () => {
      const result = read(fixture);
      expect(toView(result)).toEqual(expectations[name]);
      expect(result.ok ? result.value.body : result.error.body).toEqual(fixture.body);
    });
  }
}

/** The result without `body`, which is checked apart: what a user reads. */
export function toView(result: ApiResult): Expected {
  if (result.ok) {
    const { body: _, ...value } = result.value;
    return { ok: true, value };
  }
  const { body: _, ...error } = result.error;
  return { ok: false, error };
}

/** The error of a result, throwing if it is a success. */
export function toError(result: ApiResult): ApiError {
  if (result.ok) throw new Error(`expected an error, got a success of dialect ${result.value.dialect}: ${JSON.stringify(result.value.data)}`);
  return result.error;
}

/** The success of a result, throwing if it is an error. */
export function toSuccess(result: ApiResult): ApiSuccess {
  if (!result.ok) throw new Error(`expected a success, got ${result.error.kind}: ${result.error.detail ?? ''}`);
  return result.value;
}

/** The members of an error a user reads. */
export const errorKeys: readonly string[] = ['kind', 'status', 'title', 'detail', 'code', 'type', 'instance', 'issues', 'failures', 'requestId', 'traceId', 'retryAfterMs', 'rateLimit', 'retryable', 'dialect', 'extensions'];
/** The members of a success a user reads. */
export const successKeys: readonly string[] = ['status', 'data', 'links', 'embedded', 'page', 'cursor', 'batch', 'location', 'dialect', 'requestId', 'traceId'];

/** The `keys` of `value` that are not undefined, so that `toEqual` checks them all. */
export function pick(value: object, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if ((value as Record<string, unknown>)[key] !== undefined) picked[key] = (value as Record<string, unknown>)[key];
  return picked;
}

/** The members of the error of a result a user reads, absent ones left out. */
export const readError = (result: ApiResult): Record<string, unknown> => pick(toError(result), errorKeys);
/** The members of the success of a result a user reads, absent ones left out. */
export const readSuccess = (result: ApiResult): Record<string, unknown> => pick(toSuccess(result), successKeys);
/** Expected `readError` values of `dialect`: empty `issues`, `failures` and `extensions` unless given. */
export const failsIn = (dialect: Dialect): ((expected: Record<string, unknown>) => Record<string, unknown>) => (expected) => ({ issues: [], failures: [], extensions: {}, dialect, ...expected });

/** An error with the members `project` keeps, as written out; each test file narrows it to what it sets. */
export interface ProjectedError {
  readonly kind: ErrorKind;
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly code?: string;
  readonly type?: string;
  readonly instance?: string;
  readonly issues: readonly Issue[];
  readonly requestId?: string;
  readonly traceId?: string;
  readonly retryable: boolean;
  readonly dialect: Dialect;
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** The members `project` keeps. */
export const projectedKeys: readonly string[] = ['kind', 'status', 'title', 'detail', 'code', 'type', 'instance', 'issues', 'requestId', 'traceId', 'retryable', 'dialect', 'extensions'];

/** The members of an error these tests check, those absent (not `in` the error) left out. */
export function project(error: ApiError): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of projectedKeys) if (key in error) out[key] = (error as unknown as Record<string, unknown>)[key];
  return out;
}

/** Runs `run` with `members` on Object.prototype (enumerable, writable, configurable: as assigned), removing them after whatever happens. */
export function withPollutedPrototype<T>(members: Readonly<Record<string, unknown>>, run: () => T): T {
  const keys = Object.keys(members);
  try {
    for (const key of keys) Object.defineProperty(Object.prototype, key, { value: members[key], enumerable: true, configurable: true, writable: true });
    return run();
  } finally {
    for (const key of keys) delete (Object.prototype as Record<string, unknown>)[key];
  }
}

/**
 * The checks every dialect of its own fixture folder shares: each fixture reads to its
 * expectation, the dialect claims each body, `normalize` with every built-in dialect reads each
 * alike, and the dialect claims none of the seed bodies nor of the other folders.
 */
export function itOwnsItsFixtures(dialect: DialectParser, expectations: Readonly<Record<string, Expected>>, read: (fixture: Fixture) => ApiResult, normalizeAll: (input: NormalizeInput, options: { now: () => number }) => ApiResult): void {
  const directory = moreFixtures(dialect.id);
  itReadsEveryFixture(directory, expectations, read);

  it('claims every fixture body', () => {
    for (const name of listJson(directory)) expect(dialect.detect(readFixture(directory, name).body, 'application/json'), name).toBe(true);
  });

  it('are read alike by normalize with every built-in dialect', () => {
    for (const name of listJson(directory)) expect(normalizeAll(inputOf(readFixture(directory, name)), { now }), name).toEqual(read(readFixture(directory, name)));
  });

  it('does not claim the seed fixtures, nor the bodies of the other dialects', () => {
    expect(claimedBy(dialect, readSeedBodies())).toEqual([]);
    const others = readBodies(moreDirectory, readdirSync(moreDirectory).filter((folder) => folder !== dialect.id));
    expect(others.length).toBeGreaterThan(100);
    expect(claimedBy(dialect, others)).toEqual([]);
  });
}
