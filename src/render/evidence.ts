// Evidence (why a post got its status or partner) in words, for --explain; the data is in the JSON.
import type { Evidence, Post, PostChange, Report } from '../model.js';
import { postName } from './vocabulary.js';

const num = (v: unknown) => (typeof v === 'number' ? `#${v + 1}` : '?');

/** One line saying why, in plain words; the caller escapes it for its format. */
export function explainEvidence(e: Evidence): string {
  switch (e.kind) {
    case 'between-shown':
      return `it sat between ${num(e.before)} and ${num(e.after)}, both shown in both captures`;
    case 'above-shown':
      return e.covered ? 'above the shared posts, where the old capture also looked' : `above ${num(e.after)}, and the new capture shows posts above it`;
    case 'below-shown':
      return e.covered ? 'below the shared posts, where the old capture also looked' : `below ${num(e.before)}, and the new capture shows posts below it`;
    case 'top-gone':
      return 'it was at the top, newer than the post below it, and both captures show the top of the page: a window loses posts at its bottom, not its newest';
    case 'top-of-page':
      return 'at the top of the page, where new posts appear';
    case 'whole-page':
      return `the ${e.side} capture shows the whole page (counter ${String(e.counter)})`;
    case 'counter':
      return `the post counter went ${String(e.old)} → ${String(e.new)} with ${String(e.added)} added`;
    case 'newer-than-updated':
      return `newer than the old page's update time (${String(e.updated)})`;
    case 'newer-than-shown':
      return 'newer than every post the old capture shows';
    case 'beyond-old-window':
      return `the old capture listed the page oldest first and showed ${String(e.shown)} of its ${String(e.counter)} posts, and the counter did not grow by this one: it was there, past that window`;
    case 'older-than-shown':
      return 'older than every post the new capture shows: it may sit below the window';
    case 'pinned-older':
      return 'pinned on top, and older than every post the old capture showed: an old post, not a new one';
    case 'edge-minute':
      return 'of the same minute as the oldest post the new capture shows: posts of one minute are listed in no set order, so it may sit below the window';
    case 'pinned-end':
      return 'it sat just above the last post shown, which stayed while as many new posts arrived at the other end: the window slid past it (the last post pinned, as a ticker listed oldest first keeps its opening post)';
    case 'shown-again':
      return 'the old capture showed this post twice (pinned as well?); the new capture still shows it';
    case 'empty-after':
      return 'the new capture has no posts at all: an empty answer proves no deletion';
    case 'merged':
      return `every paragraph it had is now in ${num(e.into)}, which did not have them before: the two posts were merged`;
    case 'outside-window':
      return 'at the edge of the window: it may only have scrolled out of view';
    case 'below-window':
      return 'below the posts the old capture showed';
    case 'deep-link-window':
      return 'the old capture was opened through a deep link and may not have shown the top';
    case 'empty-before':
      return 'the old capture had no posts at all';
    case 'nothing-shared':
      return 'the captures share no post to place it by';
    case 'unordered':
      return 'the list is not in time order (a ranking): position alone proves nothing';
    case 'similar':
      return `similar text (score ${String(e.score)})`;
    case 'grown':
      return `every paragraph it had is in the new version, word for word or reworded in a word or two: the post grew (similarity ${String(e.score)})`;
    case 'same-slot': {
      const facts = [
        'same place between the same neighbours',
        e.sameTime ? 'same time' : e.minutesApart !== null ? `${String(e.minutesApart)} min apart` : '',
        e.minuteMark !== null ? `minute mark ${String(e.minuteMark)}'` : '',
        Array.isArray(e.sharedWords) && e.sharedWords.length > 0 ? `shared words: ${e.sharedWords.join(', ')}` : '',
        e.counterUnchanged ? 'post counter unchanged' : '',
        e.pinned === true ? 'pinned on top, under the same headline' : '',
      ];
      return facts.filter(Boolean).join('; ');
    }
    default:
      return e.kind;
  }
}

/** What an exact pair has in common, which is why it is a pair (similar and in-place pairs carry evidence). */
const EXACT_MATCH: Record<string, string> = {
  id: 'paired by the same publisher id',
  identical: 'paired by the same text',
  'time+headline': 'paired by the same time and headline',
  body: 'paired by the same body',
};

/**
 * Why a post got its status or its partner, for --explain: its evidence in words (posts without a partner,
 * similar and in-place pairs), else what its exact pair shares. Null when there is nothing to say.
 */
export function explainChange(p: PostChange): string | null {
  if (p.evidence !== null) return explainEvidence(p.evidence);
  return p.match === null ? null : (EXACT_MATCH[p.match] ?? null);
}

/** ` (rewritten in place)` / ` (rewritten in place?)` after a status, for pairs found in place. */
export function inPlaceLabel(p: PostChange): string {
  if (p.match !== 'in-place') return '';
  return p.evidence?.confident === true ? ' (rewritten in place)' : ' (rewritten in place?)';
}

/** The new posts of a report by their place in the new capture: where merged posts now live. */
export function newPosts(report: Report): Map<number, Post> {
  const byIndex = new Map<number, Post>();
  for (const p of report.posts) if (p.new !== null) byIndex.set(p.new.index, p.post);
  return byIndex;
}

/**
 * For a merged post, the post its text is in now: its 1-based place in the new capture and its name
 * (`2`, `Bridge closed and shelters opening`); null for other posts. The caller escapes the name.
 */
export function mergedInto(p: PostChange, posts: ReadonlyMap<number, Post>): { position: number; name: string } | null {
  const into = p.status === 'merged' ? p.evidence?.into : undefined;
  if (typeof into !== 'number') return null;
  const host = posts.get(into);
  return { position: into + 1, name: host === undefined ? '' : postName(host) };
}
