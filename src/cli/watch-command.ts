// `livediff watch pages.yml`: one cron line for many pages. For each page, in the file's order: capture it
// when it has a URL (as `livediff capture`), then check its folder with its own state and lock (as
// `livediff check`) and deliver to its notification URLs. One summary line per page on standard output;
// a page that fails never stops the others. Exit: 2 when any page had trouble, else 1 when any page
// reported something, else 0 (docs/watch.md).
import type { Argv, CommandModule } from 'yargs';
import { LivediffError } from '../errors.js';
import { sanitizeInline } from '../render/sanitize.js';
import { loadWatchConfig, planWatch, type PagePlan, type WatchPage } from '../watch/config.js';
import { captureCommand, runCapture } from './capture-command.js';
import { type CheckArgs, checkCommand, runCheck } from './check-command.js';
import { EXIT_CHANGED, EXIT_SAME, EXIT_TROUBLE, oneLine } from './exit.js';
import { type ArgsOf, commandModule } from './options.js';
import { writeStdout } from './stdout.js';

function builder(y: Argv) {
  return y
    .positional('config', { type: 'string', describe: 'The pages to watch (YAML or JSON; docs/watch.md)', demandOption: true })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print no summary lines (exit status and warnings only)' })
    .example('livediff watch pages.yml', 'capture, check and notify every page of pages.yml');
}

type Args = ArgsOf<typeof builder>;

/** Command-line arguments parsed by a command's own builder, without running it: watch reuses capture and check as they are. */
async function parseAs<A>(module: CommandModule<object, A>, argv: string[]): Promise<A> {
  let parsed: A | null = null;
  const { default: yargs } = await import('yargs');
  await yargs(argv)
    .command({ ...module, handler: (a) => void (parsed = a as A) })
    .parserConfiguration({ 'parse-positional-numbers': false })
    .strict()
    .fail((message, error) => {
      throw error ?? new LivediffError(message);
    })
    .parseAsync();
  return parsed!;
}

/** The input-format options of a page, for capture (which reads the page it fetches). */
function inputArgv(plan: PagePlan): string[] {
  const flags: Record<string, string> = { inputFormat: '--input-format', items: '--items', id: '--id', time: '--time', headline: '--headline', body: '--body' };
  return Object.entries(plan.input).flatMap(([k, v]) => (v === undefined ? [] : [flags[k]!, String(v)]));
}

interface PageOutcome {
  line: string;
  code: number;
}

const message = (error: unknown) => oneLine(error instanceof Error ? error.message : String(error));

async function watchPage(plan: PagePlan, page: WatchPage, failedTargets: Set<string>): Promise<PageOutcome> {
  const name = sanitizeInline(plan.name);
  const warn = (s: string) => process.stderr.write(s.replace(/^livediff: /gm, `livediff: ${name}: `));
  const notes: string[] = [];
  let trouble = false;
  if (plan.capture !== null) {
    try {
      // With the page's state: a state file kept in the capture folder is never taken for its newest capture.
      const { url, dir, timeout, retries } = plan.capture;
      const argv = ['capture', url, '--into', dir, '--state', plan.state, '--quiet', ...inputArgv(plan)];
      if (timeout !== undefined) argv.push('--timeout', String(timeout));
      if (retries !== undefined) argv.push('--retries', String(retries));
      await runCapture(await parseAs(captureCommand(() => undefined), argv), warn);
    } catch (error) {
      trouble = true;
      notes.push(`capture failed: ${message(error)}`);
    }
  }
  let outcome = { steps: 0, pageChanges: 0, skipped: 0, deliveryFailed: false };
  let code = EXIT_SAME;
  try {
    const args = await parseAs<CheckArgs>(checkCommand(() => undefined), [...plan.checkArgv, '--quiet']);
    code = await runCheck({ ...args, notify: page.notify }, { page: plan.name, link: page.url, onOutcome: (o) => (outcome = o), stderr: warn, failedTargets });
  } catch (error) {
    trouble = true;
    notes.push(`check failed: ${message(error)}`);
  }
  // A page without a target: its report is neither printed (watch prints one line a page) nor sent.
  if (outcome.steps > 0 && page.notify.length === 0) notes.push('not delivered: the page has no notify URL');
  if (outcome.deliveryFailed) {
    trouble = true;
    notes.push('delivery failed (sent again on the next run)');
  }
  const steps = outcome.steps === 0 ? (code === EXIT_CHANGED ? 'delivered an earlier report' : 'nothing new') : `${outcome.steps} report step${outcome.steps === 1 ? '' : 's'}${outcome.pageChanges > 0 ? ` (${outcome.pageChanges} page change${outcome.pageChanges === 1 ? '' : 's'})` : ''}`;
  const skipped = outcome.skipped > 0 ? `, ${outcome.skipped} file${outcome.skipped === 1 ? '' : 's'} skipped` : '';
  const parts = notes.length > 0 && outcome.steps === 0 && code !== EXIT_CHANGED ? notes : [`${steps}${skipped}`, ...notes];
  return { line: `${name}: ${parts.join('; ')}\n`, code: trouble ? EXIT_TROUBLE : code === EXIT_TROUBLE ? EXIT_TROUBLE : code };
}

export async function runWatch(args: Args): Promise<number> {
  const config = await loadWatchConfig(args.config!);
  const plans = planWatch(config);
  const codes: number[] = [];
  // A notification target that fails for one page is not tried for the pages after it (drainOutbox).
  const failedTargets = new Set<string>();
  for (const [i, plan] of plans.entries()) {
    const outcome = await watchPage(plan, config.pages[i]!, failedTargets);
    if (!args.quiet) writeStdout(outcome.line);
    codes.push(outcome.code);
  }
  return codes.includes(EXIT_TROUBLE) ? EXIT_TROUBLE : codes.includes(EXIT_CHANGED) ? EXIT_CHANGED : EXIT_SAME;
}

export function watchCommand(setExit: (code: number) => void): CommandModule<object, Args> {
  return commandModule(
    {
      command: 'watch <config>',
      describe: 'For cron: capture, check and notify every page of a pages.yml, one summary line each',
      builder,
      run: runWatch,
    },
    setExit,
  );
}
