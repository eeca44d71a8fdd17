// Feed dates (parse/dates.ts) and the feed adapter's default time fields: the formats tickers and CMS feeds
// write, read with no options; an empty posts array is a capture with no posts.
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture } from '../../src/index.js';
import { feedDateMinutes } from '../../src/parse/dates.js';
import { humanTime } from '../../src/render/human-time.js';

const minutes = (iso: string) => Date.parse(iso) / 60000;

describe('feed dates', () => {
  it('reads day-first, RFC 2822 and epoch times', () => {
    expect(feedDateMinutes('22.03.2023 05:50:07')).toBe(minutes('2023-03-22T05:50:00Z'));
    expect(feedDateMinutes('22.03.2023 05:50')).toBe(minutes('2023-03-22T05:50:00Z'));
    expect(feedDateMinutes('22/03/2023 5:50')).toBe(minutes('2023-03-22T05:50:00Z'));
    expect(feedDateMinutes('Wed, 22 Mar 2023 05:50:00 GMT')).toBe(minutes('2023-03-22T05:50:00Z'));
    expect(feedDateMinutes('22 Mar 2023 06:50 +0100')).toBe(minutes('2023-03-22T05:50:00Z'));
    expect(feedDateMinutes('1679464200')).toBe(minutes('2023-03-22T05:50:00Z'));
    expect(feedDateMinutes('1679464200000')).toBe(minutes('2023-03-22T05:50:00Z'));
    // As RSS feeds write RFC 822 too (reported from an exploratory pass: these gave no time, or showed raw).
    expect(feedDateMinutes('Wednesday, 22 Mar 2023 05:50:00 GMT')).toBe(minutes('2023-03-22T05:50:00Z'));
    expect(feedDateMinutes('Wed, 22 Mar 23 05:50:00 GMT')).toBe(minutes('2023-03-22T05:50:00Z'));
    expect(feedDateMinutes('Wed, 22 Mar 2023 06:50:00 +01:00')).toBe(minutes('2023-03-22T05:50:00Z'));
    expect(feedDateMinutes('Wed, 22 Mar 2023 01:50:00 EDT')).toBe(minutes('2023-03-22T05:50:00Z'));
    expect(feedDateMinutes('Wed, 22 Mar 2023 06:50:00 CET')).toBeNull();
    expect(humanTime('Wed, 22 Mar 2023 01:50:00 EDT', 'UTC')).toBe('Wed 22 Mar 2023, 05:50 UTC');
    expect(humanTime('Wednesday, 22 Mar 23 06:50:00 +01:00', 'UTC')).toBe('Wed 22 Mar 2023, 05:50 UTC');
    expect(humanTime('Wed, 22 Mar 2023 06:50:00 CET', 'UTC')).toBe('Wed, 22 Mar 2023 06:50:00 CET');
    expect(feedDateMinutes('32.13.2023 05:50')).toBeNull();
    expect(feedDateMinutes('soon')).toBeNull();
  });

  it('a feed with its time in pubDate: a time-only edit is seen with no options', () => {
    const feed = (date: string) => JSON.stringify([{ title: 'Goal!', body: 'A header from a corner.', pubDate: date }, { title: 'Kick-off', body: 'Under way.', pubDate: '22.03.2023 15:00:00' }]);
    const report = diffCaptures(parseCapture(feed('22.03.2023 15:31:00'), { source: 'a' }), parseCapture(feed('22.03.2023 15:32:00'), { source: 'b' }));
    expect(report.posts.map((p) => `${p.status}:${p.fields.join(',')}`)).toEqual(['edited:time', 'unchanged:']);
    expect(report.posts[0]!.post.minutes).toBe(minutes('2023-03-22T15:32:00Z'));
  });

  it('[] is a capture with no posts; a ticker before kick-off then its first post', () => {
    const before = parseCapture('[]', { source: 'empty' });
    expect(before.posts).toEqual([]);
    const after = parseCapture(JSON.stringify([{ title: 'Kick-off', body: 'Under way.', date_modified: '2026-11-22T15:00:00Z' }]), { source: 'first' });
    expect(diffCaptures(before, after).summary.added).toBe(1);
  });
});
