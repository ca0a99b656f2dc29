/**
 * Error bodies of widely used APIs that need no dialect of their own: the plain dialect's
 * spellings (Okta's `errorSummary` and `errorCauses`, PayPal's `debug_id` and `details`, Jira's
 * `errorMessages`, Salesforce's bare list, Shopify's string `errors`, a nested error's `reason`
 * and `type` as Elasticsearch sends them), Stripe's shape as Anthropic copies it, GitLab's
 * message map, Auth0's `errorCode`, Facebook's `fbtrace_id`, Huawei Cloud's `error_msg`, Plaid's
 * `error_message`, Dropbox's `error_summary`, ASP.NET Web API 2's `{Message, ModelState}`, Alibaba
 * Cloud's `{Code, Message, RequestId}`, Ashby's `{success: false, errorInfo}` in a 200, GitHub's
 * message-less `{resource, field, code}` entries, Discord's nested `_errors`, HubSpot's `in` and
 * `correlationId`, Box, Mollie's problem `field`, Adyen's `errorCode` and `pspReference`, Apple's
 * `errorMessage`, Contentful's `sys.id`, Postmark's `ErrorCode`, Resend's `name`, Klarna's `correlation_id` and `error_messages`, ClickUp's and Figma's `err`,
 * Supabase's `error_code` over a `code` that repeats the status, Zendesk's `RecordInvalid` and
 * Checkout.com's `error_type`, Hetzner's `details.fields`, WordPress's `data.params`, Zendesk's `details`, Vercel's
 * `error.limit`, Xero's `Elements[].ValidationErrors`, Asana's error
 * `phrase`, EasyPost's field errors, LinkedIn's `serviceErrorCode`, Amadeus's OAuth code beside
 * its own, Twitter's `parameters`, Akamai's `requestField`, PocketBase's `data` map, Quarkus's
 * `violations`, Appwrite's `type`, Ghost's `errorType`, Micronaut's vnd.error; Paddle's `detail`, `errors`
 * and `meta.request_id` and Mux's `messages` in Stripe's shape; RFC 7807's `invalid-params` and the
 * spellings Vonage and Replicate give it; Phoenix's ErrorJSON `{errors: {detail}}`; Mistral's FastAPI list in
 * `message.detail`; Clerk's `long_message`, `meta.param_name` and `clerk_trace_id`; Airtable's `NOT_FOUND`;
 * Square's PAYMENT_METHOD_ERROR; Hugging Face's `estimated_time`;
 * and the list pages
 * of PocketBase, Payload and Ghost, whose page figures `paginate` walks. Each
 * fixture in test/fixtures/more/vendors/ names its source; the expectations are written out by
 * hand from those documents.
 */
import { describe, expect, it } from 'vitest';
import { createNormalizer, normalize, seedDialects, type ApiResult } from '../../src/index.ts';
import { fails, inputOf, itReadsEveryFixture, moreFixtures, now, readFixture, succeeds, toError, withPollutedPrototype, type Expected, type Fixture } from './support.ts';

const directory = moreFixtures('vendors');
/** A fixture's body, which a list page keeps as its data. */
const bodyOf = (name: string): unknown => readFixture(directory, name).body;
const read = (fixture: Fixture): ApiResult => normalize(inputOf(fixture), { now });

