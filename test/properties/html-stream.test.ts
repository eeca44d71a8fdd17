// The html adapter reads a page with the default post selectors as it streams by (parse/html-stream.ts),
// dropping what it has read; it must give the capture the whole-DOM reader gives, or refuse it alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldOptions } from '../../src/parse/fields.js';
import { parseHtmlCapture } from '../../src/parse/html.js';
import { FUZZ_RUNS } from '../helpers/arbitraries.js';

/** The capture, or the refusal's message. */
function read(text: string, fields: FieldOptions | undefined, whole: boolean): unknown {
  try {
    return parseHtmlCapture(text, { source: 'page', fields }, whole);
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

/** Elements that decide what a post, the page header, a block or a hidden part is, with attributes that do. */
const OPEN_TAGS = [
  'article', 'article data-post-id="a"', 'article data-post-id="b"', 'div class="live-post"', 'li data-post-id="c"',
  'section itemtype="https://schema.org/BlogPosting"', 'div itemtype="https://schema.org/LiveBlogPosting"',
  'div', 'main', 'section', 'template', 'h1', 'h2', 'h3', 'p', 'p hidden', 'ul', 'ol start="3"', 'li', 'blockquote',
  'figure', 'figcaption', 'span class="credit"', 'nav', 'aside', 'footer', 'time datetime="2026-11-22T15:04:00Z"',
  'time', 'span itemprop="datePublished" content="10:30"', 'span class="byline"', 'title', 'head', 'pre', 'table',
  'td', 'span itemprop="dateModified"', 'div aria-hidden="true"', 'article id="x9"', 'div data-id="7"',
];
const VOID = [
  '<br>', '<meta property="og:title" content="OG title">', '<meta name="author" content="A. Writer">',
  '<meta name="author" content="">', '<meta property="article:modified_time" content="2026-11-22T16:00:00Z">',
  '<!-- a comment -->', '<img src="x">',
];
const WORDS = ['Breaking', 'news', 'from', 'Kyiv', '•', '3.', 'update', '  ', '\n', '&amp;', 'café'];

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.constantFrom(...VOID),
    fc.tuple(fc.constantFrom(...OPEN_TAGS), fc.array(tie('node'), { maxLength: 5 }), fc.boolean()).map(([open, children, closed]) => {
      const name = open.split(' ')[0];
      // Now and then left open: the parser closes it where HTML says.
      return `<${open}>${children.join('')}${closed ? `</${name}>` : ''}`;
    }),
  ),
})).node;

const page = fc
  .tuple(fc.array(node, { maxLength: 3 }), fc.array(node, { minLength: 1, maxLength: 8 }))
  .map(([head, body]) => `<!doctype html><html><head>${head.join('')}</head><body>${body.join('\n')}</body></html>`);

/** Field selectors, most of which streaming reads (and some it leaves to the whole DOM), or none. */
const fields = fc.option(
  fc.record(
    {
      post: fc.constantFrom('article', '[data-post-id]', 'main article', 'section > div', '.live-post, li', 'article:not([data-post-id="b"])', ':is(div, li):not(.live-post)', 'li:first-child', 'h1 + article', 'p ~ article'),
      time: fc.constantFrom('time', 'span[content]', 'article time', 'time:not([datetime])'),
      headline: fc.constantFrom('h3', 'h1, h2', 'section h2', ':is(h2, h3)', 'h2 + h3'),
      body: fc.constantFrom('p', 'li, blockquote', 'div > p', 'p:not([hidden])', 'p:last-child'),
      id: fc.constantFrom('data-id', 'id', 'div@data-id'),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe('html: reading a page as it streams by', () => {
  it('gives the capture the whole DOM gives, or refuses it alike', () => {
    fc.assert(
      fc.property(page, fields, (html, f) => {
        expect(read(html, f, false)).toEqual(read(html, f, true));
      }),
      { numRuns: FUZZ_RUNS * 20 },
    );
  });

  it('on pages where the choice is made late: marked posts after unmarked articles, a page-wide article', () => {
    const post = (attrs: string, n: number) => `<article${attrs}><h2>Post ${n}</h2><time datetime="2026-11-22T1${n}:00:00Z"></time><p>Text ${n}</p></article>`;
    const pages = [
      // Unmarked articles first (read as posts while nothing is marked), then one marked post wins.
      `<html><body>${post('', 1)}${post('', 2)}<div data-post-id="m"><h2>Marked</h2><p>Only this</p></div></body></html>`,
      // One article around the posts: the posts, two of them, outnumber it.
      `<html><body><article><h1>Live</h1>${post(' data-post-id="1"', 1)}${post(' data-post-id="2"', 2)}</article></body></html>`,
      // An article around one post: the outer level wins the tie.
      `<html><body><article><h1>Live</h1>${post('', 1)}</article></body></html>`,
      // The page's h1 inside the first post, and another outside.
      `<html><body>${post('', 1).replace('<h2>', '<h1>Inside</h1><h2>')}<h1>Page</h1>${post('', 2)}</body></html>`,
      // A heading holding a post, and a post inside a template.
      `<html><body><h1>${post(' data-post-id="1"', 1)}</h1><template>${post(' data-post-id="2"', 2)}</template></body></html>`,
    ];
    for (const html of pages) expect(read(html, undefined, false)).toEqual(read(html, undefined, true));
    expect((read(pages[0]!, undefined, false) as { posts: unknown[] }).posts).toHaveLength(1);
  });
});
