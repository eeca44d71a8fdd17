// The package as a library: what `import … from 'livediff'` gives a user (the built dist/index.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';

const capture = (name: string) => readFileSync(join(ROOT, 'snapshots', 'cnn-russia-ukraine-2023-03-22', name));

describe("import from 'livediff'", () => {
  it('runs the pipeline: parseCapture → diffCaptures → renderers', async () => {
    const lib = await import(join(ROOT, 'dist', 'index.mjs'));
    const report = lib.diffCaptures(lib.parseCapture(capture('capture-1.txt'), { source: 'a' }), lib.parseCapture(capture('capture-2.txt'), { source: 'b' }));
    expect(lib.summaryLine(report.summary)).toBe('2 added, 2 out of view; 7 unchanged');
    expect(JSON.parse(lib.renderJson(report)).schema).toBe('livediff.diff/3');
    expect(lib.renderMarkdown(report)).toContain('## livediff: a → b');
    expect(lib.renderTerminal(report, { color: false })).toContain('+++ b');
    // As the README's example calls the others: without options (it threw "reading 'color'").
    expect(lib.renderTerminal(report)).toBe(lib.renderTerminal(report, { color: false }));
    expect(() => lib.parseCapture('nothing here', { source: 'x' })).toThrow(lib.InputError);
  });

  it('refuses a wrong input or option in one line, as a UsageError or InputError, never a raw TypeError', async () => {
    // An exploratory pass: a string ignored maxBytes, pageOrder 'sideways' was echoed into the report,
    // and null or an ArrayBuffer gave TypeErrors ("reading '0'", "Received undefined").
    const lib = await import(join(ROOT, 'dist', 'index.mjs'));
    const a = lib.parseCapture(capture('capture-1.txt'), { source: 'a' });
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
      return 'no error';
    };
    expect(message(() => lib.parseCapture(null))).toBe('UsageError: parseCapture: expected the capture as a string or a Uint8Array (a Buffer), got null');
    expect(message(() => lib.parseCapture(capture('capture-1.txt').buffer))).toMatch(/^UsageError: .*got an ArrayBuffer \(wrap it: new Uint8Array\(buffer\)\)$/);
    expect(message(() => lib.parseCapture(42))).toMatch(/^UsageError: .*got number$/);
    const text = capture('capture-1.txt').toString('utf8');
    expect(message(() => lib.parseCapture(text, { source: 's', maxBytes: 5000 }))).toMatch(/^InputError: s: expected a capture of at most 4\.9 KiB, found .* KiB$/);
    expect(message(() => lib.parseCapture(text, { maxBytes: -1 }))).toBe('UsageError: parseCapture: option maxBytes: expected a number of at least 0, got -1');
    expect(message(() => lib.diffCaptures(null, a))).toBe('UsageError: diffCaptures: the old capture: expected a capture as parseCapture returns it, got null');
    expect(message(() => lib.diffCaptures(a, a, { pageOrder: 'sideways' }))).toBe(
      `UsageError: option pageOrder: expected 'newest-first', 'oldest-first' or 'unordered', got "sideways"`,
    );
    expect(message(() => lib.diffCaptures(a, a, { minSimilarity: 2 }))).toBe('UsageError: option minSimilarity: expected a number from 0 to 1, got 2');
    expect(message(() => lib.diffCaptures(a, a, { maxCandidates: 'x' }))).toBe('UsageError: option maxCandidates: expected a number of at least 0, got "x"');
    expect(message(() => lib.diffCaptures(a, a, { pageOrder: 'oldest-first', maxEditLength: Infinity }))).toBe('no error');
  });
});
