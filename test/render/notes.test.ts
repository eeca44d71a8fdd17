// Page notes are data in the report (kind and numbers) and sentences in the terminal, Markdown and HTML reports.
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture, renderJson, renderMarkdown, renderTerminal } from '../../src/index.js';
import { renderHtml } from '../../src/render/html.js';
import { makeCapture, stamp, type PostSpec } from '../helpers/capture.js';

const post = (n: number, minute = 1000 - n * 10): PostSpec => ({
  time: stamp(minute),
  headline: `Story ${n}: the update number ${n}`,
  body: [`Paragraph ${n} of the story with details ${n * 13} about the day.`],
});
const page = (ns: number[]) => ns.map((n) => post(n));
const diff = (oldCount: number, old: PostSpec[], newCount: number, neu: PostSpec[]) =>
  diffCaptures(parseCapture(makeCapture({ count: oldCount, posts: old })), parseCapture(makeCapture({ count: newCount, posts: neu })));

describe('page notes', () => {
  const cases = [
    {
      report: diff(20, page([1, 2, 3]), 18, page([1, 2, 3])),
      note: { kind: 'deleted-outside-view', oldCount: 20, newCount: 18, added: 0, posts: 2 },
      text: 'the post counter (20 → 18, 0 added) implies 2 deleted posts outside the view',
    },
    {
      report: diff(20, page([1, 2, 3, 4, 5]), 19, page([1, 4, 5])),
      note: { kind: 'fewer-deletions-than-shown', oldCount: 20, newCount: 19, added: 0, implied: 1, shown: 2 },
      text: 'the post counter (20 → 19, 0 added) implies 1 deleted post, but the captures show 2 gone from between shown posts',
    },
    {
      report: diff(20, page([1, 2, 3]), 22, [post(0, 1100), ...page([1, 2, 3])]),
      note: { kind: 'added-outside-view', oldCount: 20, newCount: 22, added: 1, posts: 1 },
      text: 'the post counter grew by 2 but 1 post was added in view: 1 post added outside the view',
    },
  ];
  it.each(cases)('$note.kind: numbers in the report and the JSON, a sentence in terminal, Markdown and HTML', ({ report, note, text }) => {
    expect(report.page.notes).toEqual([note]);
    const json = JSON.parse(renderJson(report));
    expect(json.schema).toBe('livediff.diff/3');
    expect(json.page.notes).toEqual([note]);
    expect(renderTerminal(report, { color: false })).toContain(`\n    note: ${text}\n`);
    expect(renderMarkdown(report)).toContain(`\n> **Note:** ${text}\n`);
    // The HTML page once showed `[object Object]`: it wrote the note data as if it were a sentence.
    const html = renderHtml(report);
    expect(html).toContain(`<p><strong>Note:</strong> ${text}</p>`);
    // Said once: the page box holds the note and no second sentence about the same counts.
    const box = /<section class="box page-changes">.*?<\/section>/s.exec(html)?.[0] ?? '';
    expect(box.match(/<p>/g)).toHaveLength(1);
  });
});
