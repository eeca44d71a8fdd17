// `livediff git` in a real temporary repository: the same posts as `livediff OLD NEW` on the same versions,
// added and deleted captures, a first commit, path limits, the working tree, and trouble.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';
import { CAPTURE_1, CAPTURE_2, OTHER_DAY, Repo, XI_PUTIN } from './repo.js';

const tmp = mkdtempSync(join(tmpdir(), 'livediff-git-files-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
const OLD = file('old.txt', CAPTURE_1);
const NEW = file('new.txt', CAPTURE_2);

/** A report without the lines that name the files (`--- …`, `+++ …`). */
const body = (text: string) => text.split('\n').filter((l) => !/^(---|\+\+\+) /.test(l));

describe('livediff git', () => {
  const repo = new Repo();
  let first: string;
  let second: string;
  beforeAll(() => {
    first = repo.commit({ 'snaps/cnn.txt': CAPTURE_1, 'snaps/gone.txt': OTHER_DAY, 'README.md': '# captures\n' });
    // Another capture than the one deleted: the same bytes under a new name would be a rename (below).
    second = repo.commit({ 'snaps/cnn.txt': CAPTURE_2, 'snaps/gone.txt': null, 'snaps/new.txt': XI_PUTIN, 'README.md': '# captures, updated\n' });
  });
  const git = (args: string[]) => runCli(['git', ...args], { cwd: repo.dir });

  it('reports the modified capture exactly as `livediff OLD NEW` does, exit 1', () => {
    const r = git([]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const direct = runCli([OLD, NEW]).stdout;
    const report = r.stdout.split('\n\n--- snaps/gone.txt')[0]!;
    expect(body(report)).toEqual(body(direct).slice(0, -1));
    expect(report).toContain(`--- snaps/cnn.txt@${repo.short(first)}  (9 posts shown of 9`);
    expect(report).toContain(`+++ snaps/cnn.txt@${repo.short(second)}  (9 posts shown of 11`);
  });

  it('says what new and deleted captures hold, ignores files that are not captures', () => {
    const out = git([]).stdout;
    expect(out).toContain(`+++ snaps/new.txt@${repo.short(second)}  (new file: 9 posts shown of`);
    expect(out).toContain(`--- snaps/gone.txt@${repo.short(first)}  (deleted file: 9 posts shown of`);
    expect(out).not.toContain('README');
    expect(out.trimEnd().split('\n').at(-1)).toBe(`${repo.short(first)} → ${repo.short(second)}: 3 captures changed (1 modified, 1 new, 1 deleted)`);
  });

  it('--format json: livediff.git/4 wrapping the livediff.diff/3 report', () => {
    const doc = JSON.parse(git(['--format', 'json']).stdout);
    const direct = JSON.parse(runCli([OLD, NEW, '--format', 'json']).stdout);
    expect(doc.schema).toBe('livediff.git/4');
    expect(doc.from).toEqual({ rev: 'HEAD~1', commit: first });
    expect(doc.to).toEqual({ rev: 'HEAD', commit: second });
    expect(doc.files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([
      ['snaps/cnn.txt', 'modified'],
      ['snaps/gone.txt', 'deleted'],
      ['snaps/new.txt', 'added'],
    ]);
    const cnn = doc.files[0].report;
    expect(cnn.schema).toBe('livediff.diff/3');
    expect(cnn.posts).toEqual(direct.posts);
    expect(cnn.summary).toEqual(direct.summary);
    expect(cnn.page).toEqual(direct.page);
    expect(doc.files[2]).toMatchObject({ report: null, capture: { source: `snaps/new.txt@${repo.short(second)}`, posts: 9 } });
    expect(doc.summary).toMatchObject({ files: { modified: 1, added: 1, deleted: 1 }, message: '2 posts added; 1 new capture, 1 capture deleted' });
    expect(doc.ignored).toEqual(['README.md']);
  });

  it('takes revisions as A B, A..B or A alone (A..HEAD), and paths after --', () => {
    const all = git([first, second]).stdout;
    expect(git([`${first}..${second}`]).stdout).toBe(all);
    expect(git([first]).stdout).toBe(all);
    const one = git(['HEAD~1', '--', 'snaps/new.txt']);
    expect(one.status).toBe(1);
    expect(one.stdout).toContain('+++ snaps/new.txt@');
    expect(one.stdout).not.toContain('cnn.txt');
  });

  it('--only and --quiet work as for diff', () => {
    const edited = git(['--only', 'edited']);
    expect(edited.status).toBe(0);
    // The modified capture has nothing edited: no lines for it, not even a blank one.
    expect(edited.stdout).toBe(`${repo.short(first)} → ${repo.short(second)}: 3 captures changed (1 modified, 1 new, 1 deleted)\n`);
    const q = git(['-q']);
    expect([q.status, q.stdout]).toEqual([1, '']);
  });

  it('--explain says why under each post in terminal, Markdown and HTML, as diff does', () => {
    for (const format of ['terminal', 'markdown', 'html']) {
      expect(git(['-f', format]).stdout).not.toContain('why: ');
      expect(git(['-f', format, '--explain']).stdout).toContain('why: ');
    }
  });

  it('exits 0 when the captures did not change', () => {
    const r = runCli(['git', 'HEAD', 'HEAD'], { cwd: repo.dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^no capture changed: \w+ → \w+\n$/);
  });

  it('--worktree: HEAD against the files on disk, new files not yet added included', () => {
    repo.write({ 'snaps/cnn.txt': CAPTURE_1, 'snaps/untracked.txt': CAPTURE_2 });
    try {
      const doc = JSON.parse(git(['--worktree', '-f', 'json']).stdout);
      expect(doc.to).toEqual({ rev: '(working tree)', commit: null });
      expect(doc.files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([
        ['snaps/cnn.txt', 'modified'],
        ['snaps/untracked.txt', 'added'],
      ]);
      expect(doc.files[0].report.new.source).toBe('snaps/cnn.txt');
      expect(doc.files[0].report.summary).toMatchObject({ 'into-view': 2 });
    } finally {
      repo.write({ 'snaps/cnn.txt': CAPTURE_2, 'snaps/untracked.txt': null });
    }
  });
});

describe('livediff git: first commits and trouble', () => {
  it('a first commit: every capture is new', () => {
    const repo = new Repo();
    repo.commit({ 'a.txt': CAPTURE_1 });
    const r = runCli(['git'], { cwd: repo.dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`+++ a.txt@${repo.short('HEAD')}  (new file: 9 posts shown of 9`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\(nothing\) → \w+: 1 capture changed \(0 modified, 1 new, 0 deleted\)$/);
  });

  it('outside a repository, an unknown revision: one line, exit 2', () => {
    const outside = runCli(['git'], { cwd: mkdtempSync(join(tmpdir(), 'livediff-norepo-')) });
    expect(outside.status).toBe(2);
    expect(outside.stdout).toBe('');
    expect(outside.stderr).toMatch(/^livediff: .*: expected a git repository, found a folder outside any\n$/);
    const repo = new Repo();
    repo.commit({ 'a.txt': CAPTURE_1 });
    const unknown = runCli(['git', 'no-such-rev'], { cwd: repo.dir });
    expect([unknown.status, unknown.stderr]).toEqual([2, "livediff: unknown revision 'no-such-rev': expected a commit of this repository\n"]);
    const option = runCli(['git', '--', '--output=/tmp/x'], { cwd: repo.dir });
    expect(option.status).toBe(0); // a path, not an option: git is never handed an option from the user
  });

  it('a capture that is no longer one: the others reported, one line on stderr, exit 2', () => {
    const repo = new Repo();
    repo.commit({ 'a.txt': CAPTURE_1, 'b.txt': CAPTURE_1 });
    repo.commit({ 'a.txt': CAPTURE_2, 'b.txt': '<html>Service unavailable</html>' });
    const r = runCli(['git'], { cwd: repo.dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('--- a.txt@');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^livediff: b\.txt@\w+: expected .*, found /);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\w+ → \w+: 1 capture changed \(1 modified, 0 new, 0 deleted\); 1 capture could not be read$/);
  });

  // Reported from an exploratory run: the last line said `no capture changed` when the one changed
  // capture had become an error page.
  it('the only changed capture no longer one: the last line does not say that nothing changed', () => {
    const repo = new Repo();
    repo.commit({ 'a.txt': CAPTURE_1 });
    repo.commit({ 'a.txt': 'Service unavailable\n\nPlease try again later.\n' });
    const r = runCli(['git'], { cwd: repo.dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^no capture compared: \w+ → \w+; 1 capture could not be read\n$/);
    expect(r.stderr).toMatch(/^livediff: a\.txt@\w+: expected .*, found "Service unavailable" on line 1/);
    // The one-line message of every other format says so too.
    expect(runCli(['git', '-f', 'markdown'], { cwd: repo.dir }).stdout).toContain('**1 capture could not be read**');
    expect(JSON.parse(runCli(['git', '-f', 'json'], { cwd: repo.dir }).stdout).summary.message).toBe('1 capture could not be read');
  });
});

// Reported from an exploratory run: a capture file that now holds the next day's page made `livediff git`
// exit 2 ("no capture compared … 1 capture could not be read", "look like different pages; use --force").
// As `livediff check` says it: a page change, one line naming both titles, exit 1, no post dropped.
describe('livediff git: a page rollover', () => {
  const repo = new Repo();
  let first: string;
  let second: string;
  beforeAll(() => {
    first = repo.commit({ 'live.txt': OTHER_DAY, 'b.txt': CAPTURE_1 });
    second = repo.commit({ 'live.txt': CAPTURE_1, 'b.txt': CAPTURE_2 });
  });
  const git = (args: string[]) => runCli(['git', ...args], { cwd: repo.dir });
  const LINE = 'page changed: March 21, 2023 - Russia-Ukraine news -> March 22, 2023 - Russia-Ukraine news';

  it('terminal: both versions named, then the line check prints; a change (exit 1), not trouble', () => {
    const r = git(['--', 'live.txt']);
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(r.stdout).toBe(
      [
        `--- live.txt@${repo.short(first)}  (9 posts shown of 17, updated 12:05 a.m. ET, March 22, 2023)`,
        `+++ live.txt@${repo.short(second)}  (9 posts shown of 9, updated 12:44 a.m. ET, March 23, 2023)`,
        LINE,
        '',
        `${repo.short(first)} → ${repo.short(second)}: 1 capture changed (1 modified, 0 new, 0 deleted)`,
        '',
      ].join('\n'),
    );
    // Whatever --only selects, as check reports a page change; the other capture is reported beside it.
    const edited = git(['--only', 'edited', '--', 'live.txt']);
    expect([edited.status, edited.stdout.split('\n')[2]]).toEqual([1, LINE]);
    const both = git([]);
    expect([both.status, both.stderr]).toEqual([1, '']);
    expect(both.stdout).toContain(`\n\n--- live.txt@${repo.short(first)}`);
    expect(both.stdout).toContain(`${LINE}\n\n`);
    expect(both.stdout).not.toContain('dropped');
  });

  it('json, markdown, html: the same page change; the message counts it', () => {
    const doc = JSON.parse(git(['-f', 'json']).stdout);
    expect(doc.schema).toBe('livediff.git/4');
    expect(doc.problems).toEqual([]);
    expect(doc.files[1]).toEqual({
      path: 'live.txt',
      status: 'modified',
      oldPath: null,
      report: null,
      capture: null,
      pageChanged: { old: 'March 21, 2023 - Russia-Ukraine news', new: 'March 22, 2023 - Russia-Ukraine news' },
    });
    expect(doc.files[0]).toMatchObject({ path: 'b.txt', pageChanged: null });
    expect(doc.summary).toMatchObject({ files: { modified: 2 }, pageChanges: 1, posts: { added: 2, dropped: 0 }, message: '2 posts added; 1 page changed' });
    const md = git(['-f', 'markdown', '--', 'live.txt']).stdout;
    expect(md).toContain('**1 page changed**');
    expect(md).toContain(`### livediff: live.txt@&#8203;${repo.short(first)} → live.txt@&#8203;${repo.short(second)}\n\n**page changed:** March 21, 2023`);
    const html = git(['-f', 'html', '--', 'live.txt']).stdout;
    expect(html).toContain('<p class="summary">page changed: March 21, 2023 - Russia-Ukraine news -&gt; March 22, 2023 - Russia-Ukraine news</p>');
    expect(html).not.toContain('Warning');
  });

  it('with --force the two versions are compared, as diff --force does', () => {
    const r = git(['--force', '--', 'live.txt']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('warning: these captures look like different pages (compared with --force)');
  });
});

// Reported from an exploratory run: a pure `git mv` of a capture was a deleted capture (every post listed,
// `--only dropped` exit 1) plus a new one. git's rename detection (-M) pairs the two paths: the old
// version is compared with the new.
describe('livediff git: renamed captures', () => {
  const repo = new Repo();
  const EDITED = CAPTURE_2.replace('Read more here.', 'Read more over here.');
  let first: string;
  let moved: string;
  let edited: string;
  beforeAll(() => {
    first = repo.commit({ 'snaps/live.txt': CAPTURE_2 });
    moved = repo.commit({ 'snaps/live.txt': null, 'snaps/ukraine.txt': CAPTURE_2 });
    edited = repo.commit({ 'snaps/ukraine.txt': null, 'snaps/ukraine-2.txt': EDITED });
  });
  const git = (args: string[]) => runCli(['git', ...args], { cwd: repo.dir });

  it('a pure rename: no post change, exit 0, the rename said in one line and in the summary line', () => {
    const r = git(['HEAD~2', 'HEAD~1']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      `+++ snaps/ukraine.txt@${repo.short(moved)}  (renamed from snaps/live.txt: 9 posts shown of 11, updated 12:44 a.m. ET, March 23, 2023)\n\n` +
        `${repo.short(first)} → ${repo.short(moved)}: 1 capture changed (0 modified, 0 new, 0 deleted, 1 renamed)\n`,
    );
    const dropped = git(['HEAD~2', 'HEAD~1', '--only', 'dropped']);
    expect(dropped.status).toBe(0);
    expect(dropped.stdout).not.toContain('deleted file');
    const doc = JSON.parse(git(['HEAD~2', 'HEAD~1', '-f', 'json']).stdout);
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0]).toMatchObject({ path: 'snaps/ukraine.txt', status: 'renamed', oldPath: 'snaps/live.txt', capture: null, pageChanged: null });
    expect(doc.files[0].report.old.source).toBe(`snaps/live.txt@${repo.short(first)}`);
    expect(doc.files[0].report.new.source).toBe(`snaps/ukraine.txt@${repo.short(moved)}`);
    expect(doc.files[0].report.summary).toMatchObject({ added: 0, dropped: 0, edited: 0, unchanged: 9 });
    expect(doc.summary).toMatchObject({ files: { modified: 0, added: 0, deleted: 0, renamed: 1 }, message: '1 capture renamed' });
    expect(git(['HEAD~2', 'HEAD~1', '-f', 'markdown']).stdout).toContain(`### livediff: snaps/live.txt@&#8203;${repo.short(first)} → snaps/ukraine.txt@&#8203;${repo.short(moved)}`);
    expect(git(['HEAD~2', 'HEAD~1', '-f', 'html']).stdout).toContain('<h2>snaps/live.txt → snaps/ukraine.txt');
  });

  it('a rename with an edit: the edit reported between the old path and the new, exit 1', () => {
    const r = git([]);
    expect([r.status, r.stderr]).toEqual([1, '']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^--- snaps/ukraine\\.txt@${repo.short(moved)}  \\(9 posts shown of 11`));
    expect(lines[1]).toMatch(new RegExp(`^\\+\\+\\+ snaps/ukraine-2\\.txt@${repo.short(edited)}  \\(9 posts shown of 11`));
    expect(lines[2]).toBe('1 edited (body); 8 unchanged');
    expect(r.stdout).toContain('~ Read more {+over +}here.');
    expect(lines.at(-2)).toBe(`${repo.short(moved)} → ${repo.short(edited)}: 1 capture changed (0 modified, 0 new, 0 deleted, 1 renamed)`);
    expect(JSON.parse(git(['-f', 'json']).stdout).summary).toMatchObject({ files: { renamed: 1 }, posts: { edited: 1 }, message: '1 post edited; 1 capture renamed' });
  });

  it('a rename staged in the working tree (git mv) is one too', () => {
    repo.git('mv', 'snaps/ukraine-2.txt', 'snaps/ukraine-3.txt');
    try {
      const r = git(['--worktree']);
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('+++ snaps/ukraine-3.txt  (renamed from snaps/ukraine-2.txt: 9 posts shown of 11, updated 12:44 a.m. ET, March 23, 2023)');
    } finally {
      repo.git('mv', 'snaps/ukraine-3.txt', 'snaps/ukraine-2.txt');
    }
  });
});
