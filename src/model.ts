// The shapes every stage shares: Capture (parse) → Alignment (align) → Report (classify) → string (render).

/** One block of a post's body, in page order. */
export interface Block {
  kind: 'paragraph' | 'bullet' | 'numbered';
  /** Normalised text (noise removed); bullets and numbers keep no marker, `marker` holds it. */
  text: string;
  /** `•` for bullets, `3.` for numbered items, `''` for paragraphs. */
  marker: string;
}

/** An image caption as captures show it: the caption, then the same caption with the photo credit. */
export interface Caption {
  text: string;
  credit: string | null;
}

/**
 * One post of a live page: plain, readonly data (every field an own enumerable property). A text post's
 * `captions`, `body` and `key` are accessors that parse it on first read (parse/chunks.ts): spread,
 * structuredClone, JSON.stringify and toEqual read them like values; assigning one makes them values.
 * All text is normalised (see parse/normalize.ts).
 */
export interface Post {
  /** 0-based position among the capture's posts. */
  readonly index: number;
  /** 1-based line of the source where the post starts (its timestamp line). */
  readonly line: number;
  /** The publisher's id, when the format carries one (JSON-LD `@id`, feed ids); null for text captures. */
  readonly id: string | null;
  /** The timestamp as shown, e.g. `5:50 a.m. ET, March 22, 2023`. */
  readonly time: string;
  /** Minutes since 1970-01-01 in the page's own time zone, or null when the timestamp did not parse. */
  readonly minutes: number | null;
  readonly headline: string;
  /** `From CNN's …` line, or null when the post has none. */
  readonly byline: string | null;
  readonly captions: readonly Caption[];
  readonly body: readonly Block[];
  /**
   * The post's content identity: a hash of its time, headline, byline, captions and body (`postKey` in
   * parse/post.ts), the same for every format. Equal keys are how the aligner pairs unchanged posts.
   */
  readonly key: string;
}

/** The page header: what a capture says about the page as a whole. Every field may be missing. */
export interface PageHeader {
  /** Headline of the post a deep link pointed to, when the capture was opened through one. */
  deepLink: string | null;
  title: string | null;
  bylines: string[];
  /** The `Updated …` time as shown, without the word `Updated`. */
  updated: string | null;
  updatedMinutes: number | null;
  /** The page's `N Posts` counter: how many posts the page has, of which the capture shows a window. */
  postCount: number | null;
}

/** A parsed capture of a live page. */
export interface Capture {
  /** Where it came from: a file path, `-` for stdin, or a label given by the caller. */
  readonly source: string;
  /** Name of the adapter that read it (`text`, ...). */
  readonly format: string;
  readonly page: PageHeader;
  readonly posts: readonly Post[];
}

/** How a pair of posts was recognised as the same post, strongest first. */
export type MatchKind = 'id' | 'identical' | 'time+headline' | 'body' | 'similar' | 'grown' | 'in-place';

// ——— Page order and evidence (align/order.ts, align/rewrites.ts, classify/window.ts) ———

/** The order a capture lists its posts in, read from their times (align/order.ts) or forced. */
export type PageOrder = 'newest-first' | 'oldest-first' | 'unordered';

/** Why a post got its status or its partner: a kind and the facts (docs/json.md lists them); renderers word it. */
export interface Evidence {
  kind: string;
  [fact: string]: number | string | boolean | string[] | null;
}

export interface Pair {
  old: number;
  new: number;
  match: MatchKind;
  /** Similarity score in [0, 1] (1 for exact matches). */
  score: number;
  /** `in-place` pairs only (align/rewrites.ts): how sure, in [0, 1], and why. */
  confidence?: number;
  evidence?: Evidence;
}

/** Which post of the old capture is which post of the new one. */
export interface Alignment {
  pairs: Pair[];
  /** Old indices with no partner, ascending. */
  unmatchedOld: number[];
  /** New indices with no partner, ascending. */
  unmatchedNew: number[];
  /** Pair indices (into `pairs`) whose relative order changed: the posts that moved. */
  moved: Set<number>;
}

/**
 * Every member of a union of strings, in the order the object lists them. The object must name each member
 * exactly once (a `Record` over the union), so a member added to the union and left out is a compile error.
 */
export function allOf<U extends string>(members: Record<U, true>): readonly U[] {
  return Object.keys(members) as U[];
}

