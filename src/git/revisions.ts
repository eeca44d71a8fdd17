// Revisions: resolve what the user names (HEAD~1, a tag, a commit id) to a commit, and the repository facts
// the comparisons need (its root folder, the empty tree, whether the clone is shallow).
import { UsageError } from '../errors.js';
import { GitError, gitText, runGit } from './run.js';

/** A resolved side of a comparison: a commit, the empty tree (before a first commit), or the working tree. */
export type Side =
  | { kind: 'commit'; name: string; oid: string; short: string }
  | { kind: 'empty'; name: string; oid: string; short: string }
  | { kind: 'worktree'; name: string };

/** The repository's top folder; throws GitError outside a repository. */
export function repoRoot(cwd: string): Promise<string> {
  return gitText(['rev-parse', '--show-toplevel'], { cwd });
}

/** Whether `rev` names a commit here (no error when it does not). */
export async function commitExists(rev: string, cwd: string): Promise<boolean> {
  const r = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd, okCodes: [1, 128] });
  return r.code === 0;
}

/** Resolve a revision to a commit, or throw GitError naming it. */
export async function resolveCommit(rev: string, cwd: string): Promise<Side & { kind: 'commit' }> {
  await repoRoot(cwd); // "not a git repository" before "unknown revision"
  const r = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd, okCodes: [1, 128] });
  const oid = r.stdout.toString('utf8').trim();
  if (r.code !== 0 || oid === '') throw new GitError(`unknown revision '${rev}': expected a commit of this repository`);
  return { kind: 'commit', name: rev, oid, short: await shortId(oid, cwd) };
}

/** The shortest unambiguous abbreviation git would show (at least 7 characters). */
export function shortId(oid: string, cwd: string): Promise<string> {
  return gitText(['rev-parse', '--short', oid], { cwd });
}

/** The empty tree of this repository's hash (SHA-1 or SHA-256): the "before" of a first commit. */
export async function emptyTree(cwd: string): Promise<Side & { kind: 'empty' }> {
  const oid = await gitText(['hash-object', '-t', 'tree', '--stdin'], { cwd, input: '' });
  return { kind: 'empty', name: '(empty)', oid, short: '(none)' };
}

/** The first parent of a commit, or the empty tree for a root commit. */
export async function parentOrEmpty(commit: string, cwd: string): Promise<Side & { kind: 'commit' | 'empty' }> {
  return (await commitExists(`${commit}^`, cwd)) ? resolveCommit(`${commit}^`, cwd) : emptyTree(cwd);
}

export async function isShallow(cwd: string): Promise<boolean> {
  return (await gitText(['rev-parse', '--is-shallow-repository'], { cwd })) === 'true';
}

/** An all-zero object id: git's "no object" (a push that created a branch has `before` all zeros). */
export function isNullOid(oid: string): boolean {
  return /^0+$/.test(oid);
}

/**
 * The two sides `livediff git` compares: no revision → the previous commit and HEAD (the empty tree
 * before a first commit); `A` → A and HEAD; `A B` or `A..B` → A and B. With `worktree`, the newer side is
 * the files on disk (and `A` defaults to HEAD).
 */
export async function resolveRange(revs: readonly string[], cwd: string, worktree = false): Promise<{ from: Side; to: Side }> {
  const range = revs.length === 1 && revs[0]!.includes('..') && !revs[0]!.includes('...');
  const names = range ? revs[0]!.split('..').map((r) => r || 'HEAD') : [...revs];
  if (names.length > 2) throw new UsageError(`expected at most two revisions, found ${names.length}: ${names.join(' ')}`);
  if (worktree) {
    if (names.length > 1) throw new UsageError('--worktree compares one revision with the working tree; found two revisions');
    return { from: await resolveCommit(names[0] ?? 'HEAD', cwd), to: { kind: 'worktree', name: '(working tree)' } };
  }
  const to = await resolveCommit(names[1] ?? 'HEAD', cwd);
  if (names[0] !== undefined) return { from: await resolveCommit(names[0], cwd), to };
  const parent = await parentOrEmpty(to.oid, cwd);
  return { from: parent.kind === 'commit' ? { ...parent, name: `${to.name}~1` } : parent, to };
}
