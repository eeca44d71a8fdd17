#!/usr/bin/env node
// Builds the fixture pairs in test/fixtures/<case>/ from the real captures in snapshots/.
//
// Every case takes real capture text, applies a scripted change (edit a line, move or delete a post,
// add a post, add capture noise, ...) and writes old.txt, new.txt and expected.json.
// The expectations are written by hand below, per case, from the change that the case makes: the script
// only turns "post X is dropped" into indices and counts, and checks its own bookkeeping
// (every post of both sides listed once, statuses possible for where the post is, files re-parse to the
// posts the case says they hold, counters as intended). It never runs livediff.
//
// Usage: node scripts/make-fixtures.mjs [--report-order] [outDir]     (default: test/fixtures)
//   The `posts` list of expected.json is ordered by new index, then the posts only in the old capture
//   (by old index). With --report-order, posts only in the old capture are placed instead right after the
//   post that preceded them in the old capture (the order docs/json.md gives for livediff's own output).
// Plain Node ESM, no dependencies. Deterministic: running it twice gives the same bytes.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SNAP = path.join(ROOT, 'snapshots');
const ARGS = process.argv.slice(2);
const REPORT_ORDER = ARGS.includes('--report-order');
const OUT = path.resolve(ROOT, ARGS.find((a) => !a.startsWith('--')) ?? path.join('test', 'fixtures'));

const NBSP = '\u00a0';
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const TS = new RegExp(`^\\d{1,2}:\\d{2} [ap]\\.m\\. ET, (?:${MONTHS}) \\d{1,2}, \\d{4}$`);
// Looser form used only to verify written files (noise may put NBSP / trailing spaces on a timestamp line).
const TS_LOOSE = new RegExp(`^\\d{1,2}:\\d{2}[ \\u00a0][ap]\\.m\\.[ \\u00a0]ET,[ \\u00a0](?:${MONTHS})[ \\u00a0]\\d{1,2},[ \\u00a0]\\d{4}[ \\u00a0\\t]*$`);

function fail(msg) {
  throw new Error(`make-fixtures: ${msg}`);
}

// ---------------------------------------------------------------------------------------------------
// Captures as header lines + post blocks (a block = the lines from its timestamp line up to the next
// timestamp line, blank lines included; the last block of a file has no trailing blank line).

function readSnapshot(rel) {
  return fs.readFileSync(path.join(SNAP, rel), 'utf8');
}

/** Split text into { header, posts } and give the posts the tags (our names for the page's posts). */
function parse(text, tags) {
  const lines = text.split('\n');
  const starts = [];
  lines.forEach((l, i) => {
    if (TS.test(l)) starts.push(i);
  });
  if (starts.length !== tags.length) fail(`expected ${tags.length} posts, found ${starts.length}`);
  const posts = starts.map((s, k) => ({ tag: tags[k], lines: lines.slice(s, starts[k + 1] ?? lines.length) }));
  return { header: lines.slice(0, starts[0]), posts };
}

function clone(cap) {
  return { header: [...cap.header], posts: cap.posts.map((p) => ({ tag: p.tag, lines: [...p.lines] })) };
}

function render(cap) {
  const lines = [...cap.header, ...cap.posts.flatMap((p) => p.lines)];
  while (lines.length && lines[lines.length - 1] === '') lines.pop(); // real captures: no final newline
  return lines.join('\n');
}

function post(cap, tag) {
  const p = cap.posts.find((x) => x.tag === tag);
  if (!p) fail(`no post ${tag}`);
  return p;
}

/** A capture made of posts taken (by tag) from the given sources, with the header of `headerFrom`. */
function compose(headerFrom, tags, ...sources) {
  const posts = tags.map((tag) => {
    for (const s of sources) {
      const p = s.posts.find((x) => x.tag === tag);
      if (p) {
        const lines = [...p.lines];
        // a block that was last in its file gets the blank line it would have before a next post
        if (lines[lines.length - 1] !== '') lines.push('');
        return { tag, lines };
      }
    }
    return fail(`no source has post ${tag}`);
  });
  return { header: [...headerFrom.header], posts };
}

/** Like compose, but keeps each block's own ending (a block that ran into the next timestamp keeps doing so). */
function reorder(cap, tags) {
  const c = clone(cap);
  if (tags.length !== c.posts.length) fail('reorder: wrong length');
  c.posts = tags.map((t) => post(c, t));
  return c;
}

function setCounter(cap, n) {
  const i = cap.header.findIndex((l) => /^\d+ Posts$/.test(l));
  if (i < 0) fail('no counter line');
  cap.header[i] = `${n} Posts`;
}

function setUpdated(cap, when) {
  const i = cap.header.findIndex((l) => l.startsWith('Updated '));
  if (i < 0) fail('no Updated line');
  cap.header[i] = `Updated ${when}`;
}

function removeDeepLink(cap, expectedLine) {
  if (cap.header[0] !== expectedLine || cap.header[1] !== '') fail('deep-link line not where expected');
  cap.header.splice(0, 2);
}

