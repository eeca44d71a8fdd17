// The GitHub Action: compare the captures a push (or this job) changed, print each report to the log,
// write a Markdown job summary and a report file, and set outputs (counts, a commit-message line).
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LivediffError } from '../errors.js';
import { compareSides, type GitComparison } from '../git/compare.js';
import { GIT_RENDERERS, type GitFormat, gitMarkdownSections, renderFileTerminal } from '../git/render.js';
import { commitMessage, gitHasChanges, gitTotals, shown } from '../git/summary.js';
import { loadFormats } from '../parse/index.js';
import { pageChangeLine } from '../render/check.js';
import { escapeMarkdown } from '../render/markdown.js';
import { extensionOf, formatsOf, type Rendered } from '../render/registry.js';
import { sanitizeInline } from '../render/sanitize.js';
import { DEFAULT_ONLY, type OnlyValue, parseOnly } from '../render/select.js';
import { actionRange, readEvent } from './range.js';
import { type Env, fileSize, getBooleanInput, getInput, printInert, setOutputs, workflowCommand } from './runner.js';
import { fitSummary, SUMMARY_LIMIT } from './summary.js';

export interface ActionIO {
  env: Env;
  /** Where the log goes (the step's standard output). */
  write: (text: string) => void;
}

interface Inputs {
  paths: string[];
  only: OnlyValue[] | undefined;
  format: GitFormat;
  failOnChange: boolean;
  base: string;
  head: string;
}

/** The formats the `format` input takes: the git comparison's registry's (action.yml lists them; a test checks it). */
// HTML is a page of its own, not log or job-summary text: the `html-file` input writes it (see below).
export const ACTION_FORMATS: readonly GitFormat[] = formatsOf(GIT_RENDERERS).filter((f) => f !== 'html');

/** `a, b or c`. */
const listed = (words: readonly string[]) => `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

function readInputs(env: Env): Inputs {
  const format = getInput(env, 'format') || 'markdown';
  if (!(ACTION_FORMATS as readonly string[]).includes(format)) {
    throw new LivediffError(`input 'format' takes ${listed(ACTION_FORMATS)}; found '${format}'`);
  }
  return {
    paths: getInput(env, 'paths').split('\n').map((p) => p.trim()).filter(Boolean),
    only: parseOnly(getInput(env, 'only') || undefined, "input 'only'"),
    format: format as GitFormat,
    failOnChange: getBooleanInput(env, 'fail-on-change', false),
    base: getInput(env, 'base'),
    head: getInput(env, 'head'),
  };
}

/**
 * The whole report in the format asked for, and as one self-contained HTML page (for an artifact: a person
 * looks at it in a browser), in a fresh folder under RUNNER_TEMP.
 */
function writeReport(env: Env, g: GitComparison, inputs: Inputs): { report: string; html: string } {
  const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'livediff-'));
  const report = join(dir, `report.${extensionOf(inputs.format)}`);
  writeRendered(report, GIT_RENDERERS[inputs.format](g, { only: inputs.only, color: false }));
  const html = join(dir, 'report.html');
  writeFileSync(html, GIT_RENDERERS.html(g, { only: inputs.only }));
  return { report, html };
}

/** A rendered document into a file, piece by piece when it comes in pieces (it may not fit one string). */
function writeRendered(file: string, rendered: Rendered): void {
  if (typeof rendered === 'string') return writeFileSync(file, rendered);
  const fd = openSync(file, 'w');
  try {
    for (const piece of rendered) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

function writeSummary(env: Env, g: GitComparison, inputs: Inputs, report: string): void {
  if (!env.GITHUB_STEP_SUMMARY) return;
  const budget = SUMMARY_LIMIT - fileSize(env.GITHUB_STEP_SUMMARY);
  const note = (left: number) =>
    `> **Note:** this summary was cut to stay under GitHub's 1 MiB limit; ${left} more section${left === 1 ? '' : 's'} not shown. ` +
    `The whole report is the file the \`report\` output names (${escapeMarkdown(report)}): upload it as an artifact to keep it.\n`;
  const text = fitSummary(gitMarkdownSections(g, { only: inputs.only }), budget, note);
  writeFileSync(env.GITHUB_STEP_SUMMARY, text, { flag: 'a' });
}