const expectations: Readonly<Record<string, Expected>> = {
  // `type` names the error, `reason` explains it; the body's `status` and the rest stay as received.
  'elasticsearch-404-index-not-found.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'no such index',
    code: 'index_not_found_exception',
    retryable: false,
    dialect: 'plain',
    extensions: {
      error: {
        root_cause: [{ type: 'index_not_found_exception', reason: 'no such index', index: 'bloonix-2016-02', 'resource.type': 'index_or_alias', 'resource.id': 'bloonix-2016-02' }],
        type: 'index_not_found_exception',
        index: 'bloonix-2016-02',
        'resource.type': 'index_or_alias',
        'resource.id': 'bloonix-2016-02',
      },
      status: 404,
    },
  }),
  // 529 is no registered status: the error type says what it is, an overload worth retrying.
  'anthropic-529-overloaded.json': fails({
    kind: 'unavailable',
    status: 529,
    title: 'Service Unavailable',
    detail: 'Overloaded',
    code: 'overloaded_error',
    requestId: 'req_011CSHoEeqs5C35K2UUqR7Fy',
    retryable: true,
    dialect: 'stripe',
    extensions: { type: 'overloaded_error' },
  }),
  'okta-400-validation.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Api validation failed: login',
    code: 'E0000001',
    issues: [{ path: [], message: 'login: An object with this field already exists in the current organization' }],
    requestId: 'oaeiCF8D5rLW6myqiPItW001',
    retryable: false,
    dialect: 'plain',
    extensions: { errorLink: 'E0000001' },
  }),
  // X-Rate-Limit-Reset is epoch seconds, 60 s after the fixtures' clock.
  'okta-429-rate-limit.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'API call exceeded rate limit due to too many requests.',
    code: 'E0000047',
    requestId: 'sampleQPivGUj_ND5v78vbYWW',
    retryAfterMs: 60_000,
    rateLimit: { limit: 600, remaining: 0, resetAt: 1_736_942_460_000 },
    retryable: true,
    dialect: 'plain',
    extensions: { errorLink: 'E0000047', errorCauses: [] },
  }),
  // `details[].field` is a JSON Pointer, `issue` the code; `debug_id` is what PayPal's support asks for.
  'paypal-400-invalid-request.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Request is not well-formed, syntactically incorrect, or violates schema.',
    issues: [{ path: ['plan_id'], field: '/plan_id', message: 'A required field is missing.', code: 'MISSING_REQUIRED_PARAMETER' }],
    requestId: '6u3y6fca61718',
    retryable: false,
    dialect: 'plain',
    extensions: { name: 'INVALID_REQUEST', links: [{ href: 'https://developer.paypal.com/docs/api/v1/billing/subscriptions#INVALID_REQUEST', rel: 'information_link', method: 'GET' }] },
  }),
  'jira-404-error-messages.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'Issue does not exist or you do not have permission to see it.',
    issues: [{ path: [], message: 'Issue does not exist or you do not have permission to see it.' }],
    retryable: false,
    dialect: 'plain',
    // An empty map gives no issue, and is kept as received.
    extensions: { errors: {} },
  }),
  // The request's own message is the detail; the field's is an issue.
  'jira-400-errors-map.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: "input parameter 'key' must be provided",
    issues: [
      { path: [], message: "input parameter 'key' must be provided" },
      { path: ['summary'], field: 'summary', message: 'You must specify a summary of the issue.' },
    ],
    retryable: false,
    dialect: 'plain',
  }),
  'salesforce-404-malformed-id.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'Account ID: id value of incorrect type: 001900K0001pPuOAAU',
    code: 'MALFORMED_ID',
    issues: [{ path: [], message: 'Account ID: id value of incorrect type: 001900K0001pPuOAAU', code: 'MALFORMED_ID' }],
    retryable: false,
    dialect: 'plain',
  }),
  'shopify-401-invalid-token.json': fails({
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: '[API] Invalid API key or access token (unrecognized login or wrong password)',
    retryable: false,
    dialect: 'plain',
  }),
  // Rails' `base` is the object as a whole: no path, the key kept as the field.
  'shopify-422-variant-limit.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    detail: 'Product has reached its variant limit',
    issues: [{ path: [], field: 'base', message: 'Product has reached its variant limit' }],
    retryable: false,
    dialect: 'plain',
  }),
  'gitlab-400-message-map.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    issues: [{ path: ['suggestion_commit_message'], field: 'suggestion_commit_message', message: 'is too long (maximum is 255 characters)' }],
    retryable: false,
    dialect: 'field-map',
  }),
  // Facebook's Graph API has Stripe's shape: a string `type`, the code a number, its support id in `fbtrace_id`.
  'facebook-400-oauth-exception.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: 'Message describing the error',
    code: '190',
    requestId: 'EJplcsCHuLu',
    retryable: false,
    dialect: 'stripe',
    extensions: { type: 'OAuthException', error_subcode: 460, error_user_title: 'A title', error_user_msg: 'A message' },
  }),
  'huawei-404-apig-not-found.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'API does not exist or is not published in the environment.',
    code: 'APIG.0101',
    requestId: 'acbc548ac6f2a0dbdb9e3518a7c0ff84',
    retryable: false,
    dialect: 'plain',
  }),
  // `error_message` is for developers, `display_message` (null here) for users; both stay readable.
  'plaid-400-item-login-required.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: 'the login details of this item have changed and a user login is required to update this information',
    code: 'ITEM_LOGIN_REQUIRED',
    requestId: 'm8MDnv9okwxFNBV',
    retryable: false,
    dialect: 'plain',
    extensions: {
      display_message: null,
      documentation_url: 'https://plaid.com/docs/errors/item/#item_login_required',
      error_type: 'ITEM_ERROR',
      causes: [],
      status: 400,
      suggested_action: null,
    },
  }),
  // ModelState keys lead with the action's parameter (`product`), kept in the path as the server spelled it.
  'aspnet-webapi-400-model-state.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'The request is invalid.',
    issues: [
      { path: ['product'], field: 'product', message: "Required property 'Name' not found in JSON. Path '', line 1, position 17." },
      { path: ['product', 'Name'], field: 'product.Name', message: 'The Name field is required.' },
      { path: ['product', 'Weight'], field: 'product.Weight', message: 'The field Weight must be between 0 and 999.' },
    ],
    retryable: false,
    dialect: 'plain',
  }),
  'auth0-400-invalid-body.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: "Payload validation error: 'Missing required property: connection'.",
    code: 'invalid_body',
    retryable: false,
    dialect: 'status-code',
  }),
  // `success: false` with a reason makes a 200 an error; Ashby's `errorInfo` is read as a nested error.
  'ashby-200-success-false.json': fails({
    kind: 'unknown',
    status: 200,
    title: 'Unknown Error',
    detail: 'Application not found - are you lacking permissions to edit candidates?',
    code: 'application_not_found',
    requestId: '01JSJ8FEK5ZN4XQBZP7DBKK7ZC',
    retryable: false,
    dialect: 'plain',
    extensions: { success: false },
  }),
  // List pages: their figures beside their one list are the page, which paginate walks by `page`;
  // the data stays the body as received, as Linode's and DRF's do.
  'pocketbase-200-records-list.json': succeeds({ status: 200, data: bodyOf('pocketbase-200-records-list.json'), page: { page: 1, pagesCount: 1, recordsPerPage: 30, recordsCount: 2 }, dialect: 'plain' }),
  'payload-200-find-paginated.json': succeeds({ status: 200, data: bodyOf('payload-200-find-paginated.json'), page: { page: 1, pagesCount: 6, recordsPerPage: 1, recordsCount: 6 }, dialect: 'plain' }),
  'ghost-200-posts-browse.json': succeeds({ status: 200, data: bodyOf('ghost-200-posts-browse.json'), page: { page: 1, pagesCount: 1, recordsPerPage: 2, recordsCount: 1 }, dialect: 'plain' }),
  'strapi-200-pagination-by-page.json': succeeds({ status: 200, data: bodyOf('strapi-200-pagination-by-page.json'), page: { page: 1, pagesCount: 5, recordsPerPage: 10, recordsCount: 48 }, dialect: 'plain' }),
  // Laravel's paginator: its figures, and its next page's URL, which paginate can follow too.
  'laravel-200-paginate.json': succeeds({
    status: 200,
    data: bodyOf('laravel-200-paginate.json'),
    links: { next: { href: 'http://laravel.app?page=2' } },
    page: { page: 1, pagesCount: 4, recordsPerPage: 15, recordsCount: 50 },
    dialect: 'plain',
  }),
  // Strapi's error: its class's name the code, a ValidationError's `details.errors` the issues.
  'strapi-400-validation-error.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Missing required field',
    code: 'ValidationError',
    issues: [{ path: ['title'], message: 'title must be defined.' }],
    retryable: false,
    dialect: 'plain',
    extensions: { data: null, error: { status: 400 } },
  }),
  // GitHub's 422 entries carry no message: the code says what is wrong with the field.
  'github-422-missing-field.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    detail: 'Validation Failed',
    issues: [{ path: ['title'], message: 'missing_field', field: 'title', code: 'missing_field' }],
    retryable: false,
    dialect: 'plain',
  }),
  // Discord nests form errors by field, each field's under `_errors`.
  'discord-400-invalid-form-body.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Invalid Form Body',
    code: '50035',
    issues: [
      { path: ['activities', 0, 'platform'], message: "Value must be one of ('desktop', 'android', 'ios').", code: 'BASE_TYPE_CHOICES' },
      { path: ['activities', 0, 'type'], message: 'Value must be one of (0, 1, 2, 3, 4, 5).', code: 'BASE_TYPE_CHOICES' },
    ],
    retryable: false,
    dialect: 'plain',
  }),
  // HubSpot names the field in `in` and its request id `correlationId`.
  'hubspot-400-validation.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'This will be a human readable message with details about the error.',
    issues: [{ path: ['name'], message: 'This will be a message with additional details about the error', field: 'name' }],
    requestId: 'a43683b0-5717-4ceb-80b4-104d02915d8c',
    retryable: false,
    dialect: 'plain',
    extensions: { status: 'error', category: 'VALIDATION_ERROR' },
  }),
  // `type: "error"` is no problem type URI: Box's body is read for its message, code and request id.
  'box-400-item-name-invalid.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: 'Method Not Allowed',
    code: 'item_name_invalid',
    requestId: 'abcdef123456',
    retryable: false,
    dialect: 'status-message',
    extensions: { type: 'error', context_info: { message: 'Something went wrong.' }, help_url: 'https://developer.box.com/guides/api-calls/permissions-and-errors/common-errors/' },
  }),
  // Mollie's problem names its one field in `field`.
  'mollie-422-amount.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Entity',
    detail: 'The amount is higher than the maximum',
    type: 'about:blank',
    issues: [{ path: ['amount'], message: 'The amount is higher than the maximum', field: 'amount' }],
    retryable: false,
    dialect: 'problem',
    extensions: { _links: { documentation: { href: 'https://docs.mollie.com/errors', type: 'text/html' } } },
  }),
  // Adyen: `errorCode` the code, `pspReference` the reference its support asks for.
  'adyen-422-invalid-card-number.json': fails({
    kind: 'unprocessable',
    status: 422,
    title: 'Unprocessable Content',
    detail: 'Invalid card number',
    code: '101',
    requestId: 'F7WCWRG6JPHR8HG2',
    retryable: false,
    dialect: 'status-message',
    extensions: { errorType: 'validation' },
  }),
  'apple-404-transaction-id-not-found.json': fails({ kind: 'not_found', status: 404, title: 'Not Found', detail: 'Transaction id not found.', code: '4040010', retryable: false, dialect: 'plain' }),
  // Contentful's code is `sys.id`; its request id comes in the body too.
  'contentful-404-not-found.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'The resource could not be found.',
    code: 'NotFound',
    requestId: 'db2d795acb78e0592af00759986c744b',
    retryable: false,
    dialect: 'plain',
    extensions: { details: { type: 'Entry', id: 'not-existing', space: 'cfexampleapi' } },
  }),
  // Without Cloudflare's `messages` or `result`, its failure is read by plain: the first error naming no field explains it.
  'cloudflare-400-authentication-error.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Authentication error',
    code: '10000',
    issues: [{ path: [], message: 'Authentication error', code: '10000' }],
    retryable: false,
    dialect: 'plain',
    extensions: { success: false },
  }),
  // Postmark names its code `ErrorCode`.
  'postmark-422-invalid-from.json': fails({
    kind: 'unprocessable',
    status: 422,
    title: 'Unprocessable Content',
    detail: "Invalid 'From' address: 'sender@example.com' is not a verified sender signature.",
    code: '300',
    retryable: false,
    dialect: 'plain',
  }),
  // Resend's `{name, statusCode, message}`: `name` is the code.
  'resend-422-validation-error.json': fails({
    kind: 'unprocessable',
    status: 422,
    title: 'Unprocessable Content',
    detail: 'Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
    code: 'validation_error',
    retryable: false,
    dialect: 'status-code',
  }),
  // Heroku and DigitalOcean name the error in `id`: lower-case words, in a body of `id`,
  // `message`, `url` and `request_id` only — a resource's id stays data (below).
  'heroku-429-rate-limit.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: 'Your account reached the API rate limit',
    requestId: '01234567-89ab-cdef-0123-456789abcdef',
    rateLimit: { remaining: 0 },
    retryable: true,
    code: 'rate_limit',
    dialect: 'plain',
    extensions: { url: 'https://devcenter.heroku.com/articles/platform-api-reference#rate-limits' },
  }),
  'digitalocean-400-bad-request.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Bad Request',
    detail: 'error parsing request body',
    requestId: '4851a473-1621-42ea-b2f9-5071c0ea8414',
    rateLimit: { limit: 5000, remaining: 4816, resetAt: 1_444_931_833_000 },
    code: 'bad_request',
    retryable: false,
    dialect: 'status-message',
  }),
  // Klarna: `correlation_id` the request id, `error_messages[]` the messages.
  'klarna-400-bad-value.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Bad value: order_lines',
    code: 'BAD_VALUE',
    issues: [{ path: [], message: 'Bad value: order_lines' }],
    requestId: '6a9b1cb1-73a3-4936-a030-481ba4bb203b',
    retryable: false,
    dialect: 'plain',
  }),
  // ClickUp's `{err, ECODE}`, Figma's `{status, err}`.
  'clickup-401-token-invalid.json': fails({ kind: 'unauthenticated', status: 401, title: 'Unauthorized', detail: 'Token invalid', code: 'OAUTH_025', retryable: false, dialect: 'plain' }),
  'figma-404-not-found.json': fails({ kind: 'not_found', status: 404, title: 'Not Found', detail: 'Not found', retryable: false, dialect: 'plain', extensions: { status: 404 } }),
  // A numeric `code` that repeats the status gives way to Supabase's `error_code`, and stays as received.
  'supabase-422-weak-password.json': fails({
    kind: 'unprocessable',
    status: 422,
    title: 'Unprocessable Content',
    detail: 'Password should be at least 6 characters.',
    code: 'weak_password',
    retryable: false,
    dialect: 'plain',
    extensions: { weak_password: { reasons: ['length'] }, code: 422 },
  }),
  // Zendesk names the error in words run together; its `details` map gives each field's errors.
  'zendesk-422-record-invalid.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    detail: 'Record validation errors',
    code: 'RecordInvalid',
    issues: [{ path: ['requester'], message: 'Requester: test@example.com is suspended.', field: 'requester', code: 'UserSuspended' }],
    requestId: '8a1b2c3d4e5f6789-ORD',
    rateLimit: { remaining: 699 },
    retryable: false,
    dialect: 'plain',
  }),
  // Checkout.com: `error_type` the code, the body's `request_id` the request id.
  'checkout-422-request-invalid.json': fails({
    kind: 'unprocessable',
    status: 422,
    title: 'Unprocessable Content',
    code: 'request_invalid',
    requestId: 'b20f81ac-e6e7-40a2-b048-92e319da030c',
    retryable: false,
    dialect: 'plain',
    extensions: { error_codes: ['payment_source_required'] },
  }),
  // Hetzner Cloud copies Microsoft's shape, its fields in `details.fields[{name, messages}]`.
  'hetzner-422-invalid-input.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    detail: "invalid input in field 'broken_field': is too long",
    code: 'invalid_input',
    issues: [{ path: ['broken_field'], message: 'is too long', field: 'broken_field' }],
    rateLimit: { limit: 3600, remaining: 3599, resetAt: 1_731_000_000_000 },
    retryable: false,
    dialect: 'odata',
  }),
  // WordPress lists each invalid parameter in `data.params`, its code in `data.details`.
  'wordpress-400-rest-invalid-param.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Invalid parameter(s): status',
    code: 'rest_invalid_param',
    issues: [{ path: ['status'], message: 'status is not one of publish, future, draft, pending, private, trash.', field: 'status', code: 'rest_not_in_enum' }],
    retryable: false,
    dialect: 'plain',
    extensions: {
      data: {
        status: 400,
        params: { status: 'status is not one of publish, future, draft, pending, private, trash.' },
        details: { status: { code: 'rest_not_in_enum', message: 'status is not one of publish, future, draft, pending, private, trash.', data: null } },
      },
    },
  }),
  // EasyPost breaks an error down by field in `error.errors`: no OData body, whose list is `details`.
  'easypost-422-address-verify.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    detail: 'Address not found',
    code: 'ADDRESS.VERIFY.FAILURE',
    issues: [
      { path: ['address'], message: 'Address not found', field: 'address' },
      { path: ['street1'], message: 'House number is missing', field: 'street1' },
    ],
    retryable: false,
    dialect: 'plain',
  }),
  // LinkedIn's `serviceErrorCode` "further classifies the error": its code.
  'linkedin-401-empty-token.json': fails({
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: 'Empty oauth2_access_token',
    code: '401',
    retryable: false,
    dialect: 'status-message',
  }),
  // An OAuth error (RFC 6749 §5.2) with Amadeus's own numeric code beside it: the OAuth code wins, Amadeus's is kept.
  'amadeus-400-unsupported-grant-type.json': fails({
    kind: 'bad_request',
    status: 400,
    title: 'Invalid parameters',
    detail: 'Only client_credentials value is allowed for the body parameter grant_type',
    code: 'unsupported_grant_type',
    retryable: false,
    dialect: 'plain',
    extensions: { code: 38187 },
  }),
  // Twitter's API v2 names the parameter in a map of one: its field.
  'twitter-400-invalid-request.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
    issues: [{ path: ['tweep.fields'], message: 'The query parameter [tweep.fields] is not one of [id,expansions,tweet.fields,media.fields,poll.fields,place.fields,user.fields]', field: 'tweep.fields' }],
    retryable: false,
    dialect: 'problem',
  }),
  // Akamai's sub-problems name the field in `requestField`; their `type` is the code, their title words.
  'akamai-403-field-access-denied.json': fails({
    kind: 'forbidden',
    status: 403,
    title: 'Forbidden request.',
    type: 'forbidden.request.error',
    issues: [{ path: ['url'], message: "You don't have access to the requested URL. Contact your Admin to request access.", field: 'url', code: 'field.access.denied' }],
    retryable: false,
    dialect: 'problem',
  }),
  // Asana's error phrase names the occurrence for its support: the request id, as PayPal's `debug_id`.
  'asana-500-server-error.json': fails({
    kind: 'server',
    status: 500,
    title: 'Internal Server Error',
    detail: 'Server Error',
    issues: [{ path: [], message: 'Server Error' }],
    requestId: '6 sad squid snuggle softly',
    retryable: true,
    dialect: 'plain',
  }),
  // Each of Xero's ValidationErrors is an issue of no field; the entities sent back stay in `Elements`.
  'xero-400-validation-exception.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'A validation exception occurred',
    issues: [{ path: [], message: 'Email address must be valid.' }],
    retryable: false,
    dialect: 'plain',
    extensions: { ErrorNumber: 10, Type: 'ValidationException', Elements: [{ ValidationErrors: [{ Message: 'Email address must be valid.' }] }] },
  }),
  // Vercel's limit is read as the rate-limit figures the headers would give; its reset (2019) is past
  // at the fixtures' clock, so the wait is none. `reset`, in seconds, is not read: `limit` stays whole.
  'vercel-429-rate-limited.json': fails({
    kind: 'rate_limited',
    status: 429,
    title: 'Too Many Requests',
    detail: "The rate limit of 6 exceeded for 'api-www-user-update-username'. Try again in 7 days",
    code: 'rate_limited',
    retryAfterMs: 0,
    rateLimit: { limit: 6, remaining: 0, resetAt: 1_571_432_075_563 },
    retryable: true,
    dialect: 'odata',
    extensions: { limit: { remaining: 0, reset: 1_571_432_075, resetMs: 1_571_432_075_563, total: 6 } },
  }),
  // PocketBase maps each field to its `{code, message}` in `data`.
  'pocketbase-400-validation-required.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Failed to create record.',
    code: '400',
    issues: [{ path: ['title'], message: 'Missing required value.', field: 'title', code: 'validation_required' }],
    retryable: false,
    dialect: 'plain',
  }),
  // Quarkus lists the constraint violations in `violations`, each naming its field.
  'quarkus-400-constraint-violation.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Constraint Violation',
    issues: [
      { path: ['autoValidation', 'person', 'firstName'], message: 'must not be blank', field: 'autoValidation.person.firstName' },
      { path: ['autoValidation', 'person', 'lastName'], message: 'must not be blank', field: 'autoValidation.person.lastName' },
    ],
    retryable: false,
    dialect: 'plain',
    extensions: { status: 400 },
  }),
  // Appwrite's word code is its `type`; its `code` only repeats the status.
  'appwrite-401-invalid-credentials.json': fails({
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: 'Invalid credentials. Please check the email and password.',
    code: 'user_invalid_credentials',
    retryable: false,
    dialect: 'plain',
    extensions: { code: 401 },
  }),
  // Ghost names the error's type in `errorType`.
  'ghost-401-unknown-content-api-key.json': fails({
    kind: 'unauthenticated',
    status: 401,
    title: 'Unauthorized',
    detail: 'Unknown Content API Key',
    code: 'UnauthorizedError',
    issues: [{ path: [], message: 'Unknown Content API Key', code: 'UnauthorizedError' }],
    retryable: false,
    dialect: 'plain',
  }),
  // Paddle copies Stripe's shape: its message is `detail`, its fields' errors `errors`, its request id `meta.request_id`.
  'paddle-400-invalid-field.json': fails({
    kind: 'validation',
    status: 400,
    title: 'Bad Request',
    detail: 'Request does not pass validation.',
    code: 'invalid_field',
    issues: [
      { path: ['active'], field: 'active', message: 'must be provided as part of the request' },
      { path: ['description'], field: 'description', message: 'maximum length of 256 exceeded. provided value length 653' },
    ],
    requestId: '00000000-0000-0000-0000-000000000000',
    retryable: false,
    dialect: 'stripe',
    extensions: { type: 'request_error', documentation_url: 'https://developer.paddle.com/errors/shared/invalid_field' },
  }),
  // Mux words its message in a `messages` list; without a `code`, the type is the code.
  'mux-404-not-found.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: "The requested resource either doesn't exist or you don't have access to it.",
    code: 'not_found',
    retryable: false,
    dialect: 'stripe',
    extensions: { type: 'not_found' },
  }),
  // RFC 7807 §3's own example: each invalid parameter an issue, which makes the 400 a validation error.
  'rfc7807-400-invalid-params.json': fails({
    kind: 'validation',
    status: 400,
    title: "Your request parameters didn't validate.",
    type: 'https://example.net/validation-error',
    issues: [
      { path: ['age'], field: 'age', message: 'must be a positive integer' },
      { path: ['color'], field: 'color', message: "must be 'green', 'red' or 'blue'" },
    ],
    retryable: false,
    dialect: 'problem',
  }),
  // Vonage spells RFC 7807's list `invalid_parameters`.
  'vonage-422-invalid-parameters.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Invalid params',
    detail: 'The value of one or more parameters is invalid.',
    type: 'https://developer.nexmo.com/api-errors/messages-olympus#1150',
    instance: 'bf0ca0bf927b3b52e3cb03217e1a1ddf',
    issues: [{ path: ['to'], field: 'to', message: 'Invalid value' }],
    retryable: false,
    dialect: 'problem',
  }),
  // Replicate's `invalid_fields`: `type` the code; an empty field is the input as a whole.
  'replicate-422-invalid-fields.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Input validation failed',
    detail: '- (root): input is required\n- (root): Additional property inptu is not allowed\n',
    type: 'about:blank',
    issues: [
      { path: [], message: 'input is required', code: 'required' },
      { path: [], message: 'Additional property inptu is not allowed', code: 'additional_property_not_allowed' },
    ],
    retryable: false,
    dialect: 'problem',
  }),
  // Phoenix's ErrorJSON: the status text as the one `detail` under `errors`, which names no field.
  // Its detail only repeats the title: read as none.
  'phoenix-404-error-json.json': fails({ kind: 'not_found', status: 404, title: 'Not Found', retryable: false, dialect: 'plain' }),
  // Mistral: FastAPI's `detail` list inside its `message`, read as FastAPI's; the rest of its OpenAI-like members kept.
  'mistral-422-extra-forbidden.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    issues: [{ path: ['max_completion_tokens'], message: 'Extra inputs are not permitted', code: 'extra_forbidden' }],
    retryable: false,
    dialect: 'plain',
    extensions: { object: 'error', type: 'invalid_request_error', param: null, code: null },
  }),
  // Clerk: `long_message` the issue's message, `meta.param_name` its field, `clerk_trace_id` the trace id.
  'clerk-422-form-param-format-invalid.json': fails({
    kind: 'validation',
    status: 422,
    title: 'Unprocessable Content',
    issues: [{ path: ['email_address'], field: 'email_address', message: 'email_address must be a valid email address.', code: 'form_param_format_invalid' }],
    traceId: '5e3f1c2a9b8d4e7f',
    retryable: false,
    dialect: 'plain',
  }),
  // Airtable: a lone `error` in capitals is a code, as a snake_case one is; alone, it stays the detail too.
  'airtable-404-not-found.json': fails({ kind: 'not_found', status: 404, title: 'Not Found', detail: 'NOT_FOUND', code: 'NOT_FOUND', retryable: false, dialect: 'plain' }),
  // Square: a payment method's error is a valid request the card refused, unprocessable as Stripe's card errors.
  'square-402-insufficient-funds.json': fails({
    kind: 'unprocessable',
    status: 402,
    title: 'Payment Required',
    detail: "Authorization error: 'INSUFFICIENT_FUNDS'",
    code: 'INSUFFICIENT_FUNDS',
    issues: [{ path: [], message: "Authorization error: 'INSUFFICIENT_FUNDS'", code: 'INSUFFICIENT_FUNDS' }],
    retryable: false,
    dialect: 'plain',
  }),
  // Hugging Face: a loading model's `estimated_time` is the wait, in seconds.
  'huggingface-503-model-loading.json': fails({
    kind: 'unavailable',
    status: 503,
    title: 'Service Unavailable',
    detail: 'Model bigscience/bloom is currently loading',
    retryAfterMs: 20_000,
    retryable: true,
    dialect: 'plain',
  }),
  // vnd.error: HAL for an error; its `message` only repeats the status text, its embedded error explains.
  'micronaut-404-vnd-error.json': fails({
    kind: 'not_found',
    status: 404,
    title: 'Not Found',
    detail: 'Page Not Found',
    type: 'about:blank',
    issues: [{ path: [], message: 'Page Not Found' }],
    retryable: false,
    dialect: 'problem',
    extensions: { _links: { self: { href: '/api/v1/bogus', templated: false } } },
  }),
};

