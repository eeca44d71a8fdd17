// diffCaptures: align two captures, classify every post, and build the Report every renderer reads.
import { append } from '../arrays.js';
import { alignPosts } from '../align/align.js';
import { shiftedIds, withoutIds } from '../align/ids.js';
import { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from '../align/options.js';
import { detectOrders, movedInPageOrder } from '../align/order.js';
import { DifferentPagesError, UsageError } from '../errors.js';
import {
  FIELDS,
  type Capture,
  type CaptureInfo,
  type EditedChange,
  type Evidence,
  type Field,
  type FieldChange,
  type NewOnlyChange,
  type OldOnlyChange,
  type PageOrder,
  type Pair,
  type Post,
  type PostChange,
  type PostRef,
  type Report,
  type Summary,
  type UnchangedChange,
} from '../model.js';
import { compareFields } from './fields.js';
import { comparePages, isSamePage } from './page.js';
import { DEFAULT_DIFF_OPTIONS, type DiffOptions, PageWork } from './text-diff.js';
import { classifyUnpaired } from './window.js';

export interface DiffCapturesOptions extends Partial<AlignOptions>, Partial<DiffOptions> {
  /** Compare captures even when they look like different pages. Default false. */
  force?: boolean;
  /** The order both captures list their posts in; detected from each capture's times when not given. */
  pageOrder?: PageOrder;
}

/** Every option of a comparison, defaulted. */
export type ResolvedOptions = AlignOptions & DiffOptions & { force: boolean };

/**
 * The options a caller gave, with defaults for the rest: the one place they are merged. An option given
 * as `undefined` counts as not given (`{rewriteThreshold: undefined}` is the default, not "never").
 * Resolving resolved options changes nothing and costs nothing, so each entry point (diffCaptures,
 * buildHistory, compareSides) may call it.
 */
export function resolveOptions(options: DiffCapturesOptions = {}): ResolvedOptions {
  if (RESOLVED.has(options)) return options as ResolvedOptions;
  if (typeof options !== 'object' || options === null) throw new UsageError(`options: expected an object, got ${typeName(options)}`);
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as DiffCapturesOptions;
  for (const [name, value] of Object.entries(given)) checkOption(name, value);
  const resolved = Object.freeze({ ...DEFAULT_ALIGN_OPTIONS, ...DEFAULT_DIFF_OPTIONS, ...given, force: options.force ?? false });
  RESOLVED.add(resolved);
  return resolved;
}

/**
 * What resolveOptions returned (frozen, so still as checked): given again, it is returned at once. A
 * series resolves its options once for all its comparisons (buildHistory): resolving them anew for each
 * took 2.5% of a log over 2,000 captures.
 */
const RESOLVED = new WeakSet<object>();

/** Options that are shares (scores, thresholds): a number from 0 to 1. The other numbers are counts or minutes. */
const SHARES = new Set(['minSimilarity', 'headlineWeight', 'sameTimeBonus', 'minRewriteScore', 'rewriteConfidentScore', 'rewriteThreshold', 'minBlockSimilarity']);
const PAGE_ORDERS: readonly PageOrder[] = ['newest-first', 'oldest-first', 'unordered'];

const typeName = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' ? String(v) : typeof v === 'object' ? 'an object' : typeof v;

/**
 * A library caller's option checked where it enters (the CLI's are checked by its parser): a wrong value
 * would otherwise be echoed into the report (`pageOrder: 'sideways'`) or silently change the pairing.
 */
function checkOption(name: string, value: unknown): void {
  const fail = (expected: string) => {
    throw new UsageError(`option ${name}: expected ${expected}, got ${typeName(value)}`);
  };
  if (name === 'pageOrder') {
    if (!PAGE_ORDERS.includes(value as PageOrder)) fail(PAGE_ORDERS.map((o) => `'${o}'`).join(', ').replace(/, ([^,]*)$/, ' or $1'));
  } else if (name === 'force') {
    if (typeof value !== 'boolean') fail('true or false');
  } else if (SHARES.has(name)) {
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) fail('a number from 0 to 1');
  } else if (name in DEFAULT_ALIGN_OPTIONS || name in DEFAULT_DIFF_OPTIONS) {
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) fail('a number of at least 0');
  }
}

/** A library caller's capture checked where it enters: what parseCapture returns, not anything else. */
function checkCapture(c: unknown, side: string): void {
  const capture = c as Capture | null;
  if (typeof c !== 'object' || c === null || !Array.isArray(capture!.posts) || typeof capture!.page !== 'object' || capture!.page === null) {
    throw new UsageError(`diffCaptures: the ${side} capture: expected a capture as parseCapture returns it, got ${typeName(c)}`);
  }
}

