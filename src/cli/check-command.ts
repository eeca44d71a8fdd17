// `livediff check DIR`: made for cron. Compares the captures that arrived since the last run (or the two
// newest), prints a report and exits 1 when something reportable changed, stays silent with 0 when not,
// and exits 2 on trouble without advancing its state. See README "livediff check" and ARCHITECTURE "Check"
// for what a run guarantees when it is killed (the state records a webhook delivery before sending it).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { InputError, UsageError } from '../errors.js';
import { diffCaptures } from '../classify/report.js';
import type { Capture } from '../model.js';
import { createReader } from '../parse/index.js';
import { CHECK_SCHEMA, type CheckResult, type CheckStep, toCheckJson } from '../render/check.js';
import { formatsOf } from '../render/registry.js';
import { CHECK_RENDERERS } from '../render/renderers.js';
import { sanitizeInline, sanitizeJson } from '../render/sanitize.js';
import { DEFAULT_ONLY, hasChanges, type OnlyValue } from '../render/select.js';
import { type CaptureFile, orderFiles, stateFiles } from './check/files.js';
import { acquireLock, isAlive } from './check/lock.js';
import { readState, removeStaleStateTemps, sha256, STATE_SCHEMA, writeState, type CheckState } from './check/state.js';
import { checkWebhookUrl, deliver } from './check/webhook.js';
import { EXIT_CHANGED, EXIT_SAME } from './exit.js';
import { folderFiles } from './inputs.js';
import { environmentError, readInput } from './io.js';
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

export { orderFiles, stateFiles };

/**
 * Where this run starts and what it compares: the state's capture (found by name and SHA-256, else by
 * SHA-256 alone), then every file the state has not seen, in order, wherever it sorts (a clock stepped
 * back names a new capture "earlier"). Without a state, or when its capture is gone: the two newest.
 */
function planChain(files: CaptureFile[], state: CheckState | null, warn: (s: string) => void): CaptureFile[] {
  const fallback = files.slice(Math.max(0, files.length - 2));
  if (state === null) return fallback;
  const hashOf = (f: CaptureFile) => sha256(readInput(f.path)); // Not kept: the backlog may be large.
  const named = files.findIndex((f) => f.name === state.capture);
  let base = named >= 0 && hashOf(files[named]!) === state.sha256 ? named : -1;
  for (let i = files.length - 1; base < 0 && i >= 0; i--) if (i !== named && hashOf(files[i]!) === state.sha256) base = i;
  if (base < 0) {
    warn(`livediff: the state's capture ${sanitizeInline(state.capture)} is no longer in the folder as it was; compared the two newest captures\n`);
    return fallback;
  }
  if (state.seen === undefined) return files.slice(base); // A state written before `seen` existed.
  const seen = new Set(state.seen);
  return [files[base]!, ...files.filter((f, i) => i !== base && !seen.has(f.id))];
}

/** Everything `check` checks before it prints or writes anything (also run by `capture --report` before fetching). */
export function checkCheckArgs(args: Pick<Args, 'webhook' | 'webhookTimeout' | 'webhookRetries' | 'only'>): void {
  if (!(args.webhookTimeout > 0) || !(args.webhookRetries >= 0)) throw new UsageError('--webhook-timeout takes seconds > 0, --webhook-retries a count >= 0');
  if (args.webhook !== undefined) checkWebhookUrl(args.webhook);
  parseOnly(args.only);
}

/**
 * The reportable steps of a chain, compared pairwise as the files are read: at most two parsed captures
 * are alive at once, however long the backlog, besides the reports of the steps that changed (which hold
 * the posts they show). Returns the steps and the newest capture's SHA-256.
 */
async function compareChain(chain: CaptureFile[], args: Args, only: readonly OnlyValue[] | undefined): Promise<{ steps: CheckStep[]; newestSha: string }> {
  const parseOptions = captureOptions(args);
  const reader = createReader(); // one for the chain, dropped with it
  let bytes = readInput(chain[0]!.path);
  const parse = async (f: CaptureFile, b: Uint8Array) => {
    await prepareFormats([b], args.inputFormat);
    return reader.parse(b, { ...parseOptions, source: f.path });
  };
  let previous: Capture | null = chain.length > 1 ? await parse(chain[0]!, bytes) : null;
  const steps: CheckStep[] = [];
  for (let i = 1; i < chain.length; i++) {
    bytes = readInput(chain[i]!.path);
    const current = await parse(chain[i]!, bytes);
    const report = diffCaptures(previous!, current, compareOptions(args));
    if (hasChanges(report, only ?? DEFAULT_ONLY)) {
      steps.push({ old: chain[i - 1]!.name, new: chain[i]!.name, report });
    }
    previous = current;
  }
  return { steps, newestSha: sha256(bytes) };
}

