// Fixture pairs in the html, jsonld and feed formats (scripts/make-format-fixtures.mjs), each with the
// expected result written by hand: every post's status, partner, move and changed fields, and the exit code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run.js';

const FIXTURES = join(ROOT, 'test', 'fixtures-formats');
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

interface Expected {
  description: string;
  args: string[];
  exit: number;
  summary: Record<string, number>;
  posts: Array<{ status: string; old: number | null; new: number | null; moved: boolean; fields: string[] }>;
}

interface JsonPost {
  status: string;
  old: { index: number } | null;
  new: { index: number } | null;
  moved: boolean;
  fields: string[];
}

describe.each(cases)('format fixture %s', (name) => {
  const dir = join(FIXTURES, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const [oldFile, newFile] = ['old', 'new'].map((side) => readdirSync(dir).find((f) => f.startsWith(`${side}.`))!);

  it(expected.description, () => {
    const r = runCli([join(dir, oldFile!), join(dir, newFile!), '--format', 'json', ...expected.args]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(expected.exit);
    const report = JSON.parse(r.stdout) as { summary: Record<string, unknown>; posts: JsonPost[]; old: { format: string } };
    // movedOnly (the unchanged posts that moved) is checked against the posts, not written by hand.
    const { fields: _fields, movedOnly, ...summary } = report.summary;
    expect(summary).toEqual(expected.summary);
    expect(movedOnly).toBe(report.posts.filter((p) => p.moved && p.status === 'unchanged').length);
    const key = (p: { old: number | null; new: number | null }) => `${p.new ?? 'x'}:${p.old ?? 'x'}`;
    const actual = report.posts.map((p) => ({ status: p.status, old: p.old?.index ?? null, new: p.new?.index ?? null, moved: p.moved, fields: p.fields }));
    expect(actual.sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected.posts].sort((a, b) => key(a).localeCompare(key(b))));
    expect(report.old.format).toBe(name.split('-')[0]);
  });
});
