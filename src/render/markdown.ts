// GitHub-flavoured Markdown report, for job summaries and commit comments. Capture text is neutralised.
import { COARSE_NOTE } from '../classify/text-diff.js';
import { type FieldChange, type Hunk, type Post, type PostChange, type Report, unreachable } from '../model.js';
import { humanTime } from './human-time.js';
import { explainChange, inPlaceLabel, mergedInto, newPosts } from './evidence.js';
import { noteText } from './notes.js';
import { textOf } from './registry.js';
import { DEFAULT_ONLY, type OnlyValue, pageChanged, pageRows, selectPosts } from './select.js';
import { summaryLine } from './summary.js';
import { revealInvisible } from './sanitize.js';
import { postLabel, postName, STATUS_MARK } from './vocabulary.js';

export interface MarkdownOptions {
  only?: readonly OnlyValue[];
  /** Zone for ISO times of JSON-LD and feed captures (default: the local zone). */
  timeZone?: string;
  /** Heading level of the report's title (default 2: `##`). */
  headingLevel?: number;
  /** Print each post's evidence (why this status or partner) under its heading. */
  explain?: boolean;
}

const ZWSP = '&#8203;';

/**
 * Capture text as inert Markdown: HTML escaped, Markdown punctuation backslash-escaped, @mentions, #references
 * and GitHub's other autolinks (`GH-123`, 40-hex commit ids, bare `http://` / `www.` URLs) broken with a
 * zero-width space so they cannot notify anyone or link anywhere, no line breaks, no controls, invisible
 * characters dropped and combining runs capped (see render/sanitize.ts).
 */
