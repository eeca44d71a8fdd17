// The HTML adapter on hostile pages (issue 18): long lists, many posts, deep nesting, millions of
// elements. Asserted by results and limits; the timeout only turns a hang into a failure.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseCapture } from '../../src/index.js';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from '../../src/parse/markup.js';
import { htmlDeep, htmlLongList, htmlManyParagraphs, htmlManyPosts } from './hostile.js';

const BOUND = { timeout: 60_000 };

function inputError(text: string, source: string): InputError {
  try {
    parseCapture(text, { source });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no InputError');
}

describe('HTML adapter bounds', () => {
  it('an <ol> of 40,000 items is numbered 1 to 40,000 (each list counted once)', BOUND, () => {
    const c = parseCapture(htmlLongList(40_000), { source: 'ol.html' });
    const markers = c.posts[0]!.body.map((b) => b.marker);
    expect(markers).toHaveLength(40_000);
    expect(markers[0]).toBe('1.');
    expect(markers[39_999]).toBe('40000.');
  });

  it('40,000 posts and the page <h1> after them: the title is the <h1>, every post read', BOUND, () => {
    const c = parseCapture(htmlManyPosts(40_000), { source: 'many.html' });
    expect(c.posts).toHaveLength(40_000);
    expect(c.page.title).toBe('Live');
  });

  it(`nesting up to MAX_HTML_DEPTH is read; deeper is one line of exit-2 input error`, BOUND, () => {
    expect(parseCapture(htmlDeep(MAX_HTML_DEPTH - 10), { source: 'ok.html' }).posts[0]!.headline).toBe('Post');
    const e = inputError(htmlDeep(100_000), 'deep.html');
    expect(e.message).toBe(`deep.html: expected markup nested at most 1,024 elements deep, found deeper nesting`);
  });

  it(`more than MAX_HTML_ELEMENTS (${MAX_HTML_ELEMENTS}) elements: refused as it reads, not out of memory`, BOUND, () => {
    const e = inputError(htmlManyParagraphs(4 * (MAX_HTML_ELEMENTS + 10)), 'p.html');
    expect(e.message).toBe('p.html: expected markup of at most 1,000,000 elements, found more');
  });

  it('the same limits hold for markup inside JSON-LD bodies', BOUND, () => {
    const body = `${'<div>'.repeat(5_000)}x${'</div>'.repeat(5_000)}`;
    const json = JSON.stringify({ '@type': 'LiveBlogPosting', liveBlogUpdate: [{ headline: 'H', articleBody: body }] });
    expect(inputError(json, 'deep.json').message).toMatch(/^deep\.json: expected markup nested at most 1,024 elements deep/);
  });
});