function setTime(cap, tag, ts) {
  if (!TS.test(ts)) fail(`bad timestamp ${ts}`);
  post(cap, tag).lines[0] = ts;
}

function headlineIndex(p) {
  const i = p.lines.findIndex((l, k) => k > 0 && l.trim() !== '');
  if (i < 0) fail(`post ${p.tag} has no headline`);
  return i;
}

function setHeadline(cap, tag, headline) {
  const p = post(cap, tag);
  p.lines[headlineIndex(p)] = headline;
}

/** Replace the one line of a post that starts with `prefix` by `lines` (one or more lines, or none). */
function replaceLine(cap, tag, prefix, ...lines) {
  const p = post(cap, tag);
  const hits = p.lines.map((l, i) => (l.startsWith(prefix) ? i : -1)).filter((i) => i >= 0);
  if (hits.length !== 1) fail(`post ${tag}: ${hits.length} lines start with ${JSON.stringify(prefix)}`);
  p.lines.splice(hits[0], 1, ...lines);
}

/** Replace the one occurrence of `from` inside a post's text by `to`. */
function replaceText(cap, tag, from, to) {
  const p = post(cap, tag);
  const text = p.lines.join('\n');
  const n = text.split(from).length - 1;
  if (n !== 1) fail(`post ${tag}: ${n} occurrences of ${JSON.stringify(from)}`);
  p.lines = text.replace(from, () => to).split('\n');
}

/** Remove the paragraph (a line and the blank line after it) that starts with `prefix`. */
function removeParagraph(cap, tag, prefix) {
  const p = post(cap, tag);
  const i = p.lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0 || p.lines[i + 1] !== '') fail(`post ${tag}: no paragraph ${JSON.stringify(prefix)}`);
  p.lines.splice(i, 2);
}

function removePost(cap, tag) {
  const i = cap.posts.findIndex((p) => p.tag === tag);
  if (i < 0) fail(`no post ${tag}`);
  cap.posts.splice(i, 1);
}

// ---------------------------------------------------------------------------------------------------
// The real captures and the names we give their posts.

// March 22 page, in page order (capture-2 shows the first 9 of these 11, capture-1 the last 9):
//  p0550 5:50 a.m.  Analysis: How Xi and Putin's new friendship could test the US
//  p1207 12:07 a.m. Ukrainian troops impress US trainers ... Patriot missile system
//  p1210 12:10 a.m. White House official says Russia-China relationship is built on mutual interest ...
//  p1059 10:59 p.m. White House official emphasizes US support for Ukraine in Bakhmut ... (runs into next timestamp)
//  p0107 1:07 a.m.  Xi and and Putin express "serious concerns" about AUKUS ...
//  p0927 9:27 p.m.  White House rejects China's claim of impartiality ...
//  p1121 11:21 p.m. Catch up on what happened on day 2 ... (bullets; runs into next timestamp)
//  p0920 9:20 p.m.  Russian strike on Odesa region leaves 3 injured ...
//  p0902 9:02 p.m.  ICC prosecutor says Russia treats children like "spoils of war"
//  p0859 8:59 p.m.  Russian forces are "running out of offensive potential" ... (runs into next timestamp)
//  p0851 8:51 p.m.  US to send Patriot missile systems and tanks to Ukraine faster ...
const M22_1_TEXT = readSnapshot('cnn-russia-ukraine-2023-03-22/capture-1.txt');
const M22_2_TEXT = readSnapshot('cnn-russia-ukraine-2023-03-22/capture-2.txt');
const M22_1 = parse(M22_1_TEXT, ['p1210', 'p1059', 'p0107', 'p0927', 'p1121', 'p0920', 'p0902', 'p0859', 'p0851']);
const M22_2 = parse(M22_2_TEXT, ['p0550', 'p1207', 'p1210', 'p1059', 'p0107', 'p0927', 'p1121', 'p0920', 'p0902']);
const M22_DEEP_LINK = 'White House official says Russia-China relationship is built on mutual interest to challenge US';

// March 21 page (opened through a deep link to its first post).
const M21_TEXT = readSnapshot('cnn-russia-ukraine-2023-03-21/capture-1.txt');
const M21 = parse(M21_TEXT, ['m0831', 'm0624', 'm0830', 'm0551', 'm0455', 'm0230', 'm0155', 'm0146', 'm0159']);
const M21_DEEP_LINK = 'Kremlin says Putin and Xi had "thorough" exchange of views';

// March 20 page (35 posts, 9 shown).
const M20_TEXT = readSnapshot('cnn-xi-putin-moscow-2023-03-20/capture-1.txt');
const M20 = parse(M20_TEXT, ['t0257', 't0242', 't0225', 't0136', 't0507', 't1235', 't1220', 't1218', 't0728']);

// Shared posts are byte-identical between the two March 22 captures (apart from a block's ending).
for (const p of M22_1.posts) {
  const q = M22_2.posts.find((x) => x.tag === p.tag);
  if (q && render({ header: [], posts: [p] }) !== render({ header: [], posts: [q] })) fail(`${p.tag} differs`);
}

