// The life of every post across a scripted series: edits, deletion and reinsertion, leaving the view and coming back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../src/history/build.js';
import { orderCaptures, stampFromName } from '../../src/history/order.js';
import { parseCapture } from '../../src/index.js';
import type { PostHistory } from '../../src/model.js';
import { ROOT } from '../helpers/run.js';
import { EXPECTED, NAMES, SERIES } from './series.js';

const versions = SERIES.map((text, i) => ({ label: `c${i}`, time: null, capture: parseCapture(text, { source: `c${i}` }) }));

function number(p: PostHistory): number {
  return Number(/\(update (\d+)\)/.exec(p.versions[0]!.post.headline)![1]);
}

function story(p: PostHistory) {
  return {
    firstSeen: p.firstSeen,
    lastSeen: p.lastSeen,
    fate: p.fate,
    origin: p.origin,
    versions: p.versions.length,
    events: p.events.map((e) => [e.capture, e.kind, ...e.fields].join(' ')),
  };
}

describe('buildHistory', () => {
  const history = buildHistory(versions);

  it('follows every post of the series once', () => {
    expect(history.posts.map(number).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(history.captures.map((c) => c.posts)).toEqual([5, 5, 5, 5, 7, 7]);
  });

  for (const [n, expected] of Object.entries(EXPECTED)) {
    it(`post ${n}: ${expected.fate}, ${expected.events.join(', ') || 'no events'}`, () => {
      const post = history.posts.find((p) => number(p) === Number(n))!;
      expect(story(post)).toEqual(expected);
    });
  }

  it('keeps each version with its word diff', () => {
    const p4 = history.posts.find((p) => number(p) === 4)!;
    expect(p4.versions[1]!.capture).toBe(2);
    expect(p4.versions[1]!.changes[0]!.hunks).toEqual([
      { op: '~', parts: [{ op: '=', text: 'Heavy fighting continues around Bakhmut' }, { op: '+', text: ', corrected ' }, { op: '=', text: '(update 4)' }] },
    ]);
  });

  it('a single capture is every post live, first and last seen there', () => {
    const one = buildHistory(versions.slice(0, 1));
    expect(one.posts.map((p) => [p.fate, p.firstSeen, p.lastSeen])).toEqual(Array(5).fill(['live', 0, 0]));
  });

  it('refuses a capture of another page', () => {
    const other = parseCapture(readFileSync(join(ROOT, 'snapshots/cnn-xi-putin-moscow-2023-03-20/capture-1.txt')), { source: 'x' });
    expect(() => buildHistory([versions[0]!, { label: 'other', time: null, capture: other }])).toThrow(/a capture of the same page as c0/);
  });

  it('reports progress once per capture', () => {
    const calls: string[] = [];
    buildHistory(versions, { onProgress: (done, total) => calls.push(`${done}/${total}`) });
    expect(calls).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
  });
});

describe('capture order', () => {
  it('reads ISO-like stamps in file names', () => {
    expect(stampFromName('2026-11-22T10-05-00Z.txt')?.toISOString()).toBe('2026-11-22T10:05:00.000Z');
    expect(stampFromName('page-20261122T100500Z.html')?.toISOString()).toBe('2026-11-22T10:05:00.000Z');
    expect(stampFromName('2026-11-22_10-05.txt')?.toISOString()).toBe('2026-11-22T10:05:00.000Z');
    expect(stampFromName('2026-11-22T10:05:00+01:00.txt')?.toISOString()).toBe('2026-11-22T09:05:00.000Z');
    expect(stampFromName('capture-2.txt')).toBeNull();
  });

  const items = versions.map((v, i) => ({ name: NAMES[i]!, mtimeMs: 1000 - i, capture: v.capture }));
  const shuffled = [items[3]!, items[0]!, items[5]!, items[1]!, items[4]!, items[2]!];

  it('by the stamps in the names when every name has one', () => {
    const { ordered, by } = orderCaptures(shuffled);
    expect(by).toBe('name-stamp');
    expect(ordered).toEqual(items);
  });

  it('by modification time or name when asked', () => {
    expect(orderCaptures(shuffled, 'mtime').ordered).toEqual([...items].reverse());
    expect(orderCaptures(shuffled, 'name').by).toBe('name');
  });

  it('by what the captures say (Updated time, then newest post) when names have no time', () => {
    const unnamed = [items[5]!, items[2]!, items[0]!, items[1]!].map((i, k) => ({ ...i, name: `capture-${k}.txt` }));
    const { ordered, by } = orderCaptures(unnamed);
    expect(by).toBe('content');
    expect(ordered.map((i) => i.capture)).toEqual([items[0]!, items[1]!, items[2]!, items[5]!].map((i) => i.capture));
  });

  // Reported from use: a post deleted between two captures lowers the counter; ordered by the counter
  // first, the newer capture came first and the deletion read as a post just added.
  it('by the Updated time before the counter, which a deletion lowers', () => {
    const dir = join(ROOT, 'snapshots');
    const first = readFileSync(join(dir, 'cnn-russia-ukraine-2023-03-22', 'capture-2.txt'), 'utf8');
    const deleted = /10:59 p\.m\. ET, March 21, 2023\n[^]*?(?=\n\d{1,2}:\d\d [ap]\.m\. ET)/.exec(first)![0];
    const second = first.replace('Updated 12:44 a.m.', 'Updated 1:30 a.m.').replace('11 Posts', '10 Posts').replace(deleted, '');
    const candidates = [
      { name: 'second.txt', mtimeMs: 0, capture: parseCapture(second, { source: 'second.txt' }) },
      { name: 'first.txt', mtimeMs: 0, capture: parseCapture(first, { source: 'first.txt' }) },
    ];
    expect(candidates[0]!.capture.posts).toHaveLength(candidates[1]!.capture.posts.length - 1);
    expect(orderCaptures(candidates).ordered.map((c) => c.name)).toEqual(['first.txt', 'second.txt']);
  });

  // From a red-team pass: Updated and the newest post unchanged, a post deleted (11 -> 10 Posts). Ordered by
  // the counter, `log before.txt after.txt` read the deletion as a post just added. Ties keep the order given.
  it('captures their times cannot tell apart keep the order they were given in, not the counter\'s', () => {
    const first = readFileSync(join(ROOT, 'snapshots', 'cnn-russia-ukraine-2023-03-22', 'capture-2.txt'), 'utf8');
    const deleted = /9:20 p\.m\. ET, March 21, 2023\n[^]*?(?=\n\d{1,2}:\d\d [ap]\.m\. ET)/.exec(first)![0];
    const after = first.replace('11 Posts', '10 Posts').replace(deleted, '');
    const candidate = (name: string, text: string) => ({ name, mtimeMs: 0, capture: parseCapture(text, { source: name }) });
    expect(orderCaptures([candidate('before.txt', first), candidate('after.txt', after)]).ordered.map((c) => c.name)).toEqual(['before.txt', 'after.txt']);
    expect(orderCaptures([candidate('after.txt', after), candidate('before.txt', first)]).ordered.map((c) => c.name)).toEqual(['after.txt', 'before.txt']);
  });

  it('pages of different days by their Updated times, whatever their counters', () => {
    const files = ['cnn-russia-ukraine-2023-03-22/capture-1.txt', 'cnn-xi-putin-moscow-2023-03-20/capture-1.txt', 'cnn-russia-ukraine-2023-03-21/capture-1.txt'];
    const candidates = files.map((name) => ({ name, mtimeMs: 0, capture: parseCapture(readFileSync(join(ROOT, 'snapshots', name)), { source: name }) }));
    expect(orderCaptures(candidates).ordered.map((c) => c.name.slice(0, 30))).toEqual([
      'cnn-xi-putin-moscow-2023-03-20',
      'cnn-russia-ukraine-2023-03-21/',
      'cnn-russia-ukraine-2023-03-22/',
    ]);
  });
});
