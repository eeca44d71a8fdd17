// `livediff git-diff-driver`: git's external diff (diff.livediff.command) for capture files. git runs it
// with seven arguments (path old-file old-hex old-mode new-file new-hex new-mode; old-file is /dev/null
// for an added file), nine for a rename or copy (then new-path and git's message, `rename from …`), and
// stops with "external diff died" at any exit code but 0: so it always exits 0, and shows git's own line
// diff when a version is not a capture.
import type { Argv, CommandModule } from 'yargs';
import { LivediffError } from '../errors.js';
import { compareVersions, sourceName, type FileComparison } from '../git/compare.js';
import { renderFileTerminal } from '../git/render.js';
import type { Side } from '../git/revisions.js';
import type { Capture } from '../model.js';
import { parseCapture } from '../parse/index.js';
import { sanitizeInline, sanitizeLines } from '../render/sanitize.js';
import { parseOnly } from '../render/select.js';
import { COLOR_OPTION } from './color.js';
import { EXIT_SAME } from './exit.js';
import { readInput } from './io.js';
import { type ArgsOf, commandModule, compareOptions, prepareFormats, useColor } from './options.js';
import { childProcess } from '../builtins.js';
import { stdoutIsTerminal, writeStdout } from './stdout.js';

function builder(y: Argv) {
  return y
    .positional('path', { type: 'string', describe: 'The path in the repository', demandOption: true })
    .positional('args', { type: 'string', array: true, describe: 'old-file old-hex old-mode new-file new-hex new-mode [new-path message], as git passes them' })
    .option('only', { type: 'string', describe: 'Report only these statuses, comma-separated (as for diff)' })
    .option('brief', { type: 'boolean', default: false, describe: 'One heading per post, no text' })
    .option('color', COLOR_OPTION)
    .option('force', { type: 'boolean', default: false, describe: 'Compare versions even when they look like different pages' })
    .option('match-threshold', { type: 'number', describe: 'As for diff' })
    .option('rewrite-threshold', { type: 'number', describe: 'As for diff' });
}

type Args = ArgsOf<typeof builder>;

const ABSENT = '/dev/null';

/** One side as git describes it: a blob id (all zeros for a file read from the working tree, `.` for none). */
function side(hex: string): Side {
  if (/^0+$/.test(hex)) return { kind: 'worktree', name: '(working tree)' };
  // A blob, not a commit: named by its short id as reports name commits.
  return { kind: 'commit', name: hex, oid: hex, short: hex.slice(0, 7) };
}

async function read(file: string, source: string): Promise<Capture | null> {
  if (file === ABSENT) return null;
  const bytes = readInput(file);
  await prepareFormats([bytes], undefined);
  return parseCapture(bytes, { source });
}

/**
 * git's own line diff of the two files, for versions livediff cannot read. The files' text is as untrusted
 * as any capture's: git is asked for it without colour, every line is sanitised (escapes, OSC 52 clipboard
 * writes, bidi overrides shown, not acted on), the header names the repository path rather than git's
 * temporary blob files, and colour is added back here.
 */
function plainDiff(path: string, newPath: string, oldFile: string, newFile: string, color: boolean): void {
  const r = childProcess().spawnSync('git', ['diff', '--no-index', '--no-ext-diff', '--no-color', '--', oldFile, newFile], {
    stdio: ['ignore', 'pipe', 'ignore'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.stdout) writeStdout(lineDiff(r.stdout, path, newPath, oldFile === ABSENT, newFile === ABSENT, color));
}

const paint = (on: boolean, code: string, line: string) => (on ? `\u001b[${code}m${line}\u001b[m` : line);

/** git's unified diff with its header naming `path` (and `newPath`, new after a rename), each line sanitised, coloured as git colours it. */
export function lineDiff(diff: string, path: string, newPath: string, added: boolean, deleted: boolean, color: boolean): string {
  const shown = sanitizeInline(path);
  const shownNew = sanitizeInline(newPath);
  const lines = diff.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let header = true;
  return lines
    .map((raw) => {
      if (header && raw.startsWith('@@')) header = false;
      if (header) {
        if (raw.startsWith('diff --git ')) return paint(color, '1', `diff --git a/${shown} b/${shownNew}`);
        if (raw.startsWith('--- ')) return paint(color, '1', added ? '--- /dev/null' : `--- a/${shown}`);
        if (raw.startsWith('+++ ')) return paint(color, '1', deleted ? '+++ /dev/null' : `+++ b/${shownNew}`);
        if (raw.startsWith('Binary files ')) return `Binary files ${added ? '/dev/null' : `a/${shown}`} and ${deleted ? '/dev/null' : `b/${shownNew}`} differ`;
        return paint(color, '1', sanitizeLines(raw));
      }
      const line = sanitizeLines(raw);
      if (raw.startsWith('@@')) return paint(color, '36', line);
      if (raw.startsWith('-')) return paint(color, '31', line);
      if (raw.startsWith('+')) return paint(color, '32', line);
      return line;
    })
    .map((l) => `${l}\n`)
    .join('');
}

export async function runDiffDriver(args: Args): Promise<number> {
  const [oldFile, oldHex, , newFile, newHex, , otherPath, message] = args.args ?? [];
  const path = args.path!;
  // A rename or copy: git adds the new path (and `rename from …` or `copy from …`); `path` is the old one.
  const newPath = otherPath ?? path;
  const renamed = newPath !== path && !/^copy from /m.test(message ?? '');
  const color = useColor(args.color, stdoutIsTerminal() || process.env.GIT_PAGER_IN_USE === 'true', process.env);
  if (oldFile === undefined || oldHex === undefined || newFile === undefined || newHex === undefined) {
    // git passes the path alone for an unmerged file.
    writeStdout(`* Unmerged path ${sanitizeInline(path)}\n`);
    return EXIT_SAME;
  }
  const from = side(oldHex);
  const to = side(newHex);
  try {
    const old = await read(oldFile, sourceName(path, from));
    const neu = await read(newFile, sourceName(newPath, to));
    let file: FileComparison;
    // Versions of different pages (a rollover) are a page change, said in one line as check says it.
    const compared = renamed ? { path: newPath, status: 'renamed' as const, oldPath: path } : { path: newPath, status: 'modified' as const };
    if (old && neu) file = compareVersions(compared, old, neu, compareOptions(args));
    else file = { path, status: neu ? 'added' : 'deleted', report: null, capture: neu ?? old };
    writeStdout(renderFileTerminal(file, from, to, { color, only: parseOnly(args.only), brief: args.brief }));
  } catch (error) {
    // Whatever went wrong, git must get a diff and exit code 0, or it stops the whole `git diff`.
    const message = error instanceof LivediffError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    writeStdout(`livediff: ${sanitizeInline(message)}; git's line diff follows\n`);
    plainDiff(path, newPath, oldFile, newFile, color);
  }
  return EXIT_SAME;
}

export function diffDriverCommand(setExit: (code: number) => void): CommandModule<object, Args> {
  return commandModule(
    {
      command: 'git-diff-driver <path> [args..]',
      describe: "git's external diff for captures (see README: Git diff driver)",
      builder,
      run: runDiffDriver,
    },
    setExit,
  );
}
