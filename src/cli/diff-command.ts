// `livediff [diff] OLD NEW`: compare two captures and print the report.
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { diffCaptures } from '../classify/report.js';
import { parseCapture } from '../parse/index.js';
import { DEFAULT_ONLY, hasChanges } from '../render/select.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderTerminal } from '../render/terminal.js';
import { EXIT_CHANGED, EXIT_SAME } from './exit.js';
import { isStdin, readInput } from './io.js';
import { captureOptions, checkRatio, parseOnly, prepareFormats, useColor, withReportOptions } from './options.js';

function builder(y: Argv) {
  return withReportOptions(
    y
      .positional('old', { type: 'string', describe: 'The older capture (- for standard input)', demandOption: true })
      .positional('new', { type: 'string', describe: 'The newer capture (- for standard input)', demandOption: true }),
  );
}

type Args = ArgumentsCamelCase<ReturnType<typeof builder> extends Argv<infer T> ? T : never>;

export async function runDiff(args: Args): Promise<number> {
  if (isStdin(args.old!) && isStdin(args.new!)) throw new UsageError('only one of OLD and NEW can be - (standard input)');
  const only = parseOnly(args.only);
  const parseOptions = captureOptions(args);
  // One file at a time: its bytes can be freed once parsed (a large page's bytes are a third of the peak).
  const read = async (file: string) => {
    const input = readInput(file);
    await prepareFormats([input], args.inputFormat);
    return parseCapture(input, { ...parseOptions, source: isStdin(file) ? '(stdin)' : file });
  };
  const old = await read(args.old!);
  const neu = await read(args.new!);
  const report = diffCaptures(old, neu, {
    force: args.force,
    minSimilarity: checkRatio('match-threshold', args.matchThreshold),
    rewriteThreshold: checkRatio('rewrite-threshold', args.rewriteThreshold),
  });
  const changed = hasChanges(report, only ?? DEFAULT_ONLY);
  if (!args.quiet) {
    const output =
      args.format === 'json'
        ? renderJson(report, { only })
        : args.format === 'markdown'
          ? renderMarkdown(report, { only })
          : renderTerminal(report, {
              color: useColor(args.color, process.stdout.isTTY === true, process.env),
              only,
              brief: args.brief,
            });
    process.stdout.write(output);
  }
  return changed ? EXIT_CHANGED : EXIT_SAME;
}

export function diffCommand(setExit: (code: number) => void): CommandModule<object, Args> {
  return {
    command: ['diff <old> <new>', '$0 <old> <new>'],
    describe: 'Compare two captures of a live page, post by post',
    builder: builder as unknown as CommandModule<object, Args>['builder'],
    handler: async (args) => setExit(await runDiff(args)),
  };
}
