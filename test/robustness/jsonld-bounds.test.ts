// JSON-LD cannot amplify nor go quadratic (issue 18): pinned by post counts and characters scanned.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseCapture } from '../../src/index.js';
import { MAX_POSTS } from '../../src/parse/adapter.js';
import { Locator, needlesFor } from '../../src/parse/json.js';
import { jsonLdAmplified, jsonLdEscaped } from './hostile.js';

describe('JSON-LD amplification', () => {
  it('one 150 KB update listed 30,000 times by @id is one post, its body parsed once', () => {
    const c = parseCapture(jsonLdAmplified(30_000, 150_000), { source: 'amp.json' });
    expect(c.posts).toHaveLength(1);
    expect(c.posts[0]!.body[0]!.text).toHaveLength(150_000);
  });

  it(`more than MAX_POSTS (${MAX_POSTS}) updates: an InputError of one line`, () => {
    const updates = Array.from({ length: MAX_POSTS + 1 }, (_, i) => ({ articleBody: `u${i}` }));
    const json = JSON.stringify({ '@type': 'LiveBlogPosting', liveBlogUpdate: updates });
    let error: unknown;
    try {
      parseCapture(json, { source: 'many.json' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^many\.json: expected .*at most 250,000 posts, found 250,001 posts$/);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('Locator', () => {
  it('finds updates written with \\u00e9 escapes without scanning for the unescaped text', () => {
    const text = jsonLdEscaped(2_000);
    const doc = JSON.parse(text) as { liveBlogUpdate: Array<{ articleBody: string }> };
    const locator = new Locator(text, 0);
    const lines = doc.liveBlogUpdate.map((u) => locator.next(needlesFor(u.articleBody.slice(0, 40))));
    expect(locator.missed).toBe(0);
    expect(lines.every((l, i) => i === 0 || l > lines[i - 1]!)).toBe(true);
    const c = parseCapture(text, { source: 'escaped.json' });
    expect(c.posts.map((p) => p.line)).toEqual(lines);
  });

  it('needles that are never found scan a bounded total: linear, not quadratic', () => {
    const text = `${'{"a": "x"},\n'.repeat(50_000)}`;
    const locator = new Locator(text, 0);
    for (let i = 0; i < 10_000; i++) locator.next([`absent needle ${i}`]);
    // Full scans stop after about MISS_SCANS (4) texts; then each search looks 64 KiB ahead at most.
    expect(locator.missed).toBeLessThanOrEqual(5 * text.length + 10_000 * 65_536);
    expect(locator.missed).toBeLessThan(10_000 * text.length);
  });
});
