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
});
