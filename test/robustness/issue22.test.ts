// The red-team findings of issue 22 that are not about check or capture (test/cli/*), each reproduced:
// git's line diff in the diff driver, untrusted titles in one-line errors, malformed Action events,
// environment faults as one-line errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvent } from '../../src/action/range.js';
import { environmentError } from '../../src/cli/io.js';
import { DifferentPagesError, InputError } from '../../src/errors.js';
import { makeCapture, stamp } from '../helpers/capture.js';
import { runCli } from '../helpers/run.js';

const tmp = mkdtempSync(join(tmpdir(), 'livediff-i22-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe('the git diff driver falling back to git\'s line diff', () => {
  it('sanitises the files\' text and names the repository path, not git\'s temporary files', () => {
    const hostile = 'not a capture\n\u001b]52;c;ZXZpbA==\u0007clipboard \u001b[2J clear \u001b]8;;http://evil\u0007link\u001b]8;;\u0007\n';
    const old = file('blob-old', 'not a capture\nplain line\n');
    const neu = file('blob-new', hostile);
    const r = runCli(['git-diff-driver', 'pages/live.txt', old, 'a'.repeat(40), '100644', neu, 'b'.repeat(40), '100644']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('\\x1b]52;c;ZXZpbA==\\x07clipboard');
    expect(r.stdout).not.toContain(tmp);
    expect(r.stdout).toMatch(/^diff --git a\/pages\/live\.txt b\/pages\/live\.txt$/m);
    expect(r.stdout).toMatch(/^--- a\/pages\/live\.txt$/m);
    expect(r.stdout).toMatch(/^\+\+\+ b\/pages\/live\.txt$/m);
    // With colour: only livediff's own SGR codes.
    const c = runCli(['git-diff-driver', 'pages/live.txt', old, 'a'.repeat(40), '100644', neu, 'b'.repeat(40), '100644', '--color']);
    expect(c.stdout.replace(/\u001b\[\d*m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(c.stdout).toContain('\u001b[32m+\\x1b]52;c;');
    // A binary version: git's "Binary files … differ" names the path too.
    const png = file('blob-png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    const bin = runCli(['git-diff-driver', 'pages/live.txt', png, 'a'.repeat(40), '100644', neu, 'b'.repeat(40), '100644']);
    expect(bin.stdout).toContain('Binary files a/pages/live.txt and b/pages/live.txt differ');
    expect(bin.stdout).not.toContain(tmp);
  });
});

describe('one-line errors quote untrusted text in excerpts', () => {
  it('cuts a 2 MB page title', () => {
    const title = `Live ${'x'.repeat(2_000_000)}`;
    const message = new DifferentPagesError(title, 'Other page').message;
    expect(message.length).toBeLessThan(400);
    expect(message).toMatch(/^the captures look like different pages \(titles "Live x+…" and "Other page", no post in common\)/);
    const a = file('title-a.txt', makeCapture({ title, posts: [{ time: stamp(600), headline: 'One', body: ['A.'] }] }));
    const b = file('title-b.txt', makeCapture({ title: 'Something else entirely', posts: [{ time: stamp(610), headline: 'Two', body: ['B.'] }] }));
    const r = runCli([a, b]);
    expect(r.status).toBe(2);
    expect(r.stderr.length).toBeLessThan(2100);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('the Action on a malformed event payload', () => {
  it.each([
    ['{"before": ', 'text that is not JSON'],
    ['[1, 2]', 'JSON that is not an object'],
    ['"push"', 'JSON that is not an object'],
    ['{"before": 42}', 'an object whose before, after, commits or pull_request are of another shape'],
    ['{"commits": "abc"}', 'an object whose before, after, commits or pull_request are of another shape'],
  ])('refuses %s in one line', (payload, found) => {
    const path = file('event.json', payload);
    expect(() => readEvent({ GITHUB_EVENT_PATH: path })).toThrowError(new InputError(path, 'the JSON event payload the runner writes (an object)', found).message);
  });

  it('reads a well-formed payload, and none outside Actions', () => {
    expect(readEvent({ GITHUB_EVENT_PATH: file('ok.json', '{"before":"a","commits":[{"id":"b"}]}') })).toEqual({ before: 'a', commits: [{ id: 'b' }] });
    expect(readEvent({})).toEqual({});
    expect(() => readEvent({ GITHUB_EVENT_PATH: join(tmp, 'missing.json') })).toThrowError(/missing\.json: expected .*, found an unreadable file \(ENOENT\)$/);
  });
});

describe('environment faults', () => {
  it.each([
    ['EACCES', 'permission denied (EACCES)'],
    ['EROFS', 'a read-only file system (EROFS)'],
    ['ENOSPC', 'no space left on the device (ENOSPC)'],
    ['EDQUOT', 'the disk quota exceeded (EDQUOT)'],
    ['EWHATEVER', 'a system error (EWHATEVER)'],
  ])('%s is one line naming the file', (code, found) => {
    const error = Object.assign(new Error(`${code}: something, open '/x/state.json'`), { code });
    expect(environmentError('/x/state.json', 'a state file livediff can write', error).message).toBe(`/x/state.json: expected a state file livediff can write, found ${found}`);
  });
});