export function escapeMarkdown(text: string): string {
  return revealInvisible(text, false)
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~$]/g, (c) => `\\${c}`)
    .replace(/@/g, `@${ZWSP}`)
    .replace(/\\#(?=\w)/g, `\\#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`)
    .replace(/\b([0-9a-f]{20})(?=[0-9a-f]{20}\b)/gi, `$1${ZWSP}`)
    .replace(/\b([a-z][a-z0-9+.-]*):\/\//gi, `$1${ZWSP}://`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
}

/** `🟢 Added`: the mark and the shared word, capitalised. */
const label = (p: Pick<PostChange, 'status' | 'moved'>) => {
  const word = postLabel(p);
  return `${STATUS_MARK[p.status === 'unchanged' && p.moved ? 'moved' : p.status]} ${word[0]!.toUpperCase()}${word.slice(1)}`;
};

/** Word changes as ~~removed~~ and **inserted**, white space kept outside the markers (or they do not render). */
function inlineParts(h: Extract<Hunk, { op: '~' }>): string {
  return h.parts
    .map((p) => {
      const text = escapeMarkdown(p.text);
      const core = text.trim();
      if (p.op === '=' || core === '') return text;
      const lead = /^\s/.test(text) ? ' ' : '';
      const trail = /\s$/.test(text) ? ' ' : '';
      return p.op === '-' ? `${lead}~~${core}~~${trail}` : `${lead}**${core}**${trail}`;
    })
    .join('');
}

export function hunkLine(h: Hunk): string | null {
  if (h.op === '=') return null;
  if (h.op === '-') return `- ➖ ~~${escapeMarkdown(h.text)}~~`;
  if (h.op === '+') return `- ➕ ${escapeMarkdown(h.text)}`;
  return `- ✏️ ${inlineParts(h)}`;
}

export function fieldLines(change: FieldChange): string[] {
  return [`**${change.field}**${change.coarse ? ` *(${COARSE_NOTE})*` : ''}`, '', ...change.hunks.map(hunkLine).filter((l): l is string => l !== null), ''];
}

export function postText(post: Post): string[] {
  return [
    ...(post.byline ? [`*${escapeMarkdown(post.byline)}*`, ''] : []),
    ...post.captions.map((c) => `> 🖼 ${escapeMarkdown(c.text)}${c.credit ? ` (${escapeMarkdown(c.credit)})` : ''}\n>`),
    ...post.body.map((b) => `> ${b.marker ? `${escapeMarkdown(b.marker)} ` : ''}${escapeMarkdown(b.text)}\n>`),
  ];
}

function postSection(p: PostChange, level: string, hosts: ReadonlyMap<number, Post>, timeZone: string | undefined, explain = false): string[] {
  const post = p.post;
  const status = (p.status === 'edited' ? `${label(p)} (${p.fields.join(', ')})` : label(p)) + inPlaceLabel(p);
  const where = [
    escapeMarkdown(humanTime(post.time, timeZone)),
    p.old !== null && p.new !== null && p.moved ? `position ${p.old.index + 1} → ${p.new.index + 1}` : '',
  ].filter(Boolean);
  const lines = [`${level} ${status}${p.moved && p.status !== 'unchanged' ? ' · moved' : ''}: ${escapeMarkdown(postName(post))}`, ''];
  if (where.length > 0) lines.push(`<sub>${where.join(' · ')}</sub>`, '');
  const why = explain ? explainChange(p) : null;
  if (why !== null) lines.push(`<sub>why: ${escapeMarkdown(why)}</sub>`, '');
  return [...lines, ...postBody(p, hosts)];
}

/**
 * What a post shows under its heading: the whole text of a new or deleted post, the changes of an edited
 * one, the post a merged one joined (whose changes show its text arrive).
 */
function postBody(p: PostChange, hosts: ReadonlyMap<number, Post>): string[] {
  switch (p.status) {
    case 'added':
    case 'dropped':
      return ['<details><summary>Text</summary>', '', ...postText(p.post), '', '</details>', ''];
    case 'merged': {
      const host = mergedInto(p, hosts);
      return host === null ? [] : [`Now part of the post at position ${host.position}: ${escapeMarkdown(host.name)}`, ''];
    }
    case 'edited':
      return p.changes.flatMap(fieldLines);
    case 'out-of-view':
    case 'into-view':
    case 'unchanged':
      return [];
    default:
      return unreachable(p);
  }
}

function pageLines(report: Report, timeZone: string | undefined): string[] {
  const { page } = report;
  // A deep link alone is how the page was opened, not a change (as in the terminal).
  if (!pageChanged(page) && page.notes.length === 0) return [];
  const cell = (v: string) => escapeMarkdown(humanTime(v, timeZone));
  const rows = pageRows(page).map((r) => `| ${r.name[0]!.toUpperCase()}${r.name.slice(1)} | ${cell(r.old)} | ${cell(r.new)} |`);
  const notes = page.notes.map((n) => `> **Note:** ${escapeMarkdown(noteText(n))}`);
  if (rows.length === 0 && notes.length === 0) return [];
  const table = rows.length > 0 ? ['| Page | Before | After |', '|---|---|---|', ...rows, ''] : [];
  return [...table, ...notes, ...(notes.length > 0 ? [''] : [])];
}

/** Render a report as GitHub-flavoured Markdown. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  return textOf(renderMarkdownPieces(report, options));
}

/**
 * renderMarkdown's text in pieces, a post at a time: the lines of the head, of each post and of the page
 * joined with line breaks, runs of blank lines folded to one, and the end trimmed to one line break, as
 * if the whole text were one string. The white space at the end of what was written is held back until
 * the next piece, so that a run of line breaks across two pieces is folded as one.
 */
export function* renderMarkdownPieces(report: Report, options: MarkdownOptions = {}): Generator<string, void, undefined> {
  let held: string | null = null;
  for (const lines of markdownSections(report, options)) {
    if (lines.length === 0) continue;
    const text: string = `${held === null ? '' : `${held}\n`}${lines.join('\n')}`.replace(/\n{3,}/g, '\n\n');
    const shown = text.trimEnd().length;
    if (shown > 0) yield text.slice(0, shown);
    held = text.slice(shown);
  }
  yield '\n';
}

/** The lines of the report's head, then of each post shown, then of the page. */
function* markdownSections(report: Report, options: MarkdownOptions): Generator<string[], void, undefined> {
  const only = options.only ?? DEFAULT_ONLY;
  const level = '#'.repeat(Math.min(6, Math.max(1, options.headingLevel ?? 2)));
  const sub = '#'.repeat(Math.min(6, level.length + 1));
  const head = [
    `${level} livediff: ${escapeMarkdown(report.old.source)} → ${escapeMarkdown(report.new.source)}`,
    '',
    // The verdict names page changes only when --only asks for them, as the page section does.
    `**${escapeMarkdown(summaryLine(report.summary, only.includes('page') ? report.page : undefined))}**`,
    '',
  ];
  if (!report.samePage) head.push('> **Warning:** these captures look like different pages (compared with --force)', '');
  yield head;
  const posts = selectPosts(report, only);
  const hosts = posts.some((p) => p.status === 'merged') ? newPosts(report) : new Map<number, Post>();
  for (const p of posts) yield postSection(p, sub, hosts, options.timeZone, options.explain);
  // Page details after the posts, as in the terminal: they explain the verdict, they are not the news.
  if (only.includes('page')) yield pageLines(report, options.timeZone);
}
