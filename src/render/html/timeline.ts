// The series drawn as SVG, by hand (two simple charts do not justify a charting library): the post counter
// over time, and one row per post from first to last seen, its colour and end shape saying how it ended.
import { maxOf, minOf } from '../../arrays.js';
import { type History, POST_FATES, type PostFate, type PostHistory } from '../../model.js';
import { esc } from './escape.js';
import { STATUS_LABEL } from '../vocabulary.js';

export const FATE_LABEL: Record<PostFate, string> = {
  live: 'live',
  dropped: 'dropped (deleted)',
  'out-of-view': STATUS_LABEL['out-of-view'],
  merged: 'merged into another post',
  reinserted: 'reinserted after deletion',
};

/** Left column (post numbers and headlines), plot area, right margin, in SVG units (the SVG scales to the page). */
const W = 1000;
const LABEL_W = 330;
const PLOT_L = LABEL_W + 10;
const PLOT_R = W - 24;
const ROW = 14;
const AXIS = 30;

/** x of each capture: its time to scale when every capture has one, else evenly spaced. */
export function captureXs(history: History): number[] {
  const n = history.captures.length;
  const times = history.captures.map((c) => (c.time === null ? NaN : Date.parse(c.time)));
  const known = times.every((t) => !Number.isNaN(t)) && n > 1 && times[n - 1]! > times[0]!;
  const span = PLOT_R - PLOT_L;
  return times.map((t, i) => {
    const f = known ? (t - times[0]!) / (times[n - 1]! - times[0]!) : n > 1 ? i / (n - 1) : 0.5;
    return +(PLOT_L + f * span).toFixed(1);
  });
}

export const latest = (p: PostHistory) => p.versions[p.versions.length - 1]!.post.headline || '(no headline)';

/** A capture's name on an axis: the time (UTC, minutes) when known, else its label. */
export function captureName(history: History, i: number): string {
  const c = history.captures[i]!;
  return c.time ? `${c.time.slice(0, 16).replace('T', ' ')} UTC` : c.label;
}

/** Axis ticks under a plot: the first, last and three captures between, by position. */
function axis(history: History, xs: number[], y: number): string {
  const n = xs.length;
  // First and last, and between them captures at least 200 units from any tick already placed (labels are ~120 wide).
  const picks = [0];
  for (const f of [0.25, 0.5, 0.75]) {
    const i = Math.round((n - 1) * f);
    if (xs[i]! - xs[picks[picks.length - 1]!]! >= 200 && xs[n - 1]! - xs[i]! >= 200) picks.push(i);
  }
  if (n > 1 && xs[n - 1]! - xs[0]! >= 200) picks.push(n - 1);
  const ticks = picks.map((i, k) => {
    const anchor = k === 0 ? 'start' : k === picks.length - 1 ? 'end' : 'middle';
    return `<line x1="${xs[i]}" x2="${xs[i]}" y1="${y}" y2="${y + 5}" class="ax"/><text x="${xs[i]}" y="${y + 17}" text-anchor="${anchor}" class="tk">${esc(captureName(history, i))}</text>`;
  });
  return `<line x1="${PLOT_L}" x2="${PLOT_R}" y1="${y}" y2="${y}" class="ax"/>${ticks.join('')}`;
}

/** The end of a bar: a shape per fate, so the fate does not rest on colour alone. */
function endShape(fate: PostFate, x: number, y: number): string {
  switch (fate) {
    case 'live':
      return `<path d="M${x},${y - 5}l7,5l-7,5z" class="f-live"/>`;
    case 'dropped':
      return `<path d="M${x - 4},${y - 4}l8,8m0,-8l-8,8" class="x f-dropped"/>`;
    case 'out-of-view':
      return `<circle cx="${x + 3}" cy="${y}" r="3.5" class="o f-out-of-view"/>`;
    case 'merged':
      return `<path d="M${x},${y - 5}l7,5l-7,5" class="m f-merged"/>`;
    case 'reinserted':
      return `<path d="M${x + 4},${y - 5}l4,5l-4,5l-4,-5z" class="f-reinserted"/>`;
  }
}

