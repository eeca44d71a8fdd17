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

interface Position {
  old: number | null;
  new: number | null;
}

interface Expected {
  description: string;
  exit?: number;
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
    // movedOnly (the unchanged posts that moved) is checked against the posts, not written by hand.
    const { fields: _fields, movedOnly, ...summary } = report.summary;
    expect(summary).toEqual(expected.summary);
    expect(movedOnly).toBe(report.posts.filter((p) => p.moved && p.status === 'unchanged').length);
    // Where an old-only post is listed is presentation; what each post is, is the contract.
    const byPosition = (a: Position, b: Position) => (a.new ?? Infinity) - (b.new ?? Infinity) || (a.old ?? -1) - (b.old ?? -1);
    const actual = report.posts.map((p) => ({ status: p.status, old: p.old?.index ?? null, new: p.new?.index ?? null, moved: p.moved, fields: p.fields }));
    expect(actual.sort(byPosition)).toEqual([...expected.posts!].sort(byPosition));
    if (expected.page) expect(report.page).toMatchObject(expected.page);
  });

  // Without an explicit exit code: 0 when every post is unchanged in place, else 1.
  const exit =
    expected.exit ?? (expected.differentPages ? 2 : expected.posts!.every((p) => p.status === 'unchanged' && !p.moved) ? 0 : 1);
  it(`exits ${exit} from the command line`, () => {
    const r = runCli([join(dir, 'old.txt'), join(dir, 'new.txt'), '--format', 'json']);
    expect(r.status).toBe(exit);
    if (exit === 2) expect(r.stderr).toMatch(/^livediff: .+\n$/);
  });
});
