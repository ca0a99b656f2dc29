/**
 * The exit codes of `faultline`. An error response is not a failure of the command: the
 * inspection worked, and the code says what it found, as `curl --fail` does (1 rather than 22).
 */
export const exitCodes = {
  /** The response is a success (2xx, and the body reads as one). */
  success: 0,
  /** The response is an error: an error status, an envelope `result: "error"`, an unreadable 2xx. */
  errorResponse: 1,
  /** The command line is wrong: an unknown option, a missing source, a bad `--status` or `--header`. */
  usage: 2,
  /** The file or standard input cannot be read: a missing file, a directory (`faultline inspect - < folder` too), no permission. */
  unreadableFile: 3,
  /** The URL could not be reached: refused, unknown host, TLS failure, no complete answer within `--timeout`. */
  unreachableUrl: 4,
  /**
   * The input is not a response body: bytes nothing describes (a bare body without a `--header`
   * Content-Type) that hold a NUL byte or are not UTF-8 text, a content-encoded body that does not
   * decompress, or a saved head (status lines and headers) over its limit.
   */
  notAResponse: 5,
  /** The output could not be written: a full disk (ENOSPC), an I/O error. A reader that closed the pipe (EPIPE) is not a failure. */
  unwritableOutput: 6,
} as const;

/** One of {@link exitCodes}. */
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