// ---------------------------------------------------------------------------------------------------
// Cases. Each: name, description, old, new (capture objects or raw text + the capture object they
// were parsed as), expect: { tag: {status, fields?, moved?} } for every post that is not simply
// "unchanged, not moved", page: the page-level changes (docs/json.md `page`: a part of the header that
// changed is { old, new }, else null; deletionsOutsideView = deletions the counters imply beyond the
// dropped posts), given only where something changed.

const cases = [];
const add = (c) => cases.push(c);

// 1
add({
  name: 'march22-real',
  description:
    'The real capture-1 -> capture-2 pair of March 22 (9 Posts -> 11 Posts, 9 shown each): 2 new posts on top push the 2 bottom posts out of the window; nothing dropped or edited; the deep-link line disappears.',
  old: { text: M22_1_TEXT, cap: M22_1 },
  new: { text: M22_2_TEXT, cap: M22_2 },
  expect: {
    p0550: { status: 'added' },
    p1207: { status: 'added' },
    p0859: { status: 'out-of-view' },
    p0851: { status: 'out-of-view' },
  },
  page: { postCount: { old: 9, new: 11 }, deepLink: { old: M22_DEEP_LINK, new: null } },
});

// 2
add({
  name: 'identical',
  description: 'March 22 capture-2 compared with itself: 9 posts unchanged, nothing moved, no page change.',
  old: { text: M22_2_TEXT, cap: M22_2 },
  new: { text: M22_2_TEXT, cap: M22_2 },
  expect: {},
});

// 3 noise-only
{
  const base = clone(M22_2);
  // accented words (in both sides; old is NFC, new is NFD)
  replaceText(base, 'p0550', 'pomegranate sorbet,', 'pomegranate sorbet and crème brûlée,');
  setHeadline(base, 'p0927', 'White House rejects China\'s claim of impartiality in Ukraine war following Xi-Putin tête-à-tête');
  replaceText(base, 'p1210', 'told CNN\'s Christiane Amanpour', 'told CNN\'s Christiane Amanpour, in an interview recorded at a Washington café,');
  const old = clone(base);

  const n = clone(base);
  // header: trailing spaces, a blank line before the first post
  n.header = n.header.map((l) => (l === '11 Posts' || l.startsWith('Updated ') ? `${l}  ` : l));
  n.header.push('');
  // trailing spaces on a timestamp line, a headline, a byline, a caption line (not its credit line), bullets, paragraphs
  post(n, 'p1207').lines[0] += '  ';
  { const p = post(n, 'p1210'); p.lines[headlineIndex(p)] += ' '; }
  { const p = post(n, 'p0550'); const i = p.lines.findIndex((l) => l.startsWith('Analysis from CNN')); p.lines[i] += '   '; }
  {
    const p = post(n, 'p1210');
    const cap = 'John Kirby speaks to Christiane Amanpour in an interview with CNN.';
    const i = p.lines.indexOf(cap);
    if (i < 0 || p.lines[i + 1] !== `${cap} (CNN)`) fail('noise caption');
    p.lines[i] = `${cap} `; // caption line with a trailing space, its credit line without
  }
  post(n, 'p1121').lines = post(n, 'p1121').lines.map((l) => (l.startsWith('  • ') ? `${l} ` : l));
  post(n, 'p0927').lines = post(n, 'p0927').lines.map((l, i) => (i > 3 && l !== '' ? `${l}  ` : l));
  // NBSP -> space everywhere in three posts; space -> NBSP in a timestamp, a headline and a paragraph
  for (const t of ['p0550', 'p1121', 'p0107']) post(n, t).lines = post(n, t).lines.map((l) => l.split(NBSP).join(' '));
  post(n, 'p0920').lines[0] = `9:20${NBSP}p.m. ET, March 21,${NBSP}2023`;
  replaceText(n, 'p0902', 'like "spoils of war"\n', `like${NBSP}"spoils${NBSP}of${NBSP}war"\n`);
  replaceText(n, 'p1059', 'Kirby said Ukrainians are still "bravely fighting"', `Kirby${NBSP}said Ukrainians are${NBSP}still "bravely fighting"`);
  // extra blank lines: doubled blank lines in one post, a blank line where a post ran into the next
  // timestamp, three more between two posts
  post(n, 'p0107').lines = post(n, 'p0107').lines.flatMap((l) => (l === '' ? ['', ''] : [l]));
  post(n, 'p1059').lines.push('');
  post(n, 'p0927').lines.push('', '', '');
  const newText = '\ufeff' + (render(n) + '\n\n').normalize('NFD').split('\n').join('\r\n');
  if (newText === render(old)) fail('noise did nothing');
  add({
    name: 'noise-only',
    description:
      'Capture noise only: BOM, CRLF, trailing spaces (timestamp, headline, byline, caption, bullets, paragraphs, counter), NBSP<->space swaps (incl. inside a timestamp), extra blank lines (incl. where a post ran into the next timestamp), final newlines, NFD vs NFC accented words (added to both sides): all 9 posts unchanged, no page change.',
    old: { text: render(old), cap: old },
    new: { text: newText, cap: n },
    expect: {},
  });
}

