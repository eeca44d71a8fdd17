// A diff report as one self-contained HTML page: both captures, the summary, page-level changes, then one
// card per post in page order with status filters (checkboxes kept in the URL hash) and word diffs.
import { type CheckStep, pageChangeLine } from './check.js';
import type { CaptureInfo, Post, PostChange, PostRef, PostStatus, Report } from '../model.js';
import { explainChange, inPlaceLabel, mergedInto, newPosts } from './evidence.js';
import { htmlDocument, htmlDocumentPieces } from './html/document.js';
import { esc } from './html/escape.js';
import { FILTER_SCRIPT } from './html/filter-script.js';
import { changesHtml, postTextHtml } from './html/text.js';
import { noteText } from './notes.js';
import { textOf } from './registry.js';
import { type OnlyValue, pageRows } from './select.js';
import { humanTime } from './human-time.js';
import { summaryLine } from './summary.js';
import { type Counted, plural, STATUS_LABEL as WORDS, SUMMARY_ORDER } from './vocabulary.js';

export interface HtmlOptions {
  /** Which filters start checked (default: every status, unchanged posts shown collapsed). */
  only?: readonly OnlyValue[];
  /** The page's title (default: from the captures). */
  title?: string;
  /** Say under each post why it got its status or its partner (render/evidence.ts). */
  explain?: boolean;
  /** The zone times that name their instant (ISO, RFC 2822) are shown in (`--tz`; default: the local zone). */
  timeZone?: string;
}

/** What a post card shows beyond the report: the reasons (--explain), the zone of times (--tz). */
type View = Pick<HtmlOptions, 'explain' | 'timeZone'> & { hosts?: ReadonlyMap<number, Post> };

/** The filter boxes, in the order the summary names them; `moved` is a flag on a paired post. */
export const FILTERS: readonly Counted[] = SUMMARY_ORDER;
type Filter = Counted;

/** A badge's words: the shared ones (vocabulary.ts), capitalised. */
export const STATUS_LABEL = Object.fromEntries(FILTERS.map((f) => [f, `${WORDS[f][0]!.toUpperCase()}${WORDS[f].slice(1)}`])) as Record<Filter, string>;

const badge = (s: Filter, extra = '') => `<span class="badge b-${s}">${STATUS_LABEL[s]}${extra}</span>`;

/** An unchecked box hides its posts (CSS :has, so filters work without the script); a moved post stays while `moved` is checked. */
function filterCss(): string {
  return FILTERS.filter((s) => s !== 'moved')
    .map(
      (s) =>
        `body:has(#f-${s}:not(:checked)) .s-${s}:not(.mv){display:none}` +
        `body:has(#f-${s}:not(:checked)):has(#f-moved:not(:checked)) .s-${s}.mv{display:none}`,
    )
    .join('\n');
}

const DIFF_CSS = `
.filters{position:sticky;top:0;z-index:1;background:var(--bg);border-bottom:1px solid var(--line);padding:.5rem 0;margin:1rem 0}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem .9rem;align-items:center}
.filters legend{font-weight:700;float:left;margin-right:.6rem}
.filters label{white-space:nowrap;cursor:pointer}
.post{border:1px solid var(--line);border-radius:8px;padding:.7rem 1rem;margin:.7rem 0;background:var(--bg)}
.post header{display:flex;flex-wrap:wrap;gap:.2rem .5rem;align-items:baseline}
.post.s-unchanged{padding:.35rem 1rem}
.post.s-added{border-left:5px solid var(--added)}.post.s-dropped{border-left:5px dashed var(--dropped)}
.post.s-edited{border-left:5px solid var(--edited)}.post.s-out-of-view,.post.s-into-view{border-left:5px dotted var(--out)}
.post.s-merged{border-left:5px double var(--moved)}
.post h3,.post h4{display:inline;font-size:1.05rem}
.where{font-size:.85rem;color:var(--muted)}
.page-changes td{width:40%}
.post summary>header{display:inline-flex;vertical-align:top;width:calc(100% - 1.5rem)}
body:has(#sbs:checked) .inline{display:none}body:has(#sbs:checked) .sbs{display:block}
.report+.report{border-top:3px double var(--line);margin-top:2rem}
${filterCss()}
`;

function captureHtml(label: string, c: CaptureInfo, timeZone: string | undefined): string {
  const shown = c.postCount === null ? plural(c.posts, 'post') : `${plural(c.posts, 'post')} shown of ${c.postCount}`;
  return [
    `<div><dt>${label}</dt>`,
    `<dd>${esc(c.title ?? '(no title)')}</dd>`,
    `<dd class="muted">${c.updated ? `Updated ${esc(humanTime(c.updated, timeZone))}` : 'No Updated time'} · ${shown}</dd>`,
    `<dd class="muted"><code>${esc(c.source)}</code></dd></div>`,
  ].join('');
}

