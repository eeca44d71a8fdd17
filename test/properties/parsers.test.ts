// Parsers fed arbitrary bytes and arbitrary text: they return a capture or throw an InputError, nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReader, diffCaptures, InputError, parseCapture } from '../../src/index.js';
import { parseTextLines } from '../../src/parse/text.js';
import { addNoise, capture, FUZZ_RUNS, noiseArb, pageArb } from '../helpers/arbitraries.js';

function parsesOrRefuses(input: string | Uint8Array): void {
  try {
    const c = parseCapture(input, { source: 'fuzz' });
    // Only a feed without posts (`[]`, `{"items": []}`, an RSS channel without items) is a capture with none.
    if (c.posts.length === 0) expect(['feed', 'rss']).toContain(c.format);
    diffCaptures(c, c);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^fuzz(:\d+)?: expected .+, found .+$/);
    expect((error as Error).message).not.toContain('\n');
  }
}

describe('parsers under fuzzing', () => {
  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), parsesOrRefuses), { numRuns: FUZZ_RUNS * 10 });
  });

  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), parsesOrRefuses), { numRuns: FUZZ_RUNS * 10 });
  });

  it('arbitrary markup and JSON (the html, jsonld and feed adapters)', () => {
    const json = fc.json({ maxDepth: 4 });
    const tag = fc.constantFrom('article', 'div', 'p', 'li', 'time', 'h2', 'script', 'meta', 'section', 'ul', 'ol', 'br');
    const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.string({ maxLength: 30 }),
        fc.tuple(tag, fc.array(tie('node'), { maxLength: 4 }), fc.string({ maxLength: 20 })).map(
          ([t, children, attr]) => `<${t} data-post-id="${attr}">${children.join('')}</${t}>`,
        ),
      ),
    })).node;
    const ld = json.map((j) => `{"@context":"https://schema.org","@type":"LiveBlogPosting","liveBlogUpdate":[${j}]}`);
    fc.assert(
      fc.property(fc.oneof(json, ld, element.map((e) => `<!doctype html><html><body>${e}</body></html>`)), parsesOrRefuses),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });

  it('arbitrary RSS and Atom (the rss adapter), whole or cut anywhere', () => {
    const tag = fc.constantFrom('item', 'entry', 'title', 'guid', 'id', 'link', 'pubDate', 'published', 'description', 'content', 'summary', 'author', 'p');
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('&lt;p&gt;x&lt;/p&gt;', '<![CDATA[<b>y</b> &#8217;]]>', 'Wed, 22 Mar 2023 10:00:00 GMT', '2026-11-22T15:00:00Z', '&amp;nbsp;'));
    const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.tuple(tag, fc.array(tie('node'), { maxLength: 4 }), fc.constantFrom('', ' type="html"', ' type="xhtml"', ' type="text"', ' src="x"')).map(
          ([t, children, attr]) => `<${t}${attr}>${children.join('')}</${t}>`,
        ),
      ),
    })).node;
    const feed = fc.tuple(fc.boolean(), fc.array(element, { maxLength: 5 }), fc.nat()).map(([atom, nodes, cut]) => {
      const whole = atom
        ? `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${nodes.join('')}</feed>`
        : `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${nodes.join('')}</channel></rss>`;
      return cut % 3 === 0 ? whole.slice(0, cut % (whole.length + 1)) : whole;
    });
    fc.assert(fc.property(feed, parsesOrRefuses), { numRuns: FUZZ_RUNS * 10 });
  });

  it('real-looking captures with random bytes spliced in', () => {
    fc.assert(
      fc.property(pageArb, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 50 }), (posts, at, junk) => {
        const bytes = Buffer.from(capture(posts));
        const i = at % bytes.length;
        parsesOrRefuses(Buffer.concat([bytes.subarray(0, i), junk, bytes.subarray(i)]));
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
  });

  it('captures truncated anywhere', () => {
    fc.assert(
      fc.property(pageArb, fc.nat(), (posts, at) => {
        const bytes = Buffer.from(capture(posts));
        parsesOrRefuses(bytes.subarray(0, at % (bytes.length + 1)));
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
  });

  it('the fast path (post bytes, read by a reader after another capture) reads what the line-by-line path reads', () => {
    // Posts are plain data, so toEqual compares every field of every post (key and line numbers included).
    fc.assert(
      fc.property(pageArb, pageArb, noiseArb, (before, posts, noise) => {
        const text = addNoise(capture(posts), noise);
        const slow = parseTextLines(text.replace(/^\ufeff/, ''), 'fuzz');
        expect(slow.posts.every((p) => Object.keys(p).length === 10)).toBe(true);
        expect(parseCapture(text, { source: 'fuzz' })).toEqual(slow);
        // Through a reader that read a related capture first (the guide, its posts by their bytes).
        const reader = createReader();
        reader.parse(capture([...posts.slice(1), ...before]), { source: 'before' });
        expect(reader.parse(Buffer.from(text), { source: 'fuzz' })).toEqual(slow);
        expect(reader.parse(text, { source: 'fuzz' })).toEqual(slow);
      }),
      { numRuns: FUZZ_RUNS * 2 },
    );
  });
});
