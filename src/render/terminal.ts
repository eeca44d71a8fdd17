// The terminal report of a diff: grouped by post like a good `git diff`.
import { type PostChange, type Report, unreachable } from '../model.js';
import { explainEvidence, inPlaceLabel } from './evidence.js';
import { noteText } from './notes.js';
import { sanitizeInline } from './sanitize.js';
import { DEFAULT_ONLY, type OnlyValue, pageRows, selectPosts } from './select.js';
import { summaryLine } from './summary.js';
import { INDENT, TerminalWriter } from './terminal-writer.js';

export interface TerminalOptions {
  /** Colour the output (the CLI decides: TTY, NO_COLOR, --color). Without colour, word changes read `[-old-]{+new+}`. */
  color: boolean;
  only?: readonly OnlyValue[];
  /** Only the heading of each post, no text. */
  brief?: boolean;
  /** Print each post's evidence (why this status or partner) under its heading. */
  explain?: boolean;
}

const LABEL: Record<PostChange['status'], string> = {
  added: 'added',
  dropped: 'dropped',
  edited: 'edited',
  unchanged: 'unchanged',
  'out-of-view': 'left the view',
  'into-view': 'came into view',
};

function position(p: PostChange): string {
  if (p.old === null) return `new #${p.new.index + 1}`;
  if (p.new === null) return `old #${p.old.index + 1}`;
  return p.old.index === p.new.index ? `#${p.new.index + 1}` : `#${p.old.index + 1} → #${p.new.index + 1}`;
}

class TerminalRenderer extends TerminalWriter {
  constructor(private readonly options: TerminalOptions) {
    super(options.color);
  }

  private heading(p: PostChange): void {
    const { c } = this;
    const post = p.post;
    const status = (p.status === 'edited' ? `edited (${p.fields.join(', ')})` : LABEL[p.status]) + inPlaceLabel(p);
    const paint = this.paint(p);
    const moved = p.moved ? c.magenta(' moved') : '';
    this.line(`${paint.bold(status)}${moved} ${c.dim(`${post.time === '' ? '' : `· ${sanitizeInline(post.time)} `}· ${position(p)}`)}`);
    this.line(`${INDENT}${c.bold(sanitizeInline(post.headline || '(no headline)'))}`);
    if (this.options.explain && p.evidence !== null) this.line(`${INDENT}${c.dim(`why: ${sanitizeInline(explainEvidence(p.evidence))}`)}`);
  }

  private paint(p: PostChange) {
    const { c } = this;
    switch (p.status) {
      case 'added':
        return c.green;
      case 'dropped':
        return c.red;
      case 'edited':
        return c.yellow;
      case 'out-of-view':
      case 'into-view':
      case 'unchanged':
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

  private page(report: Report): void {
    const { page } = report;
    const rows = pageRows(page).map(
      (r) => `${INDENT}${r.name}: ${this.c.red(sanitizeInline(r.old))} → ${this.c.green(sanitizeInline(r.new))}`,
    );
    for (const note of page.notes) rows.push(`${INDENT}${this.c.yellow(`note: ${sanitizeInline(noteText(note))}`)}`);
    if (rows.length === 0) return;
    this.line(this.c.bold('page'));
    rows.forEach((r) => this.line(r));
    this.line();
  }

  render(report: Report): string {
    const only = this.options.only ?? DEFAULT_ONLY;
    const { c } = this;
    const describe = (i: Report['old']) =>
      `${i.posts} posts shown${i.postCount === null ? '' : ` of ${i.postCount}`}${i.updated ? `, updated ${i.updated}` : ''}`;
    this.line(c.bold(`--- ${sanitizeInline(report.old.source)}`) + c.dim(`  (${sanitizeInline(describe(report.old))})`));
    this.line(c.bold(`+++ ${sanitizeInline(report.new.source)}`) + c.dim(`  (${sanitizeInline(describe(report.new))})`));
    if (!report.samePage) this.line(c.yellow('warning: these captures look like different pages (compared with --force)'));
    this.line();
    if (only.includes('page')) this.page(report);
    for (const p of selectPosts(report, only)) this.post(p);
    this.line(c.bold(summaryLine(report.summary, report.page)));
    return this.text();
  }
}

/** Render a report for a terminal. Colour is decided by the caller. */
export function renderTerminal(report: Report, options: TerminalOptions): string {
  return new TerminalRenderer(options).render(report);
}
