// One registry per document kind: every format a command offers has its own renderer (no format falls back
// to another's output), the CLI's --format choices and the Action's `format` input are the registries' keys,
// and a registry without a core format does not compile (npm run typecheck checks the @ts-expect-error).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_FORMATS } from '../../src/action/main.js';
import type { GitComparison } from '../../src/git/compare.js';
import { GIT_RENDERERS } from '../../src/git/render.js';
import { buildHistory, diffCaptures, parseCapture, renderMarkdown, renderTerminal, type Report } from '../../src/index.js';
import { renderHtml } from '../../src/render/html.js';
import { DEFAULT_ONLY, selectPosts } from '../../src/render/select.js';
import type { CheckResult } from '../../src/render/check.js';
import { formatsOf, type Registry, type RenderContext, textOf } from '../../src/render/registry.js';
import { CHECK_RENDERERS, DIFF_RENDERERS, LOG_RENDERERS } from '../../src/render/renderers.js';
import { CAPTURE_1, CAPTURE_2 } from '../git/repo.js';
import { ROOT, runCli } from '../helpers/run.js';

const old = parseCapture(CAPTURE_1, { source: 'a.txt' });
const neu = parseCapture(CAPTURE_2, { source: 'b.txt' });
const report: Report = diffCaptures(old, neu);
const history = buildHistory([
  { label: 'a', time: null, capture: old },
  { label: 'b', time: null, capture: neu },
]);
const check: CheckResult = { folder: 'f', from: 'a.txt', to: 'b.txt', captures: 2, steps: [{ kind: 'report', old: 'a.txt', new: 'b.txt', report }] };
const commit = (name: string) => ({ kind: 'commit' as const, name, oid: name.repeat(40).slice(0, 40), short: name });
const git: GitComparison = { from: commit('a'), to: commit('b'), files: [{ path: 'p.txt', status: 'modified', report, capture: null }], ignored: [], problems: [] };
const context: RenderContext = { color: false };

/** Each format's output, by format: a format that printed another's output would show up as a duplicate. */
function outputs<D>(registry: Registry<D, RenderContext & { order: string }>, document: D): Map<string, string> {
  return new Map(formatsOf(registry).map((f) => [f, textOf(registry[f]!(document, { ...context, order: 'name' }))]));
}

