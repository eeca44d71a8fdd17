// The one place that turns errors into messages and exit codes (diff(1): 0 same, 1 different, 2 trouble).
import { LivediffError } from '../errors.js';
import { sanitizeInline } from '../render/sanitize.js';

export const EXIT_SAME = 0;
export const EXIT_CHANGED = 1;
export const EXIT_TROUBLE = 2;

/** Longest message printed: messages quote untrusted text (file names, titles), which must not flood a log. */
export const MAX_MESSAGE_CHARS = 2000;

/** A message as one safe line of bounded length. */
export function oneLine(message: string): string {
  const safe = sanitizeInline(message);
  return safe.length > MAX_MESSAGE_CHARS ? `${safe.slice(0, MAX_MESSAGE_CHARS - 1)}…` : safe;
}

/** Print one line for an error and return the exit code. Stack traces only with LIVEDIFF_DEBUG=1. */
export function reportError(error: unknown, stderr: (s: string) => void, env = process.env): number {
  // One line, as every other error: the yargs ones already end with where to read more.
  if (error instanceof LivediffError) {
    stderr(`livediff: ${oneLine(error.message)}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    stderr(`livediff: internal error: ${oneLine(message)} (please report it; LIVEDIFF_DEBUG=1 shows details)\n`);
  }
  if (env.LIVEDIFF_DEBUG && error instanceof Error && error.stack) stderr(`${error.stack}\n`);
  return EXIT_TROUBLE;
}
