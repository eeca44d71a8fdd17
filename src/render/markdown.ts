// GitHub-flavoured Markdown report, for job summaries and commit comments. Capture text is neutralised.
import { COARSE_NOTE } from '../classify/text-diff.js';
import { type FieldChange, type Hunk, type Post, type PostChange, type Report, unreachable } from '../model.js';
import { explainEvidence, inPlaceLabel } from './evidence.js';
import { noteText } from './notes.js';
import { DEFAULT_ONLY, type OnlyValue, pageRows, selectPosts } from './select.js';
import { summaryLine } from './summary.js';

export interface MarkdownOptions {
  only?: readonly OnlyValue[];
  /** Heading level of the report's title (default 2: `##`). */
  headingLevel?: number;
  /** Print each post's evidence (why this status or partner) under its heading. */
  explain?: boolean;
}

const ZWSP = '&#8203;';

/**
 * Capture text as inert Markdown: HTML escaped, Markdown punctuation backslash-escaped, @mentions and
 * #references broken with a zero-width space so they cannot notify anyone, no line breaks, no controls.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~$]/g, (c) => `\\${c}`)
    .replace(/@/g, `@${ZWSP}`)
    .replace(/\\#(?=\w)/g, `\\#${ZWSP}`);
}

const LABEL: Record<PostChange['status'], string> = {
  added: '🟢 Added',
  dropped: '🔴 Dropped',
  edited: '🟡 Edited',
  unchanged: '⚪ Unchanged',
  'out-of-view': '⬇️ Left the view',
  'into-view': '⬆️ Came into view',
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

function postSection(p: PostChange, level: string, explain = false): string[] {
  const post = p.post;
  const status = (p.status === 'edited' ? `${LABEL.edited} (${p.fields.join(', ')})` : LABEL[p.status]) + inPlaceLabel(p);
  const where = [
    escapeMarkdown(post.time),
    p.old !== null && p.new !== null && p.old.index !== p.new.index ? `position ${p.old.index + 1} → ${p.new.index + 1}` : '',
  ].filter(Boolean);
  const lines = [`${level} ${status}${p.moved ? ' · moved' : ''}: ${escapeMarkdown(post.headline || '(no headline)')}`, ''];
  if (where.length > 0) lines.push(`<sub>${where.join(' · ')}</sub>`, '');
  if (explain && p.evidence !== null) lines.push(`<sub>why: ${escapeMarkdown(explainEvidence(p.evidence))}</sub>`, '');
  return [...lines, ...postBody(p)];
}

/** What a post shows under its heading: the whole text of a new or deleted post, the changes of an edited one. */
function postBody(p: PostChange): string[] {
  switch (p.status) {
    case 'added':
    case 'dropped':
      return ['<details><summary>Text</summary>', '', ...postText(p.post), '', '</details>', ''];
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

function pageLines(report: Report): string[] {
  const { page } = report;
  const rows = pageRows(page).map((r) => `| ${r.name[0]!.toUpperCase()}${r.name.slice(1)} | ${escapeMarkdown(r.old)} | ${escapeMarkdown(r.new)} |`);
  const notes = page.notes.map((n) => `> **Note:** ${escapeMarkdown(noteText(n))}`);
  if (rows.length === 0 && notes.length === 0) return [];
  const table = rows.length > 0 ? ['| Page | Before | After |', '|---|---|---|', ...rows, ''] : [];
  return [...table, ...notes, ...(notes.length > 0 ? [''] : [])];
}

/** Render a report as GitHub-flavoured Markdown. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const only = options.only ?? DEFAULT_ONLY;
  const level = '#'.repeat(Math.min(6, Math.max(1, options.headingLevel ?? 2)));
  const sub = '#'.repeat(Math.min(6, level.length + 1));
  const lines = [
    `${level} livediff: ${escapeMarkdown(report.old.source)} → ${escapeMarkdown(report.new.source)}`,
    '',
    `**${escapeMarkdown(summaryLine(report.summary, report.page))}**`,
    '',
  ];
  if (!report.samePage) lines.push('> **Warning:** these captures look like different pages (compared with --force)', '');
  if (only.includes('page')) lines.push(...pageLines(report));
  for (const p of selectPosts(report, only)) lines.push(...postSection(p, sub, options.explain));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
