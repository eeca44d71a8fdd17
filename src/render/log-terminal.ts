// The terminal views of a history: a table with one line per post, or every version of one post.
import { maxOf } from '../arrays.js';
import type { History, HistoryEvent, PostHistory } from '../model.js';
import { sanitizeInline } from './sanitize.js';
import { INDENT, TerminalWriter } from './terminal-writer.js';
import { fateLabel, plural, STATUS_LABEL } from './vocabulary.js';
import { displayWidth, truncate } from './wrap.js';

export interface LogTerminalOptions {
  color: boolean;
  /** Columns to fit the table to (headlines cut at a word); none: lines as long as they are. */
  width?: number;
}

const EVENT_LABEL: Record<HistoryEvent['kind'], string> = {
  added: 'added',
  'into-view': STATUS_LABEL['into-view'],
  edited: 'edited',
  moved: 'moved',
  dropped: 'dropped (deleted)',
  'out-of-view': STATUS_LABEL['out-of-view'],
  merged: 'merged into another post',
  'back-into-view': 'back in view',
  reinserted: 'reinserted after deletion',
};

/** `2026-11-22T10:05Z`-like UTC minutes, beside a label that does not say when (a commit id). */
const utcMinutes = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');

/** A commit id alone says nothing of when: `log --git` shows `a1b2c3d 2026-11-22 10:05` (UTC). */
function withTime(h: History, i: number): string {
  const name = label(h, i);
  const time = h.captures[i]?.time;
  return time && /^[0-9a-f]{7,40}$/.test(name) ? `${name} ${utcMinutes(time)}` : name;
}

/** A capture's name as shown: its label, or its position when labels are long. */
const label = (h: History, i: number) => sanitizeInline(h.captures[i]?.label ?? `#${i + 1}`);

export function latestHeadline(p: PostHistory): string {
  return p.versions[p.versions.length - 1]!.post.headline || '(no headline)';
}

/** `2023-03-23T05-00-00Z` → `03-23 05:00`, for a table that would not otherwise fit. */
const compact = (l: string) =>
  l.replace(/^\d{4}-(\d{2})-(\d{2})T(\d{2})[-:](\d{2})(?:[-:]\d{2})?Z$/, '$1-$2 $3:$4').replace(/^([0-9a-f]{7}) \d{4}-(\d{2}-\d{2} \d{2}:\d{2})$/, '$1 $2');
/** A headline gets at least this many columns before the capture labels are shortened. */
const MIN_HEADLINE = 30;

class LogTable extends TerminalWriter {
  render(history: History): string {
    const { c } = this;
    const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - displayWidth(s)));
    const idWidth = String(history.posts.length).length + 1;
    const statusWidth = maxOf(history.posts.map((p) => fateLabel(p.fate).length), 6);
    let labels = history.captures.map((_, i) => withTime(history, i));
    const fixed = (w: number) => idWidth + 2 + (w + 2) * 2 + 8 + 2 + statusWidth + 2;
    let width = maxOf(labels.map((l) => displayWidth(l)), 10);
    if (this.width !== undefined && this.width - fixed(width) < MIN_HEADLINE) {
      labels = labels.map(compact);
      width = maxOf(labels.map((l) => displayWidth(l)), 10);
    }
    const room = this.width === undefined ? undefined : Math.max(10, this.width - fixed(width));
    const headline = (p: PostHistory) => {
      const text = sanitizeInline(latestHeadline(p));
      return room === undefined ? text : truncate(text, room);
    };
    this.line(c.bold(`${pad('#', idWidth)}  ${pad('first seen', width)}  ${pad('last seen', width)}  versions  ${pad('status', statusWidth)}  headline`));
    for (const p of history.posts) {
      const name = pad(fateLabel(p.fate), statusWidth);
      const status = p.fate === 'live' ? c.green(name) : p.fate === 'dropped' ? c.red(name) : c.cyan(name);
      this.line(
        `${pad(String(p.id), idWidth)}  ${pad(labels[p.firstSeen]!, width)}  ${pad(labels[p.lastSeen]!, width)}  ${pad(String(p.versions.length), 8)}  ${status}  ${headline(p)}`,
      );
    }
    const count = (f: PostHistory['fate']) => history.posts.filter((p) => p.fate === f).length;
    this.line();
    this.line(
      c.bold(
        `${plural(history.posts.length, 'post')} over ${plural(history.captures.length, 'capture')}: ${count('live')} live, ${count('dropped')} dropped, ${count('out-of-view')} out of view, ${count('merged') > 0 ? `${count('merged')} merged, ` : ''}${count('reinserted')} reinserted; ${history.posts.filter((p) => p.versions.length > 1).length} edited`,
      ),
    );
    return this.text();
  }
}


class PostDetail extends TerminalWriter {
  render(history: History, post: PostHistory): string {
    const { c } = this;
    this.line(c.bold(`post ${post.id}: ${sanitizeInline(latestHeadline(post))}`));
    this.line(c.dim(`first seen ${label(history, post.firstSeen)} (${post.origin === 'initial' ? 'in the first capture' : EVENT_LABEL[post.origin]}), last seen ${label(history, post.lastSeen)}, now ${fateLabel(post.fate)}`));
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
  return new LogTable(options.color, options.width).render(history);
}

export function renderPostHistory(history: History, post: PostHistory, options: LogTerminalOptions): string {
  return new PostDetail(options.color, options.width).render(history, post);
}
