// Posts merged into another (classify/merged.ts). From a red-team pass: two updates folded into one post
// left the absorbed one `dropped`, though every word of it was still on the page.
import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../src/history/build.js';
import { diffCaptures, parseCapture, renderMarkdown, renderTerminal } from '../../src/index.js';
import type { Capture } from '../../src/model.js';
import { makeCapture, stamp, type PostSpec } from '../helpers/capture.js';

const bridge = 'Flooding closed the main bridge into the city on Tuesday afternoon, officials said.';
const detour = 'Drivers were told to use the northern ring road until the water recedes.';
const shelters = 'The mayor said emergency shelters would open at three schools by nightfall.';
const hotline = 'Residents can call the city hotline to find the nearest shelter.';
const post = (minute: number, headline: string, body: string[]): PostSpec => ({ time: stamp(minute), headline, body });
const schools = post(890, 'Schools closed Wednesday', ['Schools will stay closed on Wednesday, the district announced in a statement.']);
const power = post(860, 'Power cuts', ['Power was out for about 12,000 homes in the eastern districts, the utility said.']);
const warning = post(850, 'Warning extended', ['The weather service extended the flood warning until Thursday morning.']);
const before = [schools, post(880, 'Bridge closed', [bridge, detour]), post(870, 'Shelters opening', [shelters, hotline]), power, warning];
const merged = post(880, 'Bridge closed and shelters opening', [bridge, detour, shelters, hotline]);

const capture = (posts: PostSpec[], count: number | null = null): Capture => parseCapture(makeCapture({ count, posts }));
const outcome = (old: Capture, neu: Capture) =>
  diffCaptures(old, neu)
    .posts.filter((p) => p.status !== 'unchanged')
    .map((p) => ({ status: p.status, old: p.old?.index ?? null, new: p.new?.index ?? null, evidence: p.evidence }));

describe('merged posts', () => {
  it('the absorbed post is merged into the post that gained its paragraphs, which is edited', () => {
    expect(outcome(capture(before), capture([schools, merged, power, warning]))).toEqual([
      { status: 'edited', old: 1, new: 1, evidence: { kind: 'similar', score: expect.any(Number) } },
      { status: 'merged', old: 2, new: null, evidence: { kind: 'merged', into: 1 } },
    ]);
  });

  it('merged into a new roundup on top that pairs with neither: both merged, the roundup added', () => {
    const roundup = post(895, 'What we know: the city braces for more rain', [
      'Here is where things stand this evening across the city, as the river keeps rising.',
      bridge,
      shelters,
      detour,
      hotline,
    ]);
    const r = outcome(capture(before), capture([roundup, schools, power, warning]));
    expect(r.filter((p) => p.status === 'merged')).toEqual([
      { status: 'merged', old: 1, new: null, evidence: { kind: 'merged', into: 0 } },
      { status: 'merged', old: 2, new: null, evidence: { kind: 'merged', into: 0 } },
    ]);
    expect(r.map((p) => p.status)).not.toContain('dropped');
  });

  it('an oldest-first page names the host by its place as given', () => {
    const r = outcome(capture([...before].reverse()), capture([warning, power, merged, schools]));
    expect(r).toContainEqual({ status: 'merged', old: 2, new: null, evidence: { kind: 'merged', into: 2 } });
  });

  it('the post counters count a merge as a post gone: no deletion outside the view is implied', () => {
    const r = diffCaptures(capture(before, 5), capture([schools, merged, power, warning], 4));
    expect(r.summary.merged).toBe(1);
    expect(r.page.notes).toEqual([]);
    expect(r.page.deletionsOutsideView).toBe(0);
  });

  it('a deleted post whose text another post already had, or only partly took, stays dropped', () => {
    const quoting = post(880, 'Bridge closed', [bridge, detour, shelters, hotline]);
    expect(outcome(capture([schools, quoting, before[2]!, power, warning]), capture([schools, quoting, power, warning])).map((p) => p.status)).toEqual(['dropped']);
    const partly = post(880, 'Bridge closed and shelters opening', [bridge, detour, shelters]);
    expect(outcome(capture(before), capture([schools, partly, power, warning])).map((p) => p.status)).toContain('dropped');
    // Paragraphs under 40 characters prove nothing: a post of short lines only is never merged.
    const short = post(870, 'Shelters', ['Three schools open.', 'Call the hotline.']);
    const host = post(880, 'Bridge closed', [bridge, detour, 'Three schools open.', 'Call the hotline.']);
    expect(outcome(capture([schools, before[1]!, short, power, warning]), capture([schools, host, power, warning])).map((p) => p.status)).toContain('dropped');
  });

  it('the terminal and Markdown reports name the post it joined', () => {
    const report = diffCaptures(capture(before), capture([schools, merged, power, warning]));
    expect(renderTerminal(report)).toContain('merged · 2:30 p.m. ET, March 22, 2023 · old #3\n    Shelters opening\n    now part of #2: Bridge closed and shelters opening\n');
    expect(renderMarkdown(report)).toContain('### 🔗 Merged: Shelters opening\n\n<sub>2:30 p.m. ET, March 22, 2023</sub>\n\nNow part of the post at position 2: Bridge closed and shelters opening\n');
    expect(renderTerminal(report).split('\n')[2]).toBe('1 edited (headline, body), 1 merged; 3 unchanged');
  });

  it('a history ends the absorbed post as merged, and reinserted if it comes back', () => {
    const series = [capture(before), capture([schools, merged, power, warning]), capture(before)].map((c, i) => ({ label: `c${i}`, time: null, capture: c }));
    const shelter = buildHistory(series.slice(0, 2)).posts.find((p) => p.versions[0]!.post.headline === 'Shelters opening')!;
    expect([shelter.fate, shelter.events.map((e) => e.kind)]).toEqual(['merged', ['merged']]);
    const back = buildHistory(series).posts.find((p) => p.versions[0]!.post.headline === 'Shelters opening')!;
    expect([back.fate, back.events.map((e) => e.kind)]).toEqual(['reinserted', ['merged', 'reinserted']]);
  });
});
