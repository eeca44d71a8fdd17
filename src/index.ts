// livediff as a library: the pipeline parse → align → classify → render, typed.
import * as formats from './parse/formats.js';
import { registerFormats } from './parse/index.js';

// The library reads every format without asking; the command line loads them on demand.
registerFormats(formats);

export type * from './model.js';
export { FIELDS, POST_STATUSES } from './model.js';
export { DifferentPagesError, InputError, LivediffError, UsageError } from './errors.js';

export { parseCapture, createReader, ADAPTERS, FORMAT_NAMES, loadFormats, type ParseCaptureOptions, type Reader } from './parse/index.js';
export { postKey } from './parse/post.js';
export type { Adapter, DraftCapture, DraftPost, ParseOptions } from './parse/adapter.js';
export { normalizeText } from './parse/normalize.js';
export { alignPosts } from './align/align.js';
export { similarity } from './align/similarity.js';
export { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './align/options.js';
export { diffCaptures, summarize, resolveOptions, type DiffCapturesOptions, type ResolvedOptions } from './classify/report.js';
export { DEFAULT_DIFF_OPTIONS, type DiffOptions } from './classify/text-diff.js';
export { renderTerminal, type TerminalOptions } from './render/terminal.js';
export { renderJson, toJson, DIFF_SCHEMA, type JsonOptions } from './render/json.js';
export { renderMarkdown, escapeMarkdown, type MarkdownOptions } from './render/markdown.js';
export { summaryLine } from './render/summary.js';
export { hasChanges, ONLY_VALUES, ONLY_WORDS, DEFAULT_ONLY, CHECK_DEFAULT_ONLY, type OnlyValue } from './render/select.js';
export { buildHistory, type HistoryOptions } from './history/build.js';
export { orderCaptures, stampFromName, type OrderBy } from './history/order.js';
export { renderLogJson, LOG_SCHEMA } from './render/log-json.js';
export { type LogPages } from './render/log-pages.js';
export { renderLogMarkdown } from './render/log-markdown.js';
export { renderLogTable, renderPostHistory } from './render/log-terminal.js';
export { GitError } from './git/run.js';
export { resolveRange, type Side } from './git/revisions.js';
export { compareSides, type CompareOptions, type FileComparison, type GitComparison, type PageChange } from './git/compare.js';
export { gitSeries, type GitSeries, type GitSeriesOptions } from './git/history.js';
export { gitTotals, gitHasChanges, commitMessage, type GitTotals } from './git/summary.js';
export { renderGitTerminal, renderGitMarkdown, renderGitJson, toGitJson, GIT_SCHEMA, GIT_RENDERERS, type GitFormat } from './git/render.js';
export { formatsOf, type CoreFormat, type Registry, type Renderer, type RenderContext } from './render/registry.js';
export { DIFF_RENDERERS, LOG_RENDERERS, CHECK_RENDERERS, type DiffFormat, type LogFormat, type CheckFormat, type LogContext } from './render/renderers.js';
export { CHECK_SCHEMA, toCheckJson, type CheckResult, type CheckStep } from './render/check.js';
export { noteText } from './render/notes.js';
