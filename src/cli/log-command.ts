// `livediff log INPUTS…`: the life of every post across many captures. A series that changes page (a
// rollover) is shown page by page; files that are not captures are left out with one warning each.
import type { Argv, CommandModule } from 'yargs';
import { InputError, UsageError } from '../errors.js';
import { buildHistory } from '../history/build.js';
import { splitPages } from '../history/pages.js';
import type { History, PostHistory } from '../model.js';
import { renderLogJson } from '../render/log-json.js';
import { sanitizeJson } from '../render/sanitize.js';
import { renderLogMarkdown } from '../render/log-markdown.js';
import { latestHeadline, renderLogTable, renderPostHistory } from '../render/log-terminal.js';
import { sanitizeInline } from '../render/sanitize.js';
import { escapeMarkdown } from '../render/markdown.js';
import { EXIT_SAME } from './exit.js';
import { expandInputs, readGitSeries, readSeries } from './inputs.js';
import { type ArgsOf, captureOptions, commandModule, FORMATS, useColor, withInputOptions } from './options.js';
import { loadFormats } from '../parse/index.js';
import { progress } from './progress.js';

function builder(y: Argv) {
  return withInputOptions(y)
    .positional('inputs', { type: 'string', array: true, describe: 'A folder of captures, capture files, or quoted glob patterns', demandOption: true })
    .option('format', { alias: 'f', choices: FORMATS, default: 'terminal' as const, describe: 'Output format' })
    .option('post', { type: 'string', describe: 'Show every version of one post: its number in the table, or text of its headline' })
    .option('order', { choices: ['name', 'mtime'] as const, describe: 'Order captures by file name or modification time (default: the time in their names, else what they say)' })
    .option('since', { type: 'string', describe: 'Only captures taken at or after this time (ISO 8601)' })
    .option('until', { type: 'string', describe: 'Only captures taken at or before this time (ISO 8601)' })
    .option('color', { type: 'boolean', describe: 'Force colour on or off' })
    .option('git', { type: 'boolean', default: false, describe: 'Read every committed version of one file from git (INPUTS is that file)' })
    .example('livediff log captures/', 'one line per post: first seen, last seen, versions, how it ended')
    .example("livediff log 'captures/2026-11-22*.txt' --post 12", 'every version of post 12, word by word')
    .example('livediff log captures/ --since 2026-11-22T06:00Z --format json', 'the history as JSON (livediff.log/2)')
    .example('livediff log --git snapshots/page.txt', 'the history from every committed version of one file');
}

type Args = ArgsOf<typeof builder>;

function parseTime(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new UsageError(`--${name} takes a date and time such as 2026-11-22T10:00Z; found '${value}'`);
  return t;
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

/** `livediff log --format json`: the pages of the series, each with its captures and posts (docs/json.md). */
export const LOG_PAGES_SCHEMA = 'livediff.log/2';

export async function runLog(args: Args): Promise<number> {
  const since = parseTime('since', args.since);
  const until = parseTime('until', args.until);
  const files = args.git ? [] : await expandInputs(args.inputs!);
  const bar = progress('livediff log');
  try {
    // Hundreds of captures cost far more than loading the HTML parser: load it without looking first.
    if (args.inputFormat !== 'text') await loadFormats();
    let skipped = 0;
    const series = args.git
      ? await readGitSeries(args.inputs!, { ...captureOptions(args), since, until, bar })
      : readSeries(files, {
          order: args.order,
          ...captureOptions(args),
          onProgress: (done, total) => bar.update(done, total * 2),
          onSkip: (file, error) => {
            skipped++;
            process.stderr.write(`livediff: left out ${sanitizeInline(error.message)}\n`);
          },
        });
    if (series.versions.length === 0 && skipped > 0) throw new InputError(args.inputs!.join(' '), 'at least one readable capture', `${skipped} file(s), none a capture`);
    if (series.by === 'content') {
      process.stderr.write('livediff: no capture times in the file names; ordered by what the captures say (post counter, Updated time, newest post)\n');
    }
    const versions = series.versions.filter((v) => {
      const t = v.time?.getTime();
      if (t === undefined) return since === null && until === null;
      return (since === null || t >= since) && (until === null || t <= until);
    });
    if (versions.length === 0) throw new UsageError('no capture in the range given by --since and --until');
    let done = 0;
    const histories = splitPages(versions).map((page) => {
      const h = buildHistory(page, { onProgress: (d) => bar.update(files.length + done + d, files.length + versions.length) });
      done += page.length;
      return h;
    });
    bar.done();
    // --post looks in the newest page: the one a monitor follows.
    const history = histories.at(-1)!;
    const post = args.post === undefined ? undefined : findPost(history, args.post);
    let output: string;
    if (args.format === 'json') {
      const pages = (post ? [history] : histories).map((h) => {
        const doc = JSON.parse(renderLogJson(h, { order: series.by, post })) as { captures: unknown; posts: unknown };
        return { title: h.captures.at(-1)?.title ?? null, captures: doc.captures, posts: doc.posts };
      });
      output = `${sanitizeJson(JSON.stringify({ schema: LOG_PAGES_SCHEMA, order: series.by, pages }, null, 2))}\n`;
    } else if (args.format === 'markdown') {
      output = post ? renderLogMarkdown(history, post) : pageByPage(histories, (h) => renderLogMarkdown(h), (i, h) => `# Page ${i} of ${histories.length}: ${escapeMarkdown(h.captures[0]?.title ?? '(no title)')}\n\n`, '\n---\n\n');
    } else {
      const color = useColor(args.color, process.stdout.isTTY === true, process.env);
      output = post
        ? renderPostHistory(history, post, { color })
        : pageByPage(histories, (h) => renderLogTable(h, { color }), (i, h) => `page ${i} of ${histories.length}: ${sanitizeInline(h.captures[0]?.title ?? '(no title)')} (${sanitizeInline(h.captures[0]!.label)} … ${sanitizeInline(h.captures.at(-1)!.label)})\n`, '\n');
    }
    process.stdout.write(output);
  } finally {
    bar.done();
  }
  return EXIT_SAME;
}

/** One rendering per page, each under a heading; a single page is rendered as it always was. */
function pageByPage(histories: History[], render: (h: History) => string, heading: (i: number, h: History) => string, between: string): string {
  if (histories.length === 1) return render(histories[0]!);
  return histories.map((h, i) => `${heading(i + 1, h)}${render(h)}`).join(between);
}

export function logCommand(setExit: (code: number) => void): CommandModule<object, Args> {
  return commandModule(
    {
      command: 'log <inputs..>',
      describe: 'The life of every post across many captures: first seen, versions, how it ended',
      builder,
      run: runLog,
    },
    setExit,
  );
}
