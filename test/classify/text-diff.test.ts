// Word and block diffs, written as compact one-line strings: `a [-b-]{+c+}` (as jsdiff's tests do).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commonPrefix, commonSuffix, diffBlocks, diffText, isSpaceCode } from '../../src/classify/text-diff.js';
import type { Hunk } from '../../src/model.js';
import { FUZZ_RUNS } from '../helpers/arbitraries.js';

function show(hunks: Hunk[]): string {
  return hunks
    .map((h) => {
      if (h.op === '~') return h.parts.map((p) => (p.op === '=' ? p.text : p.op === '-' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
      return `${h.op}${h.text}`;
    })
    .join(' | ');
}

describe('diffText', () => {
  it('marks the words that changed', () => {
    expect(show(diffText('Xi and and Putin express concerns', 'Xi and Putin express concerns'))).toBe('Xi and [-and -]Putin express concerns');
    expect(show(diffText('Kirby said on Tuesday.', 'Kirby said on Wednesday.'))).toBe('Kirby said on [-Tuesday-]{+Wednesday+}.');
  });

  it('shows a rewrite as whole old and new text when most words changed', () => {
    expect(show(diffText('The cat sat on the mat', 'Markets fell sharply in Asian trading today'))).toBe(
      '-The cat sat on the mat | +Markets fell sharply in Asian trading today',
    );
  });

  it('falls back to whole texts when the edit is beyond maxEditLength', () => {
    const a = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' ');
    const b = Array.from({ length: 400 }, (_, i) => (i % 2 ? `w${i}` : `x${i}`)).join(' ');
    const h = diffText(a, b, { rewriteThreshold: 1, minBlockSimilarity: 0.4, maxEditLength: 50 });
    expect(h.map((x) => x.op)).toEqual(['-', '+']);
  });

  it('handles empty sides', () => {
    expect(show(diffText('', 'From CNN staff'))).toBe('+From CNN staff');
    expect(show(diffText('From CNN staff', ''))).toBe('-From CNN staff');
  });
});

describe('diffBlocks', () => {
  it('keeps, removes, inserts and edits paragraphs in place', () => {
    const old = ['One paragraph stays.', 'Second paragraph says Tuesday.', 'A paragraph that goes away entirely.'];
    const neu = ['One paragraph stays.', 'Second paragraph says Wednesday.', 'Brand new closing words here.'];
    expect(show(diffBlocks(old, neu))).toBe(
      '=One paragraph stays. | Second paragraph says [-Tuesday-]{+Wednesday+}. | -A paragraph that goes away entirely. | +Brand new closing words here.',
    );
  });

  it('keeps a removed paragraph once every inserted one is paired (more removed than inserted)', () => {
    // The second removed block has no inserted block left to look at (the build of 2e66946 threw here).
    const old = ['Alpha beta gamma delta.', 'Kirby said the US would help.', 'A closing line that goes away.'];
    const neu = ['Alpha beta gamma delta epsilon.'];
    expect(show(diffBlocks(old, neu))).toBe('Alpha beta gamma delta {+epsilon+}. | -Kirby said the US would help. | -A closing line that goes away.');
  });

  it('gives hunks that rebuild both lists, whatever blocks are kept, removed, inserted or edited', () => {
    // Blocks from a few sentences and their edits, so that runs pair, half pair and do not pair.
    const sentence = fc.constantFrom('Alpha beta gamma delta.', 'Alpha beta gamma delta epsilon.', 'Kirby said the US would help.', 'Kirby said it would surely help.', 'One two.', '中文新闻报道', '中文新闻消息报道', 'x');
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 12 }), fc.array(sentence, { maxLength: 12 }), (old, neu) => {
        const hunks = diffBlocks(old, neu);
        // A word diff's parts give its texts back up to white space (jsdiff tidies the spaces around a change).
        const bare = (t: string) => t.replace(/\s+/g, '');
        const side = (drop: '+' | '-') =>
          hunks.flatMap((h) => (h.op === '~' ? [bare(h.parts.filter((p) => p.op !== drop).map((p) => p.text).join(''))] : h.op === drop ? [] : [bare(h.text)]));
        expect(side('+')).toEqual(old.map(bare));
        expect(side('-')).toEqual(neu.map(bare));
      }),
      { numRuns: FUZZ_RUNS * 50 },
    );
  });

  it('pairs an edited paragraph even after an inserted one', () => {
    const old = ['Alpha beta gamma delta.', 'Kirby said the US would help.'];
    const neu = ['Alpha beta gamma delta.', 'A new paragraph about something else.', 'Kirby said the US would surely help.'];
    expect(show(diffBlocks(old, neu))).toBe(
      '=Alpha beta gamma delta. | +A new paragraph about something else. | Kirby said the US would {+surely +}help.',
    );
  });
});

describe('isSpaceCode', () => {
  it('is /\\s/ for every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe('commonPrefix and commonSuffix', () => {
  const naivePrefix = (a: string, b: string, max: number) => {
    let i = 0;
    while (i < max && a[i] === b[i]) i++;
    return i;
  };
  const naiveSuffix = (a: string, b: string, max: number) => {
    let k = 0;
    while (k < max && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
    return k;
  };
  it('count the characters two texts share at each end, chunk by chunk and then one by one', () => {
    // Long shared runs (several chunks) with a difference anywhere, including inside a surrogate pair.
    const piece = fc.constantFrom('a', 'b', ' ', 'é', '\ud83d\ude00', 'word ', 'x'.repeat(31), 'y'.repeat(33));
    const text = fc.array(piece, { maxLength: 30 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(text, text, text, fc.nat(), (common, x, y, cap) => {
        const [a, b] = [common + x + common, common + y + common];
        const max = Math.min(a.length, b.length);
        const m = cap % (max + 1);
        expect(commonPrefix(a, b)).toBe(naivePrefix(a, b, max));
        expect(commonSuffix(a, b)).toBe(naiveSuffix(a, b, max));
        expect(commonPrefix(a, b, m)).toBe(naivePrefix(a, b, m));
        expect(commonSuffix(a, b, m)).toBe(naiveSuffix(a, b, m));
      }),
      { numRuns: 3000 },
    );
  });
});
