// The words every renderer uses for a post's status, and the order summaries list them in: defined once.
import type { Post, PostChange, PostHistory } from '../model.js';
import { truncate } from './wrap.js';

export type Status = PostChange['status'];
/** What a summary counts: the statuses, and `moved` (a flag on a post, counted apart). */
export type Counted = Status | 'moved';

/** The status as words (terminal, Markdown, the Action message): the JSON names with spaces. */
export const STATUS_LABEL: Record<Counted, string> = {
  added: 'added',
  dropped: 'dropped',
  edited: 'edited',
  moved: 'moved',
  'out-of-view': 'out of view',
  'into-view': 'into view',
  merged: 'merged',
  unchanged: 'unchanged',
};

/** Summary order: what most needs a reader first (new and deleted posts), unchanged last. */
export const SUMMARY_ORDER: readonly Counted[] = ['added', 'dropped', 'edited', 'merged', 'moved', 'out-of-view', 'into-view', 'unchanged'];

/** Markdown's status marks, beside the same words (`moved`: an unchanged post that moved). */
export const STATUS_MARK: Record<Counted, string> = {
  moved: '↕️',
  added: '🟢',
  dropped: '🔴',
  edited: '🟡',
  unchanged: '⚪',
  'out-of-view': '⬇️',
  'into-view': '⬆️',
  merged: '🔗',
};

/** A post's fate in a history (`log`), in the same words (`out of view`, not `out-of-view`). */
export function fateLabel(fate: PostHistory['fate']): string {
  return fate === 'out-of-view' ? STATUS_LABEL['out-of-view'] : fate;
}

/** What a post heading calls a post: an unchanged post that moved is `moved`, never `unchanged moved`. */
export function postLabel(p: Pick<PostChange, 'status' | 'moved'>): string {
  if (p.status === 'unchanged' && p.moved) return STATUS_LABEL.moved;
  return STATUS_LABEL[p.status];
}

/** `1 capture`, `2 captures`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A post's name: its headline, else the start of its text in quotes (feeds often have no headline). */
export function postName(post: Post): string {
  if (post.headline) return post.headline;
  const text = post.body[0]?.text ?? post.captions[0]?.text ?? '';
  return text ? `“${truncate(text, 60)}”` : '(empty post)';
}

