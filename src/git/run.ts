// Running git: one child process per call, arguments as an array (never a shell), errors as GitError.
import { LivediffError } from '../errors.js';
import { childProcess } from '../builtins.js';

/** git failed or is missing: `message` is one line a user can act on. */
export class GitError extends LivediffError {
  override name = 'GitError';
}

export interface GitOptions {
  /** Where git runs: a folder inside the repository. */
  cwd: string;
  /** Written to git's standard input, which is then closed. */
  input?: string;
  /** Exit codes that are answers, not failures (e.g. 1 for `cat-file -e`). */
  okCodes?: number[];
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Environment for git: no prompts, no pager, no colour, no locale-dependent messages. */
export function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' };
}

/** The first line git wrote on stderr, without its `fatal: ` prefix. */
export function firstLine(stderr: string): string {
  return (stderr.split('\n').find((l) => l.trim() !== '') ?? '').replace(/^(fatal|error): /, '').trim();
}

/** git's failure as a GitError: a missing git and a folder that is no repository get their own words. */
export function gitFailure(args: readonly string[], cwd: string, stderr: string, error?: NodeJS.ErrnoException): GitError {
  if (error?.code === 'ENOENT') return new GitError('git is not installed (or not on PATH); livediff reads repositories through it');
  if (/not a git repository/i.test(stderr)) return new GitError(`${cwd}: expected a git repository, found a folder outside any`);
  return new GitError(`git ${args[0]} failed: ${firstLine(stderr) || error?.message || 'no message'}`);
}

/** Run `git ARGS` and collect its output. Exit codes other than 0 and `okCodes` throw a GitError. */
export function runGit(args: readonly string[], options: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = childProcess().spawn('git', args, { cwd: options.cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined); // git may exit before reading all input; its exit code tells.
    child.on('error', (error: NodeJS.ErrnoException) => reject(gitFailure(args, options.cwd, '', error)));
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      const status = code ?? 128;
      if (status === 0 || options.okCodes?.includes(status)) resolve({ code: status, stdout: Buffer.concat(out), stderr });
      else reject(gitFailure(args, options.cwd, stderr));
    });
    child.stdin.end(options.input ?? '');
  });
}

/** git's standard output as text, one trailing newline removed. */
export async function gitText(args: readonly string[], options: GitOptions): Promise<string> {
  return (await runGit(args, options)).stdout.toString('utf8').replace(/\n$/, '');
}
