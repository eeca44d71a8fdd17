// Capture text is untrusted: escapes, controls and bidi overrides never reach a terminal raw; Markdown
// cannot carry HTML, mentions, references or broken tables; JSON escapes what JSON.stringify leaves raw.
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture, renderJson, renderMarkdown, renderTerminal } from '../../src/index.js';
import { NOTHING_HIDDEN, revealInvisible } from '../../src/render/sanitize.js';
import { makeCapture, stamp } from '../helpers/capture.js';

const HOSTILE = [
  'Clear screen \u001b[2J\u001b[H and a link \u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007',
  'Bell \u0007 backspace \b\b\b and carriage\rreturn',
  'Bidi \u202eelgoog\u202c and isolate \u2066x\u2069 and C1 \u009b31m',
  '<script>alert(1)</script> <img src=x onerror=alert(1)> @octocat #123 | cell | **bold** [link](http://x) ::set-output name=x::y $x$',
];

function report() {
  const old = makeCapture({ posts: [{ time: stamp(600), headline: 'Quiet headline', body: ['Calm text.'] }] });
  const neu = makeCapture({
    posts: [
      { time: stamp(610), headline: `Hostile \u001b[31mred\u001b[0m headline @everyone`, body: HOSTILE },
      { time: stamp(600), headline: 'Quiet headline', body: ['Calm text.', ...HOSTILE] },
    ],
  });
  return diffCaptures(parseCapture(old, { source: 'old' }), parseCapture(neu, { source: 'new' }));
}

