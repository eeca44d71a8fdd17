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
