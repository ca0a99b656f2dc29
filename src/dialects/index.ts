/** The four seed dialects, in the order `normalize` tries them: plain claims every body, so it is last. */
import type { DialectParser } from '../dialect.ts';
import { envelopeDialect } from './envelope.ts';
import { plainDialect } from './plain.ts';
import { problemDialect } from './problem.ts';
import { statusMessageDialect } from './status-message.ts';

export { envelopeDialect, plainDialect, problemDialect, statusMessageDialect };

/** Every built-in dialect, most specific first. */
export const dialects: readonly DialectParser[] = [envelopeDialect, problemDialect, statusMessageDialect, plainDialect];
