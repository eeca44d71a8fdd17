// Floor (3) of `npm run bench`: floor (2) (bench/floor-hashjoin.mjs) plus a jsdiff word diff of the posts
// left over that pair by time and headline (their first two non-empty lines) and differ.
import { diffWords } from 'diff';
import { posts } from './floor-hashjoin.mjs';

const key = (p) => p.split('\n').filter((l) => l.trim() !== '').slice(0, 2).join('\n');
const old = new Map(posts(process.argv[2]).map((p) => [p, true]));
const rest = [];
for (const p of posts(process.argv[3])) if (!old.delete(p)) rest.push(p);
const byKey = new Map([...old.keys()].map((p) => [key(p), p]));
let changed = 0;
for (const p of rest) {
  const before = byKey.get(key(p));
  if (before !== undefined) changed += diffWords(before, p).filter((c) => c.added || c.removed).length;
}
console.log(changed);
