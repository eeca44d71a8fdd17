// The HTML reports' escaping, checked on the text itself (no browser needed, so it runs everywhere): capture
// text never becomes markup, the data block cannot be ended early, and the policy names the script's hash.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../src/history/build.js';
import { diffCaptures, parseCapture } from '../../src/index.js';
import { renderHtml } from '../../src/render/html.js';
import { esc, jsonForScript } from '../../src/render/html/escape.js';
import { renderLogHtml } from '../../src/render/log-html.js';
import { hostilePair } from './hostile.js';

const [a, b] = hostilePair();
const old = parseCapture(a, { source: 'a.txt' });
const neu = parseCapture(b, { source: 'b.txt' });
const diff = renderHtml(diffCaptures(old, neu));
const log = renderLogHtml(buildHistory([{ label: 'a', time: null, capture: old }, { label: 'b', time: null, capture: neu }]));

/** Every tag name the document opens, in order of first appearance. */
const tags = (html: string) => [...new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase()))].sort();

describe('HTML escaping', () => {
  it('esc: markup characters as entities, bidi and invisible controls as visible escapes', () => {
    expect(esc(`<a href="x" title='y'>&\u202e\u2066\u0007`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;\\u202e\\u2066\\x07');
  });

  it('jsonForScript: no <, > or & left to end the element or open a comment; the value reads back the same', () => {
    const value = { h: '</script><!-- <script>&amp;', s: 'line\u2028sep' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('hostile captures open no element of their own, in a diff or a series', () => {
    // Only the reports' own elements: no img, iframe, meta refresh, base, object, a second style or script.
    const page = ['article', 'body', 'br', 'button', 'caption', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'fieldset', 'form', 'h1', 'h2',
      'h3', 'h4', 'h5', 'head', 'header', 'html', 'input', 'ins', 'label', 'legend', 'li', 'main', 'meta', 'nav', 'p', 'script', 'section', 'span',
      'strong', 'style', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'time', 'title', 'tr', 'ul', 'a'];
    const svg = ['svg', 'defs', 'clippath', 'rect', 'line', 'text', 'polyline', 'path', 'circle', 'desc', 'g'];
    expect(tags(diff).filter((t) => !page.includes(t))).toEqual([]);
    expect(tags(log).filter((t) => !page.includes(t) && !svg.includes(t))).toEqual([]);
    expect(diff).not.toContain('<a ');
    for (const html of [diff, log]) {
      expect(html.match(/<script/g)).toHaveLength(html === log ? 2 : 1);
      expect(html.match(/<style/g)).toHaveLength(1);
      expect(html).not.toMatch(/<(img|iframe|base|svg onload|a href="javascript)/i);
      expect(html.match(/<meta /g)).toHaveLength(5);
      expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    }
  });

  it("the policy allows the page's own script by its SHA-256 and nothing else", () => {
    for (const html of [diff, log]) {
      const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
      const hash = createHash('sha256').update(script).digest('base64');
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
      expect(csp).toBe(`default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`);
    }
  });
});
