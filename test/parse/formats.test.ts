// The html, jsonld and feed adapters on real data (snapshots/jsonld) and small pages, detection, and the
// declared character set.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCapture } from '../../src/index.js';
import { needsFormats } from '../../src/parse/index.js';
import { ROOT } from '../helpers/run.js';

const LD = join(ROOT, 'snapshots', 'jsonld');
const read = (f: string) => readFileSync(join(LD, f));

describe('jsonld: the real Guardian LiveBlogPosting data', () => {
  it('reads the 13 updates of the Mars live blog with their publisher ids', () => {
    const c = parseCapture(read('guardian-liveblog-linkeddata-mars-2021-02-19.json'), { source: 'mars.json' });
    expect(c.format).toBe('jsonld');
    expect(c.page.title).toBe('Nasa scientists release new images of Perseverance rover on Mars at news briefing – as it happened');
    expect(c.posts).toHaveLength(13);
    expect(c.posts[0]!.id).toBe('60300f5f8f08ad21ea60071e');
    expect(new Set(c.posts.map((p) => p.id)).size).toBe(13);
    // Each update repeats the page's headline and dates: they are not the post's.
    expect(c.posts.every((p) => p.headline !== c.page.title && p.time === '')).toBe(true);
    expect(c.posts[0]!.headline).toBe('That’s it for our live coverage of Nasa’s celebratory news conference and Q&A following the…');
    expect(c.posts[3]!.body[0]!.text).toMatch(/^Have you typed “perseverance” into Google today\?/);
  });

  it('reads the 11 updates of the PMQs live blog', () => {
    const c = parseCapture(read('guardian-liveblog-linkeddata-pmqs-2023-12-13.json'), { source: 'pmqs.json' });
    expect(c.posts).toHaveLength(11);
    expect(c.posts[0]!.id).toBe('6579e3a48f08e3b7ab1a3236');
    expect(c.posts[0]!.body[0]!.text).toMatch(/^The UK “isn’t being governed” as the Conservative party fights among itself/);
  });

  it('reads the same data embedded in an HTML page as <script type="application/ld+json">', () => {
    const json = read('guardian-liveblog-linkeddata-pmqs-2023-12-13.json').toString('utf8');
    const html = `<!doctype html><html><head><title>PMQs</title>\n<script type="application/ld+json">${json}</script></head><body><article>Not a post</article></body></html>`;
    const c = parseCapture(html, { source: 'pmqs.html' });
    expect(c.format).toBe('jsonld');
    expect(c.posts.map((p) => p.id)).toEqual(parseCapture(json, { source: 'x' }).posts.map((p) => p.id));
    // Line numbers point into the page: the first update is inside the script, which starts on line 2.
    expect(c.posts[0]!.line).toBeGreaterThan(2);
    expect(c.posts.every((p, i) => i === 0 || p.line > c.posts[i - 1]!.line)).toBe(true);
  });
});

