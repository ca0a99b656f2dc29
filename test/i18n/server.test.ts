/**
 * A server answering in the client's language (seed 003 "Header Accept-Language"): the language
 * negotiated from `Accept-Language`, the error localized into it, and the response saying so
 * with `Content-Language` and `Vary: Accept-Language` (RFC 9110 §8.5, §12.5.5) so that caches
 * keep one answer per language. A language value never splits the response (RFC 9110 §5.5).
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLocale, localize, negotiateLanguage } from '../../src/i18n/index.ts';
import type { ApiError } from '../../src/index.ts';
import { buildError, createError, toResponse, type BuiltDialect } from '../../src/server/index.ts';
import { flatten, readExistingLocales, seedTags, toBaseLanguage, type LocaleJson } from './locale-files.ts';

const resources = readExistingLocales();

beforeAll(() => {
  for (const [tag, texts] of Object.entries(resources)) addLocale(tag, texts);
});

/** A text as i18next finds it for `tag`: the variant's, else its language's, else English. */
function textFor(tag: string, key: string): string {
  const chain = [tag, toBaseLanguage(tag), 'en'].map((name) => resources[name]).filter((texts): texts is LocaleJson => texts !== undefined);
  const text = chain.map((texts) => flatten(texts).get(key)).find((value) => value !== undefined);
  if (typeof text !== 'string') throw new Error(`no text for ${key} in ${tag}`);
  return text;
}

/** What a route does: negotiate, localize, answer. */
function answer(error: ApiError, acceptLanguage: string | null, dialect: BuiltDialect = 'problem'): Response {
  const language = negotiateLanguage(acceptLanguage);
  return toResponse(localize(error, language), { language, dialect });
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe('toResponse with a negotiated language', () => {
  it.each([
    ['de-LU', 'de'],
    ['de-LU, fr;q=0.8', 'de'],
    ['fr-CA;q=0.9, ja', 'fr'],
    ['DE-ch', 'de-CH'],
    ['ja', 'en'],
    ['pt-BR, pl;q=0.1', 'pl'],
    ['en-GB', 'en-GB'],
  ])('answers Accept-Language %j in %s, with Content-Language and Vary', async (header, language) => {
    const response = answer(createError({ status: 429, retryAfterMs: 5_000 }), header);
    expect(response.status).toBe(429);
    expect(response.headers.get('content-language')).toBe(language);
    expect(response.headers.get('vary')).toMatch(/(^|,\s*)Accept-Language(\s*,|$)/i);
    expect(response.headers.get('retry-after')).toBe('5');
    expect((await readJson(response))['title']).toBe(textFor(language, 'status.429'));
  });

  it.each(seedTags)('answers in %s when the client asks for it', async (tag) => {
    const response = answer(createError({ status: 413 }), tag);
    expect(response.headers.get('content-language')).toBe(tag);
    expect((await readJson(response))['title']).toBe(textFor(tag, 'status.413'));
  });

  it("answers a variant's own text where it has one, and its language's elsewhere", async () => {
    const overridden = await readJson(answer(createError({ status: 413 }), 'de-CH'));
    const inherited = await readJson(answer(createError({ status: 404 }), 'de-CH'));
    expect(overridden['title']).toBe(textFor('de-CH', 'status.413'));
    expect(inherited['title']).toBe(textFor('de', 'status.404'));
  });

  it.each(['status-message', 'plain', 'envelope'] as const)('puts the localized title in the %s body when there is no detail', async (dialect) => {
    const response = answer(createError({ status: 404 }), 'de-LU', dialect);
    expect(response.headers.get('content-language')).toBe('de');
    const body = await readJson(response);
    const message = dialect === 'envelope' ? (body['error'] as Record<string, unknown>)['message'] : body['message'];
    expect(message).toBe(textFor('de', 'status.404'));
  });

  it("keeps the server's detail as written next to the localized title", async () => {
    const body = await readJson(answer(createError({ status: 404, detail: 'Kunde 1210206595 <nicht> gefunden {{x}}' }), 'de'));
    expect(body['title']).toBe(textFor('de', 'status.404'));
    expect(body['detail']).toBe('Kunde 1210206595 <nicht> gefunden {{x}}');
  });

  it('uses the configured default when the request has no Accept-Language', () => {
    const language = negotiateLanguage(null, undefined, 'sv');
    const response = toResponse(localize(createError({ status: 401 }), language), { language });
    expect(response.headers.get('content-language')).toBe('sv');
  });

  it("keeps the caller's own Content-Language, as every extra header wins, and still varies on Accept-Language", () => {
    const response = toResponse(createError({ status: 404 }), { language: 'de', headers: { 'Content-Language': 'de-CH', vary: 'Origin' } });
    expect(response.headers.get('content-language')).toBe('de-CH');
    expect(response.headers.get('vary')).toBe('Origin, Accept-Language');
  });

  it('sends neither Content-Language nor Vary without a language', () => {
    const response = toResponse(createError({ status: 404 }));
    expect(response.headers.get('content-language')).toBeNull();
    expect(response.headers.get('vary')).toBeNull();
  });

  it("keeps Accept-Language in Vary when the caller's headers add a Vary of their own", () => {
    // The answer still depends on Accept-Language: a cache that drops it serves German to French clients.
    const response = toResponse(localize(createError({ status: 404 }), 'de'), { language: 'de', headers: { Vary: 'Origin' } });
    const vary = (response.headers.get('vary') ?? '').split(',').map((name) => name.trim().toLowerCase());
    expect(vary).toContain('accept-language');
    expect(vary).toContain('origin');
  });
});

describe('a language value that would split the response', () => {
  it.each(['de\r\nSet-Cookie: session=stolen', 'de\nX-Injected: 1', 'de\r', '\nde', 'de\0'])('refuses %j with a TypeError', (language) => {
    const error = createError({ status: 404 });
    expect(() => toResponse(error, { language })).toThrow(TypeError);
    expect(() => buildError(error, { language })).toThrow(TypeError);
  });
});

describe('over real HTTP', () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    // A node:http route as a user writes it: negotiate, localize, buildError.
    server = createServer((request, response) => {
      const language = negotiateLanguage(request.headers['accept-language'], undefined, 'de');
      const { status, headers, body } = buildError(localize(createError({ status: 429, retryAfterMs: 30_000, detail: 'Rate limit of 1000 per minute exceeded' }), language), { language });
      response.writeHead(status, headers).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each([
    ['de-LU', 'de'],
    ['fr-CA, de;q=0.5', 'fr'],
    ['nb-NO', 'nb'],
    ['ja', 'en'],
  ])('answers Accept-Language %j in %s', async (header, language) => {
    const response = await fetch(`${origin}/customers`, { headers: { 'accept-language': header } });
    expect(response.status).toBe(429);
    expect(response.headers.get('content-language')).toBe(language);
    expect(response.headers.get('vary')).toBe('Accept-Language');
    const body = await readJson(response);
    expect(body['title']).toBe(textFor(language, 'status.429'));
    expect(body['detail']).toBe('Rate limit of 1000 per minute exceeded');
  });

  it('answers in the configured default when the request has no Accept-Language', async () => {
    // fetch (undici) adds `accept-language: *` when none is given; a raw node:http request sends none.
    const reply = await new Promise<{ language: string | undefined; title: unknown }>((resolve, reject) => {
      request(`${origin}/customers`, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => {
          const language = response.headers['content-language'];
          resolve({ language: typeof language === 'string' ? language : undefined, title: (JSON.parse(text) as Record<string, unknown>)['title'] });
        });
      })
        .on('error', reject)
        .end();
    });
    expect(reply.language).toBe('de');
    expect(reply.title).toBe(textFor('de', 'status.429'));
  });
});

