// livediff as a library: the pipeline parse → align → classify → render, typed.
export type * from './model.js';
export { FIELDS, POST_STATUSES } from './model.js';
export { DifferentPagesError, InputError, LivediffError, UsageError } from './errors.js';
export { parseCapture, ADAPTERS, type ParseCaptureOptions } from './parse/index.js';
export type { Adapter, ParseOptions } from './parse/adapter.js';
export { normalizeText } from './parse/normalize.js';
export { alignPosts, similarity } from './align/align.js';
export { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './align/options.js';
export { diffCaptures, summarize, type DiffCapturesOptions } from './classify/report.js';
export { DEFAULT_DIFF_OPTIONS, type DiffOptions } from './classify/text-diff.js';
export { renderTerminal, type TerminalOptions } from './render/terminal.js';
export { renderJson, toJson, DIFF_SCHEMA, type JsonOptions } from './render/json.js';
export { renderMarkdown, escapeMarkdown, type MarkdownOptions } from './render/markdown.js';
export { summaryLine } from './render/summary.js';
export { hasChanges, ONLY_VALUES, DEFAULT_ONLY, type OnlyValue } from './render/select.js';