describe('renderer registries', () => {
  it.each([
    ['diff', outputs(DIFF_RENDERERS, report)],
    ['log', outputs(LOG_RENDERERS, { pages: [history] })],
    ['check', outputs(CHECK_RENDERERS, check)],
    ['git', outputs(GIT_RENDERERS, git)],
  ])('%s: every format has a renderer of its own; json is JSON, markdown is Markdown', (_, out) => {
    expect([...out.keys()].slice(0, 3)).toEqual(['terminal', 'json', 'markdown']);
    expect(new Set(out.values()).size).toBe(out.size);
    expect(() => JSON.parse(out.get('json')!)).not.toThrow();
    expect(out.get('markdown')).toMatch(/^(##|\| #|## livediff)/);
    expect(out.get('terminal')).not.toMatch(/^(\{|## |\| )/);
  });

  it('--format of every command offers exactly its registry formats', () => {
    const choices = (args: string[]) => {
      const help = runCli([...args, '--help']).stdout;
      // The option's text runs from its flag to the next option (yargs wraps it).
      const text = /\n\s+-f, --format\b([\s\S]*?)\n\s+-/.exec(help)?.[1] ?? '';
      return [...(/\[choices: ([^\]]+)\]/.exec(text)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    };
    expect(choices(['diff'])).toEqual(formatsOf(DIFF_RENDERERS));
    expect(choices(['log'])).toEqual(formatsOf(LOG_RENDERERS));
    expect(choices(['check'])).toEqual(formatsOf(CHECK_RENDERERS));
    expect(choices(['capture'])).toEqual(formatsOf(CHECK_RENDERERS));
    expect(choices(['git'])).toEqual(formatsOf(GIT_RENDERERS));
  });

  it("the Action's `format` input takes the git registry's formats, and action.yml says which", () => {
    // Every text format; HTML is a file of its own (the `html-file` input), not log or summary text.
    expect(ACTION_FORMATS).toEqual(formatsOf(GIT_RENDERERS).filter((f) => f !== 'html'));
    const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    const described = /\n {2}format:\n {4}description: [^\n]*?\(([^)]*)\)/.exec(yml)?.[1] ?? '';
    expect(described.split(/, | or /).sort()).toEqual([...ACTION_FORMATS].sort());
  });

  it('every check format shows a page change (rollover) step, titles escaped for the format', () => {
    const rollover: CheckResult = {
      ...check,
      steps: [...check.steps, { kind: 'page-changed', old: 'b.txt', new: 'c.txt', oldTitle: 'Day <1>', newTitle: 'Day *2*\u001b[31m' }],
    };
    const out = outputs(CHECK_RENDERERS, rollover);
    expect(out.get('terminal')).toContain('page changed: Day <1> -> Day *2*');
    expect(out.get('terminal')).not.toContain('\u001b');
    expect(out.get('markdown')).toContain('**page changed:** Day &lt;1&gt; -> Day \\*2\\*');
    expect(out.get('markdown')).not.toContain('\u001b');
    expect(out.get('html')).toContain('<p class="summary">page changed: Day &lt;1&gt; -&gt; Day *2*');
    const json = JSON.parse(out.get('json')!);
    expect(json.schema).toBe('livediff.check/3');
    expect(json.steps[1]).toEqual({ old: 'b.txt', new: 'c.txt', report: null, pageChanged: { old: 'Day <1>', new: 'Day *2*\u001b[31m' } });
  });

  it('every log format shows a series of two pages: each page (html: the newest, with a note naming the earlier)', () => {
    const other = buildHistory([{ label: 'c', time: null, capture: parseCapture(CAPTURE_2.replace(/^[^\n]*/, 'Another day'), { source: 'c.txt' }) }]);
    const out = outputs(LOG_RENDERERS, { pages: [history, other] });
    expect(out.get('terminal')).toMatch(/^page 1 of 2: .*\(a … b\)\n[\s\S]*\npage 2 of 2: /);
    expect(out.get('markdown')).toMatch(/^# Page 1 of 2: [\s\S]*\n# Page 2 of 2: /);
    expect(JSON.parse(out.get('json')!).pages.map((p: { captures: unknown[] }) => p.captures.length)).toEqual([2, 1]);
    expect(out.get('html')).toContain('<p class="summary note">The page changed 1 time(s) in this series; this is the newest page (2 of 2). Earlier: ');
  });

  it('a registry missing a core format does not compile', () => {
    // @ts-expect-error: no markdown renderer
    const incomplete = { terminal: () => '', json: () => '' } satisfies Registry<Report>;
    expect(formatsOf(incomplete)).toEqual(['terminal', 'json']);
  });

  it('the diff terminal report comes a post at a time, and reads as renderTerminal\'s one string', () => {
    const pieces = [...(DIFF_RENDERERS.terminal(report, context) as Generator<string>)];
    const changed = report.posts.filter((p) => p.status !== 'unchanged').length;
    // The header, then a piece per post shown (the last one with the page section, trimmed).
    expect(changed).toBeGreaterThan(2);
    expect(pieces.length).toBe(changed + 1);
    expect(pieces.join('')).toBe(renderTerminal(report, context));
    expect(pieces.join('')).toMatch(/\S\n$/);
  });

  it('the diff HTML page comes a card at a time, and reads as renderHtml\'s one string', () => {
    const pieces = [...(DIFF_RENDERERS.html(report, context) as Generator<string>)];
    // The head, the header and filter bar, the posts' heading, a card per post, the end of <main>, the tail.
    expect(pieces.length).toBe(report.posts.length + 6);
    expect(pieces.join('')).toBe(renderHtml(report, context));
    expect(pieces.at(-1)).toMatch(/<\/html>\n$/);
  });

  it('the diff Markdown comes a post at a time, blank lines folded across pieces as in renderMarkdown', () => {
    const pieces = [...(DIFF_RENDERERS.markdown(report, context) as Generator<string>)];
    const shown = selectPosts(report, DEFAULT_ONLY).length;
    expect(shown).toBeGreaterThan(2);
    // The head, a piece per post shown (each starting at its heading: the blank lines that ended the piece
    // before were held back and folded with its own), the page's changes, and the final line break.
    expect(pieces.filter((p) => p.startsWith('\n\n### ')).length).toBe(shown);
    expect(pieces.length).toBe(shown + 3);
    expect(pieces.at(-2)).toMatch(/^\n\n\| Page \| Before \| After \|/);
    expect(pieces.join('')).toBe(renderMarkdown(report, context));
    expect(pieces.join('')).not.toMatch(/\n\n\n/);
    expect(pieces.at(-1)).toBe('\n');
  });
});
