// `livediff check` left alone for weeks: a page rollover is one `page changed` step, files that are not
// captures are skipped with one warning each, an empty folder is "nothing yet", a missing state folder is
// made, and --only defaults to added,dropped,edited. Reproductions of issue 17, kept as tests.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCapture } from '../helpers/capture.js';
import { ROOT, runCli } from '../helpers/run.js';

const MARCH21 = join(ROOT, 'snapshots', 'cnn-russia-ukraine-2023-03-21', 'capture-1.txt');
const MARCH22 = join(ROOT, 'snapshots', 'cnn-russia-ukraine-2023-03-22');
const name = (hour: number) => `2023-03-2${hour < 24 ? 1 : 2}T${String(hour % 24).padStart(2, '0')}-00-00Z.txt`;

function rolloverFolder(): { dir: string; state: string } {
  const dir = mkdtempSync(join(tmpdir(), 'livediff-unattended-'));
  copyFileSync(MARCH21, join(dir, name(20)));
  writeFileSync(join(dir, name(21)), ''); // the README's crontab line when the capture command failed
  writeFileSync(join(dir, name(22)), '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
  copyFileSync(join(MARCH22, 'capture-1.txt'), join(dir, name(24 + 6)));
  copyFileSync(join(MARCH22, 'capture-2.txt'), join(dir, name(24 + 7)));
  return { dir, state: join(dir, 'state', 'check.json') };
}

describe('livediff check unattended', () => {
  it('reports a rollover as one page change, skips an empty file and an error page with one warning each, and never exits 2 later', () => {
    const f = rolloverFolder();
    const first = runCli(['check', f.dir, '--state', f.state, '--reset-state']);
    expect(first).toMatchObject({ status: 0, stdout: '', stderr: '' }); // starts from the newest capture
    // Back to the start of the series: the state at the March 21 capture.
    const state = JSON.parse(readFileSync(f.state, 'utf8'));
    writeFileSync(f.state, JSON.stringify({ ...state, capture: name(20), sha256: createHash('sha256').update(readFileSync(join(f.dir, name(20)))).digest('hex'), seen: [`${name(20)}\t${readFileSync(join(f.dir, name(20))).length}`] }));
    const r = runCli(['check', f.dir, '--state', f.state, '--format', 'json']);
    expect(r.status).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^livediff: skipped .*${name(21)}: expected .*, found an empty file$`)),
      expect.stringMatching(new RegExp(`^livediff: skipped .*${name(22)}: expected .*"502 Bad Gateway".*$`)),
    ]);
    const json = JSON.parse(r.stdout);
    expect(json.steps.map((s: { old: string; new: string; pageChanged?: unknown; report: { summary: object } | null }) => [s.old, s.new, s.pageChanged ?? s.report!.summary])).toEqual([
      [name(20), name(30), { old: 'March 21, 2023 - Russia-Ukraine news', new: 'March 22, 2023 - Russia-Ukraine news' }],
      [name(30), name(31), expect.objectContaining({ added: 2, dropped: 0 })],
    ]);
    expect(JSON.parse(readFileSync(f.state, 'utf8'))).toMatchObject({ capture: name(31) });
    // Later runs: quiet, no warning repeated.
    expect(runCli(['check', f.dir, '--state', f.state])).toMatchObject({ status: 0, stdout: '', stderr: '' });
    writeFileSync(join(f.dir, '2023-03-22T08-00-00Z.txt'), 'Sign in to continue\nPassword\n');
    const login = runCli(['check', f.dir, '--state', f.state]);
    expect(login.status).toBe(0);
    expect(login.stderr).toMatch(/^livediff: skipped .*08-00-00Z\.txt: expected .*"Sign in to continue".*\n$/);
    expect(runCli(['check', f.dir, '--state', f.state])).toMatchObject({ status: 0, stderr: '' });
  });

  it('prints one `page changed` line on the terminal; its posts are not dropped', () => {
    const f = rolloverFolder();
    const r = runCli(['check', f.dir]); // no state: the two newest readable captures
    expect(r.status).toBe(1);
    const all = runCli(['diff', MARCH21, join(MARCH22, 'capture-1.txt')]);
    expect(all.status).toBe(2); // two captures of different pages stay an error for a plain diff
    const dir = mkdtempSync(join(tmpdir(), 'livediff-rollover-'));
    copyFileSync(MARCH21, join(dir, name(20)));
    copyFileSync(join(MARCH22, 'capture-1.txt'), join(dir, name(30)));
    const page = runCli(['check', dir]);
    expect(page).toMatchObject({
      status: 1,
      stdout: 'page changed: March 21, 2023 - Russia-Ukraine news -> March 22, 2023 - Russia-Ukraine news\n',
      stderr: '',
    });
    expect(runCli(['check', dir, '--format', 'markdown']).stdout).toMatch(/^\*\*page changed:\*\* March 21, 2023 - Russia-Ukraine news -> March 22/);
  });

  it('is silent on an empty folder, makes a missing state folder, and exits 2 when no file is a capture', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-empty-'));
    const state = join(dir, 'not', 'yet', 'state.json');
    expect(runCli(['check', dir, '--state', state])).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(existsSync(join(dir, 'not', 'yet'))).toBe(true);
    writeFileSync(join(dir, 'a.txt'), '');
    const bad = runCli(['check', dir, '--state', state]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n').at(-1)).toMatch(/expected a folder with at least one readable capture, found 1 file\(s\), none a capture$/);
    copyFileSync(join(MARCH22, 'capture-1.txt'), join(dir, 'b.txt'));
    expect(runCli(['check', dir, '--state', state])).toMatchObject({ status: 0, stdout: '' });
  });

  it('reports added, dropped and edited posts by default; --only all is the old default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-only-'));
    copyFileSync(join(MARCH22, 'capture-1.txt'), join(dir, name(30)));
    copyFileSync(join(MARCH22, 'capture-2.txt'), join(dir, name(31)));
    const byDefault = runCli(['check', dir, '--format', 'json']);
    const all = runCli(['check', dir, '--format', 'json', '--only', 'all']);
    const statuses = (out: string) => [...new Set(JSON.parse(out).steps[0].report.posts.map((p: { status: string }) => p.status))].sort();
    expect(statuses(byDefault.stdout)).toEqual(['added']);
    expect(statuses(all.stdout)).toEqual(['added', 'out-of-view']);
    expect(runCli(['check', dir, '--only', 'all,bogus']).stderr).toMatch(/--only takes all, added/);
  });
});

describe('livediff check --settle', () => {
  const post = (h: string, minute: number) => ({ time: `10:${String(minute).padStart(2, '0')} a.m. ET, March 22, 2023`, headline: h, byline: null, body: [`${h}: the text of this post, long enough to be itself.`] });
  const both = makeCapture({ title: 'Live', posts: [post('Flaky post', 2), post('Steady post', 1)] });
  const one = makeCapture({ title: 'Live', posts: [post('Steady post', 1)] });
  const flips = [both, one, both, one, both, one];

  function run(settle: string[], captures = flips): Array<[string, string, number, number]> {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-settle-'));
    const state = join(dir, '.state.json');
    const steps: Array<[string, string, number, number]> = [];
    captures.forEach((text, i) => {
      writeFileSync(join(dir, `2023-03-22T10-0${i}-00Z.txt`), text);
      const r = runCli(['check', dir, '--state', state, '--format', 'json', ...settle]);
      expect(r.stderr).toBe('');
      if (r.status === 1) for (const s of JSON.parse(r.stdout).steps) steps.push([s.old.slice(14, 16), s.new.slice(14, 16), s.report.summary.added, s.report.summary.dropped]);
    });
    return steps;
  }

  it('reports a post that keeps vanishing and coming back once, where --settle 0 reports every flip', () => {
    expect(run([])).toEqual([['00', '01', 0, 1]]);
    expect(run(['--settle', '0'])).toEqual([
      ['00', '01', 0, 1],
      ['01', '02', 1, 0],
      ['02', '03', 0, 1],
      ['03', '04', 1, 0],
      ['04', '05', 0, 1],
    ]);
    // A post away for longer than N captures is news when it comes back.
    expect(run(['--settle', '1'], [both, one, one, both])).toEqual([
      ['00', '01', 0, 1],
      ['02', '03', 1, 0],
    ]);
    expect(run(['--settle', '2'], [both, one, one, both])).toEqual([['00', '01', 0, 1]]);
  });
});
