// A git comparison (`livediff git --format html`) as one page: each modified capture's report, new and
// deleted captures with their posts' headlines, a new page as check shows one, problems as warnings, one
// filter bar for all.
import type { FileComparison, GitComparison } from './compare.js';
import type { Side } from './revisions.js';
import { captureInfo, commitMessage, describeCapture, gitTotals, shown } from './summary.js';
import type { Report } from '../model.js';
import { type HtmlOptions, pageChangeHtml, renderHtmlSections, reportHtml } from '../render/html.js';
import { DEFAULT_ONLY } from '../render/select.js';
import { esc } from '../render/html/escape.js';
import { humanTime } from '../render/human-time.js';

const sideName = (s: Side) => (s.kind === 'commit' ? s.short : s.kind === 'empty' ? '(nothing)' : '(working tree)');

function wholeFile(f: FileComparison, timeZone: string | undefined): string {
  const capture = f.capture!;
  const added = f.status === 'added';
  const posts = capture.posts.map((p) => `<li><time>${esc(humanTime(p.time, timeZone))}</time> · ${esc(p.headline || '(no headline)')}</li>`).join('');
  return (
    `<section class="report"><h2><span class="badge b-${added ? 'added' : 'dropped'}">${added ? 'New capture' : 'Deleted capture'}</span> ${esc(f.path)}</h2>` +
    `<p class="muted">${esc(describeCapture(captureInfo(capture)))}</p>` +
    (posts ? `<details><summary>Posts</summary><ul>${posts}</ul></details>` : '') +
    '</section>'
  );
}

/** A file's heading: its path, `old → new` for a renamed one. */
const title = (f: FileComparison) => (f.oldPath === undefined ? f.path : `${f.oldPath} → ${f.path}`);

export function renderGitHtml(g: GitComparison, options: HtmlOptions = {}): string {
  const only = options.only ?? DEFAULT_ONLY;
  const files = g.files.filter((f) => shown(f, only));
  const warnings = g.problems.map((p) => `<p class="box"><strong>Warning:</strong> skipped ${esc(p.message)}</p>`);
  const sections = [
    `<p class="summary">${esc(commitMessage(gitTotals(g), g.problems.length))}</p>${warnings.join('')}`,
    ...files.map((f) =>
      f.pageChange ? pageChangeHtml(title(f), f.pageChange) : f.report ? reportHtml(f.report, 2, title(f), options) : wholeFile(f, options.timeZone),
    ),
  ];
  const reports = files.map((f) => f.report).filter((r): r is Report => r !== null);
  return renderHtmlSections(`livediff: ${sideName(g.from)} → ${sideName(g.to)}`, sections, reports, options);
}
