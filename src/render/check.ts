// The result of `livediff check` as a document: the steps (pairs of consecutive readable captures) that
// changed, each with its report, or a page change (rollover); as JSON the versioned `livediff.check/3`
// (docs/json.md), else each step rendered in turn.
import type { Report } from '../model.js';
import { toJson } from './json.js';
import { escapeMarkdown, renderMarkdown } from './markdown.js';
import { jsonPieces } from './json-pieces.js';
import type { RenderContext } from './registry.js';
import { sanitizeInline } from './sanitize.js';
import type { OnlyValue } from './select.js';
import { renderTerminal } from './terminal.js';

/**
 * 3: the reports inside are `livediff.diff/3` (the `merged` status). 2: they were `livediff.diff/2` (page
 * notes as data); page-change steps added (issue 17).
 */
export const CHECK_SCHEMA = 'livediff.check/3';

/** A step: two consecutive readable captures (file names) and what changed between them. */
export type CheckStep =
  | { kind: 'report'; old: string; new: string; report: Report }
  /** A rollover: the new capture is another page (no post in common, another title); no post is `dropped`. */
  | { kind: 'page-changed'; old: string; new: string; oldTitle: string | null; newTitle: string | null };

export interface CheckResult {
  /** The folder as given on the command line. */
  folder: string;
  /** The page's name, under `livediff watch` only. */
  page?: string;
  /** The readable capture the run started from and the newest. */
  from: string;
  to: string;
  /** How many readable captures the run compared, `from` and `to` included. */
  captures: number;
  /** The steps with something reportable, oldest first. */
  steps: CheckStep[];
}

/** A page change as one line of words (terminal, notifications' summaries); titles are untrusted. */
export function pageChangeLine(step: { oldTitle: string | null; newTitle: string | null }): string {
  const title = (t: string | null) => t ?? '(no title)';
  return `page changed: ${title(step.oldTitle)} -> ${title(step.newTitle)}`;
}

/** A page change in Markdown, titles escaped. */
export function pageChangeMarkdown(step: { oldTitle: string | null; newTitle: string | null }): string {
  const title = (t: string | null) => escapeMarkdown(t ?? '(no title)');
  return `**page changed:** ${title(step.oldTitle)} -> ${title(step.newTitle)}\n`;
}

export function toCheckJson(result: CheckResult, options: { only?: readonly OnlyValue[] } = {}) {
  const { folder, from, to, captures } = result;
  return {
    schema: CHECK_SCHEMA,
    ...(result.page === undefined ? {} : { page: result.page }),
    folder,
    from,
    to,
    captures,
    steps: result.steps.map((s) =>
      s.kind === 'report'
        ? { old: s.old, new: s.new, report: toJson(s.report, { only: options.only }) }
        : { old: s.old, new: s.new, report: null, pageChanged: { old: s.oldTitle, new: s.newTitle } },
    ),
  };
}

export function* renderCheckJson(result: CheckResult, context: Pick<RenderContext, 'only'> = {}): Generator<string, void, undefined> {
  yield* jsonPieces(toCheckJson(result, context), 'steps', 2);
  yield '\n';
}

export function renderCheckTerminal(result: CheckResult, context: RenderContext): string {
  return result.steps.map((s) => (s.kind === 'report' ? renderTerminal(s.report, context) : `${sanitizeInline(pageChangeLine(s))}\n`)).join('\n');
}

export function renderCheckMarkdown(result: CheckResult, context: Pick<RenderContext, 'only' | 'timeZone'> = {}): string {
  return result.steps.map((s) => (s.kind === 'report' ? renderMarkdown(s.report, context) : pageChangeMarkdown(s))).join('\n---\n\n');
}