describe('terminal output', () => {
  for (const color of [false, true]) {
    it(`shows escapes visibly (colour ${color ? 'on' : 'off'})`, () => {
      const out = renderTerminal(report(), { color });
      // Only livediff's own SGR colour codes may appear: ESC [ digits m.
      const withoutOwnColours = out.replace(/\u001b\[\d+(;\d+)*m/g, '');
      expect(withoutOwnColours).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain('\\x1b[2J');
      expect(out).toContain('\\u202eelgoog');
      expect(out).toContain('\\x9b31m');
      expect(out).toContain('\\x07');
      if (!color) expect(out).not.toContain('\u001b');
    });
  }

  it('no line starts with a GitHub workflow command', () => {
    const old = makeCapture({ posts: [{ time: stamp(600), headline: '::set-output name=a::b', body: ['::error::x', 'legacy ##[set-output name=c;]d'] }] });
    const neu = makeCapture({ posts: [{ time: stamp(600), headline: '::set-output name=a::b', body: ['::error::y', 'legacy ##[set-output name=c;]e'] }] });
    for (const color of [false, true]) {
      const out = renderTerminal(diffCaptures(parseCapture(old), parseCapture(neu)), { color });
      const lines = out.split('\n').map((l) => l.replace(/\u001b\[[\d;]*m/g, '').trimStart());
      expect(lines.filter((l) => l.startsWith('::'))).toEqual([]);
      expect(out).toContain('\\x3a:set-output name=a::b');
      // The runner also runs the legacy `##[command]` anywhere in a line.
      expect(out).not.toContain('##[');
      expect(out).toContain('#\\x23[set-output');
    }
  });

  it('a carriage return in a line cannot overwrite what was printed', () => {
    // Line breaks split paragraphs at parse time: a lone CR becomes a new paragraph, never a raw CR.
    expect(renderTerminal(report(), { color: false })).not.toContain('\r');
  });
});

describe('Markdown output', () => {
  const md = renderMarkdown(report());
  it('escapes HTML', () => {
    expect(md).not.toMatch(/<script|<img/);
    expect(md).toContain('&lt;script&gt;');
  });
  it('breaks mentions and references', () => {
    expect(md).not.toMatch(/@octocat|@everyone|(?<!\\)#123/);
    expect(md).toContain('@&#8203;octocat');
  });
  it('escapes table pipes, emphasis and links, and drops control characters', () => {
    expect(md).toContain('\\| cell \\|');
    expect(md).toContain('\\*\\*bold\\*\\*');
    expect(md).toContain('\\[link\\]');
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});

describe('JSON output', () => {
  it('is valid JSON with controls, C1 and bidi characters escaped', () => {
    const json = renderJson(report());
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const parsed = JSON.parse(json);
    expect(parsed.posts[0].new.headline).toBe('Hostile \u001b[31mred\u001b[0m headline @everyone');
  });
});

describe('hostile text from HTML and JSON captures', () => {
  const feed = (posts: Array<{ id: number; title: string; body: string }>) => JSON.stringify({ title: 'Live', posts });
  const html = (title: string, body: string) =>
    `<!doctype html><html><body><article data-post-id="p1"><h2>${title}</h2><p>${body}</p></article></body></html>`;
  const cases = {
    feed: [
      feed([{ id: 1, title: 'Calm', body: 'Calm.' }]),
      feed([{ id: 1, title: `Hostile \u001b[31mred @everyone`, body: HOSTILE.join('\n') }, { id: 2, title: 'x', body: '<img src=x onerror=alert(1)>' }]),
    ],
    html: [html('Calm', 'Calm.'), html('Hostile &#27;[2J @everyone &lt;b&gt;', 'Bidi &#x202e;elgoog ::warning::forged')],
  };
  for (const [format, [before, after]] of Object.entries(cases)) {
    it(`${format}: the terminal, Markdown and JSON stay safe`, () => {
      const r = diffCaptures(parseCapture(before!, { source: 'old' }), parseCapture(after!, { source: 'new' }));
      const term = renderTerminal(r, { color: false });
      expect(term).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(term).not.toMatch(/^::/m);
      const md = renderMarkdown(r);
      expect(md).not.toMatch(/<(img|b|script)/i);
      expect(md).not.toMatch(/(^|[^\u200b])@everyone/);
      expect(renderJson(r)).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    });
  }
});

describe('invisible characters and autolinks (issue 22)', () => {
  const SMUGGLED = [
    'Joiner a\u200db, invisible times x\u2062y, Hangul filler \u3164 and \uffa0, annotation \ufff9note\ufffa\ufffb',
    `Tags hide text: ok\u{E0001}${[...'IGNORE ALL'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('')}`,
    `Zalgo q${'\u0301'.repeat(20000)}`,
    'Emoji stay whole: 👨\u200d👩\u200d👧 and 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
    'Links: GH-123 gh-7 0123456789abcdef0123456789abcdef01234567 http://evil.example/x www.evil.example',
  ];
  function smuggling() {
    const old = makeCapture({ posts: [{ time: stamp(600), headline: 'Quiet headline', body: ['Calm text.'] }] });
    const neu = makeCapture({ posts: [{ time: stamp(610), headline: 'New', body: SMUGGLED }, { time: stamp(600), headline: 'Quiet headline', body: ['Calm text.'] }] });
    return diffCaptures(parseCapture(old, { source: 'old' }), parseCapture(neu, { source: 'new' }));
  }
  const HIDDEN = /[\u200d\u2062\u3164\uffa0\ufff9-\ufffb]|[\u{E0001}-\u{E007F}]/u;

  it('shows them on the terminal, caps combining runs, and keeps emoji sequences', () => {
    const out = renderTerminal(smuggling(), { color: false });
    const withoutEmoji = out.replace('👨\u200d👩\u200d👧', '').replace(/🏴[\u{E0020}-\u{E007F}]+/u, '');
    expect(withoutEmoji).not.toMatch(HIDDEN);
    expect(out).toContain('a\\u200db');
    expect(out).toContain('x\\u2062y');
    expect(out).toContain('\\u{e0049}\\u{e0047}'); // "IG" in tag characters, shown
    expect(out).toContain(`q${'\u0301'.repeat(16)}[+19984 combining marks]`);
    expect(out).not.toContain('\u0301'.repeat(17));
    expect(out).toContain('👨\u200d👩\u200d👧');
    expect(out.length).toBeLessThan(20_000);
  });

  it('drops them in Markdown and breaks GitHub autolinks; JSON keeps the text as it is', () => {
    const md = renderMarkdown(smuggling());
    expect(md.replace('👨\u200d👩\u200d👧', '').replace(/🏴[\u{E0020}-\u{E007F}]+/u, '')).not.toMatch(HIDDEN);
    expect(md).not.toMatch(/\bGH-\d/i);
    expect(md).not.toMatch(/\b[0-9a-f]{40}\b/);
    expect(md).not.toMatch(/https?:\/\//);
    expect(md).not.toMatch(/\bwww\./);
    expect(md).toContain('GH-&#8203;123');
    const json = JSON.parse(renderJson(smuggling()));
    const text = JSON.stringify(json);
    expect(text).toContain('x\u2062y');
    expect(text).toContain('\u0301'.repeat(20000));
  });
});

describe('the shortcut past text with nothing hidden', () => {
  it('lets no invisible character or combining mark through', () => {
    const marks = '\u0301'.repeat(16);
    const through: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!NOTHING_HIDDEN.test(ch)) continue;
      // A combining mark first takes revealInvisible past the shortcut, to what it would do without it.
      if (revealInvisible(`\u0301${ch}`, false) !== `\u0301${ch}` || /\p{M}/u.test(ch)) through.push(cp.toString(16));
    }
    expect(through).toEqual([]);
    expect(NOTHING_HIDDEN.test(`x${marks}`)).toBe(false);
    expect(NOTHING_HIDDEN.test('“Quoted” text — with a dash, café and naïve')).toBe(true);
  });
});