// 4
{
  const n = clone(M22_2);
  setHeadline(n, 'p0107', 'Xi and Putin express "serious concerns" about AUKUS nuclear submarine plan and NATO');
  add({
    name: 'headline-typo',
    description: 'One headline typo fixed ("Xi and and Putin" -> "Xi and Putin"), body unchanged: edited [headline], the other 8 unchanged.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p0107: { status: 'edited', fields: ['headline'] } },
  });
}

// 5
{
  const n = clone(M22_2);
  setHeadline(n, 'p0927', 'Biden aide dismisses Beijing\'s neutrality pitch as Moscow talks end');
  add({
    name: 'headline-rewritten',
    description: 'One headline rewritten with no word in common (9:27 p.m. post), time, byline and body unchanged: the same post, edited [headline].',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p0927: { status: 'edited', fields: ['headline'] } },
  });
}

// 6
{
  const n = reorder(M22_2, ['p1121', 'p0550', 'p1207', 'p1210', 'p1059', 'p0107', 'p0927', 'p0920', 'p0902']);
  setTime(n, 'p1121', '6:15 a.m. ET, March 22, 2023');
  add({
    name: 'time-updated',
    description:
      'The Catch-up post (7th) gets a later timestamp (11:21 p.m. Mar 21 -> 6:15 a.m. Mar 22) and is bumped to the top, as CNN does for updated posts: edited [time], moved; the others keep their relative order (not moved), counter unchanged.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p1121: { status: 'edited', fields: ['time'], moved: true } },
  });
}

// 7
{
  const n = clone(M22_2);
  setTime(n, 'p0920', '9:48 p.m. ET, March 21, 2023');
  setHeadline(n, 'p0920', 'Ukraine says 3 hurt as Russian missiles hit Odesa region, damaging monastery building');
  add({
    name: 'time-and-headline',
    description:
      'One post (Odesa, 8th) gets a new timestamp (9:20 -> 9:48 p.m.) and a new headline, byline and body unchanged, stays in place: edited [time, headline], not moved.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p0920: { status: 'edited', fields: ['time', 'headline'] } },
  });
}

// 8
{
  const n = clone(M22_2);
  // Odesa post: 6 paragraphs; keep the 1st and 3rd, rewrite the 2nd, remove the 4th and 5th, replace the 6th, add 2.
  replaceLine(n, 'p0920', '"Russians struck Odesa with four missiles.',
    'Ukraine\'s air force said two of the four Kh-59 guided missiles fired at the region were shot down, while the other two struck the outskirts of the city, according to a Telegram update on Tuesday evening.');
  removeParagraph(n, 'p0920', 'Yurii Kruk, head of the Odesa district');
  removeParagraph(n, 'p0920', '"Some rockets were intercepted');
  replaceLine(n, 'p0920', 'Unofficial social media reports indicate',
    'Regional officials said the injured were taken to hospital and their condition was stable. Emergency crews were clearing debris at the site late Tuesday.',
    '',
    'The monastery\'s clergy said services would continue on Wednesday despite the damage, according to local media.',
    '',
    'CNN has not been able to independently confirm the target of the strike.');
  add({
    name: 'body-heavy-edit',
    description:
      'Same time, headline and byline, but the body of the Odesa post is mostly rewritten (2 of 6 paragraphs kept, 1 rewritten, 2 removed, 1 replaced, 2 added): still the same post, edited [body].',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p0920: { status: 'edited', fields: ['body'] } },
  });
}

// 9
{
  const n = reorder(M22_2, ['p0902', 'p0550', 'p1207', 'p1210', 'p1059', 'p0107', 'p0927', 'p1121', 'p0920']);
  add({
    name: 'pinned',
    description:
      'The oldest shown post (ICC, 9:02 p.m., last) is pinned to the top, text and time untouched: unchanged + moved (it now runs straight into the next timestamp, a capture quirk, not an edit); only it moved.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p0902: { status: 'unchanged', moved: true } },
  });
}

// 10
{
  const n = reorder(M22_2, ['p0550', 'p1207', 'p1121', 'p1059', 'p0107', 'p0927', 'p1210', 'p0920', 'p0902']);
  add({
    name: 'reordered',
    description:
      'Two non-adjacent posts swapped (3rd 12:10 a.m. <-> 7th 11:21 p.m., three posts between them): both unchanged + moved; the posts between keep their order (a minimal reading moves exactly those two).',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p1210: { status: 'unchanged', moved: true }, p1121: { status: 'unchanged', moved: true } },
  });
}

