// The runner protocol: outputs with random heredoc delimiters, escaped command data, inert untrusted text,
// and the job summary cut to fit.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getInput, neutralize, setOutputs, workflowCommand } from '../../src/action/runner.js';
import { fitSummary } from '../../src/action/summary.js';
import { parseOutputs } from './run.js';

describe('runner protocol', () => {
  it('writes multi-line outputs between fresh random delimiters', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'livediff-out-')), 'out');
    setOutputs(file, { message: 'line one\nEOF\nname<<x', count: '3' });
    const text = readFileSync(file, 'utf8');
    const delimiters = [...text.matchAll(/^[\w-]+<<(ghadelimiter_[0-9a-f-]{36})$/gm)].map((m) => m[1]);
    expect(new Set(delimiters).size).toBe(2);
    expect(parseOutputs(text)).toEqual({ message: 'line one\nEOF\nname<<x', count: '3' });
  });

  it('escapes command data and properties; reads inputs as the runner names them', () => {
    expect(workflowCommand('warning', '50% done\r\n::error::x', { title: 'a:b,c' })).toBe('::warning title=a%3Ab%2Cc::50%25 done%0D%0A::error::x\n');
    expect(getInput({ 'INPUT_FAIL-ON-CHANGE': ' true ' }, 'fail-on-change')).toBe('true');
  });

  it('no line of untrusted text starts a command, and no legacy ##[ command is left anywhere', () => {
    const text = '::set-output name=a::b\n  \u001b[1m::error::x\nok ##[set-output name=c;]d\n:: fine';
    expect(neutralize(text)).toBe('\\x3a:set-output name=a::b\n  \u001b[1m\\x3a:error::x\nok #\\x23[set-output name=c;]d\n\\x3a: fine');
  });
});

describe('fitSummary', () => {
  const note = (left: number) => `NOTE ${left}\n`;
  it('keeps everything that fits', () => {
    expect(fitSummary(['a\n', 'b\n'], 10_000, note)).toBe('a\n\nb\n');
  });

  it('cuts between sections, then inside the next, closing what it opened', () => {
    const big = `## big\n<details>\n${'x'.repeat(100)}\n`.repeat(200);
    const out = fitSummary(['# head\n', big, '## last\n'], 8_000, note);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(8_000);
    expect(out.startsWith('# head\n\n## big\n<details>')).toBe(true);
    expect(out.split('<details>').length).toBe(out.split('</details>').length);
    expect(out.endsWith('NOTE 2\n')).toBe(true);
  });
});
