// Helpers for the post fields the html, jsonld and feed adapters all fill: derived headlines, times as
// minutes, line numbers, ids, the empty page header. Plain text only: no markup, no JSON.
import type { Block, PageHeader } from '../model.js';
import type { DraftPost as Post, ParseOptions } from './adapter.js';
import { parseTimestamp } from './time.js';

/** The field options of ParseOptions, never undefined. */
export type FieldOptions = NonNullable<ParseOptions['fields']>;

/** Longest headline made from a post's first sentence. */
export const DERIVED_HEADLINE_CHARS = 100;
/** A sentence end: `.`, `!`, `?` or `…`, closing quotes or brackets, then white space or the end. */
const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s|$)/g;
/** Sentence ends this early are abbreviations (`Mr.`, `U.S.`) more often than sentences. */
const MIN_SENTENCE_CHARS = 15;

/** A headline for a post that has none: its first sentence, cut at a word boundary to 100 characters. */
export function headlineFromBody(blocks: readonly Block[]): string {
  const first = blocks.find((b) => b.text !== '')?.text ?? '';
  let sentence = first;
  for (const m of first.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end >= MIN_SENTENCE_CHARS) {
      sentence = first.slice(0, end);
      break;
    }
  }
  if (sentence.length <= DERIVED_HEADLINE_CHARS) return sentence;
  const cut = sentence.slice(0, DERIVED_HEADLINE_CHARS);
  const space = cut.lastIndexOf(' ');
  const words = space > DERIVED_HEADLINE_CHARS / 2 ? cut.slice(0, space) : cut;
  return `${words.replace(/[\s,;:–—-]+$/, '')}…`;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)? ?(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?$/;

/**
 * Minutes since 1970-01-01 UTC of an ISO 8601 date (`2021-02-19T19:41:53.000Z`, `…+0100`, `2021-02-19`);
 * a time without an offset is taken as UTC. Null when the text is not such a date.
 */
export function isoMinutes(value: string): number | null {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', , , sign, oh = '0', om = '0'] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59) return null;
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return Date.UTC(Number(y), month - 1, day, hour, minute) / 60000 - offset;
}

/** Minutes of a time as a page shows it: ISO 8601, else a text timestamp such as `5:50 a.m. ET, March 22, 2023`. */
export function timeMinutes(value: string): number | null {
  return isoMinutes(value) ?? parseTimestamp(value)?.minutes ?? null;
}

/** 1-based line numbers of offsets in a text, counting line endings as splitLines does. */
export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85) starts.push(i + 1);
  }
  return starts;
}

/** Ids only count when they tell posts apart: an id several posts share is no id (set to null on each). */
export function dropSharedIds(posts: Post[]): void {
  const counts = new Map<string, number>();
  for (const p of posts) if (p.id !== null) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
  for (const p of posts) if (p.id !== null && counts.get(p.id)! > 1) p.id = null;
}

export function emptyHeader(): PageHeader {
  return { deepLink: null, title: null, bylines: [], updated: null, updatedMinutes: null, postCount: null };
}
