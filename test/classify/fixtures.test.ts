// Fixture pairs built from the real captures (scripts/make-fixtures.mjs), each with the expected result
// written by hand in expected.json: every post's status, partner, move and changed fields, and the exit code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCaptures, DifferentPagesError, parseCapture } from '../../src/index.js';
import { ROOT, runCli } from '../helpers/run.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

interface Expected {
  description: string;
  exit: number;
  differentPages?: boolean;
  summary?: Record<string, number>;
  posts?: Array<{ status: string; old: number | null; new: number | null; moved: boolean; fields: string[] }>;
  page?: Record<string, unknown>;
}

describe.each(cases)('fixture %s', (name) => {
  const dir = join(FIXTURES, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const read = (f: string) => parseCapture(readFileSync(join(dir, f)), { source: f });

  it(expected.description, () => {
    if (expected.differentPages) {
      expect(() => diffCaptures(read('old.txt'), read('new.txt'))).toThrow(DifferentPagesError);
      return;
    }
    const report = diffCaptures(read('old.txt'), read('new.txt'));
    const { fields: _fields, ...summary } = report.summary;
    expect(summary).toEqual(expected.summary);
    expect(
      report.posts.map((p) => ({ status: p.status, old: p.old?.index ?? null, new: p.new?.index ?? null, moved: p.moved, fields: p.fields })),
    ).toEqual(expected.posts);
    if (expected.page) expect(report.page).toMatchObject(expected.page);
  });

  it(`exits ${expected.exit} from the command line`, () => {
    const r = runCli([join(dir, 'old.txt'), join(dir, 'new.txt'), '--format', 'json']);
    expect(r.status).toBe(expected.exit);
    if (expected.exit === 2) expect(r.stderr).toMatch(/^livediff: .+\n$/);
  });
});
