// Fixture pairs in the html, jsonld and feed formats (scripts/make-format-fixtures.mjs), each with the
// expected result written by hand: every post's status, partner, move and changed fields, and the exit code.
import { describe, expect, it } from 'vitest';
import { fixtureNames, type FixtureExpected, type JsonPost, readFixture, runFixture } from '../helpers/fixtures.js';

interface Expected extends FixtureExpected {
  posts: Array<{ status: string; old: number | null; new: number | null; moved: boolean; fields: string[] }>;
}

describe.each(fixtureNames('fixtures-formats'))('format fixture %s', (name) => {
  const fixture = readFixture<Expected>('fixtures-formats', name);
  const { expected } = fixture;

  it(expected.description, () => {
    const report = runFixture<{ summary: Record<string, unknown>; posts: JsonPost[]; old: { format: string } }>(fixture);
    const key = (p: { old: number | null; new: number | null }) => `${p.new ?? 'x'}:${p.old ?? 'x'}`;
    const actual = report.posts.map((p) => ({ status: p.status, old: p.old?.index ?? null, new: p.new?.index ?? null, moved: p.moved, fields: p.fields }));
    expect(actual.sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected.posts].sort((a, b) => key(a).localeCompare(key(b))));
    expect(report.old.format).toBe(name.split('-')[0]);
  });
});
