/**
 * The XML error bodies of cloud storage APIs, which share one shape: S3 and the other AWS XML
 * protocols (`<Error><Code/><Message/><RequestId/></Error>`, see aws.ts) and Azure Storage
 * ("Status and error codes": `<Error><Code/><Message/></Error>`, see odata.ts). Only the first
 * `Code`, `Message` and request id are read; the text stays whole in the error's `body`. A text
 * that is no such XML is read as the plain dialect reads text.
 */

import type { ErrorFacts } from '../dialect.ts';
import { parseText } from './plain.ts';

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

/** The facts of a text body named by a marker header: its XML error, else the text as plain reads it; `code` the header's when the body names none. */
export function readTextError(text: string, mediaType: string, headerCode: string | undefined): ErrorFacts {
  const xml = readXmlError(text);
  const facts = xml.code === undefined && xml.detail === undefined ? parseText(text, mediaType) : xml;
  // `xml.code`, an own member: the plain facts have no `code` of their own to read.
  return { ...facts, code: xml.code ?? headerCode };
}
