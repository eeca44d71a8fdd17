// `livediff [diff] OLD NEW`: compare two captures and print the report.
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { diffCaptures } from '../classify/report.js';
import { createReader, type Reader } from '../parse/index.js';
import { formatsOf } from '../render/registry.js';
import { DIFF_RENDERERS } from '../render/renderers.js';
import { sanitizeInline } from '../render/sanitize.js';
import { DEFAULT_ONLY, hasChanges, parseOnly, showsNothing } from '../render/select.js';
import { cutOff } from './cut-off.js';
import { EXIT_CHANGED, EXIT_SAME } from './exit.js';
import { isStdin, readInput } from './io.js';
import { type ArgsOf, captureOptions, commandModule, compareOptions, prepareFormats, withReportOptions } from './options.js';
import { renderContext } from './output.js';
import { writeStdout } from './stdout.js';

function builder(y: Argv) {
  return withReportOptions(
    y
      .positional('old', { type: 'string', describe: 'The older capture (- for standard input)', demandOption: true })
      .positional('new', { type: 'string', describe: 'The newer capture (- for standard input)', demandOption: true }),
    formatsOf(DIFF_RENDERERS),
  );
}

type Args = ArgsOf<typeof builder>;

export async function runDiff(args: Args): Promise<number> {
  if (isStdin(args.old!) && isStdin(args.new!)) throw new UsageError('only one of OLD and NEW can be - (standard input)');
  const only = parseOnly(args.only);
  const parseOptions = captureOptions(args);
  // One file at a time: its bytes can be freed once parsed (a large page's bytes are a third of the peak).
  // One reader for both sides: the new side's unchanged posts are the old side's, not parsed again.
  let reader: Reader | null = createReader();
  const read = async (file: string) => {
    const input = readInput(file);
    await prepareFormats([input], args.inputFormat);
    return reader!.parse(input, { ...parseOptions, source: isStdin(file) ? '(stdin)' : file });
  };
  const old = await read(args.old!);
  const neu = await read(args.new!);
  // No third capture follows: what the reader keeps for one (the newer capture's raw bytes) can go.
  reader = null;
  // Both files are the user's to see: a newer capture that looks cut off is compared, with a warning, but
  // without what was cut. Kept, a cut post (a time line alone, or a headline cut short) showed a post below
  // the shared ones, and every old post below them read as dropped, not only the one it cut.
  const cut = cutOff(neu, old);
  if (cut !== null) process.stderr.write(`livediff: warning: ${sanitizeInline(neu.source)}: ${sanitizeInline(cut.reason)}; compared without what was cut\n`);
  const report = diffCaptures(old, cut === null ? neu : cut.whole, compareOptions(args));
  const changed = hasChanges(report, only ?? DEFAULT_ONLY);
  // Nothing selected changed: nothing printed, in every format but JSON (a document programs read).
  const silent = args.quiet || (args.format !== 'json' && showsNothing(report, only ?? DEFAULT_ONLY));
  if (!silent) writeStdout(DIFF_RENDERERS[args.format](report, renderContext(args, only)));
  return changed ? EXIT_CHANGED : EXIT_SAME;
}

/**
 * The arguments yargs gives this command for `livediff OLD NEW` and nothing else, which main.ts runs
 * without yargs. test/cli/plain.test.ts holds them equal to what yargs gives, so a new default fails it.
 */
export function plainDiffArgs(old: string, neu: string): Args {
  // The options left out are undefined, as yargs leaves them.
  const args: Partial<Args> = { _: [], $0: 'livediff', old, new: neu, format: 'terminal', f: 'terminal', brief: false, stat: false, pager: true, quiet: false, q: false, force: false, explain: false };
  return args as Args;
}

export function diffCommand(setExit: (code: number) => void): CommandModule<object, Args> {
  return commandModule(
    {
      command: ['diff <old> <new>', '$0 <old> <new>'],
      describe: 'Compare two captures of a live page, post by post',
      builder,
      run: runDiff,
    },
    setExit,
  );
}
