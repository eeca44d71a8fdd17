// The JSON report: the versioned contract documented in docs/json.md (schema `livediff.diff/3`).
import { type Post, type PostChange, type Report, unreachable } from '../model.js';
import { jsonPieces } from './json-pieces.js';
import { textOf } from './registry.js';
import { ONLY_VALUES, type OnlyValue, selectPosts } from './select.js';

/**
 * 3: the `merged` status (a post folded into another, not dropped). 2: `page.notes` are data (`kind` and
 * numbers), no longer English sentences (docs/json.md).
 */
export const DIFF_SCHEMA = 'livediff.diff/3';

export interface JsonOptions {
  /** Statuses to list; without it every post of both captures is listed exactly once. */
  only?: readonly OnlyValue[];
  /** Indent with two spaces (default true). */
  pretty?: boolean;
}

function content(post: Post) {
  return {
    time: post.time,
    headline: post.headline,
    byline: post.byline,
    captions: post.captions,
    body: post.body.map((b) => ({ kind: b.kind, marker: b.marker, text: b.text })),
  };
}

/** The text of posts that are only on one side, so that a consumer need not read the captures; null for pairs. */
function oneSided(p: PostChange) {
  switch (p.status) {
    case 'added':
    case 'dropped':
    case 'out-of-view':
    case 'into-view':
    case 'merged':
      return content(p.post);
    case 'edited':
    case 'unchanged':
      return null;
    default:
      return unreachable(p);
  }
}

function jsonPost(p: PostChange) {
  return {
    status: p.status,
    old: p.old,
    new: p.new,
    moved: p.moved,
    fields: p.fields,
    match: p.match,
    score: p.score,
    changes: p.changes,
    // Why (classify/window.ts, align/rewrites.ts): docs/json.md lists the kinds.
    evidence: p.evidence,
    confidence: p.confidence,
    content: oneSided(p),
  };
}

/** The report as the JSON contract's object. */
export function toJson(report: Report, options: JsonOptions = {}) {
  return {
    schema: DIFF_SCHEMA,
    old: report.old,
    new: report.new,
    samePage: report.samePage,
    page: report.page,
    summary: report.summary,
    only: options.only ?? null,
    posts: selectPosts(report, options.only ?? ONLY_VALUES).map(jsonPost),
  };
}

/** The report as JSON text, in pieces (see render/json-pieces.ts): what the CLI writes. */
export function* renderJsonPieces(report: Report, options: JsonOptions = {}): Generator<string, void, undefined> {
  yield* jsonPieces(toJson(report, options), 'posts', options.pretty === false ? undefined : 2);
  yield '\n';
}

export function renderJson(report: Report, options: JsonOptions = {}): string {
  return textOf(renderJsonPieces(report, options));
}
