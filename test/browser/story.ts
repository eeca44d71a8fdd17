// A pair of real captures with the changes a reader looks for, for the README's picture and the tests:
// the March 22 pair, with the later capture's headline typo fixed, a paragraph reworded and a post deleted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run.js';

const DIR = join(ROOT, 'snapshots/cnn-russia-ukraine-2023-03-22');

export function storyPair(): [string, string] {
  const old = readFileSync(join(DIR, 'capture-1.txt'), 'utf8');
  const lines = readFileSync(join(DIR, 'capture-2.txt'), 'utf8').split('\n');
  // Lines 149–166 (1-based) are the Odesa post: deleted between posts both captures show.
  lines.splice(148, 18);
  const text = lines
    .join('\n')
    .replace('Xi and and Putin express', 'Xi and Putin express')
    .replace('was due in large part to their mutual interest', 'was driven largely by their shared interest');
  return [old, text];
}
