// The terminal report of a diff: the verdict first, then the posts in page order, then the page details.
import { type CaptureInfo, type Hunk, type Post, type PostChange, type Report, unreachable } from '../model.js';
import { humanTime } from './human-time.js';
import { explainChange, inPlaceLabel, mergedInto, newPosts } from './evidence.js';
import { noteText } from './notes.js';
import { sanitizeInline } from './sanitize.js';
import { DEFAULT_ONLY, pageChanged, pageRows, selectPosts, showsNothing } from './select.js';
import { summaryLine } from './summary.js';
import { INDENT, TerminalWriter } from './terminal-writer.js';
import { plural, postLabel, postName, STATUS_LABEL } from './vocabulary.js';
import { displayWidth, truncate } from './wrap.js';
import { type RenderContext, textOf } from './registry.js';

/** The terminal report reads every field of the common context (colour, --only, --brief, --stat, width, zone, --explain). */
export type TerminalOptions = RenderContext;

/** Where a post is: `#3`, `#3 → #5` only when it moved, `new #1` / `old #9` when on one side only. */
function position(p: PostChange): string {
  if (p.old === null) return `new #${p.new.index + 1}`;
  if (p.new === null) return `old #${p.old.index + 1}`;
  return p.moved ? `#${p.old.index + 1} → #${p.new.index + 1}` : `#${p.new.index + 1}`;
}

const words = (s: string) => (s.match(/\S+/g) ?? []).length;

/** Words added and removed in a post, for --stat. */
export function wordCounts(p: PostChange): { added: number; removed: number } {
  const all = (post: Post) => words([post.byline ?? '', ...post.captions.map((c) => c.text), ...post.body.map((b) => b.text), post.headline].join(' '));
  if (p.status === 'added') return { added: all(p.post), removed: 0 };
  if (p.status === 'dropped') return { added: 0, removed: all(p.post) };
  let added = 0;
  let removed = 0;
  const count = (h: Hunk) => {
    if (h.op === '+') added += words(h.text);
    else if (h.op === '-') removed += words(h.text);
    else if (h.op === '~') for (const part of h.parts) part.op === '+' ? (added += words(part.text)) : part.op === '-' ? (removed += words(part.text)) : 0;
  };
  for (const change of p.changes) change.hunks.forEach(count);
  return { added, removed };
}

class TerminalRenderer extends TerminalWriter {
  /** The new capture's posts by index, for the post a merged one now lives in. */
  private hosts: ReadonlyMap<number, Post> = new Map();

  constructor(private readonly options: TerminalOptions) {
    super(options.color, options.width);
  }

  private time(text: string): string {
    return sanitizeInline(humanTime(text, this.options.timeZone));
  }

  private heading(p: PostChange): void {
    const { c } = this;
    const post = p.post;
    const label = postLabel(p);
    const status = (p.status === 'edited' ? `${label} (${p.fields.join(', ')})` : label) + inPlaceLabel(p);
    const moved = p.moved && p.status !== 'unchanged' ? c.magenta(`, ${STATUS_LABEL.moved}`) : '';
    this.line(`${this.paint(p).bold(status)}${moved} ${c.dim(`${post.time === '' ? '' : `· ${this.time(post.time)} `}· ${position(p)}`)}`);
    this.wrapped({ text: INDENT }, [{ text: sanitizeInline(postName(post)), paint: c.bold }]);
    const why = this.options.explain ? explainChange(p) : null;
    if (why !== null) this.wrapped({ text: INDENT }, [{ text: `why: ${sanitizeInline(why)}`, paint: c.dim }]);
  }

  private paint(p: PostChange) {
    const { c } = this;
    switch (p.status) {
      case 'added':
        return c.green;
      case 'dropped':
        return c.red;
      case 'merged':
        return c.magenta;
      case 'edited':
        return c.yellow;
      case 'unchanged':
        // An unchanged post that moved is headed `moved` (vocabulary.ts), in the colour of a move.
        return p.moved ? c.magenta : c.cyan;
      case 'out-of-view':
      case 'into-view':
        return c.cyan;
      default:
        return unreachable(p);
    }
  }

  /** What a post shows under its heading: the whole text of a new or deleted post, the changes of an edited one. */
  private body(p: PostChange): void {
    switch (p.status) {
      case 'added':
        return this.content(p.post, '+');
      case 'dropped':
        return this.content(p.post, '-');
      case 'merged':
        // Its text is in the post it joined, whose diff shows it arrive: name that post, not the text again.
        const host = mergedInto(p, this.hosts);
        if (host !== null) this.wrapped({ text: INDENT }, [{ text: `now part of #${host.position}: ${sanitizeInline(host.name)}`, paint: this.c.dim }]);
        return;
      case 'edited':
        for (const change of p.changes) this.field(change);
        return;
      case 'out-of-view':
      case 'into-view':
      case 'unchanged':
        return;
      default:
        return unreachable(p);
    }
  }

  private post(p: PostChange): void {
    this.heading(p);
    if (!this.options.brief) this.body(p);
    this.line();
  }

  /** Page details, after the posts: they explain the verdict, they are not the news. */
  private page(report: Report): void {
    const { page } = report;
    // A deep link alone is how the page was opened: worth a line only beside a real page change.
    if (!pageChanged(page) && page.notes.length === 0) return;
    const rows = pageRows(page).map(
      (r) => `${INDENT}${r.name}: ${this.c.red(sanitizeInline(this.time(r.old)))} → ${this.c.green(sanitizeInline(this.time(r.new)))}`,
    );
    for (const note of page.notes) rows.push(`${INDENT}${this.c.yellow(`note: ${sanitizeInline(noteText(note))}`)}`);
    if (rows.length === 0) return;
    this.line(this.c.bold('page'));
    rows.forEach((r) => this.line(r));
    this.line();
  }

