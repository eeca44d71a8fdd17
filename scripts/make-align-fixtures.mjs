// Writes test/fixtures-align/*/old.*, new.* (invented text) for the alignment phenomena of issue 21.
// expected.json and README.md in that folder are written by hand. Run: node scripts/make-align-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', 'test', 'fixtures-align');

function stamp(minuteOfDay, day = 22) {
  const h24 = Math.floor(minuteOfDay / 60) % 24;
  const m = minuteOfDay % 60;
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h12}:${String(m).padStart(2, '0')} ${h24 < 12 ? 'a' : 'p'}.m. ET, March ${day}, 2023`;
}

function textCapture({ title = 'March 22, 2023 - Test live page', count, posts }) {
  const header = [title, '', 'By Test Author, CNN', 'Updated 11:59 p.m. ET, March 22, 2023'];
  if (count !== null) header.push(`${count ?? posts.length} Posts`);
  header.push('Sort byDropdown arrow');
  const body = posts.map((p) => [stamp(p.t), '', p.h, '', ...p.body.flatMap((b) => [b, ''])].join('\n'));
  return `${header.join('\n')}\n${body.join('\n').trimEnd()}\n`;
}

function write(name, files) {
  const dir = join(ROOT, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), typeof text === 'string' ? text : `${JSON.stringify(text, null, 2)}\n`);
}

// Shared text posts: a newest-first page of invented stories, minute of day `t`.
const TEXTS = [
  ['Harbour fire contained overnight', 'Crews kept the blaze away from fuel tanks until dawn.'],
  ['Council approves cycle lanes', 'Councillors voted narrowly for protected routes downtown.'],
  ['Railway strike called off', 'Unions accepted a revised pay offer late on Tuesday.'],
  ['Museum reopens east wing', 'Restored tapestries return after three years of conservation.'],
  ['Bridge closed for inspection', 'Engineers found cracks in a support beam during routine checks.'],
  ['Festival lineup announced', 'Organisers promise forty bands across four stages in July.'],
  ['Airport expansion delayed', 'Planners want another environmental review before building.'],
  ['Stadium roof plans unveiled', 'Architects showed a retractable design to supporters.'],
];
const story = (n, t) => ({ t, h: TEXTS[n % 8][0], body: [TEXTS[n % 8][1]] });
const stories = (ns) => ns.map((n) => story(n, 600 + n * 10));

// 1. Chinese flash news without ids: item A is deleted and D, unrelated, published with the same prefix.
const flash = (time, text) => ({ published: `2026-11-30T${time}:00+08:00`, content: text });
const A = flash('09:10', '【快讯】央行宣布下调存款准备金率零点五个百分点，释放长期资金约一万亿元。');
const B = flash('09:05', '【市场】沪深两市早盘高开，新能源汽车板块领涨，成交额较昨日放大。');
const C = flash('09:00', '【公司】某航空公司公布十一月客运数据，旅客运输量同比增长百分之十二。');
const D = flash('09:20', '【快讯】央行行长表示将继续实施稳健的货币政策，保持流动性合理充裕。');
write('cjk-flash', { 'old.json': [A, B, C], 'new.json': [D, B, C] });

// 2. An ascending ticker feed (oldest first, ids): two new events appended, the two oldest leave the feed's window.
const tick = (id, minute, title, text) => ({ id, minute, published: `2026-11-22T15:${String(minute).padStart(2, '0')}:00Z`, title, text });
const ticks = [
  tick(101, 2, 'Kick-off', 'We are under way in the rain.'),
  tick(102, 9, 'Chance', 'A shot from the edge of the box goes just wide.'),
  tick(103, 17, 'Yellow card', 'A late tackle in midfield earns a booking.'),
  tick(104, 24, 'Save', 'The goalkeeper tips a curling free kick over the bar.'),
  tick(105, 31, 'Goal!', 'A header from a corner makes it 1-0.'),
  tick(106, 38, 'Substitution', 'An injured winger is replaced.'),
  tick(107, 44, 'Half-time', 'One goal separates the sides at the break.'),
];
write('ticker-ascending', { 'old.json': { title: 'Live: Rovers v Albion', posts: ticks.slice(0, 5) }, 'new.json': { title: 'Live: Rovers v Albion', posts: ticks.slice(2, 7) } });

// 3. A text capture toggled to oldest first: the whole page (6, then 7 posts), one post added.
write('toggled-oldest-first', {
  'old.txt': textCapture({ posts: stories([6, 5, 4, 3, 2, 1]) }),
  'new.txt': textCapture({ posts: stories([1, 2, 3, 4, 5, 6, 7]) }),
});

// 4. A ticker placeholder ("58'", "Goal!") overwritten a minute later by the full description (no ids).
const place = (minute, title, text) => ({ published: `2026-11-22T16:${String(minute).padStart(2, '0')}:00Z`, title, text });
const before = [place(57, "57'", 'Corner to the visitors, cleared at the near post.'), place(55, "55'", 'A long ball forward is collected by the keeper.'), place(52, "52'", 'Free kick in a promising position, wasted.')];
write('placeholder-overwritten', {
  'old.json': { posts: [place(60, "60'", 'Substitution for the home side.'), place(58, "58'", 'Goal!'), ...before] },
  'new.json': { posts: [place(60, "60'", 'Substitution for the home side.'), place(59, "58'", 'Okafor completes his hat-trick, sweeping in low at the far post.'), ...before] },
});

// 5. A headline-only item rewritten under the same time; it shares one rare word (a name) and nothing else.
const heads = (h) => [
  { t: 900, h: 'Storm warning issued for the coast tonight', body: [] },
  { t: 880, h, body: [] },
  { t: 860, h: 'Train services resume after signal failure', body: [] },
];
write('headline-rewritten-same-time', {
  'old.txt': textCapture({ posts: heads('Lagarde announces surprise hike') }),
  'new.txt': textCapture({ posts: heads("Central bank's Lagarde defends a quarter-point rise, says more may follow") }),
});

// 6. A ranked list (most read): not in time order; one story falls out, another rises in.
const ranked = (items) => ({ title: 'Most read', items: items.map(([id, time, title]) => ({ id, published: `2026-11-30T${time}:00Z`, title, summary: `Summary of ${title.toLowerCase()}.` })) });
const R = { a: ['a', '07:00', 'Harbour fire'], b: ['b', '11:00', 'Council vote'], c: ['c', '05:00', 'Railway strike'], d: ['d', '10:00', 'Museum theft'], e: ['e', '06:00', 'Bridge closure'], f: ['f', '12:00', 'Festival lineup'], g: ['g', '08:00', 'Airport delays'], h: ['h', '09:30', 'Stadium plans'] };
write('ranked-list', {
  'old.json': ranked([R.a, R.b, R.c, R.d, R.e, R.f, R.g]),
  'new.json': ranked([R.c, R.a, R.b, R.h, R.e, R.f, R.g]),
});

// 7. No post in common, times known: every new post is newer than everything the old capture shows.
write('no-common-newer', {
  'old.txt': textCapture({ count: null, posts: stories([3, 2, 1]) }),
  'new.txt': textCapture({ count: null, posts: stories([6, 5, 4]) }),
});

// 8. A post deleted and an unrelated one published at the same time in its place: dropped + added.
const replaced = stories([5, 4, 3, 2, 1]);
replaced[2] = { t: replaced[2].t, h: 'Volunteers plant trees along the river path', body: ['Dozens of residents joined the planting on Saturday morning.'] };
write('deleted-and-unrelated-same-time', {
  'old.txt': textCapture({ posts: stories([5, 4, 3, 2, 1]) }),
  'new.txt': textCapture({ posts: replaced }),
});

// 9. Thresholds: a rewrite in place too far apart in time (maxRewriteMinutes), and one with a minute mark
// at the same time (rewriteConfidentScore: shown without a question mark).
const top = { published: '2026-11-22T17:30:00Z', title: "75'", text: 'Substitution for the home side.' };
write('rewrite-too-late', {
  'old.json': { posts: [top, place(58, "58'", 'Goal!'), ...before] },
  'new.json': { posts: [top, { ...place(0, "58'", 'Okafor completes his hat-trick, sweeping in low at the far post.'), published: '2026-11-22T17:10:00Z' }, ...before] },
});
write('rewrite-confident', {
  'old.json': { posts: [place(60, "60'", 'Substitution for the home side.'), place(58, "58'", 'Goal! Okafor scores.'), ...before] },
  'new.json': { posts: [place(60, "60'", 'Substitution for the home side.'), place(59, "58'", 'Okafor completes his hat-trick, sweeping in low at the far post after a quick break.'), ...before] },
});
// minRewriteScore: no times at all, one shared rare word: slot and content alone (0.45) are not enough.
const untimed = (title, text) => ({ title, text });
write('rewrite-below-score', {
  'old.json': { posts: [untimed('Weather', 'Sunny spells expected.'), untimed('Transport', 'Okafor reportedly signs today.'), untimed('Markets', 'Shares flat at the open.')] },
  'new.json': { posts: [untimed('Weather', 'Sunny spells expected.'), untimed('Football', 'Okafor joins on a four-year deal.'), untimed('Markets', 'Shares flat at the open.')] },
});

// 10. Two posts merged into one: the later one takes the earlier one's paragraph, word for word, under a
// new headline. The absorbed post is `merged` into it, not dropped: its text is still on the page.
const merging = stories([5, 4, 3, 2, 1]);
const mergedInto = { ...merging[1], h: 'Bridge closed for inspection; museum wing reopens', body: [...merging[1].body, ...merging[2].body] };
write('merged-posts', {
  'old.txt': textCapture({ posts: merging }),
  'new.txt': textCapture({ posts: [merging[0], mergedInto, merging[3], merging[4]] }),
});
// Not merges: a deleted post whose paragraph another post quoted already (the quote proves nothing), and a
// deleted post of two paragraphs of which another post took only one. Both stay dropped.
const quoting = { ...merging[1], body: [...merging[1].body, ...merging[2].body] };
write('quoted-then-deleted', {
  'old.txt': textCapture({ posts: [merging[0], quoting, merging[2], merging[3], merging[4]] }),
  'new.txt': textCapture({ posts: [merging[0], quoting, merging[3], merging[4]] }),
});
const twoParagraphs = { ...merging[2], body: [...merging[2].body, 'Visitors can book free tickets online from Monday for the first month.'] };
write('merged-partly', {
  'old.txt': textCapture({ posts: [merging[0], merging[1], twoParagraphs, merging[3], merging[4]] }),
  'new.txt': textCapture({ posts: [merging[0], mergedInto, merging[3], merging[4]] }),
});
