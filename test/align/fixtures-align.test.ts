// The alignment fixtures of issue 21 (test/fixtures-align): page order, unspaced scripts, rewrites in place,
// no post in common; each run through the command line and compared with its hand-checked expected.json.
import { describe, expect, it } from 'vitest';
import { fixtureNames, type FixtureExpected, type JsonPost, readFixture, runFixture } from '../helpers/fixtures.js';

interface Expected extends FixtureExpected {
  order: { old: string; new: string };
  posts: unknown[];
}

describe.each(fixtureNames('fixtures-align'))('alignment fixture %s', (name) => {
  const fixture = readFixture<Expected>('fixtures-align', name);
  const { expected } = fixture;

  it(expected.description, () => {
    const report = runFixture<{ summary: Record<string, unknown>; posts: JsonPost[]; old: { order: string }; new: { order: string } }>(fixture);
    expect({ old: report.old.order, new: report.new.order }).toEqual(expected.order);
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