// 11
{
  const base = clone(M22_2);
  setTime(base, 'p0902', '9:20 p.m. ET, March 21, 2023'); // ICC post now shares the Odesa post's minute, on both sides
  const n = clone(base);
  setHeadline(n, 'p0920', 'Russian missiles hit Odesa region, injuring 3, Ukrainian official says');
  add({
    name: 'same-minute',
    description:
      'Two different adjacent posts share the timestamp 9:20 p.m. (Odesa and ICC) in both captures; the Odesa one gets a new headline: Odesa edited [headline], ICC unchanged (no cross-pairing by time).',
    old: { cap: base },
    new: { cap: n },
    expect: { p0920: { status: 'edited', fields: ['headline'] } },
  });
}

// 12
{
  const base = clone(M22_2);
  // The 10:59 p.m. post gets the 12:10 a.m. post's headline on both sides: same headline, same byline
  // (both "From CNN's Jennifer Z Deaton"), different times and bodies.
  setHeadline(base, 'p1059', M22_DEEP_LINK);
  const n = clone(base);
  replaceLine(n, 'p1059', '"We have got to make sure',
    '"We have got to make sure that we are doing everything we can to make sure Ukraine is ready for that fight," he said, adding that more security assistance would be announced in the coming days.');
  add({
    name: 'duplicate-headline',
    description:
      'Two posts (12:10 a.m. and 10:59 p.m., same byline) carry the same headline in both captures; the 10:59 p.m. one gets a body edit: it is edited [body], the other unchanged; no swap of partners, no move.',
    old: { cap: base },
    new: { cap: n },
    expect: { p1059: { status: 'edited', fields: ['body'] } },
  });
}

// 13
{
  // NZ post from the March 21 page, republished here as an unrelated post with the deleted post's timestamp.
  const nz = clone(M21);
  nz.posts = nz.posts.filter((p) => p.tag === 'm0155');
  nz.posts[0].tag = 'x0927';
  setTime(nz, 'x0927', '9:27 p.m. ET, March 21, 2023');
  const n = clone(M22_2);
  const i = n.posts.findIndex((p) => p.tag === 'p0927');
  n.posts.splice(i, 1, nz.posts[0]);
  add({
    name: 'delete-and-replace',
    description:
      'The 9:27 p.m. post (White House rejects ...) is deleted and an unrelated post (New Zealand national killed ...) appears in its place with the same timestamp; counter stays 11 (1 deleted, 1 added): one dropped, one added, never edited; it sits between shared posts, so added, not into-view.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p0927: { status: 'dropped' }, x0927: { status: 'added' } },
  });
}

// 14
{
  const n = compose(M22_2, ['p0550', 'p1207', 'p1210', 'p1059', 'p0107', 'p1121', 'p0920', 'p0902', 'p0859'], M22_2, M22_1);
  setCounter(n, 10);
  add({
    name: 'deleted-middle',
    description:
      'Old = capture-2 (9 shown of 11). The 6th post (9:27 p.m.) is deleted from the page: counter 11 -> 10, the window of 9 now reaches the next older post (8:59 p.m., from capture-1): 9:27 dropped (gone from between shown posts), 8:59 into-view (old post, not new: 11 - 1 deleted + 0 added = 10), 8 unchanged.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p0927: { status: 'dropped' }, p0859: { status: 'into-view' } },
    page: { postCount: { old: 11, new: 10 } },
  });
}

// 15
{
  const n = compose(M22_2, ['p1210', 'p1059', 'p0107', 'p0927', 'p1121', 'p0920', 'p0902', 'p0859', 'p0851'], M22_2, M22_1);
  setCounter(n, 9);
  add({
    name: 'window-shift',
    description:
      'Old = capture-2 (9 shown of 11); new = the page after its 2 top posts (5:50, 12:07 a.m.) were deleted: counter 11 -> 9 and the new capture shows all 9, so it is the whole page and nothing can be outside its window: the 2 missing top posts are dropped; 11 - 2 dropped = 9 leaves no room for a new post, so the 2 posts appearing at the bottom (8:59, 8:51 p.m., older than everything shared) are into-view; 7 unchanged.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: {
      p0550: { status: 'dropped' },
      p1207: { status: 'dropped' },
      p0859: { status: 'into-view' },
      p0851: { status: 'into-view' },
    },
    page: { postCount: { old: 11, new: 9 } },
  });
}

// 16
{
  const n = clone(M21);
  removeDeepLink(n, M21_DEEP_LINK);
  setUpdated(n, '1:15 a.m. ET, March 22, 2023');
  add({
    name: 'deep-link',
    description:
      'March 21 capture (opened through a deep link) vs the same page without the deep-link line and with a later Updated time: page-level changes only, all 9 posts unchanged (the first post is not "moved" or "edited" because the header line naming it went away).',
    old: { text: M21_TEXT, cap: M21 },
    new: { cap: n },
    expect: {},
    page: {
      deepLink: { old: M21_DEEP_LINK, new: null },
      updated: { old: '12:05 a.m. ET, March 22, 2023', new: '1:15 a.m. ET, March 22, 2023' },
    },
  });
}

