// Lines fitted to the terminal's width at word boundaries, with a hanging indent that repeats the marker.
import stringWidth from 'string-width';

/** A run of text painted one way (colour is applied per piece after wrapping, so codes never split). */
export interface Span {
  text: string;
  paint?: (s: string) => string;
}

let segmenter: Intl.Segmenter | undefined;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Texts up to this many code units are measured by string-width at once. */
const SHORT = 256;
/** Code units segmented at a time (segments): see there. */
const CHUNK = 512;

/**
 * Display columns: CJK and emoji take two, combining marks none (string-width knows the tables). A long
 * text that is not plain ASCII is measured cluster by cluster (see segments).
 */
export function displayWidth(s: string): number {
  if (s.length <= SHORT || PRINTABLE_ASCII.test(s)) return stringWidth(s);
  let width = 0;
  for (const [, w] of clusters(s)) width += w;
  return width;
}

/**
 * The grapheme clusters of `text` as Intl.Segmenter finds them, read a chunk at a time. On Node 20 each
 * step of a segment iterator costs time in proportion to the whole string, so segmenting a long text at
 * once is quadratic: a paragraph of 50,000 Chinese characters took 155 s to print. A chunk starts at a
 * cluster boundary and ends between two characters, and its last cluster is left for the next chunk (it
 * may go on past the chunk's end); the boundaries inside a chunk are the whole text's, since a boundary
 * depends only on the text from the cluster's start to the next character. A single cluster longer than a chunk (a letter under thousands
 * of accents) widens the chunk until it ends inside it.
 */
function* segments(text: string): Generator<string> {
  segmenter ??= new Intl.Segmenter();
  let pos = 0;
  let size = CHUNK;
  while (pos < text.length) {
    let end = Math.min(text.length, pos + size);
    // Never between the two halves of a character: a lone half breaks the clusters before it (a flag's
    // second letter cut in two leaves its first letter alone).
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end++;
    const found: string[] = [];
    let last = 0;
    for (const { segment, index } of segmenter.segment(text.slice(pos, end))) {
      found.push(segment);
      last = index;
    }
    if (end === text.length) {
      yield* found;
      return;
    }
    if (found.length < 2) {
      size *= 2;
      continue;
    }
    found.pop();
    yield* found;
    pos += last;
    size = CHUNK;
  }
}

/**
 * `text` as its grapheme clusters, each with its display width: what string-width sums, so that a long
 * text can be cut at a width in one pass. Measuring each longer prefix anew (as wrapping a word did) is
 * quadratic: a 5 MB word took more than five minutes to wrap at 80 columns. Printable ASCII is one column
 * a character, without the segmenter (whose first use costs start-up time).
 */
export function* clusters(text: string): Generator<[cluster: string, width: number]> {
  if (PRINTABLE_ASCII.test(text)) {
    for (let i = 0; i < text.length; i++) yield [text[i]!, 1];
    return;
  }
  for (const segment of segments(text)) yield [segment, clusterWidth(segment)];
}

/** Widths of short clusters met before: a CJK text repeats a few thousand characters. */
const WIDTHS = new Map<string, number>();

function clusterWidth(cluster: string): number {
  if (cluster.length > 4) return stringWidth(cluster);
  let width = WIDTHS.get(cluster);
  if (width === undefined) {
    if (WIDTHS.size >= 4096) WIDTHS.clear();
    width = stringWidth(cluster);
    WIDTHS.set(cluster, width);
  }
  return width;
}

/**
 * Split `spans` into lines of at most `width` columns, breaking at spaces (a word longer than a line is
 * cut). The first line starts with `first`, every other with `next` (the same indent and marker, so a
 * wrapped `+` line still reads as added). Without a width, one line. Spaces at a break are dropped.
 */
export function wrapSpans(spans: readonly Span[], width: number | undefined, first: Span, next: Span = first): Span[][] {
  if (width === undefined) return [[first, ...spans]];
  const room = (prefix: Span) => Math.max(10, width - displayWidth(prefix.text));
  // Tokens: a word or a run of spaces, each remembering its span's paint.
  const tokens: Span[] = [];
  for (const s of spans) for (const t of s.text.match(/\s+|\S+/g) ?? []) tokens.push({ text: t, paint: s.paint });
  const lines: Span[][] = [];
  let line: Span[] = [first];
  let used = 0;
  let limit = room(first);
  const push = () => {
    lines.push(line);
    line = [next];
    used = 0;
    limit = room(next);
  };
  for (const token of tokens) {
    const w = displayWidth(token.text);
    const blank = /^\s/.test(token.text);
    if (used + w <= limit) {
      if (!(blank && used === 0 && lines.length > 0)) line.push(token), (used += w);
      continue;
    }
    if (blank) {
      push();
      continue;
    }
    if (used > 0) push();
    // A word wider than a whole line: cut it into lines between grapheme clusters (a cluster wider than a
    // line alone on one), the rest staying on the line it ends.
    let cut = '';
    let cutWidth = 0;
    for (const [cluster, cw] of clusters(token.text)) {
      if (cut !== '' && cutWidth + cw > limit) {
        line.push({ text: cut, paint: token.paint });
        push();
        cut = '';
        cutWidth = 0;
      }
      cut += cluster;
      cutWidth += cw;
    }
    if (cut !== '') line.push({ text: cut, paint: token.paint }), (used += cutWidth);
  }
  lines.push(line);
  return lines.map((l) => trimEnd(l));
}

/** Drop trailing spaces of a line (a break falls on them). */
function trimEnd(line: Span[]): Span[] {
  const out = [...line];
  while (out.length > 1 && /^\s+$/.test(out.at(-1)!.text)) out.pop();
  return out;
}

/** A wrapped line as text: each piece painted. Adjacent pieces of one paint are joined first. */
export function paintLine(line: readonly Span[]): string {
  const merged: Span[] = [];
  for (const s of line) {
    const last = merged.at(-1);
    if (last && last.paint === s.paint) last.text += s.text;
    else merged.push({ ...s });
  }
  return merged.map((s) => (s.paint ? s.paint(s.text) : s.text)).join('');
}

/**
 * Cut `text` to `width` columns at a word, with an ellipsis: `Kremlin says Putin and…`. Text that fits
 * is returned as it is.
 */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return '…';
  let cut = '';
  let used = 0;
  for (const [cluster, cw] of clusters(text)) {
    if (used + cw > width - 1) break;
    cut += cluster;
    used += cw;
  }
  const atWord = cut.replace(/\s+\S*$/, '');
  // A single long word: cut inside it rather than show nothing.
  return `${(atWord.length >= cut.length / 2 ? atWord : cut).trimEnd()}…`;
}
