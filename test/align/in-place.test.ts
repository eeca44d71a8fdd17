// Captures are plain data a library caller may change: posts replaced or removed in place must be compared
// as they now are (no identity kept beside the data, no getters that lose fields when copied).
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture, postKey, type Capture, type Post } from '../../src/index.js';
import { makeCapture, stamp } from '../helpers/capture.js';

const text = makeCapture({
  posts: [0, 1, 2].map((i) => ({ time: stamp(600 - i), headline: `Headline ${i}`, body: [`The body of post ${i}, long enough to say what it is.`] })),
});
const statuses = (old: Capture, neu: Capture) => diffCaptures(old, neu).posts.map((p) => `${p.old?.index ?? '-'}>${p.new?.index ?? '-'}:${p.status}`);

describe('captures edited in place', () => {
  it('a post replaced in place by an edited copy is edited, key left as it was or recomputed', () => {
    const old = parseCapture(Buffer.from(text));
    for (const rekey of [false, true]) {
      const neu = parseCapture(Buffer.from(text));
      const edited = { ...neu.posts[0]!, headline: 'Headline 0, corrected' };
      (neu.posts as Post[])[0] = rekey ? { ...edited, key: postKey(edited) } : edited;
      const report = diffCaptures(old, neu);
      expect(statuses(old, neu)).toEqual(['0>0:edited', '1>1:unchanged', '2>2:unchanged']);
      expect(report.posts[0]!.fields).toEqual(['headline']);
      expect(report.posts[0]!.new!.headline).toBe('Headline 0, corrected');
    }
  });

  it('a post spliced out is reported out of view (the counter still counts it), the others by their places', () => {
    const old = parseCapture(Buffer.from(text));
    const neu = parseCapture(Buffer.from(text));
    (neu.posts as Post[]).splice(0, 1);
    expect(statuses(old, neu)).toEqual(['0>-:out-of-view', '1>0:unchanged', '2>1:unchanged']);
  });

  it('posts and report entries are plain data: spread, structuredClone, JSON and toEqual see every field', () => {
    const capture = parseCapture(Buffer.from(text));
    const post = capture.posts[1]!;
    for (const copy of [{ ...post }, structuredClone(post), JSON.parse(JSON.stringify(post)) as Post]) expect(copy).toEqual(post);
    expect(Object.keys(post)).toEqual(['index', 'line', 'id', 'time', 'minutes', 'headline', 'byline', 'captions', 'body', 'key']);
    expect({ ...post }.headline).toBe('Headline 1');
    // Different headlines and bodies are not equal (prototype getters once made them so).
    expect(parseCapture(Buffer.from(text.replace('Headline 1', 'Headline one')))).not.toEqual(capture);
    const entry = diffCaptures(capture, capture).posts[1]!;
    expect(structuredClone(entry.old)).toEqual({ index: 1, time: stamp(599), headline: 'Headline 1', id: null });
  });
});