// 17
{
  const n = clone(M22_2);
  replaceLine(n, 'p1207', 'From CNN', 'From CNN\'s Natasha Bertrand, Aileen Graef and Haley Britzky in Fort Sill, Oklahoma');
  replaceText(n, 'p0107',
    'Russian President Vladimir Putin meets with Chinese leader Xi Jinping at the Kremlin in Moscow on Tuesday.\nRussian President Vladimir Putin meets with Chinese leader Xi Jinping at the Kremlin in Moscow on Tuesday. (Pavel Byrkin/Sputnik/AFP/Getty Images)',
    'Russian President Vladimir Putin and Chinese leader Xi Jinping shake hands during talks at the Kremlin in Moscow on Tuesday, March 21.\nRussian President Vladimir Putin and Chinese leader Xi Jinping shake hands during talks at the Kremlin in Moscow on Tuesday, March 21. (Pavel Byrkin/Sputnik/AFP/Getty Images)');
  add({
    name: 'byline-and-caption',
    description:
      'Byline of the 12:07 a.m. post changed (a third reporter added) and the image caption of the 1:07 a.m. post reworded (both caption lines, same credit): edited [byline] and edited [captions].',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: {
      p1207: { status: 'edited', fields: ['byline'] },
      p0107: { status: 'edited', fields: ['captions'] },
    },
  });
}

// 18
{
  const n = clone(M22_2);
  replaceText(n, 'p1121', `  • A likely aid request: NATO has "seen some signs" that Russia has${NBSP}likely requested`,
    '  • A possible aid request: NATO has "seen some signs" that Russia may have requested');
  replaceText(n, 'p1121', 'according to two US officials.',
    'according to two US officials.\n  • Kishida in Kyiv: Japanese Prime Minister Fumio Kishida met Ukrainian President Volodymyr Zelensky in Kyiv on Tuesday, the first visit by a Japanese leader to a country at war since World War II.');
  add({
    name: 'bullets',
    description:
      'Catch-up post: one bullet reworded and one bullet added at its end (the post still runs straight into the next timestamp): edited [body]; the next post is unchanged.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p1121: { status: 'edited', fields: ['body'] } },
  });
}

// 19
{
  const n = clone(M22_2);
  replaceText(n, 'p1059', 'ready as best they can be before these critical weeks and months ahead.”',
    'ready as best they can be before the critical weeks and months ahead,” he added.');
  const p = post(n, 'p1059');
  if (p.lines[p.lines.length - 1] === '') fail('p1059 should run into the next timestamp');
  add({
    name: 'paragraph-no-blank-line',
    description:
      'The 10:59 p.m. post runs straight into the next timestamp (no blank line, as in the real capture); its last line is edited: 10:59 edited [body], the following 1:07 a.m. post unchanged.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p1059: { status: 'edited', fields: ['body'] } },
  });
}

// 20
add({
  name: 'different-pages',
  description:
    'March 20 capture vs March 21 capture: different live pages (different titles, no post in common): the tool refuses with exit 2 unless --force.',
  old: { text: M20_TEXT, cap: M20 },
  new: { text: M21_TEXT, cap: M21 },
  differentPages: true,
});

// Extra cases

// 21
{
  const n = compose(M22_2, ['p0550', 'p1207', 'p1210', 'p1059', 'p0107', 'p0927', 'p1121', 'p0920', 'p0859'], M22_2, M22_1);
  setCounter(n, 10);
  add({
    name: 'deleted-at-edge',
    description:
      'Old = capture-2 (9 of 11); the last shown post (ICC, 9:02 p.m.) is deleted: counter 11 -> 10 and the window reaches 8:59 p.m. A post below it (8:59) is now shown, so 9:02 cannot have merely left the window at the bottom, and the counter fell by one with nothing added: 9:02 dropped, 8:59 into-view, 8 unchanged.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p0902: { status: 'dropped' }, p0859: { status: 'into-view' } },
    page: { postCount: { old: 11, new: 10 } },
  });
}

// 22
{
  const n = reorder(M22_2, ['p0902', 'p0550', 'p1207', 'p1210', 'p1059', 'p0107', 'p0927', 'p1121', 'p0920']);
  replaceText(n, 'p0902', 'He said the ICC has reached out to Russia, but has not heard back.',
    'He said the ICC has reached out to Russia, but has not heard back.\n\nUpdate: Russia\'s Investigative Committee said Monday it had opened a criminal case against Khan and the judges who issued the warrants.');
  add({
    name: 'pinned-and-edited',
    description:
      'The ICC post (last) is pinned to the top and gets a paragraph appended, time unchanged: edited [body] + moved; the others unchanged, not moved.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: { p0902: { status: 'edited', fields: ['body'], moved: true } },
  });
}

