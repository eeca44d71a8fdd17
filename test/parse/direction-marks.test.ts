// Direction marks (U+200E LRM, U+200F RLM, U+061C ALM) carry no text: a red-team pass found an Arabic page
// that wrapped its numbers in LRM at one capture and not the next reported two posts `edited (body)`, with
// nothing to see in the diff.
import { describe, expect, it } from 'vitest';
import { diffCaptures, normalizeText, parseCapture } from '../../src/index.js';

const page = (mark: string) =>
  '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تغطية مباشرة</title></head><body><main>\n' +
  `<article data-post-id="a2"><time datetime="2023-03-22T09:10:00Z">09:10</time><h2>الكرملين: زيارة شي كانت مثمرة</h2><p>قال المتحدث إن المحادثات في مارس ${mark}2023${mark} كانت مثمرة.</p></article>\n` +
  `<article data-post-id="a1"><time datetime="2023-03-22T07:15:00Z">07:15</time><h2>اليابان تتعهد بمساعدات</h2><p>ستقدم ${mark}470${mark} مليون دولار إضافية.</p></article>\n` +
  '</main></body></html>\n';

describe('direction marks', () => {
  it('are dropped by the normaliser like other invisible characters', () => {
    expect(normalizeText('في \u200e2023\u200f و\u061c 470')).toBe('في 2023 و 470');
  });

  it.each([['LRM', '\u200e'], ['RLM', '\u200f'], ['ALM', '\u061c']])('added around numbers (%s) are no edit', (_, mark) => {
    const report = diffCaptures(parseCapture(page(''), { source: 'old.html' }), parseCapture(page(mark), { source: 'new.html' }));
    expect(report.posts.map((p) => p.status)).toEqual(['unchanged', 'unchanged']);
  });
});