/** Each file's report in a collapsible group of the log, with workflow commands off while it prints. */
function printLog(io: ActionIO, g: GitComparison, only: readonly OnlyValue[]): void {
  for (const f of g.files.filter((x) => shown(x, only))) {
    io.write(workflowCommand('group', `livediff: ${sanitizeInline(f.path)} (${f.status})`));
    printInert(io.write, renderFileTerminal(f, g.from, g.to, { color: true, only }));
    io.write(workflowCommand('endgroup', ''));
  }
  for (const p of g.problems) io.write(workflowCommand('warning', `livediff skipped ${sanitizeInline(p.message)}`, { title: 'livediff' }));
}

/**
 * The `message` output: each page change as `livediff check` words it (the new title is the news), then
 * the counts of everything else when something else changed; else commitMessage's counts (which count a
 * capture that could not be read: the log has its warning).
 */
function changeMessage(g: GitComparison, only: readonly OnlyValue[]): string {
  const pages = g.files.flatMap((f) => (f.pageChange ? [sanitizeInline(pageChangeLine(f.pageChange))] : []));
  const others = { ...g, files: g.files.filter((f) => !f.pageChange) };
  const rest = commitMessage(gitTotals(others), g.problems.length);
  if (pages.length === 0) return rest;
  return [...pages, ...(gitHasChanges(others, only) || g.problems.length > 0 ? [rest] : [])].join('; ');
}

function outputs(io: ActionIO, values: Record<string, string>): void {
  if (io.env.GITHUB_OUTPUT) setOutputs(io.env.GITHUB_OUTPUT, values);
}

/** Run the Action; the exit code is the step's (1: trouble, or changes with fail-on-change). */
export async function runAction(io: ActionIO = { env: process.env, write: (s) => void process.stdout.write(s) }): Promise<number> {
  try {
    const inputs = readInputs(io.env);
    const cwd = io.env.GITHUB_WORKSPACE || process.cwd();
    const range = await actionRange(io.env, readEvent(io.env), inputs, cwd);
    if ('nothing' in range) {
      io.write(`livediff: ${range.nothing}\n`);
      outputs(io, { changed: 'false', added: '0', dropped: '0', edited: '0', 'files-added': '0', 'files-deleted': '0', 'files-modified': '0', message: 'no capture changed', report: '', html: '' });
      return 0;
    }
    if (range.warning) io.write(workflowCommand('warning', `livediff: ${sanitizeInline(range.warning)}`, { title: 'livediff' }));
    await loadFormats();
    const g = await compareSides(range.from, range.to, { cwd, pathspecs: inputs.paths });
    const only = inputs.only ?? DEFAULT_ONLY;
    // A rollover (a capture file now holding another page) is news, not a problem: a change, said as check says it.
    for (const f of g.files) {
      if (f.pageChange) io.write(workflowCommand('notice', `livediff: ${sanitizeInline(f.path)}: ${sanitizeInline(pageChangeLine(f.pageChange))}`, { title: 'livediff' }));
    }
    printLog(io, g, only);
    const { report, html } = writeReport(io.env, g, inputs);
    writeSummary(io.env, g, inputs, report);
    const totals = gitTotals(g);
    const changed = gitHasChanges(g, only);
    const message = changeMessage(g, only);
    outputs(io, {
      changed: String(changed),
      added: String(totals.posts.added),
      dropped: String(totals.posts.dropped),
      edited: String(totals.posts.edited),
      'files-added': String(totals.files.added),
      'files-deleted': String(totals.files.deleted),
      'files-modified': String(totals.files.modified),
      message,
      report,
      html,
    });
    io.write(`livediff: ${message}\n`);
    if (changed && inputs.failOnChange) {
      io.write(workflowCommand('error', `livediff: ${message} (fail-on-change is set)`, { title: 'livediff' }));
      return 1;
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const internal = !(error instanceof LivediffError);
    io.write(workflowCommand('error', `${internal ? 'livediff: internal error: ' : 'livediff: '}${sanitizeInline(message)}`, { title: 'livediff' }));
    return 1;
  }
}
