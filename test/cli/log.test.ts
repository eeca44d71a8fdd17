// `livediff log` run as a user runs it, on a folder of captures written from the scripted series.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED, NAMES, SERIES } from '../history/series.js';
import { runCli } from '../helpers/run.js';

const tmp = mkdtempSync(join(tmpdir(), 'livediff-log-'));
const dir = join(tmp, 'captures');
mkdirSync(dir);
SERIES.forEach((text, i) => writeFileSync(join(dir, NAMES[i]!), text));
// The same captures without times in their names, and one file that is not a capture.
const plain = join(tmp, 'plain');
mkdirSync(plain);
SERIES.forEach((text, i) => writeFileSync(join(plain, `page-${'fedcba'[i]}.txt`), text));

describe('livediff log', () => {
  it('prints one line per post and a summary, exit 0, nothing on stderr', () => {
    const r = runCli(['log', dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\s+first seen\s+last seen\s+versions\s+status\s+headline$/);
    expect(lines.at(-1)).toBe('8 posts over 6 captures: 6 live, 0 dropped, 1 out of view, 1 reinserted; 2 edited');
    const row = (update: number) => lines.find((l) => l.endsWith(`(update ${update})`))!.split(/\s{2,}/);
    expect(row(1).slice(1, 5)).toEqual(['2026-11-22T10-00-00Z', '2026-11-22T10-20-00Z', '1', 'out of view']);
    expect(row(3).slice(1, 5)).toEqual(['2026-11-22T10-00-00Z', '2026-11-22T10-25-00Z', '1', 'reinserted']);
    expect(row(4).slice(3, 5)).toEqual(['2', 'live']);
    expect(row(8).slice(1, 3)).toEqual(['2026-11-22T10-25-00Z', '2026-11-22T10-25-00Z']);
  });

  it('--format json follows livediff.log/3 (one page here) and agrees with the scripted story', () => {
    const r = runCli(['log', dir, '--format', 'json']);
    expect(r.status).toBe(0);
    const top = JSON.parse(r.stdout);
    expect(top.schema).toBe('livediff.log/3');
    expect(top.order).toBe('name-stamp');
    expect(top.pages).toHaveLength(1);
    const doc = top.pages[0];
    expect(doc.captures.map((c: { time: string }) => c.time)).toEqual(NAMES.map((n) => `${n.slice(0, 13)}:${n.slice(14, 16)}:00.000Z`));
    for (const p of doc.posts) {
      const n = Number(/\(update (\d+)\)/.exec(p.headline)![1]);
      const e = EXPECTED[n]!;
      expect([p.firstSeen, p.lastSeen, p.fate, p.origin, p.versions.length]).toEqual([e.firstSeen, e.lastSeen, e.fate, e.origin, e.versions]);
    }
  });

  it('--post by number or headline text shows every version as a word diff', () => {
    const byText = runCli(['log', dir, '--post', 'bakhmut']);
    expect(byText.status).toBe(0);
    expect(byText.stdout).toContain('~ Heavy fighting continues around Bakhmut{+, corrected +}(update 4)');
    expect(byText.stdout).toMatch(/^version 2 · 2026-11-22T10-10-00Z · 10:40 a\.m\. ET, March 22, 2023 \(headline\)$/m);
    const id = byText.stdout.match(/^post (\d+):/)![1]!;
    expect(runCli(['log', dir, '--post', id]).stdout).toBe(byText.stdout);
  });

  it('--post that matches nothing, or several posts, is a usage error (exit 2, one line)', () => {
    const none = runCli(['log', dir, '--post', 'no such headline']);
    expect(none.status).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe("livediff: --post: no post has a headline containing 'no such headline'");
    const many = runCli(['log', dir, '--post', 'update']);
    expect(many.status).toBe(2);
    expect(many.stderr).toMatch(/matches 8 posts/);
  });

  it('--since and --until limit the captures', () => {
    const doc = JSON.parse(runCli(['log', dir, '--format', 'json', '--since', '2026-11-22T10:10Z', '--until', '2026-11-22T10:20Z']).stdout).pages[0];
    expect(doc.captures.map((c: { label: string }) => c.label)).toEqual(['2026-11-22T10-10-00Z', '2026-11-22T10-15-00Z', '2026-11-22T10-20-00Z']);
    const bad = runCli(['log', dir, '--since', 'yesterday']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("livediff: --since: expected a time such as 2026-11-22T10:00Z, 2026-11-22T10-00-00Z (as log prints) or 2.hours.ago, found 'yesterday'\n");
    // An empty range names the options given, and only those.
    expect(runCli(['log', dir, '--since', '2.hours.ago'])).toMatchObject({ status: 2, stderr: 'livediff: no capture in the range given by --since\n' });
    expect(runCli(['log', dir, '--until', '2020-01-01T00:00Z']).stderr).toBe('livediff: no capture in the range given by --until\n');
    expect(runCli(['log', dir, '--since', '2020-01-01T00:00Z', '--until', '2020-01-02T00:00Z']).stderr).toBe('livediff: no capture in the range given by --since and --until\n');
  });

  it('takes files and globs as well as folders', () => {
    const files = NAMES.map((n) => join(dir, n)).reverse();
    expect(runCli(['log', ...files]).stdout).toBe(runCli(['log', dir]).stdout);
    expect(runCli(['log', join(dir, '*.txt')]).stdout).toBe(runCli(['log', dir]).stdout);
  });

  it('orders captures without times in their names by what they say, and says so on stderr', () => {
    const r = runCli(['log', plain, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/ordered by what the captures say/);
    const doc = JSON.parse(r.stdout).pages[0];
    expect(JSON.parse(r.stdout).order).toBe('content');
    expect(doc.captures.map((c: { label: string }) => c.label)).toEqual(['page-f', 'page-e', 'page-d', 'page-c', 'page-b', 'page-a']);
  });

  it('--format markdown is a table that cannot be broken by capture text', () => {
    const r = runCli(['log', dir, '--format', 'markdown']);
    expect(r.stdout).toMatch(/^\| # \| first seen \| last seen \| versions \| status \| headline \|$/m);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('| ')).length).toBe(1 + 8);
    // The status in the words of every other report (`out of view`, as the terminal table says it).
    expect(r.stdout).toMatch(/^\| 5 \| 2026-11-22T10-00-00Z \| 2026-11-22T10-20-00Z \| 1 \| out of view \|/m);
  });

  it('leaves out a file that is not a capture, with one line naming it (issue 17: never fatal to a series)', () => {
    const bad = join(tmp, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, '2026-11-22T10-00-00Z.txt'), SERIES[0]!);
    writeFileSync(join(bad, '2026-11-22T10-05-00Z.txt'), '<html><body>502 Bad Gateway</body></html>\n');
    const r = runCli(['log', bad]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ *# +first seen/);
    expect(r.stderr).toMatch(/^livediff: left out .*2026-11-22T10-05-00Z\.txt: expected .+, found .+\n$/);
  });

  it('refuses an empty folder and a missing path', () => {
    mkdirSync(join(tmp, 'empty'));
    expect(runCli(['log', join(tmp, 'empty')]).status).toBe(2);
    const missing = runCli(['log', join(tmp, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope: expected .*, found no such file/);
  });
});

describe('livediff log on a JSON live ticker', () => {
  it('follows posts by their publisher ids: a placeholder overwritten, a post deleted, one leaving the window', () => {
    const ticker = join(tmp, 'ticker');
    mkdirSync(ticker);
    const post = (id: number, minute: number, title: string, text: string) => ({
      id,
      published: `2026-11-22T15:${String(minute).padStart(2, '0')}:00Z`,
      title,
      text,
    });
    const kickOff = post(101, 1, 'Kick-off', 'We are under way.');
    const chance = post(102, 12, 'Chance', 'Rashford shoots wide.');
    const placeholder = post(103, 20, 'Update to follow', 'More shortly.');
    const appeal = { ...placeholder, title: 'Penalty appeal', text: 'VAR says no.' };
    const card = post(104, 28, 'Yellow card', 'Casemiro booked.');
    const goal = post(105, 31, 'Goal!', 'City 1-0.');
    const half = post(106, 40, 'Half-time', '1-0 at the break.');
    // The feed shows its newest 4 posts, newest first, and the total.
    const write = (name: string, posts: object[]) =>
      writeFileSync(join(ticker, name), JSON.stringify({ title: 'Live: City v United', total: posts.length, posts: posts.slice().reverse().slice(0, 4) }));
    write('2026-11-22T15-10-00Z.json', [kickOff, chance]);
    write('2026-11-22T15-25-00Z.json', [kickOff, chance, placeholder]);
    write('2026-11-22T15-35-00Z.json', [kickOff, chance, appeal, card, goal]);
    write('2026-11-22T15-45-00Z.json', [kickOff, chance, appeal, goal, half]);
    const r = runCli(['log', ticker, '--format', 'json']);
    expect(r.stderr).toBe('');
    const log = JSON.parse(r.stdout).pages[0] as { posts: Array<{ headline: string; fate: string; versions: unknown[] }> };
    const fates = Object.fromEntries(log.posts.map((p) => [p.headline, [p.fate, p.versions.length]]));
    expect(fates).toEqual({
      'Kick-off': ['out-of-view', 1],
      Chance: ['live', 1],
      'Penalty appeal': ['live', 2],
      'Yellow card': ['dropped', 1],
      'Goal!': ['live', 1],
      'Half-time': ['live', 1],
    });
  });
});
