// `livediff check DIR`: made for cron. Compares the captures that arrived since the last run (or the two
// newest), prints a report and exits 1 when something reportable changed, stays silent with 0 when not.
// A file that is not a capture is skipped with one warning; a new page (rollover) is one `page changed`
// step. See README "livediff check" and ARCHITECTURE "Check" for what a run guarantees when it is killed
// (the state records each report in an outbox before printing or delivering it).
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { minOf } from '../arrays.js';
import { DifferentPagesError, InputError, UsageError } from '../errors.js';
import { diffCaptures, summarize } from '../classify/report.js';
import type { Capture, Report } from '../model.js';
import { createReader } from '../parse/index.js';
import { renderMarkdown } from '../render/markdown.js';
import { buildNotification, type NotificationStep } from '../notify/index.js';
import { CHECK_SCHEMA, type CheckResult, type CheckStep, pageChangeLine, pageChangeMarkdown, toCheckJson } from '../render/check.js';
import { formatsOf, type Rendered } from '../render/registry.js';
import { CHECK_RENDERERS } from '../render/renderers.js';
import { sanitizeInline as inline } from '../render/sanitize.js';
import { CHECK_DEFAULT_ONLY, hasChanges, type OnlyValue, parseOnly, selectPosts } from '../render/select.js';
import { stampFromName } from '../history/order.js';
import { cutOff } from './cut-off.js';
import { type CaptureFile, orderFiles, stateFiles } from './check/files.js';
import { acquireLock, isAlive } from './check/lock.js';
import { type CheckState, keepCopy, keptCopyPath, type OutboxEntry, readState, removeStaleStateTemps, sha256, STATE_SCHEMA, writeState } from './check/state.js';
import { type DeliveryTarget, deliveryTargets, drainOutbox, storedMessage } from './check/deliver.js';
import { Settle } from './check/settle.js';
import { newestGood, Skips, tryParse } from './check/readable.js';
import { EXIT_CHANGED, EXIT_SAME, EXIT_TROUBLE } from './exit.js';
import { environmentError, readInput } from './io.js';
import { type ArgsOf, commandModule, compareOptions, withReportOptions } from './options.js';
import { renderContext } from './output.js';
import { writeStdout } from './stdout.js';

export { CHECK_SCHEMA, CHECK_DEFAULT_ONLY };

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
    .option('reset-state', { type: 'boolean', default: false, describe: 'Start again from the newest capture: forget the state (and any undelivered report) without reporting' })
    .option('notify', { type: 'string', array: true, describe: 'Deliver reports to this notification URL (slack://, discord://, ntfy://, teams://, json://, mailto://, atom://…; repeatable)' })
    .option('webhook', { type: 'string', describe: 'POST the JSON report (livediff.check/3) to this http(s) URL when something changed (as --notify json://…)' })
    .option('webhook-timeout', { type: 'number', default: 10, describe: 'Seconds to wait for each delivery (webhook or --notify), per attempt' })
    .option('webhook-retries', { type: 'number', default: 3, describe: 'Attempts after the first when a delivery fails (backoff 1 s, 2 s, 4 s…)' })
    .option('settle', { type: 'number', default: 2, describe: 'Flip-flop guard: a post that vanishes and comes back within this many captures is reported once (0: report every flip)' })
    .option('max-delivery-attempts', { type: 'number', default: 10, describe: 'Runs that may fail to deliver a report to a target before it is dropped (with a line on standard error)' });
}

function builder(y: Argv) {
  return withCheckOptions(y)
    .positional('dir', { type: 'string', describe: 'The folder the capture job writes into', demandOption: true })
    .example('livediff check captures/ --state captures/.livediff-state.json', 'report what changed since the last run')
    .example('livediff check captures/ --only added,dropped,edited --state s.json', 'only new, deleted and edited posts')
    .example('livediff check captures/ --state s.json --notify slack://T000/B000/XXXX', 'also post each report to Slack');
}

type Args = ArgsOf<typeof builder>;
export type CheckArgs = Args;