describe('the bodies of other widely used APIs', () => {
  itReadsEveryFixture(directory, expectations, read);
});

describe('the spellings they brought', () => {
  it("reads a `data` map of fields as issues only when each is PocketBase's validator's `{code, message}`", () => {
    const read400 = (data: unknown) => toError(normalize({ status: 400, body: { status: 400, message: 'Failed to create record.', data } }));
    expect(read400({ title: { code: 'validation_required', message: 'Missing required value.' } })).toMatchObject({ kind: 'validation', issues: [{ path: ['title'], message: 'Missing required value.', field: 'title', code: 'validation_required' }], extensions: {} });
    // An upstream error wrapped in `data` names no field.
    const wrapped = [{ error: { code: 'invalid_token', message: 'Token expired' } }, { upstream: { code: 503, message: 'Service Unavailable' } }];
    for (const data of [...wrapped, {}, { title: { message: 'x', hint: 'y' } }, { title: { code: 'validation_required' } }, { title: 'Missing' }, { id: 7, title: { code: 'validation_required', message: 'b' } }, ['x']]) {
      expect(read400(data), JSON.stringify(data)).toMatchObject({ kind: 'bad_request', issues: [], extensions: { data } });
    }
  });

  it("reads Zendesk's `details` map only when every field holds its `{description, error}` entries", () => {
    const read422 = (details: unknown) => toError(normalize({ status: 422, body: { error: 'RecordInvalid', description: 'Record validation errors', details } }));
    expect(read422({ email: [{ description: 'Email: is invalid', error: 'is invalid' }] }).issues).toEqual([{ path: ['email'], message: 'Email: is invalid', field: 'email' }]);
    for (const details of [{ email: [{ description: 'x', error: 'InvalidValue', extra: 1 }] }, { email: 'invalid' }, { email: [] as unknown[], id: 7 }, { email: [] as unknown[] }, { email: [{ error: 'InvalidValue' }] }]) {
      expect(read422(details), JSON.stringify(details)).toMatchObject({ kind: 'unprocessable', extensions: { details } });
    }
  });

  it('takes a word `type` for the code only when the `code` repeats the status, and gave the code', () => {
    expect(toError(normalize({ status: 401, body: { errorCode: 'E_AUTH', message: 'Invalid', code: 401, type: 'user_invalid_credentials' } }))).toMatchObject({ code: 'E_AUTH', extensions: { code: 401, type: 'user_invalid_credentials' } });
    expect(toError(normalize({ status: 422, body: { error_code: 'weak_password', code: 422, type: 'auth_error', msg: 'Weak' } }))).toMatchObject({ code: 'weak_password', extensions: { code: 422, type: 'auth_error' } });
    expect(toError(normalize({ status: 401, body: { message: 'x', type: 'user_invalid_credentials', code: 4011 } }))).toMatchObject({ code: '4011', extensions: { type: 'user_invalid_credentials' } });
    expect(toError(normalize({ status: 401, body: { message: 'x', type: 'Invalid credentials', code: 401 } }))).toMatchObject({ code: '401', extensions: { type: 'Invalid credentials' } });
  });

  it('reads `violations` as issues in a problem too (Zalando), but in a flagged 2xx keeps the resource as data', () => {
    const problem = { type: 'https://zalando.github.io/problem/constraint-violation', title: 'Constraint Violation', status: 400, violations: [{ field: 'name', message: 'must not be null' }] };
    expect(toError(normalize({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: problem }))).toMatchObject({ kind: 'validation', issues: [{ path: ['name'], field: 'name', message: 'must not be null' }], extensions: {} });
    const report = { success: false, message: '2 violations found', violations: [{ message: 'Line too long' }] };
    expect(normalize({ status: 200, body: report })).toMatchObject({ ok: true, value: { data: report } });
  });

  it("reads a problem's list of invalid parameters as far as its entries name a message, keeping the list unless all did", () => {
    const read400 = (params: unknown) => toError(normalize({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: { title: 'Invalid', 'invalid-params': params } }));
    expect(read400([{ name: 'items[0].sku', reason: 'unknown', type: 'unknown_sku' }])).toMatchObject({ kind: 'validation', issues: [{ path: ['items', 0, 'sku'], field: 'items[0].sku', message: 'unknown', code: 'unknown_sku' }], extensions: {} });
    const partial = [{ name: 'age', reason: 'too low' }, { name: 'color' }, 'x'];
    expect(read400(partial)).toMatchObject({ kind: 'validation', issues: [{ path: ['age'], field: 'age', message: 'too low' }], extensions: { 'invalid-params': partial } });
    for (const params of [[{ name: 'age' }], { age: 'too low' }, 'age', []]) expect(read400(params), JSON.stringify(params)).toMatchObject({ kind: 'bad_request', issues: [], extensions: { 'invalid-params': params } });
  });

  it("reads Phoenix's `{errors: {detail}}` as the detail only as the whole body: a changeset's errors stay issues", () => {
    expect(toError(normalize({ status: 500, body: { errors: { detail: 'The database is down' } } }))).toMatchObject({ kind: 'server', detail: 'The database is down', issues: [], extensions: {} });
    const changeset = toError(normalize({ status: 422, body: { errors: { email: ["can't be blank"], password: ['should be at least 8 character(s)'] } } }));
    expect(changeset).toMatchObject({ kind: 'validation', issues: [{ path: ['email'], field: 'email', message: "can't be blank" }, { path: ['password'], field: 'password', message: 'should be at least 8 character(s)' }] });
    // A field named `detail` beside others, or beside members of the body, is a field.
    expect(toError(normalize({ status: 422, body: { errors: { detail: ['is too long'], title: ['is blank'] } } })).issues).toHaveLength(2);
    expect(toError(normalize({ status: 422, body: { errors: { detail: 'is too long' }, message: 'Invalid' } }))).toMatchObject({ detail: 'Invalid', issues: [{ path: ['detail'], field: 'detail', message: 'is too long' }] });
  });

  it("reads a `message` object as FastAPI's issues only when it is a `detail` list alone, as Mistral sends it", () => {
    const read422 = (message: unknown) => toError(normalize({ status: 422, body: { object: 'error', message } }));
    expect(read422({ detail: [{ type: 'missing', loc: ['body', 'messages'], msg: 'Field required', input: {} }] })).toMatchObject({ kind: 'validation', issues: [{ path: ['messages'], message: 'Field required', code: 'missing' }], extensions: { object: 'error' } });
    for (const message of [{ detail: [{ loc: ['body', 'x'], msg: 'm' }], id: 7 }, { detail: 'x' }, { detail: [7] }]) expect(read422(message), JSON.stringify(message)).toMatchObject({ extensions: { message } });
  });

  it("reads Clerk's error naming no parameter as the detail, in its long message", () => {
    const body = { errors: [{ message: 'Invalid authentication', long_message: 'Unable to authenticate the request, you need to supply an active session', code: 'authentication_invalid' }], clerk_trace_id: 't1' };
    expect(toError(normalize({ status: 401, body }))).toMatchObject({ kind: 'unauthenticated', detail: 'Unable to authenticate the request, you need to supply an active session', code: 'authentication_invalid', traceId: 't1', extensions: {} });
    // A `meta` without a `param_name` of text names no field.
    const meta = toError(normalize({ status: 422, body: { errors: [{ message: 'is taken', code: 'form_identifier_exists', meta: { param_name: 7 } }] } }));
    expect(meta.issues).toEqual([{ path: [], message: 'is taken', code: 'form_identifier_exists' }]);
  });

  it('reads an `error` in capitals joined by `_` as a code, and a word or a sentence in capitals as the message', () => {
    expect(toError(normalize({ status: 422, body: { error: 'INVALID_REQUEST_UNKNOWN', message: 'Could not parse request body' } }))).toMatchObject({ code: 'INVALID_REQUEST_UNKNOWN', detail: 'Could not parse request body' });
    expect(toError(normalize({ status: 400, body: { error: 'UNAUTHORIZED' } }))).toMatchObject({ detail: 'UNAUTHORIZED' });
    expect(toError(normalize({ status: 400, body: { error: 'UNAUTHORIZED' } })).code).toBeUndefined();
    expect(toError(normalize({ status: 400, body: { error: 'NOT FOUND' } })).code).toBeUndefined();
  });

  it("reads Square's PAYMENT_METHOD_ERROR as unprocessable only where the status says little, and no other category", () => {
    const send = (status: number, category: string) => toError(normalize({ status, body: { errors: [{ code: 'CARD_DECLINED', detail: "Authorization error: 'CARD_DECLINED'", category }] } }));
    expect(send(402, 'PAYMENT_METHOD_ERROR')).toMatchObject({ kind: 'unprocessable', code: 'CARD_DECLINED', retryable: false });
    expect(send(429, 'PAYMENT_METHOD_ERROR').kind).toBe('rate_limited');
    expect(send(402, 'INVALID_REQUEST_ERROR').kind).toBe('bad_request');
  });

  it("reads an `estimated_time` as the wait only beside a lone `error`, as Hugging Face sends it, a Retry-After header winning", () => {
    const send = (body: Record<string, unknown>, headers: Record<string, string> = {}) => toError(normalize({ status: 503, headers, body }));
    expect(send({ error: 'Model x is currently loading', estimated_time: 1.25 }).retryAfterMs).toBe(1250);
    expect(send({ error: 'Model x is currently loading', estimated_time: 20 }, { 'retry-after': '5' }).retryAfterMs).toBe(5000);
    for (const body of [{ error: 'Busy', estimated_time: 20, id: 'job_1' }, { message: 'Busy', estimated_time: 20 }, { error: 'Busy', estimated_time: '20' }, { error: 'Busy', estimated_time: -1 }]) {
      expect(send(body), JSON.stringify(body)).toMatchObject({ extensions: { estimated_time: body.estimated_time } });
      expect(send(body).retryAfterMs, JSON.stringify(body)).toBeUndefined();
    }
  });

  it("keeps vnd.error's message when a detail is there already", () => {
    const body = { type: 'https://x.test/t', title: 'Bad', detail: 'D', message: 'M', _embedded: { errors: [] } };
    expect(toError(normalize({ status: 400, headers: { 'content-type': 'application/problem+json' }, body }))).toMatchObject({ detail: 'D', extensions: { message: 'M' } });
  });

  it("reads vnd.error's message as the detail when it says more than the status text", () => {
    const body = { message: 'Validation failed', _embedded: { errors: [{ message: 'name: must not be blank', path: '/name' }] } };
    expect(toError(normalize({ status: 400, headers: { 'content-type': 'application/vnd.error+json' }, body }))).toMatchObject({ dialect: 'problem', kind: 'validation', detail: 'Validation failed', issues: [{ path: ['name'], message: 'name: must not be blank' }] });
  });

  it("reads LinkedIn's `serviceErrorCode` as the code only when the body names no other", () => {
    const body = { status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED', message: 'Not enough permissions to access: me.GET.NO_VERSION' };
    expect(toError(normalize({ status: 403, body }))).toMatchObject({ code: 'ACCESS_DENIED', extensions: { serviceErrorCode: 100 } });
    expect(toError(normalize({ status: 401, body: { message: 'Empty oauth2_access_token', serviceErrorCode: 'x1', status: 401 } }))).toMatchObject({ code: 'x1', extensions: {} });
  });

  it("reads Magento's `parameters`, placeholders of its message, as no field", () => {
    const body = { message: 'One or more input exceptions have occurred.', errors: [{ message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'email' } }] };
    expect(toError(normalize({ status: 400, body })).issues).toEqual([{ path: [], message: '"%fieldName" is required. Enter and try again.' }]);
    const counted = toError(normalize({ status: 422, body: { errors: [{ code: 'too_long', message: 'Must be at most 100 characters', parameters: { max: 100 } }] } }));
    expect(counted).toMatchObject({ code: 'too_long', detail: 'Must be at most 100 characters', issues: [{ path: [], message: 'Must be at most 100 characters', code: 'too_long' }] });
  });

  it("reads Twitter's `parameters` as the field only when it names one parameter", () => {
    const read400 = (entry: Record<string, unknown>) => toError(normalize({ status: 400, body: { title: 'Invalid Request', detail: 'x', type: 'https://api.twitter.com/2/problems/invalid-request', errors: [entry] } })).issues;
    expect(read400({ parameters: { ids: ['1x'] }, message: 'm' })).toEqual([{ path: ['ids'], field: 'ids', message: 'm' }]);
    expect(read400({ parameters: { ids: ['1x'], ['user.fields']: ['y'] }, message: 'm' })).toEqual([{ path: [], message: 'm' }]);
    expect(read400({ parameters: 'ids', message: 'm' })).toEqual([{ path: [], message: 'm' }]);
    // A field the entry names itself wins over its parameters.
    expect(read400({ field: 'name', parameters: { ids: ['1x'] }, message: 'm' })).toEqual([{ path: ['name'], field: 'name', message: 'm' }]);
  });

  it('takes a sub-problem\'s `type` as its code only beside a title of words, as seed 001\'s titles are codes', () => {
    const read400 = (entry: Record<string, unknown>) => toError(normalize({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: { title: 'Bad Request', detail: 'x', errors: [entry] } })).issues;
    expect(read400({ type: 'field.invalid', title: 'Field invalid.', detail: 'm' })).toEqual([{ path: [], message: 'm', code: 'field.invalid' }]);
    expect(read400({ type: 'field.invalid', title: 'invalid_type', detail: 'm' })).toEqual([{ path: [], message: 'm', code: 'invalid_type' }]);
  });

  it('keeps an OAuth error as the code only with its `error_description`, else a numeric code stays the code', () => {
    expect(toError(normalize({ status: 400, body: { error: 'invalid_client', error_description: 'Bad client', code: 38187 } }))).toMatchObject({ code: 'invalid_client', detail: 'Bad client', extensions: { code: 38187 } });
    expect(toError(normalize({ status: 400, body: { error: 'invalid_client', errorCode: 'E1', error_description: 'Bad client' } }))).toMatchObject({ code: 'invalid_client', extensions: { errorCode: 'E1' } });
    expect(toError(normalize({ status: 400, body: { error: 'invalid_client', message: 'Bad client', code: 38187 } }))).toMatchObject({ code: '38187', detail: 'Bad client', title: 'invalid_client' });
    // A code the body spells elsewhere stays where it was, in the extensions.
    expect(toError(normalize({ status: 400, body: { error: 'invalid_request', error_description: 'Bad', error_type: 'request_invalid' } }))).toMatchObject({ code: 'invalid_request', extensions: { error_type: 'request_invalid' } });
    const sys = { type: 'Error', id: 'BadRequest' };
    expect(toError(normalize({ status: 400, body: { error: 'invalid_grant', error_description: 'Bad', sys } }))).toMatchObject({ code: 'invalid_grant', extensions: { sys } });
  });

  it("reads CouchDB's `{error, reason}`: the snake_case error as the code, the reason as the detail", () => {
    expect(toError(normalize({ status: 404, body: { error: 'not_found', reason: 'missing' } }))).toMatchObject({ kind: 'not_found', code: 'not_found', detail: 'missing' });
  });

  it("reads Facebook's error with the seed dialects alone too, as a nested error", () => {
    const seeds = createNormalizer({ dialects: seedDialects });
    const body = { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'EJplcsCHuLu' } };
    expect(toError(seeds({ status: 401, body }))).toMatchObject({ kind: 'unauthenticated', detail: 'Invalid OAuth access token.', code: '190', requestId: 'EJplcsCHuLu', dialect: 'plain' });
  });

  it("reads Dropbox's `error_summary` as the detail, keeping its tagged `error` union", () => {
    const body = { error_summary: 'path/not_found/..', error: { '.tag': 'path', path: { '.tag': 'not_found' } } };
    expect(toError(normalize({ status: 409, body }))).toMatchObject({ kind: 'conflict', detail: 'path/not_found/..', extensions: { error: body.error } });
  });

  it("reads Alibaba Cloud's PascalCase `{Code, Message, RequestId}`", () => {
    const body = { RequestId: '7463B73D-35CC-4D19-A010-6B8D65D242EF', HostId: 'ecs.aliyuncs.com', Code: 'InvalidParameter', Message: 'The specified parameter is not valid.' };
    expect(toError(normalize({ status: 400, body }))).toMatchObject({ kind: 'bad_request', code: 'InvalidParameter', detail: 'The specified parameter is not valid.', requestId: '7463B73D-35CC-4D19-A010-6B8D65D242EF', extensions: { HostId: 'ecs.aliyuncs.com' } });
  });

  it("keeps Spotify's machine `reason` beside its message, and a second spelling of any fact", () => {
    const spotify = toError(normalize({ status: 403, body: { error: { status: 403, message: 'Player command failed: Premium required', reason: 'PREMIUM_REQUIRED' } } }));
    expect(spotify).toMatchObject({ kind: 'forbidden', detail: 'Player command failed: Premium required', extensions: { error: { status: 403, reason: 'PREMIUM_REQUIRED' } } });
    const google = toError(normalize({ status: 429, body: { reason: 'rateLimitExceeded', message: 'Rate limit exceeded, retry later' } }));
    expect(google).toMatchObject({ detail: 'Rate limit exceeded, retry later', extensions: { reason: 'rateLimitExceeded' } });
    const twoCodes = toError(normalize({ status: 400, body: { Code: 400, code: 'bad_thing', message: 'x' } }));
    expect(twoCodes).toMatchObject({ code: '400', extensions: { code: 'bad_thing' } });
  });

  it('reads a `details` list as issues only as far as it holds messages, and never a `details` map of data', () => {
    const data = toError(normalize({ status: 404, body: { message: 'User not found', details: { id: '42', resource: 'user', attempts: 3 } } }));
    expect(data).toMatchObject({ kind: 'not_found', issues: [], extensions: { details: { id: '42', resource: 'user', attempts: 3 } } });
    const mixed = [
      { reason: 'NAME_INVALID', domain: 'example.com', metadata: {} },
      { locale: 'en-US', message: 'Name is invalid' },
    ];
    const listed = toError(normalize({ status: 400, body: { code: 3, message: 'invalid name', details: mixed } }));
    // The entry with a message is an issue; the list is kept whole, since one entry gave none.
    expect(listed).toMatchObject({ dialect: 'plain', detail: 'invalid name', issues: [{ path: [], message: 'Name is invalid' }], extensions: { details: mixed } });
    // Typed by `@type`, the same list makes the body a google.rpc.Status (grpc-gateway's), which the google dialect reads.
    const typed = mixed.map((detail, index) => ({ '@type': `type.googleapis.com/google.rpc.${index === 0 ? 'ErrorInfo' : 'LocalizedMessage'}`, ...detail }));
    expect(toError(normalize({ status: 400, body: { code: 3, message: 'invalid name', details: typed } }))).toMatchObject({ dialect: 'google', detail: 'invalid name', code: 'NAME_INVALID', issues: [], extensions: { details: typed } });
  });

  it('reads a `details` list nested in an `error` object as issues too', () => {
    const nested = toError(normalize({ status: 400, body: { error: { code: 400, message: 'Invalid request', details: [{ field: 'email', message: 'must be an email' }] } } }));
    expect(nested).toMatchObject({ kind: 'validation', detail: 'Invalid request', issues: [{ path: ['email'], message: 'must be an email' }] });
  });

  it('keeps a list of errors that gave no issue as received, not dropping it', () => {
    const error = toError(normalize({ status: 400, body: { message: 'Bad', errors: [{ id: 7 }], details: 'text' } }));
    expect(error).toMatchObject({ detail: 'Bad', issues: [] });
    expect(error.extensions).toEqual({ errors: [{ id: 7 }], details: 'text' });
  });

  it("reads a Stripe copy's message from `message`, else `detail`, `description` or the first of `messages`", () => {
    const read400 = (error: Record<string, unknown>) => toError(normalize({ status: 400, body: { error: { type: 'invalid_request_error', ...error } } }));
    expect(read400({ message: 'M', detail: 'D' })).toMatchObject({ detail: 'M', extensions: { detail: 'D' } });
    expect(read400({ description: 'The mutation(s) failed' })).toMatchObject({ detail: 'The mutation(s) failed', extensions: { type: 'invalid_request_error' } });
    expect(read400({ messages: ['Failed to parse ID'] }).detail).toBe('Failed to parse ID');
    // A list of several stays whole beside its first entry, and one that is no text explains nothing.
    expect(read400({ messages: ['A', 'B'] })).toMatchObject({ detail: 'A', extensions: { messages: ['A', 'B'] } });
    expect(read400({ messages: [{ text: 'A' }] })).toMatchObject({ extensions: { messages: [{ text: 'A' }] } });
    expect(read400({ messages: [{ text: 'A' }] }).detail).toBeUndefined();
  });

  it("reads `meta.request_id` beside a Stripe copy's error, keeping a `meta` that holds more", () => {
    const read404 = (meta: unknown) => toError(normalize({ status: 404, body: { error: { type: 'request_error', detail: 'x' }, meta } }));
    expect(read404({ request_id: 'r1' })).toMatchObject({ requestId: 'r1', extensions: { type: 'request_error' } });
    expect(read404({ request_id: 'r1', page: 2 })).toMatchObject({ requestId: 'r1', extensions: { meta: { request_id: 'r1', page: 2 } } });
    expect(read404({ request_id: 7 })).toMatchObject({ extensions: { meta: { request_id: 7 } } });
    expect(read404({ request_id: 7 }).requestId).toBeUndefined();
  });

  it("does not take an Elasticsearch error for Stripe's, though both have a string `error.type`", () => {
    expect(toError(normalize({ status: 400, body: { error: { type: 'parsing_exception', reason: 'Unknown key' }, status: 400 } }))).toMatchObject({ dialect: 'plain', code: 'parsing_exception', detail: 'Unknown key' });
  });

  it("reads Asana's error phrase as the request id only in its shape: a number and four words, in the first error", () => {
    const body = { errors: [{ message: 'Server Error', phrase: '6 sad squid snuggle softly' }] };
    // The body's id wins over a header's, as every body's does.
    expect(toError(normalize({ status: 500, headers: { 'x-request-id': 'abc' }, body }))).toMatchObject({ requestId: '6 sad squid snuggle softly' });
    expect(toError(createNormalizer({ dialects: seedDialects })({ status: 500, body }))).toMatchObject({ requestId: '6 sad squid snuggle softly' });
    // Other APIs' `phrase`: a translation key, a sentence, a member of the body rather than of an error.
    for (const other of [
      { errors: [{ message: 'Invalid email', phrase: 'errors.email.invalid' }] },
      { errors: [{ message: 'Invalid email', phrase: 'Please enter a valid email address' }] },
      { errors: [{ message: 'Invalid email' }, { message: 'Server Error', phrase: '6 sad squid snuggle softly' }] },
      { errors: ['Server Error'], phrase: '6 sad squid snuggle softly' },
    ]) {
      expect(toError(normalize({ status: 500, body: other })).requestId, JSON.stringify(other)).toBeUndefined();
    }
    expect(toError(normalize({ status: 500, body: { message: 'Server Error', phrase: '6 sad squid snuggle softly' } })).extensions).toEqual({ phrase: '6 sad squid snuggle softly' });
    // A polluted prototype lends no first error, nor a phrase.
    const lent = withPollutedPrototype({ 0: { phrase: '6 sad squid snuggle softly' } }, () => toError(normalize({ status: 500, body: { errors: [], message: 'Server Error' } })));
    expect(lent.requestId).toBeUndefined();
    // A resource with a `phrase` is data.
    const passphrase = { errors: [{ phrase: '4 red fox jumps high' }], id: 1 };
    expect(normalize({ status: 200, body: passphrase })).toMatchObject({ ok: true, value: { data: passphrase } });
  });

  it("reads every entity's ValidationErrors of a Xero ValidationException, with the seed dialects alone too", () => {
    const invoice = { Type: 'ACCREC', InvoiceNumber: 'INV-0042', ValidationErrors: [{ Message: 'Email address must be valid.' }, { Message: 'Account code 999 is not a valid code.' }] };
    const contact = { Name: 'ABC Ltd', ValidationErrors: [{ Message: 'The contact name ABC Ltd is already assigned to another contact.' }, { Code: 7 }] };
    const body = { ErrorNumber: 10, Type: 'ValidationException', Message: 'A validation exception occurred', Elements: [invoice, 'x', contact] };
    const seeds = createNormalizer({ dialects: seedDialects });
    for (const read of [normalize, seeds]) {
      expect(toError(read({ status: 400, body }))).toMatchObject({
        kind: 'validation',
        detail: 'A validation exception occurred',
        issues: [{ path: [], message: 'Email address must be valid.' }, { path: [], message: 'Account code 999 is not a valid code.' }, { path: [], message: 'The contact name ABC Ltd is already assigned to another contact.' }],
        extensions: { ErrorNumber: 10, Type: 'ValidationException', Elements: [invoice, 'x', contact] },
      });
    }
  });

  it('reads no issue from `Elements` without ValidationErrors, and none from a success that lists them', () => {
    const elements = [{ Name: 'x', Errors: [{ Message: 'not Xero' }] }, { ValidationErrors: 'Email address must be valid.' }, { ValidationErrors: [{ message: 'lower case' }] }];
    expect(toError(normalize({ status: 400, body: { Message: 'Bad', Elements: elements } }))).toMatchObject({ kind: 'bad_request', issues: [], extensions: { Elements: elements } });
    // Xero's `summarizeErrors=false` answers a batch with a 200, each failed entity flagged: data.
    const batch = { Id: 'e7d6c9f3', Status: 'OK', Elements: [{ StatusAttributeString: 'ERROR', ValidationErrors: [{ Message: 'Email address must be valid.' }] }] };
    expect(normalize({ status: 200, body: batch })).toMatchObject({ ok: true, value: { data: batch } });
  });

  it("reads Vercel's `error.limit` as the rate limit where no header gives one, and its reset as the wait", () => {
    // 60 s after the fixtures' clock.
    const limit = { remaining: 0, reset: 1_736_942_460, resetMs: 1_736_942_460_000, total: 100 };
    const body = { error: { code: 'rate_limited', message: 'The rate limit of 100 exceeded', limit } };
    expect(toError(normalize({ status: 429, body }, { now }))).toMatchObject({ retryAfterMs: 60_000, rateLimit: { limit: 100, remaining: 0, resetAt: 1_736_942_460_000 }, extensions: { limit } });
    // The headers win over the body, and Retry-After over both.
    const headers = { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1736942430' };
    expect(toError(normalize({ status: 429, headers, body }, { now }))).toMatchObject({ retryAfterMs: 30_000, rateLimit: { limit: 50, remaining: 0, resetAt: 1_736_942_430_000 } });
    expect(toError(normalize({ status: 429, headers: { 'retry-after': '5' }, body }, { now }))).toMatchObject({ retryAfterMs: 5000, rateLimit: { limit: 100 } });
  });

  it("reads a `limit` only in a rate limit's error: a count of projects is no rate limit", () => {
    const error = toError(normalize({ status: 403, body: { error: { code: 'project_limit_reached', message: 'You have reached the maximum number of projects', limit: { remaining: 0, total: 3 } } } }, { now }));
    expect(error).toMatchObject({ kind: 'forbidden', retryable: false, extensions: { limit: { remaining: 0, total: 3 } } });
    expect(error.rateLimit).toBeUndefined();
  });

  it("reads an `id` as the code only in Heroku's and DigitalOcean's shape: lower-case words, beside a message, a url or a request id alone", () => {
    expect(toError(normalize({ status: 404, body: { id: 'not_found', message: "Couldn't find that app.", url: 'https://devcenter.heroku.com/articles/platform-api-reference#app' } }))).toMatchObject({ code: 'not_found', extensions: { url: expect.any(String) } });
    expect(toError(normalize({ status: 422, body: { id: 'unprocessable_entity', message: 'Name is invalid', request_id: 'r1' } }))).toMatchObject({ code: 'unprocessable_entity', requestId: 'r1', extensions: {} });
    // A resource's id, or an error that says more than those members, keeps its `id` as data.
    for (const body of [{ id: 'app_2f9c', message: 'Gone' }, { id: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d', message: 'Gone' }, { id: 'order', message: 'Not found', resource: 'orders' }]) {
      const error = toError(normalize({ status: 404, body }));
      expect(error.code).toBeUndefined();
      expect(error.extensions).toMatchObject({ id: body.id });
    }
  });

  it('reads no rate limit from a `limit` that holds no figures, nor from a success', () => {
    for (const limit of [100, 'none', { max: 5 }, { remaining: -1, total: 'six' }, null]) {
      const error = toError(normalize({ status: 400, body: { error: { code: 'quota_exceeded', message: 'Quota exceeded', limit } } }, { now }));
      expect(error.rateLimit, JSON.stringify(limit)).toBeUndefined();
      expect(error.retryAfterMs).toBeUndefined();
      expect(error.extensions).toEqual({ limit });
    }
    const plan = { name: 'hobby', limit: { remaining: 0, resetMs: 1_736_942_460_000, total: 100 } };
    expect(normalize({ status: 200, body: plan }, { now })).toMatchObject({ ok: true, value: { data: plan } });
  });

  it('lets a body refine only a 5xx no RFC registers: a 500 stays a server error whatever the body says', () => {
    const body = { error: { type: 'overloaded_error', message: 'Overloaded' } };
    expect(toError(normalize({ status: 500, body }))).toMatchObject({ kind: 'server', code: 'overloaded_error' });
    expect(toError(normalize({ status: 529, body }))).toMatchObject({ kind: 'unavailable', retryable: true });
  });
});
