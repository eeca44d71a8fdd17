// A reader shares an unchanged post's text between successive captures of a format other than text
// (parse/index.ts keyed): a series holds each post's text once, and each capture is still the one
// parseCapture gives.
import { describe, expect, it } from 'vitest';
import { createReader, parseCapture } from '../../src/index.js';

const feed = (items: Array<[string, string]>) =>
  `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Live</title>\n${items
    .map(([id, text]) => `<item><guid>${id}</guid><pubDate>Sun, 22 Nov 2026 15:0${id.length}:00 GMT</pubDate><title>Post ${id}</title><description>${text}</description></item>`)
    .join('\n')}</channel></rss>\n`;

describe('a reader over captures in another format than text', () => {
  it("gives an unchanged post the last capture's strings and arrays, and a changed one its own", () => {
    const reader = createReader();
    const first = feed([['a', 'First paragraph of a.'], ['bb', 'First paragraph of bb.']]);
    const second = feed([['ccc', 'A new post.'], ['a', 'First paragraph of a.'], ['bb', 'First paragraph of bb, edited.']]);
    const one = reader.parse(first, { source: 'one.xml' });
    const two = reader.parse(second, { source: 'two.xml' });
    expect(one).toEqual(parseCapture(first, { source: 'one.xml' }));
    expect(two).toEqual(parseCapture(second, { source: 'two.xml' }));
    const [a1, b1] = one.posts;
    const [, a2, b2] = two.posts;
    // The same post: the same arrays and strings, in a post object of its own (its place differs).
    expect(a2).not.toBe(a1);
    expect(a2!.body).toBe(a1!.body);
    expect(a2!.captions).toBe(a1!.captions);
    expect(a2!.key).toBe(a1!.key);
    expect(a2!.index).toBe(1);
    // Edited: nothing shared.
    expect(b2!.body).not.toBe(b1!.body);
    expect(b2!.key).not.toBe(b1!.key);
  });

  it('shares nothing through parseCapture, which keeps nothing', () => {
    const text = feed([['a', 'Same.']]);
    expect(parseCapture(text, { source: 'x' }).posts[0]!.body).not.toBe(parseCapture(text, { source: 'x' }).posts[0]!.body);
  });
});
