// A git comparison as text: each modified or renamed capture through the diff renderers (terminal,
// Markdown, JSON), new and deleted captures as a note with their posts' headlines, a pure rename in one
// line, a new page as `livediff check` words a page change, and the versioned `livediff.git/4` JSON.
import type { Capture, CaptureInfo } from '../model.js';
import { pageChangeLine, pageChangeMarkdown } from '../render/check.js';
import { toJson } from '../render/json.js';
import { escapeMarkdown, renderMarkdown } from '../render/markdown.js';
import { jsonPieces } from '../render/json-pieces.js';
import { sanitizeInline } from '../render/sanitize.js';
import { type Registry, textOf } from '../render/registry.js';
import { DEFAULT_ONLY, type OnlyValue } from '../render/select.js';
import { renderTerminal, shownNote } from '../render/terminal.js';
import { INDENT, TerminalWriter } from '../render/terminal-writer.js';
import { sourceName, type FileComparison, type GitComparison, type PageChange } from './compare.js';
import type { Side } from './revisions.js';
import { captureInfo, commitMessage, describeCapture, gitTotals, shown } from './summary.js';
import { renderGitHtml } from './html.js';

/**
 * 4: the reports inside are `livediff.diff/3` (the `merged` status). 3: a file whose versions are different
 * pages is a `modified` file with `report: null` and `pageChanged` (in /2 it was one of the `problems`); a
 * rename is one `renamed` file with `oldPath` (in /2 a deleted and an added one). 2: the reports inside
 * were `livediff.diff/2` (page notes as data).
 */
export const GIT_SCHEMA = 'livediff.git/4';

export interface GitRenderOptions {
  only?: readonly OnlyValue[];
  /** Terminal: colour (the caller decides: --color, NO_COLOR, TTY). */
  color?: boolean;
  /** Terminal: one heading per post, no text; no headlines for new and deleted captures. */
  brief?: boolean;
  /** Terminal: as renderTerminal's (--stat, the width to wrap at, the zone of ISO times). */
  stat?: boolean;
  width?: number;
  timeZone?: string;
  /** Terminal, Markdown and HTML: why each post got its status (render/evidence.ts). */
  explain?: boolean;
}

/** New captures are shown when `added` is selected, deleted ones when `dropped` is. */

const sideName = (s: Side) => (s.kind === 'commit' ? s.short : s.kind === 'empty' ? '(nothing)' : '(working tree)');

class GitTerminal extends TerminalWriter {
  constructor(private readonly options: GitRenderOptions) {
    super(options.color ?? false, options.width);
  }

  /** A new or deleted capture: its name and what it shows, then one line per post (not with --brief). */
  private whole(f: FileComparison, side: Side, capture: Capture): void {
    const { c } = this;
    const added = f.status === 'added';
    const note = `${added ? 'new' : 'deleted'} file: ${describeCapture(captureInfo(capture))}`;
    this.captureLine(added ? '+++' : '---', sourceName(f.path, side), note);
    if (!this.options.brief) {
      for (const p of capture.posts) this.line(`${INDENT}${c.dim(sanitizeInline(p.time))} · ${sanitizeInline(p.headline || '(no headline)')}`);
    }
  }

  /** A page change: both versions named as a report names them, then the line `livediff check` prints. */
  private pageChange(p: PageChange): void {
    this.captureLine('---', p.old.source, shownNote(p.old, this.options.timeZone));
    this.captureLine('+++', p.new.source, shownNote(p.new, this.options.timeZone));
    this.line(this.c.bold(sanitizeInline(pageChangeLine(p))));
  }

  /** A renamed capture whose report shows nothing `--only` selects (a pure `git mv`): the rename, in one line. */
  private renamed(oldPath: string, info: CaptureInfo): void {
    this.captureLine('+++', info.source, `renamed from ${oldPath}: ${shownNote(info, this.options.timeZone)}`);
  }

  file(f: FileComparison, from: Side, to: Side): this {
    if (f.pageChange) this.pageChange(f.pageChange);
    else if (f.report) {
      const text = renderTerminal(f.report, { ...this.options, color: this.options.color ?? false });
      // Nothing --only selects changed in this capture: renderTerminal printed nothing, and so do we (no
      // blank line), but for a rename, which is said.
      if (text === '') {
        if (f.oldPath !== undefined) this.renamed(f.oldPath, f.report.new);
        return this;
      }
      for (const l of text.trimEnd().split('\n')) this.line(l);
    } else this.whole(f, f.status === 'added' ? to : from, f.capture!);
    return this;
  }

  render(g: GitComparison): string {
    const only = this.options.only ?? DEFAULT_ONLY;
    for (const f of g.files.filter((x) => shown(x, only))) {
      const before = this.out.length;
      // A blank line closes each capture that printed something, none after one that printed nothing.
      if (this.file(f, g.from, g.to).out.length > before) this.line();
    }
    const range = `${sideName(g.from)} → ${sideName(g.to)}`;
    const t = gitTotals(g).files;
    const n = g.files.length;
    // A capture that could not be read (an error page committed over it) did change: said on stderr, and
    // counted here, so that the last line never says that nothing changed when something could not be told.
    const p = g.problems.length;
    const unread = p === 0 ? '' : `; ${p} capture${p === 1 ? '' : 's'} could not be read`;
    this.line(
      this.c.bold(
        n === 0
          ? `${p === 0 ? 'no capture changed' : 'no capture compared'}: ${range}${unread}`
          : `${range}: ${n} capture${n === 1 ? '' : 's'} changed (${t.modified} modified, ${t.added} new, ${t.deleted} deleted${t.renamed ? `, ${t.renamed} renamed` : ''})${unread}`,
      ),
    );
    return this.text();
  }

