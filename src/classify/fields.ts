// What changed between two versions of one post, field by field.
import type { Field, FieldChange, Hunk, Post } from '../model.js';
import { parseTimestamp } from '../parse/time.js';
import { DiffBudget, diffBlocks, diffText, type DiffOptions, type PageWork, POST_WORD_WORK } from './text-diff.js';

const blockLines = (p: Post) => p.body.map((b) => (b.marker ? `${b.marker} ${b.text}` : b.text));
const captionLines = (p: Post) => p.captions.map((c) => (c.credit === null ? c.text : `${c.text} (${c.credit})`));

/** `whole`: shown as old → new (a timestamp is read whole); `text`: word diff; `blocks`: block by block. */
type Extract =
  | { kind: 'whole' | 'text'; get: (p: Post) => string }
  | { kind: 'blocks'; get: (p: Post) => string[] };

/** How each field is read from a post and compared; in report order. */
const FIELD_READERS: ReadonlyArray<[Field, Extract]> = [
  // Compared only when both sides have an id: a format without ids on one side says nothing about them.
  ['id', { kind: 'whole', get: (p) => p.id ?? '' }],
  ['time', { kind: 'whole', get: (p) => p.time }],
  ['headline', { kind: 'text', get: (p) => p.headline }],
  ['byline', { kind: 'text', get: (p) => p.byline ?? '' }],
  ['captions', { kind: 'blocks', get: captionLines }],
  ['body', { kind: 'blocks', get: blockLines }],
];

/**
 * An ISO 8601 date-time with a zone, which names its instant: `2026-11-22T15:31:00Z`, `…15:31:00.000Z`,
 * `…16:31:00+01:00` (render/human-time.ts moves such times to another zone).
 */
export const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)$/;

/** An RSS date (RFC 822 as RFC 2822 writes it): `Wed, 22 Mar 2023 09:10:00 GMT`, `… 05:10:00 -0400`. */
const RFC_2822 = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d(?::\d\d)? (?:GMT|UTC?|Z|[ECMP][SD]T|[+-]\d{4})$/;

/**
 * A time relative to when the page was loaded (`2 min ago`, `just now`): it moves with the clock alone. In
 * the languages of the live pages livediff is pointed at, each its "now" and "N units ago" (units spelt
 * out or cut short). Only recognised, never computed: whatever two of them say, they are no edit.
 */
const RELATIVE_TIMES = [
  String.raw`just now|now|(?:an?|\d+)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago`, // English
  String.raw`gerade eben|jetzt|vor (?:einer?|einem|\d+)\s*(?:sek\.?|sekunden?|min\.?|minuten?|std\.?|stunden?|tag(?:en)?)`, // German
  String.raw`à l['’]instant|il y a (?:une?|\d+)\s*(?:s|sec\.?|secondes?|min\.?|minutes?|h|heures?|j|jours?)`, // French
  String.raw`ahora(?: mismo)?|hace (?:una?|\d+)\s*(?:s|seg\.?|segundos?|min\.?|minutos?|h|horas?|d|días?)`, // Spanish
  String.raw`agora(?: mesmo)?|há (?:uma?|\d+)\s*(?:s|seg\.?|segundos?|min\.?|minutos?|h|horas?|d|dias?)`, // Portuguese
  String.raw`adesso|ora|(?:un|una|\d+)\s*(?:s|sec\.?|secondi|min\.?|minut[oi]|h|or[ae]|giorn[oi]) fa`, // Italian
  String.raw`zojuist|nu|(?:een|\d+)\s*(?:s|sec\.?|seconden?|min\.?|minuut|minuten|u|uur|dag|dagen) geleden`, // Dutch
  String.raw`przed chwilą|teraz|\d+\s*(?:s|sek\.?|sekund[ay]?|min\.?|minut[ay]?|godz\.?|godzin[ay]?|dni|dzień) temu`, // Polish
  String.raw`только что|\d+\s*(?:сек\.?|секунд[уы]?|мин\.?|минут[уы]?|ч\.?|час(?:а|ов)?|дн(?:я|ей)|день) назад`, // Russian
  String.raw`щойно|\d+\s*(?:сек\.?|секунд[уи]?|хв\.?|хвилин[уи]?|год\.?|годин[уи]?|дн(?:і|ів)|день) тому`, // Ukrainian
  String.raw`刚刚|\d+\s*(?:秒|分钟|小时|天)前`, // Chinese
  String.raw`たった今|\d+\s*(?:秒|分|時間|日)前`, // Japanese
];
const RELATIVE_TIME = new RegExp(`^(?:${RELATIVE_TIMES.join('|')})$`, 'iu');

