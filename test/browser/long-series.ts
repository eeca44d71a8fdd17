// A long series as the history renderer receives it: `captures` captures and `posts` posts, built directly
// (seeded) rather than parsed, so a test can render 2,000 × 1,000 in a moment. Texts come from the real
// captures, as bench/generate.mjs does; every fate occurs, and some posts have several versions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Field, FieldChange, History, Post, PostFate, PostHistory, PostVersion } from '../../src/model.js';
import { postKey } from '../../src/parse/post.js';
import { ROOT } from '../helpers/run.js';
import { prng } from '../../bench/prng.mjs';

const STAMP = /^\d{1,2}:\d{2} [ap]\.m\. ET, [A-Z][a-z]+ \d{1,2}, \d{4}$/;
const paragraphs: string[] = [];
const headlines: string[] = [];
for (const day of ['cnn-russia-ukraine-2023-03-21', 'cnn-russia-ukraine-2023-03-22', 'cnn-xi-putin-moscow-2023-03-20']) {
  const lines = readFileSync(join(ROOT, 'snapshots', day, 'capture-1.txt'), 'utf8').split('\n').map((l) => l.trim());
  lines.forEach((l, i) => {
    if (STAMP.test(l)) headlines.push(lines.slice(i + 1).find((x) => x !== '')!);
    else if (l.length > 80 && !l.startsWith('From ') && !l.startsWith('By ')) paragraphs.push(l);
  });
}

export function longSeries(captureCount: number, postCount: number, seed = 19): History {
  const rand = prng(seed);
  const start = Date.UTC(2026, 10, 22, 0, 0);
  // Captures every 5 minutes, with a few longer gaps (times to scale).
  let t = start;
  const captures = Array.from({ length: captureCount }, (_, i) => {
    t += (rand() < 0.02 ? 60 : 5) * 60_000;
    const iso = new Date(t).toISOString();
    return { source: `captures/${iso}.txt`, label: `${iso.slice(0, 16)}.txt`, time: iso, format: 'text', title: 'Russia-Ukraine war: live updates', updated: null, postCount: 0, posts: 30 };
  });
  const posts: PostHistory[] = [];
  for (let id = 1; id <= postCount; id++) {
    const firstSeen = Math.floor(((id - 1) / postCount) * (captureCount - 1));
    const fates: PostFate[] = ['live', 'dropped', 'out-of-view', 'reinserted'];
    const fate = fates[rand() < 0.7 ? 0 : 1 + Math.floor(rand() * 3)]!;
    const lastSeen = fate === 'live' || fate === 'reinserted' ? captureCount - 1 : Math.min(captureCount - 1, firstSeen + 1 + Math.floor(rand() * 200));
    const body = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => paragraphs[Math.floor(rand() * paragraphs.length)]!);
    const minutes = 27_000_000 + id;
    const post = (headline: string, text: string[]): Post => {
      const content = {
        time: `${(id % 12) + 1}:${String(id % 60).padStart(2, '0')} p.m. ET, November 22, 2026`,
        headline, byline: "From CNN's Staff", captions: [], body: text.map((x) => ({ kind: 'paragraph' as const, text: x, marker: '' })),
      };
      return { index: 0, line: 1, id: null, minutes, ...content, key: postKey(content) };
    };
    let headline = `${headlines[id % headlines.length]} (update ${id})`;
    const versions: PostVersion[] = [{ capture: firstSeen, post: post(headline, body), fields: [], changes: [] }];
    const edits = rand() < 0.3 ? 1 + Math.floor(rand() * 3) : 0;
    for (let k = 1; k <= edits && lastSeen > firstSeen + k; k++) {
      const capture = firstSeen + Math.floor(((lastSeen - firstSeen) * k) / (edits + 1));
      const i = Math.floor(rand() * body.length);
      const words = body[i]!.split(' ');
      const j = Math.floor(rand() * words.length);
      const changes: FieldChange[] = [];
      const fields: Field[] = ['body'];
      const before = body[i]!;
      body[i] = [...words.slice(0, j), 'reportedly', ...words.slice(j)].join(' ');
      changes.push({
        field: 'body', old: before, new: body[i]!,
        hunks: [{ op: '~', parts: [{ op: '=', text: `${words.slice(0, j).join(' ')} ` }, { op: '+', text: 'reportedly ' }, { op: '=', text: words.slice(j).join(' ') }] }],
      });
      if (k === 2) {
        const old = headline;
        headline = headline.replace('(update', ', officials say (update');
        fields.unshift('headline');
        changes.unshift({ field: 'headline', old, new: headline, hunks: [{ op: '~', parts: [{ op: '-', text: old }, { op: '+', text: headline }] }] });
      }
      versions.push({ capture, post: post(headline, [...body]), fields, changes });
    }
    posts.push({ id, firstSeen, lastSeen, origin: id <= 30 ? 'initial' : 'added', fate, versions, events: [] });
  }
  // The counter: posts first seen by each capture, less those dropped before it.
  for (const c of captures) c.postCount = 0;
  for (const p of posts) {
    const end = p.fate === 'dropped' ? p.lastSeen : captureCount - 1;
    for (let i = p.firstSeen; i <= end; i += 1) captures[i]!.postCount += 1;
  }
  // Each capture shows the newest 30 posts of the page, or all of them while there are fewer.
  for (const c of captures) c.posts = Math.min(30, c.postCount);
  return { captures, posts };
}
