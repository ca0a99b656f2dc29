/** The builders of the four seed dialects, by id. */
import { envelopeBuilder } from './envelope.ts';
import { plainBuilder } from './plain.ts';
import { problemBuilder } from './problem.ts';
import { statusMessageBuilder } from './status-message.ts';
import type { Dialect } from '../../model.ts';
import type { BuiltDialect, DialectBuilder, DialectOption } from './types.ts';

export { envelopeBuilder, plainBuilder, problemBuilder, statusMessageBuilder };
export type { BuiltDialect, DialectBuilder, DialectOption, SuccessShape } from './types.ts';

const builders: Readonly<Record<BuiltDialect, DialectBuilder>> = {
  plain: plainBuilder,
  problem: problemBuilder,
  'status-message': statusMessageBuilder,
  envelope: envelopeBuilder,
};

/**
 * The dialects faultline reads but does not write, and `unknown`: answered in `problem`. The
 * type below fails to compile when a dialect is added to the model and left out here.
 */
const answeredAsProblem = ['unknown', 'json-api', 'graphql', 'google', 'odata', 'field-map', 'spring', 'status-code', 'stripe', 'slack', 'aws', 'kubernetes', 'tencent', 'cloudflare', 'jsend', 'quickbooks', 'kraken', 'json-rpc'] as const;
type Unlisted = Exclude<Dialect, BuiltDialect | (typeof answeredAsProblem)[number]>;
const everyDialectListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyDialectListed;

/** The builder of a dialect; `problem` (RFC 9457) for nothing named, `unknown` and the dialects only read; a TypeError for any other name. */
export function toBuilder(dialect: DialectOption | undefined): DialectBuilder {
  // `null` from JavaScript is none, as for every option: it was taken for a builder, and failed on its `id`.
  if (typeof dialect === 'object' && dialect !== null) return dialect;
  const builder = Object.hasOwn(builders, dialect ?? '') ? builders[dialect as BuiltDialect] : dialect == null || (answeredAsProblem as readonly unknown[]).includes(dialect) ? problemBuilder : undefined;
  if (!builder) throw new TypeError(`Unknown dialect ${String(dialect)}; use one of ${Object.keys(builders).join(', ')}, or a dialect faultline reads (answered in problem)`);
  return builder;
}
