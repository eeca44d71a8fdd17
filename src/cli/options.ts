// Options shared by the commands that print a report (diff now; log, check and git later).
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import type { DiffCapturesOptions } from '../classify/report.js';
import type { ParseCaptureOptions } from '../parse/index.js';
import { FORMAT_NAMES, loadFormats, needsFormats } from '../parse/index.js';
import { DEFAULT_ONLY, ONLY_VALUES, type OnlyValue } from '../render/select.js';

/** The parsed arguments of a command whose options `builder` declares. */
export type ArgsOf<B extends (y: Argv) => unknown> = ArgumentsCamelCase<ReturnType<B> extends Argv<infer T> ? T : never>;

/** A command for main.ts: `run` returns the exit code, which goes to `setExit`. */
export function commandModule<A>(
  spec: { command: string | string[]; describe: string; builder: (y: Argv) => unknown; run: (args: A) => Promise<number> },
  setExit: (code: number) => void,
): CommandModule<object, A> {
  return {
    command: spec.command,
    describe: spec.describe,
    // yargs' types cannot say that this builder makes exactly the arguments `run` takes (A, camel-cased).
    builder: spec.builder as unknown as CommandModule<object, A>['builder'],
    handler: async (args) => setExit(await spec.run(args as A)),
  };
}

export const FORMATS = ['terminal', 'json', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function withReportOptions<T>(y: Argv<T>) {
  return withInputOptions(y)
    .option('format', {
      alias: 'f',
      choices: FORMATS,
      default: 'terminal' as Format,
      describe: 'Output format',
    })
    .option('only', {
      type: 'string',
      describe: `Report only these, comma-separated (all, ${ONLY_VALUES.join(', ')}; all: every change); they alone set the exit code [check's default: added,dropped,edited]`,
    })
    .option('color', {
      type: 'boolean',
      describe: 'Force colour on (--color) or off (--no-color); default: on for a terminal unless NO_COLOR is set',
    })
    .option('brief', { type: 'boolean', default: false, describe: 'Terminal format: one heading per post, no text' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing; only the exit code tells' })
    .option('force', { type: 'boolean', default: false, describe: 'Compare captures even when they look like different pages' })
    .option('match-threshold', {
      type: 'number',
      describe: 'Similarity (0-1) from which two otherwise unmatched posts count as one post edited [default: 0.5]',
    })
    .option('rewrite-threshold', {
      type: 'number',
      describe: 'Share of changed words (0-1) above which a paragraph is shown rewritten, not word by word [default: 0.6]',
    });
}

/** How captures are read: the format, and where an HTML page or a JSON feed keeps the post fields. */
export function withInputOptions<T>(y: Argv<T>) {
  return y
    .option('input-format', {
      choices: FORMAT_NAMES,
      describe: 'Read captures in this format instead of detecting it (docs/input-formats.md)',
    })
    .option('items', {
      type: 'string',
      describe: 'Where the posts are: a CSS selector (html) or a dot path to the array of posts (feed)',
    })
    .option('id', { type: 'string', describe: "A post's id: an attribute or selector@attribute (html), a dot path (feed)" })
    .option('time', { type: 'string', describe: "A post's time: a CSS selector (html) or a dot path (feed)" })
    .option('headline', { type: 'string', describe: "A post's headline: a CSS selector (html) or a dot path (feed)" })
    .option('body', { type: 'string', describe: "A post's text: a CSS selector (html) or a dot path (feed)" });
}

interface CaptureArgs {
  inputFormat?: string;
  items?: string;
  id?: string;
  time?: string;
  headline?: string;
  body?: string;
}

/** What parseCapture needs from the command line: the forced format and where the fields are. */
export function captureOptions(args: CaptureArgs): Pick<ParseCaptureOptions, 'format' | 'fields'> {
  const fields = { post: args.items, id: args.id, time: args.time, headline: args.headline, body: args.body };
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { format: args.inputFormat, fields: Object.keys(given).length > 0 ? given : undefined };
}

/**
 * Load the html, jsonld and feed adapters when one of the inputs (or --input-format) needs them: a run on
 * text captures never loads the HTML parser (start-up time is what cron pays on every run).
 */
export async function prepareFormats(inputs: readonly Uint8Array[], format: string | undefined): Promise<void> {
  if (inputs.some((bytes) => needsFormats(bytes, format))) await loadFormats();
}

/** Parse `--only a,b` into checked values. */
export function parseOnly(value: string | undefined): OnlyValue[] | undefined {
  if (value === undefined) return undefined;
  const values = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const v of values) {
    if (v !== 'all' && !(ONLY_VALUES as readonly string[]).includes(v)) {
      throw new UsageError(`--only takes all, ${ONLY_VALUES.join(', ')}; found '${v}'`);
    }
  }
  if (values.length === 0) throw new UsageError('--only needs at least one value');
  // `all`: every change (everything but unchanged posts), what diff and log show by default.
  return [...new Set(values.flatMap((v) => (v === 'all' ? DEFAULT_ONLY : [v as OnlyValue])))];
}

export function checkRatio(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!(value >= 0 && value <= 1)) throw new UsageError(`--${name} takes a number from 0 to 1; found ${value}`);
  return value;
}

interface CompareArgs {
  force?: boolean;
  matchThreshold?: number;
  rewriteThreshold?: number;
}

/** How two captures are compared, from the command line: --force and the checked thresholds. */
export function compareOptions(args: CompareArgs): DiffCapturesOptions {
  return {
    force: args.force,
    minSimilarity: checkRatio('match-threshold', args.matchThreshold),
    rewriteThreshold: checkRatio('rewrite-threshold', args.rewriteThreshold),
  };
}

/** Colour when forced, else when stdout is a terminal and NO_COLOR is unset (https://no-color.org). */
export function useColor(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}
