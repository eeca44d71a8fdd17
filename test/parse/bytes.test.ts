// The byte-level text parse (parse/scan.ts, parse/chunks.ts) against the line-by-line parse it replaces:
// the same capture for every input, alone or read by a reader after another capture, whatever the noise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignPosts, createReader, diffCaptures, parseCapture, type Capture, type Reader } from '../../src/index.js';
import { parseTextLines } from '../../src/parse/text.js';
import { addNoise, capture, FUZZ_RUNS, noiseArb, pageArb } from '../helpers/arbitraries.js';
import { makeCapture, stamp } from '../helpers/capture.js';

/** A capture as JSON reads it back. */
const plain = (c: Capture) => JSON.parse(JSON.stringify(c)) as unknown;

/** What a parse gives: the capture as plain data, or the message it refused the input with. */
function outcome(parse: () => Capture): unknown {
  try {
    return plain(parse());
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

/** The byte-level parse of `text` equals the line-by-line parse of it (both refuse it alike, if they do). */
function sameAsLineParse(text: string, reader: Reader = { parse: parseCapture }): void {
  const bytes = outcome(() => reader.parse(Buffer.from(text), { source: 't' }));
  expect(bytes).toEqual(outcome(() => parseTextLines(text.replace(/^\ufeff/, ''), 't')));
}

/** Characters that may be in a capture and that the byte-level scan treats apart. */
const oddInsert = fc.constantFrom('\u200b', '\u200e', '\u200f', '\u061c', '\u2060', '\u00ad', '\u00a0', '\u3000', '\ufeff', ' ', '\t', '\r', '\u2028', '\u0085', '\u2029', '“');

describe('byte-level text parse', () => {
  it('gives the line-by-line parse for random pages with capture noise', () => {
    fc.assert(
      fc.property(pageArb, noiseArb, (posts, noise) => sameAsLineParse(addNoise(capture(posts), noise))),
      { numRuns: FUZZ_RUNS * 5 },
    );
  });

  it('gives the line-by-line parse with odd characters anywhere, timestamp lines included', () => {
    fc.assert(
      fc.property(pageArb, fc.array(fc.tuple(fc.nat(), oddInsert, fc.boolean()), { maxLength: 6 }), (posts, inserts) => {
        let text = capture(posts);
        for (const [at, s, lineStart] of inserts) {
          // Half of them at the start of a line, where a timestamp line is recognised.
          let i = at % (text.length + 1);
          if (lineStart) i = text.indexOf('\n', i) + 1;
          text = text.slice(0, i) + s + text.slice(i);
        }
        sameAsLineParse(text);
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });

  // A reader parses a capture following the one it parsed before (parse/scan.ts, the guide): posts found in
  // place byte for byte are not searched. Whatever the guide, the parse must be the line-by-line parse.
  it('gives the line-by-line parse of a capture that follows a related one (posts edited, added, removed, moved)', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.oneof(oddInsert, fc.constantFrom('\n', '\n\n', 'Extra line\n', `\n${stamp(900)}\n\nNew headline\n\nNew body.\n`, '10:41 a.m.', 'x')) });
    fc.assert(
      fc.property(pageArb, fc.array(edit, { maxLength: 5 }), fc.boolean(), (posts, edits, reorder) => {
        const before = capture(posts);
        const moved = reorder && posts.length > 2 ? [posts[1]!, posts[0]!, ...posts.slice(2)] : posts;
        let after = capture(moved);
        for (const e of edits) {
          const at = e.at % (after.length + 1);
          after = after.slice(0, at) + e.insert + after.slice(at + e.remove);
        }
        const reader = createReader();
        reader.parse(Buffer.from(before), { source: 'before' });
        sameAsLineParse(after, reader);
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });

  it.each([
    ['a line added at the end of a post', (t: string) => t.replace('Body 1.\n', 'Body 1.\nAdded line.\n')],
    ['the last post run on', (t: string) => `${t}More text of the last post.\n`],
    ['the last line break removed', (t: string) => t.slice(0, -1)],
    ['a post removed and two added', (t: string) => t.replace(/10:39[^]*?(?=10:38)/, `10:50 a.m. ET, March 22, 2023\n\nNew A\n\nBody A.\n\n10:49 a.m. ET, March 22, 2023\n\nNew B\n\nBody B.\n\n`)],
    ['a timestamp line written into a post', (t: string) => t.replace('Body 2.\n', 'Body 2.\n10:30 a.m. ET, March 22, 2023\nHeadline inside\n')],
    ['a timestamp line made body text', (t: string) => t.replace('\n10:38 a.m.', '\nAt 10:38 a.m.')],
    ['a line break that is not LF', (t: string) => t.replace('Body 3.', 'Body\u20283.')],
  ])('gives the line-by-line parse of a capture that follows another with %s', (_, change) => {
    const posts = [0, 1, 2, 3].map((i) => ({ time: `10:${40 - i} a.m. ET, March 22, 2023`, headline: `Headline ${i}`, body: [`Body ${i}.`] }));
    const before = makeCapture({ posts });
    const after = change(before);
    expect(after).not.toBe(before);
    const reader = createReader();
    reader.parse(Buffer.from(before), { source: 'before' });
    sameAsLineParse(after, reader);
  });

  it('gives the line-by-line parse after a capture whose last line has no line break, that line now run on', () => {
    const posts = [0, 1].map((i) => ({ time: `10:${40 - i} a.m. ET, March 22, 2023`, headline: `Headline ${i}`, body: [`Body ${i}.`] }));
    const before = makeCapture({ posts }).replace(/\n+$/, '');
    // The old last post's bytes are the start of the new text's last line, which then looks like a timestamp.
    const after = `${before}10:30 a.m. ET, March 22, 2023\n\nHeadline 2\n\nBody 2.\n`;
    const reader = createReader();
    reader.parse(Buffer.from(before), { source: 'before' });
    expect(reader.parse(Buffer.from(after), { source: 'after' }).posts).toHaveLength(2);
    sameAsLineParse(after, reader);
  });

  it.each([
    ['an invisible inside a timestamp', `10:\u200b40 a.m. ET, March 22, 2023`],
    ['an invisible in its hour', `1\u200b0:40 a.m. ET, March 22, 2023`],
    ['a soft hyphen after its hour', `10\u00ad:40 a.m. ET, March 22, 2023`],
    ['NBSP before it', `\u00a0\u00a010:40 a.m. ET, March 22, 2023`],
    ['an ideographic space and a BOM before it', `\u3000\ufeff10:40 a.m. ET, March 22, 2023`],
    ['a soft hyphen and a word joiner before it', `\u00ad\u206010:40 a.m. ET, March 22, 2023`],
    ['an ogham space mark, a thin space and a medium mathematical space before it', `\u1680\u2009\u205f10:40 a.m. ET, March 22, 2023`],
    ['spaces inside and after it', `10:40  a.m.  ET,  March 22, 2023   `],
    ['a CR before its LF', `10:40 a.m. ET, March 22, 2023\r`],
  ])('finds a timestamp line with %s', (_, line) => {
    // After a plain post: were the line missed, its post would be read as part of the first one.
    const text = `Title\n\n10:45 a.m. ET, March 22, 2023\n\nFirst\n\n${line}\n\nHeadline\n\nBody text.\n`;
    expect(parseCapture(Buffer.from(text), { source: 't' }).posts.map((p) => p.time)).toEqual([
      '10:45 a.m. ET, March 22, 2023',
      '10:40 a.m. ET, March 22, 2023',
    ]);
    sameAsLineParse(text);
  });

  it.each([
    ['plain', '10:40 a.m. ET, March 22, 2023\nHeadline\nBody.\n'],
    ['after a BOM', '\ufeff10:40 a.m. ET, March 22, 2023\nHeadline\nBody.\n'],
    ['behind a no-break space, with CRLF', '\u00a010:40 a.m. ET, March 22, 2023\r\nHeadline\r\n'],
    ['alone, without a line end', '10:40 a.m. ET, March 22, 2023'],
  ])('reads a capture whose first line is its first post (%s)', (_, text) => {
    // A second post after it: were the first line missed, the first post would be read as a header.
    const page = `${text}\n10:39 a.m. ET, March 22, 2023\nSecond\n`;
    const c = parseCapture(Buffer.from(page), { source: 't' });
    expect(c.posts.map((p) => p.time)).toEqual(['10:40 a.m. ET, March 22, 2023', '10:39 a.m. ET, March 22, 2023']);
    expect(c.posts[0]!.line).toBe(1);
    sameAsLineParse(page);
  });

  it.each([
    ['an hour past 12', '13:40 p.m. ET, March 22, 2023'],
    ['minute 75', '10:75 a.m. ET, March 22, 2023'],
    ['an unknown month', '10:40 a.m. ET, Smarch 22, 2023'],
    ['day 32', '10:40 a.m. ET, March 32, 2023'],
    ['day 32, behind a no-break space', '\u00a010:40 a.m. ET, March 32, 2023'],
  ])('reads a timestamp-like line naming %s as text, not as a post start', (_, line) => {
    const text = `Title\n\n10:45 a.m. ET, March 22, 2023\n\nFirst\n\n${line}\n\nBody text.\n`;
    const c = parseCapture(Buffer.from(text), { source: 't' });
    expect(c.posts).toHaveLength(1);
    expect(c.posts[0]!.body.map((b) => b.text)).toEqual([line.replace('\u00a0', ''), 'Body text.']);
    sameAsLineParse(text);
  });

  it.each([
    ['U+2028', '\u2028'],
    ['NEL', '\u0085'],
    ['a lone CR', '\r'],
  ])('splits posts at %s as the line-by-line parse does', (_, brk) => {
    const text = `Title\n\n10:40 a.m. ET, March 22, 2023\n\nFirst\n\nBody.${brk}10:39 a.m. ET, March 22, 2023${brk}Second\n`;
    const c = parseCapture(Buffer.from(text), { source: 't' });
    expect(c.posts.map((p) => p.headline)).toEqual(['First', 'Second']);
    sameAsLineParse(text);
  });

  it('numbers lines from the start of the file, BOM and CRLF included', () => {
    const posts = [0, 1, 2].map((i) => ({ time: stamp(600 - i), headline: `Headline ${i}`, body: [`Body ${i}.`, 'More.'] }));
    const text = `\ufeff${makeCapture({ posts })}`.replace(/\n/g, '\r\n');
    const c = parseCapture(Buffer.from(text), { source: 't' });
    const lines = text.split('\r\n');
    for (const p of c.posts) expect(lines[p.line - 1]!.replace('\ufeff', '')).toBe(p.time);
  });

  it('reads a headline made of non-ASCII text and one after blank and white-space lines', () => {
    const text = `Title\n\n10:40 a.m. ET, March 22, 2023\n \n\u00a0\n\t\n“Quoted” — headline\nBody.\n`;
    expect(parseCapture(Buffer.from(text), { source: 't' }).posts[0]!.headline).toBe('“Quoted” — headline');
    sameAsLineParse(text);
  });

  it('keeps posts that share a timestamp apart, and a post edited between captures', () => {
    const same = (body: string) => ({ time: stamp(600), headline: 'Same headline', body: [body] });
    const a = makeCapture({ posts: [same('One.'), same('Two.'), same('Three.')] });
    const b = makeCapture({ posts: [same('One.'), same('Two, edited.'), same('Three.')] });
    const ca = parseCapture(Buffer.from(a), { source: 'a' });
    const cb = parseCapture(Buffer.from(b), { source: 'b' });
    expect(cb.posts.map((p) => p.body[0]!.text)).toEqual(['One.', 'Two, edited.', 'Three.']);
    const report = diffCaptures(ca, cb);
    expect(report.summary.edited).toBe(1);
    expect(report.summary.unchanged).toBe(2);
  });

  it('pairs posts with the same bytes without reading their bodies', () => {
    const posts = [0, 1, 2, 3].map((i) => ({ time: stamp(600 - i), headline: `Headline ${i}`, body: [`Body ${i}.`] }));
    const a = parseCapture(Buffer.from(makeCapture({ posts })), { source: 'a' });
    const b = parseCapture(Buffer.from(makeCapture({ posts: [...posts.slice(1), posts[0]!] })), { source: 'b' });
    const alignment = alignPosts(a.posts, b.posts);
    expect(alignment.pairs.map((p) => [p.old, p.new, p.match])).toEqual([
      [1, 0, 'identical'],
      [2, 1, 'identical'],
      [3, 2, 'identical'],
      // The last post of a capture runs to the end of the file: its bytes differ, its text does not.
      [0, 3, 'identical'],
    ]);
  });

  it('a post a reader reads twice is parsed once, and equal to a fresh parse', () => {
    const text = capture([{ time: stamp(600), headline: 'Cached', body: ['Body.'], byline: null }]);
    const reader = createReader();
    const first = reader.parse(Buffer.from(text), { source: 'a' });
    const second = reader.parse(Buffer.from(text), { source: 'b' });
    expect(second.posts[0]!.body).toBe(first.posts[0]!.body);
    expect(second).toEqual({ ...first, source: 'b' });
    // parseCapture keeps nothing: the same post parsed again is a new object with the same fields.
    const fresh = parseCapture(Buffer.from(text), { source: 'b' });
    expect(fresh.posts[0]!.body).not.toBe(first.posts[0]!.body);
    expect(fresh).toEqual(second);
  });

  it('parses a string as it parses its UTF-8 bytes, and a string with a lone surrogate line by line', () => {
    const text = capture([{ time: stamp(600), headline: 'Héadline', body: ['Body “quoted”.'], byline: null }]);
    expect(plain(parseCapture(text, { source: 't' }))).toEqual(plain(parseCapture(Buffer.from(text), { source: 't' })));
    const broken = text.replace('Body', 'Bo\ud800dy');
    expect(parseCapture(broken, { source: 't' }).posts[0]!.body[0]!.text).toBe('Bo\ud800dy “quoted”.');
  });
});