/** A US zone's family: `ET`, `EST` and `EDT` name one clock (the page says which half of the year). */
const zoneFamily = (zone: string) => (/^[ECMP][SD]?T$/.test(zone) ? zone[0]! : zone);

/**
 * Two clock times as pages print them that name the same minute: `9:10 a.m. ET` and `9:10 AM EDT`, or
 * with the zone dropped on one side (a page that stops printing it has not moved the post).
 */
function sameClock(a: string, b: string): boolean {
  const x = parseTimestamp(a);
  const y = parseTimestamp(b);
  if (x === null || y === null || x.minutes !== y.minutes) return false;
  if (x.zone === null || y.zone === null || x.zone === y.zone) return true;
  // `1:30 a.m. EDT` and `1:30 a.m. EST` are an hour apart (the night the clocks go back repeats the hour);
  // `ET` names either.
  const specific = (z: string) => /^[ECMP][SD]T$/.test(z);
  return zoneFamily(x.zone) === zoneFamily(y.zone) && !(specific(x.zone) && specific(y.zone));
}

/**
 * Two timestamps that say the same: the same instant written two ways (`Z` and `+00:00`, with and
 * without milliseconds; an RSS date in `GMT` and in `-0400`), the same clock time spelt two ways
 * (`a.m.` and `AM`, `ET` and `EDT`), or two relative times (`2 min ago`, `12 min ago`), which a page
 * reloaded later shows of every post whatever happened. None is an edit of the post's time.
 */
function sameTime(a: string, b: string): boolean {
  const instant = (s: string) => ISO_INSTANT.test(s) || RFC_2822.test(s);
  if (instant(a) && instant(b)) return Date.parse(a) === Date.parse(b);
  if (sameClock(a, b)) return true;
  return RELATIVE_TIME.test(a.trim()) && RELATIVE_TIME.test(b.trim());
}

/**
 * The blocks one per line, as join('\n') gives them, but concatenated: V8 keeps such a string as a rope
 * over the blocks until something reads it whole, where join copies them. A report keeps both sides of
 * every changed list; on a page whose every post was edited those copies were most of its memory.
 */
function joinLines(list: readonly string[]): string {
  let text = list[0] ?? '';
  for (let i = 1; i < list.length; i++) text = `${text}\n${list[i]!}`;
  return text;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The fields that differ, each with its word-level hunks. Empty when the post is unchanged. `page`: the
 * word-diff work left for the whole comparison this post is part of, spent here too.
 */
export function compareFields(old: Post, neu: Post, options: DiffOptions, page: PageWork | null = null): FieldChange[] {
  const changes: FieldChange[] = [];
  // One budget for the whole post: a post cannot multiply the word-diff bound by its number of fields.
  const budget = new DiffBudget(POST_WORD_WORK, page);
  for (const [field, read] of FIELD_READERS) {
    let hunks: Hunk[];
    let before: string;
    let after: string;
    budget.coarse = false;
    if (field === 'id' && (old.id === null || neu.id === null)) continue;
    if (read.kind !== 'blocks') {
      before = read.get(old);
      after = read.get(neu);
      if (before === after || (field === 'time' && sameTime(before, after))) continue;
      hunks = read.kind === 'text' ? diffText(before, after, options, budget) : [{ op: '-', text: before }, { op: '+', text: after }];
    } else {
      const a = read.get(old);
      const b = read.get(neu);
      if (sameList(a, b)) continue;
      before = joinLines(a);
      after = joinLines(b);
      hunks = diffBlocks(a, b, options, budget);
    }
    const change: FieldChange = { field, old: before, new: after, hunks };
    if (budget.coarse) change.coarse = true;
    changes.push(change);
  }
  return changes;
}
