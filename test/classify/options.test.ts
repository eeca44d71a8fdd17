// Options are resolved once, at the library's entry points: an option given as undefined is the default,
// for diffCaptures, buildHistory and compareSides alike.
import { describe, expect, it } from 'vitest';
import { buildHistory, DEFAULT_ALIGN_OPTIONS, DEFAULT_DIFF_OPTIONS, diffCaptures, parseCapture, resolveOptions, type CaptureVersion } from '../../src/index.js';
import { makeCapture, stamp, type PostSpec } from '../helpers/capture.js';

// A headline rewritten (the same body pairs the posts): shown as the old and the new headline at the default
// rewriteThreshold, word by word when the threshold is lost (a share compared with undefined is never larger).
const before: PostSpec = { time: stamp(600), headline: 'Talks resume in Istanbul', body: ['Delegations from both sides met on Tuesday morning at the palace.'] };
const after: PostSpec = { ...before, headline: 'Ceasefire collapses near Kharkiv tonight' };
const capture = (p: PostSpec, source: string) => parseCapture(makeCapture({ posts: [p] }), { source });
const series = (): CaptureVersion[] => [
  { label: 'a', time: null, capture: capture(before, 'a') },
  { label: 'b', time: null, capture: capture(after, 'b') },
];

describe('options resolved once', () => {
  it('resolveOptions: defaults for what is not given, undefined counting as not given, idempotent', () => {
    const resolved = resolveOptions({ minSimilarity: 0.7, rewriteThreshold: undefined });
    expect(resolved).toEqual({ ...DEFAULT_ALIGN_OPTIONS, ...DEFAULT_DIFF_OPTIONS, minSimilarity: 0.7, force: false });
    expect(resolveOptions(resolved)).toEqual(resolved);
  });

  it('resolved options are frozen, and resolving them again returns them at once', () => {
    const resolved = resolveOptions({ minSimilarity: 0.7 });
    expect(resolveOptions(resolved)).toBe(resolved);
    expect(Object.isFrozen(resolved)).toBe(true);
    expect(() => Object.assign(resolved, { minSimilarity: 5 })).toThrow(TypeError);
    // A copy is options like any other: checked again.
    expect(() => resolveOptions({ ...resolved, minSimilarity: 5 })).toThrow('option minSimilarity: expected a number from 0 to 1, got 5');
  });

  it('diffCaptures with {rewriteThreshold: undefined} is diffCaptures with the default', () => {
    const hunks = (options: object) => diffCaptures(capture(before, 'a'), capture(after, 'b'), options).posts.map((p) => p.changes.map((c) => c.hunks));
    expect(hunks({})[0]![0]!.map((h) => h.op)).toEqual(['-', '+']);
    expect(hunks({ rewriteThreshold: undefined, minSimilarity: undefined, force: undefined })).toEqual(hunks({}));
  });

  // Reproduced before the fix: history/build.ts merged `{...DEFAULT_DIFF_OPTIONS, ...options}` itself for
  // the field diffs of versions, so undefined replaced the default. It now resolves them once.
  it('buildHistory with {rewriteThreshold: undefined} is buildHistory with the default', () => {
    const versions = (options: object) => buildHistory(series(), options).posts.map((p) => p.versions.map((v) => v.changes.map((c) => c.hunks.map((h) => h.op))));
    expect(versions({})).toEqual([[[], [['-', '+']]]]);
    expect(versions({ rewriteThreshold: undefined })).toEqual(versions({}));
  });
});
