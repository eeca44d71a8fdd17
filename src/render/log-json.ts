// The history as JSON: the versioned contract `livediff.log/1` documented in docs/json.md.
import type { History, PostHistory } from '../model.js';
import { sanitizeJson } from './sanitize.js';

export const LOG_SCHEMA = 'livediff.log/1';

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

export function renderLogJson(history: History, extra: { order: string; post?: PostHistory } = { order: 'name-stamp' }): string {
  const doc = {
    schema: LOG_SCHEMA,
    order: extra.order,
    captures: history.captures,
    posts: (extra.post ? [extra.post] : history.posts).map(jsonPost),
  };
  return `${sanitizeJson(JSON.stringify(doc, null, 2))}\n`;
}
