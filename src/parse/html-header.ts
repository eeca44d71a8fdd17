// The page header of an HTML capture (title, last update, authors): read from the whole DOM (pageHeader),
// or noted element by element as the page streams by (HeaderNotes, parse/html-stream.ts), to the same
// fields either way.
import type { AnyNode, Document, Element } from 'domhandler';
import type { PageHeader } from '../model.js';
import { emptyHeader, timeMinutes } from './fields.js';
import { compiled, first, insideAny, select } from './html-select.js';
import { attribute, innerText, oneLine } from './markup.js';

const TITLE = 'title';
const OG_TITLE = 'meta[property="og:title"]';
const MODIFIED = 'meta[property="article:modified_time"], [itemprop=dateModified]';
const AUTHOR = 'meta[name=author]';
const H1 = 'h1';

/** A meta element's value: its content or datetime attribute, else its text. */
function metaValue(el: Element): string | null {
  return attribute(el, 'content') ?? attribute(el, 'datetime') ?? (oneLine(innerText(el)) || null);
}

function titleText(el: Element): string | null {
  return oneLine(innerText(el)) || null;
}

/** The header from its parts: the page's first h1 outside the posts, else og:title, else <title>. */
function header(h1: string, ogTitle: string | null, title: string | null, updated: string | null, authors: (string | null)[]): PageHeader {
  const head = emptyHeader();
  head.title = (h1 || null) ?? ogTitle ?? title;
  head.updated = updated;
  head.updatedMinutes = updated === null ? null : timeMinutes(updated);
  head.bylines = authors.filter((a): a is string => a !== null);
  return head;
}

/** The header read from the whole DOM; `posts`: the post elements, whose headings are not the page's. */
export function pageHeader(doc: Document, posts: readonly Element[]): PageHeader {
  // One walk up from each heading against a set, not each heading against every post (80,000 posts: 40 s).
  const postSet = new Set<AnyNode>(posts);
  const h1 = select(H1, doc).find((h) => !insideAny(h, postSet));
  const og = first(OG_TITLE, doc);
  const titleEl = first(TITLE, doc);
  const modified = first(MODIFIED, doc);
  return header(
    h1 ? oneLine(innerText(h1)) : '',
    og ? metaValue(og) : null,
    titleEl ? titleText(titleEl) : null,
    modified ? metaValue(modified) : null,
    select(AUTHOR, doc).map((m) => attribute(m, 'content')),
  );
}

/** A value noted from an element, with where the element starts (to find the first in document order). */
interface Noted<T> {
  start: number;
  value: T;
}

/** Keep the value of the element that starts first (elements close innermost first). */
function earlier<T>(kept: Noted<T> | null, start: number, value: () => T): Noted<T> | null {
  return kept !== null && kept.start <= start ? kept : { start, value: value() };
}

/**
 * The header noted as the page streams by: each element pageHeader reads is read when it closes (its
 * content complete), and the h1s with the post candidates around them, since which elements are the
 * posts is known only at the end. Elements inside a `<template>` are not shown to it (select skips them).
 */
export class HeaderNotes<P> {
  readonly #h1: Array<Noted<string> & { around: readonly P[] }> = [];
  #og: Noted<string | null> | null = null;
  #title: Noted<string | null> | null = null;
  #modified: Noted<string | null> | null = null;
  readonly #authors: Array<Noted<string | null>> = [];
  readonly #isH1 = compiled(H1);
  readonly #isOg = compiled(OG_TITLE);
  readonly #isTitle = compiled(TITLE);
  readonly #isModified = compiled(MODIFIED);
  readonly #isAuthor = compiled(AUTHOR);

  /** Whether an element's text is read when it closes: its children must be there until then. */
  readsText(el: Element): boolean {
    return this.#isH1(el) || this.#isTitle(el) || this.#isOg(el) || this.#isModified(el);
  }

  /** An element closed; `around`: the post candidates it is inside (kept as given). */
  closed(el: Element, around: () => readonly P[]): void {
    const start = el.startIndex ?? 0;
    if (this.#isH1(el)) this.#h1.push({ start, value: oneLine(innerText(el)), around: around() });
    if (this.#isOg(el)) this.#og = earlier(this.#og, start, () => metaValue(el));
    if (this.#isTitle(el)) this.#title = earlier(this.#title, start, () => titleText(el));
    if (this.#isModified(el)) this.#modified = earlier(this.#modified, start, () => metaValue(el));
    if (this.#isAuthor(el)) this.#authors.push({ start, value: attribute(el, 'content') });
  }

  /** The header, as pageHeader reads it from the whole DOM with these posts. */
  header(posts: readonly P[]): PageHeader {
    const postSet = new Set<P>(posts);
    const byStart = <N extends Noted<unknown>>(notes: N[]) => [...notes].sort((a, b) => a.start - b.start);
    const h1 = byStart(this.#h1).find((h) => !h.around.some((el) => postSet.has(el)));
    return header(
      h1?.value ?? '',
      this.#og?.value ?? null,
      this.#title?.value ?? null,
      this.#modified?.value ?? null,
      byStart(this.#authors).map((a) => a.value),
    );
  }
}
