// Every diff that could be quadratic is bounded (issue 18): the bounds are pinned by operation counts
// (comparisons, word diffs run), never by a clock.
import { describe, expect, it } from 'vitest';
import { DiffBudget, diffBlocks, diffText, DEFAULT_DIFF_OPTIONS, MAX_BLOCK_EDIT, PAGE_WORD_WORK, PAIR_WINDOW, POST_WORD_WORK } from '../../src/classify/text-diff.js';
import { buildHistory, diffCaptures, parseCapture } from '../../src/index.js';
import type { Hunk } from '../../src/model.js';
import { makeCapture, stamp } from '../helpers/capture.js';
import { bigPostEveryParagraphEdited, bigPostEveryParagraphRewritten, longHeadlinesReordered, longHeadlinesRewritten, postGainsBlocks } from './hostile.js';

const ops = (hunks: Hunk[]) => hunks.map((h) => h.op).join('');
const count = (hunks: Hunk[], op: string) => hunks.filter((h) => h.op === op).length;

describe('block diff bounds', () => {
  it('20,000 paragraphs all rewritten: at most PAIR_WINDOW comparisons a block, every block kept, flagged coarse', () => {
    const old = Array.from({ length: 20_000 }, (_, i) => `Old alpha${i} beta${i}.`);
    const neu = Array.from({ length: 20_000 }, (_, i) => `New gamma${i} delta${i}.`);
    const budget = new DiffBudget();
    const hunks = diffBlocks(old, neu, DEFAULT_DIFF_OPTIONS, budget);
    expect(budget.comparisons).toBeLessThanOrEqual(20_000 * PAIR_WINDOW);
    expect(budget.comparisons).toBeGreaterThan(20_000);
    expect(count(hunks, '-')).toBe(20_000);
    expect(count(hunks, '+')).toBe(20_000);
    expect(budget.coarse).toBe(true);
  });

  it('20,000 paragraphs each edited by one word: paired one to one, one word diff each, nothing else compared', () => {
    const para = (i: number, w: string) => `Paragraph ${i} says ${w} about the war today.`;
    const old = Array.from({ length: 20_000 }, (_, i) => para(i, 'Tuesday'));
    const neu = Array.from({ length: 20_000 }, (_, i) => para(i, 'Wednesday'));
    const budget = new DiffBudget();
    const hunks = diffBlocks(old, neu, DEFAULT_DIFF_OPTIONS, budget);
    expect(ops(hunks)).toBe('~'.repeat(20_000));
    expect(budget.comparisons).toBe(20_000);
    expect(budget.wordDiffs).toBe(20_000);
  });

  it('anchors on blocks found once on each side: an insertion among 10,000 kept blocks is found exactly', () => {
    const old = Array.from({ length: 10_000 }, (_, i) => `Block ${i}.`);
    const neu = [...old.slice(0, 5_000), 'Inserted.', ...old.slice(5_000, 7_000), ...old.slice(7_001)];
    const budget = new DiffBudget();
    const hunks = diffBlocks(old, neu, DEFAULT_DIFF_OPTIONS, budget);
    expect(count(hunks, '=')).toBe(9_999);
    expect(hunks[5_000]).toEqual({ op: '+', text: 'Inserted.' });
    expect(hunks.find((h) => h.op === '-')).toEqual({ op: '-', text: 'Block 7000.' });
    expect(budget.coarse).toBe(false);
  });

  it('a block found three times on one side and not on the other is no anchor', () => {
    const old = [...Array.from({ length: 600 }, (_, i) => `Block ${i}.`), 'Again.', 'Again.', 'Again.'];
    const neu = Array.from({ length: 600 }, (_, i) => `Block ${i}.`).reverse();
    const hunks = diffBlocks(old, neu);
    expect(count(hunks, '-') + count(hunks, '=')).toBe(603);
    expect(count(hunks, '+') + count(hunks, '=')).toBe(600);
  });

  it('repeated blocks among blocks found on one side only: aligned on the repeated ones, exactly', () => {
    const n = MAX_BLOCK_EDIT * 4;
    const old = Array.from({ length: n }, (_, i) => (i % 2 ? 'Same.' : `Old ${i} text here.`));
    const neu = Array.from({ length: n }, (_, i) => (i % 2 ? 'Same.' : `New ${i} words there.`));
    const budget = new DiffBudget();
    const hunks = diffBlocks(old, neu, DEFAULT_DIFF_OPTIONS, budget);
    expect(count(hunks, '=')).toBe(n / 2);
    expect(count(hunks, '-') + count(hunks, '+')).toBe(n);
    // Each unique block stays between the same two 'Same.' blocks it was between.
    expect(hunks.slice(0, 4).map((h) => h.op)).toEqual(['-', '+', '=', '-']);
    expect(budget.coarse).toBe(false);
  });

  it('every block of a long post edited: no block alignment is run (none can be found), none flagged', () => {
    const old = Array.from({ length: 520 }, (_, i) => `alpha${i} beta x${i}`);
    const neu = Array.from({ length: 520 }, (_, i) => `alpha${i} beta y${i}`);
    const budget = new DiffBudget();
    const hunks = diffBlocks(old, neu, DEFAULT_DIFF_OPTIONS, budget);
    expect(budget.blockDiffs).toBe(0);
    expect(hunks.map((h) => h.op)).toEqual(Array(520).fill('~'));
    expect(budget.coarse).toBe(false);
  });

  it('beyond MAX_BLOCK_EDIT edits among the blocks both sides have: paired in order, flagged coarse', () => {
    const n = MAX_BLOCK_EDIT * 2;
    // Every block twice (no anchors), and the new side reversed: the blocks are the same, their order is not.
    const old = Array.from({ length: n }, (_, i) => `Block ${i % (n / 2)} of the post.`);
    const neu = [...old].reverse();
    const budget = new DiffBudget();
    const hunks = diffBlocks(old, neu, DEFAULT_DIFF_OPTIONS, budget);
    expect(budget.blockDiffs).toBeGreaterThan(0);
    expect(budget.coarse).toBe(true);
    expect(count(hunks, '-') + count(hunks, '=') + count(hunks, '~')).toBe(n);
  });

  it('a post gaining 200,000 blocks: no stack overflow (no push(...array))', () => {
    const old = ['First.'];
    const neu = ['First.', ...Array.from({ length: 200_000 }, (_, i) => `b${i}`)];
    const hunks = diffBlocks(old, neu);
    expect(hunks).toHaveLength(200_001);
    const { old: a, new: b } = postGainsBlocks(200_000);
    const r = diffCaptures(parseCapture(a), parseCapture(b));
    expect(r.summary.edited).toBe(1);
  });
});

