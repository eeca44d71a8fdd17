// A live page marks some posts with a line above the headline (`Pinned`, `Key event`); copied with the page,
// it is not the headline. A red-team pass: every marked post had the headline `Key event`, and a mark added
// later read as `edited (headline, body)`, the real headline moved into the body.
import { describe, expect, it } from 'vitest';
import { createReader, diffCaptures, parseCapture } from '../../src/index.js';

const capture = (...posts: string[]) => `Ukraine war live\nUpdated 11:05 a.m. ET, March 22, 2023\n\n${posts.join('\n\n')}\n`;
const at = (time: string, ...lines: string[]) => [`${time} a.m. ET, March 22, 2023`, ...lines].join('\n');
const TALKS = ['Talks with Biden begin', 'The two leaders met in the Oval Office shortly after 11am.'];
const SANCTIONS = ['EU agrees new sanctions package', 'By Jennifer Rankin', 'Ministers signed off the eleventh round of sanctions after talks overnight.'];
const ACCENTED = ['Zelenskyy à Washington', 'Le président est arrivé à la base aérienne d’Andrews mercredi matin.'];

const fields = (text: string) => parseCapture(text).posts.map((p) => ({ headline: p.headline, byline: p.byline, body: p.body.map((b) => b.text) }));

describe('a mark above the headline', () => {
  it('is not the headline, nor part of the post, whichever way the first lines are read (plain ASCII or not, one mark or two)', () => {
    const text = capture(at('11:01', 'Key event', ...TALKS), at('10:30', 'Pinned', 'Key event', ...SANCTIONS), at('10:12', 'KEY EVENT', ...ACCENTED));
    const expected = [
      { headline: TALKS[0], byline: null, body: [TALKS[1]] },
      { headline: SANCTIONS[0], byline: SANCTIONS[1], body: [SANCTIONS[2]] },
      { headline: ACCENTED[0], byline: null, body: [ACCENTED[1]] },
    ];
    expect(fields(text)).toEqual(expected);
    // Through a reader, whose posts read their lead lines alone until their body is asked for.
    const posts = createReader().parse(text).posts;
    expect(posts.map((p) => [p.headline, p.byline])).toEqual(expected.map((e) => [e.headline, e.byline]));
    expect(posts.map((p) => p.body.map((b) => b.text))).toEqual(expected.map((e) => e.body));
  });

  it('a post that is only a mark keeps it as its headline; a sentence starting with the word is a headline', () => {
    expect(fields(capture(at('11:01', 'Pinned'), at('10:30', 'Breaking: talks with Biden begin', 'Details to follow.')))).toEqual([
      { headline: 'Pinned', byline: null, body: [] },
      { headline: 'Breaking: talks with Biden begin', byline: null, body: ['Details to follow.'] },
    ]);
  });

  it('a mark added to a post later is no edit', () => {
    const report = diffCaptures(parseCapture(capture(at('10:30', ...SANCTIONS))), parseCapture(capture(at('10:30', 'Key event', ...SANCTIONS))));
    expect(report.posts.map((p) => [p.status, p.match])).toEqual([['unchanged', 'identical']]);
  });
});