// 23
{
  const n = clone(M22_2);
  setCounter(n, 10);
  add({
    name: 'counter-only-down',
    description:
      'Old = capture-2 (9 shown of 11); new = the same 9 posts with the counter at 10: a post was deleted outside the window (below it); nothing shown is dropped: 9 unchanged, one deletion outside the view (page level), exit 1.',
    old: { cap: M22_2 },
    new: { cap: n },
    expect: {},
    page: { postCount: { old: 11, new: 10 }, deletionsOutsideView: 1 },
  });
}

// 24
add({
  name: 'march22-reversed',
  description:
    'The real pair backwards (capture-2 -> capture-1, 11 Posts -> 9 Posts, deep-link line appears): the newer side shows all 9 of its 9 posts, so the 2 posts missing from its top are dropped, and 11 - 2 = 9 leaves no new post, so the 2 older posts at its bottom are into-view; 7 unchanged.',
  old: { text: M22_2_TEXT, cap: M22_2 },
  new: { text: M22_1_TEXT, cap: M22_1 },
  expect: {
    p0550: { status: 'dropped' },
    p1207: { status: 'dropped' },
    p0859: { status: 'into-view' },
    p0851: { status: 'into-view' },
  },
  page: { postCount: { old: 11, new: 9 }, deepLink: { old: null, new: M22_DEEP_LINK } },
});

// ---------------------------------------------------------------------------------------------------
// Expected results from the hand-written statuses, with checks of the bookkeeping.

const STATUSES = ['added', 'dropped', 'edited', 'out-of-view', 'into-view', 'unchanged'];
const FIELDS = ['time', 'headline', 'byline', 'captions', 'body'];

/** Posts that a minimal reading moves: shared posts not in a longest common subsequence (for a check only). */
function minimalMoves(oldTags, newTags) {
  const shared = newTags.filter((t) => oldTags.includes(t));
  const seq = shared.map((t) => oldTags.indexOf(t));
  const best = seq.map(() => 1);
  const prev = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++)
    for (let j = 0; j < i; j++)
      if (seq[j] < seq[i] && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        prev[i] = j;
      }
  const maxLen = Math.max(0, ...best);
  const ties = best.filter((b) => b === maxLen).length;
  let k = best.indexOf(maxLen);
  const keep = new Set();
  while (k >= 0) {
    keep.add(shared[k]);
    k = prev[k];
  }
  return { moved: shared.filter((t) => !keep.has(t)), ties };
}

function expected(c) {
  const oldTags = c.old.cap.posts.map((p) => p.tag);
  const newTags = c.new.cap.posts.map((p) => p.tag);
  if (new Set(oldTags).size !== oldTags.length || new Set(newTags).size !== newTags.length) fail(`${c.name}: duplicate tags`);
  if (c.differentPages) {
    if (oldTags.some((t) => newTags.includes(t))) fail(`${c.name}: different pages share posts`);
    return { description: c.description, exit: 2, differentPages: true };
  }
  for (const t of Object.keys(c.expect)) if (!oldTags.includes(t) && !newTags.includes(t)) fail(`${c.name}: unknown tag ${t}`);
  const entry = (tag) => {
    const e = c.expect[tag] ?? { status: 'unchanged' };
    const inOld = oldTags.includes(tag);
    const inNew = newTags.includes(tag);
    if (!STATUSES.includes(e.status)) fail(`${c.name}/${tag}: bad status`);
    const allowed = inOld && inNew ? ['edited', 'unchanged'] : inNew ? ['added', 'into-view'] : ['dropped', 'out-of-view'];
    if (!allowed.includes(e.status)) fail(`${c.name}/${tag}: ${e.status} impossible for a post ${inOld ? 'old' : ''}${inNew ? 'new' : ''}`);
    const fields = e.fields ?? [];
    if ((e.status === 'edited') !== fields.length > 0) fail(`${c.name}/${tag}: fields vs status`);
    if (fields.some((f) => !FIELDS.includes(f)) || fields.join() !== FIELDS.filter((f) => fields.includes(f)).join())
      fail(`${c.name}/${tag}: fields not in order`);
    if (e.moved && !(inOld && inNew)) fail(`${c.name}/${tag}: only matched posts can move`);
    return {
      status: e.status,
      old: inOld ? oldTags.indexOf(tag) : null,
      new: inNew ? newTags.indexOf(tag) : null,
      moved: Boolean(e.moved),
      fields,
    };
  };
  let posts = [...newTags.map(entry), ...oldTags.filter((t) => !newTags.includes(t)).map(entry)];
  if (REPORT_ORDER) {
    const out = newTags.map(entry);
    const key = (p) => (p.new !== null ? `n${p.new}` : `o${p.old}`);
    const tagOf = (p) => (p.new !== null ? newTags[p.new] : oldTags[p.old]);
    oldTags.forEach((t, i) => {
      if (newTags.includes(t)) return;
      const e = entry(t);
      const pred = i > 0 ? oldTags[i - 1] : null;
      const at = pred === null ? -1 : out.findIndex((p) => tagOf(p) === pred);
      out.splice(at + 1, 0, e);
    });
    if (out.map(key).sort().join() !== posts.map(key).sort().join()) fail(`${c.name}: report order lost posts`);
    posts = out;
  }

  // Cross-check the hand-written moves against a minimal reading of the order of matched posts.
  const handMoved = posts.filter((p) => p.moved).map((p) => (p.new !== null ? newTags[p.new] : null));
  const matched = new Set(posts.filter((p) => p.old !== null && p.new !== null).map((p) => oldTags[p.old]));
  const mm = minimalMoves(oldTags.filter((t) => matched.has(t)), newTags.filter((t) => matched.has(t)));
  if (mm.ties > 1 || mm.moved.slice().sort().join() !== handMoved.slice().sort().join())
    fail(`${c.name}: moves ${handMoved} differ from the minimal reading ${mm.moved} (ties ${mm.ties})`);

  const summary = { added: 0, dropped: 0, edited: 0, 'out-of-view': 0, 'into-view': 0, unchanged: 0, moved: 0 };
  for (const p of posts) {
    summary[p.status]++;
    if (p.moved) summary.moved++;
  }
  if (posts.length !== new Set([...oldTags, ...newTags]).size) fail(`${c.name}: not every post listed once`);
  const page = { title: null, updated: null, postCount: null, bylines: null, deepLink: null, deletionsOutsideView: 0, ...c.page };
  const changed = posts.some((p) => p.status !== 'unchanged' || p.moved) ||
    Object.values(page).some((v) => v !== null && v !== 0);
  return { description: c.description, exit: changed ? 1 : 0, summary, posts, page };
}

