// The html adapter's streaming reader (parse/html-stream.ts) holds no more of a page than it must: what it
// has read leaves the DOM, and the posts' strings do not keep the page's text alive.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_POSTS } from '../../src/parse/adapter.js';
import { parseHtmlCapture } from '../../src/parse/html.js';
import { readsUpward } from '../../src/parse/html-select.js';
import { streamPage } from '../../src/parse/html-stream.js';
import { CaptureReader } from '../../src/parse/markup.js';

const CHILD = fileURLToPath(new URL('./retained-html.child.ts', import.meta.url));
const WIDE_CHILD = fileURLToPath(new URL('./retained-wide.child.ts', import.meta.url));

describe('html: the streaming reader', () => {
  it('holds one post element of a page of 1,000 at a time, not the page', () => {
    const html = `<html><body><main>${Array.from({ length: 1000 }, (_, n) => `<article><h2>Post ${n}</h2><p>Text</p></article>\n`).join('')}</main></body></html>`;
    let most = 0;
    let read = 0;
    const page = streamPage(new CaptureReader(), html, { explicit: () => false, fallback: (el) => el.name === 'article' }, (el) => {
      // The post's parent, when the post is read: the posts before it and the text between them are gone.
      most = Math.max(most, el.parent!.children.length);
      return read++;
    });
    expect(page.count).toBe(1000);
    expect(page.drafts()).toEqual(Array.from({ length: 1000 }, (_, n) => n));
    expect(most).toBe(1);
  });

  it('keeps the children a post around it still needs', () => {
    // Unmarked articles inside a marked post: the post reads them whole when it closes.
    const html = `<html><body><div data-post-id="1"><h2>Outer</h2>${'<article><p>inner</p></article>'.repeat(3)}</div></body></html>`;
    const texts: string[] = [];
    streamPage(new CaptureReader(), html, { explicit: (el) => el.attribs['data-post-id'] !== undefined, fallback: (el) => el.name === 'article' }, (el) => {
      texts.push(`${el.name}:${el.children.length}`);
      return null;
    });
    expect(texts).toEqual(['article:1', 'article:1', 'article:1', 'div:4']);
  });

  it('streams only selectors that read an element and its ancestors', () => {
    for (const upward of ['article', 'main > article.post', '[data-post-id]:not(.ad)', ':is(h2, h3) span', 'a:where([href])']) {
      expect(readsUpward(upward), upward).toBe(true);
    }
    for (const other of ['li:first-child', 'p:last-child', 'h2 + p', 'h2 ~ p', 'div:has(p)', 'p:empty', ':scope > p', 'p::before', 'not a selector (']) {
      expect(readsUpward(other), other).toBe(false);
    }
  });

  it('with --items, counts only the outermost matches against the bound on posts', () => {
    // 250,001 matches inside one: one post. Counted at every level, the inner ones made the reader stop
    // reading drafts, and the one post had none.
    const html = `<html><body><div class="p"><h2>One post</h2>${'<div class="p">x</div>'.repeat(MAX_POSTS + 1)}</div></body></html>`;
    const streamed = parseHtmlCapture(html, { source: 'page', fields: { post: '.p' } });
    expect(streamed.posts).toHaveLength(1);
    expect(streamed).toEqual(parseHtmlCapture(html, { source: 'page', fields: { post: '.p' } }, true));
  }, 60_000);

  it("keeps no post string that holds on to the page's text", () => {
    // 2,000 posts with a 5 KB script each: a post's time or id sliced from the page kept all of it.
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD], { encoding: 'utf8' });
    const { pageMB, kept } = JSON.parse(out) as { pageMB: number; kept: number };
    expect(pageMB).toBeGreaterThan(9);
    expect(kept).toBeLessThan(pageMB / 3);
  }, 60_000);

  it("keeps a wide page's plain text one byte a character", () => {
    // Measured: 5.8 MB kept for 4.1 MB of text; 10.1 MB without CaptureReader.narrowPost (two bytes a character).
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', WIDE_CHILD], { encoding: 'utf8' });
    const { textMB, kept } = JSON.parse(out) as { textMB: number; kept: number };
    expect(textMB).toBeGreaterThan(4);
    expect(kept).toBeLessThan(1.75 * textMB);
  }, 60_000);
});