export { orderFiles, stateFiles };

/** What a caller (watch) may give besides the command line: the page's name and address, and where the outcome goes. */
export interface CheckContext {
  page?: string;
  link?: string | null;
  /** Told the run's outcome: how many steps were reported, and the delivery lines. */
  onOutcome?: (o: { steps: number; pageChanges: number; skipped: number; deliveryFailed: boolean }) => void;
  stdout?: (text: Rendered) => void;
  stderr?: (s: string) => void;
  /** Targets that failed for an earlier page of the same run, not tried again (see drainOutbox); shared and added to. */
  failedTargets?: Set<string>;
}


/**
 * Where this run starts and what it compares: the state's capture (found by name and SHA-256, else by
 * SHA-256 alone), then every file the state has not seen, in order, wherever it sorts (a clock stepped
 * back names a new capture "earlier"). Without a state, or when its capture is gone: the two newest
 * readable captures; with --reset-state: the newest alone.
 */
async function planChain(
  files: CaptureFile[],
  state: CheckState | null,
  args: Args,
  skips: Skips,
  warn: (s: string) => void,
  copyPath: string | null = null,
): Promise<CaptureFile[]> {
  if (args.resetState) return newestGood(files, 1, args, skips);
  if (state === null) return newestGood(files, 2, args, skips);
  const hashOf = (f: CaptureFile) => sha256(readInput(f.path)); // Not kept: the backlog may be large.
  const named = files.findIndex((f) => f.name === state.capture);
  let base = named >= 0 && hashOf(files[named]!) === state.sha256 ? named : -1;
  for (let i = files.length - 1; base < 0 && i >= 0; i--) if (i !== named && hashOf(files[i]!) === state.sha256) base = i;
  // Rewritten in place (`curl -o page.html` on every run), or rotated away: the copy of it the last run
  // kept is the base, and the rewritten file, whatever its size, is the next capture.
  const copy = base < 0 && copyPath !== null ? keptCopy(copyPath, state) : null;
  if (copy !== null) {
    const seen = new Set(state.seen ?? []);
    return [copy, ...files.filter((f, i) => i === named || !seen.has(f.id) || f.id === state.held)];
  }
  if (base < 0 && state.seen === undefined) {
    warn(`livediff: the state's capture ${inline(state.capture)} is no longer in the folder as it was; compared the two newest captures\n`);
    return newestGood(files, 2, args, skips);
  }
  if (state.seen === undefined) return files.slice(base); // A state written before `seen` existed.
  const seen = new Set(state.seen);
  // The capture an earlier run left out as a stale copy is read again before the new ones: if the page
  // still shows it, it is reported (compareChain).
  const unseen = files.filter((f, i) => i !== base && (!seen.has(f.id) || f.id === state.held));
  if (base >= 0) return [files[base]!, ...unseen];
  return goneBase(files, seen, unseen, state.capture, warn);
}

/**
 * The copy of the state's capture kept beside the state (`STATE.capture`), as a capture file named like the
 * original, or null when there is none or it is not that capture (its SHA-256 differs).
 */
function keptCopy(copyPath: string, state: CheckState): CaptureFile | null {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(copyPath);
  } catch {
    return null;
  }
  if (sha256(bytes) !== state.sha256) return null;
  return { name: state.capture, path: copyPath, id: `${state.capture}\tkept copy`, mtimeMs: 0, source: `${state.capture} (as the last run read it)` };
}

/** A file's size, or -1 when it cannot be read. */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/**
 * The chain when the state's capture is gone (rotated away, or rewritten): from the newest capture the
 * earlier runs saw, so that every capture since is compared (what changed between it and the state's
 * capture may be reported again: a repeat rather than a loss); when none of them is left, from the oldest
 * new capture, the step into it lost. Before, the run compared the two newest captures and lost every
 * step in between.
 */
