// A real temporary git repository for tests: write files, commit them at a given time, read ids back.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/run.js';

export const CNN = join(ROOT, 'snapshots/cnn-russia-ukraine-2023-03-22');
export const CAPTURE_1 = readFileSync(join(CNN, 'capture-1.txt'), 'utf8');
export const CAPTURE_2 = readFileSync(join(CNN, 'capture-2.txt'), 'utf8');
export const OTHER_DAY = readFileSync(join(ROOT, 'snapshots/cnn-russia-ukraine-2023-03-21/capture-1.txt'), 'utf8');
export const XI_PUTIN = readFileSync(join(ROOT, 'snapshots/cnn-xi-putin-moscow-2023-03-20/capture-1.txt'), 'utf8');

export class Repo {
  readonly dir: string;
  private clock = Date.UTC(2026, 10, 22, 10, 0) / 1000;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'livediff-git-'));
    if (!dir) this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    const date = `@${this.clock} +0000`;
    return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1' },
    }).trimEnd();
  }

  /** Write (or, with null, delete) files. */
  write(files: Record<string, string | Buffer | null>): void {
    for (const [path, content] of Object.entries(files)) {
      const file = join(this.dir, path);
      if (content === null) rmSync(file, { force: true });
      else {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    }
  }

  /** Write files and commit them all, five minutes after the previous commit; returns the commit id. */
  commit(files: Record<string, string | Buffer | null>, message = 'capture'): string {
    this.write(files);
    this.clock += 300;
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  short(rev: string): string {
    return this.git('rev-parse', '--short', rev);
  }

  /** When the last commit was made (ISO). */
  time(rev = 'HEAD'): string {
    return new Date(Number(this.git('log', '-1', '--format=%ct', rev)) * 1000).toISOString();
  }
}
