// Long output through a pager when stdout is a terminal, as git does: LIVEDIFF_PAGER, then PAGER, then less.
import type { ChildProcess } from 'node:child_process';
import { childProcess } from '../builtins.js';

export const DEFAULT_PAGER = 'less -FRX';

/** `--no-pager`, for the commands whose output a person reads at a terminal (diff, log, git). */
export const PAGER_OPTION = {
  type: 'boolean',
  default: true,
  describe: 'Page long terminal output (LIVEDIFF_PAGER, else PAGER, else less -FRX); --no-pager: never',
} as const;

/**
 * The pager command to run, or null for none: none with --no-pager, when stdout is not a terminal, or
 * when the command is empty or `cat` (git's rules). LIVEDIFF_PAGER wins over PAGER, even when empty.
 */
export function pagerCommand(options: { enabled: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): string | null {
  if (!options.enabled || !options.isTTY) return null;
  const { env } = options;
  const command = (env.LIVEDIFF_PAGER ?? env.PAGER ?? DEFAULT_PAGER).trim();
  return command === '' || command === 'cat' ? null : command;
}

/** The pager's environment: less told to quit on one screen, keep colours and not clear (LESS=FRX), as git sets it. */
export function pagerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' };
}

type Write = typeof process.stdout.write;

/**
 * Send what is written to process.stdout to `command` from the first write on (no output, no pager).
 * Returns a function that closes the pager's input and resolves when the user has left it. Quitting
 * early (EPIPE) drops the rest quietly; the command's exit code is not the pager's business.
 */
export function pageStdout(command: string, env: NodeJS.ProcessEnv, stdout: NodeJS.WriteStream = process.stdout): () => Promise<void> {
  const original: Write = stdout.write.bind(stdout);
  let child: ChildProcess | null = null;
  let closed = false;
  let exited: Promise<void> = Promise.resolve();
  const start = (): ChildProcess | null => {
    try {
      const c = childProcess().spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: pagerEnv(env) });
      exited = new Promise((resolve) => {
        c.on('close', () => resolve());
        // A pager that cannot start (command not found) leaves the output unshown: git prints it instead.
        c.on('error', () => resolve());
      });
      c.stdin!.on('error', () => {
        closed = true;
      });
      return c;
    } catch {
      return null;
    }
  };
  stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (closed) return true;
    child ??= start();
    if (!child) return original(chunk as string);
    const callback = rest.find((r) => typeof r === 'function') as ((e?: Error | null) => void) | undefined;
    return child.stdin!.write(chunk, (error) => callback?.(error ?? null));
  }) as Write;
  return async () => {
    stdout.write = original;
    if (!child) return;
    if (!closed) child.stdin!.end();
    await exited;
  };
}
