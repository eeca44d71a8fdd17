// The terminal report: grouped by post like a good `git diff`. The only module that imports chalk.
import { Chalk, type ChalkInstance } from 'chalk';
import type { FieldChange, Hunk, Post, PostChange, Report } from '../model.js';
import { sanitizeInline } from './sanitize.js';
import { DEFAULT_ONLY, type OnlyValue, pageRows, selectPosts } from './select.js';
import { summaryLine } from './summary.js';

export interface TerminalOptions {
  /** Colour the output (the CLI decides: TTY, NO_COLOR, --color). Without colour, word changes read `[-old-]{+new+}`. */
  color: boolean;
  only?: readonly OnlyValue[];
  /** Only the heading of each post, no text. */
  brief?: boolean;
}

const LABEL: Record<PostChange['status'], string> = {
  added: 'added',
  dropped: 'dropped',
  edited: 'edited',
  unchanged: 'unchanged',
  'out-of-view': 'left the view',
  'into-view': 'came into view',
};

const INDENT = '    ';
/** `::` at the start of a line (after spaces or colour codes): GitHub Actions would run it as a command. */
const WORKFLOW_COMMAND = /^((?:\s|\u001b\[[\d;]*m)*):(?=:)/;

function position(p: PostChange): string {
  if (p.old && p.new) return p.old.index === p.new.index ? `#${p.new.index + 1}` : `#${p.old.index + 1} → #${p.new.index + 1}`;
  return p.new ? `new #${p.new.index + 1}` : `old #${p.old!.index + 1}`;
}

class TerminalRenderer {
  private readonly c: ChalkInstance;
  private readonly out: string[] = [];
  constructor(private readonly options: TerminalOptions) {
    this.c = new Chalk({ level: options.color ? 1 : 0 });
  }

  private line(text = ''): void {
    // A line starting with `::` is a workflow command in a GitHub Actions log: show its colon escaped.
    this.out.push(text.replace(WORKFLOW_COMMAND, '$1\\x3a'));
  }

  private parts(hunk: Extract<Hunk, { op: '~' }>): string {
    const { c } = this;
    const color = this.options.color;
    return hunk.parts
      .map((p) => {
        const text = sanitizeInline(p.text);
        if (p.op === '=') return text;
        if (p.op === '-') return color ? c.red.strikethrough(text) : `[-${text}-]`;
        return color ? c.green.underline(text) : `{+${text}+}`;
      })
      .join('');
  }

  private hunks(hunks: Hunk[], indent: string): void {
    const { c } = this;
    for (const h of hunks) {
      if (h.op === '=') this.line(`${indent}  ${c.dim(sanitizeInline(h.text))}`);
      else if (h.op === '-') this.line(c.red(`${indent}- ${sanitizeInline(h.text)}`));
      else if (h.op === '+') this.line(c.green(`${indent}+ ${sanitizeInline(h.text)}`));
      else this.line(`${indent}~ ${this.parts(h)}`);
    }
  }

  private field(change: FieldChange): void {
    this.line(`${INDENT}${this.c.bold(change.field)}:`);
    // Unchanged paragraphs are context only: keep the ones next to a change, elide the rest.
    const changed = (h: Hunk | undefined) => h !== undefined && h.op !== '=';
    const hunks = change.hunks.filter((h, i, all) => changed(h) || changed(all[i - 1]) || changed(all[i + 1]));
    this.hunks(hunks, INDENT);
  }

  private content(post: Post, sign: '+' | '-'): void {
    const paint = sign === '+' ? this.c.green : this.c.red;
    const lines = [
      ...(post.byline ? [post.byline] : []),
      ...post.captions.map((cap) => `[image] ${cap.text}${cap.credit ? ` (${cap.credit})` : ''}`),
      ...post.body.map((b) => (b.marker ? `${b.marker} ${b.text}` : b.text)),
    ];
    for (const l of lines) this.line(paint(`${INDENT}${sign} ${sanitizeInline(l)}`));
  }

  private heading(p: PostChange): void {
    const { c } = this;
    const post = p.post;
    const status = p.status === 'edited' ? `edited (${p.fields.join(', ')})` : LABEL[p.status];
    const paint =
      p.status === 'added' ? c.green : p.status === 'dropped' ? c.red : p.status === 'edited' ? c.yellow : c.cyan;
    const moved = p.moved ? c.magenta(' moved') : '';
    this.line(`${paint.bold(status)}${moved} ${c.dim(`· ${sanitizeInline(post.time)} · ${position(p)}`)}`);
    this.line(`${INDENT}${c.bold(sanitizeInline(post.headline || '(no headline)'))}`);
  }

  private post(p: PostChange): void {
    this.heading(p);
    if (!this.options.brief) {
      if (p.status === 'added') this.content(p.post, '+');
      else if (p.status === 'dropped') this.content(p.post, '-');
      else for (const change of p.changes) this.field(change);
    }
    this.line();
  }

  private page(report: Report): void {
    const { page } = report;
    const rows = pageRows(page).map(
      (r) => `${INDENT}${r.name}: ${this.c.red(sanitizeInline(r.old))} → ${this.c.green(sanitizeInline(r.new))}`,
    );
    for (const note of page.notes) rows.push(`${INDENT}${this.c.yellow(`note: ${sanitizeInline(note)}`)}`);
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
    return `${this.out.join('\n')}\n`;
  }
}

/** Render a report for a terminal. Colour is decided by the caller. */
export function renderTerminal(report: Report, options: TerminalOptions): string {
  return new TerminalRenderer(options).render(report);
}
