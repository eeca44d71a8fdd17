// The history as GitHub-flavoured Markdown: a table of posts, or one post's versions.
import { append } from '../arrays.js';
import type { History, PostHistory } from '../model.js';
import { latestHeadline } from './log-terminal.js';
import { escapeMarkdown, fieldLines, postText } from './markdown.js';
import { fateLabel } from './vocabulary.js';

function versionsText(p: PostHistory, label: (i: number) => string): string[] {
  return p.versions.flatMap((v, k) => [
    `**version ${k + 1}** · ${label(v.capture)} · ${escapeMarkdown(v.post.time)}${v.fields.length ? ` (${v.fields.join(', ')})` : ''}`,
    '',
    ...(k === 0 ? [`**${escapeMarkdown(v.post.headline || '(no headline)')}**`, '', ...postText(v.post)] : v.changes.flatMap(fieldLines)),
    '',
  ]);
}

export function renderLogMarkdown(history: History, post?: PostHistory): string {
  const label = (i: number) => escapeMarkdown(history.captures[i]?.label ?? String(i + 1));
  const lines = [`## livediff log: ${history.posts.length} posts over ${history.captures.length} captures`, ''];
  if (post) {
    lines.push(`### Post ${post.id}: ${escapeMarkdown(latestHeadline(post))}`, '', `First seen ${label(post.firstSeen)}, last seen ${label(post.lastSeen)}, now **${fateLabel(post.fate)}**.`, '');
    append(lines, versionsText(post, label));
  } else {
    lines.push('| # | first seen | last seen | versions | status | headline |', '|---|---|---|---|---|---|');
    for (const p of history.posts) {
      lines.push(`| ${p.id} | ${label(p.firstSeen)} | ${label(p.lastSeen)} | ${p.versions.length} | ${fateLabel(p.fate)} | ${escapeMarkdown(latestHeadline(p))} |`);
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
