// The history as JSON: the versioned contract `livediff.log/3` documented in docs/json.md (a list of
// pages, each with its captures and posts; `/1` was one page's captures and posts at the top level).
import type { History, PostHistory } from '../model.js';
import type { LogPages } from './log-pages.js';
import { jsonPieces } from './json-pieces.js';
import { textOf } from './registry.js';

/** 3: a post's fate and events may be `merged`. 2: the history is a list of pages. */
export const LOG_SCHEMA = 'livediff.log/3';

function jsonPost(p: PostHistory) {
  return {
    id: p.id,
    headline: p.versions[p.versions.length - 1]!.post.headline,
    firstSeen: p.firstSeen,
    lastSeen: p.lastSeen,
    origin: p.origin,
    fate: p.fate,
    versions: p.versions.map((v) => ({
      capture: v.capture,
      time: v.post.time,
      headline: v.post.headline,
      fields: v.fields,
      changes: v.changes,
    })),
    events: p.events,
  };
}

function jsonPage(history: History, post: PostHistory | undefined) {
  return {
    title: history.captures.at(-1)?.title ?? null,
    captures: history.captures,
    posts: (post ? [post] : history.posts).map(jsonPost),
  };
}

/** The pages as `livediff.log/3`; with `post`, the newest page (where --post looks) with that post alone. */
export function* renderLogJsonPieces(doc: LogPages, extra: { order: string; post?: PostHistory } = { order: 'name-stamp' }): Generator<string, void, undefined> {
  const pages = extra.post ? [jsonPage(doc.pages.at(-1)!, extra.post)] : doc.pages.map((h) => jsonPage(h, undefined));
  yield* jsonPieces({ schema: LOG_SCHEMA, order: extra.order, pages }, 'pages', 2);
  yield '\n';
}

/** renderLogJsonPieces as one string. */
export function renderLogJson(doc: LogPages, extra: { order: string; post?: PostHistory } = { order: 'name-stamp' }): string {
  return textOf(renderLogJsonPieces(doc, extra));
}
