// The one place that turns errors into messages and exit codes (diff(1): 0 same, 1 different, 2 trouble).
import { LivediffError } from '../errors.js';
import { sanitizeInline } from '../render/sanitize.js';

export const EXIT_SAME = 0;
export const EXIT_CHANGED = 1;
export const EXIT_TROUBLE = 2;

/** Print one line for an error and return the exit code. Stack traces only with LIVEDIFF_DEBUG=1. */
export function reportError(error: unknown, stderr: (s: string) => void, env = process.env): number {
  // One line, as every other error: the yargs ones already end with where to read more.
  if (error instanceof LivediffError) {
    stderr(`livediff: ${sanitizeInline(error.message)}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    stderr(`livediff: internal error: ${sanitizeInline(message)} (please report it; LIVEDIFF_DEBUG=1 shows details)\n`);
  }
  if (env.LIVEDIFF_DEBUG && error instanceof Error && error.stack) stderr(`${error.stack}\n`);
  return EXIT_TROUBLE;
}
