// The livediff command line: yargs with its commands listed explicitly (loaded only when the line is more
// than `livediff OLD NEW`), exit codes mapped in one place.
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { captureCommand } from './capture-command.js';
import { checkCommand } from './check-command.js';
import { diffCommand, plainDiffArgs, runDiff } from './diff-command.js';
import { diffDriverCommand } from './diff-driver.js';
import { gitCommand } from './git-command.js';
import { logCommand } from './log-command.js';
import { watchCommand } from './watch-command.js';
import { reportError } from './exit.js';
import { STDIN_ARG } from './io.js';
import { pagerCommand, pageStdout } from './pager.js';
import { stdoutIsTerminal, writeStdout } from './stdout.js';
import { commandOf, mistypedCommand, rewordYargsError } from './yargs-errors.js';

/** Command names, for "did you mean" and for knowing which command a failed command line was for. */
export const COMMANDS = ['diff', 'log', 'check', 'capture', 'watch', 'git', 'git-diff-driver', 'completion'];
const SHELLS = ['bash', 'zsh', 'fish'];
const COMPLETION_HELP = `livediff completion [bash|zsh|fish]

Print a shell completion script, for the shell named or else for $SHELL. For example:
  livediff completion bash >> ~/.bashrc
  livediff completion zsh >> ~/.zshrc
  livediff completion fish > ~/.config/fish/completions/livediff.fish
`;
/** Commands whose output is read by a person at a terminal, and so goes through the pager. */
const PAGED = new Set(['diff', 'log', 'git']);

/** `--color` alone means always, as in git; without this yargs would take the next file name as its value. */
const normalise = (a: string) => (a === '-' ? STDIN_ARG : a === '--color' ? '--color=always' : a);

const EPILOGUE = `Exit status: 0 nothing to report, 1 changes reported, 2 trouble (as diff(1)).

Examples:
  livediff old.txt new.txt                       the changes, post by post
  livediff old.txt new.txt --format json         the versioned JSON report (docs/json.md)
  livediff old.txt new.txt --only added,dropped  only new and deleted posts
  curl -s URL | livediff last.txt -              compare with standard input`;

/** Every command, for yargs: each one's handler hands its exit code to `setExit`. */
export function commandModules(setExit: (code: number) => void): CommandModule<object, never>[] {
  return [
    diffCommand(setExit),
    logCommand(setExit),
    checkCommand(setExit),
    captureCommand(setExit),
    watchCommand(setExit),
    gitCommand(setExit),
    diffDriverCommand(setExit),
  ] as CommandModule<object, never>[];
}

/**
 * The command line as yargs reads it, with `commands`; `startPager` runs once the arguments are checked.
 * yargs is loaded here, on demand: `livediff OLD NEW` alone never loads it (see main).
 */
export async function commandLine(
  argv: readonly string[],
  commands: readonly CommandModule<object, never>[],
  hooks: { command: string; startPager: (enabled: boolean) => void },
): Promise<Argv> {
  const { default: yargs } = await import('yargs');
  let parser = yargs(argv.map(normalise))
    .scriptName('livediff')
    .usage('Usage: livediff [diff] OLD NEW [options]\n\nCompare two captures of a live-blog page post by post.');
  for (const command of commands) parser = parser.command(command);
  skipHelpCache(parser);
  return (
    parser
      // Completion from the same option definitions as --help: yargs answers the script's queries itself.
      .completion('completion', 'Print a shell completion script: livediff completion bash|zsh|fish (default: $SHELL)')
      // File names and revisions stay strings: `livediff 007 008`, `livediff git -- 2024`.
      .parserConfiguration({ 'parse-positional-numbers': false })
      // Arguments are checked by now: the pager starts lazily, on the first line printed.
      .middleware((args) => hooks.startPager(args.pager !== false))
      .strict()
      .help()
      .alias('h', 'help')
      .version(typeof LIVEDIFF_VERSION === 'string' ? LIVEDIFF_VERSION : 'dev')
      .alias('V', 'version')
      .epilogue(EPILOGUE)
      .wrap(Math.min(110, (stdoutIsTerminal() && process.stdout.columns) || 100))
      .fail((message, error) => {
        // yargs wraps what a coerce function throws in its own YError: unwrap it to one clean line.
        if (error && error.name !== 'YError') throw error;
        throw new UsageError(rewordYargsError(error?.message ?? message, hooks.command, argv));
      })
  );
}

