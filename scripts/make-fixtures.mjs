// Builds test/fixtures/<case>/{old.txt,new.txt} from the real captures in snapshots/, each by one scripted
// change. Expected results (expected.json) are written by hand, from what each change does: this script
// never runs livediff. Run: node scripts/make-fixtures.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const read = (p) => readFileSync(new URL(`../snapshots/${p}`, import.meta.url), 'utf8');
const STAMP = /^\d{1,2}:\d{2} [ap]\.m\. ET, [A-Z][a-z]+ \d{1,2}, \d{4}$/;

/** A capture as its header and its posts' raw texts (each from its timestamp line to the next). */
function split(text) {
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (STAMP.test(l) ? [i] : []));
  return {
    header: lines.slice(0, starts[0]),
    posts: starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length)),
  };
}
const join = (c) => [...c.header, ...c.posts.flat()].join('\n');
const clone = (c) => ({ header: [...c.header], posts: c.posts.map((p) => [...p]) });
/** Replace text inside one post (every occurrence), failing loudly when it is not there. */
function edit(c, i, from, to) {
  const text = c.posts[i].join('\n');
  if (!text.includes(from)) throw new Error(`post ${i}: '${from}' not found`);
  c.posts[i] = text.split(from).join(to).split('\n');
  return c;
}
function setCounter(c, n) {
  const i = c.header.findIndex((l) => /^\d+ Posts$/.test(l));
  c.header[i] = `${n} Posts`;
  return c;
}
/** A post's body paragraph lines (after timestamp, headline and byline), for edits by position. */
function paragraphs(post) {
  return post.map((l, i) => [l, i]).filter(([l, i]) => i > 4 && l.trim() !== '');
}

const C1 = split(read('cnn-russia-ukraine-2023-03-22/capture-1.txt'));
const C2 = split(read('cnn-russia-ukraine-2023-03-22/capture-2.txt'));
const C21 = split(read('cnn-russia-ukraine-2023-03-21/capture-1.txt'));
const C20 = split(read('cnn-xi-putin-moscow-2023-03-20/capture-1.txt'));

const cases = {};
const add = (name, old, neu) => (cases[name] = { old: typeof old === 'string' ? old : join(old), new: typeof neu === 'string' ? neu : join(neu) });

