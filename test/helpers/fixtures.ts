// Fixture folders run through the command line (test/fixtures-align, test/fixtures-formats): each folder
// holds an old.* and a new.* capture and a hand-written expected.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT, runCli } from './run.js';

/** What every such expected.json holds; each test's own fields come on top. */
export interface FixtureExpected {
  description: string;
  args: string[];
  exit: number;
  summary: Record<string, number>;
}

/** A post of the JSON report (docs/json.md), as far as the fixture tests read it. */
export interface JsonPost {
  status: string;
  old: { index: number } | null;
  new: { index: number } | null;
  moved: boolean;
  fields: string[];
  match: string | null;
  confidence: number | null;
  evidence: { kind: string } | null;
}

export interface Fixture<E extends FixtureExpected> {
  dir: string;
  expected: E;
  /** The two captures' file names (old.*, new.*). */
  old: string;
  new: string;
}

/** The fixture folders under test/<folder>, by name. */
export function fixtureNames(folder: string): string[] {
  return readdirSync(join(ROOT, 'test', folder), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

export function readFixture<E extends FixtureExpected>(folder: string, name: string): Fixture<E> {
  const dir = join(ROOT, 'test', folder, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as E;
  const [oldFile, newFile] = ['old', 'new'].map((side) => readdirSync(dir).find((f) => f.startsWith(`${side}.`))!);
  return { dir, expected, old: oldFile!, new: newFile! };
}

/**
 * The fixture's pair through `livediff --format json` and its args, checked for what every fixture expects:
 * nothing on stderr, the exit code, the summary. Returns the JSON report for the test's own checks.
 */
export function runFixture<R extends { summary: Record<string, unknown>; posts: Array<{ status: string; moved: boolean }> }>(
  fixture: Fixture<FixtureExpected>,
): R {
  const { dir, expected } = fixture;
  const r = runCli([join(dir, fixture.old), join(dir, fixture.new), '--format', 'json', ...expected.args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(expected.exit);
  const report = JSON.parse(r.stdout) as R;
  // movedOnly (the unchanged posts that moved) is checked against the posts, not written by hand.
  const { fields: _fields, movedOnly, ...summary } = report.summary;
  expect(summary).toEqual(expected.summary);
  expect(movedOnly).toBe(report.posts.filter((p) => p.moved && p.status === 'unchanged').length);
  return report;
}
