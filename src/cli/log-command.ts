// `livediff log INPUTS…`: the life of every post across many captures. A series that changes page (a
// rollover) is shown page by page; files that are not captures are left out with one warning each.
import type { Argv, CommandModule } from 'yargs';
import { InputError, UsageError } from '../errors.js';
import { buildHistory } from '../history/build.js';
import { splitPages } from '../history/pages.js';
import type { History, PostHistory } from '../model.js';
import { latestHeadline } from '../render/log-terminal.js';
import { formatsOf } from '../render/registry.js';
import { LOG_RENDERERS } from '../render/renderers.js';
import { sanitizeInline } from '../render/sanitize.js';
import { COLOR_OPTION } from './color.js';
import { PAGER_OPTION } from './pager.js';
import { EXIT_SAME } from './exit.js';
import { expandInputs, readGitSeries, readSeries } from './inputs.js';
import { type ArgsOf, captureOptions, checkWidth, commandModule, formatOption, withInputOptions } from './options.js';
import { renderContext } from './output.js';
import { parseTimeArg } from './time-arg.js';
import { loadFormats } from '../parse/index.js';
import { progress } from './progress.js';
import { writeStdout } from './stdout.js';

function builder(y: Argv) {
  // Output options first, the HTML/feed selectors last (as for diff).
  const own = y
    // `[inputs..]` checked in runLog: yargs' `<inputs..>` made help say `[required] [default: []]`.
    .positional('inputs', { type: 'string', array: true, default: undefined, describe: 'A folder of captures, capture files, or quoted glob patterns' })
    .option('format', formatOption(formatsOf(LOG_RENDERERS)))
    .option('post', { type: 'string', describe: 'Show every version of one post: its number in the table, or text of its headline' })
    .option('since', { type: 'string', requiresArg: true, describe: 'Only captures taken at or after this time: 2026-11-22T10:00Z, a label as the table prints it, or 2.hours.ago (no zone: UTC)' })
    .option('until', { type: 'string', requiresArg: true, describe: 'Only captures taken at or before this time (as --since)' })
    .option('order', { choices: ['name', 'mtime'] as const, describe: 'Order captures by file name or modification time (default: the time in their names, else what they say)' })
    .option('color', COLOR_OPTION)
    .option('width', {
      type: 'string',
      requiresArg: true,
      describe: "Fit the table to this many columns [default: the terminal's width; none when not a terminal]",
      coerce: (v: string) => checkWidth(v),
    })
    .option('pager', PAGER_OPTION)
    .option('git', { type: 'boolean', default: false, describe: 'Read every committed version of one file from git (INPUTS is that file)' });
  return withInputOptions(own)
    .example('livediff log captures/', 'one line per post: first seen, last seen, versions, how it ended')
    .example("livediff log 'captures/2026-11-22*.txt' --post 12", 'every version of post 12, word by word')
    .example('livediff log captures/ --since 2.hours.ago --format json', 'the history as JSON (livediff.log/3)')
    .example('livediff log --git snapshots/page.txt', 'the history from every committed version of one file');
}

type Args = ArgsOf<typeof builder>;

function parseTime(name: string, value: string | undefined): number | null {
  return value === undefined ? null : parseTimeArg(name, value, Date.now());
}

/** The post `--post` names: its number, or the one whose headline (any version) contains the text. */
export function findPost(history: History, query: string): PostHistory {
  if (/^\d+$/.test(query)) {
    const post = history.posts[Number(query) - 1];
    if (!post) throw new UsageError(`--post ${query}: there are ${history.posts.length} posts`);
    return post;
  }
  const needle = query.toLowerCase();
  const matches = history.posts.filter((p) => p.versions.some((v) => v.post.headline.toLowerCase().includes(needle)));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new UsageError(`--post: no post has a headline containing '${sanitizeInline(query)}'`);
  const list = matches
    .slice(0, 5)
    .map((p) => `${p.id} (${sanitizeInline(latestHeadline(p)).slice(0, 40)})`)
    .join(', ');
  throw new UsageError(`--post '${sanitizeInline(query)}' matches ${matches.length} posts: ${list}; give a number`);
}

export async function runLog(args: Args): Promise<number> {
  // yargs gives [undefined] for an absent optional array positional declared without a default.
  args.inputs = (args.inputs ?? []).filter((i): i is string => typeof i === 'string');
  if (args.inputs.length === 0) throw new UsageError('expected one or more inputs (a folder, capture files or quoted glob patterns); see livediff log --help');
  const since = parseTime('since', args.since);
  const until = parseTime('until', args.until);
  const files = args.git ? [] : await expandInputs(args.inputs!);
  // One bar per stage, each counting captures: one bar over both stages counted 532/800 for 400 captures.
  const bar = progress('livediff log: reading');
  try {
    // Hundreds of captures cost far more than loading the HTML parser: load it without looking first.
    if (args.inputFormat !== 'text') await loadFormats();
    let skipped = 0;
    const series = args.git
      ? await readGitSeries(args.inputs!, { ...captureOptions(args), since, until, bar })
      : readSeries(files, {
          order: args.order,
          ...captureOptions(args),
          onProgress: (done, total) => bar.update(done, total),
          onSkip: (file, error) => {
            skipped++;
            process.stderr.write(`livediff: left out ${sanitizeInline(error.message)}\n`);
          },
        });
    if (series.versions.length === 0 && skipped > 0) throw new InputError(args.inputs!.join(' '), 'at least one readable capture', `${skipped} file(s), none a capture`);
    if (series.by === 'content') {
      process.stderr.write('livediff: no capture times in the file names; ordered by what the captures say (Updated time, newest post, then the order given)\n');
    }
    const versions = series.versions.filter((v) => {
      const t = v.time?.getTime();
      if (t === undefined) return since === null && until === null;
      return (since === null || t >= since) && (until === null || t <= until);
    });
    if (versions.length === 0) {
      const given = [since === null ? null : '--since', until === null ? null : '--until'].filter((o) => o !== null).join(' and ');
      throw new UsageError(`no capture in the range given by ${given}`);
    }
    bar.done();
    const comparing = progress('livediff log: comparing');
    let done = 0;
    const pages = splitPages(versions).map((page) => {
      const h = buildHistory(page, { onProgress: (d) => comparing.update(done + d, versions.length) });
      done += page.length;
      return h;
    });
    comparing.done();
    // --post looks in the newest page: the one a monitor follows.
    const post = args.post === undefined ? undefined : findPost(pages.at(-1)!, args.post);
    const output = LOG_RENDERERS[args.format]({ pages }, { ...renderContext(args, undefined), post, order: series.by });
    writeStdout(output);
  } finally {
    bar.done();
  }
  return EXIT_SAME;
}

export function logCommand(setExit: (code: number) => void): CommandModule<object, Args> {
  return commandModule(
    {
      command: 'log [inputs..]',
      describe: 'The life of every post across many captures: first seen, versions, how it ended',
      builder,
      run: runLog,
    },
    setExit,
  );
}
