// The alignment fixtures of issue 21 (test/fixtures-align): page order, unspaced scripts, rewrites in place,
// no post in common; each run through the command line and compared with its hand-checked expected.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run.js';

const FIXTURES = join(ROOT, 'test', 'fixtures-align');
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

interface JsonPost {
  status: string;
  old: { index: number } | null;
  new: { index: number } | null;
  moved: boolean;
  fields: string[];
  match: string | null;
  confidence: number | null;
  evidence: { kind: string } | null;
}

describe.each(cases)('alignment fixture %s', (name) => {
  const dir = join(FIXTURES, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const [oldFile, newFile] = ['old', 'new'].map((side) => readdirSync(dir).find((f) => f.startsWith(`${side}.`))!);

  it(expected.description, () => {
    const r = runCli([join(dir, oldFile!), join(dir, newFile!), '--format', 'json', ...expected.args]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(expected.exit);
    const report = JSON.parse(r.stdout) as { summary: Record<string, unknown>; posts: JsonPost[]; old: { order: string }; new: { order: string } };
    expect({ old: report.old.order, new: report.new.order }).toEqual(expected.order);
    // movedOnly (the unchanged posts that moved) is checked against the posts, not written by hand.
    const { fields: _fields, movedOnly, ...summary } = report.summary;
    expect(summary).toEqual(expected.summary);
    expect(movedOnly).toBe(report.posts.filter((p) => p.moved && p.status === 'unchanged').length);
    const actual = report.posts.map((p) => ({
      status: p.status,
      old: p.old?.index ?? null,
      new: p.new?.index ?? null,
      moved: p.moved,
      fields: p.fields,
      match: p.match,
      ...(p.confidence !== null ? { confidence: p.confidence } : {}),
      evidence: p.evidence?.kind ?? null,
    }));
    expect(actual).toEqual(expected.posts);
    // Never cry wolf: every dropped post says why.
    for (const p of report.posts) if (p.status === 'dropped') expect(p.evidence).not.toBeNull();
  });
});
