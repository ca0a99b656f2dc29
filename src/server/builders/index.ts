/** The builders of the four seed dialects, by id. */
import { envelopeBuilder } from './envelope.ts';
import { plainBuilder } from './plain.ts';
import { problemBuilder } from './problem.ts';
import { statusMessageBuilder } from './status-message.ts';
import type { BuiltDialect, DialectBuilder, DialectOption } from './types.ts';

export { envelopeBuilder, plainBuilder, problemBuilder, statusMessageBuilder };
export type { BuiltDialect, DialectBuilder, DialectOption, SuccessShape } from './types.ts';

const builders: Readonly<Record<BuiltDialect, DialectBuilder>> = {
  plain: plainBuilder,
  problem: problemBuilder,
  'status-message': statusMessageBuilder,
  envelope: envelopeBuilder,
};

/** The builder of a dialect; `problem` (RFC 9457) for `unknown` or nothing named; a TypeError for any other name. */
export function toBuilder(dialect: DialectOption | undefined): DialectBuilder {
  if (typeof dialect === 'object') return dialect;
  const builder = dialect === undefined || dialect === 'unknown' ? problemBuilder : Object.hasOwn(builders, dialect) ? builders[dialect as BuiltDialect] : undefined;
  if (!builder) throw new TypeError(`Unknown dialect ${String(dialect)}; use one of ${Object.keys(builders).join(', ')}`);
  return builder;
}
