// `livediff check DIR`: made for cron. Compares the captures that arrived since the last run (or the two
// newest), prints a report and exits 1 when something reportable changed, stays silent with 0 when not,
// and exits 2 on trouble without touching its state. See README "livediff check".
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { InputError, UsageError } from '../errors.js';
import { diffCaptures } from '../classify/report.js';
import { stampFromName } from '../history/order.js';
import type { Capture } from '../model.js';
import { createReader } from '../parse/index.js';
import { CHECK_SCHEMA, type CheckResult, type CheckStep, toCheckJson } from '../render/check.js';
import { formatsOf } from '../render/registry.js';
import { CHECK_RENDERERS } from '../render/renderers.js';
import { sanitizeInline, sanitizeJson } from '../render/sanitize.js';
import { DEFAULT_ONLY, hasChanges } from '../render/select.js';
import { acquireLock, isAlive } from './check/lock.js';
import { readState, removeStaleStateTemps, sha256, STATE_SCHEMA, writeState, type CheckState } from './check/state.js';
import { deliver } from './check/webhook.js';
import { EXIT_CHANGED, EXIT_SAME } from './exit.js';
import { folderFiles } from './inputs.js';
import { readInput } from './io.js';
import { type ArgsOf, captureOptions, commandModule, compareOptions, parseOnly, prepareFormats, withReportOptions } from './options.js';
import { renderContext } from './output.js';

export { CHECK_SCHEMA };

/** The options of `check`, which `capture --report` takes too. */
export function withCheckOptions<T>(y: Argv<T>) {
  return withReportOptions(y, formatsOf(CHECK_RENDERERS))
    .option('state', {
      type: 'string',
      describe: 'State file: compare every capture since the one the last run reached, so nothing is missed or reported twice',
    })
    .option('order', {
      choices: ['name', 'mtime'] as const,
      describe: 'Order captures by file name or modification time [default: the time in their names, else mtime]',
    })
    .option('webhook', { type: 'string', describe: 'POST the JSON report (livediff.check/2) to this URL when something changed' })
    .option('webhook-timeout', { type: 'number', default: 10, describe: 'Seconds to wait for the webhook, per attempt' })
    .option('webhook-retries', { type: 'number', default: 3, describe: 'Attempts after the first when the webhook fails (backoff 1 s, 2 s, 4 s…)' });
}

function builder(y: Argv) {
  return withCheckOptions(y)
    .positional('dir', { type: 'string', describe: 'The folder the capture job writes into', demandOption: true })
    .example('livediff check captures/ --state captures/.livediff-state.json', 'report what changed since the last run')
    .example('livediff check captures/ --only added,dropped,edited --state s.json', 'only new, deleted and edited posts')
    .example('livediff check captures/ --state s.json --webhook https://example.org/hook', 'also POST the JSON report');
}

type Args = ArgsOf<typeof builder>;
export type CheckArgs = Args;

interface CaptureFile {
  name: string;
  path: string;
}