function pageBox(report: Report, level: number, timeZone: string | undefined): string {
  const { page } = report;
  const rows = pageRows(page).map((r) => `<tr><th scope="row">${r.name[0]!.toUpperCase()}${r.name.slice(1)}</th><td>${esc(humanTime(r.old, timeZone))}</td><td>${esc(humanTime(r.new, timeZone))}</td></tr>`);
  // Deletions outside the view are told by their `deleted-outside-view` note, with the number.
  const notes = page.notes.map((n) => `<p><strong>Note:</strong> ${esc(noteText(n))}</p>`);
  if (rows.length === 0 && notes.length === 0) return '';
  const table = rows.length === 0 ? '' : `<table><thead><tr><th scope="col">Page</th><th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<section class="box page-changes"><h${level}>Page changes</h${level}>${table}${notes.join('')}</section>`;
}

/** Where a merged post's text is now. */
const joined = (host: { position: number; name: string } | null) => (host === null ? '' : ` · now part of post ${host.position}: ${esc(host.name)}`);

/** Where a paired post sat and sits, when it moved. */
const moveText = (moved: boolean, from: PostRef, to: PostRef) => (moved ? ` · position ${from.index + 1} → ${to.index + 1}` : '');

function cardHead(p: PostChange, status: PostStatus, level: number, view: View, extra: { fields?: string; where?: string } = {}): string {
  const post = p.post;
  const badges = badge(status, (extra.fields ? `: ${extra.fields}` : '') + esc(inPlaceLabel(p))) + (p.moved ? badge('moved') : '');
  const reason = view.explain ? explainChange(p) : null;
  const why = reason !== null ? `<p class="where">why: ${esc(reason)}</p>` : '';
  return `<header>${badges}<h${level} dir="auto">${esc(post.headline || '(no headline)')}</h${level}><time class="where">${esc(humanTime(post.time, view.timeZone))}${extra.where ?? ''}</time></header>${why}`;
}

/**
 * One post's card. What a post change carries depends on its status, so everything past the headline is
 * read inside the case for that status: the pair's places for paired posts, the changes for edited ones.
 */
function card(p: PostChange, level: number, view: View): string {
  const cls = `post s-${p.status}${p.moved ? ' mv' : ''}`;
  switch (p.status) {
    case 'edited':
      return `<article class="${cls}">${cardHead(p, p.status, level, view, { fields: p.fields.join(', '), where: moveText(p.moved, p.old!, p.new!) })}${changesHtml(p.changes, level + 1)}</article>`;
    case 'added':
    case 'dropped':
      return `<article class="${cls}">${cardHead(p, p.status, level, view)}${postTextHtml(p.post)}</article>`;
    case 'merged':
      // Its text is in the post it joined (whose changes show it arrive): that post is named, the text folded.
      return `<article class="${cls}"><details><summary>${cardHead(p, p.status, level, view, { where: joined(mergedInto(p, view.hosts ?? new Map())) })}</summary>${postTextHtml(p.post)}</details></article>`;
    case 'unchanged':
      // Not a change of the post's text: collapsed, the text one click away.
      return `<article class="${cls}"><details><summary>${cardHead(p, p.status, level, view, { where: moveText(p.moved, p.old!, p.new!) })}</summary>${postTextHtml(p.post)}</details></article>`;
    case 'out-of-view':
    case 'into-view':
      return `<article class="${cls}"><details><summary>${cardHead(p, p.status, level, view)}</summary>${postTextHtml(p.post)}</details></article>`;
  }
}

/** A report's head: title, both captures, summary, warning, page box; `level` is its title's heading level. */
function reportHead(report: Report, level: number, title: string, timeZone: string | undefined): string {
  const warning = report.samePage ? '' : '<p class="box"><strong>Warning:</strong> these captures look like different pages (compared with --force).</p>';
  return [
    `<h${level}>${esc(title)}</h${level}>`,
    `<dl class="captures">${captureHtml('Before', report.old, timeZone)}${captureHtml('After', report.new, timeZone)}</dl>`,
    `<p class="summary">${esc(summaryLine(report.summary, report.page))}</p>`,
    warning,
    pageBox(report, level + 1, timeZone),
  ].join('\n');
}

function reportPosts(report: Report, level: number, view: View): string {
  return textOf(postPieces(report, level, view));
}

