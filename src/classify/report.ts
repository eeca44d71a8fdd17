// diffCaptures: align two captures, classify every post, and build the Report every renderer reads.
import { alignPosts } from '../align/align.js';
import { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from '../align/options.js';
import { DifferentPagesError } from '../errors.js';
import {
  FIELDS,
  type Capture,
  type CaptureInfo,
  type Post,
  type PostChange,
  type PostRef,
  type Report,
  type Summary,
} from '../model.js';
import { compareFields } from './fields.js';
import { comparePages, isSamePage } from './page.js';
import { DEFAULT_DIFF_OPTIONS, type DiffOptions } from './text-diff.js';
import { classifyUnpaired } from './window.js';
import { detectOrder, movedInPageOrder } from '../align/order.js';
import type { PageOrder } from '../model.js';

export interface DiffCapturesOptions extends Partial<AlignOptions>, Partial<DiffOptions> {
  /** Compare captures even when they look like different pages. Default false. */
  force?: boolean;
  /** The order both captures list their posts in; detected from each capture's times when not given. */
  pageOrder?: PageOrder;
}

/**
 * A post as the report names it. The headline is read from the post when first asked for: a text
 * capture reads a post's headline on first use, and most posts of a large page are never shown.
 * toJSON writes it out like a plain object's.
 */
class Ref implements PostRef {
  readonly index: number;
  readonly time: string;
  readonly id: string | null;
  readonly #post: Post;

  constructor(post: Post) {
    this.#post = post;
    this.index = post.index;
    this.time = post.time;
    this.id = post.id;
  }

  get headline(): string {
    return this.#post.headline;
  }

  toJSON(): PostRef {
    return { index: this.index, time: this.time, headline: this.headline, id: this.id };
  }
}

function ref(post: Post): PostRef {
  return new Ref(post);
}

function info(c: Capture, order?: PageOrder): CaptureInfo {
  return {
    source: c.source,
    format: c.format,
    title: c.page.title,
    updated: c.page.updated,
    postCount: c.page.postCount,
    posts: c.posts.length,
    ...(order === undefined ? {} : { order }),
  };
}

function unpaired(status: PostChange['status'], post: Post, side: 'old' | 'new'): PostChange {
  return {
    status,
    old: side === 'old' ? ref(post) : null,
    new: side === 'new' ? ref(post) : null,
    moved: false,
    fields: [],
    match: null,
    score: null,
    changes: [],
    post,
  };
}

export function summarize(posts: readonly PostChange[]): Summary {
  const summary: Summary = {
    added: 0,
    dropped: 0,
    edited: 0,
    'out-of-view': 0,
    'into-view': 0,
    unchanged: 0,
    moved: 0,
    fields: {},
  };
  for (const p of posts) {
    summary[p.status]++;
    if (p.moved) summary.moved++;
    for (const f of p.fields) summary.fields[f] = (summary.fields[f] ?? 0) + 1;
  }
  return summary;
}

/** Compare two captures of a live page. Throws DifferentPagesError unless `force`. */
export function diffCaptures(old: Capture, neu: Capture, options: DiffCapturesOptions = {}): Report {
  const alignOptions: AlignOptions = { ...DEFAULT_ALIGN_OPTIONS, ...definedOnly(options) };
  const diffOptions: DiffOptions = { ...DEFAULT_DIFF_OPTIONS, ...definedOnly(options) };
  const pageCounters = { old: old.page.postCount, new: neu.page.postCount }; // evidence for align/rewrites.ts
  const alignment = alignPosts(old.posts, neu.posts, { ...alignOptions, pageCounters });
  const samePage = isSamePage(old, neu, alignment.pairs.length);
  if (!samePage && !options.force) throw new DifferentPagesError(old.page.title, neu.page.title);

  // Page order (align/order.ts): windows are reasoned in it, and a page toggled to oldest first moves nothing.
  const orders = { old: options.pageOrder ?? detectOrder(old.posts), new: options.pageOrder ?? detectOrder(neu.posts) };
  alignment.moved = movedInPageOrder(alignment, old.posts.length, neu.posts.length, orders);
  const verdict = classifyUnpaired(old, neu, alignment, orders);
  const byNew: PostChange[] = new Array(neu.posts.length);
  alignment.pairs.forEach((pair, i) => {
    const before = old.posts[pair.old]!;
    const after = neu.posts[pair.new]!;
    // An identical pair has nothing to compare (its key is every field) but, with ids, the id.
    const changes = pair.match === 'identical' && before.id === after.id ? [] : compareFields(before, after, diffOptions);
    const change: PostChange = {
      status: changes.length > 0 ? 'edited' : 'unchanged',
      old: ref(before),
      new: ref(after),
      moved: alignment.moved.has(i),
      fields: changes.length === 0 ? [] : FIELDS.filter((f) => changes.some((c) => c.field === f)),
      match: pair.match,
      // Null first, as for unpaired posts, so that V8 gives the field one shape for all its values. Were
      // the first score a small integer (1) and later ones fractions or null, V8 would retire the entries'
      // shape and migrate every entry made before on its next read (compare newPair in align/align.ts).
      score: null,
      changes,
      post: after,
    };
    change.score = Math.round(pair.score * 1000) / 1000;
    // Why a pair not found by an exact key is one post (align/rewrites.ts for `in-place`).
    if (pair.match === 'in-place') Object.assign(change, { evidence: pair.evidence ?? null, confidence: pair.confidence ?? null });
    else if (pair.match === 'similar') change.evidence = { kind: 'similar', score: change.score };
    byNew[pair.new] = change;
  });
  for (const [n, status] of verdict.newOnly) byNew[n] = { ...unpaired(status, neu.posts[n]!, 'new'), evidence: verdict.newEvidence.get(n) ?? null };

  // Old-only posts go right after the new place of the post that preceded them in the old capture.
  const oldOnlyAfter = new Map<number, PostChange[]>();
  const newOf = new Int32Array(old.posts.length).fill(-1);
  for (const p of alignment.pairs) newOf[p.old] = p.new;
  let anchor = -1;
  for (let o = 0; o < old.posts.length; o++) {
    const status = verdict.oldOnly.get(o);
    if (status === undefined) {
      if (newOf[o]! >= 0) anchor = newOf[o]!;
      continue;
    }
    const list = oldOnlyAfter.get(anchor) ?? [];
    list.push({ ...unpaired(status, old.posts[o]!, 'old'), evidence: verdict.oldEvidence.get(o) ?? null });
    oldOnlyAfter.set(anchor, list);
  }
  const posts: PostChange[] = [...(oldOnlyAfter.get(-1) ?? [])];
  byNew.forEach((change, n) => {
    posts.push(change);
    const after = oldOnlyAfter.get(n);
    if (after) posts.push(...after);
  });

  return {
    old: info(old, orders.old),
    new: info(neu, orders.new),
    samePage,
    page: { ...comparePages(old, neu), deletionsOutsideView: verdict.deletionsOutsideView, notes: verdict.notes },
    summary: summarize(posts),
    posts,
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
