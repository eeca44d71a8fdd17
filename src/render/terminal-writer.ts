// Writing terminal text: the only module that imports chalk. Lines are sanitised, colour is the caller's choice.
import { COARSE_NOTE } from '../classify/text-diff.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { FieldChange, Hunk, Post } from '../model.js';
import { sanitizeInline } from './sanitize.js';
import { paintLine, type Span, wrapSpans } from './wrap.js';

export const INDENT = '    ';
/** `::` at the start of a line (after spaces or colour codes): GitHub Actions would run it as a command. */
const WORKFLOW_COMMAND = /^((?:\s|\u001b\[[\d;]*m)*):(?=:)/;
/** `##[command]`, which the Actions runner still runs anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;

/** Collects lines of terminal output; subclasses render one kind of report. */
export class TerminalWriter {
  protected readonly c: ChalkInstance;
  protected readonly out: string[] = [];
  /** `width`: the columns to wrap at (the CLI's choice: the terminal's, --width, or none for a pipe). */
  constructor(
    protected readonly color: boolean,
    protected readonly width?: number,
  ) {
    this.c = new Chalk({ level: color ? 1 : 0 });
  }

  /**
   * Text after `prefix`, wrapped at the width. Continuation lines keep the prefix (indent and marker: a
   * wrapped `+` line still reads as added) and hang two columns further, so a new paragraph stands out.
   */
  protected wrapped(prefix: Span, spans: Span[]): void {
    const next = { ...prefix, text: `${prefix.text}  ` };
    for (const l of wrapSpans(spans, this.width, prefix, next)) this.line(paintLine(l));
  }

  /** A capture's `---` or `+++` line: its name in bold, then what it shows (`note`), dimmed. */
  protected captureLine(sign: '---' | '+++', source: string, note: string): void {
    this.line(this.c.bold(`${sign} ${sanitizeInline(source)}`) + this.c.dim(`  (${sanitizeInline(note)})`));
  }

  protected line(text = ''): void {
    // In a GitHub Actions log a line starting with `::` is a workflow command, and so is the legacy `##[`
    // anywhere in a line: show the character that makes them one escaped.
    this.out.push(text.replace(WORKFLOW_COMMAND, '$1\\x3a').replace(LEGACY_COMMAND, '#\\x23['));
  }

  protected text(): string {
    return `${this.out.join('\n')}\n`;
  }

  /** The lines collected since the last take, each ending with a line break (text() in turn); '' for none. */
  protected take(): string {
    if (this.out.length === 0) return '';
    const text = this.text();
    this.out.length = 0;
    return text;
  }

  private parts(hunk: Extract<Hunk, { op: '~' }>): Span[] {
    const { c, color } = this;
    return hunk.parts.map((p) => {
      const text = sanitizeInline(p.text);
      if (p.op === '=') return { text };
      if (p.op === '-') return color ? { text, paint: c.red.strikethrough } : { text: `[-${text}-]` };
      return color ? { text, paint: c.green.underline } : { text: `{+${text}+}` };
    });
  }

  protected hunks(hunks: Hunk[], indent: string): void {
    const { c } = this;
    for (const h of hunks) {
      if (h.op === '=') this.wrapped({ text: `${indent}  ` }, [{ text: sanitizeInline(h.text), paint: c.dim }]);
      else if (h.op === '-') this.wrapped({ text: `${indent}- `, paint: c.red }, [{ text: sanitizeInline(h.text), paint: c.red }]);
      else if (h.op === '+') this.wrapped({ text: `${indent}+ `, paint: c.green }, [{ text: sanitizeInline(h.text), paint: c.green }]);
      else this.wrapped({ text: `${indent}~ ` }, this.parts(h));
    }
  }

  /** One changed field: its name, then its hunks, unchanged blocks kept only next to a change. */
  protected field(change: FieldChange, indent = INDENT): void {
    this.line(`${indent}${this.c.bold(change.field)}:${change.coarse ? this.c.dim(` (${COARSE_NOTE})`) : ''}`);
    const changed = (h: Hunk | undefined) => h !== undefined && h.op !== '=';
    const hunks = change.hunks.filter((h, i, all) => changed(h) || changed(all[i - 1]) || changed(all[i + 1]));
    this.hunks(hunks, indent);
  }

  /** A whole post's text, every line marked with `sign` (`+` new, `-` gone, ` ` as it is). */
  protected content(post: Post, sign: '+' | '-' | ' ', indent = INDENT): void {
    const paint = sign === '+' ? this.c.green : sign === '-' ? this.c.red : undefined;
    const lines = [
      ...(post.byline ? [post.byline] : []),
      ...post.captions.map((cap) => `[image] ${cap.text}${cap.credit ? ` (${cap.credit})` : ''}`),
      ...post.body.map((b) => (b.marker ? `${b.marker} ${b.text}` : b.text)),
    ];
    for (const l of lines) this.wrapped({ text: `${indent}${sign} `, paint }, [{ text: sanitizeInline(l), paint }]);
  }
}
