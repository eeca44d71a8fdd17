// Typed errors of the library. The library throws them and never exits; src/cli/exit.ts maps them to exit codes.

/** Base class: `message` is one line a user can act on. */
export class LivediffError extends Error {
  override name = 'LivediffError';
}

/** The command line itself is wrong (unknown option, missing argument). */
export class UsageError extends LivediffError {
  override name = 'UsageError';
}

/** An input is not what livediff reads: says which file, where, what was expected and what was found. */
export class InputError extends LivediffError {
  override name = 'InputError';
  constructor(
    readonly file: string,
    readonly expected: string,
    readonly found: string,
    readonly line: number | null = null,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: expected ${expected}, found ${found}`);
  }
}

/** Untrusted text (a page title) for a one-line message: quoted, at most `max` characters, cut with `…`. */
export function excerpt(text: string | null, max = 80): string {
  if (text === null) return 'null';
  const chars = [...text];
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text);
}

/** The two captures do not look like the same page (no shared post, different titles). */
export class DifferentPagesError extends LivediffError {
  override name = 'DifferentPagesError';
  constructor(
    readonly oldTitle: string | null,
    readonly newTitle: string | null,
    /** The two captures' sources (file names), which the message names first when given. */
    sources?: readonly [string, string],
  ) {
    super(
      `${sources ? `${sources[0]} and ${sources[1]}` : 'the captures'} look like different pages ` +
        `(titles ${excerpt(oldTitle)} and ${excerpt(newTitle)}, no post in common); use --force to compare them anyway`,
    );
  }
}
