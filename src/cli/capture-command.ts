// `livediff capture URL --into DIR`: fetch a live page and keep it as a new capture when, and only when, it
// changed for real since the newest capture in DIR (noise and page furniture are not changes). With
// --report, go on as `livediff check DIR`. Exit 0: nothing new; 1: a capture written (or, with --report,
// what check says); 2: trouble, and nothing written.
import { mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { DifferentPagesError, InputError, UsageError } from '../errors.js';
import { diffCaptures } from '../classify/report.js';
import type { Capture } from '../model.js';
import { parseCapture, registerFormats } from '../parse/index.js';
import { sanitizeInline } from '../render/sanitize.js';
import { DEFAULT_ONLY, hasChanges } from '../render/select.js';
import { removeStaleTemps } from './atomic.js';
import { FetchError, fetchPage } from './capture/fetch.js';
import { extensionFor, storeCapture, storedBytes } from './capture/store.js';
import { isAlive } from './check/lock.js';
import { checkCheckArgs, orderFiles, runCheck, stateFiles, withCheckOptions } from './check-command.js';
import { EXIT_CHANGED, EXIT_SAME } from './exit.js';
import { httpUrl, safeUrl } from '../http.js';
import { readInput } from './io.js';
import { type ArgsOf, captureOptions, commandModule } from './options.js';
import { writeStdout } from './stdout.js';

function builder(y: Argv) {
  return withCheckOptions(y)
    .positional('url', { type: 'string', describe: 'The live page (http or https)', demandOption: true })
    .option('into', { type: 'string', demandOption: true, describe: 'The folder of captures (created if missing)' })
    .option('timeout', { type: 'number', default: 30, describe: 'Seconds to wait for the page, per attempt' })
    .option('retries', { type: 'number', default: 3, describe: 'Attempts after the first on network errors, timeouts, 5xx, 408, 429 (backoff 1 s, 2 s, 4 s…)' })
    .option('max-size', { type: 'number', default: 20, describe: 'Largest page to accept, in MiB' })
    .option('report', { type: 'boolean', default: false, describe: 'Then run `livediff check` on the folder (with --state, --only, --webhook…)' })
    .example('livediff capture https://example.org/live --into captures/', 'keep a new capture when the page changed')
    .example('livediff capture URL --into captures/ --report --state captures/.state.json', 'capture, then report what changed');
}

type Args = ArgsOf<typeof builder>;

/** The newest capture already in the folder, parsed; null when there is none or it cannot be read (said on stderr). */
function newestCapture(dir: string, args: Args, warn: (s: string) => void): Capture | null {
  const files = orderFiles(dir, args.order, stateFiles(args.state === undefined ? null : resolve(args.state)));
  const newest = files.at(-1);
  if (!newest) return null;
  try {
    return parseCapture(readInput(newest.path), { ...captureOptions(args), source: newest.path });
  } catch (error) {
    warn(`livediff: the newest capture ${sanitizeInline(newest.path)} cannot be read (${sanitizeInline((error as Error).message)}); writing a new one\n`);
    return null;
  }
}

/** Whether the page changed; a rollover (another page: no post in common, another title) is kept too: check reports it as a page change. */
function changedSince(previous: Capture, capture: Capture, force: boolean): boolean {
  try {
    return hasChanges(diffCaptures(previous, capture, { force }), DEFAULT_ONLY);
  } catch (error) {
    if (error instanceof DifferentPagesError) return true;
    throw error;
  }
}

function prepareFolder(dir: string): void {
  try {
    if (!statSync(dir).isDirectory()) throw new InputError(dir, 'a folder for the captures (--into)', 'a file');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir, { recursive: true });
  }
}

/** `warn` takes what goes to standard error (watch prefixes the page's name). */
export async function runCapture(args: Args, warn: (s: string) => void = (s) => void process.stderr.write(s)): Promise<number> {
  if (!(args.timeout > 0) || !(args.retries >= 0) || !(args.maxSize > 0)) {
    throw new UsageError('--timeout and --max-size take numbers > 0, --retries a count >= 0');
  }
  // The URL, and with --report the webhook's options, are checked before anything is fetched or written.
  httpUrl('capture', args.url!, (m) => new FetchError(m));
  if (args.report) checkCheckArgs(args);
  const dir = args.into;
  prepareFolder(dir);
  removeStaleTemps(dir, isAlive);
  const formats = await import('../parse/formats.js');
  registerFormats(formats);
  const page = await fetchPage(args.url!, {
    timeoutMs: args.timeout * 1000,
    retries: args.retries,
    backoffMs: 1000,
    maxBytes: Math.round(args.maxSize * 1024 * 1024),
  });
  const taken = new Date();
  const bytes = storedBytes(page.bytes, page.contentType, formats);
  // Never keep what livediff cannot read as a live page (an error page served with 200, a login wall).
  const capture = parseCapture(bytes, { ...captureOptions(args), source: safeUrl(page.url) });
  const previous = newestCapture(dir, args, warn);
  const changed = previous === null || changedSince(previous, capture, args.force);
  let written: string | null = null;
  if (changed) written = storeCapture(dir, taken, extensionFor(page.contentType, page.url), bytes);
  // Without a state, check compares the two newest captures: run when nothing was written, it would
  // report the last change again (and exit 1) at every run.
  if (args.report && (written !== null || args.state !== undefined)) return runCheck({ ...args, dir });
  if (args.report) return EXIT_SAME;
  if (written !== null && !args.quiet) writeStdout(`${written}\n`);
  return written !== null ? EXIT_CHANGED : EXIT_SAME;
}

export function captureCommand(setExit: (code: number) => void): CommandModule<object, Args> {
  return commandModule(
    {
      command: 'capture <url>',
      describe: 'Fetch a live page into a folder of captures when it changed (for cron, with --report)',
      builder,
      run: runCapture,
    },
    setExit,
  );
}