/** For an exhaustive `switch`: the compiler rejects the call while a case is missing. */
export function unreachable(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

/** `id`: the publisher's post id changed (the same text re-posted under a new id); formats with ids only. */
export type Field = 'id' | 'time' | 'headline' | 'byline' | 'captions' | 'body';
export const FIELDS: readonly Field[] = allOf<Field>({ id: true, time: true, headline: true, byline: true, captions: true, body: true });

/** A word-level difference: `=` kept, `-` removed, `+` inserted. */
export interface Part {
  op: '=' | '-' | '+';
  text: string;
}

/** One line of a field's difference: a block kept, removed, inserted, or changed word by word. */
export type Hunk =
  | { op: '='; text: string }
  | { op: '-'; text: string }
  | { op: '+'; text: string }
  /** The same block edited: word diff parts. */
  | { op: '~'; parts: Part[] };

/** What changed in one field of an edited post. */
export interface FieldChange {
  field: Field;
  old: string;
  new: string;
  /** Block-by-block differences, word diffs inside; blocks rewritten beyond recognition show as `-`/`+`. */
  hunks: Hunk[];
  /** Present (true) when a work bound made the diff coarser than it could be (classify/text-diff.ts). */
  coarse?: true;
}

/** A post as a report names it: its place in its capture's posts, time, headline and publisher id. */
export interface PostRef {
  readonly index: number;
  readonly time: string;
  readonly headline: string;
  readonly id: string | null;
}

/**
 * What happened to one post; `status` decides which fields say something. Every variant has every field
 * (null or empty where it says nothing), so the JSON keeps one shape; narrow on `status` (or on `old` /
 * `new` being null) to read them without `!`.
 */
export type PostChange = NewOnlyChange | OldOnlyChange | EditedChange | UnchangedChange;
export type PostStatus = PostChange['status'];

interface ChangeBase {
  /** The post itself (the new version when there is one): renderers show it for added / dropped posts. */
  post: Post;
  /**
   * Why the post got its status (unpaired posts, classify/window.ts) or its partner (pairs not found by an
   * exact key: `similar`, `in-place`); null otherwise. Renderers word it (render/evidence.ts).
   */
  evidence: Evidence | null;
}

/** What a post in one capture only has in place of a pair's fields: nothing compared. */
interface UnpairedBase extends ChangeBase {
  moved: false;
  fields: [];
  match: null;
  score: null;
  changes: [];
  confidence: null;
}

/** A post only the new capture shows: new on the page, or an older post that came into the window. */
export interface NewOnlyChange extends UnpairedBase {
  status: 'added' | 'into-view';
  old: null;
  new: PostRef;
}

/**
 * A post only the old capture shows: deleted (as far as the captures prove), out of the window, or merged
 * into another post (its every paragraph now there, evidence `merged` names which: classify/merged.ts).
 */
export interface OldOnlyChange extends UnpairedBase {
  status: 'dropped' | 'out-of-view' | 'merged';
  old: PostRef;
  new: null;
}

interface PairBase extends ChangeBase {
  old: PostRef;
  new: PostRef;
  /** The post changed place relative to the other posts both captures show. */
  moved: boolean;
  /** How the pair was recognised. */
  match: MatchKind;
  /** Similarity score in [0, 1] (1 for exact matches), rounded to 3 decimals. */
  score: number;
  /** For `in-place` pairs (align/rewrites.ts): how sure the pairing is, in [0, 1]; null for other pairs. */
  confidence: number | null;
}

/** A pair whose fields differ: the fields in FIELDS order, and one change per field. */
export interface EditedChange extends PairBase {
  status: 'edited';
  fields: [Field, ...Field[]];
  changes: [FieldChange, ...FieldChange[]];
}

export interface UnchangedChange extends PairBase {
  status: 'unchanged';
  fields: [];
  changes: [];
}

export const POST_STATUSES: readonly PostStatus[] = allOf<PostStatus>({
  added: true,
  dropped: true,
  edited: true,
  'out-of-view': true,
  'into-view': true,
  merged: true,
  unchanged: true,
});

export interface ValueChange<T> {
  old: T;
  new: T;
}

/** Page-level changes, reported apart from posts. */
export interface PageReport {
  title: ValueChange<string | null> | null;
  updated: ValueChange<string | null> | null;
  postCount: ValueChange<number | null> | null;
  bylines: ValueChange<string[]> | null;
  deepLink: ValueChange<string | null> | null;
  /** Deletions the post counter implies but the captures cannot show, or null when the counter cannot tell. */
  deletionsOutsideView: number | null;
  /** Remarks on the page (counter inconsistencies), as data: renderers word them (render/notes.ts). */
  notes: PageNote[];
}

/**
 * A remark on the page. The counter notes carry the counters (`oldCount` → `newCount`) and how many posts
 * were `added` in view, from which the rest follows:
 * - `deleted-outside-view`: the counters imply `posts` deletions that no capture shows;
 * - `fewer-deletions-than-shown`: the counters imply `implied` deletions, but `shown` posts are gone from
 *   between shown posts;
 * - `added-outside-view`: the counter grew by more than the posts added in view: `posts` were added outside it.
 * And `ids-ignored`: the page's post ids number posts by their place (`posts` ids moved to a neighbour's
 * text), so the posts were compared without them (align/ids.ts).
 */
export type PageNote =
  | { kind: 'deleted-outside-view'; oldCount: number; newCount: number; added: number; posts: number }
  | { kind: 'fewer-deletions-than-shown'; oldCount: number; newCount: number; added: number; implied: number; shown: number }
  | { kind: 'added-outside-view'; oldCount: number; newCount: number; added: number; posts: number }
  | { kind: 'ids-ignored'; posts: number };

export type Summary = Record<PostStatus, number> & {
  /** Every post that moved, whatever its status. */
  moved: number;
  /** Of those, the unchanged ones: a verdict counts them as moved, not also as unchanged, so its numbers add up. */
  movedOnly: number;
  /** For edited posts: how many changed each field. */
  fields: Partial<Record<Field, number>>;
};

export interface CaptureInfo {
  source: string;
  format: string;
  title: string | null;
  updated: string | null;
  postCount: number | null;
  posts: number;
  /** The order of the capture's posts (detected from their times, or forced by `--page-order`). */
  order?: PageOrder;
}

/** The result of comparing two captures. */
export interface Report {
  old: CaptureInfo;
  new: CaptureInfo;
  samePage: boolean;
  page: PageReport;
  summary: Summary;
  /** Every post of both captures exactly once: new-capture order, with old-only posts at their old place. */
  posts: PostChange[];
}

// ——— History: the life of each post across many captures (livediff log) ———

/** One capture of a series: a label (file name, commit), when it was taken if known, and the capture. */
export interface CaptureVersion {
  label: string;
  time: Date | null;
  capture: Capture;
}

/** What happened to a post between two captures of the series. */
export type HistoryEventKind =
  | 'added'
  | 'into-view'
  | 'edited'
  | 'moved'
  | 'dropped'
  | 'out-of-view'
  | 'merged'
  | 'back-into-view'
  | 'reinserted';

export interface HistoryEvent {
  /** Index of the capture (in the series) where it was seen. */
  capture: number;
  kind: HistoryEventKind;
  /** For `edited` (and a post that came back changed): the fields that changed. */
  fields: Field[];
}

/**
 * How a post's story ends: on the page in the last capture, deleted, only out of view, merged into another
 * post (its text lives on there), or deleted (or merged) and back.
 */
export type PostFate = 'live' | 'dropped' | 'out-of-view' | 'merged' | 'reinserted';
/** In the order legends and summaries list them. */
export const POST_FATES: readonly PostFate[] = allOf<PostFate>({ live: true, dropped: true, 'out-of-view': true, merged: true, reinserted: true });

/** One version of a post: the capture where it was first seen like this, and what changed from the one before. */
export interface PostVersion {
  capture: number;
  post: Post;
  fields: Field[];
  changes: FieldChange[];
}

/** One post followed through the series. */
export interface PostHistory {
  /** 1-based number, in order of first appearance. */
  id: number;
  firstSeen: number;
  lastSeen: number;
  /** How it first appeared: in the first capture, as a new post, or as an older post coming into view. */
  origin: 'initial' | 'added' | 'into-view';
  fate: PostFate;
  versions: PostVersion[];
  events: HistoryEvent[];
}

export interface CaptureInfoInSeries extends CaptureInfo {
  label: string;
  time: string | null;
}

/** The history of a series of captures. */
export interface History {
  captures: CaptureInfoInSeries[];
  posts: PostHistory[];
}
