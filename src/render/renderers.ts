// The registries of the documents render/ draws: a diff report, a history (`log`), a check result. Adding
// an output format is its renderer plus one line here per document kind it serves (the git comparison's
// registry is in git/render.ts). See docs/ARCHITECTURE.md "How to add an output format".
import type { PostHistory, Report } from '../model.js';
import { type CheckResult, renderCheckJson, renderCheckMarkdown, renderCheckTerminal } from './check.js';
import { renderHtmlPieces, renderHtmlSteps } from './html.js';
import { renderJsonPieces } from './json.js';
import { renderLogHtml } from './log-html.js';
import { renderLogJsonPieces } from './log-json.js';
import { renderLogMarkdown } from './log-markdown.js';
import { earlierPagesNote, type LogPages, markdownPageHeading, newestPage, pageByPage, terminalPageHeading } from './log-pages.js';
import { renderLogTable, renderPostHistory } from './log-terminal.js';
import { renderMarkdownPieces } from './markdown.js';
import type { Registry, RenderContext } from './registry.js';
import { renderTerminalPieces } from './terminal.js';

export const DIFF_RENDERERS = {
  terminal: renderTerminalPieces,
  json: renderJsonPieces,
  markdown: renderMarkdownPieces,
  html: renderHtmlPieces,
} satisfies Registry<Report>;
export type DiffFormat = keyof typeof DIFF_RENDERERS;

/** What a history's renderers are told besides the common context. */
export interface LogContext extends RenderContext {
  /** Show this post's versions rather than the table of every post (`log --post`). */
  post?: PostHistory;
  /** How the captures were ordered (the JSON says it): `name-stamp`, `name`, `mtime`, `content`, `git`. */
  order: string;
}

/** A series page by page (a rollover starts a page); `--post` shows a post of the newest page. */
export const LOG_RENDERERS = {
  terminal: (doc, context) =>
    context.post
      ? renderPostHistory(newestPage(doc), context.post, context)
      : pageByPage(doc, (h) => renderLogTable(h, context), terminalPageHeading(doc), '\n'),
  json: renderLogJsonPieces,
  markdown: (doc, context) =>
    context.post ? renderLogMarkdown(newestPage(doc), context.post) : pageByPage(doc, (h) => renderLogMarkdown(h), markdownPageHeading(doc), '\n---\n\n'),
  html: (doc, context) => renderLogHtml(newestPage(doc), { ...context, note: earlierPagesNote(doc) }),
} satisfies Registry<LogPages, LogContext>;
export type LogFormat = keyof typeof LOG_RENDERERS;

export const CHECK_RENDERERS = {
  terminal: renderCheckTerminal,
  json: renderCheckJson,
  markdown: renderCheckMarkdown,
  html: (result, context) => renderHtmlSteps(result.steps, context),
} satisfies Registry<CheckResult>;
export type CheckFormat = keyof typeof CHECK_RENDERERS;