describe('word diff budget', () => {
  it('a 1,000-word text rewritten in other words is shown whole without running jsdiff', () => {
    const a = Array.from({ length: 1_000 }, (_, i) => `h${i}`).join(' ');
    const b = Array.from({ length: 1_000 }, (_, i) => `k${i}`).join(' ');
    const budget = new DiffBudget();
    expect(ops(diffText(a, b, DEFAULT_DIFF_OPTIONS, budget))).toBe('-+');
    expect(budget.wordDiffs).toBe(0);
  });

  it('the pre-check never changes a verdict: a text with most words kept is still diffed word by word', () => {
    const a = Array.from({ length: 1_000 }, (_, i) => `h${i}`).join(' ');
    const b = a.replace('h500', 'changed');
    const budget = new DiffBudget();
    expect(ops(diffText(a, b, DEFAULT_DIFF_OPTIONS, budget))).toBe('~');
    expect(budget.wordDiffs).toBe(1);
  });

  it('one post comparison spends at most its budget: shuffled long fields end up shown whole, flagged', () => {
    const ws = Array.from({ length: 1_000 }, (_, i) => `h${i}`);
    const a = ws.join(' ');
    const b = [...ws].reverse().join(' ');
    const budget = new DiffBudget();
    const results = Array.from({ length: 20 }, () => diffText(a, b, DEFAULT_DIFF_OPTIONS, budget));
    expect(results.every((h) => ops(h) === '-+')).toBe(true);
    // A run cut at maxEditLength spends maxEditLength²; the rest of the budget buys shorter runs.
    expect(budget.wordDiffs).toBeLessThanOrEqual(6);
    expect(budget.wordWork).toBeLessThanOrEqual(0);
    expect(budget.coarse).toBe(true);
  });

  it('400 posts with 1,000-word headlines all rewritten: every headline shown whole, none diffed', () => {
    const { old, new: neu } = longHeadlinesRewritten(40, 1_000);
    const r = diffCaptures(parseCapture(old), parseCapture(neu));
    const headlines = r.posts.flatMap((p) => p.changes.filter((c) => c.field === 'headline'));
    expect(headlines.length).toBeGreaterThan(0);
    expect(headlines.every((c) => ops(c.hunks) === '-+')).toBe(true);
  });
});

