// foldedBytes (parse/chunks.ts): an unparsed text post's raw bytes, lower-cased, hold every ASCII word of its
// headline, captions and body, so that rewrites in place (align/rewrites.ts) can skip the posts whose
// bytes lack a word without parsing them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { words } from '../../src/align/fingerprint.js';
import { createReader } from '../../src/index.js';
import { foldedBytes, WORD_MAKERS } from '../../src/parse/chunks.js';
import { FUZZ_RUNS } from '../helpers/arbitraries.js';
import { makeCapture, stamp } from '../helpers/capture.js';

describe('foldedBytes', () => {
  it('names every character that becomes an ASCII letter or digit once normalised and lower-cased', () => {
    const makers: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const folded = String.fromCodePoint(cp).normalize('NFC').toLowerCase();
      if (/[a-z0-9]/.test(folded)) makers.push(String.fromCodePoint(cp));
    }
    expect(makers.length).toBeGreaterThan(0);
    expect(WORD_MAKERS).toEqual(expect.arrayContaining(makers));
  });

  it('holds every ASCII word of the headline, captions and body of a post read by a reader', () => {
    // Words glued by what the parse normalises: odd spaces, invisibles, combining marks, İ, the Kelvin sign.
    const piece = fc.constantFrom('Ab', 'cd', 'E1', 'x', '7', 'caf\u00e9', '\u0130', '\u212a', '\u200b', '\u00ad', '\ufeff', '\u2060', '\u00a0', '\u2009', '\u0301', 'e\u0301', '\u2019', ' ', '  ', '-', '1. ', '\u2022 ');
    const line = fc.array(piece, { minLength: 1, maxLength: 12 }).map((ps) => ps.join('').replace(/^\s+/, 'Q'));
    fc.assert(
      fc.property(line, fc.array(line, { maxLength: 4 }), fc.option(fc.tuple(line, line), { nil: undefined }), (headline, body, caption) => {
        const text = makeCapture({
          posts: [
            { time: stamp(600), headline, body: body.length > 0 ? body : ['Body.'], captions: caption ? [{ text: caption[0], credit: caption[1] }] : [] },
            { time: stamp(590), headline: 'Another post', body: ['Its body.'] },
          ],
        });
        const post = createReader().parse(Buffer.from(text)).posts[0]!;
        const folded = foldedBytes(post); // before any field is read: a lazy post
        const all = [post.headline, ...post.captions.flatMap((c) => [c.text, c.credit ?? '']), ...post.body.map((b) => `${b.marker} ${b.text}`)];
        const ascii = words(all.join('\n')).filter((w) => /^[a-z0-9]+$/.test(w));
        if (folded !== null) for (const w of ascii) expect(folded).toContain(w);
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });

  it('is null for a post whose bytes hold a character that makes words, and for a parsed post', () => {
    const text = (headline: string) => Buffer.from(makeCapture({ posts: [{ time: stamp(600), headline, body: ['Body.'] }] }));
    expect(foldedBytes(createReader().parse(text('Zero\u200bwidth')).posts[0]!)).toBeNull();
    expect(foldedBytes(createReader().parse(text('\u212aelvin')).posts[0]!)).toBeNull();
    const plain = createReader().parse(text('Plain Headline')).posts[0]!;
    expect(foldedBytes(plain)).toContain('plain headline');
    void plain.body; // parsed now, and still the same post: its folded bytes stay
    expect(foldedBytes({ ...plain })).toBeNull();
  });
});
