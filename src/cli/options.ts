// Options shared by the commands that print a report (diff now; log, check and git later).
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import type { DiffCapturesOptions } from '../classify/report.js';
import type { PageOrder } from '../model.js';
import type { ParseCaptureOptions } from '../parse/index.js';
import { FORMAT_NAMES, loadFormats, needsFormats } from '../parse/index.js';
import { CHECK_DEFAULT_ONLY, ONLY_ALL, ONLY_WORDS } from '../render/select.js';
import type { InputFields } from '../watch/config.js';
import { COLOR_OPTION } from './color.js';
import { PAGER_OPTION } from './pager.js';

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

export const PAGE_ORDERS = ['newest-first', 'oldest-first', 'unordered'] as const satisfies readonly PageOrder[];

/** `--format`: the formats of the registry of the document the command prints (render/renderers.ts). */
export function formatOption<F extends string>(formats: readonly F[]) {
  return { alias: 'f', choices: formats, default: 'terminal' as F, describe: 'Output format' } as const;
}

/** Terminal layout options, shared by diff and git: width to wrap at, --stat, the zone times are shown in. */
export function withLayoutOptions<T>(y: Argv<T>) {
  return y
    .option('width', {
      type: 'string',
      requiresArg: true,
      describe: 'Wrap terminal output at this many columns [default: the terminal\'s width; no wrapping when not a terminal]',
      coerce: (v: string) => checkWidth(v),
    })
    .option('tz', {
      type: 'string',
      requiresArg: true,
      describe: "Show ISO times of JSON-LD and feed captures in this zone (e.g. UTC, Europe/Paris) [default: the local zone]",
      coerce: (v: string) => checkZone(v),
    });
}

/** The options of a command that prints reports; `formats` are its document kind's registry's keys. */
export function withReportOptions<T, F extends string>(y: Argv<T>, formats: readonly F[]) {
  // Output options first: they are what a reader of --help looks for; the HTML/feed selectors last.
  const report = withLayoutOptions(
    y
      .option('format', formatOption(formats))
      .option('only', {
        type: 'string',
        describe: `Report only these, comma-separated (${ONLY_WORDS.join(', ')}; ${ONLY_ALL}: every change but unchanged posts); they alone set the exit code [check's default: ${CHECK_DEFAULT_ONLY.join(',')}]`,
      })
      .option('color', COLOR_OPTION)
      .option('brief', { type: 'boolean', default: false, describe: 'Terminal format: one heading per post, no text' })
      .option('stat', { type: 'boolean', default: false, describe: 'Terminal format: one line per post with the words added and removed, as git diff --stat' }),
  )
    .option('pager', PAGER_OPTION)
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing; only the exit code tells' })
    .option('force', { type: 'boolean', default: false, describe: 'Compare captures even when they look like different pages' })
    .option('match-threshold', ratioOption('match-threshold', 'Similarity (0-1) from which two otherwise unmatched posts count as one post edited [default: 0.5]'))
    .option('rewrite-threshold', ratioOption('rewrite-threshold', 'Share of changed words (0-1) above which a paragraph is shown rewritten, not word by word [default: 0.6]'))
    // Page order and evidence (align/order.ts, render/evidence.ts).
    .option('page-order', { choices: PAGE_ORDERS, describe: 'The order both captures list posts in [default: detected from their times]' })
    .option('explain', { type: 'boolean', default: false, describe: 'Terminal, Markdown and HTML: say under each post why it got its status' })
    .check((args) => {
      // --brief and --stat shape the terminal report; saying nothing when they are ignored would mislead.
      for (const name of ['brief', 'stat'] as const) {
        if (args[name] && args.format !== 'terminal') throw new UsageError(`--${name} works with --format terminal only, not ${args.format}`);
      }
      return true;
    });
  return withInputOptions(report);
}

/** `--width N`: a column count a line can hold (at least 20, below which wrapping helps nobody). */
export function checkWidth(value: string | number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 20) throw new UsageError(`--width: expected a whole number of columns from 20, found '${value}'`);
  return n;
}

/** `--tz ZONE`: an IANA zone name Intl knows (UTC, Europe/Paris), checked once here. */
export function checkZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
  } catch {
    throw new UsageError(`--tz: expected a time zone such as UTC or Europe/Paris, found '${value}'`);
  }
  return value;
}

/**
 * The width the terminal renderer wraps at: --width, else the terminal's `columns` (undefined when standard
 * output is no terminal), else none (a pipe or a file).
 */
export function outputWidth(flag: number | undefined, columns: number | undefined): number | undefined {
  return flag ?? (columns || undefined);
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

/** What parseCapture needs from the command line: the forced format and where the fields are. */
export function captureOptions(args: InputFields): Pick<ParseCaptureOptions, 'format' | 'fields'> {
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

export function checkRatio(name: string, value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : String(value).trim() === '' ? NaN : Number(value);
  if (!(n >= 0 && n <= 1)) throw new UsageError(`--${name}: expected a number from 0 to 1, found '${value}'`);
  return n;
}

/**
 * A 0-1 option read as a string and checked here: yargs' own `number` type turns `abc` into NaN and
 * the message could only say `found NaN`.
 */
export function ratioOption(name: string, describe: string) {
  return { type: 'string', describe, requiresArg: true, coerce: (v: string) => checkRatio(name, v) } as const;
}

interface CompareArgs {
  pageOrder?: PageOrder;
  force?: boolean;
  matchThreshold?: number;
  rewriteThreshold?: number;
}

/** How two captures are compared, from the command line: --force and the checked thresholds. */
export function compareOptions(args: CompareArgs): DiffCapturesOptions {
  return {
    force: args.force,
    pageOrder: args.pageOrder,
    minSimilarity: checkRatio('match-threshold', args.matchThreshold),
    rewriteThreshold: checkRatio('rewrite-threshold', args.rewriteThreshold),
  };
}

export { useColor } from './color.js';
