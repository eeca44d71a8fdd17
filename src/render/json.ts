// The JSON report: the versioned contract documented in docs/json.md (schema `livediff.diff/1`).
import type { Post, PostChange, Report } from '../model.js';
import { sanitizeJson } from './sanitize.js';
import { ONLY_VALUES, type OnlyValue, selectPosts } from './select.js';

export const DIFF_SCHEMA = 'livediff.diff/1';

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
    evidence: p.evidence ?? null,
    confidence: p.confidence ?? null,
    // The text of posts that are only on one side, so that a consumer need not read the captures.
    content: p.status === 'edited' || p.status === 'unchanged' ? null : content(p.post),
  };
}

/** The report as JSON text (one trailing newline). */
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

export function renderJson(report: Report, options: JsonOptions = {}): string {
  return `${sanitizeJson(JSON.stringify(toJson(report, options), null, options.pretty === false ? undefined : 2))}\n`;
}
