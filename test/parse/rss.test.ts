// The rss adapter (parse/rss.ts): RSS 2.0, RSS 1.0 and Atom feeds, detected from their start and read
// item by item. The fixture pairs in test/fixtures-formats/rss-* check whole diffs of real text.
import { describe, expect, it } from 'vitest';
import { parseCapture } from '../../src/index.js';
import { needsFormats } from '../../src/parse/index.js';
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
  it('reads RSS 2.0: guid as id (a link is none), RFC 2822 times, escaped HTML bodies, dc:creator', () => {
    const c = plain(RSS2);
    expect(c.format).toBe('rss');
    expect(c.page).toMatchObject({ title: 'Live: City v United', updated: 'Sun, 22 Nov 2026 15:32:00 GMT', updatedMinutes: Date.UTC(2026, 10, 22, 15, 32) / 60000 });
    expect(c.posts).toEqual([
      { id: 'post-105', time: 'Sun, 22 Nov 2026 15:31:00 GMT', minutes: Date.UTC(2026, 10, 22, 15, 31) / 60000, headline: 'Goal! City 1-0', byline: 'Match reporter', body: ['Haaland heads in from a corner.', 'City lead & deserve it.'] },
      { id: null, time: 'Sun, 22 Nov 2026 15:01:00 +0000', minutes: Date.UTC(2026, 10, 22, 15, 1) / 60000, headline: 'Kick-off', byline: null, body: ['We are under way: a<b means nothing here.'] },
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

  // Found in a second exploratory pass, on feeds written as publishers write them.
  describe('as publishers write feeds', () => {
    const rss = (items: string, close = '</channel></rss>') => `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Live</title>${items}${close}`;
    const atom = (entries: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>Live</title>${entries}</feed>`;
    const bodies = (text: string) => plain(text).posts.map((p) => p.body);

    it('a feed cut off by a failed download is refused, not read as posts gone', () => {
      const whole = rss('<item><guid>a</guid><title>One</title></item><item><guid>b</guid><title>Two</title></item>');
      expect(plain(whole).posts).toHaveLength(2);
      const cut = whole.slice(0, whole.indexOf('<guid>b</') + 8);
      expect(() => parseCapture(cut, { source: 'cut.xml' })).toThrow('cut.xml: expected a whole feed, closed by </rss>, found it cut off before its end (line 1)');
      expect(plain(`${whole}\n<!-- cached -->\n`).posts).toHaveLength(2);
    });

    it('decodes the HTML entities of RSS text without markup (WordPress excerpts in CDATA)', () => {
      const wp = rss('<item><guid>1</guid><title>Fish &amp;amp; chips</title><description><![CDATA[The council&#8217;s gritters are out &amp; roads closed&nbsp;&mdash; see [&#8230;]]]></description></item>');
      expect(plain(wp).posts[0]).toMatchObject({ headline: 'Fish & chips', body: ['The council’s gritters are out & roads closed — see […]'] });
    });

    it('reads Atom text (no type, or type="text") as the text it is', () => {
      const entry = atom('<entry><id>1</id><title>Which tag breaks a line? &lt;br&gt; or &lt;p&gt;</title><summary type="text">Write &lt;/div&gt; to close a div.</summary></entry>');
      expect(plain(entry).posts[0]).toMatchObject({ headline: 'Which tag breaks a line? <br> or <p>', body: ['Write </div> to close a div.'] });
    });

    it('an empty content:encoded, or Atom content out of line (src), leaves the body to description or summary', () => {
      expect(bodies(rss('<item><guid>1</guid><content:encoded><![CDATA[]]></content:encoded><description>The text.</description></item>'))).toEqual([['The text.']]);
      expect(bodies(atom('<entry><id>1</id><content src="https://example.com/1" type="text/html"/><summary>The summary.</summary></entry>'))).toEqual([['The summary.']]);
    });

    it('is detected by its root element only: HTML quoting <rss> or Atom stays HTML, an Atom feed mentioning JSON-LD stays a feed', () => {
      expect(looksLikeFeed(`<!DOCTYPE html><html><head><script>const sample = '<rss version="2.0">';</script></head><body></body></html>`)).toBe(false);
      expect(looksLikeFeed('<html><!-- <feed xmlns="http://www.w3.org/2005/Atom"> --></html>')).toBe(false);
      expect(looksLikeFeed(`<?xml version="1.0"?>\n<!--${' long comment'.repeat(1000)} -->\n<?xml-stylesheet href="s.xsl"?>\n<rss version="2.0">`)).toBe(true);
      const seo = atom('<entry><id>1</id><title>SEO</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Use application/ld+json with liveBlogUpdate.</p></div></content></entry>');
      expect(parseCapture(seo, { source: 'seo.xml' }).format).toBe('rss');
    });

    it('a UTF-16 feed with a byte order mark is read as a feed', () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RSS2.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);
      expect(needsFormats(utf16)).toBe(true);
      expect(parseCapture(utf16, { source: 'utf16.xml' }).posts.map((p) => p.headline)).toEqual(['Goal! City 1-0', 'Kick-off']);
    });
  });
});
