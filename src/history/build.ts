// The life of every post across a series: chain the pairwise reports into identities that survive
// leaving the view, deletion and coming back. Each capture is parsed once; only neighbours are aligned.
import { bodyKey, timeHeadlineKey } from '../align/fingerprint.js';
import { compareFields } from '../classify/fields.js';
import { diffCaptures, type DiffCapturesOptions, resolveOptions, type ResolvedOptions } from '../classify/report.js';
import { PageWork } from '../classify/text-diff.js';
import { InputError } from '../errors.js';
import { FIELDS } from '../model.js';
import type { CaptureVersion, History, HistoryEvent, Post, PostChange, PostHistory } from '../model.js';
import { samePost } from '../parse/post.js';

export interface HistoryOptions extends DiffCapturesOptions {
  /** Called after each capture is chained in (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

interface Tracked {
  history: PostHistory;
  /** Where it is now: in the last capture chained, or gone (deleted / out of view / merged into another). */
  gone: 'dropped' | 'out-of-view' | 'merged' | null;
  last: Post;
}

/** Identities not in the current capture, by the keys a returning post is recognised by. */
class Absent {
  private readonly byKey = new Map<string, Tracked[]>();

  add(t: Tracked): void {
    for (const key of keys(t.last)) {
      const list = this.byKey.get(key);
      if (list) list.push(t);
      else this.byKey.set(key, [t]);
    }
  }

  /** The absent identity this post is, if its time and headline, or its body, match one. */
  take(post: Post): Tracked | null {
    for (const key of keys(post)) {
      const list = this.byKey.get(key);
      if (!list) continue;
      const i = list.findIndex((t) => t.gone !== null);
      if (i >= 0) return list.splice(i, 1)[0]!;
    }
    return null;
  }
}

function keys(post: Post): string[] {
  const body = bodyKey(post);
  return body === null ? [`t:${timeHeadlineKey(post)}`] : [`t:${timeHeadlineKey(post)}`, `b:${body}`];
}

function event(t: Tracked, capture: number, kind: HistoryEvent['kind'], fields: HistoryEvent['fields'] = []): void {
  t.history.events.push({ capture, kind, fields });
}

/**
 * A new version when the post, paired by the report, differs from the last one seen: the report's field
 * differences are reused, not computed again. An id alone changing is no new version (as for posts
 * compared below: samePost ignores ids).
 */
function recordPaired(t: Tracked, capture: number, post: Post, change: PostChange): HistoryEvent['fields'] {
  t.last = post;
  if (change.status !== 'edited' || change.fields.every((f) => f === 'id')) return [];
  t.history.versions.push({ capture, post, fields: change.fields, changes: change.changes });
  return change.fields;
}

/** A new version when a returning post (no pair in the report) differs from the last one seen. */
function recordVersion(t: Tracked, capture: number, post: Post, options: ResolvedOptions, work: PageWork): HistoryEvent['fields'] {
  if (samePost(t.last, post)) {
    t.last = post;
    return [];
  }
  const changes = compareFields(t.last, post, options, work);
  const fields = FIELDS.filter((f) => changes.some((c) => c.field === f));
  t.history.versions.push({ capture, post, fields, changes });
  t.last = post;
  return fields;
}

/** Follow every post through a series of captures of one page, oldest first. */
export function buildHistory(series: readonly CaptureVersion[], options: HistoryOptions = {}): History {
  const all: Tracked[] = [];
  const absent = new Absent();
  const track = (post: Post, capture: number, origin: PostHistory['origin']): Tracked => {
    const t: Tracked = {
      history: { id: all.length + 1, firstSeen: capture, lastSeen: capture, origin, fate: 'live', versions: [{ capture, post, fields: [], changes: [] }], events: [] },
      gone: null,
      last: post,
    };
    if (origin !== 'initial') event(t, capture, origin);
    all.push(t);
    return t;
  };

  // Resolved once for the whole series (diffCaptures takes resolved options as they are).
  const resolved = resolveOptions({ ...options, force: true });
  let current: Tracked[] = (series[0]?.capture.posts ?? []).map((p) => track(p, 0, 'initial'));
  options.onProgress?.(1, series.length);
  for (let i = 1; i < series.length; i++) {
    const before = series[i - 1]!;
    const after = series[i]!;
    const report = diffCaptures(before.capture, after.capture, resolved);
    if (!report.samePage) {
      throw new InputError(after.label, `a capture of the same page as ${before.label}`, `a different page (${JSON.stringify(after.capture.page.title)})`);
    }
    const next: Tracked[] = new Array(after.capture.posts.length);
    // The returning posts of this step share one word-diff budget, as the step's report does (text-diff.ts).
    const work = new PageWork();
    for (const change of report.posts) {
      if (change.old && change.new) {
        const t = current[change.old.index]!;
        next[change.new.index] = t;
        const fields = recordPaired(t, i, after.capture.posts[change.new.index]!, change);
        if (fields.length > 0) event(t, i, 'edited', fields);
        if (change.moved) event(t, i, 'moved');
      } else if (change.old) {
        const t = current[change.old.index]!;
        t.gone = change.status;
        event(t, i, t.gone);
        absent.add(t);
      } else {
        const post = after.capture.posts[change.new!.index]!;
        const back = absent.take(post);
        if (back) {
          // Gone as a post of its own (deleted, or merged into another) and back: reinserted.
          const kind = back.gone === 'out-of-view' ? 'back-into-view' : 'reinserted';
          if (kind === 'reinserted') back.history.fate = 'reinserted';
          back.gone = null;
          event(back, i, kind, recordVersion(back, i, post, resolved, work));
          next[change.new!.index] = back;
        } else next[change.new!.index] = track(post, i, change.status === 'into-view' ? 'into-view' : 'added');
      }
    }
    for (const t of next) t.history.lastSeen = i;
    current = next;
    options.onProgress?.(i + 1, series.length);
  }
  for (const t of all) {
    if (t.gone !== null) t.history.fate = t.gone;
    else if (t.history.fate !== 'reinserted') t.history.fate = 'live';
  }
  return {
    captures: series.map((v) => ({
      label: v.label,
      time: v.time?.toISOString() ?? null,
      source: v.capture.source,
      format: v.capture.format,
      title: v.capture.page.title,
      updated: v.capture.page.updated,
      postCount: v.capture.page.postCount,
      posts: v.capture.posts.length,
    })),
    posts: all.map((t) => t.history),
  };
}