/** yargs' usage object, reached through its internal methods (see skipHelpCache). */
interface WithUsage {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/**
 * yargs formats the whole help text each time it runs a named command's handler (`log`, `check`, `git`
 * …), in case the handler shows help once yargs has moved on (its command.js, `cacheHelpMessage`). No
 * livediff handler does, and failures go through `.fail` without help, so the text is never read; making
 * it (cliui, string-width) was about 40 ms of every such run (a third of `livediff check`). Angular's CLI
 * skips it the same way. `--help` still prints: yargs formats it when asked.
 */
function skipHelpCache(parser: Argv): void {
  const usage = (parser as unknown as WithUsage).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

/**
 * `livediff OLD NEW` and nothing else, the line a cron job runs: two operands, no option, and the first
 * not a command's name. Loading yargs and parsing with it was about 7% of such a run.
 */
export function isPlainDiff(argv: readonly string[]): argv is [string, string] {
  return argv.length === 2 && argv.every((a) => !a.startsWith('-')) && !COMMANDS.includes(argv[0]!);
}

export async function main(argv: string[]): Promise<number> {
  // --help and --version print and run no command: they leave the exit code at 0.
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  // `livediff completion bash|zsh|fish`: yargs picks the script by $SHELL, so name the shell asked for.
  // yargs would print the script for $SHELL whatever followed (`completion tcsh`, `completion --help`).
  if (argv[0] === 'completion' && argv.length > 1) {
    const asked = argv.slice(1);
    if (asked.some((a) => a === '--help' || a === '-h')) {
      writeStdout(COMPLETION_HELP);
      return 0;
    }
    if (asked.length > 1 || !SHELLS.includes(asked[0]!)) {
      const found = asked.length > 1 ? `'${asked.join(' ')}'` : `'${asked[0]}'`;
      const expected = `expected one shell for completion (bash, zsh or fish; none: $SHELL's), found ${found}; see livediff completion --help`;
      return reportError(new UsageError(expected), (s) => process.stderr.write(s));
    }
    process.env.SHELL = `/bin/${asked[0]}`;
    argv = ['completion'];
  }
  const typo = mistypedCommand(argv, COMMANDS);
  if (typo !== null) {
    return reportError(new UsageError(`'${argv[0]}' is neither a command nor a file; did you mean '${typo}'?`), (s) => process.stderr.write(s));
  }
  const command = commandOf(argv, COMMANDS);
  let closePager: (() => Promise<void>) | null = null;
  const startPager = (enabled: boolean) => {
    const pager = PAGED.has(command) ? pagerCommand({ enabled, isTTY: stdoutIsTerminal(), env: process.env }) : null;
    // Once: yargs may run global middleware again for the command it picked.
    if (pager !== null && closePager === null) closePager = pageStdout(pager, process.env);
  };
  try {
    if (isPlainDiff(argv)) {
      // The arguments yargs would give (test/cli/plain.test.ts holds them equal).
      const args = plainDiffArgs(argv[0], argv[1]);
      startPager(args.pager);
      setExit(await runDiff(args));
    } else {
      await (await commandLine(argv, commandModules(setExit), { command, startPager })).parseAsync();
    }
  } catch (error) {
    return reportError(error, (s) => process.stderr.write(s));
  } finally {
    await (closePager as (() => Promise<void>) | null)?.();
  }
  return exitCode;
}

/** Run the CLI as the executable does (dist/livediff.cjs calls this): exit code in process.exitCode. */
export function run(argv: string[]): void {
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}