function goneBase(files: CaptureFile[], seen: Set<string>, unseen: CaptureFile[], gone: string, warn: (s: string) => void): CaptureFile[] {
  let last = files.length - 1;
  while (last >= 0 && !seen.has(files[last]!.id)) last--;
  if (last >= 0) {
    const from = files[last]!;
    warn(`livediff: the state's capture ${inline(gone)} is no longer in the folder as it was; compared from ${inline(from.name)}, the newest capture earlier runs saw: what changed between the two may be reported again\n`);
    return [from, ...unseen];
  }
  if (unseen.length > 0) {
    warn(`livediff: the state's capture ${inline(gone)} is no longer in the folder as it was, nor any capture earlier runs saw; compared from ${inline(unseen[0]!.name)}: what changed between the two is not reported\n`);
  }
  return unseen;
}

/** A step as notifications read it: the report cut to what channels show, the step as Markdown. */
function noteOf(step: CheckStep, only: readonly OnlyValue[]): NotificationStep {
  if (step.kind === 'report') {
    const { report } = step;
    const slim = { summary: report.summary, page: report.page, new: { title: report.new.title } } as unknown as Report;
    return { old: step.old, new: step.new, report: slim, markdown: renderMarkdown(report, { only, headingLevel: 3 }) };
  }
  const summary = summarize([]);
  const page = { title: { old: step.oldTitle, new: step.newTitle }, updated: null, postCount: null, bylines: null, deepLink: null };
  const report = { summary, page, new: { title: step.newTitle } } as unknown as Report;
  return { old: step.old, new: step.new, report, markdown: pageChangeMarkdown(step), summary: pageChangeLine(step) };
}

/** Everything `check` checks before it prints or writes anything (also run by `capture --report` before fetching). */
export function checkCheckArgs(args: Pick<Args, 'webhook' | 'webhookTimeout' | 'webhookRetries' | 'only'> & { notify?: string[]; maxDeliveryAttempts?: number; settle?: number }): DeliveryTarget[] {
  if (!(args.webhookTimeout > 0) || !(args.webhookRetries >= 0)) throw new UsageError('--webhook-timeout takes seconds > 0, --webhook-retries a count >= 0');
  if (args.settle !== undefined && !(Number.isInteger(args.settle) && args.settle >= 0)) throw new UsageError('--settle takes a whole number of captures >= 0');
  if (args.maxDeliveryAttempts !== undefined && !(Number.isInteger(args.maxDeliveryAttempts) && args.maxDeliveryAttempts >= 1)) {
    throw new UsageError('--max-delivery-attempts takes a whole number >= 1');
  }
  parseOnly(args.only);
  return deliveryTargets({ webhook: args.webhook, notify: args.notify, timeoutMs: args.webhookTimeout * 1000, retries: args.webhookRetries });
}

/**
 * The reportable steps of a chain, compared pairwise as the files are read: at most two parsed captures
 * are alive at once, however long the backlog. Files that are not captures are skipped. Returns the
 * steps and the newest readable capture (null when none was).
 */
/**
 * What a step keeps of its report until the run prints and delivers: the posts `--only` selects (all that
 * any format shows of a check step), copied out of the capture they were read from. A report holds every
 * post of both captures, and a lazily read post the text of its whole capture, so keeping whole reports
 * made a backlog's memory grow with every capture compared; this grows with what changed.
 */
function kept(report: Report, only: readonly OnlyValue[]): Report {
  return { ...report, posts: structuredClone(selectPosts(report, only)) };
}

/**
 * A capture that arrived late: its name's time and its `Updated` time both say it is older than the
 * capture compared before it (a delayed upload, an rsync that caught up). Compared after that capture, the
 * posts added since would read as dropped. A clock stepped back names a new capture "earlier", but its
 * content is newer: it is compared as usual.
 */
function arrivedLate(current: { file: CaptureFile; capture: Capture }, previous: { file: CaptureFile; capture: Capture }): boolean {
  const named = stampFromName(current.file.name);
  const before = stampFromName(previous.file.name);
  const updated = current.capture.page.updatedMinutes;
  const beforeUpdated = previous.capture.page.updatedMinutes;
  return named !== null && before !== null && named < before && updated !== null && beforeUpdated !== null && updated < beforeUpdated;
}

