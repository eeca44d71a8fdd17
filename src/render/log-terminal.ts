// The terminal views of a history: a table with one line per post, or every version of one post.
import type { History, HistoryEvent, PostHistory } from '../model.js';
import { sanitizeInline } from './sanitize.js';
import { INDENT, TerminalWriter } from './terminal-writer.js';

export interface LogTerminalOptions {
  color: boolean;
}

const EVENT_LABEL: Record<HistoryEvent['kind'], string> = {
  added: 'added',
  'into-view': 'came into view',
  edited: 'edited',
  moved: 'moved',
  dropped: 'dropped (deleted)',
  'out-of-view': 'left the view',
  'back-into-view': 'back in view',
  reinserted: 'reinserted after deletion',
};

/** A capture's name as shown: its label, or its position when labels are long. */
const label = (h: History, i: number) => sanitizeInline(h.captures[i]?.label ?? `#${i + 1}`);

export function latestHeadline(p: PostHistory): string {
  return p.versions[p.versions.length - 1]!.post.headline || '(no headline)';
}

class LogTable extends TerminalWriter {
  render(history: History): string {
    const { c } = this;
    const width = Math.max(10, ...history.captures.map((x) => sanitizeInline(x.label).length));
    const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
    const idWidth = String(history.posts.length).length + 1;
    this.line(c.bold(`${pad('#', idWidth)}  ${pad('first seen', width)}  ${pad('last seen', width)}  versions  ${pad('status', 12)}  headline`));
    for (const p of history.posts) {
      const status = p.fate === 'live' ? c.green(pad('live', 12)) : p.fate === 'dropped' ? c.red(pad('dropped', 12)) : c.cyan(pad(p.fate, 12));
      this.line(
        `${pad(String(p.id), idWidth)}  ${pad(label(history, p.firstSeen), width)}  ${pad(label(history, p.lastSeen), width)}  ${pad(String(p.versions.length), 8)}  ${status}  ${sanitizeInline(latestHeadline(p))}`,
      );
    }
    const count = (f: PostHistory['fate']) => history.posts.filter((p) => p.fate === f).length;
    this.line();
    this.line(
      c.bold(
        `${history.posts.length} posts over ${history.captures.length} captures: ${count('live')} live, ${count('dropped')} dropped, ${count('out-of-view')} out of view, ${count('reinserted')} reinserted; ${history.posts.filter((p) => p.versions.length > 1).length} edited`,
      ),
    );
    return this.text();
  }
}

class PostDetail extends TerminalWriter {
  render(history: History, post: PostHistory): string {
    const { c } = this;
    this.line(c.bold(`post ${post.id}: ${sanitizeInline(latestHeadline(post))}`));
    this.line(c.dim(`first seen ${label(history, post.firstSeen)} (${post.origin === 'initial' ? 'in the first capture' : EVENT_LABEL[post.origin]}), last seen ${label(history, post.lastSeen)}, now ${post.fate}`));
    this.line();
    post.versions.forEach((v, i) => {
      this.line(c.yellow.bold(`version ${i + 1}`) + c.dim(` · ${label(history, v.capture)} · ${sanitizeInline(v.post.time)}`) + (i > 0 ? ` ${c.yellow(`(${v.fields.join(', ')})`)}` : ''));
      if (i === 0) {
        this.line(`${INDENT}${c.bold(sanitizeInline(v.post.headline || '(no headline)'))}`);
        this.content(v.post, ' ');
      } else for (const change of v.changes) this.field(change);
      this.line();
    });
    this.line(c.bold('events'));
    for (const e of post.events) {
      this.line(`${INDENT}${label(history, e.capture)}  ${EVENT_LABEL[e.kind]}${e.fields.length > 0 ? ` (${e.fields.join(', ')})` : ''}`);
    }
    if (post.events.length === 0) this.line(`${INDENT}none: unchanged in every capture`);
    return this.text();
  }
}

export function renderLogTable(history: History, options: LogTerminalOptions): string {
  return new LogTable(options.color).render(history);
}

export function renderPostHistory(history: History, post: PostHistory, options: LogTerminalOptions): string {
  return new PostDetail(options.color).render(history, post);
}
