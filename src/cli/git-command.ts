// `livediff git [REV_A [REV_B]] [-- PATHS]`: every capture that changed between two revisions, diffed.
import type { Argv, CommandModule } from 'yargs';
import { compareSides } from '../git/compare.js';
import { GIT_RENDERERS } from '../git/render.js';
import { resolveRange } from '../git/revisions.js';
import { gitHasChanges } from '../git/summary.js';
import { formatsOf } from '../render/registry.js';
import { sanitizeInline } from '../render/sanitize.js';
import { DEFAULT_ONLY, parseOnly } from '../render/select.js';
import { EXIT_CHANGED, EXIT_SAME, EXIT_TROUBLE } from './exit.js';
import { inputLimit } from './io.js';
import { loadFormats } from '../parse/index.js';
import { type ArgsOf, captureOptions, commandModule, compareOptions, withReportOptions } from './options.js';
import { renderContext } from './output.js';
import { writeStdout } from './stdout.js';

function builder(y: Argv) {
  return withReportOptions(
    y
      .positional('revs', { type: 'string', array: true, describe: 'REV_A [REV_B], or REV_A..REV_B (default: HEAD~1 HEAD); limit to paths given after --' })
      .option('worktree', { type: 'boolean', default: false, describe: 'Compare REV_A (default HEAD) with the files on disk, not yet committed' })
      .example('livediff git', 'what the last commit changed in every capture')
      .example('livediff git HEAD~10 -- snapshots/', 'the last ten commits at once, only under snapshots/')
      .example('livediff git --worktree --format json', 'what is about to be committed, as livediff.git/4 JSON'),
    formatsOf(GIT_RENDERERS),
  );
}

type Args = ArgsOf<typeof builder>;

export async function runGitDiff(args: Args, cwd = process.cwd()): Promise<number> {
  const only = parseOnly(args.only);
  // Paths come after `--`: yargs leaves them after the command's name in `_`.
  const pathspecs = args._.slice(1).map(String);
  const { from, to } = await resolveRange(args.revs ?? [], cwd, args.worktree);
  // Changed files may be in any format: the adapters beyond text are loaded unless text is forced.
  if (args.inputFormat !== 'text') await loadFormats();
  const comparison = await compareSides(from, to, {
    cwd,
    pathspecs,
    // Blobs are held to the heap-bound limit of files (cli/io.ts inputLimit).
    parse: { ...captureOptions(args), maxBytes: inputLimit().bytes },
    diff: compareOptions(args),
  });
  if (!args.quiet) writeStdout(GIT_RENDERERS[args.format](comparison, renderContext(args, only)));
  // As diff -r: what could be compared is reported; a file that could not be is trouble, said on stderr.
  for (const p of comparison.problems) process.stderr.write(`livediff: ${sanitizeInline(p.message)}\n`);
  if (comparison.problems.length > 0) return EXIT_TROUBLE;
  return gitHasChanges(comparison, only ?? DEFAULT_ONLY) ? EXIT_CHANGED : EXIT_SAME;
}

export function gitCommand(setExit: (code: number) => void): CommandModule<object, Args> {
  return commandModule(
    {
      command: 'git [revs..]',
      describe: 'Compare the captures that changed between two commits (default: the last commit)',
      builder,
      run: runGitDiff,
    },
    setExit,
  );
}