describe('toResponse with a localizer', () => {
  it('answers in the negotiated language by itself when given the localizer', async () => {
    const { createLocalizer, negotiateLanguage } = await import('../../src/i18n/index.ts');
    const { createError, toResponse } = await import('../../src/server/index.ts');
    const { readFileSync } = await import('node:fs');
    const read = (language: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../locales/${language}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
    const de = read('de');
    const localizer = createLocalizer({ resources: { en: read('en'), de } });
    const language = negotiateLanguage('de-LU, en;q=0.5');
    const response = toResponse(createError({ kind: 'not_found', detail: 'Kampagne 7 gibt es nicht' }), { language, localizer });
    expect(response.headers.get('content-language')).toBe('de');
    expect(response.headers.get('vary')).toBe('Accept-Language');
    const body = (await response.json()) as { title: string; detail: string };
    expect(body.title).toBe((de['status'] as Record<string, string>)['404']);
    expect(body.detail).toBe('Kampagne 7 gibt es nicht');
  });
});

describe('Content-Language with a localizer that lacks the language', () => {
  it('names the language the texts are in: the tag, its prefix, else English', async () => {
    const { createLocalizer } = await import('../../src/i18n/index.ts');
    const localizer = createLocalizer({ resources: { en: resources['en']!, de: resources['de']! } });
    const cases = [
      ['fr', 'en', 'Not Found'],
      ['de-CH', 'de', textFor('de', 'status.404')],
      ['de', 'de', textFor('de', 'status.404')],
      ['DE', 'de', textFor('de', 'status.404')],
      ['De-AT', 'de', textFor('de', 'status.404')],
    ] as const;
    for (const [language, named, title] of cases) {
      const built = buildError(createError({ kind: 'not_found' }), { language, localizer });
      expect([built.headers['content-language'], JSON.parse(built.body).title], language).toEqual([named, title]);
    }
  });
});
