// JSON fields do not say whether they are plain text or HTML (parse/markup.ts looksLikeMarkup): plain text
// holding a `<` must be kept as written, and HTML read as a browser shows it.
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture } from '../../src/index.js';
import { CaptureReader, looksLikeMarkup } from '../../src/parse/markup.js';

const blocksFromMarkup = (text: string) => new CaptureReader().blocksFromMarkup(text);
const textFromMarkup = (text: string) => new CaptureReader().textFromMarkup(text);

describe('plain text or markup', () => {
  it.each([
    'Home team leads 2-1. Odds: a<b means win, c>d means loss.',
    'Press <Enter> to continue',
    'if x < 3 and y <= 4',
    '<3 from all of us',
    'The <Guardian> view',
  ])('plain text: %j', (text) => {
    expect(looksLikeMarkup(text)).toBe(false);
    expect(textFromMarkup(text)).toBe(text);
    expect(blocksFromMarkup(text).map((b) => b.text)).toEqual([text]);
  });

  it.each([
    ['<p>One.</p><p>Two.</p>', ['One.', 'Two.']],
    ['<p>One.<p>Two.', ['One.', 'Two.']],
    ['One.<br>Two.', ['One.', 'Two.']],
    ['<strong>Goal!</strong> Kane scores', ['Goal! Kane scores']],
    ['See <a href="https://example.com">the report</a>.', ['See the report.']],
    ['<!-- ad --> Text', ['Text']],
    ['Chart: <img src="x.png" alt=""> below', ['Chart: below']],
  ])('markup: %j', (html, blocks) => {
    expect(looksLikeMarkup(html)).toBe(true);
    expect(blocksFromMarkup(html).map((b) => b.text)).toEqual(blocks);
  });

  // Reported from an exploratory run: the report showed `{+Odds: ad means loss.+}`.
  it('a feed whose body gains plain text with < and > reports the words as written', () => {
    const feed = (body: string) => JSON.stringify([{ id: 1, title: 'Score', published: '2023-03-22T10:00:00Z', body }]);
    const old = parseCapture(feed('Home team leads 2-1.'), { source: 'f1.json' });
    const neu = parseCapture(feed('Home team leads 2-1. Odds: a<b means win, c>d means loss.'), { source: 'f2.json' });
    const change = diffCaptures(old, neu).posts.find((p) => p.status === 'edited');
    expect(change?.fields).toEqual(['body']);
    expect(neu.posts[0]!.body.map((b) => b.text)).toEqual(['Home team leads 2-1. Odds: a<b means win, c>d means loss.']);
  });
});
