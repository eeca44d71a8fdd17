// The livediff command line: yargs with its commands listed explicitly, exit codes mapped in one place.
import yargs from 'yargs';
import { UsageError } from '../errors.js';
import { captureCommand } from './capture-command.js';
import { checkCommand } from './check-command.js';
import { diffCommand } from './diff-command.js';
import { diffDriverCommand } from './diff-driver.js';
import { gitCommand } from './git-command.js';
import { logCommand } from './log-command.js';
import { watchCommand } from './watch-command.js';
import { reportError } from './exit.js';
import { STDIN_ARG } from './io.js';

const EPILOGUE = `Exit status: 0 nothing to report, 1 changes reported, 2 trouble (as diff(1)).

Examples:
  livediff old.txt new.txt                       the changes, post by post
  livediff old.txt new.txt --format json         the versioned JSON report (docs/json.md)
  livediff old.txt new.txt --only added,dropped  only new and deleted posts
  curl -s URL | livediff last.txt -              compare with standard input`;

export async function main(argv: string[]): Promise<number> {
  // --help and --version print and run no command: they leave the exit code at 0.
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const parser = yargs(argv.map((a) => (a === '-' ? STDIN_ARG : a)))
    .scriptName('livediff')
    .usage('Usage: livediff [diff] OLD NEW [options]\n\nCompare two captures of a live-blog page post by post.')
    .command(diffCommand(setExit))
    .command(logCommand(setExit))
    .command(checkCommand(setExit))
    .command(captureCommand(setExit))
    .command(watchCommand(setExit))
    .command(gitCommand(setExit))
    .command(diffDriverCommand(setExit))
    // File names and revisions stay strings: `livediff 007 008`, `livediff git -- 2024`.
    .parserConfiguration({ 'parse-positional-numbers': false })
    .strict()
    .help()
    .alias('h', 'help')
    .version(typeof LIVEDIFF_VERSION === 'string' ? LIVEDIFF_VERSION : 'dev')
    .alias('V', 'version')
    .epilogue(EPILOGUE)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error, (s) => process.stderr.write(s));
  }
  return exitCode;
}

/** Run the CLI as the executable does (dist/livediff.cjs calls this): exit code in process.exitCode. */
export function run(argv: string[]): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe (`livediff … | head`) is the reader's choice, not trouble.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}
