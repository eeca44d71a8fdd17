// Properties that must hold for any page and any change: each post once, self-diff unchanged,
// swapping sides swaps added and dropped, noise is never an edit, known edits are found.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture, type Report } from '../../src/index.js';
import { addNoise, capture, FUZZ_RUNS, noiseArb, pageArb } from '../helpers/arbitraries.js';

const diff = (a: string, b: string): Report => diffCaptures(parseCapture(a, { source: 'old' }), parseCapture(b, { source: 'new' }));

function expectEachPostOnce(report: Report, oldCount: number, newCount: number): void {
  const olds = report.posts.flatMap((p) => (p.old ? [p.old.index] : [])).sort((a, b) => a - b);
  const news = report.posts.flatMap((p) => (p.new ? [p.new.index] : [])).sort((a, b) => a - b);
  expect(olds).toEqual([...Array(oldCount).keys()]);
  expect(news).toEqual([...Array(newCount).keys()]);
}

const runs = { numRuns: FUZZ_RUNS };

describe('properties of diffCaptures', () => {
  it('a capture against itself is all unchanged, nothing moved', () => {
    fc.assert(
      fc.property(pageArb, (posts) => {
        const text = capture(posts);
        const r = diff(text, text);
        expect(r.summary.unchanged).toBe(posts.length);
        expect(r.summary.moved).toBe(0);
        expectEachPostOnce(r, posts.length, posts.length);
      }),
      runs,
    );
  });

  it('noise-only variants are unchanged', () => {
    fc.assert(
      fc.property(pageArb, noiseArb, (posts, noise) => {
        const text = capture(posts);
        const r = diff(text, addNoise(text, noise));
        expect(r.summary.unchanged).toBe(posts.length);
        expect(r.page.title).toBeNull();
      }),
      runs,
    );
  });

  it('every post appears once, and swapping sides swaps added and dropped and keeps edits', () => {
    fc.assert(
      fc.property(
        pageArb,
        pageArb,
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        (posts, fresh, keep, edits) => {
          // old: the page; new: some posts deleted, some edited, some new ones on top.
          const kept = posts.filter((_, i) => keep[i] || i === 0);
          const edited = kept.map((p, i) =>
            edits[i]! % 4 === 0 ? { ...p, body: p.body.map((b, j) => (j === 0 ? b.replace(/\w+\.$/, 'changed.') : b)) } : p,
          );
          const added = fresh.slice(0, 3).map((p, i) => ({ ...p, headline: `Fresh ${p.headline} ${i}`, time: '11:59 p.m. ET, March 22, 2023' }));
          const a = capture(posts);
          const b = capture([...added, ...edited]);
          const forward = diff(a, b);
          const backward = diff(b, a);
          expectEachPostOnce(forward, posts.length, added.length + edited.length);
          expectEachPostOnce(backward, added.length + edited.length, posts.length);
          expect(backward.summary.added).toBe(forward.summary.dropped);
          expect(backward.summary.dropped).toBe(forward.summary.added);
          expect(backward.summary.edited).toBe(forward.summary.edited);
          expect(backward.summary.moved).toBe(forward.summary.moved);
        },
      ),
      runs,
    );
  });

  it('finds known body edits and nothing else', () => {
    fc.assert(
      fc.property(pageArb, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (posts, flags) => {
        const after = posts.map((p, i) =>
          flags[i] ? { ...p, body: [...p.body.slice(0, -1), `${p.body[p.body.length - 1]!.slice(0, -1)} and one more clause.`] } : p,
        );
        const r = diff(capture(posts), capture(after));
        const expected = posts.map((_, i) => (flags[i] ? 'edited' : 'unchanged'));
        expect(r.posts.map((p) => p.status)).toEqual(expected);
        for (const p of r.posts.filter((x) => x.status === 'edited')) expect(p.fields).toEqual(['body']);
      }),
      runs,
    );
  });

  it('paragraphs edited, deleted in runs, inserted or reordered: every post once, an edited body whenever it changed', () => {
    // Runs of removed and inserted paragraphs of every shape (more removed than inserted, and the reverse)
    // go through block pairing; a crash there (634816c) was missed by every other test.
    const change = fc.record({ at: fc.nat(), kind: fc.constantFrom('edit', 'delete', 'insert', 'reverse'), size: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(pageArb, fc.array(fc.array(change, { maxLength: 3 }), { minLength: 12, maxLength: 12 }), (posts, changes) => {
        const after = posts.map((p, i) => {
          const body = [...p.body];
          for (const { at, kind, size } of changes[i]!) {
            const k = at % body.length;
            if (kind === 'edit') body[k] = body[k]!.replace(/^\w+/, 'Reportedly');
            else if (kind === 'delete' && body.length > size) body.splice(k, size);
            else if (kind === 'insert') body.splice(k, 0, ...Array.from({ length: size }, (_, j) => `An inserted paragraph ${j} about ${p.headline}.`));
            else if (kind === 'reverse') body.reverse();
          }
          return { ...p, body };
        });
        const r = diff(capture(posts), capture(after));
        expectEachPostOnce(r, posts.length, posts.length);
        expect(r.posts.map((p) => p.status)).toEqual(posts.map((p, i) => (after[i]!.body.join('\n') === p.body.join('\n') ? 'unchanged' : 'edited')));
      }),
      runs,
    );
  });

  it('a post moved to the top is moved, never edited', () => {
    fc.assert(
      fc.property(pageArb, fc.nat(), (posts, pick) => {
        fc.pre(posts.length >= 3);
        const i = 2 + (pick % (posts.length - 2));
        const moved = [posts[i]!, ...posts.filter((_, j) => j !== i)];
        const r = diff(capture(posts), capture(moved));
        expect(r.summary.unchanged).toBe(posts.length);
        expect(r.summary.moved).toBe(1);
        expect(r.posts.find((p) => p.moved)?.old?.index).toBe(i);
      }),
      runs,
    );
  });
});
