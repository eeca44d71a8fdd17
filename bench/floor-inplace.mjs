// Floor (4) of `npm run bench`, for the capture whose every post was edited (time, headline and a word of
// the body), which no identity can pair: read both files, split them into posts at timestamp lines (as
// floor (2)), pair the posts by position (the cheapest pairing there is, right here because the generator
// edits in place), and word-diff every line that differs with jsdiff. What any program reporting each
// post's changed words must do at least; livediff also has to find the pairs and print them.
import { diffWords } from 'diff';
import { posts } from './floor-hashjoin.mjs';

const before = posts(process.argv[2]);
const after = posts(process.argv[3]);
let changed = 0;
for (let i = 0; i < Math.min(before.length, after.length); i++) {
  if (before[i] === after[i]) continue;
  const a = before[i].split('\n');
  const b = after[i].split('\n');
  for (let j = 0; j < Math.min(a.length, b.length); j++) {
    if (a[j] !== b[j]) changed += diffWords(a[j], b[j]).filter((c) => c.added || c.removed).length;
  }
}
console.log(changed);
