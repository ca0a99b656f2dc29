/**
 * The built-in dialects, in the order `normalize` tries them. The four seed dialects first where
 * their markers are strict; the other families by their own markers, each exclusive of the
 * others (tested in test/dialects/); then status-message, field-map and plain, whose markers are
 * the loosest — plain claims every body, so it is last.
 */
import type { DialectParser } from '../dialect.ts';
import { awsDialect } from './aws.ts';
import { cloudflareDialect } from './cloudflare.ts';
import { envelopeDialect } from './envelope.ts';
import { fieldMapDialect } from './field-map.ts';
import { googleDialect } from './google.ts';
import { graphqlDialect } from './graphql.ts';
import { jsendDialect } from './jsend.ts';
import { jsonApiDialect } from './json-api.ts';
import { jsonRpcDialect } from './json-rpc.ts';
import { krakenDialect } from './kraken.ts';
import { kubernetesDialect } from './kubernetes.ts';
import { odataDialect } from './odata.ts';
import { plainDialect } from './plain.ts';
import { problemDialect } from './problem.ts';
import { quickbooksDialect } from './quickbooks.ts';
import { slackDialect } from './slack.ts';
import { springDialect } from './spring.ts';
import { statusCodeDialect } from './status-code.ts';
import { statusMessageDialect } from './status-message.ts';
import { stripeDialect } from './stripe.ts';
import { tencentDialect } from './tencent.ts';

export {
  awsDialect,
  cloudflareDialect,
  envelopeDialect,
  fieldMapDialect,
  googleDialect,
  graphqlDialect,
  jsendDialect,
  jsonApiDialect,
  jsonRpcDialect,
  krakenDialect,
  kubernetesDialect,
  odataDialect,
  plainDialect,
  problemDialect,
  quickbooksDialect,
  slackDialect,
  springDialect,
  statusCodeDialect,
  statusMessageDialect,
  stripeDialect,
  tencentDialect,
};

/** The four seed dialects only, for `createNormalizer({ dialects: seedDialects })`: the smallest bundle. */
export const seedDialects: readonly DialectParser[] = [envelopeDialect, problemDialect, statusMessageDialect, plainDialect];

/**
 * Every built-in dialect, most specific first: Stripe before OData (both have a string
 * `error.code`), Spring and status-code before status-message (Spring bodies carry `message`
 * and a numeric `status`), field-map and plain last.
 */
export const dialects: readonly DialectParser[] = [
  // `jsonrpc: "2.0"` is the strongest mark there is: its `result` may be seed 004's word `"success"`.
  jsonRpcDialect,
  envelopeDialect,
  problemDialect,
  // A boolean `success` is Cloudflare's mark; its errors' `source.pointer` is JSON:API's spelling too.
  cloudflareDialect,
  jsendDialect,
  jsonApiDialect,
  graphqlDialect,
  stripeDialect,
  googleDialect,
  odataDialect,
  awsDialect,
  tencentDialect,
  quickbooksDialect,
  // Before field-map, which takes `{error: ["EAPI:Invalid key"]}` for a map of messages.
  krakenDialect,
  kubernetesDialect,
  springDialect,
  statusCodeDialect,
  statusMessageDialect,
  slackDialect,
  fieldMapDialect,
  plainDialect,
];
