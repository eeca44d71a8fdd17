// The command line as a git or delta user meets it: colour, pager, width, errors, empty output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseColorWhen, useColor } from '../../src/cli/color.js';
import { pagerCommand, pagerEnv } from '../../src/cli/pager.js';
import { editDistance, mistypedCommand } from '../../src/cli/yargs-errors.js';
import { statBar } from '../../src/render/terminal.js';
import { CLI, ROOT, runCli } from '../helpers/run.js';

const FIX = join(ROOT, 'test/fixtures');
const OLD = join(FIX, 'march22-real/old.txt');
const NEW = join(FIX, 'march22-real/new.txt');
const TYPO = [join(FIX, 'headline-typo/old.txt'), join(FIX, 'headline-typo/new.txt')];

describe('--color and the environment', () => {
  const tty = true;
  it('takes git\'s values and booleans', () => {
    expect(['always', 'true', '1', 'yes', 'on', '', true].map(parseColorWhen)).toEqual(Array(7).fill('always'));
    expect(['never', 'false', '0', 'no', 'off', false].map(parseColorWhen)).toEqual(Array(6).fill('never'));
    expect(parseColorWhen('AUTO')).toBe('auto');
    expect(() => parseColorWhen('sometimes')).toThrow("--color: expected always, never or auto, found 'sometimes'");
  });

  it('auto follows the terminal, NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE and TERM=dumb', () => {
    expect(useColor(undefined, tty, {})).toBe(true);
    expect(useColor(undefined, false, {})).toBe(false);
    expect(useColor('auto', tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(undefined, tty, { TERM: 'dumb' })).toBe(false);
    expect(useColor(undefined, false, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(undefined, false, { CLICOLOR_FORCE: '1' })).toBe(true);
    expect(useColor(undefined, false, { FORCE_COLOR: '0' })).toBe(false);
    // An explicit --color=always|never wins over the environment, as in git.
    expect(useColor('always', false, { NO_COLOR: '1', TERM: 'dumb' })).toBe(true);
    expect(useColor('never', tty, { FORCE_COLOR: '1' })).toBe(false);
  });

  it('--color=always, --color=1 and --color alone colour a pipe; --color=auto and --no-color do not', () => {
    const colored = (args: string[]) => /\u001b\[/.test(runCli([...TYPO, ...args]).stdout);
    expect(colored(['--color=always'])).toBe(true);
    expect(colored(['--color=1'])).toBe(true);
    // `--color` alone does not take the next argument as its value.
    expect(/\u001b\[/.test(runCli(['--color', ...TYPO]).stdout)).toBe(true);
    expect(colored(['--color=auto'])).toBe(false);
    expect(colored(['--no-color'])).toBe(false);
    expect(/\u001b\[/.test(runCli(TYPO, { env: { FORCE_COLOR: '1', TERM: 'dumb' } }).stdout)).toBe(true);
  });
});

describe('the pager', () => {
  const env = (e: NodeJS.ProcessEnv) => ({ enabled: true, isTTY: true, env: e });
  it('is LIVEDIFF_PAGER, then PAGER, then less -FRX; none for a pipe, --no-pager, cat or empty', () => {
    expect(pagerCommand(env({}))).toBe('less -FRX');
    expect(pagerCommand(env({ PAGER: 'more' }))).toBe('more');
    expect(pagerCommand(env({ PAGER: 'more', LIVEDIFF_PAGER: 'less -S' }))).toBe('less -S');
    expect(pagerCommand(env({ PAGER: 'more', LIVEDIFF_PAGER: '' }))).toBe(null);
    expect(pagerCommand(env({ PAGER: 'cat' }))).toBe(null);
    expect(pagerCommand({ ...env({}), isTTY: false })).toBe(null);
    expect(pagerCommand({ ...env({}), enabled: false })).toBe(null);
    expect(pagerEnv({}).LESS).toBe('FRX');
    expect(pagerEnv({ LESS: 'R' }).LESS).toBe('R');
  });

  /** Run the CLI with a pseudo-terminal as stdout (util-linux `script`), as a user at a terminal does. */
  const inTerminal = (args: string[], extra: NodeJS.ProcessEnv) => {
    const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qec', `${command}; echo "exit=$?"`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', COLUMNS: '80', LINES: '24', ...extra },
      timeout: 30_000,
    });
    return r.stdout.replace(/\r\n/g, '\n');
  };

  it('pages a terminal through PAGER, keeps the exit code, and is skipped with --no-pager', () => {
    const paged = inTerminal([...TYPO], { PAGER: 'cat -n', LIVEDIFF_PAGER: undefined });
    expect(paged).toMatch(/^\s+1\t--- /m);
    expect(paged).toContain('exit=1');
    const plain = inTerminal([...TYPO, '--no-pager'], { PAGER: 'cat -n', LIVEDIFF_PAGER: undefined });
    expect(plain).toMatch(/^--- /m);
    expect(plain).toContain('exit=1');
  });

  it('a pager quit early (EPIPE) is no error, and the exit code stays', () => {
    const out = inTerminal([OLD, NEW], { LIVEDIFF_PAGER: 'head -n 1' });
    expect(out).toMatch(/^--- .*old\.txt/);
    expect(out).not.toMatch(/error|EPIPE/i);
    expect(out).toContain('exit=1');
  });

  it('a pipe is never paged', () => {
    expect(runCli(TYPO, { env: { PAGER: 'cat -n' } }).stdout).toMatch(/^--- /);
  });
});

describe('nothing to say, nothing printed (as diff(1))', () => {
  it('a capture against itself: no output, exit 0', () => {
    const r = runCli([OLD, OLD]);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('--only added when nothing was added: no output, exit 0', () => {
    const r = runCli([...TYPO, '--only', 'added']);
    expect([r.status, r.stdout]).toEqual([0, '']);
  });

  it('the page follows --only: no page section or page verdict without `page`', () => {
    // march22-real: 2 added and the post count 9 -> 11; counter-only-down: the post count alone.
    const COUNTER = [join(FIX, 'counter-only-down/old.txt'), join(FIX, 'counter-only-down/new.txt')];
    expect(runCli([OLD, NEW]).stdout).toMatch(/^page$/m);
    expect(runCli([OLD, NEW, '-f', 'markdown']).stdout).toContain('| Page | Before | After |');
    for (const format of ['terminal', 'markdown']) {
      const r = runCli([OLD, NEW, '--only', 'added', '-f', format]);
      expect(r.status).toBe(1);
      expect(r.stdout).not.toMatch(/^page$|\| Page |post count/m);
    }
    const md = runCli([...COUNTER, '--only', 'added,edited', '-f', 'markdown']);
    expect(md.status).toBe(0);
    expect(md.stdout).not.toContain('page changed');
    expect(md.stdout).toBe(''); // nothing selected changed: nothing printed, as in the terminal
    expect(runCli([...COUNTER, '-f', 'markdown']).stdout).toContain('**no post changes, page changed (post count); 9 unchanged**');
  });

  it('--only unchanged lists the unchanged posts, as unchanged, at their place', () => {
    const r = runCli([...TYPO, '--only', 'unchanged', '--brief']);
    expect(r.status).toBe(0);
    const headings = r.stdout.split('\n').filter((l) => /^\w/.test(l) && !l.startsWith('1 edited'));
    expect(headings).toHaveLength(8);
    expect(headings.every((l) => /^unchanged · .* · #\d$/.test(l))).toBe(true);
  });
});

describe('usage errors', () => {
  const error = (args: string[]) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    return r.stderr;
  };

  it('are one clean line each', () => {
    expect(error([])).toBe('livediff: expected two capture files (OLD NEW); see livediff --help\n');
    expect(error([OLD, NEW, '--format', 'x'])).toBe("livediff: --format: expected terminal, json, markdown or html, found 'x'\n");
    expect(error([OLD, NEW, '--match-threshold', 'abc'])).toBe("livediff: --match-threshold: expected a number from 0 to 1, found 'abc'\n");
    expect(error([OLD, NEW, 'extra'])).toBe("livediff: expected two capture files (OLD NEW), found more: 'extra'; see livediff --help\n");
    expect(error(['log'])).toBe('livediff: expected one or more inputs (a folder, capture files or quoted glob patterns); see livediff log --help\n');
    expect(error([OLD, NEW, '--brief', '-f', 'markdown'])).toBe('livediff: --brief works with --format terminal only, not markdown\n');
    expect(error([OLD, NEW, '--color=sometimes'])).toBe("livediff: --color: expected always, never or auto, found 'sometimes'\n");
    expect(error([OLD, NEW, '--width', '5'])).toBe("livediff: --width: expected a whole number of columns from 20, found '5'\n");
    expect(error([OLD, NEW, '--tz', 'Mars/Olympus'])).toBe("livediff: --tz: expected a time zone such as UTC or Europe/Paris, found 'Mars/Olympus'\n");
  });

  it('a mistyped command is named, not read as a file', () => {
    expect(error(['chek', 'DIR'])).toBe("livediff: 'chek' is neither a command nor a file; did you mean 'check'?\n");
    expect(mistypedCommand(['lgo', 'x'], ['log', 'check'], () => false)).toBe('log');
    // An existing file, or a word far from every command, is a capture to read.
    expect(mistypedCommand(['chek'], ['check'], () => true)).toBe(null);
    expect(mistypedCommand(['captures.txt'], ['check', 'capture'], () => false)).toBe(null);
    expect(editDistance('chekc', 'check')).toBe(1);
  });

  it('log --help shows no [required] [default: []] and lists --format first', () => {
    const help = runCli(['log', '--help']).stdout;
    expect(help).not.toContain('[default: []]');
    expect(help).not.toContain('[required]');
    expect(help.indexOf('--format')).toBeLessThan(help.indexOf('--items'));
    const diffHelp = runCli(['--help']).stdout;
    expect(diffHelp.indexOf('--format')).toBeLessThan(diffHelp.indexOf('--input-format'));
  });
});

describe('--stat', () => {
  it('draws the marks as git does: as they are when they fit, else scaled, at least one for any change', () => {
    expect(statBar({ added: 3, removed: 2 }, 20, 40)).toEqual({ plus: 3, minus: 2 });
    expect(statBar({ added: 345, removed: 0 }, 345, 22)).toEqual({ plus: 22, minus: 0 });
    // Reported from an exploratory run: a post with 12 words changed beside one with 316 had no mark.
    expect(statBar({ added: 12, removed: 0 }, 316, 22)).toEqual({ plus: 1, minus: 0 });
    expect(statBar({ added: 1, removed: 1 }, 316, 22)).toEqual({ plus: 1, minus: 1 });
    expect(statBar({ added: 0, removed: 0 }, 316, 22)).toEqual({ plus: 0, minus: 0 });
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.integer({ min: 5, max: 200 }), (a, r, extra, width) => {
        const most = a + r + extra;
        const { plus, minus } = statBar({ added: a, removed: r }, Math.max(1, most), width);
        expect(plus > 0).toBe(a > 0);
        expect(minus > 0).toBe(r > 0);
        expect(plus + minus).toBeLessThanOrEqual(Math.max(width, a + r > 0 ? 2 : 0));
      }),
    );
  });

  it('gives a one-word edit a mark beside a post of hundreds of words', () => {
    const neu = join(mkdtempSync(join(tmpdir(), 'livediff-stat-')), 'new.txt');
    writeFileSync(neu, readFileSync(NEW, 'utf8').replace('Karim Khan said he believes', 'Karim Khan says he believes'));
    const rows = runCli([OLD, neu, '--stat', '--width', '80']).stdout.split('\n');
    expect(rows.find((l) => l.startsWith(' added ') && l.includes('| 345 '))).toMatch(/\| 345 \+{20,}$/);
    expect(rows.find((l) => l.startsWith(' edited '))).toMatch(/\|\s+2 \+-$/);
  });

  // From a user's pass: `--only page --stat` exited 1 and showed "0 posts", nothing of the page change.
  it('names the page fields that changed after the totals, when page changes are asked for', () => {
    const out = (...args: string[]) => runCli([OLD, NEW, '--stat', ...args]).stdout.trimEnd().split('\n').slice(-2);
    expect(out('--only', 'page')).toEqual([' 0 posts, 0 words added (+), 0 removed (-)', ' page: post count, deep link']);
    expect(out('--only', 'added')[1]).toMatch(/^ \d+ posts?, /);
  });
});

describe('--tz', () => {
  // Reported from an exploratory run: the HTML report showed feed times raw (`2024-05-02T14:15:00+02:00`,
  // `Wed, 22 Mar 2023 09:58:11 GMT`) whatever --tz said, where the terminal and Markdown honoured it.
  it('moves the times that name their instant (ISO, RFC 2822) in terminal, Markdown and HTML alike', () => {
    const rss = join(ROOT, 'test', 'fixtures-formats', 'rss-guardian');
    const pair = [join(rss, 'old.xml'), join(rss, 'new.xml'), '--tz', 'Asia/Tokyo'];
    for (const format of ['terminal', 'markdown', 'html']) {
      const out = runCli([...pair, '-f', format]).stdout;
      expect(out).toContain('Sat 20 Feb 2021, 04:40 GMT+9');
      expect(out).not.toContain('19:40:03 GMT');
    }
    expect(runCli([...pair, '-f', 'html']).stdout).toContain('Updated Sat 20 Feb 2021, 04:30 GMT+9');
  });
});
