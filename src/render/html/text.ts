// A post's text and a field's difference as HTML: word diffs inline as <ins>/<del> with a side-by-side
// copy (shown by the toggle), paragraphs rewritten beyond recognition as Before / After.
import type { FieldChange, Hunk, Part, Post } from '../../model.js';
import { esc } from './escape.js';

export function postTextHtml(post: Post): string {
  const out: string[] = [];
  if (post.byline) out.push(`<p class="byline" dir="auto">${esc(post.byline)}</p>`);
  for (const c of post.captions) out.push(`<p class="caption" dir="auto">Image: ${esc(c.text)}${c.credit ? ` (${esc(c.credit)})` : ''}</p>`);
  for (const b of post.body) out.push(`<p dir="auto">${b.marker ? `${esc(b.marker)} ` : ''}${esc(b.text)}</p>`);
  return `<div class="text">${out.join('')}</div>`;
}

const part = (p: Part) => (p.op === '=' ? esc(p.text) : p.op === '-' ? `<del>${esc(p.text)}</del>` : `<ins>${esc(p.text)}</ins>`);
/**
 * One side of a word diff: the kept words and the side's own (removed for before, inserted for after). The
 * other side's words leave a space where they held one (`Bakhmut, corrected (` → `Bakhmut (`); HTML collapses runs.
 */
const side = (parts: Part[], op: '-' | '+') =>
  parts.map((p) => (p.op === '=' || p.op === op ? part(p) : /^\s|\s$/.test(p.text) ? ' ' : '')).join('');

function pairHtml(before: string, after: string): string {
  return `<div class="pair"><div><span class="lbl">Before</span><p dir="auto">${before}</p></div><div><span class="lbl">After</span><p dir="auto">${after}</p></div></div>`;
}

/** A field's hunks; consecutive removed and inserted blocks (a rewrite) side by side as Before / After. */
export function hunksHtml(hunks: readonly Hunk[]): string {
  const out: string[] = [];
  for (let i = 0; i < hunks.length; i++) {
    const h = hunks[i]!;
    if (h.op === '=') {
      // A run of unchanged paragraphs: one kept in view as context, more than one folded away.
      let j = i;
      while (j < hunks.length && hunks[j]!.op === '=') j++;
      const kept = hunks.slice(i, j).map((k) => `<p class="kept" dir="auto">${esc((k as { text: string }).text)}</p>`);
      out.push(kept.length === 1 ? kept[0]! : `<details class="kept"><summary>${kept.length} paragraphs unchanged</summary>${kept.join('')}</details>`);
      i = j - 1;
    } else if (h.op === '~') {
      out.push(`<div class="inline"><p dir="auto">${h.parts.map(part).join('')}</p></div>`);
      out.push(`<div class="sbs">${pairHtml(side(h.parts, '-'), side(h.parts, '+'))}</div>`);
    } else {
      const removed: string[] = [];
      const inserted: string[] = [];
      let j = i;
      for (; j < hunks.length && (hunks[j]!.op === '-' || hunks[j]!.op === '+'); j++) {
        const x = hunks[j] as { op: '-' | '+'; text: string };
        (x.op === '-' ? removed : inserted).push(x.text);
      }
      i = j - 1;
      if (removed.length > 0 && inserted.length > 0) {
        out.push(pairHtml(removed.map((t) => `<del>${esc(t)}</del>`).join('<br>'), inserted.map((t) => `<ins>${esc(t)}</ins>`).join('<br>')));
      } else {
        for (const t of removed) out.push(`<p dir="auto"><span class="sr">removed: </span><del>${esc(t)}</del></p>`);
        for (const t of inserted) out.push(`<p dir="auto"><span class="sr">inserted: </span><ins>${esc(t)}</ins></p>`);
      }
    }
  }
  return out.join('');
}

const FIELD_LABEL: Record<FieldChange['field'], string> = {
  id: 'Publisher id',
  time: 'Time',
  headline: 'Headline',
  byline: 'Byline',
  captions: 'Image captions',
  body: 'Text',
};

/** Every changed field under a heading of `level` (4 on a diff's cards, 5 in a series' versions). */
export function changesHtml(changes: readonly FieldChange[], level = 4): string {
  return changes.map((c) => `<section class="field"><h${level}>${FIELD_LABEL[c.field]}</h${level}>${hunksHtml(c.hunks)}</section>`).join('');
}