/** Events that take a post off the page, and those that bring it back. */
const GONE: ReadonlySet<string> = new Set(['dropped', 'out-of-view', 'merged']);
const BACK: ReadonlySet<string> = new Set(['reinserted', 'back-into-view']);

/** A stretch of captures a post was on the page, and how it ended (null: it is still there). */
interface Stretch {
  from: number;
  to: number;
  gone: 'dropped' | 'out-of-view' | 'merged' | null;
}

/**
 * The stretches a post was seen, first to last, broken where it went and came back. A red-team pass: a
 * post deleted and reinserted was drawn as one unbroken bar, its deletion nowhere on the timeline.
 */
function stretches(p: PostHistory): Stretch[] {
  const out: Stretch[] = [];
  let from = p.firstSeen;
  for (const e of p.events) {
    if (GONE.has(e.kind) && from >= 0) {
      out.push({ from, to: Math.max(from, e.capture - 1), gone: e.kind as Stretch['gone'] });
      from = -1;
    } else if (BACK.has(e.kind) && from < 0) from = e.capture;
  }
  if (from >= 0) out.push({ from, to: Math.max(from, p.lastSeen), gone: null });
  return out;
}

/** Words for the title of a row: each time the post went and came back. */
function comings(history: History, p: PostHistory): string {
  const said = p.events.filter((e) => GONE.has(e.kind) || BACK.has(e.kind)).map((e) => `${e.kind.replaceAll('-', ' ')} ${captureName(history, e.capture)}`);
  return said.length > 0 ? `; ${said.join(', ')}` : '';
}

function row(history: History, xs: number[], p: PostHistory, k: number): string {
  const y = AXIS + k * ROW + ROW / 2;
  const head = latest(p);
  const marks = p.versions
    .slice(1)
    .map((v) => `<line x1="${xs[v.capture]}" x2="${xs[v.capture]}" y1="${y - 5}" y2="${y + 5}" class="v"/>`)
    .join('');
  const parts = stretches(p);
  let bars = '';
  let x2 = xs[p.firstSeen]!;
  parts.forEach((part, i) => {
    const x1 = xs[part.from]!;
    // A gap, dotted, from where it went to where it came back.
    if (i > 0) bars += `<line x1="${x2 + 6}" x2="${x1}" y1="${y}" y2="${y}" class="gap"/>`;
    x2 = Math.max(xs[part.to]!, x1 + 3);
    bars += `<rect x="${x1}" y="${y - 3}" width="${(x2 - x1).toFixed(1)}" height="6" rx="2" class="bar f-${p.fate}"/>`;
    if (i < parts.length - 1 && part.gone !== null) bars += endShape(part.gone, x2, y);
  });
  const title = `${p.id}. ${head}: ${FATE_LABEL[p.fate]}; ${p.versions.length} version${p.versions.length === 1 ? '' : 's'}; seen ${captureName(history, p.firstSeen)} to ${captureName(history, p.lastSeen)}${comings(history, p)}`;
  return (
    `<a href="#post-${p.id}" class="row" aria-label="${esc(title)}"><title>${esc(title)}</title>` +
    `<rect x="0" y="${y - ROW / 2}" width="${W}" height="${ROW}" class="hit"/>` +
    `<text x="4" y="${y + 4}" class="lbl" clip-path="url(#lbl-clip)">${p.id}. ${esc(head)}</text>` +
    `${bars}${marks}${endShape(p.fate, x2, y)}</a>`
  );
}

/** The timeline: captures along x, one row per post in order of first appearance. */
export function timelineSvg(history: History, xs: number[]): string {
  const h = AXIS + history.posts.length * ROW + 6;
  return (
    `<svg class="timeline" viewBox="0 0 ${W} ${h}" width="100%" role="group" aria-labelledby="tl-h">` +
    // Headlines are cut at the label column by a clip, not shortened: the row's name must contain its visible text.
    `<defs><clipPath id="lbl-clip"><rect x="0" y="0" width="${LABEL_W}" height="${h}"/></clipPath></defs>` +
    axis(history, xs, AXIS - 22) +
    history.posts.map((p, k) => row(history, xs, p, k)).join('') +
    '</svg>'
  );
}