const webhookOptions = (args: Args, id: string) => ({ timeoutMs: args.webhookTimeout * 1000, retries: args.webhookRetries, backoffMs: 1000, id });

/** A delivery a killed or failed run left in the state: send it again (same body, same id), then advance. */
async function resumePending(statePath: string, state: CheckState, args: Args): Promise<CheckState> {
  const pending = state.pending!;
  const { pending: _, ...rest } = state;
  if (args.webhook === undefined) {
    process.stderr.write(`livediff: ${sanitizeInline(statePath)}: a report up to ${sanitizeInline(pending.capture)} was left undelivered; no --webhook now, so it is dropped\n`);
  } else {
    await deliver(args.webhook, pending.body, webhookOptions(args, pending.id));
  }
  const now = new Date().toISOString();
  const next: CheckState = { ...rest, capture: pending.capture, sha256: pending.sha256, seen: pending.seen, checkedAt: now, reportedAt: now };
  writeState(statePath, next);
  return next;
}

export async function runCheck(args: Args): Promise<number> {
  const only = parseOnly(args.only);
  const dir = args.dir!;
  let stat;
  try {
    stat = statSync(dir);
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? new InputError(dir, 'a folder of captures', 'no such folder') : environmentError(dir, 'a folder of captures', error);
  }
  if (!stat.isDirectory()) throw new InputError(dir, 'a folder of captures', 'a file (give the folder the capture job writes into)');
  checkCheckArgs(args);
  const statePath = args.state === undefined ? null : resolve(args.state);
  // Two runs on one state would both report: one at a time. Without a state every run reports the newest step.
  const release = statePath === null ? () => undefined : acquireLock(`${statePath}.lock`);
  try {
    if (statePath !== null) removeStaleStateTemps(statePath, isAlive);
    let state = statePath === null ? null : readState(statePath);
    let resumed = false;
    if (statePath !== null && state?.pending !== undefined) {
      state = await resumePending(statePath, state, args);
      resumed = args.webhook !== undefined;
    }
    const files = orderFiles(dir, args.order, stateFiles(statePath));
    if (files.length === 0) throw new InputError(dir, 'a folder with at least one capture', 'no capture file');
    const chain = planChain(files, state, (s) => process.stderr.write(s));
    const { steps, newestSha } = await compareChain(chain, args, only);
    const newest = chain.at(-1)!;
    const seen = files.map((f) => f.id);
    const now = new Date().toISOString();
    const advanced: CheckState = {
      schema: STATE_SCHEMA,
      capture: newest.name,
      sha256: newestSha,
      seen,
      checkedAt: now,
      reportedAt: steps.length > 0 ? now : (state?.reportedAt ?? null),
    };
    if (steps.length > 0) {
      const result: CheckResult = { folder: dir, from: chain[0]!.name, to: newest.name, captures: chain.length, steps };
      const output = () => CHECK_RENDERERS[args.format](result, renderContext(args, only));
      const body = args.webhook === undefined ? null : sanitizeJson(JSON.stringify(toCheckJson(result, { only })));
      // Before any output: record the delivery as pending (or, without a webhook, prove the state can be
      // written), so a full or read-only disk stops the run here, and a killed run resumes the delivery.
      if (statePath !== null) {
        const id = body === null ? '' : sha256(body).slice(0, 32);
        writeState(statePath, body === null ? { ...(state ?? advanced), checkedAt: now } : { ...(state ?? advanced), pending: { id, capture: newest.name, sha256: newestSha, seen, body }, checkedAt: now });
        if (!args.quiet) process.stdout.write(output());
        if (body !== null) await deliver(args.webhook!, body, webhookOptions(args, id));
      } else {
        if (!args.quiet) process.stdout.write(output());
        if (body !== null) await deliver(args.webhook!, body, webhookOptions(args, sha256(body).slice(0, 32)));
      }
    }
    if (statePath !== null && (state === null || chain.length > 1 || state.capture !== newest.name || String(state.seen) !== String(seen))) {
      writeState(statePath, advanced);
    }
    return steps.length > 0 || resumed ? EXIT_CHANGED : EXIT_SAME;
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
