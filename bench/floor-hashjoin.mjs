// Floor (2) of `npm run bench`: the least any Node program pairing two captures must do. Read both files,
// split them into posts at timestamp lines with one regular expression, key each post by its text in a
// Map and pair identical posts (a hash join). Prints how many paired.
import { readFileSync } from 'node:fs';

const STAMP = /^\d{1,2}:\d{2} [ap]\.m\. ET, [A-Z][a-z]+ \d{1,2}, \d{4}$/m;
export const posts = (file) => readFileSync(file, 'utf8').split(new RegExp(`(?=${STAMP.source})`, 'm')).slice(1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const old = new Map(posts(process.argv[2]).map((p) => [p, true]));
  let paired = 0;
  for (const p of posts(process.argv[3])) if (old.delete(p)) paired++;
  console.log(paired);
}
