// A page toggled to oldest first and back. Captured oldest first, it showed the page's first posts; back
// to newest first, the newest. A red-team pass: the newest posts, there all along past the old window,
// were `added`, and the unchanged counter made livediff say that as many posts had been deleted outside
// the view, on a page where nothing changed.
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture } from '../../src/index.js';

const ITEMS: Array<[string, string]> = [
  ['Airport expansion delayed', 'Planners want another environmental review before building.'],
  ['Festival lineup announced', 'Organisers promise forty bands across four stages in July.'],
  ['Bridge closed for inspection', 'Engineers found cracks in a support beam during routine checks.'],
  ['Museum reopens east wing', 'Restored tapestries return after three years of conservation.'],
  ['Railway strike called off', 'Unions accepted a revised pay offer late on Tuesday.'],
  ['Council approves cycle lanes', 'Councillors voted narrowly for protected routes downtown.'],
  ['Stadium roof plans unveiled', 'Architects showed a retractable design to supporters.'],
  ['Hospital waiting times fall', 'Figures show the longest waits halved since spring.'],
  ['Library hours extended', 'Branches will open on Sundays from next month.'],
  ['Harbour dredging begins', 'Barges started clearing silt from the main channel.'],
  ['Zoo welcomes twin pandas', 'Keepers said both cubs are feeding well.'],
  ['Tram fares frozen', 'The transport authority held prices for a second year.'],
  ['Ferry service resumes', 'Crossings restart after the storm.'],
];
const POSTS = ITEMS.map(([h, b], i) => `10:${String(i * 4).padStart(2, '0')} a.m. ET, March 22, 2023\n\n${h}\n\n${b}\n`);
const page = (count: number, posts: string[]) => `March 22, 2023 - Test live page\n\nUpdated 11:59 a.m. ET, March 22, 2023\n${String(count)} Posts\nSort byDropdown arrow\n${posts.join('\n')}`;
const oldestFirst = (count: number, from: number, to: number) => page(count, POSTS.slice(from, to));
const newestFirst = (count: number, from: number, to: number) => page(count, POSTS.slice(from, to).reverse());

const diff = (a: string, b: string) => {
  const r = diffCaptures(parseCapture(a, { source: 'old.txt' }), parseCapture(b, { source: 'new.txt' }));
  return {
    statuses: r.posts.map((p) => `${p.status}${p.status === 'added' || p.status === 'into-view' ? ` ${p.new!.headline} (${String(p.evidence?.kind)})` : ''}`),
    notes: r.page.notes.map((n) => n.kind),
    deletionsOutsideView: r.page.deletionsOutsideView,
  };
};

describe('a page toggled back to newest first', () => {
  it('no post in common, the counter unchanged: the newest posts came into view, and no deletion is implied', () => {
    const d = diff(oldestFirst(12, 0, 6), newestFirst(12, 6, 12));
    expect(d.statuses.filter((s) => s.startsWith('added'))).toEqual([]);
    expect(d.statuses.filter((s) => s.startsWith('into-view'))).toHaveLength(6);
    expect(d.statuses.every((s) => s.startsWith('out-of-view') || s.endsWith('(beyond-old-window)'))).toBe(true);
    expect(d.notes).toEqual([]);
    expect(d.deletionsOutsideView).toBe(0);
  });

  it('posts in common: those above them came into view', () => {
    const d = diff(oldestFirst(12, 0, 8), newestFirst(12, 4, 12));
    expect(d.statuses.filter((s) => !s.startsWith('unchanged') && !s.startsWith('out-of-view'))).toEqual([
      'into-view Tram fares frozen (beyond-old-window)',
      'into-view Zoo welcomes twin pandas (beyond-old-window)',
      'into-view Harbour dredging begins (beyond-old-window)',
      'into-view Library hours extended (beyond-old-window)',
    ]);
    expect(d.notes).toEqual([]);
  });

  it('the counter grew by one: the newest post is added, the older ones came into view', () => {
    const d = diff(oldestFirst(12, 0, 6), newestFirst(13, 6, 13));
    expect(d.statuses.filter((s) => s.startsWith('added'))).toEqual(['added Ferry service resumes (newer-than-shown)']);
    expect(d.statuses.filter((s) => s.startsWith('into-view'))).toHaveLength(6);
    expect(d.notes).toEqual([]);
  });

  it('newest first on both sides, the same six posts are added and the counter implies six deletions (nothing was cut at the live end)', () => {
    const d = diff(newestFirst(12, 0, 6), newestFirst(12, 6, 12));
    expect(d.statuses.filter((s) => s.startsWith('added'))).toHaveLength(6);
    expect(d.notes).toEqual(['deleted-outside-view']);
  });
});
