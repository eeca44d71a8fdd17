// The rss adapter reads each item when it closes and drops it then (parse/rss.ts): the capture must be the
// one read with every node kept, whatever nests where, and items that nest come in document order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRssCapture } from '../../src/parse/rss.js';
import { FUZZ_RUNS } from '../helpers/arbitraries.js';

function read(xml: string, keepNodes: boolean): unknown {
  try {
    return parseRssCapture(xml, { source: 'feed' }, keepNodes);
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

const TAGS = ['item', 'entry', 'title', 'guid', 'id', 'pubDate', 'updated', 'description', 'content', 'channel', 'author', 'name', 'p'];
const text = fc.constantFrom('Goal', 'Kick-off', '&lt;p&gt;One&lt;/p&gt;', '<![CDATA[<b>Two</b>]]>', '2026-11-22T15:00:00Z', ' ', '\n');

const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 5 })).map(([t, children]) => `<${t}>${children.join('')}</${t}>`),
  ),
})).node;

const feed = fc
  .tuple(fc.constantFrom('<rss version="2.0">|</rss>', '<feed xmlns="http://www.w3.org/2005/Atom">|</feed>', '<rdf:RDF>|</rdf:RDF>'), fc.array(node, { maxLength: 8 }))
  .map(([root, children]) => {
    const [open, close] = root.split('|');
    return `<?xml version="1.0"?>\n${open}${children.join('\n')}${close}\n`;
  });

describe('rss: items read as the feed streams by', () => {
  it('give the capture read with every node kept', () => {
    fc.assert(
      fc.property(feed, (xml) => {
        expect(read(xml, false)).toEqual(read(xml, true));
      }),
      { numRuns: FUZZ_RUNS * 20 },
    );
  });

  it('in document order when they nest; a title holding an item keeps its text', () => {
    const xml = `<rss><channel><title>Live <item><title>Inside the title</title></item></title>
      <item><title>Outer</title><item><title>Inner</title></item></item><item><title>Last</title></item></channel></rss>`;
    const capture = parseRssCapture(xml, { source: 'feed' });
    expect(capture.posts.map((p) => p.headline)).toEqual(['Inside the title', 'Outer', 'Inner', 'Last']);
    expect(capture.page.title).toBe('Live Inside the title');
    expect(read(xml, false)).toEqual(read(xml, true));
  });
});