describe('html: posts as elements', () => {
  const page = (body: string, head = '<meta charset="utf-8">') => `<!DOCTYPE html><html><head>${head}<title>Live</title></head><body>${body}</body></html>`;

  it('finds article posts with time, headline, list items and captions, and leaves page furniture out', () => {
    const c = parseCapture(
      page(`<nav><ul><li>Home</li></ul></nav><main>
        <article id="p2"><time datetime="2026-11-22T10:05:00Z">10:05</time><h2>Second</h2>
          <p>Text <b>two</b>.</p><ol start="3"><li>three</li><li>four</li></ol>
          <figure><img src="x.jpg"><figcaption>A caption <span class="credit">Photo: AP</span></figcaption></figure>
          <div class="share"><button>Share</button></div></article>
        <article id="p1"><time>10:00</time><h2>First</h2><p>One.</p><ul><li>bullet</li></ul></article>
      </main>`),
      { source: 'live.html' },
    );
    expect(c.format).toBe('html');
    expect(c.posts.map((p) => [p.id, p.time, p.headline])).toEqual([
      ['p2', '2026-11-22T10:05:00Z', 'Second'],
      ['p1', '10:00', 'First'],
    ]);
    expect(c.posts[0]!.body).toEqual([
      { kind: 'paragraph', marker: '', text: 'Text two.' },
      { kind: 'numbered', marker: '3.', text: 'three' },
      { kind: 'numbered', marker: '4.', text: 'four' },
    ]);
    expect(c.posts[0]!.captions).toEqual([{ text: 'A caption', credit: 'Photo: AP' }]);
    expect(c.posts[1]!.body[1]).toEqual({ kind: 'bullet', marker: '•', text: 'bullet' });
  });

  it('takes the post, id, time and headline from the field options', () => {
    const html = page(`<div class="entry" data-key="a"><span class="when">9:30</span><strong>Head A</strong><p>Body A</p></div>
      <div class="entry" data-key="b"><span class="when">9:20</span><strong>Head B</strong><p>Body B</p></div>`);
    const c = parseCapture(html, { source: 'x.html', fields: { post: '.entry', id: 'data-key', time: '.when', headline: 'strong' } });
    expect(c.posts.map((p) => [p.id, p.time, p.headline, p.body[0]!.text])).toEqual([
      ['a', '9:30', 'Head A', 'Body A'],
      ['b', '9:20', 'Head B', 'Body B'],
    ]);
  });

  it('honours the declared character set, and reads valid UTF-8 as UTF-8 whatever the page declares', () => {
    const html = page('<article><h2>Élection à Besançon</h2><p>Déjà 48 %.</p></article>', '<meta charset="iso-8859-1">');
    const latin1 = parseCapture(Buffer.from(html, 'latin1'), { source: 'l.html' });
    expect(latin1.posts[0]!.headline).toBe('Élection à Besançon');
    const utf8 = parseCapture(Buffer.from(html, 'utf8'), { source: 'u.html' });
    expect(utf8.posts[0]!.headline).toBe('Élection à Besançon');
    const httpEquiv = page('<article><h2>Gruß</h2></article>', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">');
    expect(parseCapture(Buffer.from(httpEquiv, 'latin1'), { source: 'w.html' }).posts[0]!.headline).toBe('Gruß');
  });
});

describe('detection', () => {
  // The real captures and every text fixture made from them (BOM, CRLF and other noise included).
  const textFiles = (dir: string, keep: (name: string) => boolean) =>
    readdirSync(join(ROOT, dir), { withFileTypes: true })
      .filter((e) => e.isDirectory() && keep(e.name))
      .flatMap((e) => readdirSync(join(ROOT, dir, e.name)).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, dir, e.name, f)));
  const snapshots = [...textFiles('snapshots', (n) => n.startsWith('cnn-')), ...textFiles('test/fixtures', () => true)];

  it('reads every real text capture as text, without loading the other formats', () => {
    expect(snapshots.length).toBeGreaterThan(40);
    for (const file of snapshots) {
      const bytes = readFileSync(file);
      expect(needsFormats(bytes)).toBe(false);
      expect(parseCapture(bytes, { source: file }).format).toBe('text');
    }
  });

  it('tells JSON-LD, HTML and feeds apart', () => {
    expect(needsFormats(Buffer.from('\ufeff  \n<!doctype html>'))).toBe(true);
    expect(needsFormats(Buffer.from('[{"id": 1}]'))).toBe(true);
    expect(needsFormats('Title\n\n5:50 a.m. ET, March 22, 2023')).toBe(false);
    expect(needsFormats('anything', 'html')).toBe(true);
    expect(parseCapture('[{"id": 1, "title": "A", "body": "B"}]').format).toBe('feed');
    expect(parseCapture('{"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": [{"@id": "u1", "articleBody": "Text."}]}').format).toBe('jsonld');
    expect(parseCapture('<html><body><article><h2>A</h2><p>B</p></article></body></html>').format).toBe('html');
  });

  it('reads a feed whose bodies are rich-text trees, with the fields named by dot paths', () => {
    const feed = {
      data: {
        entries: [
          {
            meta: { uuid: 'a1', createdAt: 1763825460 },
            title: 'Goal!',
            body: [
              { type: 'paragraph', children: [{ text: 'City ' }, { text: '1-0', bold: true }, { text: '.' }] },
              { type: 'list', children: [{ type: 'li', children: [{ text: 'Haaland header' }] }] },
            ],
          },
        ],
      },
    };
    const c = parseCapture(JSON.stringify(feed), { fields: { post: 'data.entries', id: 'meta.uuid', time: 'meta.createdAt' } });
    expect(c.posts[0]).toMatchObject({ id: 'a1', time: '2025-11-22T15:31:00Z', headline: 'Goal!' });
    expect(c.posts[0]!.body.map((b) => b.text)).toEqual(['City 1-0.', 'Haaland header']);
  });

  it('reads a JSON feed with epoch-millisecond times and wrapped bodies', () => {
    const c = parseCapture(read('guardian-fe-article-live-mars-2021-02-19.json'), {
      source: 'fe.json',
      fields: { post: 'blocks', time: 'blockFirstPublished', body: 'elements' },
    });
    expect(c.format).toBe('feed');
    expect(c.posts).toHaveLength(13);
    expect(c.posts[0]).toMatchObject({ id: '60300f5f8f08ad21ea60071e', time: '2021-02-19T19:30:03Z', headline: 'Summary' });
    expect(c.posts[0]!.body.filter((b) => b.kind === 'bullet').length).toBeGreaterThan(3);
  });
});