// Verify a written file: its timestamp lines are the posts the case says, and its counter.
function verifyFile(c, side, text) {
  const cap = c[side].cap;
  const body = text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n').normalize('NFC');
  const ts = body.split('\n').filter((l) => TS_LOOSE.test(l));
  if (ts.length !== cap.posts.length) fail(`${c.name}/${side}: ${ts.length} timestamp lines, ${cap.posts.length} posts intended`);
  const norm = (s) => s.replace(/[\u00a0 ]+/g, ' ').trim();
  cap.posts.forEach((p, i) => {
    if (norm(ts[i]) !== norm(p.lines[0])) fail(`${c.name}/${side}: post ${i} timestamp ${ts[i]} != ${p.lines[0]}`);
  });
  const counters = body.split('\n').filter((l) => /^\d+ Posts\s*$/.test(l));
  if (counters.length !== 1) fail(`${c.name}/${side}: ${counters.length} counter lines`);
  const n = Number(counters[0].trim().split(' ')[0]);
  if (n < cap.posts.length) fail(`${c.name}/${side}: counter ${n} < ${cap.posts.length} shown`);
  if (body.endsWith('\n') && c.name !== 'noise-only') fail(`${c.name}/${side}: final newline`);
  return n;
}

fs.mkdirSync(OUT, { recursive: true });
const readme = [
  '# Fixture pairs',
  '',
  'Built by `node scripts/make-fixtures.mjs` from the real captures in `snapshots/`; do not edit by hand.',
  'Each folder holds `old.txt`, `new.txt` and `expected.json` (hand-derived from the scripted change: every',
  'post of both sides exactly once, ordered by new index, then old-only posts; `old`/`new` are 0-based post',
  'indices; `exit` is the exit status livediff should give with default options; `page` the page-level',
  'changes as in docs/json.md). Post names in the script: `pHHMM` for the March 22 page, `mHHMM` March 21,',
  '`tHHMM` March 20.',
  '',
];
for (const c of cases) {
  const oldText = c.old.text ?? render(c.old.cap);
  const newText = c.new.text ?? render(c.new.cap);
  if (c.old.text !== undefined && c.old.text !== render(c.old.cap) && c.name !== 'noise-only') fail(`${c.name}: old text/cap mismatch`);
  const exp = expected(c);
  const nOld = verifyFile(c, 'old', oldText);
  const nNew = verifyFile(c, 'new', newText);
  if (!c.differentPages) {
    const pc = exp.page.postCount;
    if ((nOld !== nNew) !== (pc !== null) || (pc && (pc.old !== nOld || pc.new !== nNew))) fail(`${c.name}: page.postCount`);
    // Consistency of the counter with the statuses (cases are built so that the counter tells the truth).
    const s = exp.summary;
    if (nNew - nOld !== s.added - s.dropped - exp.page.deletionsOutsideView)
      fail(`${c.name}: counter ${nOld} -> ${nNew} vs +${s.added} -${s.dropped} -${exp.page.deletionsOutsideView} outside the view`);
  }
  const dir = path.join(OUT, c.name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'old.txt'), oldText);
  fs.writeFileSync(path.join(dir, 'new.txt'), newText);
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(exp, null, 2) + '\n');
  readme.push(`- \`${c.name}\`: ${c.description}`);
  const s = exp.summary;
  console.log(c.name.padEnd(26), c.differentPages ? 'differentPages' : Object.entries(s).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', '));
}
fs.writeFileSync(path.join(OUT, 'README.md'), readme.join('\n') + '\n');
