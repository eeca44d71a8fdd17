// Every threshold of the alignment, named, documented and defaulted in one place.

export interface AlignOptions {
  /**
   * Smallest similarity score at which two leftover posts (no exact identity in common) are the same post.
   * Below it they are one dropped and one added post. Range 0–1. CLI: `--match-threshold`. Default 0.5.
   */
  minSimilarity: number;
  /** Share of the headline in the similarity score; the body and captions take the rest. Default 0.4. */
  headlineWeight: number;
  /** Added to the score of two posts with the same timestamp. Default 0.1. */
  sameTimeBonus: number;
  /** How many candidates, those sharing most words, are scored for each leftover post. Default 20. */
  maxCandidates: number;
  /**
   * A word pair found in more posts than this is too common to suggest a match and is not used to find
   * candidates (it still counts in the score). Default 50.
   */
  maxPostingList: number;
  /**
   * Rewrites in place (align/rewrites.ts): smallest score (REWRITE_WEIGHTS summed) at which a post left
   * over in the same slot as another is paired with it as the same post rewritten. Default 0.6.
   */
  minRewriteScore: number;
  /** A rewrite in place scoring below this is shown as "rewritten in place?". Default 0.85. */
  rewriteConfidentScore: number;
  /** Two posts further apart in time than this are never a rewrite in place. Default 10 minutes. */
  maxRewriteMinutes: number;
  /** The pages' post counters (not a threshold): an unchanged counter is weak evidence of a rewrite in place. */
  pageCounters?: { old: number | null; new: number | null };
}

export const DEFAULT_ALIGN_OPTIONS: Readonly<AlignOptions> = {
  minSimilarity: 0.5,
  headlineWeight: 0.4,
  sameTimeBonus: 0.1,
  maxCandidates: 20,
  maxPostingList: 50,
  minRewriteScore: 0.6,
  rewriteConfidentScore: 0.85,
  maxRewriteMinutes: 10,
};
