// A series as one self-contained HTML page: the post counter over time, a timeline (one row per post),
// a sortable table with a CSV download, and every post's versions as word diffs.
import { type History, POST_FATES, type PostHistory } from '../model.js';
import { htmlDocument } from './html/document.js';
import { esc } from './html/escape.js';
import { LOG_SCRIPT } from './html/log-script.js';
import { sanitizeInline } from './sanitize.js';
import { changesHtml, postTextHtml } from './html/text.js';
import { captureName, captureXs, counterSvg, FATE_LABEL, latest, legendHtml, timelineSvg } from './html/timeline.js';

export interface LogHtmlOptions {
  /** Show only this post's versions (as `log --post`). */
  post?: PostHistory;
  title?: string;
  /** A sentence under the summary (plain text, escaped here): that earlier pages of the series are not shown. */
  note?: string;
}

const LOG_CSS = `
nav.toc{display:flex;gap:1rem;flex-wrap:wrap;margin:.4rem 0 1rem}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0;margin:.4rem 0;font-size:.9rem}
.legend svg{vertical-align:middle}
svg text{fill:var(--fg);font:11px system-ui,sans-serif}
svg .tk{fill:var(--muted);font-size:10.5px}svg .lg{font-size:11px;fill:var(--muted)}
svg .ax{stroke:var(--muted);stroke-width:1}svg .grid{stroke:var(--line);stroke-dasharray:2 3}
.c-count{fill:none;stroke:var(--link);stroke-width:2}.c-shown{fill:none;stroke:var(--muted);stroke-width:1.5;stroke-dasharray:4 3}
.bar.f-live,.f-live{fill:var(--live)}.bar.f-dropped{fill:var(--gone)}.bar.f-reinserted,.f-reinserted{fill:var(--reinserted)}
.bar.f-out-of-view{fill:var(--away);opacity:.75}.bar.f-merged{fill:var(--reinserted);opacity:.75}
.m{stroke:var(--reinserted);stroke-width:1.8;fill:none}
.x{stroke:var(--gone);stroke-width:2.2;fill:none}.o{fill:var(--bg);stroke:var(--away);stroke-width:1.8}
.v{stroke:var(--fg);stroke-width:1.6}.gap{stroke:var(--muted);stroke-width:1.5;stroke-dasharray:2 3}.dot.c-shown{fill:var(--bg)}.dot.c-count{fill:var(--link)}
.row .hit{fill:transparent}.row:hover .hit,.row:focus .hit{fill:var(--card)}.row:focus{outline:none}.row:focus .hit{stroke:var(--link);stroke-width:2}
.row .lbl{fill:var(--fg)}
.chart{border:1px solid var(--line);border-radius:8px;padding:.4rem .6rem;margin:.8rem 0;background:var(--bg)}.chart h2{margin-top:.3rem}
.tablebar{display:flex;gap:1rem;align-items:center;margin:.4rem 0}
button{font:inherit;color:var(--fg);background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.2rem .6rem;cursor:pointer}
th{white-space:nowrap}th button{border:0;background:none;padding:0;font-weight:700}
td.n{text-align:end;font-variant-numeric:tabular-nums}
.posts>details{border:1px solid var(--line);border-radius:8px;padding:.4rem .9rem;margin:.5rem 0;content-visibility:auto;contain-intrinsic-size:auto 3rem}
.posts>details[open]{content-visibility:visible}
.posts>details>summary h3{display:inline;font-size:1rem}
.version{border-top:1px solid var(--line);margin-top:.5rem;padding-top:.3rem}
.version h4{font-size:.9rem;margin:.2rem 0}
.posts>details:target{outline:3px solid var(--link)}
@media print{.chart{break-inside:avoid}.tablebar{display:none}}
`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function versionsHtml(history: History, p: PostHistory): string {
  return p.versions
    .map((v, k) => {
      const head = `<h4>Version ${k + 1} · ${esc(captureName(history, v.capture))} · <span class="muted">${esc(v.post.time)}</span>${v.fields.length ? ` · changed: ${v.fields.join(', ')}` : ''}</h4>`;
      const body = k === 0 ? `<p><strong>${esc(v.post.headline || '(no headline)')}</strong></p>${postTextHtml(v.post)}` : changesHtml(v.changes, 5);
      return `<section class="version">${head}${body}</section>`;
    })
    .join('');
}