describe('word diff budget of a whole comparison', () => {
  it('posts whose 1,000-word headlines are reordered: the page spends at most PAGE_WORD_WORK, the rest shown whole, flagged', () => {
    // Each headline is a run cut at maxEditLength, the whole of its post's budget: without a budget for the
    // page, every post spent one (100 such posts took 26 s, 400 would take minutes).
    const posts = 12;
    const { old, new: neu } = longHeadlinesReordered(posts, 1_000);
    const r = diffCaptures(parseCapture(old), parseCapture(neu));
    const headlines = r.posts.flatMap((p) => p.changes.filter((c) => c.field === 'headline'));
    expect(headlines).toHaveLength(posts);
    expect(headlines.every((c) => ops(c.hunks) === '-+')).toBe(true);
    const diffed = headlines.filter((c) => !c.coarse).length;
    expect(diffed).toBe(PAGE_WORD_WORK / POST_WORD_WORK);
    expect(headlines.filter((c) => c.coarse)).toHaveLength(posts - diffed);
  });
});

describe('word diff budget of a step of a log', () => {
  it('posts coming back into view with 1,000-word headlines reordered share the step\'s budget', () => {
    // Out of view in the second capture (a newer post fills the window), back in the third with their
    // headlines reversed: each is compared with its last version apart from the step's report.
    const posts = 12;
    const words = (i: number) => Array.from({ length: 1_000 }, (_, w) => `h${i}x${w}`);
    const post = (i: number, reversed: boolean) => ({
      time: stamp(600 + i),
      headline: (reversed ? words(i).reverse() : words(i)).join(' '),
      body: [`Body of post ${i}, the same in every capture of the page.`],
    });
    const newer = { time: stamp(900), headline: 'Newest post', body: ['A post newer than all the others.'] };
    const spec = (list: Array<ReturnType<typeof post>>, count: number) => makeCapture({ posts: list, count });
    const all = Array.from({ length: posts }, (_, i) => post(posts - 1 - i, false));
    const series = [spec(all, posts), spec([newer], posts + 1), spec([newer, ...all.map((_, i) => post(posts - 1 - i, true))], posts + 1)];
    const history = buildHistory(series.map((text, i) => ({ label: `c${i}`, time: null, capture: parseCapture(text) })));
    const headlines = history.posts.flatMap((p) => p.versions.flatMap((v) => v.changes.filter((c) => c.field === 'headline')));
    expect(headlines).toHaveLength(posts);
    expect(headlines.filter((c) => !c.coarse)).toHaveLength(PAGE_WORD_WORK / POST_WORD_WORK);
  });
});

describe('whole captures', () => {
  it('one post of 20,000 rewritten paragraphs: reported edited, the body flagged coarse', () => {
    const { old, new: neu } = bigPostEveryParagraphRewritten(20_000);
    const r = diffCaptures(parseCapture(old), parseCapture(neu));
    expect(r.summary.edited).toBe(1);
    const body = r.posts[0]!.changes.find((c) => c.field === 'body')!;
    expect(body.coarse).toBe(true);
    expect(body.hunks).toHaveLength(40_000);
  });

  it('one post of 5,000 paragraphs each edited by a word: every paragraph word-diffed', () => {
    const { old, new: neu } = bigPostEveryParagraphEdited(5_000);
    const r = diffCaptures(parseCapture(old), parseCapture(neu));
    const body = r.posts[0]!.changes.find((c) => c.field === 'body')!;
    expect(ops(body.hunks)).toBe('~'.repeat(5_000));
  });
});
