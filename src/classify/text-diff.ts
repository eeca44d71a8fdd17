// Word and block differences of one field. The only module that imports jsdiff.
import { diffArrays, diffWords } from 'diff';
import { dice, Vocabulary, wordBag, words } from '../align/fingerprint.js';
import type { Hunk, Part } from '../model.js';

export interface DiffOptions {
  /**
   * Above this share of changed words a block is shown as rewritten (whole old, whole new) rather than
   * word by word. Range 0–1. CLI: `--rewrite-threshold`. Default 0.6.
   */
  rewriteThreshold: number;
  /**
   * Two blocks (paragraphs, bullets, captions) at the same place are the same block edited when their
   * words are at least this similar (Dice); otherwise one was removed and another inserted. Default 0.4.
   */
  minBlockSimilarity: number;
  /**
   * Largest edit (in jsdiff tokens) a word diff may compute; beyond it the block is shown as rewritten.
   * Bounds the cost of very different texts, where jsdiff is quadratic. Default 2000.
   */
  maxEditLength: number;
}

export const DEFAULT_DIFF_OPTIONS: Readonly<DiffOptions> = {
  rewriteThreshold: 0.6,
  minBlockSimilarity: 0.4,
  maxEditLength: 2000,
};

function countWords(text: string): number {
  return words(text).length;
}

function rewritten(old: string, neu: string): Hunk[] {
  const hunks: Hunk[] = [];
  if (old !== '') hunks.push({ op: '-', text: old });
  if (neu !== '') hunks.push({ op: '+', text: neu });
  return hunks;
}

/** Word diff of one text, or the whole old and new text when most words changed. */
export function diffText(old: string, neu: string, options: DiffOptions = DEFAULT_DIFF_OPTIONS): Hunk[] {
  if (old === neu) return [{ op: '=', text: old }];
  if (old === '' || neu === '') return rewritten(old, neu);
  const changes = diffWords(old, neu, { maxEditLength: options.maxEditLength });
  if (!changes) return rewritten(old, neu);
  let changed = 0;
  const parts: Part[] = changes.map((c) => {
    const op = c.added ? '+' : c.removed ? '-' : '=';
    if (op !== '=') changed += countWords(c.value);
    return { op, text: c.value };
  });
  const total = countWords(old) + countWords(neu);
  if (total > 0 && changed / total > options.rewriteThreshold) return rewritten(old, neu);
  return [{ op: '~', parts }];
}

/** Block-by-block diff of two lists (paragraphs, captions): kept, removed, inserted or edited in place. */
export function diffBlocks(old: string[], neu: string[], options: DiffOptions = DEFAULT_DIFF_OPTIONS): Hunk[] {
  const hunks: Hunk[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    hunks.push(...pairRun(removed, added, options));
    removed = [];
    added = [];
  };
  for (const change of diffArrays(old, neu)) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      for (const text of change.value) hunks.push({ op: '=', text });
    }
  }
  flush();
  return hunks;
}

/** Within a run of removed and inserted blocks, pair similar blocks in order and word-diff them. */
function pairRun(removed: string[], added: string[], options: DiffOptions): Hunk[] {
  const hunks: Hunk[] = [];
  const vocabulary = new Vocabulary();
  const addedWords = added.map((text) => wordBag(text, vocabulary));
  let nextAdded = 0;
  for (const text of removed) {
    const bag = wordBag(text, vocabulary);
    let match = -1;
    for (let j = nextAdded; j < added.length; j++) {
      if (dice(bag, addedWords[j]!, options.minBlockSimilarity) >= options.minBlockSimilarity) {
        match = j;
        break;
      }
    }
    if (match < 0) {
      hunks.push({ op: '-', text });
      continue;
    }
    for (; nextAdded < match; nextAdded++) hunks.push({ op: '+', text: added[nextAdded]! });
    hunks.push(...diffText(text, added[nextAdded++]!, options));
  }
  for (; nextAdded < added.length; nextAdded++) hunks.push({ op: '+', text: added[nextAdded]! });
  return hunks;
}
