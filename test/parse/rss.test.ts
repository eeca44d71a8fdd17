// The rss adapter (parse/rss.ts): RSS 2.0, RSS 1.0 and Atom feeds, detected from their start and read
// item by item. The fixture pairs in test/fixtures-formats/rss-* check whole diffs of real text.
import { describe, expect, it } from 'vitest';
import { parseCapture } from '../../src/index.js';
import { looksLikeFeed } from '../../src/parse/rss.js';

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
  <title>Live: City v United</title>
  <lastBuildDate>Sun, 22 Nov 2026 15:32:00 GMT</lastBuildDate>
  <item>
    <title>Goal! City 1-0</title>
    <guid isPermaLink="false">post-105</guid>
    <pubDate>Sun, 22 Nov 2026 15:31:00 GMT</pubDate>
    <dc:creator>Match reporter</dc:creator>
    <description>&lt;p&gt;Haaland heads in from a corner.&lt;/p&gt;&lt;p&gt;City lead &amp;amp; deserve it.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Kick-off</title>
    <link>https://example.com/live#post-101</link>
    <pubDate>Sun, 22 Nov 2026 15:01:00 +0000</pubDate>
    <description>We are under way: a&lt;b means nothing here.</description>
  </item>
</channel></rss>
`;

const RSS1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.com/live"><title>Live</title></channel>
  <item rdf:about="https://example.com/live#2"><title>Second</title><dc:date>2026-11-22T15:10:00Z</dc:date><description>Two.</description></item>
  <item rdf:about="https://example.com/live#1"><title>First</title><dc:date>2026-11-22T15:00:00Z</dc:date><description>One.</description></item>
</rdf:RDF>
`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<!-- a comment before the root -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Live &lt;b&gt;now&lt;/b&gt; &amp;amp; later</title>
  <updated>2026-11-22T15:32:00Z</updated>
  <entry>
    <id>tag:example.com,2026:2</id>
    <title>Inline</title>
    <published>2026-11-22T15:20:00Z</published>
    <author><name>A. Writer</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One &amp; two.</p><ul><li>Three</li></ul></div></content>
  </entry>
  <entry>
    <id>tag:example.com,2026:1</id>
    <title>Summary only</title>
    <updated>2026-11-22T15:00:00Z</updated>
    <summary>Plain text summary.</summary>
  </entry>
</feed>
`;

const plain = (text: string) => {
  const c = parseCapture(text, { source: 'feed.xml' });
  return { format: c.format, page: c.page, posts: c.posts.map(({ id, time, minutes, headline, byline, body }) => ({ id, time, minutes, headline, byline, body: body.map((b) => `${b.marker}${b.text}`) })) };
};

describe('the rss adapter', () => {
  it('reads RSS 2.0: guid or link as id, RFC 2822 times, escaped HTML bodies, dc:creator', () => {
    const c = plain(RSS2);
    expect(c.format).toBe('rss');
    expect(c.page).toMatchObject({ title: 'Live: City v United', updated: 'Sun, 22 Nov 2026 15:32:00 GMT', updatedMinutes: Date.UTC(2026, 10, 22, 15, 32) / 60000 });
    expect(c.posts).toEqual([
      { id: 'post-105', time: 'Sun, 22 Nov 2026 15:31:00 GMT', minutes: Date.UTC(2026, 10, 22, 15, 31) / 60000, headline: 'Goal! City 1-0', byline: 'Match reporter', body: ['Haaland heads in from a corner.', 'City lead & deserve it.'] },
      { id: 'https://example.com/live#post-101', time: 'Sun, 22 Nov 2026 15:01:00 +0000', minutes: Date.UTC(2026, 10, 22, 15, 1) / 60000, headline: 'Kick-off', byline: null, body: ['We are under way: a<b means nothing here.'] },
    ]);
  });

  it('reads RSS 1.0 (RDF): rdf:about as id, dc:date', () => {
    const c = plain(RSS1);
    expect(c.posts.map((p) => [p.id, p.time, p.headline, p.body])).toEqual([
      ['https://example.com/live#2', '2026-11-22T15:10:00Z', 'Second', ['Two.']],
      ['https://example.com/live#1', '2026-11-22T15:00:00Z', 'First', ['One.']],
    ]);
  });

  it('reads Atom: inline XHTML and escaped titles as text, published else updated, summary when no content', () => {
    const c = plain(ATOM);
    expect(c.page.title).toBe('Live now & later');
    expect(c.posts).toEqual([
      { id: 'tag:example.com,2026:2', time: '2026-11-22T15:20:00Z', minutes: Date.UTC(2026, 10, 22, 15, 20) / 60000, headline: 'Inline', byline: 'A. Writer', body: ['One & two.', '•Three'] },
      { id: 'tag:example.com,2026:1', time: '2026-11-22T15:00:00Z', minutes: Date.UTC(2026, 10, 22, 15, 0) / 60000, headline: 'Summary only', byline: null, body: ['Plain text summary.'] },
    ]);
  });

  it('a feed without items is a capture with no posts', () => {
    expect(plain('<rss version="2.0"><channel><title>Before kick-off</title></channel></rss>').posts).toEqual([]);
  });

  it('is detected from the root element, and only then', () => {
    for (const feed of [RSS2, RSS1, ATOM]) expect(looksLikeFeed(feed)).toBe(true);
    expect(looksLikeFeed('<!DOCTYPE html><html><head><title>Live</title></head><body><article>x</article></body></html>')).toBe(false);
    // An Atom <feed> needs Atom's namespace: another vocabulary's <feed> is not one.
    expect(looksLikeFeed('<feed><item>x</item></feed>')).toBe(false);
    expect(parseCapture('<!DOCTYPE html><html><body><article><h2>Live</h2><p>Text.</p></article></body></html>', { source: 'p.html' }).format).toBe('html');
  });

  it('forced on XML that is no feed: one line naming the file, what was expected and found', () => {
    expect(() => parseCapture('<?xml version="1.0"?><sitemap><url>x</url></sitemap>', { source: 'map.xml', format: 'rss' })).toThrow(
      'map.xml: expected an RSS or Atom feed (a root element <rss>, <rdf:RDF> or Atom <feed>), found a root element <sitemap>',
    );
  });
});
