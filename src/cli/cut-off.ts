// A text capture cut off mid-download (a capture job killed, a disk full): it ends inside its last post,
// which is the start of a post the capture before it had whole. Compared as it stands, the cut post pairs
// with nothing and its whole self reads as dropped: the worst thing livediff can say. Unattended commands
// leave such a capture out; the next whole capture is compared instead.
import type { Capture, Post } from '../model.js';
import { postKey } from '../parse/post.js';

/** Whether `part` is a strict start of `whole`. */
const strictStart = (part: string, whole: string) => part.length < whole.length && whole.startsWith(part);

/**
 * Whether `last` is `whole` cut: the same time, then a headline or byline cut short (and nothing after it),
 * or the same headline and paragraphs with the last one cut short. With `atLineEnd` (the capture lacks
 * every post the earlier one had below `whole`), also cut at the end of a line: fewer whole paragraphs,
 * or none. Without that, a post that lost whole paragraphs is an edit: a cut mid-download mostly ends
 * mid-line, and a window that ends at the post shows no more of the page below it.
 */
function cutFrom(last: Post, whole: Post, atLineEnd: boolean): boolean {
  if (last.time !== whole.time) return false;
  const bare = last.body.length === 0 && last.captions.length === 0;
  if (last.headline !== whole.headline) return bare && last.byline === null && strictStart(last.headline, whole.headline);
  if (last.byline !== whole.byline) return bare && last.byline !== null && whole.byline !== null && strictStart(last.byline, whole.byline);
  const n = last.body.length;
  if (n > whole.body.length) return false;
  if (n === 0) return bare && atLineEnd && whole.body.length + whole.captions.length > 0;
  for (let i = 0; i < n - 1; i++) if (last.body[i]!.text !== whole.body[i]!.text) return false;
  const end = last.body[n - 1]!.text;
  const wholeEnd = whole.body[n - 1]!.text;
  return strictStart(end, wholeEnd) || (atLineEnd && n < whole.body.length && end === wholeEnd);
}

/** A capture cut off, why, and the capture without what was cut. */
export interface Cut {
  reason: string;
  /** The capture without its cut post, or without the cut start of a timestamp line at its end. */
  whole: Capture;
}

/**
 * Whether a text capture looks cut off against the capture before it, or null: its last post is the start
 * of one that capture had whole, or its last line is the start of one of that capture's timestamp lines.
 */
export function cutOff(current: Capture, previous: Capture): Cut | null {
  const last = current.posts.at(-1);
  if (current.format !== 'text' || last === undefined) return null;
  // Cut inside a timestamp line: the start of it (`9:27 p`) reads as the last paragraph of the post above.
  const end = last.body.at(-1)?.text;
  if (end !== undefined && end.length < 40 && /^\d/.test(end) && previous.posts.some((p) => strictStart(end, p.time))) {
    const body = last.body.slice(0, -1);
    const trimmed: Post = { ...last, body, key: postKey({ ...last, body }) };
    return { reason: `it ends inside a timestamp line ("${end}"), the start of one the capture before it had (cut off?)`, whole: { ...current, posts: [...current.posts.slice(0, -1), trimmed] } };
  }
  // Candidates first (the same time, and cut at least at a line end), then, for them alone, whether the
  // current capture lacks every post the earlier one had below them: a line-end cut leaves out everything
  // after it. Most often the last post is whole, there is no candidate, and the set of what the current
  // capture shows is never made.
  const candidates: number[] = [];
  previous.posts.forEach((p, i) => p.time === last.time && i < previous.posts.length - 1 && cutFrom(last, p, true) && candidates.push(i));
  const lastOfPrevious = previous.posts.at(-1);
  const cutAtEnd = lastOfPrevious !== undefined && cutFrom(last, lastOfPrevious, false);
  if (candidates.length === 0 && !cutAtEnd) return null;
  const shown = new Set(current.posts.map((p) => `${p.time}\n${p.headline}`));
  let lowestShown = -1; // the earlier capture's last post that the current one still shows
  for (let i = previous.posts.length - 1; i >= 0 && lowestShown < 0; i--) if (shown.has(`${previous.posts[i]!.time}\n${previous.posts[i]!.headline}`)) lowestShown = i;
  const at = candidates.find((i) => cutFrom(last, previous.posts[i]!, lowestShown <= i)) ?? (cutAtEnd ? previous.posts.length - 1 : undefined);
  if (at === undefined) return null;
  return {
    reason: `it ends inside its last post (${last.time}), the start of one the capture before it had whole (cut off?)`,
    whole: { ...current, posts: current.posts.slice(0, -1) },
  };
}