function postDetails(history: History, p: PostHistory, open: boolean): string {
  const seen = `first seen ${esc(captureName(history, p.firstSeen))}, last seen ${esc(captureName(history, p.lastSeen))}`;
  return (
    `<details id="post-${p.id}"${open ? ' open' : ''}><summary><span class="badge b-${p.fate === 'out-of-view' ? 'out-of-view' : p.fate}">${FATE_LABEL[p.fate]}</span>` +
    `<h3 dir="auto">${p.id}. ${esc(latest(p))}</h3> <span class="muted">${plural(p.versions.length, 'version')}; ${seen}</span></summary>${versionsHtml(history, p)}</details>`
  );
}

/**
 * The table's rows as data: sorting and the CSV download read these. Capture text with its controls and
 * bidi overrides made visible as in the table (a spreadsheet opening the CSV must not reorder a headline),
 * then escaped for the script element by htmlDocument.
 */
function tableData(history: History, posts: readonly PostHistory[]) {
  const name = (i: number) => sanitizeInline(captureName(history, i));
  return posts.map((p) => [p.id, sanitizeInline(latest(p)), name(p.firstSeen), name(p.lastSeen), p.versions.length, FATE_LABEL[p.fate], p.firstSeen, p.lastSeen]);
}

const COLUMNS = ['#', 'Headline', 'First seen', 'Last seen', 'Versions', 'How it ended'];

function tableHtml(history: History, posts: readonly PostHistory[]): string {
  const head = COLUMNS.map((c, i) => `<th scope="col" aria-sort="${i === 0 ? 'ascending' : 'none'}"><button type="button" data-col="${i}">${c}</button></th>`).join('');
  const rows = posts.map(
    (p) =>
      `<tr><td class="n">${p.id}</td><td><a href="#post-${p.id}">${esc(latest(p))}</a></td><td>${esc(captureName(history, p.firstSeen))}</td>` +
      `<td>${esc(captureName(history, p.lastSeen))}</td><td class="n">${p.versions.length}</td><td>${FATE_LABEL[p.fate]}</td></tr>`,
  );
  return `<table id="posts-table"><caption class="sr">Posts, sortable by each column</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Render a history as a self-contained HTML page (with `post`, only that post's versions). */
export function renderLogHtml(history: History, options: LogHtmlOptions = {}): string {
  const last = history.captures[history.captures.length - 1];
  const name = last?.title ?? last?.source ?? 'series';
  const title = options.title ?? `livediff log: ${name}`;
  const posts = options.post ? [options.post] : history.posts;
  const xs = captureXs(history);
  const span = history.captures.length > 0 ? `${captureName(history, 0)} to ${captureName(history, history.captures.length - 1)}` : '';
  const fates = POST_FATES.map((f) => [f, history.posts.filter((p) => p.fate === f).length] as const)
    .filter(([, n]) => n > 0)
    .map(([f, n]) => `${n} ${FATE_LABEL[f]}`);
  const body = [
    '<header><p class="kicker">livediff series</p>',
    `<h1>${esc(name)}</h1>`,
    `<p class="summary">${plural(history.posts.length, 'post')} over ${plural(history.captures.length, 'capture')}${span ? `, ${esc(span)}` : ''}: ${fates.join(', ')}</p>`,
    ...(options.note ? [`<p class="summary note">${esc(options.note)}</p>`] : []),
    '<nav class="toc noprint" aria-label="Sections"><a href="#counter">Post counter</a><a href="#timeline">Timeline</a><a href="#table">Table</a><a href="#versions">Versions</a></nav></header>',
    '<main>',
    `<section id="counter" class="chart"><h2 id="ct-h">Post counter over time</h2>${counterSvg(history, xs)}</section>`,
    `<section id="timeline" class="chart"><h2 id="tl-h">Timeline: each post from first to last seen</h2>${legendHtml()}`,
    '<p class="muted noprint">Select a row (or Tab to it and press Enter) to read that post\'s versions.</p>',
    `${timelineSvg(options.post ? { ...history, posts } : history, xs)}</section>`,
    `<section id="table"><h2>Table</h2><div class="tablebar noprint"><button type="button" id="csv">Download CSV</button><span class="muted">Sort by selecting a column heading.</span></div>${tableHtml(history, posts)}</section>`,
    `<section id="versions" class="posts"><h2>Versions of each post</h2>${posts.map((p) => postDetails(history, p, options.post !== undefined)).join('\n')}</section>`,
    '</main>',
  ].join('\n');
  return htmlDocument({ title, body, css: LOG_CSS, script: LOG_SCRIPT, data: { columns: COLUMNS, rows: tableData(history, posts) } });
}
