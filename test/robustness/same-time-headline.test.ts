// Posts sharing one timestamp and headline are told apart by their bodies (issue 18): the time+headline
// layer pairs only a key found once on each side; a crowded key is left to the body and similarity layers.
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture } from '../../src/index.js';
import { makeCapture, stamp } from '../helpers/capture.js';

const body = (i: number, edit = '') => [`Report number ${i} from the front: village ${i * 7} shelled overnight${edit}, officials ${i % 13} say.`];

describe('many posts with one time and headline', () => {
  it.each([50, 5_000])('%i posts, one deleted and every other edited: each pairs with its own body', { timeout: 60_000 }, (count) => {
    const old = Array.from({ length: count }, (_, i) => ({ time: stamp(600), headline: 'Latest', body: body(i) }));
    const gone = Math.floor(count / 5);
    const neu = old.flatMap((p, i) => (i === gone ? [] : [{ ...p, body: body(i, ' again') }]));
    const r = diffCaptures(parseCapture(makeCapture({ posts: old })), parseCapture(makeCapture({ posts: neu })));
    expect(r.summary.edited).toBe(count - 1);
    const dropped = r.posts.filter((p) => p.status === 'dropped' || p.status === 'out-of-view');
    expect(dropped.map((p) => p.old!.index)).toEqual([gone]);
    for (const p of r.posts.filter((x) => x.status === 'edited')) {
      expect(p.old!.index - (p.old!.index > gone ? 1 : 0)).toBe(p.new!.index);
    }
  });
});