/** The page's post counter (solid) and the posts each capture shows (dashed) over time. */
export function counterSvg(history: History, xs: number[]): string {
  const H = 150;
  const top = 12;
  const bottom = H - 34;
  const counts = history.captures.map((c) => c.postCount);
  const shown = history.captures.map((c) => c.posts);
  const values = [...counts.filter((v): v is number => v !== null), ...shown];
  const max = maxOf(values, 1);
  const min = minOf(values, max);
  // A little below the lowest value, and at least one below it: a flat series is drawn above the axis.
  const lo = Math.max(0, min - Math.max(1, Math.ceil((max - min) * 0.1)));
  const y = (v: number) => +(bottom - ((v - lo) / Math.max(1, max - lo)) * (bottom - top)).toFixed(1);
  const line = (vs: Array<number | null>) =>
    vs.map((v, i) => (v === null ? '' : `${xs[i]},${y(v)}`)).filter(Boolean).join(' ');
  return (
    `<svg class="counter" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="ct-h ct-d">` +
    `<desc id="ct-d">The page's post counter went from ${counts[0] ?? 'unknown'} to ${counts[counts.length - 1] ?? 'unknown'} (highest ${max}); each capture showed between ${minOf(shown)} and ${maxOf(shown)} posts.</desc>` +
    `<line x1="${PLOT_L}" x2="${PLOT_R}" y1="${y(max)}" y2="${y(max)}" class="grid"/><text x="${PLOT_L - 6}" y="${y(max) + 4}" text-anchor="end" class="tk">${max}</text>` +
    `<text x="${PLOT_L - 6}" y="${y(lo) + 4}" text-anchor="end" class="tk">${lo}</text>` +
    `<polyline points="${line(counts)}" class="c-count"/><polyline points="${line(shown)}" class="c-shown"/>` +
    // One capture is one point, which a line does not draw: a dot for each value.
    (xs.length === 1 ? dots(counts, 'c-count', xs, y) + dots(shown, 'c-shown', xs, y) : '') +
    `<line x1="4" x2="28" y1="${top + 10}" y2="${top + 10}" class="c-count"/><text x="34" y="${top + 14}" class="lg">post counter (posts on the page)</text>` +
    `<line x1="4" x2="28" y1="${top + 30}" y2="${top + 30}" class="c-shown"/><text x="34" y="${top + 34}" class="lg">posts the capture shows</text>` +
    axis(history, xs, bottom + 4) +
    '</svg>'
  );
}

/** A dot at each known value (a series of one capture). */
function dots(vs: Array<number | null>, cls: string, xs: number[], y: (v: number) => number): string {
  return vs.map((v, i) => (v === null ? '' : `<circle cx="${xs[i]}" cy="${y(v)}" r="3.5" class="${cls} dot"/>`)).join('');
}

/** The legend: each fate's colour, its end shape and its name. */
export function legendHtml(): string {
  const items = POST_FATES.map(
    (f) => `<li><svg viewBox="0 0 40 12" width="40" height="12" aria-hidden="true"><rect x="0" y="3" width="26" height="6" rx="2" class="bar f-${f}"/>${endShape(f, 26, 6)}</svg> ${FATE_LABEL[f]}</li>`,
  );
  items.push('<li><svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true"><line x1="6" x2="6" y1="1" y2="11" class="v"/></svg> a new version</li>');
  items.push('<li><svg viewBox="0 0 30 12" width="30" height="12" aria-hidden="true"><line x1="2" x2="28" y1="6" y2="6" class="gap"/></svg> gone, then back</li>');
  return `<ul class="legend">${items.join('')}</ul>`;
}
