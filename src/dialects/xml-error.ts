/**
 * The XML error bodies of cloud storage APIs, which share one shape: S3 and the other AWS XML
 * protocols (`<Error><Code/><Message/><RequestId/></Error>`, see aws.ts) and Azure Storage
 * ("Status and error codes": `<Error><Code/><Message/></Error>`, see odata.ts). Only the first
 * `Code`, `Message` and request id are read; the text stays whole in the error's `body`.
 */

import type { ErrorFacts } from '../dialect.ts';

const xmlEntities: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The first `<Code>`, `<Message>` (as the detail) and `<RequestId>` (EC2: `<RequestID>`) of an XML error, entities decoded; each absent when the text has no such element. */
export function readXmlError(text: string): ErrorFacts {
  // No prototype: a polluted `Object.prototype.message` must not pass for a found one.
  const found: Record<string, string> = Object.create(null);
  for (const [, name, value] of text.matchAll(/<(Code|Message|RequestI[dD])>([^<]*)<\//g)) {
    found[name!.toLowerCase()] ??= value!.replace(/&(lt|gt|amp|quot|apos);/g, (_, entity: string) => xmlEntities[entity]!);
  }
  return { ok: false, code: found['code'], detail: found['message'], requestId: found['requestid'] };
}