/**
 * A stale copy: the page as it was before the capture compared last (a cache or a CDN node serving an
 * older version once). Its `Updated` time is older than that capture's, and it shows no post that capture
 * lacked (edits are allowed: an older version of a post edited since is what a stale copy shows). With
 * `report` null it is another page altogether: stale when it was last updated before the capture compared
 * last even began (its oldest post), so it cannot be the page that replaced it (yesterday's page); a page
 * that took over while the old one still had a last word to say is a page change.
 * Compared, the posts it does not have yet would read as dropped (a false `dropped`), and come back as
 * added, or be silenced by --settle. Left out, the next capture is compared with the one before it. A
 * stale copy is served once: when the next capture shows the page as it did (the same `Updated` time,
 * still older), the page is that way now (its newest post retracted, the time gone back with it), and
 * compareChain reports it then.
 */
function staleCopy(current: Capture, previous: Capture, report: Report | null): boolean {
  const updated = current.page.updatedMinutes;
  const before = previous.page.updatedMinutes;
  if (updated === null || before === null || updated >= before) return false;
  if (report === null) return updated < minOf(previous.posts.map((p) => p.minutes ?? Infinity));
  // A copy that differs in nothing that matters (the clock moved back alone) is compared: leaving it out
  // would only add a warning line to a cron mail.
  const s = report.summary;
  return s.added === 0 && s['into-view'] === 0 && s.dropped + s['out-of-view'] + s.merged + s.edited > 0;
}

async function compareChain(
  chain: CaptureFile[],
  args: Args,
  only: readonly OnlyValue[],
  skips: Skips,
  settle: Settle,
  warn: (s: string) => void,
  known: ReadonlySet<string> = new Set(),
): Promise<{ steps: CheckStep[]; newest: { file: CaptureFile; sha: string; bytes: Uint8Array } | null; first: string | null; compared: number; held: string | null }> {
  let previous: { file: CaptureFile; capture: Capture; sha: string; bytes: Uint8Array } | null = null;
  // The capture last left out as a stale copy of `previous`, with its report, until the next one says.
  let held: { current: { file: CaptureFile; capture: Capture; sha: string; bytes: Uint8Array }; report: Report } | null = null;
  let first: string | null = null;
  let compared = 0;
  const steps: CheckStep[] = [];
  const reader = createReader(); // one for the chain, dropped with it
  for (const file of chain) {
    const r = await tryParse(file, args, reader);
    if ('error' in r) {
      skips.skip(file, r.error);
      continue;
    }
    const current = { file, capture: r.capture, sha: sha256(r.bytes), bytes: r.bytes };
    if (previous !== null && arrivedLate(current, previous)) {
      warn(`livediff: left out ${inline(file.path)}: it arrived late, older than ${inline(previous.file.name)} by its name and its Updated time\n`);
      continue;
    }
    const cut = previous === null ? null : cutOff(current.capture, previous.capture);
    if (cut !== null) {
      skips.skip(file, new InputError(file.path, 'a whole capture', cut.reason));
      continue;
    }
    first ??= file.name;
    if (previous !== null) {
      let report: Report;
      try {
        report = diffCaptures(previous.capture, current.capture, compareOptions(args));
      } catch (error) {
        if (!(error instanceof DifferentPagesError)) throw error;
        if (staleCopy(current.capture, previous.capture, null)) {
          warn(`livediff: left out ${inline(file.path)}: another page, last updated (${inline(current.capture.page.updated ?? '')}) before the oldest post of ${inline(previous.file.name)}: a stale copy, not the page that replaced it\n`);
          continue;
        }
        steps.push({ kind: 'page-changed', old: previous.file.name, new: file.name, oldTitle: error.oldTitle, newTitle: error.newTitle });
        compared++;
        previous = current;
        continue;
      }
      if (staleCopy(current.capture, previous.capture, report)) {
        if (held === null || held.current.capture.page.updated !== current.capture.page.updated) {
          // Said once: a later run reads it again (planChain), to see whether the page still shows it.
          if (!known.has(file.id)) warn(`livediff: left out ${inline(file.path)}: updated before ${inline(previous.file.name)} (${inline(current.capture.page.updated ?? '')}) and showing no post it lacked: a stale copy of the page, unless the next capture shows it too\n`);
          held = { current, report };
          continue;
        }
        // Shown twice: not a copy served once but the page now. Its step is reported, then this capture
        // is compared with it.
        warn(`livediff: ${inline(file.path)} shows the page as ${inline(held.current.file.name)} did: not a stale copy, the page as it is now\n`);
        const settled = settle.apply(held.report);
        if (hasChanges(settled, only)) steps.push({ kind: 'report', old: previous.file.name, new: held.current.file.name, report: kept(settled, only) });
        compared++;
        previous = held.current;
        report = diffCaptures(previous.capture, current.capture, compareOptions(args));
      }
      held = null;
      report = settle.apply(report);
      if (hasChanges(report, only)) steps.push({ kind: 'report', old: previous.file.name, new: file.name, report: kept(report, only) });
    }
    compared++;
    previous = current;
  }
  return { steps, newest: previous === null ? null : { file: previous.file, sha: previous.sha, bytes: previous.bytes }, first, compared, held: held?.current.file.id ?? null };
}

