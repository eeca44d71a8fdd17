// Run the built CLI (dist/livediff.cjs) as a user would and collect what it prints.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/livediff.cjs', import.meta.url));

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Turn ANSI colour codes into readable tags (as delta's tests do), so coloured output reads as text. */
export function ansiToTags(text: string): string {
  const names: Record<string, string> = {
    '1': 'bold', '2': 'dim', '4': 'u', '9': 's', '31': 'red', '32': 'green', '33': 'yellow', '35': 'magenta', '36': 'cyan',
  };
  return text.replace(/\u001b\[(\d+)m/g, (_, code: string) => {
    if (names[code]) return `<${names[code]}>`;
    return '</>';
  });
}

/**
 * Run the CLI without blocking this process (a test's HTTP server must answer it, or several runs race).
 * `killAfterMs` sends SIGKILL after that long; the result's status is then null.
 */
export function runCliAsync(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; killAfterMs?: number } = {},
): Promise<RunResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = options.killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}
