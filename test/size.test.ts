// A frontend pays in bytes for what it imports: each entry point is bundled as a user's bundler
// would (esbuild, minified, tree-shaken) from the built package, and its gzipped size checked.
import { describe, expect, it } from 'vitest';
import { bundle, gzipSize } from './support/bundle.ts';

describe('bundle size', () => {
  it('keeps `normalize` with every built-in dialect within its ceiling', async () => {
    const size = gzipSize(await bundle("export { normalize } from 'faultline';"));
    // Issue 6 asks for 4,096 bytes with every built-in dialect; the ceiling guards growth
    // (raised by 128 for OData collections: `value` as data, `@odata.nextLink` followed by paginate;
    // by 64 for DRF's full details; by 64 for keeping a download's bytes rather than decoding them; by 64 for OAuth's `error` codes;
    // by 256 for AWS's XML errors: S3, the Query protocol, EC2; by 576 for the structured RateLimit
    // field, asctime dates as GMT, repeated Retry-After and ids, cf-ray, a body's retry_after, nested
    // `error` objects and FastAPI's `detail[]`; by 32 for GitHub's 403 rate limits and Telegram's
    // `parameters.retry_after`; by 32 for a field-less error list's first entry as the detail; by 64
    // for a clear error when a stream is given as the body; by 96 for Azure: `x-ms-error-code` on XML,
    // bare and empty bodies, `x-ms-request-id`, and AWS HEAD errors named by their header; by 224 for
    // the spellings of Okta, PayPal, Jira, Salesforce, Shopify, Elasticsearch, CouchDB, Anthropic,
    // GitLab and Auth0, `X-Rate-Limit-*`, and lists that gave no issue kept in `extensions`; by 32
    // for Facebook's `fbtrace_id` and Huawei Cloud's `error_msg`; by 32 for Plaid, Dropbox, ASP.NET
    // Web API 2 and Alibaba Cloud; by 160 for keeping what is not read: a second spelling of a
    // fact, a list with entries that give no issue, a `reason` beside a message; a marker header's
    // text body read as plain text; own reads where a polluted prototype could lend a value; by
    // 320 for the `tencent` dialect, Tencent Cloud's errors in a 200, decided as its SDKs decide; by
    // 64 for the redirects' reason phrases, which a caller fetching with `redirect: 'manual'` sees;
    // by 384 (12,954) for the registry's other error phrases (407, 416, 417, 424, 426, 506, 508,
    // 510), error bodies too deep to clone kept as text, bytes decoded in their charset, a custom
    // dialect's bugs kept out of the model, and clear errors from unwrap and createNormalizer; by
    // 32 for seed 003 chunks whose `result` is no list, as faultline/server writes them; by 32 for
    // a HAL resource's lone `data` list read back as the payload; by 32 for JSON that is no UTF-8
    // decoded in the charset its label names; by 608 (13,665) for the `cloudflare` and `jsend`
    // dialects, errors flagged in a 200 as Cloudflare, JSend and Ashby flag them; by 96 (13,770) for
    // quoted keys in paths (`tags["a.b"]`, as zod spells them) and a problem's detail that only
    // repeats its title read as none; by 288 (14,055) for eight more APIs read right: GitHub's
    // message-less field entries, Discord's nested `_errors`, HubSpot's `in` and `correlationId`,
    // Box (no problem), Mollie's problem `field`, Adyen's `errorCode`, Apple's `errorMessage`,
    // Contentful's `sys.id`, and a step budget for a caller's object that shares its members; by 160
    // (14,227) for a review's fixes: nested field maps read only when all messages, with their
    // fields spelled whole, an entry's own field not doubled by its key, a flagged 2xx failure only
    // of envelope members, Cloudflare known by its `messages` or `result`, a map past the step
    // budget kept whole; by 272 (14,502) for the `quickbooks` dialect, QuickBooks Online's faults
    // in a 200; by 160 (14,665) for ten more APIs' codes and ids, from a second audit: Postmark,
    // Resend, Heroku, DigitalOcean, Klarna, ClickUp, Figma, Supabase, Zendesk, Checkout.com; by 160
    // (14,842) for a list API's next page in the body, `links.next`, `paging.next` or DRF's `next`,
    // which paginate follows; by 96 (14,921) for Hetzner Cloud's `details.fields` in the odata dialect;
    // by 80 (14,994) for WordPress's `data.params`; by 64 (15,052) for Linode's page figures; by 96
    // (15,148) for a second review's fixes: links and totals only beside a list, word codes only in
    // `name` and `error_type`, QuickBooks claimed only as a body of a Fault that says something, a
    // problem known by a URI-like type whatever its extensions; by 32 (15,176) for Airtable's offset;
    // by 416 (15,611) for indexing the dialects by media type and by the members their `detect`
    // requires, which takes 40% off normalizing a small success and a quarter off an error; by 320
    // (15,927) for a third audit's APIs: Google's older `errors[]` (Drive, Gmail, Calendar, YouTube)
    // with its 403 rate limits, EasyPost's field errors, LinkedIn's `serviceErrorCode`, Amadeus's
    // OAuth code, Twitter's `parameters` and Akamai's `requestField`; by 576 (16,499) for the `kraken`
    // dialect, Kraken's `error` list in a 200 and the kinds of its errors (336), QuickBooks Online's
    // lower-case `fault` (64), Vercel's `error.limit` read as the rate limit and its reset as the wait,
    // Xero's `Elements[].ValidationErrors` as issues and Asana's error `phrase` as the request id; by
    // 144 (16,636) for a review's fixes: detection's shortcut only for plain objects, a `parameters`
    // map only of sent values, LinkedIn's code only beside no other, Vercel's limit only in a rate
    // limit, an OAuth code ahead of every other spelling, Kraken's warnings kept under an error status;
    // by 224 (16,859) for the `json-rpc` dialect, JSON-RPC 2.0's errors in a 200 and its results as data;
    // by 192 (17,049) for a fourth audit's APIs: PocketBase's `data` map of fields, Quarkus's
    // `violations`, Appwrite's `type`, Ghost's `errorType`, Micronaut's vnd.error; by 128 (17,171)
    // for a second review's fixes: JSON-RPC responses only with an `id` and no `method`, integer
    // codes, an error's own members kept whole; PocketBase's map only of its validator's codes,
    // with the fields named; Zalando's `violations` in problems; capital schemes in next URLs; by
    // 272 (17,440) for the page figures of PocketBase's, Payload's and Ghost's list pages, read only
    // from bodies of their documented members, PocketBase's unknown totals and Ghost's `limit=all`;
    // by 144 (17,584) for Strapi's and Laravel's page figures, Laravel's `next_page_url`, and
    // Strapi's error class as the code with its `details.errors` as issues; by 144 (17,721) for
    // Zendesk's `details` map of each field's `{description, error}`; by 240 (17,952) for custom
    // dialects an audit found let down: every header given to `parse` (read only when asked) and
    // marker headers of any name, media types in any case and of any body when not JSON, a dialect
    // before another that names the same media type asked first, `requiresOneOf` past the 31st;
    // by 336 (18,284) for holding a custom dialect's facts to the model's types: issues and
    // failures of the model's shape, copied rather than frozen in place, waits and rate limits that
    // are figures, a success's members of their types, `{}` from parse read as no facts; by 80
    // (18,363) for a review's fixes: frozen issues and failures checked too, paths of keys and
    // indices, no `network` kind for a response, a header's id kept over a body id of another type,
    // `application/x-amz-json` read as JSON; 45 back (18,318) by building a body's rate limit with
    // retry-timing.ts's `toRateLimit`, not a copy of it; by 24 (18,342) for JSON:API resources
    // known by their `attributes` or `relationships`, so that Stripe's, Intercom's, Anthropic's and
    // Linode's list items, which carry an `id` and a `type` of their own, are not taken for them;
    // by 26 (18,368) for Zendesk's `links.next` not followed past a `meta.has_more` of false; by 63
    // (18,431) for Heroku's and DigitalOcean's `id` read as the code; by 800 (19,229) for an
    // audit of rate limits: `retry-after-ms` and `x-ms-retry-after-ms`, OpenAI's per-kind limits
    // with Go-style resets, ISO 8601 resets, the later of equally spent RateLimit policies and
    // Twilio's request id (about 380), Stripe-Should-Retry (40), and GraphQL's errors in a 200:
    // GitHub's, Shopify's and Linear's codes, Shopify's wait, a 2xx error with no requests
    // remaining read as a rate limit (about 380); by 775 (20,004 once both were merged) for a fifth
    // audit's APIs: Stripe's copies' `detail`, `description`, `messages`, `errors` and `meta.request_id`
    // (Paddle, Mux: 157), RFC 7807's `invalid-params` and Vonage's and Replicate's spellings (123),
    // grpc-gateway's bare google.rpc.Status (204), Firebase Auth's coded messages (87), Phoenix's
    // ErrorJSON (53), Square's PAYMENT_METHOD_ERROR (44), Clerk's `long_message`, `meta.param_name`
    // and trace id (31), Mistral's FastAPI list in `message` (28), Hugging Face's `estimated_time`
    // (27), Airtable's capitalised `error` code (16); by 35 (20,039) for OpenAI's
    // `insufficient_quota` 429 marked not retryable, a dialect's word on `retryable` passed on; by
    // 49 (20,088) for a 2xx body of nothing but a list of errors read as a failure; by 12 (20,100)
    // for GitHub's `X-GitHub-Request-Id`; by 16 (20,116) for a JSONPath field's root dropped,
    // ASP.NET Core's `$.age`, and typed createError and toApiError checks shared with the core; by
    // 16 (20,144) for zod's `flatten()` `{formErrors, fieldErrors}` and its issues under `issues`;
    // by 48 (20,180 once merged) for time linear in a hostile header or body: a Go-duration reset
    // matched trimmed, issue paths cut at 64 segments as a nested map's keys are joined,
    // field-map's walk of a caller's object that shares its members stopped after 100,000 maps;
    // by 48 (20,234) for zod 4's ZodError as JSON, its issues in the JSON text of its message; by 32
    // (20,262) for a review's fix: a list under `issues` read only when each entry has a path and a
    // message; by 16 (20,287) for an issue's field and path keys cut at 1,024 characters, which a
    // body nesting many fields under one huge key repeated into gigabytes once serialized; by 64
    // (20,337) for a `traceparent` read as W3C's test suite reads it — lower-case, version 00 of 55
    // characters — and ASP.NET Core's body `traceId` kept as its trace-id, as the header's is; by 16
    // (20,353) for a message that only repeats the title read as no detail, so that an error
    // faultline/server wrote without one reads back without one; by 64 (20,416) for a key never cut
    // between the halves of a surrogate pair, and seed 002's printed example read as JSON, its line
    // continuation joined).
    const goal = 4_096;
    const ceiling = 20_432;
    console.log(`normalize, 21 dialects: ${size} bytes gzipped (goal ≤ ${goal}, ceiling ${ceiling})`);
    expect(size).toBeLessThanOrEqual(ceiling);
  });

  it('keeps a normalizer of the four seed dialects within its ceiling', async () => {
    const size = gzipSize(await bundle("import { createNormalizer, seedDialects } from 'faultline'; export const normalize = createNormalizer({ dialects: seedDialects });"));
    // Issue 2 asks for 3,072 bytes; this ceiling is the measured size plus a small margin, so
    // that growth fails the test while the gap to the goal is worked on (see CHANGELOG.md);
    // raised by 64 for keeping a download's bytes rather than decoding them, by 64 for OAuth's codes,
    // by 608 for the structured RateLimit field, asctime dates as GMT, repeated Retry-After and ids,
    // cf-ray, a body's retry_after, nested `error` objects and FastAPI's `detail[]`; by 32 for
    // GitHub's 403 rate limits and Telegram's `parameters.retry_after`; by 32 for a field-less
    // error list's first entry as the detail; by 64 for a clear error when a stream is the body; by
    // 160 for `x-ms-request-id`, `X-Rate-Limit-*` (Okta, Twitter), and the plain dialect's spellings
    // of Okta, PayPal, Jira, Salesforce, Shopify, Elasticsearch and CouchDB errors; by 96 for clear
    // errors: createNormalizer given something that is no dialect, normalize given no status; by 32
    // for the spellings of Facebook, Huawei Cloud, Plaid, Dropbox, ASP.NET Web API 2 and Alibaba Cloud;
    // by 176 for keeping what is not read (a second spelling of a fact, a list with entries that give
    // no issue, a `reason` beside a message) and own reads where a polluted prototype could lend a value;
    // by 48 for the redirects' reason phrases (`redirect: 'manual'`); by 416 (7,367) for the
    // registry's other error phrases, error bodies too deep to clone kept as text, bytes decoded in
    // their charset, a custom dialect's bugs kept out of the model, clear errors from unwrap and
    // createNormalizer; by 32 for seed 003 chunks whose `result` is no list, as faultline/server
    // writes them; by 32 for a HAL resource's lone `data` list read back as the payload; by 32 for
    // JSON that is no UTF-8 decoded in the charset its label names; by 128 (7,573) for a 2xx
    // flagged `success: false` read as the error it is, and Ashby's nested `errorInfo`; by 96 (7,678)
    // for quoted keys in paths and a problem's detail that only repeats its title read as none; by
    // 288 (7,983) for the same eight APIs' spellings (GitHub, Discord, HubSpot, Box, Mollie, Adyen,
    // Apple, Contentful) and the issue walk's step budget; by 160 (8,135) for the same review's fixes;
    // by 176 (8,306) for the ten APIs' codes and ids of a second audit; by 160 (8,467) for a list
    // API's next page in the body; by 96 (8,550) for WordPress's `data.params`; by 64 (8,608) for
    // Linode's page figures; by 32 (8,662) for a second review's fixes and Airtable's offset; by 320
    // (8,986) for the same index of the dialects, which makes detection cheap; by 176 (9,163) for
    // the same audit's spellings the seed dialects read (EasyPost, LinkedIn, Amadeus, Twitter, Akamai)
    // and a 403 whose body names a rate limit; by 144 (9,304) for a body's rate-limit figures
    // (Vercel's) standing in for the headers' in normalize, Xero's `Elements[].ValidationErrors` read
    // as issues and Asana's error `phrase` as the request id; by 112 (9,403) for the same review's fixes;
    // by 208 (9,601) for the fourth audit's spellings, all read by seed dialects (PocketBase,
    // Quarkus, Appwrite, Ghost, Micronaut's vnd.error); by 64 (9,665) for the second review's fixes;
    // by 288 (9,938) for the page figures of PocketBase's, Payload's and Ghost's list pages; by 128
    // (10,090) for Strapi's and Laravel's, Laravel's `next_page_url` and Strapi's errors; by 128
    // (10,210) for Zendesk's `details` map; by 224 (10,435) for the custom dialects' fixes (every
    // header for `parse`, media types and marker headers in any case, dialects naming one type);
    // by 352 (10,786) for holding a custom dialect's facts to the model's types; by 64 (10,845) for
    // a review's fixes to them; 33 back (10,812) by sharing retry-timing.ts's `toRateLimit`; by 24
    // (10,836) for Zendesk's `links.next` not followed past a `meta.has_more` of false; by 64
    // (10,900) for Heroku's and DigitalOcean's `id` read as the code, in plain and status-message;
    // by 416 (11,306) for the same audit of rate limits, all but GraphQL's codes in the core:
    // waits in milliseconds, OpenAI's per-kind limits, ISO 8601 resets, RateLimit policies
    // equally spent, Twilio's id (about 340), Stripe-Should-Retry (45), a 2xx error with no
    // requests remaining read as a rate limit (17); by 344 (11,650 once both were merged) for the fifth
    // audit's spellings the seed dialects read: RFC 7807's `invalid-params`, Vonage's and
    // Replicate's (129), Phoenix's ErrorJSON (50), Square's PAYMENT_METHOD_ERROR (48), Clerk's
    // entries (40), Hugging Face's `estimated_time` (32), Mistral's FastAPI list in `message` (23),
    // Airtable's capitalised `error` code (15); by 51 (11,701) for a 2xx body of nothing but a
    // list of errors read as a failure, in plain; by 13 (11,714) for GitHub's `X-GitHub-Request-Id`;
    // by 16 (11,740) for a JSONPath field's root dropped (ASP.NET Core's `$.age`) and toApiError
    // keeping `retryable` and `dialect` only of their types; by 16 (11,753) for zod's `flatten()`
    // `{formErrors, fieldErrors}` and its issues under `issues`, read by plain; by 32 (11,761 once
    // merged) for a Go-duration reset matched trimmed, in time linear in the header, and issue
    // paths cut at 64 segments as a nested map's keys are joined; by 48 (11,811) for zod 4's
    // ZodError as JSON, its issues in the JSON text of its message, read by plain; by 16 (11,839)
    // for a review's fix: a list under `issues` read only when each entry has a path and a message;
    // by 48 (11,875) for an issue's field and path keys cut at 1,024 characters, which a body
    // nesting many fields under one huge key repeated into gigabytes once serialized; by 48
    // (11,925) for a `traceparent` read as W3C's test suite reads it and ASP.NET Core's body
    // `traceId` kept as its trace-id; by 16 (11,944) for a message that only repeats the title read
    // as no detail; by 48 (11,993) for a key never cut between the halves of a surrogate pair, and
    // seed 002's printed example read as JSON, its line continuation joined).
    const goal = 3_072;
    const ceiling = 12_000;
    console.log(`createNormalizer(seedDialects): ${size} bytes gzipped (goal ≤ ${goal}, ceiling ${ceiling}); for scale: ky 5,064, ofetch 4,026, axios 22,212`);
    expect(size).toBeLessThanOrEqual(ceiling);
  });

  it('keeps `faultline/server` alone, without zod, within its ceiling', async () => {
    const text = await bundle("export * from 'faultline/server';");
    const size = gzipSize(text);
    // Issue 3 asks for 4 KB; like the ceiling above, this one guards growth while the gap is open
    // (raised by 64 for letting CORS preflights past the API-key guard, by 64 for passing on an
    // upstream API's error as a gateway does, by 96 for clear errors from processBatch and itemsKey,
    // by 32 for writing back seed 004's error type, by 32 for the API-key guard's challenge; by 64 for refusing with a clear TypeError what is no
    // ApiError in buildError and toResponse, and an unknown kind in createError; by 64 for not
    // writing back the plain dialect's other spellings kept in extensions; by 96 for the redirects'
    // reason phrases, shared with the core; by 128 (5,677) for the registry's other error phrases;
    // by 224 for answering network, timeout and aborted errors, which createError now leaves
    // status-less, with their kind's status and its phrase, a clear TypeError for a cursor given to
    // HAL or the envelope, merging the data's own HAL controls with the options', own reads of
    // createError's init under a polluted prototype, and a fromError that never throws; by 96
    // (5,988) for batch failures written as the items' issues where the dialect has no failures; by
    // 480 (6,467) for a second audit's fixes: every header given twice sent (cookies apart), header
    // values past Latin-1 refused by name, ids never cut inside a surrogate pair, no body on a 205,
    // a lone envelope issue kept whole, other dialects' marks left out of JSON bodies, a detail in
    // every problem, a route's upstream time-out and failed connection as 504 and 502, a thrown
    // object's 4xx message, rate-limit figures that are no counts left out; by 144 (6,612) for
    // links outside HAL sent as an RFC 8288 Link header rather than dropped; by 96 (6,703) for a
    // review's fixes: a link's href and relation percent-encoded where a header cannot carry them,
    // the vendors' spellings left out of bodies, a declared status kept over an upstream's; by 208
    // (6,928) for an outside audit's fixes: an id past Latin-1 left out of its header rather than
    // failing the answer, another implementation's Headers read by shape, a Location percent-encoded
    // as a Link's href is, Retry-After and X-RateLimit-* only as safe integers, a bodiless HAL
    // answer's links in a Link header, data with no JSON text refused, an empty language sent as
    // none, keys in digits quoted in dotted fields; by 352 (7,275) for `thrownHeaders` and for telling
    // the server's own errors from an upstream's, a thrown `result.error` and other HTTP clients'
    // errors, by a registry shared by its copies; by 96 (7,366) for a Content-Language that names
    // the language a localizer's texts are in, not one it lacks; by 176 (7,544) for a review's
    // fixes: upstream clients' errors known by a response with headers or undici's code, so that a
    // NestJS HttpException stays the server's own; thrownHeaders leaving out an upstream's headers,
    // names no header can carry, hop-by-hop fields and Set-Cookie; the language matched in any case;
    // by 16 (7,557) for the registry's own set where globalThis is frozen; by 32 (7,582) for a
    // field led by the key `body` written quoted, `["body"].name`, which readers do not drop as
    // seed 001's request-part prefix; by 48 (7,625) for a TypeError when a cursor is given beside
    // data that is no list, which seed 003's chunk `result` is; by 352 (7,986) for createError
    // refusing what it dropped or misread before: `message` and other members the model lacks,
    // members of the wrong type, issues that are no Issue (a text path spread into its letters); by
    // 144 (8,141) for success options and headers of the wrong type, written letter by letter
    // before, and a batch or API-key guard without its functions, which failed on the first item
    // or request; by 16 (8,159) for leaving out the `undefined` figures of a given rate limit,
    // which the model keeps absent; by 128 (8,276) for NestJS ValidationPipe's messages as issues
    // and an HttpException's code, Elysia's `status(403, ...)`, and a leading key `$` quoted; by 16
    // (8,298) for an issue's field and path keys cut at 1,024 characters, in createIssue; by 144
    // (8,434) for a security audit's fixes: the model and options read as own members while
    // Object.prototype is polluted, header names checked, a CORS preflight answered by the key guard;
    // by 208 (8,648) for a second security audit's fixes: API SDKs' errors (Stripe, AWS v2 and v3,
    // Twilio, OpenAI, Anthropic, Slack, SendGrid, Fern's, got) known by what they received and
    // answered as an upstream's, a Response's status and headers read from its class under a
    // polluted Object.prototype, and an upstream's batch items left behind; by 160 (8,811) for a
    // review's fixes: an SDK known by two of its members (an application's own error has one),
    // the key guard's options read once of their class, its `header` checked, and a polluted
    // prototype's copy made once per object, without the error's body; by 16 (8,826) for
    // header-safety in a chunk of its own, which the faultline command shares for its header-name
    // rule: no code was added, the bundle's order changed; by 32 (8,852) for a second review's
    // fixes: SDK members read as texts only, never String() of them, a Date of any realm, and the
    // key guard's refusal of a `header` of any type; by 112 (8,974) for the `dialect` option taking
    // any Dialect, as DESIGN.md types it: the dialects faultline only reads, listed, are answered
    // in problem; by 16 (8,979) for a value with its own JSON text labelled by it, not as HAL, and a
    // `null` dialect taken for none; by 16 (9,001) for an object with `result` and no HAL controls,
    // the seeds' chunk and envelope shapes, labelled plain JSON).
    const goal = 4_096;
    const ceiling = 9_008;
    console.log(`faultline/server: ${size} bytes gzipped (goal ≤ ${goal}, ceiling ${ceiling})`);
    expect(text).not.toContain('zod');
    expect(size).toBeLessThanOrEqual(ceiling);
  });

  it('leaves out what `normalize` does not use', async () => {
    const text = await bundle("export { normalize } from 'faultline';");
    // Tree-shaking check: the Response reader and the exception helpers are not in a normalize-only bundle.
    expect(text).not.toContain('getReader');
    expect(text).not.toContain('ResponseError');
  });

  it('bundles a core that imports no node: module and no peer dependency', async () => {
    const text = await bundle("export * from 'faultline';");
    expect(text).not.toMatch(/from\s*["'](node:|zod|i18next|ts-pattern)/);
    expect(text).not.toMatch(/require\(/);
  });
});
