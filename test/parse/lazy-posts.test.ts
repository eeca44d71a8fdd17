// Text posts parse their captions, body and key on first read (parse/chunks.ts): a diff through one reader
// parses only the posts it reports as changed, and a lazy post is data like any other (read, copied, assigned).
import { describe, expect, it, vi } from 'vitest';
import { createReader, diffCaptures, parseCapture, type Post } from '../../src/index.js';
import { makeCapture, stamp } from '../helpers/capture.js';

const parsed = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/parse/post.js', async (original) => {
  const module = await original<typeof import('../../src/parse/post.js')>();
  return {
    ...module,
    parsePostText: (text: string) => {
      parsed.count++;
      return module.parsePostText(text);
    },
  };
});

const spec = (edited: boolean) => ({
  posts: Array.from({ length: 20 }, (_, i) => ({
    time: stamp(600 - i),
    headline: `Headline ${i}`,
    captions: i === 3 ? [{ text: 'A caption', credit: 'Photo: Someone' }] : [],
    body: [`The body of post ${i}, long enough to say what it is.`, edited && i === 7 ? 'A paragraph, corrected.' : 'A paragraph.'],
  })),
});
const older = Buffer.from(makeCapture(spec(false)));
const newer = Buffer.from(makeCapture(spec(true)));

describe('lazy text posts', () => {
  it('a diff through one reader parses the edited post only (both its versions), however many are unchanged', () => {
    parsed.count = 0;
    const reader = createReader();
    const report = diffCaptures(reader.parse(older), reader.parse(newer));
    expect(report.summary.edited).toBe(1);
    expect(report.summary.unchanged).toBe(19);
    expect(parsed.count).toBe(2);
  });

  it('without a reader nothing is shared: every post is parsed to compare keys, and the report is the same', () => {
    const viaReader = (() => {
      const reader = createReader();
      return diffCaptures(reader.parse(older), reader.parse(newer));
    })();
    parsed.count = 0;
    const report = diffCaptures(parseCapture(older), parseCapture(newer));
    expect(parsed.count).toBe(40);
    expect(report).toEqual(viaReader);
  });

  it('reads like plain data: own enumerable fields, the same as a post parsed line by line', () => {
    const post = parseCapture(older).posts[3]!;
    for (const field of ['captions', 'body', 'key'] as const) expect(Object.getOwnPropertyDescriptor(post, field)?.enumerable).toBe(true);
    expect(post.captions).toEqual([{ text: 'A caption', credit: 'Photo: Someone' }]);
    expect({ ...post }).toEqual(post);
    expect(structuredClone(post)).toEqual(post);
    expect(JSON.parse(JSON.stringify(post))).toEqual(post);
    // Lone CRs for line breaks: the line-by-line parse, whose posts are made as plain objects.
    expect(parseCapture(older.toString().replace(/\n/g, '\r')).posts[3]).toEqual(post);
  });

  it('a field assigned in place is the post from then on, the others kept; the diff reports it edited', () => {
    const reader = createReader();
    const old = reader.parse(older);
    const neu = reader.parse(older);
    const post = neu.posts[5] as { -readonly [K in keyof Post]: Post[K] };
    const key = post.key;
    post.body = [{ kind: 'paragraph', marker: '', text: 'Another body.' }];
    expect(post.body[0]!.text).toBe('Another body.');
    expect(post.key).toBe(key);
    expect(post.headline).toBe('Headline 5');
    const report = diffCaptures(old, neu);
    expect(report.posts[5]!.status).toBe('edited');
    expect(report.posts[5]!.fields).toEqual(['body']);
    expect(report.summary.unchanged).toBe(19);
  });

  it('a plain field assigned in place (time, headline, byline) is not taken for the same post either', () => {
    const reader = createReader();
    const old = reader.parse(older);
    const neu = reader.parse(older);
    (neu.posts[2] as { headline: string }).headline = 'Headline two';
    (neu.posts[4] as { byline: string | null }).byline = null;
    const report = diffCaptures(old, neu);
    expect(report.posts.filter((p) => p.status === 'edited').map((p) => [p.new?.index, p.fields])).toEqual([
      [2, ['headline']],
      [4, ['byline']],
    ]);
  });
  it('a rewrite in place on a large page parses the posts that can hold its shared words, not the page', () => {
    // Post 100 rewritten where it stood: same time, new headline and body, one rare word kept. Rewrites in
    // place count how many posts have each shared word (align/rewrites.ts): through the posts' bytes.
    // Both versions also name the month, which is in every post's timestamp line and in no other post's words.
    const page = (rewritten: boolean) => ({
      posts: Array.from({ length: 200 }, (_, i) => ({
        time: stamp(1000 - i).replace('March', 'September'),
        headline: rewritten && i === 100 ? 'Council names Zyxwvutsq as its new chair' : `Headline ${i}`,
        body:
          rewritten && i === 100
            ? ['Zyxwvutsq takes over the chair in September, the council said.']
            : [`The body of post ${i}, long enough to say what it is.`, i === 100 ? 'Zyxwvutsq was named in September.' : 'A paragraph.'],
      })),
    });
    parsed.count = 0;
    const reader = createReader();
    const report = diffCaptures(reader.parse(Buffer.from(makeCapture(page(false)))), reader.parse(Buffer.from(makeCapture(page(true)))));
    const change = report.posts.find((p) => p.status === 'edited');
    expect(change && 'match' in change ? change.match : null).toBe('in-place');
    expect(report.summary.unchanged).toBe(199);
    expect(parsed.count).toBeLessThanOrEqual(8); // every post, both sides, was 400
  });
});
