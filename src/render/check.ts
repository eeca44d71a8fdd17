// The result of `livediff check` as a document: the steps (pairs of consecutive captures) that changed,
// each with its report; as JSON the versioned `livediff.check/2` (docs/json.md), else each step's report.
import type { Report } from '../model.js';
import { toJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { RenderContext } from './registry.js';
import { sanitizeJson } from './sanitize.js';
import type { OnlyValue } from './select.js';
import { renderTerminal } from './terminal.js';

/** 2: the reports inside are `livediff.diff/2` (page notes as data); nothing else changed. */
export const CHECK_SCHEMA = 'livediff.check/2';

export interface CheckStep {
  /** The two captures' file names. */
  old: string;
  new: string;
  report: Report;
}

export interface CheckResult {
  /** The folder as given on the command line. */
  folder: string;
  /** The capture the run started from and the newest. */
  from: string;
  to: string;
  /** How many captures the run compared, `from` and `to` included. */
  captures: number;
  /** The steps with something reportable, oldest first. */
  steps: CheckStep[];
}

export function toCheckJson(result: CheckResult, options: { only?: readonly OnlyValue[] } = {}) {
  const { folder, from, to, captures } = result;
  return {
    schema: CHECK_SCHEMA,
    folder,
    from,
    to,
    captures,
    steps: result.steps.map((s) => ({ old: s.old, new: s.new, report: toJson(s.report, { only: options.only }) })),
  };
}

export function renderCheckJson(result: CheckResult, context: Pick<RenderContext, 'only'> = {}): string {
  return `${sanitizeJson(JSON.stringify(toCheckJson(result, context), null, 2))}\n`;
}

export function renderCheckTerminal(result: CheckResult, context: RenderContext): string {
  return result.steps.map((s) => renderTerminal(s.report, context)).join('\n');
}

export function renderCheckMarkdown(result: CheckResult, context: Pick<RenderContext, 'only'> = {}): string {
  return result.steps.map((s) => renderMarkdown(s.report, context)).join('\n---\n\n');
}
