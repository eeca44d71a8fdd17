// The git diff driver with real git: .gitattributes + diff.livediff.command make `git diff`, `git show
// --ext-diff` and `git log -p --ext-diff` print livediff's report; `git diff --stat` is git's own.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/run.js';
import { CAPTURE_1, CAPTURE_2, OTHER_DAY, Repo } from './repo.js';

const body = (text: string) => text.split('\n').filter((l) => !/^(---|\+\+\+) /.test(l));

describe('git diff driver', () => {
  const repo = new Repo();
  const tmp = mkdtempSync(join(tmpdir(), 'livediff-driver-'));
  let first: string;
  let second: string;
  beforeAll(() => {
    first = repo.commit({ '.gitattributes': 'snapshots/**/*.txt diff=livediff\n', 'snapshots/cnn/page.txt': CAPTURE_1, 'notes.txt': 'one\n' });
    second = repo.commit({ 'snapshots/cnn/page.txt': CAPTURE_2, 'snapshots/cnn/new.txt': OTHER_DAY, 'notes.txt': 'two\n' });
    // As the README says, with the path of the built CLI instead of an installed `livediff`.
    repo.git('config', 'diff.livediff.command', `'${process.execPath}' '${CLI}' git-diff-driver`);
  });
  /** git as a user runs it (no pager, no colour), exit code and output. */
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, GIT_PAGER: 'cat', NO_COLOR: '', FORCE_COLOR: '0' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('git diff prints the same posts as `livediff OLD NEW`, and git goes on (exit 0)', () => {
    const r = git('diff', 'HEAD~1', 'HEAD');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    writeFileSync(join(tmp, 'old.txt'), CAPTURE_1);
    writeFileSync(join(tmp, 'new.txt'), CAPTURE_2);
    const direct = runCli([join(tmp, 'old.txt'), join(tmp, 'new.txt')]).stdout;
    const section = r.stdout.slice(r.stdout.indexOf('--- snapshots/cnn/page.txt@'));
    expect(body(section).slice(0, body(direct).length)).toEqual(body(direct));
    const blob = (rev: string) => repo.git('rev-parse', `${rev}:snapshots/cnn/page.txt`).slice(0, 7);
    expect(section).toContain(`--- snapshots/cnn/page.txt@${blob(first)}  (9 posts shown of 9`);
    expect(section).toContain(`+++ snapshots/cnn/page.txt@${blob(second)}  (9 posts shown of 11`);
    // Files without the attribute keep git's own diff.
    expect(r.stdout).toContain('diff --git a/notes.txt b/notes.txt');
  });

  it('an added capture (old file /dev/null) is a new file with its posts', () => {
    const r = git('diff', 'HEAD~1', 'HEAD', '--', 'snapshots/cnn/new.txt');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\+\+\+ snapshots\/cnn\/new\.txt@\w{7} {2}\(new file: 9 posts shown of \d+/);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(10);
  });

  it('git show --ext-diff and git log -p --ext-diff use it; git diff --stat stays git\'s', () => {
    expect(git('show', '--ext-diff', 'HEAD').stdout).toContain('2 added, 2 out of view; 7 unchanged');
    const log = git('log', '-p', '--ext-diff');
    expect(log.status).toBe(0);
    expect(log.stdout).toContain('2 added, 2 out of view; 7 unchanged');
    expect(log.stdout).toContain('+++ snapshots/cnn/page.txt@');
    expect(git('diff', '--stat', 'HEAD~1', 'HEAD').stdout).toBe(git('diff', '--no-ext-diff', '--stat', 'HEAD~1', 'HEAD').stdout);
  });

  it('a working-tree change and a version that is no capture: git goes on, with its line diff for the latter', () => {
    repo.write({ 'snapshots/cnn/page.txt': CAPTURE_1, 'snapshots/cnn/new.txt': 'Service unavailable\n' });
    try {
      const r = git('diff');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('+++ snapshots/cnn/page.txt  (9 posts shown of 9');
      expect(r.stdout).toMatch(/livediff: snapshots\/cnn\/new\.txt: expected .*; git's line diff follows\n/);
      expect(r.stdout).toContain('+Service unavailable');
      // The line diff names the file by its path in the repository, never git's temporary copy.
      expect(r.stdout).toContain('--- a/snapshots/cnn/new.txt');
      expect(r.stdout).not.toMatch(/git-blob|\/tmp\//);
    } finally {
      execFileSync('git', ['checkout', '--', '.'], { cwd: repo.dir });
    }
  });

  // Reported from an exploratory run: a capture file that now holds the next day's page fell back to
  // git's line diff (~300 lines) after a line saying the versions look like different pages.
  it('a rollover (versions of different pages) is the page change check reports, in one line', () => {
    repo.write({ 'snapshots/cnn/page.txt': OTHER_DAY });
    try {
      const r = git('diff', '--', 'snapshots/cnn/page.txt');
      expect([r.status, r.stderr]).toEqual([0, '']);
      const blob = repo.git('rev-parse', 'HEAD:snapshots/cnn/page.txt').slice(0, 7);
      expect(r.stdout).toBe(
        [
          `--- snapshots/cnn/page.txt@${blob}  (9 posts shown of 11, updated 12:44 a.m. ET, March 23, 2023)`,
          '+++ snapshots/cnn/page.txt  (9 posts shown of 17, updated 12:05 a.m. ET, March 22, 2023)',
          'page changed: March 22, 2023 - Russia-Ukraine news -> March 21, 2023 - Russia-Ukraine news',
          '',
        ].join('\n'),
      );
    } finally {
      execFileSync('git', ['checkout', '--', '.'], { cwd: repo.dir });
    }
  });

  it('with diff.trustExitCode unset, any change still exits 0 (git would stop otherwise)', () => {
    const args = ['git-diff-driver', 'p.txt', join(tmp, 'old.txt'), 'a'.repeat(40), '100644', join(tmp, 'new.txt'), 'b'.repeat(40), '100644'];
    const r = runCli(args);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`--- p.txt@aaaaaaa  (9 posts shown of 9, updated 12:44 a.m. ET, March 23, 2023)`);
    expect(runCli(['git-diff-driver', 'p.txt']).stdout).toBe('* Unmerged path p.txt\n');
  });
});

// Reported from an exploratory run: git passes a rename's new path as the 8th argument (and its
// `rename from …` message as the 9th); the driver ignored them, printed nothing for a pure `git mv`
// (git's own diff says `rename from`/`rename to`), and named the old path on its `+++` line after an edit.
describe('git diff driver: renames', () => {
  const repo = new Repo();
  const EDITED = CAPTURE_2.replace('Read more here.', 'Read more over here.');
  beforeAll(() => {
    repo.commit({ '.gitattributes': 'snapshots/**/*.txt diff=livediff\n', 'snapshots/live.txt': CAPTURE_2 });
    repo.commit({ 'snapshots/live.txt': null, 'snapshots/ukraine.txt': CAPTURE_2 });
    repo.commit({ 'snapshots/ukraine.txt': null, 'snapshots/ukraine-2.txt': EDITED });
    repo.git('config', 'diff.livediff.command', `'${process.execPath}' '${CLI}' git-diff-driver`);
  });
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, GIT_PAGER: 'cat', NO_COLOR: '', FORCE_COLOR: '0' } });
  const blob = (rev: string, path: string) => repo.git('rev-parse', `${rev}:${path}`).slice(0, 7);

  it('a pure rename: one line naming both paths', () => {
    const r = git('diff', '-M', 'HEAD~2', 'HEAD~1');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(`+++ snapshots/ukraine.txt@${blob('HEAD~1', 'snapshots/ukraine.txt')}  (renamed from snapshots/live.txt: 9 posts shown of 11, updated 12:44 a.m. ET, March 23, 2023)\n`);
  });

  it('a rename with an edit: --- names the old path, +++ the new one', () => {
    const r = git('diff', '-M', 'HEAD~1', 'HEAD');
    expect([r.status, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^--- snapshots/ukraine\\.txt@${blob('HEAD~1', 'snapshots/ukraine.txt')}  \\(`));
    expect(lines[1]).toMatch(new RegExp(`^\\+\\+\\+ snapshots/ukraine-2\\.txt@${blob('HEAD', 'snapshots/ukraine-2.txt')}  \\(`));
    expect(lines[2]).toBe('1 edited (body); 8 unchanged');
  });

  it("git's line diff after a rename names both paths too", () => {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-driver-rename-'));
    writeFileSync(join(dir, 'old'), 'Service unavailable\n');
    writeFileSync(join(dir, 'new'), 'Service unavailable again\n');
    const args = ['git-diff-driver', 'a.txt', join(dir, 'old'), 'a'.repeat(40), '100644', join(dir, 'new'), 'b'.repeat(40), '100644', 'b.txt', 'similarity index 60%\nrename from a.txt\nrename to b.txt\n'];
    const r = runCli(args);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('diff --git a/a.txt b/b.txt\n');
    expect(r.stdout).toContain('--- a/a.txt\n+++ b/b.txt\n');
  });
});