/** A post as the report names it, by its place among its capture's posts (plain data). */
function ref(post: Post, index: number): PostRef {
  return { index, time: post.time, headline: post.headline, id: post.id };
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

// Every change is made with the same properties in the same order, so that V8 gives them one shape.

function newOnly(status: NewOnlyChange['status'], post: Post, index: number, evidence: Evidence | null): NewOnlyChange {
  return { status, old: null, new: ref(post, index), moved: false, fields: [], match: null, score: null, changes: [], post, evidence, confidence: null };
}

function oldOnly(status: OldOnlyChange['status'], post: Post, index: number, evidence: Evidence | null): OldOnlyChange {
  return { status, old: ref(post, index), new: null, moved: false, fields: [], match: null, score: null, changes: [], post, evidence, confidence: null };
}

/**
 * Why a pair not found by an exact key is one post, and how sure (align/rewrites.ts for `in-place`); null
 * for exact pairings.
 */
function pairEvidence(pair: Pair, score: number): { evidence: Evidence | null; confidence: number | null } {
  if (pair.match === 'in-place') return { evidence: pair.evidence ?? null, confidence: pair.confidence ?? null };
  if (pair.match === 'similar') return { evidence: { kind: 'similar', score }, confidence: null };
  if (pair.match === 'grown') return { evidence: { kind: 'grown', score }, confidence: null };
  return { evidence: null, confidence: null };
}

const nonEmpty = <T>(list: T[]): list is [T, ...T[]] => list.length > 0;

function paired(before: Post, after: Post, pair: Pair, moved: boolean, changes: FieldChange[]): EditedChange | UnchangedChange {
  // Score null first, as for unpaired posts, so that V8 gives the field one shape for all its values. Were
  // the first score a small integer (1) and later ones fractions or null, V8 would retire the entries'
  // shape and migrate every entry made before on its next read (compare newPair in align/align.ts).
  const change: Omit<EditedChange | UnchangedChange, 'score'> & { score: number | null } = nonEmpty(changes)
    ? { status: 'edited', old: ref(before, pair.old), new: ref(after, pair.new), moved, fields: changedFields(changes), match: pair.match, score: null, changes, post: after, evidence: null, confidence: null }
    : { status: 'unchanged', old: ref(before, pair.old), new: ref(after, pair.new), moved, fields: [], match: pair.match, score: null, changes: [], post: after, evidence: null, confidence: null };
  const score = Math.round(pair.score * 1000) / 1000;
  change.score = score;
  const why = pairEvidence(pair, score);
  change.evidence = why.evidence;
  change.confidence = why.confidence;
  return change as EditedChange | UnchangedChange;
}

/** The fields the changes are of, in FIELDS order (never empty: there is a change). */
function changedFields(changes: [FieldChange, ...FieldChange[]]): [Field, ...Field[]] {
  return FIELDS.filter((f) => changes.some((c) => c.field === f)) as [Field, ...Field[]];
}

export function summarize(posts: readonly PostChange[]): Summary {
  const summary: Summary = {
    added: 0,
    dropped: 0,
    edited: 0,
    'out-of-view': 0,
    'into-view': 0,
    merged: 0,
    unchanged: 0,
    moved: 0,
    movedOnly: 0,
    fields: {},
  };
  for (const p of posts) {
    summary[p.status]++;
    if (p.moved) summary.moved++;
    if (p.moved && p.status === 'unchanged') summary.movedOnly++;
    for (const f of p.fields) summary.fields[f] = (summary.fields[f] ?? 0) + 1;
  }
  return summary;
}

/** Compare two captures of a live page. Throws DifferentPagesError unless `force`. */
export function diffCaptures(old: Capture, neu: Capture, options: DiffCapturesOptions = {}): Report {
  checkCapture(old, 'old');
  checkCapture(neu, 'new');
  // Ids that number posts by their place pair neighbours: compared without them, and the page says so.
  const shifted = shiftedIds(old.posts, neu.posts);
  if (shifted > 0) {
    old = { ...old, posts: withoutIds(old.posts) };
    neu = { ...neu, posts: withoutIds(neu.posts) };
  }
  const resolved = resolveOptions(options);
  const pageCounters = { old: old.page.postCount, new: neu.page.postCount }; // evidence for align/rewrites.ts
  const alignment = alignPosts(old.posts, neu.posts, { ...resolved, pageCounters });
  const samePage = isSamePage(old, neu, alignment.pairs.length);
  if (!samePage && !resolved.force) throw new DifferentPagesError(old.page.title, neu.page.title, [old.source, neu.source]);

  // Page order (align/order.ts): windows are reasoned in it, and a page toggled to oldest first moves nothing.
  const orders = options.pageOrder === undefined ? detectOrders(old.posts, neu.posts) : { old: options.pageOrder, new: options.pageOrder };
  alignment.moved = movedInPageOrder(alignment, old.posts.length, neu.posts.length, orders);
  const verdict = classifyUnpaired(old, neu, alignment, orders);
  const byNew: PostChange[] = new Array(neu.posts.length);
  // One word-diff budget for the comparison, besides each post's: no page can multiply the bound by its posts.
  const work = new PageWork();
  alignment.pairs.forEach((pair, i) => {
    const before = old.posts[pair.old]!;
    const after = neu.posts[pair.new]!;
    // An identical pair has nothing to compare (its key is every field) but, with ids, the id.
    const changes = pair.match === 'identical' && before.id === after.id ? [] : compareFields(before, after, resolved, work);
    const change = paired(before, after, pair, alignment.moved.has(i), changes);
    byNew[pair.new] = change;
  });
  for (const [n, status] of verdict.newOnly) byNew[n] = newOnly(status, neu.posts[n]!, n, verdict.newEvidence.get(n) ?? null);

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
    list.push(oldOnly(status, old.posts[o]!, o, verdict.oldEvidence.get(o) ?? null));
    oldOnlyAfter.set(anchor, list);
  }
  const posts: PostChange[] = [...(oldOnlyAfter.get(-1) ?? [])];
  byNew.forEach((change, n) => {
    posts.push(change);
    const after = oldOnlyAfter.get(n);
    if (after) append(posts, after);
  });

  return {
    old: info(old, orders.old),
    new: info(neu, orders.new),
    samePage,
    page: {
      ...comparePages(old, neu),
      deletionsOutsideView: verdict.deletionsOutsideView,
      notes: shifted > 0 ? [{ kind: 'ids-ignored', posts: shifted }, ...verdict.notes] : verdict.notes,
    },
    summary: summarize(posts),
    posts,
  };
}
