// The notification built from check steps, and the report's Markdown in each service's dialect.
import { describe, expect, it } from 'vitest';
import { diffCaptures } from '../../src/classify/report.js';
import { buildNotification } from '../../src/notify/index.js';
import { adaptMarkdown, chunks } from '../../src/notify/text.js';
import { parseCapture } from '../../src/parse/index.js';
import { makeCapture } from '../helpers/capture.js';
import { realNotification } from './fixtures.js';

const T = '9:00 a.m. ET, March 22, 2023';
const edited = (from: string, to: string) =>
  diffCaptures(
    parseCapture(makeCapture({ posts: [{ time: T, headline: 'Talks', body: [from] }] }), { source: 'a.txt' }),
    parseCapture(makeCapture({ posts: [{ time: T, headline: 'Talks', body: [to] }] }), { source: 'b.txt' }),
  );

describe('adaptMarkdown', () => {
  it('turns the real report into Slack mrkdwn', () => {
    const slack = adaptMarkdown(realNotification().markdown, 'slack');
    // Verdict first, then the posts; the page-level table (last in the Markdown report) becomes bullets.
    expect(slack.split('\n').slice(0, 10)).toEqual([
      '*livediff: capture-1.txt → capture-2.txt*',
      '',
      '*2 added, 2 out of view; 7 unchanged*',
      '',
      "*🟢 Added: Analysis: How Xi and Putin's new friendship could test the US*",
      '',
      '_5:50 a.m. ET, March 22, 2023_',
      '',
      "_Analysis from CNN's Stephen Collinson_",
      '',
    ]);
    expect(slack).toContain('\n• *Post count*: 9 → 11\n• *Deep link*: White House official says Russia-China relationship is built on mutual interest to challenge US → (none)');
  });

  it('shows a word change in each dialect', () => {
    const md = buildNotification({ page: 'p', steps: [{ old: 'a.txt', new: 'b.txt', report: edited('Leaders met in Moscow today.', 'Leaders met in Beijing today.') }] }).markdown;
    const line = (d: Parameters<typeof adaptMarkdown>[1]) => adaptMarkdown(md, d).split('\n').find((l) => l.includes('today'));
    expect(line('slack')).toBe('- ✏️ Leaders met in ~Moscow~ *Beijing* today.');
    expect(line('discord')).toBe('- ✏️ Leaders met in ~~Moscow~~**Beijing** today.');
    expect(line('teams')).toBe('- ✏️ Leaders met in [−Moscow] **Beijing** today.');
  });

  it('keeps capture punctuation inert in every dialect', () => {
    const md = buildNotification({ page: 'p', steps: [{ old: 'a.txt', new: 'b.txt', report: edited('Plain.', 'A *star* and [link](http://x.example) & <b>tag</b>.') }] }).markdown;
    const line = (d: Parameters<typeof adaptMarkdown>[1]) => adaptMarkdown(md, d).split('\n').find((l) => l.includes('tag'))!;
    // Slack: & < > as entities, * broken by zero-width spaces so it cannot pair up.
    expect(line('slack')).toContain('\u200b*\u200bstar\u200b*\u200b');
    expect(line('slack')).toContain('&amp; &lt;b&gt;tag&lt;/b&gt;');
    // Discord: Markdown escapes kept, entities decoded.
    expect(line('discord')).toContain('\\*star\\* and \\[link\\](http\u200b://x.example) & <b>tag</b>');
    // Teams: no escape in Adaptive Card Markdown, so the link is broken by a zero-width space.
    expect(line('teams')).toContain('[link]\u200b(http\u200b://x.example)');
  });
});

describe('chunks', () => {
  it('cuts at line ends, and inside a line only when it is longer than the limit, never inside a surrogate pair', () => {
    expect(chunks('aaa\nbbb\nccc', 7)).toEqual(['aaa\nbbb', 'ccc']);
    expect(chunks('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(chunks('ab😀cd', 3)).toEqual(['ab', '😀c', 'd']);
  });
});

describe('buildNotification', () => {
  it('sums the steps of a run into one summary line', () => {
    const a = edited('One.', 'Two.');
    const n = buildNotification({ page: 'cnn\n@everyone', steps: [{ old: 'a', new: 'b', report: a }, { old: 'b', new: 'c', report: a }] });
    // Two steps over three captures (reported from an exploratory run: it said "over 2 captures").
    expect(n.summary).toBe('cnn @\u200beveryone: 2 edited (body) over 3 captures');
    expect(n.markdown.split('\n---\n')).toHaveLength(2);
    expect(n.json).toMatchObject({ schema: 'livediff.check/3', steps: [{ old: 'a', new: 'b' }, { old: 'b', new: 'c' }] });
  });
});

describe('buildNotification with a page change', () => {
  it('says the page changed in the summary line, before the counts of the other steps', () => {
    const rollover = { old: 'a.txt', new: 'b.txt', report: edited('x', 'x'), markdown: '**page changed:** Old -> New\n', summary: 'page changed: Old -> New' };
    const one = buildNotification({ page: 'cnn', steps: [rollover] });
    expect(one.summary).toBe('cnn: page changed: Old -> New');
    expect(one.markdown).toBe('**page changed:** Old -> New\n');
    const two = buildNotification({ page: 'cnn', steps: [rollover, { old: 'b.txt', new: 'c.txt', report: edited('One two three.', 'One two four.') }] });
    expect(two.summary).toBe('cnn: page changed: Old -> New; 1 edited (body) over 3 captures');
  });
});