/** The folder's captures, oldest first: by the time in their names when all have one, else as asked (mtime). */
export function orderFiles(dir: string, order: 'name' | 'mtime' | undefined, exclude: ReadonlySet<string>): CaptureFile[] {
  const files = folderFiles(dir)
    .filter((path) => !exclude.has(resolve(path)))
    .map((path) => ({ name: basename(path), path }));
  const byName = (a: CaptureFile, b: CaptureFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const mtimes = new Map<CaptureFile, number>();
  const mtime = (f: CaptureFile) => mtimes.get(f) ?? mtimes.set(f, statSync(f.path).mtimeMs).get(f)!;
  const stamps = new Map(files.map((f) => [f, stampFromName(f.name)?.getTime() ?? null]));
  if (order === undefined && files.every((f) => stamps.get(f) !== null)) {
    // Two captures in one second (`…18Z.html`, `…18Z-1.html`): the one written later is newer.
    return files.sort((a, b) => stamps.get(a)! - stamps.get(b)! || mtime(a) - mtime(b) || byName(a, b));
  }
  if (order === 'name') return files.sort(byName);
  return files.sort((a, b) => mtime(a) - mtime(b) || byName(a, b));
}

/** Where this run starts: the capture the state names (found by name, else by content), else the one before the newest. */
function startIndex(files: CaptureFile[], state: CheckState | null, read: (f: CaptureFile) => Uint8Array, warn: (s: string) => void): number {
  const fallback = Math.max(0, files.length - 2);
  if (state === null) return fallback;
  const named = files.findIndex((f) => f.name === state.capture);
  if (named >= 0 && sha256(read(files[named]!)) === state.sha256) return named;
  for (let i = files.length - 1; i >= 0; i--) if (sha256(read(files[i]!)) === state.sha256) return i;
  warn(
    `livediff: the state's capture ${sanitizeInline(state.capture)} is no longer in the folder as it was; ` +
      'compared the two newest captures\n',
  );
  return fallback;
}

/** The files a state uses beside it, which are never captures. */
export function stateFiles(statePath: string | null): Set<string> {
  return new Set(statePath === null ? [] : [statePath, `${statePath}.lock`]);
}

export async function runCheck(args: Args): Promise<number> {
  const only = parseOnly(args.only);
  const dir = args.dir!;
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new InputError(dir, 'a folder of captures', 'no such folder');
  }
  if (!stat.isDirectory()) throw new InputError(dir, 'a folder of captures', 'a file (give the folder the capture job writes into)');
  if (!(args.webhookTimeout > 0) || !(args.webhookRetries >= 0)) throw new UsageError('--webhook-timeout takes seconds > 0, --webhook-retries a count >= 0');
  const statePath = args.state === undefined ? null : resolve(args.state);
  // Two runs on one state would both report: one at a time. Without a state every run reports the newest step.
  const release = statePath === null ? () => undefined : acquireLock(`${statePath}.lock`);
  try {
    if (statePath !== null) {
      removeStaleStateTemps(statePath, isAlive);
      removeStaleStateTemps(`${statePath}.lock`, isAlive);
    }
    const state = statePath === null ? null : readState(statePath);
    const files = orderFiles(dir, args.order, stateFiles(statePath));
    if (files.length === 0) throw new InputError(dir, 'a folder with at least one capture', 'no capture file');
    // Each file is read once, whether to find the state's capture by its hash or to compare it.
    const read = new Map<CaptureFile, Uint8Array>();
    const bytesOf = (f: CaptureFile) => read.get(f) ?? read.set(f, readInput(f.path)).get(f)!;
    const chain = files.slice(startIndex(files, state, bytesOf, (s) => process.stderr.write(s)));
    const bytes = chain.map(bytesOf);
    await prepareFormats(bytes, args.inputFormat);
    const parseOptions = captureOptions(args);
    const reader = createReader(); // one for the chain, dropped with it
    const captures: Capture[] = chain.map((f, i) => reader.parse(bytes[i]!, { ...parseOptions, source: f.path }));
    const steps: CheckStep[] = [];
    for (let i = 1; i < captures.length; i++) {
      const report = diffCaptures(captures[i - 1]!, captures[i]!, compareOptions(args));
      if (hasChanges(report, only ?? DEFAULT_ONLY)) steps.push({ old: chain[i - 1]!.name, new: chain[i]!.name, report });
    }
    if (steps.length > 0) {
      const result: CheckResult = { folder: dir, from: chain[0]!.name, to: chain.at(-1)!.name, captures: chain.length, steps };
      if (!args.quiet) process.stdout.write(CHECK_RENDERERS[args.format](result, renderContext(args, only)));
      if (args.webhook !== undefined) {
        await deliver(args.webhook, sanitizeJson(JSON.stringify(toCheckJson(result, { only }))), {
          timeoutMs: args.webhookTimeout * 1000,
          retries: args.webhookRetries,
          backoffMs: 1000,
        });
      }
    }
    const newest = chain.at(-1)!;
    if (statePath !== null && (state === null || chain.length > 1 || state.capture !== newest.name)) {
      const now = new Date().toISOString();
      writeState(statePath, {
        schema: STATE_SCHEMA,
        capture: newest.name,
        sha256: sha256(bytes.at(-1)!),
        checkedAt: now,
        reportedAt: steps.length > 0 ? now : (state?.reportedAt ?? null),
      });
    }
    return steps.length > 0 ? EXIT_CHANGED : EXIT_SAME;
  } finally {
    release();
  }
}

export function checkCommand(setExit: (code: number) => void): CommandModule<object, Args> {
  return commandModule(
    {
      command: 'check <dir>',
      describe: 'For cron: report what changed since the last run, silently exit 0 when nothing did',
      builder,
      run: runCheck,
    },
    setExit,
  );
}
