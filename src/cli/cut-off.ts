// A text capture cut off mid-download (a capture job killed, a disk full): it ends inside its last post,
// which is the start of a post the capture before it had whole. Compared as it stands, the cut post pairs
// with nothing and its whole self reads as dropped: the worst thing livediff can say. Unattended commands
// leave such a capture out; the next whole capture is compared instead.
import type { Capture, Post } from '../model.js';

/** Whether `part` is a strict start of `whole`. */
const strictStart = (part: string, whole: string) => part.length < whole.length && whole.startsWith(part);

/**
 * Whether `last` is `whole` cut inside a line: the same time, then a headline cut short (and nothing after
 * it), or the same headline and paragraphs with the last one cut short. A post that lost whole paragraphs
 * (an edit) is not: a cut mid-download ends mid-line.
 */
function cutFrom(last: Post, whole: Post): boolean {
  if (last.time !== whole.time) return false;
  if (last.headline !== whole.headline) return last.body.length === 0 && last.captions.length === 0 && strictStart(last.headline, whole.headline);
  const n = last.body.length;
  if (n === 0 || n > whole.body.length) return false;
  for (let i = 0; i < n - 1; i++) if (last.body[i]!.text !== whole.body[i]!.text) return false;
  return strictStart(last.body[n - 1]!.text, whole.body[n - 1]!.text);
}

/**
 * Why a text capture looks cut off against the capture before it (its last post is the start of one that
 * capture had whole), or null.
 */
export function cutOff(current: Capture, previous: Capture): string | null {
  const last = current.posts.at(-1);
  if (current.format !== 'text' || last === undefined) return null;
  const whole = previous.posts.find((p) => cutFrom(last, p));
  return whole === undefined ? null : `it ends inside its last post (${last.time}), the start of one the capture before it had whole (cut off?)`;
}
