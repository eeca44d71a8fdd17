// The document `livediff log` prints: the series cut into pages (a rollover starts a new page; see
// history/pages.ts), each page a History. One page renders exactly as a single history always did.
import type { History } from '../model.js';
import { escapeMarkdown } from './markdown.js';
import { sanitizeInline } from './sanitize.js';

export interface LogPages {
  /** The pages of the series, oldest first; never empty. */
  pages: History[];
}

/** The page a monitor follows, and the one `--post` looks in: the newest. */
export function newestPage(doc: LogPages): History {
  return doc.pages[doc.pages.length - 1]!;
}

/** A page's name: its first capture's title (untrusted: callers escape it for their format). */
export function pageTitle(h: History): string {
  return h.captures[0]?.title ?? '(no title)';
}

/** One rendering per page under a heading; a single page is rendered alone, as it always was. */
export function pageByPage(doc: LogPages, render: (h: History) => string, heading: (i: number, h: History) => string, between: string): string {
  if (doc.pages.length === 1) return render(doc.pages[0]!);
  return doc.pages.map((h, i) => `${heading(i + 1, h)}${render(h)}`).join(between);
}

/** Terminal heading of a page: `page 2 of 3: TITLE (first label … last label)`. */
export function terminalPageHeading(doc: LogPages) {
  return (i: number, h: History) =>
    `page ${i} of ${doc.pages.length}: ${sanitizeInline(pageTitle(h))} (${sanitizeInline(h.captures[0]?.label ?? '')} … ${sanitizeInline(h.captures.at(-1)?.label ?? '')})\n`;
}

/** Markdown heading of a page. */
export function markdownPageHeading(doc: LogPages) {
  return (i: number, h: History) => `# Page ${i} of ${doc.pages.length}: ${escapeMarkdown(pageTitle(h))}\n\n`;
}

/** HTML shows the newest page; when there were others, one sentence says so and names them (plain text). */
export function earlierPagesNote(doc: LogPages): string | undefined {
  if (doc.pages.length === 1) return undefined;
  const earlier = doc.pages.slice(0, -1).map((h) => `${pageTitle(h)} (${h.captures[0]?.label ?? ''} to ${h.captures.at(-1)?.label ?? ''})`);
  return `The page changed ${doc.pages.length - 1} time(s) in this series; this is the newest page (${doc.pages.length} of ${doc.pages.length}). Earlier: ${earlier.join('; ')}. livediff log --format terminal, markdown or json shows every page.`;
}
