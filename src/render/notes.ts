// The page notes of a report (data: kind and numbers) as the sentences terminal and Markdown show.
import { type PageNote, unreachable } from '../model.js';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** One note as a sentence, e.g. `the post counter (20 → 19, 0 added) implies 1 deleted post outside the view`. */
export function noteText(note: PageNote): string {
  if (note.kind === 'ids-ignored') {
    return `the page's post ids follow the posts' places (${plural(note.posts, 'id')} moved to another post's text): posts were compared without them`;
  }
  const counter = `the post counter (${note.oldCount} → ${note.newCount}, ${note.added} added)`;
  switch (note.kind) {
    case 'deleted-outside-view':
      return `${counter} implies ${plural(note.posts, 'deleted post')} outside the view`;
    case 'fewer-deletions-than-shown':
      return `${counter} implies ${plural(note.implied, 'deleted post')}, but the captures show ${note.shown} gone from between shown posts`;
    case 'added-outside-view':
      return `the post counter grew by ${note.newCount - note.oldCount} but ${plural(note.added, 'post')} ${note.added === 1 ? 'was' : 'were'} added in view: ${plural(note.posts, 'post')} added outside the view`;
    default:
      return unreachable(note);
  }
}
