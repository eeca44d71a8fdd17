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
 * One post of a live page. All text is normalised (see parse/normalize.ts). Posts of text captures are
 * parsed lazily: `line`, `headline`, `byline`, `captions` and `body` are getters (see parse/chunks.ts);
 * JSON writes them out.
 */
export interface Post {
  /** 0-based position among the capture's posts. */
  index: number;
  /** 1-based line of the source where the post starts (its timestamp line). */
  line: number;
  /** The publisher's id, when the format carries one (JSON-LD `@id`, feed ids); null for text captures. */
  id: string | null;
  /** The timestamp as shown, e.g. `5:50 a.m. ET, March 22, 2023`. */
  time: string;
  /** Minutes since 1970-01-01 in the page's own time zone, or null when the timestamp did not parse. */
  minutes: number | null;
  headline: string;
  /** `From CNN's …` line, or null when the post has none. */
  byline: string | null;
  captions: Caption[];
  body: Block[];
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
  source: string;
  /** Name of the adapter that read it (`text`, ...). */
  format: string;
  page: PageHeader;
  posts: Post[];
}

/** How a pair of posts was recognised as the same post, strongest first. */
export type MatchKind = 'id' | 'identical' | 'time+headline' | 'body' | 'similar' | 'in-place';

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

export type PostStatus = 'added' | 'dropped' | 'out-of-view' | 'into-view' | 'edited' | 'unchanged';
export const POST_STATUSES: readonly PostStatus[] = [
  'added',
  'dropped',
  'edited',
  'out-of-view',
  'into-view',
  'unchanged',
];

/** `id`: the publisher's post id changed (the same text re-posted under a new id); formats with ids only. */
export type Field = 'id' | 'time' | 'headline' | 'byline' | 'captions' | 'body';
export const FIELDS: readonly Field[] = ['id', 'time', 'headline', 'byline', 'captions', 'body'];

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
}

/** A post as a report names it. `headline` may be a getter (classify/report.ts); JSON writes it out. */
export interface PostRef {
  index: number;
  time: string;
  headline: string;
  id: string | null;
}

export interface PostChange {
  status: PostStatus;
  old: PostRef | null;
  new: PostRef | null;
  /** The post changed place relative to the other posts both captures show. */
  moved: boolean;
  /** For `edited`: the fields that changed, in FIELDS order. Empty otherwise. */
  fields: Field[];
  /** How the pair was recognised; null for unpaired posts. */
  match: MatchKind | null;
  score: number | null;
  changes: FieldChange[];
  /** The post itself (the new version when there is one): renderers show it for added / dropped posts. */
  post: Post;
  /** Why: for unpaired posts and pairs not found by an exact key; null otherwise. */
  evidence?: Evidence | null;
  /** For `in-place` pairs: how sure the pairing is, in [0, 1]; null otherwise. */
  confidence?: number | null;
}

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
  /** Plain-language remarks on the page (counter inconsistencies and the like). */
  notes: string[];
}

export type Summary = Record<PostStatus, number> & {
  moved: number;
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
  | 'back-into-view'
  | 'reinserted';

export interface HistoryEvent {
  /** Index of the capture (in the series) where it was seen. */
  capture: number;
  kind: HistoryEventKind;
  /** For `edited` (and a post that came back changed): the fields that changed. */
  fields: Field[];
}

/** How a post's story ends: on the page in the last capture, deleted, only out of view, or deleted and back. */
export type PostFate = 'live' | 'dropped' | 'out-of-view' | 'reinserted';

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
