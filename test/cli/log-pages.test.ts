// `livediff log` on a folder a monitor left for days: a page rollover splits the history into pages (no
// post of the old page is `dropped`), and files that are not captures are left out with one warning each.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run.js';

const MARCH21 = join(ROOT, 'snapshots', 'cnn-russia-ukraine-2023-03-21', 'capture-1.txt');
const MARCH22 = join(ROOT, 'snapshots', 'cnn-russia-ukraine-2023-03-22');

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'livediff-log-pages-'));
  copyFileSync(MARCH21, join(dir, '2023-03-21T20-00-00Z.txt'));
  writeFileSync(join(dir, '2023-03-21T23-00-00Z.txt'), '<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>');
  writeFileSync(join(dir, '2023-03-22T05-00-00Z.txt'), '');
  copyFileSync(join(MARCH22, 'capture-1.txt'), join(dir, '2023-03-22T06-00-00Z.txt'));
  copyFileSync(join(MARCH22, 'capture-2.txt'), join(dir, '2023-03-22T07-00-00Z.txt'));
  return dir;
}

describe('livediff log over a rollover and bad files', () => {
  it('JSON: a list of pages, each with its captures and posts; nothing dropped at the rollover', () => {
    const r = runCli(['log', folder(), '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^livediff: left out .*2023-03-21T23-00-00Z\.txt: expected .*"502 Bad Gateway"/),
      expect.stringMatching(/^livediff: left out .*2023-03-22T05-00-00Z\.txt: expected .*found an empty file$/),
    ]);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe('livediff.log/3');
    expect(doc.pages.map((p: { title: string; captures: Array<{ label: string }>; posts: Array<{ fate: string }> }) => [p.title, p.captures.map((c) => c.label), [...new Set(p.posts.map((x) => x.fate))].sort()])).toEqual([
      ['March 21, 2023 - Russia-Ukraine news', ['2023-03-21T20-00-00Z'], ['live']],
      ['March 22, 2023 - Russia-Ukraine news', ['2023-03-22T06-00-00Z', '2023-03-22T07-00-00Z'], ['live', 'out-of-view']],
    ]);
  });

  it('terminal and Markdown: one table per page, under its title', () => {
    const dir = folder();
    const t = runCli(['log', dir]);
    expect(t.stdout).toMatch(/^page 1 of 2: March 21, 2023 - Russia-Ukraine news \(2023-03-21T20-00-00Z … 2023-03-21T20-00-00Z\)\n/);
    expect(t.stdout).toMatch(/\npage 2 of 2: March 22, 2023 - Russia-Ukraine news \(2023-03-22T06-00-00Z … 2023-03-22T07-00-00Z\)\n/);
    const m = runCli(['log', dir, '--format', 'markdown']);
    expect(m.stdout.match(/^# Page \d of 2: /gm)).toHaveLength(2);
    expect(m.stdout.match(/^## livediff log: /gm)).toHaveLength(2);
  });

  it('exits 2 when no file is a capture', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-log-bad-'));
    writeFileSync(join(dir, 'a.txt'), '');
    const r = runCli(['log', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/expected at least one readable capture, found 1 file\(s\), none a capture$/);
  });
});