  done(): string {
    return this.out.length === 0 ? '' : this.text();
  }
}

/** One file of a comparison as the terminal shows it (the diff driver prints one file at a time). */
export function renderFileTerminal(f: FileComparison, from: Side, to: Side, options: GitRenderOptions = {}): string {
  return new GitTerminal(options).file(f, from, to).done();
}

export function renderGitTerminal(g: GitComparison, options: GitRenderOptions = {}): string {
  return new GitTerminal(options).render(g);
}

function markdownWhole(f: FileComparison, capture: Capture, level: string): string {
  const title = f.status === 'added' ? '🆕 New capture' : '🗑️ Deleted capture';
  const posts = capture.posts.map((p) => `- ${escapeMarkdown(p.time)} · ${escapeMarkdown(p.headline || '(no headline)')}`);
  return [
    `${level} ${title}: ${escapeMarkdown(f.path)}`,
    '',
    `<sub>${escapeMarkdown(describeCapture(captureInfo(capture)))}</sub>`,
    '',
    ...(posts.length > 0 ? ['<details><summary>Posts</summary>', '', ...posts, '', '</details>', ''] : []),
  ].join('\n');
}

/** A page change under the heading a report of the two versions would have, then `livediff check`'s line. */
function markdownPageChange(p: PageChange, level: string): string {
  return `${level} livediff: ${escapeMarkdown(p.old.source)} → ${escapeMarkdown(p.new.source)}\n\n${pageChangeMarkdown(p)}`;
}

/** Markdown sections, one per file (a job summary truncates between them), the first being the title. */
export function gitMarkdownSections(g: GitComparison, options: GitRenderOptions & { headingLevel?: number } = {}): string[] {
  const only = options.only ?? DEFAULT_ONLY;
  const top = Math.min(5, Math.max(1, options.headingLevel ?? 2));
  const level = '#'.repeat(top + 1);
  const head = [`${'#'.repeat(top)} livediff: ${escapeMarkdown(sideName(g.from))} → ${escapeMarkdown(sideName(g.to))}`, '', `**${escapeMarkdown(commitMessage(gitTotals(g), g.problems.length))}**`, ''];
  for (const p of g.problems) head.push(`> **Warning:** skipped ${escapeMarkdown(p.message)}`, '');
  const sections = g.files
    .filter((f) => shown(f, only))
    .map((f) =>
      f.pageChange
        ? markdownPageChange(f.pageChange, level)
        : f.report
          ? renderMarkdown(f.report, { only, headingLevel: top + 1, timeZone: options.timeZone, explain: options.explain })
          : markdownWhole(f, f.capture!, level),
    );
  return [`${head.join('\n').trimEnd()}\n`, ...sections.map((s) => `${s.trimEnd()}\n`)];
}

export function renderGitMarkdown(g: GitComparison, options: GitRenderOptions & { headingLevel?: number } = {}): string {
  return gitMarkdownSections(g, options).join('\n');
}

const sideJson = (s: Side) => ({ rev: s.name, commit: s.kind === 'commit' ? s.oid : null });

/** The comparison as the `livediff.git/4` document (see docs/json.md). */
export function toGitJson(g: GitComparison, options: { only?: readonly OnlyValue[] } = {}) {
  const totals = gitTotals(g);
  return {
    schema: GIT_SCHEMA,
    from: sideJson(g.from),
    to: sideJson(g.to),
    summary: { ...totals, message: commitMessage(totals, g.problems.length) },
    only: options.only ?? null,
    files: g.files.map((f) => ({
      path: f.path,
      status: f.status,
      oldPath: f.oldPath ?? null,
      report: f.report ? toJson(f.report, { only: options.only }) : null,
      capture: f.capture ? captureInfo(f.capture) : null,
      // As a page-change step of `livediff.check/3`: the two titles.
      pageChanged: f.pageChange ? { old: f.pageChange.oldTitle, new: f.pageChange.newTitle } : null,
    })),
    problems: g.problems.map(({ path, message }) => ({ path, message })),
    ignored: g.ignored,
  };
}

/** The comparison as JSON text, in pieces (render/json-pieces.ts): what the CLI and the Action write. */
export function* renderGitJsonPieces(g: GitComparison, options: { only?: readonly OnlyValue[] } = {}): Generator<string, void, undefined> {
  yield* jsonPieces(toGitJson(g, options), 'files', 2);
  yield '\n';
}

export function renderGitJson(g: GitComparison, options: { only?: readonly OnlyValue[] } = {}): string {
  return textOf(renderGitJsonPieces(g, options));
}

/** The output formats of a git comparison (render/registry.ts): `livediff git --format` and the Action's `format`. */
export const GIT_RENDERERS = {
  terminal: renderGitTerminal,
  json: renderGitJsonPieces,
  markdown: renderGitMarkdown,
  html: renderGitHtml,
} satisfies Registry<GitComparison>;
export type GitFormat = keyof typeof GIT_RENDERERS;
