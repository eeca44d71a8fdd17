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

/** The two captures do not look like the same page (no shared post, different titles). */
export class DifferentPagesError extends LivediffError {
  override name = 'DifferentPagesError';
  constructor(
    readonly oldTitle: string | null,
    readonly newTitle: string | null,
  ) {
    super(
      `the captures look like different pages (titles ${JSON.stringify(oldTitle)} and ${JSON.stringify(newTitle)}, ` +
        'no post in common); use --force to compare them anyway',
    );
  }
}