/** reportPosts in pieces: the heading, then each post's card after a line break. */
function* postPieces(report: Report, level: number, view: View): Generator<string, void, undefined> {
  const hosts = report.posts.some((p) => p.status === 'merged') ? newPosts(report) : undefined;
  yield `<h${level + 1} class="sr">Posts</h${level + 1}>`;
  for (const p of report.posts) yield `\n${card(p, level + 2, { ...view, hosts })}`;
}

/** One report as a section of a larger document (check's steps, git's files). */
export function reportHtml(report: Report, level: number, title: string, view: View = {}): string {
  return `<section class="report">${reportHead(report, level, title, view.timeZone)}\n${reportPosts(report, level, view)}</section>`;
}

/** Counts per filter over several reports (a check run or a git comparison shows one bar for all). */
function counts(reports: readonly Report[]): Record<Filter, number> {
  const n = Object.fromEntries(FILTERS.map((f) => [f, 0])) as Record<Filter, number>;
  // As the verdict counts them: an unchanged post that moved is `moved` (its box shows it), not also unchanged.
  for (const r of reports) for (const p of r.posts) {
    if (!(p.status === 'unchanged' && p.moved)) n[p.status] += 1;
    if (p.moved) n.moved += 1;
  }
  return n;
}

/** The filter bar: one checkbox per status with its count, and the side-by-side toggle. */
export function filterBar(reports: readonly Report[], only: readonly OnlyValue[] | undefined): string {
  const n = counts(reports);
  const boxes = FILTERS.map((f) => {
    const on = only === undefined || only.includes(f);
    return `<label><input type="checkbox" id="f-${f}" name="${f}"${on ? ' checked' : ''}> ${badge(f)}${n[f]}</label>`;
  });
  return [
    '<form class="filters" aria-label="Filters">',
    `<fieldset><legend>Show</legend>${boxes.join('')}`,
    '<label><input type="checkbox" id="sbs" name="side-by-side"> Word changes side by side</label></fieldset>',
    '</form>',
  ].join('');
}

/** A whole HTML document of several reports (check's steps, git's files) under one filter bar. */
export function renderHtmlSections(title: string, sections: readonly string[], reports: readonly Report[], options: HtmlOptions = {}): string {
  const body = [
    '<header><p class="kicker">livediff report</p>',
    `<h1>${esc(title)}</h1></header>`,
    filterBar(reports, options.only),
    `<main>${sections.join('\n')}</main>`,
  ].join('\n');
  return htmlDocument({ title, body, css: DIFF_CSS, script: FILTER_SCRIPT });
}

/** Render a report as a self-contained HTML page. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  return textOf(renderHtmlPieces(report, options));
}

/** renderHtml's page in pieces, a post's card at a time (see htmlDocumentPieces). */
export function renderHtmlPieces(report: Report, options: HtmlOptions = {}): Generator<string, void, undefined> {
  const name = report.new.title ?? report.new.source;
  function* body(): Generator<string, void, undefined> {
    yield `<header><p class="kicker">livediff report</p>${reportHead(report, 1, name, options.timeZone)}</header>\n`;
    yield `${filterBar([report], options.only)}\n<main>`;
    yield* postPieces(report, 1, options);
    yield '</main>';
  }
  return htmlDocumentPieces({ title: options.title ?? `livediff: ${name}`, body: body(), css: DIFF_CSS, script: FILTER_SCRIPT });
}

/** A page change (a rollover: check's step, git's file) as a section: a heading, and the line the terminal prints. */
export function pageChangeHtml(heading: string, change: { oldTitle: string | null; newTitle: string | null }): string {
  return `<section class="report page-changed"><h2>${esc(heading)}</h2>\n<p class="summary">${esc(pageChangeLine(change))}</p></section>`;
}

/** Several consecutive diffs (the steps of `livediff check`) as one page, a section per step. */
export function renderHtmlSteps(steps: readonly CheckStep[], options: HtmlOptions = {}): string {
  const reports = steps.flatMap((s) => (s.kind === 'report' ? [s.report] : []));
  const last = reports.at(-1)?.new;
  const lastTitle = steps.at(-1)?.kind === 'page-changed' ? (steps.at(-1) as { newTitle: string | null }).newTitle : null;
  const title = options.title ?? `livediff check: ${lastTitle ?? (last ? (last.title ?? last.source) : 'no new capture')}`;
  const sections = steps.map((s) =>
    s.kind === 'report'
      ? reportHtml(s.report, 2, `${s.old} → ${s.new}`, options)
      : pageChangeHtml(`${s.old} → ${s.new}`, s),
  );
  if (sections.length === 0) sections.push('<p class="summary">No new capture since the last run.</p>');
  return renderHtmlSections(title, sections, reports, options);
}
