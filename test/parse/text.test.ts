// The text adapter on the real captures and on each quirk the snapshots README lists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, parseCapture } from '../../src/index.js';
import { makeCapture } from '../helpers/capture.js';
import { ROOT } from '../helpers/run.js';

const read = (rel: string) => parseCapture(readFileSync(join(ROOT, 'snapshots', rel)), { source: rel });

describe('text captures: the real snapshots', () => {
  it('reads the header of a capture opened through a deep link', () => {
    const c = read('cnn-russia-ukraine-2023-03-22/capture-1.txt');
    expect(c.page).toEqual({
      deepLink: 'White House official says Russia-China relationship is built on mutual interest to challenge US',
      title: 'March 22, 2023 - Russia-Ukraine news',
      bylines: ['By Tara Subramaniam, Joshua Berlinger, Aditi Sangal, Mike Hayes, Elise Hammond and Tori Powell, CNN'],
      updated: '12:44 a.m. ET, March 23, 2023',
      updatedMinutes: Date.UTC(2023, 2, 23, 0, 44) / 60000,
      postCount: 9,
    });
    expect(c.posts.map((p) => p.time)).toEqual([
      '12:10 a.m. ET, March 22, 2023',
      '10:59 p.m. ET, March 21, 2023',
      '1:07 a.m. ET, March 22, 2023',
      '9:27 p.m. ET, March 21, 2023',
      '11:21 p.m. ET, March 21, 2023',
      '9:20 p.m. ET, March 21, 2023',
      '9:02 p.m. ET, March 21, 2023',
      '8:59 p.m. ET, March 21, 2023',
      '8:51 p.m. ET, March 21, 2023',
    ]);
  });

  it('reads a header without deep link', () => {
    const c = read('cnn-russia-ukraine-2023-03-22/capture-2.txt');
    expect(c.page.deepLink).toBeNull();
    expect(c.page.postCount).toBe(11);
    expect(c.posts).toHaveLength(9);
  });

  it('reads headline, byline, captions with credits, paragraphs and bullets', () => {
    const c = read('cnn-russia-ukraine-2023-03-22/capture-1.txt');
    const first = c.posts[0]!;
    expect(first.headline).toBe('White House official says Russia-China relationship is built on mutual interest to challenge US');
    expect(first.byline).toBe("From CNN's Jennifer Z Deaton");
    expect(first.captions).toEqual([
      { text: 'John Kirby speaks to Christiane Amanpour in an interview with CNN.', credit: 'CNN' },
    ]);
    // NBSPs inside and at the end of lines are plain spaces, trimmed.
    expect(first.body[0]!.text).toMatch(/^The deepening relationship between China and Russia .* Tuesday\.$/);
    const catchUp = c.posts[4]!;
    expect(catchUp.body.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'bullet', 'bullet', 'bullet', 'bullet', 'bullet', 'bullet']);
    expect(catchUp.body[2]!.text).toMatch(/^The China-Russia partnership: Putin called Xi/);
  });

  it('ends a post that runs straight into the next timestamp, and reads a file with no final newline', () => {
    const c = read('cnn-russia-ukraine-2023-03-22/capture-1.txt');
    expect(c.posts[1]!.body.at(-1)!.text).toMatch(/before these critical weeks and months ahead\.”$/);
    expect(c.posts[2]!.headline).toBe('Xi and and Putin express "serious concerns" about AUKUS nuclear submarine plan and NATO');
    expect(c.posts[8]!.body.at(-1)!.text).toBe('Read more here.');
  });

  it('keeps curly quotes, and reads a post without byline', () => {
    const c = read('cnn-xi-putin-moscow-2023-03-20/capture-1.txt');
    expect(c.posts[0]!.byline).toBeNull();
    expect(c.posts[0]!.body).toHaveLength(6);
    expect(read('cnn-russia-ukraine-2023-03-21/capture-1.txt').posts[0]!.byline).toBe('From CNN’s Anna Chernova');
    expect(c.page.postCount).toBe(35);
  });

  it('reads numbered items and analysis bylines', () => {
    const text = makeCapture({
      posts: [{ time: '5:50 a.m. ET, March 22, 2023', headline: 'H', byline: "Analysis from CNN's Stephen Collinson", body: ['Intro:', '  1. one', '  2. two'] }],
    });
    const post = parseCapture(text).posts[0]!;
    expect(post.byline).toBe("Analysis from CNN's Stephen Collinson");
    expect(post.body).toEqual([
      { kind: 'paragraph', marker: '', text: 'Intro:' },
      { kind: 'numbered', marker: '1.', text: 'one' },
      { kind: 'numbered', marker: '2.', text: 'two' },
    ]);
  });

  it('reads posts with no header', () => {
    const c = parseCapture('5:50 a.m. ET, March 22, 2023\n\nHeadline\n\nBody text.');
    expect(c.page.title).toBeNull();
    expect(c.posts[0]!.headline).toBe('Headline');
  });

  it('refuses text that is not a capture, naming what it found', () => {
    expect(() => parseCapture('<html><body>404 Not Found</body></html>', { source: 'page.txt' })).toThrowError(
      /^page\.txt: expected a live page: an HTML page with post elements .*, found an HTML page with no such element$/,
    );
    expect(() => parseCapture('Not found\n\nThe page you asked for does not exist.', { source: 'p.txt' })).toThrowError(
      /^p\.txt: expected a live-page capture .* found "Not found" on line 1/,
    );
    expect(() => parseCapture('Title\n\nUpdated 1:00 a.m. ET, March 22, 2023\n9 Posts\n', { source: 'h.txt' })).toThrowError(
      /found a page header but no post$/,
    );
    expect(() => parseCapture('   \n\n', { source: 'w.txt' })).toThrow(InputError);
  });
});
