// The html adapter's reader for a page whose selectors read an element and its ancestors only (the default
// ones, and most given with --items): each post is read when its element closes, and what no one will read
// again leaves the DOM as soon as it is complete, so that the page is never held whole. A page of 240,000
// posts (62 MB) held a DOM of 453 MB per side, and a diff of two such pages peaked at 1.8 GB.
import { type Element, isTag } from 'domhandler';
import type { PageHeader } from '../model.js';
import { MAX_POSTS } from './adapter.js';
import { HeaderNotes } from './html-header.js';
import { busiestLevel } from './html-select.js';
import { type CaptureReader, detach } from './markup.js';

/** The posts of a page and its header, whichever way the page was read. */
export interface PageRead<D> {
  /** How many post elements the page has (as html.ts findPosts chooses them). */
  count: number;
  /** Each post element's draft, in document order (read when asked, for a whole DOM). */
  drafts(): D[];
  /** The page's header, its posts' headings left out (`withPosts`) or not. */
  header(withPosts: boolean): PageHeader;
}

/**
 * The tests that find post elements: the explicit markers, and the fallback used when none is marked.
 * The posts are the busiest nesting level of the matches (the default selectors), or with `outermost`
 * the matches not inside another (a selector the user gave, which has no fallback).
 */
export interface PostTests {
  explicit(el: Element): boolean;
  fallback(el: Element): boolean;
  outermost?: boolean;
}

/** An element still open, as the stream sees it. */
interface Open {
  name: string;
  /** Inside a `<template>`: neither a post nor part of the header (select skips template contents). */
  skipped: boolean;
  explicit: boolean;
  fallback: boolean;
  /** Its text is read for the header when it closes (HeaderNotes.readsText). */
  readsText: boolean;
  /** Open explicit (fallback) candidates around it when it opened: its nesting level among them. */
  explicitLevel: number;
  fallbackLevel: number;
  /** Its number among the candidates (-1 for none). */
  serial: number;
}

/** A candidate post element met, by number, with its nesting level among the candidates of its kind. */
interface Found<D> {
  serial: number;
  level: number;
  draft: D | null;
}

/**
 * Read a page's posts as it streams by: the elements the DOM reader (html.ts findPosts) would choose, and
 * each one's draft, read by `read` when the element closes. Every candidate of either kind is read, since
 * which nesting level holds the posts, and whether any element is marked as one, is known only at the end.
 * A node leaves the DOM once it is complete unless an open element still needs it: a candidate of a kind
 * that can still win (every explicit one, and the fallback ones while no element is marked), or an element
 * whose text the header reads. The posts' tests and the field selectors the adapter lets through (html.ts
 * streams) read an element, its attributes and its ancestors, which are open, never a sibling.
 */
export function streamPage<D>(reader: CaptureReader, text: string, tests: PostTests, read: (el: Element) => D): PageRead<D> {
  const stack: Open[] = [];
  /** The open candidates' numbers: the posts an h1 is inside. */
  const around: number[] = [];
  const notes = new HeaderNotes<number>();
  const explicit: Found<D>[] = [];
  const fallback: Found<D>[] = [];
  const explicitPerLevel: number[] = [];
  let serials = 0;
  let openExplicit = 0;
  let openFallback = 0;
  let openReadsText = 0;
  let marked = false;
  // More explicit posts on one level than a capture may have: it is refused at the end, with the count;
  // nothing more is read.
  let refused = false;
  const needed = () => openReadsText > 0 || openExplicit > 0 || (!marked && openFallback > 0);
  reader.parseDocument(text, { withStartIndices: true }, {
    open(el) {
      // What came before the element in its parent (text, a comment) is complete: dropped if not needed.
      const prev = el.prev;
      if (prev !== null && !isTag(prev) && !needed()) detach(el.parent!, true);
      const parent = stack[stack.length - 1];
      const skipped = parent !== undefined && (parent.skipped || parent.name === 'template');
      const open: Open = {
        name: el.name,
        skipped,
        explicit: !skipped && tests.explicit(el),
        fallback: !skipped && tests.fallback(el),
        readsText: !skipped && notes.readsText(el),
        explicitLevel: openExplicit,
        fallbackLevel: openFallback,
        serial: -1,
      };
      stack.push(open);
      if (open.explicit) {
        marked = true;
        openExplicit++;
      }
      if (open.fallback) openFallback++;
      if (open.explicit || open.fallback) around.push((open.serial = serials++));
      if (open.readsText) openReadsText++;
    },
    close(el) {
      const open = stack.pop()!;
      if (open.readsText) openReadsText--;
      if (open.serial >= 0) {
        around.pop();
        if (open.explicit) openExplicit--;
        if (open.fallback) openFallback--;
      }
      if (!open.skipped) notes.closed(el, () => [...around]);
      if (open.serial >= 0) {
        // Only the outermost level counts with `outermost`: the posts inside another are never posts.
        if (open.explicit && (!tests.outermost || open.explicitLevel === 0)) {
          const count = (explicitPerLevel[open.explicitLevel] ?? 0) + 1;
          explicitPerLevel[open.explicitLevel] = count;
          if (count > MAX_POSTS) refused = true;
        }
        // With `outermost`, a match inside another is part of that post, never one of its own.
        const draft = refused || (tests.outermost && open.explicitLevel > 0) ? null : read(el);
        if (open.explicit) explicit.push({ serial: open.serial, level: open.explicitLevel, draft });
        if (open.fallback) fallback.push({ serial: open.serial, level: open.fallbackLevel, draft });
      }
      if (!needed()) detach(el.parent!);
    },
  });
  // Candidates come in close order; those of one level never nest, so they come in document order.
  const chosen = tests.outermost ? explicit.filter((f) => f.level === 0) : busiestLevel(marked ? explicit : fallback, (f) => f.level);
  return {
    count: chosen.length,
    drafts: () => chosen.map((f) => f.draft!),
    header: (withPosts) => notes.header(withPosts ? chosen.map((f) => f.serial) : []),
  };
}