/** A delivery of a state written before the outbox (`pending`): into the outbox, owed to --webhook. */
function upgradePending(state: CheckState): CheckState {
  const { pending, ...rest } = state;
  if (pending === undefined) return state;
  const entry: OutboxEntry = { id: pending.id, capture: pending.capture, message: { json: JSON.parse(pending.body) }, targets: [{ key: 'webhook', attempts: 0 }] };
  return { ...rest, capture: pending.capture, sha256: pending.sha256, seen: pending.seen, outbox: [...(rest.outbox ?? []), entry] };
}

/** The state folder, made when missing (the first run of a new cron line). */
function ensureStateFolder(statePath: string): void {
  try {
    mkdirSync(dirname(statePath), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new InputError(dirname(statePath), 'a folder for the state file', 'a path through a file that is not a folder');
    throw environmentError(dirname(statePath), 'a folder for the state file', error);
  }
}

export async function runCheck(args: Args, ctx: CheckContext = {}): Promise<number> {
  const out = ctx.stdout ?? writeStdout;
  const warn = ctx.stderr ?? ((s: string) => process.stderr.write(s));
  const only = parseOnly(args.only) ?? CHECK_DEFAULT_ONLY;
  const dir = args.dir!;
  let stat;
  try {
    stat = statSync(dir);
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? new InputError(dir, 'a folder of captures', 'no such folder') : environmentError(dir, 'a folder of captures', error);
  }
  if (!stat.isDirectory()) throw new InputError(dir, 'a folder of captures', 'a file (give the folder the capture job writes into)');
  const targets = checkCheckArgs(args);
  const maxAttempts = args.maxDeliveryAttempts ?? 10;
  const statePath = args.state === undefined ? null : resolve(args.state);
  if (statePath !== null) ensureStateFolder(statePath);
  // Two runs on one state would both report: one at a time. Without a state every run reports the newest step.
  const release = statePath === null ? () => undefined : acquireLock(`${statePath}.lock`);
  try {
    if (statePath !== null) removeStaleStateTemps(statePath, isAlive);
    let state = statePath === null || args.resetState ? null : readState(statePath);
    if (state !== null) state = upgradePending(state);
    const files = orderFiles(dir, args.order, stateFiles(statePath));
    const present = new Set(files.map((f) => f.id));
    const skips = new Skips(new Set(state?.skipped ?? []), warn);
    const copyPath = statePath === null ? null : keptCopyPath(statePath);
    const chain = files.length === 0 ? [] : await planChain(files, state, args, skips, warn, copyPath);
    const settle = new Settle(args.settle, state?.settle);
    const { steps, newest, first, compared, held } = await compareChain(chain, args, only, skips, settle, warn, new Set(state?.seen ?? []));
    if (newest === null && state === null && files.length > 0) {
      throw new InputError(dir, 'a folder with at least one readable capture', `${files.length} file(s), none a capture`);
    }
    const now = new Date().toISOString();
    const skipped = [...new Set([...(state?.skipped ?? []), ...skips.ids])].filter((id) => present.has(id));
    // The state's position: the newest readable capture, or where it was when this run found none.
    const position = newest === null ? (state === null ? null : { capture: state.capture, sha256: state.sha256 }) : { capture: newest.file.name, sha256: newest.sha };
    let outbox: OutboxEntry[] = state?.outbox ?? [];
    const earlier = outbox.length;
    const page = ctx.page ?? basename(resolve(dir));
    let result: CheckResult | null = null;
    if (steps.length > 0) {
      result = { folder: dir, ...(ctx.page === undefined ? {} : { page: ctx.page }), from: first!, to: newest!.file.name, captures: compared, steps };
      if (targets.length > 0) {
        const json = toCheckJson(result, { only });
        const message = buildNotification({ page, steps: steps.map((s) => noteOf(s, only)), link: ctx.link ?? null, only, json });
        const id = sha256(JSON.stringify([page, steps.map((s) => [s.old, s.new]), json])).slice(0, 32);
        outbox = [...outbox, { id, capture: steps.at(-1)!.new, message: storedMessage(message), targets: targets.map((t) => ({ key: t.key, attempts: 0, name: t.name })) }];
      }
    }
    const advanced = (box: OutboxEntry[]): CheckState => ({
      schema: STATE_SCHEMA,
      capture: position!.capture,
      sha256: position!.sha256,
      seen: files.map((f) => f.id),
      ...(box.length > 0 ? { outbox: box } : {}),
      ...(skipped.length > 0 ? { skipped } : {}),
      ...(held === null ? {} : { held }),
      ...(args.settle > 0 ? { settle: settle.state() } : {}),
      checkedAt: now,
      reportedAt: steps.length > 0 ? now : (state?.reportedAt ?? null),
    });
    // Before any output: the advanced state with the report in its outbox, so a full or read-only disk
    // stops the run here, and a killed run delivers the report on the next run instead of comparing again.
    // The newest capture's bytes beside the state, for a capture job that rewrites one file in place;
    // first, so that a state never names a capture whose copy a killed run failed to write.
    if (copyPath !== null && newest !== null && (state?.sha256 !== newest.sha || sizeOf(copyPath) !== newest.bytes.length)) keepCopy(copyPath, newest.bytes);
    if (statePath !== null && position !== null) writeState(statePath, advanced(outbox));
    if (result !== null && !args.quiet) out(CHECK_RENDERERS[args.format](result, renderContext(args, only)));
    let delivery = { delivered: 0, failed: false };
    // A run given no target at all (a person trying the command by hand) delivers nothing and keeps what
    // the outbox owes to cron's targets; a run given other targets drops what is owed to targets it lacks.
    if (outbox.length > 0 && targets.length === 0) {
      warn(`livediff: ${outbox.length === 1 ? '1 report waits' : `${outbox.length} reports wait`} for notification targets this run was not given; kept for the runs that give them\n`);
    } else if (outbox.length > 0) {
      const persist = (box: OutboxEntry[]) => (statePath !== null && position !== null ? writeState(statePath, advanced(box)) : undefined);
      const r = await drainOutbox(outbox, targets, maxAttempts, (line) => warn(`${line}\n`), persist, ctx.failedTargets);
      delivery = { delivered: r.delivered, failed: r.failed };
    }
    // Reports of earlier runs delivered now (the newest entry, when this run made one, is not "earlier").
    const resumed = delivery.delivered > Math.max(0, outbox.length - earlier);
    ctx.onOutcome?.({ steps: steps.length, pageChanges: steps.filter((s) => s.kind === 'page-changed').length, skipped: skips.ids.length, deliveryFailed: delivery.failed });
    if (delivery.failed) return EXIT_TROUBLE;
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
      run: (args) => runCheck(args),
    },
    setExit,
  );
}
