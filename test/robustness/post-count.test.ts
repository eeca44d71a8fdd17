// Every format yields at most MAX_POSTS posts a capture (parse/adapter.ts): a text capture of a million
// posts of a few bytes each (37 MiB) took 11 s and 1.6 GB before the bound. JSON-LD and feeds: see
// jsonld-bounds.test.ts.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { createReader, parseCapture } from '../../src/index.js';
import { MAX_POSTS } from '../../src/parse/adapter.js';
import { stamp } from '../helpers/capture.js';

/** The error parsing `input` throws (or undefined). */
function errorOf(parse: () => unknown): unknown {
  try {
    parse();
  } catch (e) {
    return e;
  }
  return undefined;
}

const ONE_LINE = /^many\.\w+: expected a live.*, at most 250,000 posts, found 250,001 posts$/;

describe(`at most MAX_POSTS (${MAX_POSTS}) posts a capture`, () => {
  const posts = (n: number) => Array.from({ length: n }, (_, i) => `${stamp(i % 1440, 1 + Math.floor(i / 1440) % 28)}\nP${i}\n`).join('\n');

  it('a text capture of one more: an InputError of one line, read by the byte scan or line by line', () => {
    const text = posts(MAX_POSTS + 1);
    for (const input of [Buffer.from(text), text.replace(/\n/g, '\r')]) {
      const error = errorOf(() => parseCapture(input, { source: 'many.txt' }));
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(ONE_LINE);
    }
    // Through a reader too (the scan that follows a guide).
    const reader = createReader();
    reader.parse(Buffer.from(posts(10)), { source: 'few.txt' });
    expect((errorOf(() => reader.parse(Buffer.from(text), { source: 'many.txt' })) as Error).message).toMatch(ONE_LINE);
  });

  it('a text capture of exactly MAX_POSTS is read', () => {
    expect(parseCapture(Buffer.from(posts(MAX_POSTS)), { source: 'max.txt' }).posts).toHaveLength(MAX_POSTS);
  });

  it('an HTML page of one more post element: an InputError of one line', () => {
    const html = `<!doctype html><title>Many</title>${Array.from({ length: MAX_POSTS + 1 }, (_, i) => `<article>P${i}</article>`).join('')}`;
    const error = errorOf(() => parseCapture(html, { source: 'many.html' }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(ONE_LINE);
  });
});
