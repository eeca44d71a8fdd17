// `livediff log --git PATH`: the history from every committed version of one file, read through one
// `git cat-file --batch` however many versions there are.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED, SERIES } from '../history/series.js';
import { runCli } from '../helpers/run.js';
import { Repo } from './repo.js';

describe('livediff log --git', () => {
  const repo = new Repo();
  const commits: string[] = [];
  beforeAll(() => {
    // The scripted series, one commit per capture, with an unrelated commit and a broken capture between.
    SERIES.forEach((text, i) => {
      commits.push(repo.commit({ 'live/page.txt': text }));
      if (i === 1) repo.commit({ 'notes.md': 'unrelated\n' });
      if (i === 3) repo.commit({ 'live/page.txt': '<html><body>502 Bad Gateway</body></html>' });
    });
  });

  it('agrees with the scripted story, labels versions by short commit id and times them by the commit', () => {
    const r = runCli(['log', '--git', 'live/page.txt', '--format', 'json'], { cwd: repo.dir });
    expect(r.status).toBe(0);
    const top = JSON.parse(r.stdout);
    expect([top.schema, top.order, top.pages.length]).toEqual(['livediff.log/3', 'git', 1]);
    const doc = top.pages[0];
    expect(doc.captures.map((c: { label: string }) => c.label)).toEqual(commits.map((c) => repo.short(c)));
    expect(doc.captures.map((c: { time: string }) => c.time)).toEqual(commits.map((c) => repo.time(c)));
    expect(doc.captures[0].source).toBe(`live/page.txt@${repo.short(commits[0]!)}`);
    for (const p of doc.posts) {
      const n = Number(/\(update (\d+)\)/.exec(p.headline)![1]);
      const e = EXPECTED[n]!;
      expect([p.firstSeen, p.lastSeen, p.fate, p.origin, p.versions.length]).toEqual([e.firstSeen, e.lastSeen, e.fate, e.origin, e.versions]);
    }
    // The broken version is left out and said on stderr.
    expect(r.stderr).toMatch(/^livediff: left out \w+: live\/page\.txt@\w+: expected .*\n$/);
  });

  it('prints the table with commit ids and times, from a subfolder too', () => {
    const r = runCli(['log', '--git', 'page.txt'], { cwd: join(repo.dir, 'live') });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('8 posts over 6 captures: 6 live, 0 dropped, 1 out of view, 1 reinserted; 2 edited');
    // The commit time (UTC, to the minute) beside the id: an id alone says nothing of when.
    const time = new Date(repo.time(commits[0]!)).toISOString().slice(0, 16).replace('T', ' ');
    expect(lines[1]).toContain(`${repo.short(commits[0]!)} ${time}`);
  });

  it('--since and --until select commits by commit time', () => {
    const doc = JSON.parse(runCli(['log', '--git', 'live/page.txt', '-f', 'json', '--since', repo.time(commits[2])], { cwd: repo.dir }).stdout).pages[0];
    expect(doc.captures.map((c: { label: string }) => c.label)).toEqual(commits.slice(2).map((c) => repo.short(c)));
  });

  it('runs git a fixed number of times, one cat-file for every version', () => {
    const bin = mkdtempSync(join(tmpdir(), 'livediff-fakegit-'));
    const log = join(bin, 'calls');
    const gitPath = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${gitPath}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const r = runCli(['log', '--git', 'live/page.txt'], { cwd: repo.dir, env: { PATH: `${bin}:${process.env.PATH}` } });
    expect(r.status).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.filter((c) => c === 'cat-file')).toHaveLength(1);
    expect(calls.length).toBeLessThanOrEqual(3);
  });

  it('a path with no commits, or a folder: one line, exit 2', () => {
    const none = runCli(['log', '--git', 'live/none.txt'], { cwd: repo.dir });
    expect([none.status, none.stderr]).toEqual([2, 'livediff: live/none.txt: expected a file with committed versions, found no commit that adds or changes it\n']);
    repo.commit({ 'live/second.txt': SERIES[0]! });
    const folder = runCli(['log', '--git', 'live'], { cwd: repo.dir });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/log --git takes one capture file/);
  });
});
