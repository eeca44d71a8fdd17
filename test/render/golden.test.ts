// Whole outputs of every fixture pair, compared in full with plain files under test/golden/: the terminal
// report with colour as readable tags at widths 80 and 160, and the Markdown. `UPDATE_GOLDEN=1 npx vitest
// run test/render/golden.test.ts` rewrites them; read the diff as a user would before committing it.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture, renderMarkdown, renderTerminal } from '../../src/index.js';
import { loadFormats } from '../../src/parse/index.js';
import { ansiToTags, ROOT } from '../helpers/run.js';

const GOLDEN = join(ROOT, 'test', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** Every pair: test/fixtures/NAME/{old,new}.txt and test/fixtures-formats/NAME/{old,new}.EXT. */
function pairs(): Array<{ name: string; dir: string; old: string; new: string }> {
  const out = [];
  for (const root of ['fixtures', 'fixtures-formats']) {
    const base = join(ROOT, 'test', root);
    for (const e of readdirSync(base, { withFileTypes: true }).filter((x) => x.isDirectory())) {
      const files = readdirSync(join(base, e.name));
      const old = files.find((f) => f.startsWith('old.'));
      const neu = files.find((f) => f.startsWith('new.'));
      if (old && neu) out.push({ name: e.name, dir: join(base, e.name), old, new: neu });
    }
  }
  return out;
}

function check(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (update || !existsSync(path)) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, actual);
    if (!update) throw new Error(`${file} did not exist: written; read it, then run again`);
    return;
  }
  expect(actual, `${file} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
}

beforeAll(async () => {
  await loadFormats();
});

describe.each(pairs())('golden output of $name', (pair) => {
  const report = () => {
    const read = (f: string) => parseCapture(readFileSync(join(pair.dir, f)), { source: `${pair.name}/${f}` });
    // Pairs of different pages are compared as --force does, so their warning is in the golden output too.
    return diffCaptures(read(pair.old), read(pair.new), { force: true });
  };

  it.each([80, 160])('terminal at width %i, colour as tags', (width) => {
    check(`${pair.name}/terminal-${width}.txt`, ansiToTags(renderTerminal(report(), { color: true, width, timeZone: 'UTC' })));
  });

  it('terminal without colour, as piped (no width: no wrapping)', () => {
    check(`${pair.name}/terminal-plain.txt`, renderTerminal(report(), { color: false, timeZone: 'UTC' }));
  });

  it('markdown', () => {
    check(`${pair.name}/report.md`, renderMarkdown(report(), { timeZone: 'UTC' }));
  });
});