add('march22-real', C1, C2);
add('march22-reversed', C2, C1);
add('identical', C2, C2);
{
  const noisy = join(C2)
    .normalize('NFD')
    .replace(/ (?=[a-z])/g, (s, at) => (at % 5 === 0 ? '\u00a0' : s))
    .replace(/\u00a0(?=[A-Z])/g, ' ')
    .replace(/\n/g, ' \n')
    .replace(/\n \n/g, '\n\n\n')
    .replace(/\n/g, '\r\n');
  add('noise-only', C2, `\ufeff${noisy}`);
}
add('headline-typo', C2, edit(clone(C2), 4, 'Xi and and Putin express', 'Xi and Putin express'));
add(
  'headline-rewritten',
  C2,
  edit(clone(C2), 5, "White House rejects China's claim of impartiality in Ukraine war following Xi-Putin summit", 'Kirby: Beijing cannot be seen as a neutral broker after Moscow visit'),
);
{
  const neu = edit(clone(C2), 6, '11:21 p.m. ET, March 21, 2023', '1:15 a.m. ET, March 22, 2023');
  neu.posts.unshift(neu.posts.splice(6, 1)[0]);
  add('time-updated-moved', C2, neu);
}
{
  const neu = edit(clone(C2), 7, '9:20 p.m. ET, March 21, 2023', '9:45 p.m. ET, March 21, 2023');
  edit(neu, 7, 'Russian strike on Odesa region leaves 3 injured, Ukrainian official says', 'Three hurt as Russian missiles hit monastery grounds near Odesa');
  add('time-and-headline', C2, neu);
}
{
  const neu = clone(C2);
  const post = neu.posts[3];
  const paras = paragraphs(post).map(([, i]) => i);
  // Keep the first two paragraphs, rewrite the rest as three new ones.
  const kept = post.slice(0, paras[2]);
  neu.posts[3] = [
    ...kept,
    'Kirby added that Washington had no plans to press Kyiv to give up the eastern city, despite mounting losses on both sides.',
    '',
    '"That is a decision for President Zelensky and his commanders to make," he said, declining to say what new aid would be announced this week.',
    '',
    'The Pentagon is expected to brief reporters on the next package of military assistance on Friday.',
    '',
  ];
  add('body-heavy-edit', C2, neu);
}
{
  const neu = clone(C2);
  neu.posts.unshift(neu.posts.splice(8, 1)[0]);
  add('pinned', C2, neu);
}
{
  const neu = clone(C2);
  [neu.posts[3], neu.posts[4]] = [neu.posts[4], neu.posts[3]];
  add('reordered', C2, neu);
}
{
  const old = edit(clone(C2), 7, '9:20 p.m. ET, March 21, 2023', '9:27 p.m. ET, March 21, 2023');
  add('same-minute', old, edit(clone(old), 7, 'three people were injured', 'four people were injured'));
}
{
  const twinHeadline = "White House rejects China's claim of impartiality in Ukraine war following Xi-Putin summit";
  const old = edit(clone(C2), 8, 'ICC prosecutor says Russia treats children like "spoils of war"', twinHeadline);
  add('duplicate-headline', old, edit(clone(old), 8, 'He said the ICC has reached out to Russia', 'He said the court has reached out to Moscow'));
}
{
  const neu = clone(C2);
  neu.posts[7] = C1.posts[7].map((l) => (l === '8:59 p.m. ET, March 21, 2023' ? '9:20 p.m. ET, March 21, 2023' : l));
  add('delete-and-replace', C2, neu);
}
{
  const neu = clone(C2);
  neu.posts.splice(4, 1);
  neu.posts[7] = [...neu.posts[7], ''];
  neu.posts.push(C1.posts[7]);
  add('deleted-middle', C2, setCounter(neu, 10));
}
{
  const neu = clone(C2);
  neu.posts.splice(0, 2);
  neu.posts[6] = [...neu.posts[6], ''];
  neu.posts.push(C1.posts[7], C1.posts[8]);
  add('top-deleted-window-shift', C2, setCounter(neu, 9));
}
{
  const neu = clone(C21);
  neu.header.splice(0, 2);
  neu.header = neu.header.map((l) => l.replace('Updated 12:05 a.m. ET, March 22, 2023', 'Updated 12:15 a.m. ET, March 22, 2023'));
  add('deep-link-removed', C21, neu);
}
{
  const neu = edit(clone(C2), 2, "From CNN's Jennifer Z Deaton", "From CNN's Jennifer Z Deaton and Kevin Liptak");
  edit(neu, 0, 'at the Kremlin on Tuesday.', 'at the Kremlin on Tuesday, March 21.');
  add('byline-and-caption', C2, neu);
}
{
  const neu = edit(clone(C2), 6, 'A state dinner and a toast:', 'A state banquet and a toast:');
  const post = neu.posts[6];
  const last = post.findLastIndex((l) => l.startsWith('  \u2022 '));
  post.splice(last + 1, 0, '  \u2022 Looking ahead: Xi is due to leave Moscow on Wednesday after a final round of talks.');
  add('bullets', C2, neu);
}
add('paragraph-no-blank-line', C1, edit(clone(C1), 1, 'before these critical weeks and months ahead.', 'before these critical weeks ahead.'));
add('counter-only-down', C2, setCounter(clone(C2), 10));
add('different-pages', C20, C21);

for (const [name, pair] of Object.entries(cases)) {
  const dir = new URL(`../test/fixtures/${name}/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('old.txt', dir), pair.old);
  writeFileSync(new URL('new.txt', dir), pair.new);
}
console.log(`${Object.keys(cases).length} fixture pairs written`);
