// The built CLI as a user runs it: real captures, exit codes, messages, stdin, formats, colour.
import { mkdtempSync, readFileSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ansiToTags, runCli } from '../helpers/run.js';

const OLD = 'snapshots/cnn-russia-ukraine-2023-03-22/capture-1.txt';
const NEW = 'snapshots/cnn-russia-ukraine-2023-03-22/capture-2.txt';
const tmp = mkdtempSync(join(tmpdir(), 'livediff-cli-'));

describe('livediff OLD NEW on the March 22 captures', () => {
  it('reports 2 added and 2 out of view, exit 1', () => {
    const r = runCli([OLD, NEW]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    // The verdict first, under the two file lines; the page details last.
    expect(lines[2]).toBe('2 added, 2 out of view; 7 unchanged');
    expect(lines.at(-1)).toBe('    deep link: White House official says Russia-China relationship is built on mutual interest to challenge US → (none)');
    expect(lines).toContain('added · 5:50 a.m. ET, March 22, 2023 · new #1');
    expect(lines).toContain('out of view · 8:51 p.m. ET, March 21, 2023 · old #9');
    expect(lines).toContain('    post count: 9 → 11');
  });

  it('is the same as `livediff diff OLD NEW`', () => {
    expect(runCli(['diff', OLD, NEW]).stdout).toBe(runCli([OLD, NEW]).stdout);
  });

  it('prints nothing and exits 0 for a capture against itself, as diff(1)', () => {
    const r = runCli([OLD, OLD]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  // Reported from an exploratory run: Markdown printed a heading and the verdict of what --only left out,
  // and HTML a whole page, which a script posting any non-empty Markdown posts as noise.
  it.each(['terminal', 'markdown', 'html'])('prints nothing in %s when nothing selected changed; JSON is always a document', (format) => {
    for (const args of [[OLD, OLD], [OLD, NEW, '--only', 'dropped']]) {
      expect(runCli([...args, '-f', format])).toMatchObject({ status: 0, stdout: '', stderr: '' });
      const json = runCli([...args, '-f', 'json']);
      expect(json.status).toBe(0);
      expect(JSON.parse(json.stdout).schema).toBe('livediff.diff/3');
    }
    expect(runCli([OLD, NEW, '--only', 'added', '-f', format]).stdout).toContain('Xi and Putin');
  });

  it('writes the JSON contract', () => {
    const r = runCli([OLD, NEW, '--format', 'json']);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.schema).toBe('livediff.diff/3');
    expect(json.samePage).toBe(true);
    expect(json.summary).toMatchObject({ added: 2, dropped: 0, edited: 0, 'out-of-view': 2, 'into-view': 0, unchanged: 7 });
    expect(json.posts).toHaveLength(11);
    expect(json.posts[0]).toMatchObject({
      status: 'added',
      old: null,
      new: { index: 0, time: '5:50 a.m. ET, March 22, 2023', headline: "Analysis: How Xi and Putin's new friendship could test the US" },
      moved: false,
      fields: [],
    });
    expect(json.page.postCount).toEqual({ old: 9, new: 11 });
  });

  it('--only filters what is shown and what sets the exit code', () => {
    const dropped = runCli([OLD, NEW, '--only', 'dropped,edited']);
    expect(dropped.status).toBe(0);
    expect(dropped.stdout).not.toContain('added ·');
    const json = JSON.parse(runCli([OLD, NEW, '--only', 'out-of-view', '-f', 'json']).stdout);
    expect(json.posts.map((p: { status: string }) => p.status)).toEqual(['out-of-view', 'out-of-view']);
    expect(runCli([OLD, NEW, '--only', 'nonsense']).status).toBe(2);
  });

  it('writes Markdown', () => {
    const r = runCli([OLD, NEW, '--format', 'markdown']);
    expect(r.stdout).toContain('**2 added, 2 out of view; 7 unchanged**');
    expect(r.stdout).toContain("### 🟢 Added: Analysis: How Xi and Putin's new friendship could test the US");
  });

  it('colours only when asked or on a terminal, and never with NO_COLOR', () => {
    expect(runCli([OLD, NEW]).stdout).not.toContain('\u001b[');
    const colored = runCli([OLD, NEW, '--color']).stdout;
    expect(ansiToTags(colored)).toContain('<green><bold>added</></> <dim>· 5:50 a.m. ET, March 22, 2023 · new #1</>');
    expect(runCli([OLD, NEW], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('takes file names that look like numbers as they are (007 is not 7)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-numbers-'));
    writeFileSync(join(dir, '007'), readFileSync(OLD));
    writeFileSync(join(dir, '08'), readFileSync(NEW));
    const r = runCli(['007', '08', '--brief'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('--- 007 ');
    expect(r.stdout.split('\n')[2]).toBe('2 added, 2 out of view; 7 unchanged');
  });

  it('reads one side from stdin', () => {
    const r = runCli([OLD, '-'], { input: readFileSync(NEW) });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('+++ (stdin)');
    expect(runCli(['-', '-']).status).toBe(2);
  });

  it('prints help with examples and the exit codes', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('Exit status: 0 nothing to report, 1 changes reported, 2 trouble');
  });
});

describe('bad input: one line naming the file and what was expected, exit 2', () => {
  const write = (name: string, content: string | Buffer) => {
    const path = join(tmp, name);
    writeFileSync(path, content);
    return path;
  };
  const cases: Array<[string, () => string, RegExp]> = [
    ['a missing file', () => join(tmp, 'missing.txt'), /missing\.txt: expected a readable capture file, found no such file$/],
    ['a folder', () => (mkdirSync(join(tmp, 'dir'), { recursive: true }), join(tmp, 'dir')), /dir: expected a (readable )?capture file, found a folder$/],
    ['an empty file', () => write('empty.txt', ''), /empty\.txt: expected a UTF-8 text capture of a live page, found an empty file$/],
    ['a binary file', () => write('nul.bin', Buffer.alloc(100)), /nul\.bin: expected .*, found binary data \(NUL bytes\)$/],
    ['invalid UTF-8', () => write('latin1.txt', Buffer.from('5:50 a.m. ET, March 22, 2023\n\ncaf\xe9', 'latin1')), /latin1\.txt: expected .*, found invalid UTF-8 at byte 33$/],
    ['not a capture', () => write('notes.txt', 'just some notes\n'), /notes\.txt: expected a live-page capture whose posts start with a timestamp line .*, found "just some notes" on line 1 and no timestamp line$/],
  ];
  it.each(cases)('%s', (_, make, message) => {
    const r = runCli([make(), NEW]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^livediff: /);
    expect(lines[0]).toMatch(message);
  });

  it('an unreadable file', () => {
    const path = write('secret.txt', 'x');
    chmodSync(path, 0o000);
    const r = runCli([path, NEW]);
    expect(r.status).toBe(2);
    // root reads anything: then the file is read and refused as not a capture.
    expect(r.stderr).toMatch(/secret\.txt: expected .*(permission denied|found "x")/);
  });

  it('different pages are refused unless --force', () => {
    const a = 'snapshots/cnn-xi-putin-moscow-2023-03-20/capture-1.txt';
    const b = 'snapshots/cnn-russia-ukraine-2023-03-21/capture-1.txt';
    const refused = runCli([a, b]);
    expect(refused.status).toBe(2);
    // One line naming both files first (reported from an exploratory run: it named only the titles).
    expect(refused.stderr).toMatch(/^livediff: snapshots\/cnn-xi-putin-moscow-2023-03-20\/capture-1\.txt and snapshots\/cnn-russia-ukraine-2023-03-21\/capture-1\.txt look like different pages \(titles "March 20, .* use --force to compare them anyway\n$/);
    const forced = runCli([a, b, '--force', '-f', 'json']);
    expect(forced.status).toBe(1);
    expect(JSON.parse(forced.stdout).samePage).toBe(false);
  });

  it('usage errors are one line saying what was expected, what was found, and where to read more', () => {
    const r = runCli([OLD]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('livediff: expected two capture files (OLD NEW); see livediff --help\n');
    expect(runCli([OLD, NEW, '--match-threshold', '7']).stderr).toBe("livediff: --match-threshold: expected a number from 0 to 1, found '7'\n");
    // Each unknown option once, as typed (yargs names it camel-cased too: `--bogus-opt, --bogusOpt`).
    expect(runCli([OLD, NEW, '--bogus-opt']).stderr).toBe('livediff: unknown option --bogus-opt; see livediff --help\n');
    expect(runCli(['log', OLD, '--bogus-opt=3', '--other', '-Z']).stderr).toBe('livediff: unknown option --bogus-opt, --other, -Z; see livediff log --help\n');
  });
});
