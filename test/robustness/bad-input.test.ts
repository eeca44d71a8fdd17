// Every row of docs/robustness.md, run as a user would: the built CLI on a file that is wrong in one way.
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCapture, stamp } from '../helpers/capture.js';
import { runCli } from '../helpers/run.js';

const GOOD = 'snapshots/cnn-russia-ukraine-2023-03-22/capture-2.txt';
const tmp = mkdtempSync(join(tmpdir(), 'livediff-bad-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

function refused(args: string[], message: RegExp, input?: Buffer) {
  const r = runCli(args, input === undefined ? {} : { input });
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(r.stderr).toMatch(message);
}

describe('bad input from docs/robustness.md', () => {
  it('a whitespace-only file', () => refused([file('ws.txt', ' \n \t\n'), GOOD], /ws\.txt: expected a UTF-8 text capture of a live page, found only white space/));

  it('a PNG', () =>
    refused([file('img.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), GOOD], /img\.png: expected .*, found a PNG image/));

  it('UTF-16 with a BOM is read', () => {
    const text = readFileSync(GOOD, 'utf8');
    const utf16 = file('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = runCli([GOOD, utf16]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('a header with no posts', () =>
    refused([file('header.txt', 'March 22, 2023 - News\n\nUpdated 1:00 a.m. ET, March 22, 2023\n9 Posts\nSort byDropdown arrow\n'), GOOD], /header\.txt: expected a live-page capture .*, found a page header but no post$/m));

  it('posts with no header are read', () => {
    const r = runCli([file('noheader.txt', `${stamp(600)}\n\nA headline\n\nA paragraph.`), file('noheader2.txt', `${stamp(600)}\n\nA headline\n\nA paragraph, edited.`)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 edited (body)');
  });

  it('a capture truncated in the middle of a post: the cut post shows as edited, nothing else', () => {
    const text = readFileSync(GOOD, 'utf8');
    const cut = file('cut.txt', text.slice(0, text.lastIndexOf('Moscow has rejected')));
    const r = runCli([GOOD, cut, '--format', 'json']);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toMatchObject({ edited: 1, unchanged: 8, dropped: 0 });
  });

  it('a 200 MB file is refused without being read', () => {
    const path = join(tmp, 'huge.txt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    refused([path, GOOD], /huge\.txt: expected a capture of at most 64\.0 MiB, found 200\.0 MiB/);
  });

  // A capture needs up to 16 times its size of heap (an HTML page or a page whose every post was edited, at
  // the 64 MiB limit, aborted V8 with exit 134 in a heap of 512 MiB). Node's heap is a quarter of the
  // machine's memory: on a small one the limit follows it, and says how to raise it.
  it('a capture too large for the heap Node has here is refused in one line, not aborted', () => {
    const path = join(tmp, 'large.txt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 20 * 1024 * 1024);
    closeSync(fd);
    const small = { env: { NODE_OPTIONS: '--max-old-space-size=256' } };
    for (const [args, input] of [[[path, GOOD]], [['-', GOOD], readFileSync(path)]] as const) {
      const r = runCli([...args], { ...small, input });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        /^livediff: (.*large\.txt|\(stdin\)): expected a capture of at most 19\.0 MiB \(1\/16 of the 304\.0 MiB of memory Node has here; NODE_OPTIONS=--max-old-space-size=MiB gives it more\), found 20\.0 MiB\n$/,
      );
    }
    // With the heap this machine gives Node, the same file is read, and refused for what it holds.
    const r = runCli([path, GOOD]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/large\.txt: expected a UTF-8 text capture of a live page, found /);
  });

  it('the same file on both sides: no changes, exit 0', () => {
    const r = runCli([GOOD, GOOD]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('stdin closed at once', () => refused([GOOD, '-'], /\(stdin\): expected a UTF-8 text capture of a live page, found an empty file/, Buffer.alloc(0)));

  it('stdin cut off in the middle of a UTF-8 character', () => {
    const bytes = Buffer.from(readFileSync(GOOD, 'utf8').slice(0, 2000));
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('’')) + 1);
    refused([GOOD, '-'], /\(stdin\): expected .*, found invalid UTF-8 at byte \d+/, cut);
  });

  it('an HTTP error page saved as a capture', () =>
    refused([file('error.txt', '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n'), GOOD], /error\.txt: expected a live page: an HTML page with post elements .*, found an HTML page titled "502 Bad Gateway" with no such element\n$/));

  it('100,000 tiny posts through the CLI', () => {
    const posts = Array.from({ length: 100_000 }, (_, i) => ({ time: stamp(i % 1440), headline: `Post ${i}`, byline: null, body: [`Text ${i}.`] }));
    const old = file('many-old.txt', makeCapture({ posts }));
    const neu = file('many-new.txt', makeCapture({ posts: posts.slice(1) }));
    const r = runCli([old, neu, '--format', 'json', '--only', 'dropped']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ dropped: 1, unchanged: 99_999 });
  });
});
