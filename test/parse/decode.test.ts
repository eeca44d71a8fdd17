// Bytes that are not a UTF-8 text capture get one clear InputError.
import { describe, expect, it } from 'vitest';
import { parseCapture } from '../../src/index.js';

const capture = '5:50 a.m. ET, March 22, 2023\n\nHéadline\n\nBody.';
const parse = (bytes: Uint8Array) => () => parseCapture(bytes, { source: 'x.txt' });

describe('decoding captures', () => {
  it.each([
    ['an empty file', new Uint8Array(), 'an empty file'],
    ['white space', Buffer.from(' \n\t\n'), 'only white space'],
    ['NUL bytes', new Uint8Array(64), 'binary data \\(NUL bytes\\)'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'a PNG image'],
    ['invalid UTF-8', Buffer.concat([Buffer.from('5:50 a.m. ET, March 22, 2023\n'), Buffer.from([0xc3, 0x28])]), 'invalid UTF-8 at byte 29'],
  ])('refuses %s', (_, bytes, found) => {
    expect(parse(bytes)).toThrowError(new RegExp(`^x\\.txt: expected .*, found ${found}$`));
  });

  it('reads UTF-16 with a BOM, both byte orders, and UTF-8 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(capture, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(capture)]);
    for (const bytes of [le, be, utf8]) expect(parseCapture(bytes).posts[0]!.headline).toBe('Héadline');
  });

  it('refuses inputs over the size limit without decoding them', () => {
    expect(() => parseCapture(Buffer.alloc(2048, 'a'), { source: 'big', maxBytes: 1024 })).toThrowError(
      'big: expected a capture of at most 1.0 KiB, found 2.0 KiB',
    );
  });
});

describe('legacy character sets (issue 22)', () => {
  // WHATWG's windows-1252 index for 0x80-0x9F: five bytes are undefined and map to the C1 control itself.
  const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

  it.each(['windows-1252', 'iso-8859-1', 'latin1', 'us-ascii'])('decodes bytes 0x80-0x9F of a page declaring %s as windows-1252', async (label) => {
    const { loadFormats } = await import('../../src/parse/index.js');
    await loadFormats();
    const high = Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i));
    const html = Buffer.concat([Buffer.from(`<!DOCTYPE html><html><head><meta charset="${label}"><title>Live</title></head><body><article><h2>T `), high, Buffer.from('</h2><p>Body.</p></article></body></html>')]);
    const { decodeWithCharset, sniffCharset } = await import('../../src/parse/charset.js');
    expect(sniffCharset(html)).toBe('windows-1252');
    expect(decodeWithCharset(high, 'windows-1252')).toBe(WINDOWS_1252);
    const { decodeCapture } = await import('../../src/parse/decode.js');
    expect(decodeCapture(html, 'x.html', undefined, 'windows-1252')).toContain(`T ${WINDOWS_1252}</h2>`);
  });

  it('says in bytes how far over the limit an input is when the rounded sizes are the same', () => {
    const limit = 64 * 1024 * 1024;
    expect(() => parseCapture(Buffer.alloc(limit + 1, 'a'), { source: 'big' })).toThrowError(
      `big: expected a capture of at most ${limit} bytes, found ${limit + 1} bytes`,
    );
  });
});
