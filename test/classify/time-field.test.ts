// A timestamp that says the same is no edit of the post's time (classify/fields.ts). From a red-team pass:
// `15:31:00Z` → `15:31:00.000Z` reported every post `edited (time)`, and so did relative times
// (`2 min ago` → `12 min ago`) at every capture of a page reloaded later.
import { describe, expect, it } from 'vitest';
import { compareFields } from '../../src/classify/fields.js';
import { DEFAULT_DIFF_OPTIONS } from '../../src/classify/text-diff.js';
import { parseCapture } from '../../src/index.js';
import { makeCapture, stamp } from '../helpers/capture.js';

const post = parseCapture(makeCapture({ posts: [{ time: stamp(600), headline: 'A headline', body: ['A body paragraph.'] }] })).posts[0]!;
const timeChanged = (a: string, b: string) => compareFields({ ...post, time: a }, { ...post, time: b }, DEFAULT_DIFF_OPTIONS).map((c) => c.field);

describe('the time field', () => {
  it('the same instant written two ways is not an edit', () => {
    expect(timeChanged('2026-11-22T15:31:00Z', '2026-11-22T15:31:00.000Z')).toEqual([]);
    expect(timeChanged('2026-11-22T15:31:00Z', '2026-11-22T16:31:00+01:00')).toEqual([]);
    expect(timeChanged('2026-11-22T15:31:00Z', '2026-11-22T15:32:00Z')).toEqual(['time']);
    // RSS dates (a later red-team pass): a feed that moved from GMT to its local offset edited every post.
    expect(timeChanged('Wed, 22 Mar 2023 09:10:00 GMT', 'Wed, 22 Mar 2023 05:10:00 -0400')).toEqual([]);
    expect(timeChanged('Wed, 22 Mar 2023 09:10:00 GMT', '22 Mar 2023 09:10:00 +0000')).toEqual([]);
    expect(timeChanged('Wed, 22 Mar 2023 09:10:00 GMT', '2023-03-22T09:10:00Z')).toEqual([]);
    expect(timeChanged('Wed, 22 Mar 2023 09:10:00 GMT', 'Wed, 22 Mar 2023 09:10:00 -0400')).toEqual(['time']);
  });

  it('a clock time spelt another way is not an edit; another minute or another zone is', () => {
    // A red-team pass: `a.m.` → `am`, `ET` → `EDT` or the zone dropped reported every post `edited (time)`.
    const t = '9:10 a.m. ET, March 22, 2023';
    expect(timeChanged(t, '9:10 am ET, March 22, 2023')).toEqual([]);
    expect(timeChanged(t, '9:10 AM ET, March 22, 2023')).toEqual([]);
    expect(timeChanged(t, '9:10 a.m. EDT, March 22, 2023')).toEqual([]);
    expect(timeChanged(t, '9:10 a.m., March 22, 2023')).toEqual([]);
    expect(timeChanged(t, '9:11 a.m. ET, March 22, 2023')).toEqual(['time']);
    expect(timeChanged(t, '9:10 p.m. ET, March 22, 2023')).toEqual(['time']);
    expect(timeChanged(t, '9:10 a.m. PT, March 22, 2023')).toEqual(['time']);
    expect(timeChanged('9:10 a.m. GMT, March 22, 2023', '9:10 a.m. BST, March 22, 2023')).toEqual(['time']);
    // The night the clocks go back repeats an hour: 1:30 EDT and 1:30 EST are an hour apart (a red-team pass).
    expect(timeChanged('1:30 a.m. EDT, November 5, 2023', '1:30 a.m. EST, November 5, 2023')).toEqual(['time']);
    expect(timeChanged('1:30 a.m. ET, November 5, 2023', '1:30 a.m. EST, November 5, 2023')).toEqual([]);
  });

  it('relative times move with the clock: not an edit; a relative time against a clock time is', () => {
    expect(timeChanged('2 min ago', '12 min ago')).toEqual([]);
    expect(timeChanged('just now', '1 hr ago')).toEqual([]);
    expect(timeChanged('2 min ago', stamp(600))).toEqual(['time']);
    expect(timeChanged(stamp(600), stamp(601))).toEqual(['time']);
  });

  // A red-team pass: a German ticker (`vor 5 Minuten` → `vor 12 Minuten`) had every post `edited (time)` at
  // every capture; so would any page not in English.
  it.each([
    ['German', 'vor 5 Minuten', 'vor 2 Std.', 'gerade eben'],
    ['French', 'il y a 5 minutes', 'il y a 2 h', "à l'instant"],
    ['Spanish', 'hace 5 minutos', 'hace 2 horas', 'ahora'],
    ['Portuguese', 'há 5 minutos', 'há 2 h', 'agora'],
    ['Italian', '5 minuti fa', '2 ore fa', 'adesso'],
    ['Dutch', '5 minuten geleden', '2 uur geleden', 'zojuist'],
    ['Polish', '5 minut temu', '2 godziny temu', 'przed chwilą'],
    ['Russian', '5 минут назад', '2 часа назад', 'только что'],
    ['Ukrainian', '5 хвилин тому', '2 години тому', 'щойно'],
    ['Chinese', '5分钟前', '2小时前', '刚刚'],
    ['Japanese', '5分前', '2時間前', 'たった今'],
  ])('relative times in %s are no edit either', (_, a, b, now) => {
    expect(timeChanged(a, b)).toEqual([]);
    expect(timeChanged(now, a)).toEqual([]);
    expect(timeChanged(a, stamp(600))).toEqual(['time']);
  });
});
