// Ids that number posts by their place (`<article id="entry-3">`, counted from the top). A red-team pass:
// one post deleted, and the id layer paired every post below it with its neighbour, reporting them
// `edited` (time, headline, body) and the last one `out of view`: the deletion itself was never reported.
import { beforeAll, describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture, renderJson, renderMarkdown, renderTerminal } from '../../src/index.js';
import { loadFormats } from '../../src/parse/index.js';

type Item = [time: string, headline: string, body: string];
const ITEMS: Item[] = [
  ['10:40', 'Bridge closed for inspection', 'Engineers found cracks in a support beam during routine checks.'],
  ['10:30', 'Railway strike called off', 'Unions accepted a revised pay offer late on Tuesday.'],
  ['10:20', 'Museum reopens east wing', 'Restored tapestries return after three years of conservation.'],
  ['10:10', 'Council approves cycle lanes', 'Councillors voted narrowly for protected routes downtown.'],
  ['10:00', 'Airport expansion delayed', 'Planners want another environmental review before building.'],
];
const ZOO: Item = ['10:50', 'Zoo welcomes twin pandas', 'Keepers said both cubs are feeding well.'];

/** A page whose ids are given, or numbered from the top. */
const page = (items: Item[], ids: string[] = items.map((_, i) => `entry-${String(i + 1)}`)) =>
  parseCapture(
    '<!doctype html><html><head><title>City live</title></head><body><h1>City live</h1>' +
      items.map(([t, h, b], i) => `<article id="${ids[i]!}"><time datetime="2023-03-22T${t}:00Z">${t}</time><h2>${h}</h2><p>${b}</p></article>`).join('') +
      '</body></html>',
  );
const diff = (a: ReturnType<typeof page>, b: ReturnType<typeof page>) => {
  const r = diffCaptures(a, b);
  return { posts: r.posts.map((p) => `${p.status}${p.fields.length ? ` (${p.fields.join(', ')})` : ''} ${p.post.headline}`), notes: r.page.notes };
};

beforeAll(() => loadFormats());

describe('ids that follow the posts’ places', () => {
  it('one post deleted: that post dropped, the others unchanged, and the page says the ids were ignored', () => {
    const d = diff(page(ITEMS), page([...ITEMS.slice(0, 2), ...ITEMS.slice(3)]));
    expect(d.posts).toEqual([
      'unchanged Bridge closed for inspection',
      'unchanged Railway strike called off',
      'dropped Museum reopens east wing',
      'unchanged Council approves cycle lanes',
      'unchanged Airport expansion delayed',
    ]);
    expect(d.notes).toEqual([{ kind: 'ids-ignored', posts: 2 }]);
  });

  it('the note is data in the JSON and a sentence in the terminal and Markdown', () => {
    const report = diffCaptures(page(ITEMS), page([...ITEMS.slice(0, 2), ...ITEMS.slice(3)]));
    const text = "the page's post ids follow the posts' places (2 ids moved to another post's text): posts were compared without them";
    expect(JSON.parse(renderJson(report)).page.notes).toEqual([{ kind: 'ids-ignored', posts: 2 }]);
    expect(renderTerminal(report, { color: false })).toContain(`\n    note: ${text}\n`);
    expect(renderMarkdown(report)).toContain(`\n> **Note:** ${text}`);
  });

  it('one post added on top: that post added, the others unchanged', () => {
    const d = diff(page(ITEMS), page([ZOO, ...ITEMS]));
    expect(d.posts).toEqual(['added Zoo welcomes twin pandas', ...ITEMS.map(([, h]) => `unchanged ${h}`)]);
    expect(d.notes.map((n) => n.kind)).toEqual(['ids-ignored']);
  });
});

describe('ids that are identities', () => {
  const ids = ['p-105', 'p-104', 'p-103', 'p-102', 'p-101'];
  it('a post rewritten under its id is edited, with no note', () => {
    const rewritten: Item = ['10:20', 'Museum east wing stays shut', 'The reopening was postponed after a leak was found.'];
    const d = diff(page(ITEMS, ids), page([ITEMS[0]!, ITEMS[1]!, rewritten, ITEMS[3]!, ITEMS[4]!], ids));
    expect(d.posts[2]).toBe('edited (headline, body) Museum east wing stays shut');
    expect(d.notes).toEqual([]);
  });

  it('a post re-posted under a new id is that post, its id changed, with no note', () => {
    const d = diff(page(ITEMS, ids), page(ITEMS, ['p-105', 'p-104', 'p-106', 'p-102', 'p-101']));
    expect(d.posts[2]).toBe('edited (id) Museum reopens east wing');
    expect(d.notes).toEqual([]);
  });
});