  /** `--stat`: one line per post, `status  headline | N +++--`, then the totals, then the page fields that changed. */
  private stat(posts: PostChange[], page: string[]): void {
    const { c } = this;
    const width = this.options.width ?? 80;
    const rows = posts.map((p) => ({ p, label: postLabel(p), counts: wordCounts(p) }));
    const labelWidth = Math.max(0, ...rows.map((r) => r.label.length));
    const numberWidth = Math.max(1, ...rows.map((r) => String(r.counts.added + r.counts.removed).length));
    const most = Math.max(1, ...rows.map((r) => r.counts.added + r.counts.removed));
    const nameWidth = Math.max(10, Math.min(50, width - labelWidth - numberWidth - 30));
    const barWidth = Math.max(5, width - labelWidth - nameWidth - numberWidth - 8);
    let added = 0;
    let removed = 0;
    for (const { p, label, counts } of rows) {
      added += counts.added;
      removed += counts.removed;
      const total = counts.added + counts.removed;
      const { plus, minus } = statBar(counts, most, barWidth);
      const name = truncate(sanitizeInline(postName(p.post)), nameWidth);
      const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - displayWidth(s)));
      const bar = `${c.green('+'.repeat(plus))}${c.red('-'.repeat(minus))}`;
      this.line(` ${pad(label, labelWidth)}  ${pad(name, nameWidth)} | ${String(total).padStart(numberWidth)}${bar ? ` ${bar}` : ''}`);
    }
    this.line(` ${posts.length} post${posts.length === 1 ? '' : 's'}, ${added} word${added === 1 ? '' : 's'} added (+), ${removed} removed (-)`);
    if (page.length > 0) this.line(` page: ${page.join(', ')}`);
  }

  /**
   * The report's text in pieces, the header and then a post at a time: a page of thousands of edited
   * posts is written as it is drawn, never held as one string (nor as one buffer of its bytes).
   */
  *pieces(report: Report): Generator<string, void, undefined> {
    const only = this.options.only ?? DEFAULT_ONLY;
    const posts = selectPosts(report, only);
    if (posts.some((p) => p.status === 'merged')) this.hosts = newPosts(report);
    // Nothing asked for changed: print nothing, as diff(1) does for equal files (the exit code says 0).
    if (showsNothing(report, only)) return;
    const showPage = only.includes('page') && (pageChanged(report.page) || report.page.notes.length > 0);
    const { c } = this;
    this.captureLine('---', report.old.source, shownNote(report.old, this.options.timeZone));
    this.captureLine('+++', report.new.source, shownNote(report.new, this.options.timeZone));
    // The verdict names page changes only when --only asks for them, as the page section does.
    this.line(c.bold(summaryLine(report.summary, only.includes('page') ? report.page : undefined)));
    if (!report.samePage) this.line(c.yellow('warning: these captures look like different pages (compared with --force)'));
    this.line();
    if (this.options.stat) {
      const notes = report.page.notes.length;
      this.stat(posts, showPage ? [...pageRows(report.page).map((r) => r.name), ...(notes > 0 ? [`${notes} note${notes === 1 ? '' : 's'}`] : [])] : []);
      yield this.text();
      return;
    }
    // The text ends with one line break, whatever blank lines the last post left: the pieces from the last
    // one with a visible character on are held back, to be trimmed at the end.
    let held = this.take();
    for (const p of posts) {
      this.post(p);
      const piece = this.take();
      if (/\S/.test(piece)) {
        yield held;
        held = piece;
      } else held += piece;
    }
    if (showPage) this.page(report);
    yield `${(held + this.take()).trimEnd()}\n`;
  }

  render(report: Report): string {
    return textOf(this.pieces(report));
  }
}

/**
 * The `+` and `-` marks of one row of `--stat`, as git draws them (diff.c scale_linear): counts as they
 * are when the largest row fits `width`; else scaled, and a row with any change gets at least one mark
 * (two when it has both), however small beside the largest.
 */
export function statBar(counts: { added: number; removed: number }, most: number, width: number): { plus: number; minus: number } {
  const { added, removed } = counts;
  if (most <= width) return { plus: added, minus: removed };
  const scale = (n: number) => (n === 0 ? 0 : 1 + Math.floor((n * (width - 1)) / most));
  let total = scale(added + removed);
  if (total < 2 && added > 0 && removed > 0) total = 2;
  if (added < removed) {
    const plus = scale(added);
    return { plus, minus: total - plus };
  }
  const minus = scale(removed);
  return { plus: total - minus, minus };
}

/** What a capture shows, for its `---` or `+++` line: `9 posts shown of 11, updated …` (the time in `timeZone`). */
export function shownNote(i: CaptureInfo, timeZone?: string): string {
  return `${plural(i.posts, 'post')} shown${i.postCount === null ? '' : ` of ${i.postCount}`}${i.updated ? `, updated ${humanTime(i.updated, timeZone)}` : ''}`;
}

/** Render a report for a terminal. Colour and width are decided by the caller (default: no colour, no wrapping). */
export function renderTerminal(report: Report, options: TerminalOptions = { color: false }): string {
  return new TerminalRenderer(options).render(report);
}

/** renderTerminal's text in pieces, as writers take it (see TerminalRenderer.pieces). */
export function renderTerminalPieces(report: Report, options: TerminalOptions = { color: false }): Generator<string, void, undefined> {
  return new TerminalRenderer(options).pieces(report);
}
