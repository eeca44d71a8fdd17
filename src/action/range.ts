// Which two sides the Action compares. A push: `before` and GITHUB_SHA (a new branch, whose `before` is all
// zeros: from the parent of its first new commit, or nothing before a first commit). Other events (a
// scheduled capture that commits in the same job): GITHUB_SHA and HEAD. Inputs `base` and `head` win;
// `head: worktree` compares with the files not yet committed. A commit missing from a shallow checkout is
// fetched when it can be, else refused with what to change in the workflow. A force-push (`forced: true`,
// or `before` no longer in the history) compares with the commit before GITHUB_SHA, with a warning.
import { readFileSync } from 'node:fs';
import { InputError, LivediffError } from '../errors.js';
import { commitExists, emptyTree, isNullOid, isShallow, resolveCommit, type Side } from '../git/revisions.js';
import { runGit } from '../git/run.js';
import type { Env } from './runner.js';

/** A problem of the workflow's setup: the Action says it as an error annotation. */
export class SetupError extends LivediffError {
  override name = 'SetupError';
}

export interface PushEvent {
  before?: string;
  /** Set by GitHub on a force-push: `before` may be gone from the history. */
  forced?: boolean;
  after?: string;
  commits?: Array<{ id?: string }>;
  pull_request?: { base?: { sha?: string } };
}

const EXPECTED_EVENT = 'the JSON event payload the runner writes (an object)';

/**
 * The event payload at GITHUB_EVENT_PATH; {} when the variable is unset (a run outside Actions). A payload
 * that cannot be read, is not JSON, or names commits with other than strings is an InputError: guessing
 * "nothing to compare" from it would report success on a run that compared nothing.
 */
export function readEvent(env: Env): PushEvent {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, EXPECTED_EVENT, code === undefined ? 'text that is not JSON' : `an unreadable file (${code})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(path, EXPECTED_EVENT, 'JSON that is not an object');
  const e = value as Record<string, unknown>;
  const isText = (v: unknown) => v === undefined || v === null || typeof v === 'string';
  if (e.forced !== undefined && e.forced !== null && typeof e.forced !== 'boolean') throw new InputError(path, EXPECTED_EVENT, 'an object whose forced is not true or false');
  const commits = e.commits;
  const commitsOk = commits === undefined || commits === null || (Array.isArray(commits) && commits.every((c) => typeof c === 'object' && c !== null && isText((c as { id?: unknown }).id)));
  const pr = e.pull_request as { base?: { sha?: unknown } } | undefined | null;
  const prOk = pr === undefined || pr === null || (typeof pr === 'object' && (pr.base === undefined || (typeof pr.base === 'object' && pr.base !== null && isText(pr.base.sha))));
  if (!isText(e.before) || !isText(e.after) || !commitsOk || !prOk) throw new InputError(path, EXPECTED_EVENT, 'an object whose before, after, commits or pull_request are of another shape');
  return e as PushEvent;
}

export type Range = { from: Side; to: Side; warning?: string } | { nothing: string };

/** Fetch one commit from origin into a shallow clone (actions/checkout leaves credentials for this). */
async function tryFetch(sha: string, cwd: string): Promise<boolean> {
  const r = await runGit(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', sha], { cwd, okCodes: [1, 128] }).catch(() => null);
  return r?.code === 0;
}

/** Resolve a commit the event names, fetching it if the clone is shallow; a clear SetupError if it is not there. */
async function ensureCommit(sha: string, what: string, cwd: string): Promise<Side & { kind: 'commit' }> {
  if (await commitExists(sha, cwd)) return resolveCommit(sha, cwd);
  const shallow = await isShallow(cwd);
  if (shallow && /^[0-9a-f]{40,64}$/.test(sha) && (await tryFetch(sha, cwd)) && (await commitExists(sha, cwd))) return resolveCommit(sha, cwd);
  const short = sha.slice(0, 12);
  if (shallow) {
    throw new SetupError(
      `${what} (${short}) is not in this shallow checkout. Give actions/checkout \`fetch-depth: 0\` (or \`fetch-depth: 2\` when each push brings one commit).`,
    );
  }
  throw new SetupError(`${what} (${short}) is not in the repository (was it force-pushed away?); set the \`base\` input to compare with another commit.`);
}

/** The first parent a commit records (even when a shallow clone lacks it), or null for a root commit. */
async function recordedParent(sha: string, cwd: string): Promise<string | null> {
  const text = (await runGit(['cat-file', 'commit', sha], { cwd })).stdout.toString('utf8');
  return /^parent ([0-9a-f]+)$/m.exec(text.split('\n\n')[0] ?? '')?.[1] ?? null;
}

/** The sides to compare for this run. */
export async function actionRange(env: Env, event: PushEvent, inputs: { base: string; head: string }, cwd: string): Promise<Range> {
  const isPush = env.GITHUB_EVENT_NAME === 'push' || (env.GITHUB_EVENT_NAME === undefined && typeof event.before === 'string');
  const worktree = inputs.head === 'worktree';
  const headName = worktree ? 'HEAD' : inputs.head || (isPush ? (env.GITHUB_SHA ?? event.after ?? 'HEAD') : 'HEAD');
  const to: Side = worktree ? { kind: 'worktree', name: '(working tree)' } : await ensureCommit(headName, 'the commit to report on', cwd);
  if (inputs.base) return { from: await ensureCommit(inputs.base, 'the `base` commit', cwd), to };
  if (worktree) return { from: await ensureCommit('HEAD', 'HEAD', cwd), to };
  if (isPush && event.before && !isNullOid(event.before)) {
    if (event.forced !== true) {
      try {
        return { from: await ensureCommit(event.before, 'the commit before this push', cwd), to };
      } catch (error) {
        if (!(error instanceof SetupError) || !(error.message.includes('force-pushed'))) throw error;
      }
    }
    // A force-push: what `before` pointed to is no longer this branch's history. Each capture this push's
    // last commit changed is compared with its version in the commit before (its previous version).
    const parent = to.kind === 'commit' ? await recordedParent(to.oid, cwd) : null;
    const from = parent === null ? await emptyTree(cwd) : await ensureCommit(parent, 'the commit before the pushed one', cwd);
    const why = event.forced === true ? 'a force-push' : `the commit before this push (${event.before.slice(0, 12)}) is not in the history`;
    const name = from.kind === 'commit' ? from.oid.slice(0, 7) : from.name;
    return { from, to, warning: `${why}: compared each changed capture with its version in the previous commit (${name})` };
  }
  if (isPush) {
    // A new branch: compare with what was there before its first new commit.
    const first = event.commits?.[0]?.id;
    if (!first) return { nothing: 'a new branch without new commits: nothing to compare' };
    const parent = await recordedParent((await ensureCommit(first, 'the first commit of this push', cwd)).oid, cwd);
    return { from: parent === null ? await emptyTree(cwd) : await ensureCommit(parent, 'the parent of the first new commit', cwd), to };
  }
  const base = event.pull_request?.base?.sha ?? env.GITHUB_SHA;
  if (!base) return { from: await ensureCommit('HEAD~1', 'the previous commit', cwd), to };
  return { from: await ensureCommit(base, 'the commit this run started from', cwd), to };
}
