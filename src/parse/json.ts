// JSON helpers the jsonld and feed adapters share: reading JSON with one-line errors, the post-count
// bound, and finding posts in the source text for their line numbers.
import { InputError } from '../errors.js';
import { LineIndex } from './fields.js';
import { NON_ASCII } from './normalize.js';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON.parse error as one short line, and the 1-based line it points at when the message says. */
export function describeJsonError(error: unknown, text: string): { message: string; line: number | null } {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/\s+/g, ' ').slice(0, 120);
  const position = /at position (\d+)/.exec(raw);
  if (position) return { message, line: new LineIndex(text).lineAt(Number(position[1])) };
  const lineCol = /\(line (\d+) column \d+\)/.exec(raw);
  return { message, line: lineCol ? Number(lineCol[1]) : null };
}

/** Parse JSON or throw an InputError naming what was expected and where the JSON breaks. */
export function parseJsonInput(text: string, source: string, expected: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) {
      throw new InputError(source, expected, `JSON this parser cannot read (${(error as Error).message})`);
    }
    const { message, line } = describeJsonError(error, text);
    throw new InputError(source, expected, `malformed JSON (${message})`, line);
  }
}

/**
 * Searches that found nothing may scan this many times the text in all; past it each search looks only
 * WINDOW characters ahead. A needle that is absent costs a scan of the rest of the text, so without the
 * bound a document whose needles never match (an escaping not foreseen) is quadratic.
 */
const MISS_SCANS = 4;
const WINDOW = 1 << 16;

/** Locates posts in the source text for line numbers: the next occurrence of a distinctive string. */
export class Locator {
  private cursor: number;
  private line: number;
  private readonly lines: LineIndex;
  /** Characters scanned by searches that found nothing (see MISS_SCANS); for tests too. */
  missed = 0;
  /** A text of ASCII only (non-ASCII escaped) cannot hold a needle that is not: no need to scan for one. */
  private readonly asciiOnly: boolean;
  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.lines = new LineIndex(text);
    this.cursor = start;
    this.line = this.lines.lineAt(start);
    this.asciiOnly = !NON_ASCII.test(text);
  }

  private find(needle: string): number {
    if (this.asciiOnly && NON_ASCII.test(needle)) return -1;
    if (this.missed <= MISS_SCANS * this.text.length) {
      const at = this.text.indexOf(needle, this.cursor);
      if (at < 0) this.missed += this.text.length - this.cursor;
      return at;
    }
    const at = this.text.slice(this.cursor, this.cursor + WINDOW + needle.length).indexOf(needle);
    if (at < 0) this.missed += WINDOW;
    return at < 0 ? -1 : this.cursor + at;
  }

  /** The line of the first of `needles` found after the previous post, else the previous post's line. */
  next(needles: (string | null)[]): number {
    for (const needle of needles) {
      if (needle === null || needle.length < 4) continue;
      const at = this.find(needle);
      if (at >= 0) {
        this.cursor = at + needle.length;
        this.line = this.lines.lineAt(at);
        break;
      }
    }
    return this.line;
  }
}

/**
 * How a string value may appear in JSON source: JSON-escaped, with or without `/` escaped too, and with
 * every character beyond ASCII escaped as `\u00e9` (the default of Python's json.dumps and PHP's
 * json_encode).
 */
export function needlesFor(raw: unknown): (string | null)[] {
  if (typeof raw !== 'string' || raw === '') return [];
  const json = JSON.stringify(raw).slice(1, -1);
  const needles = [json, json.replace(/\//g, '\\/')];
  if (NON_ASCII.test(json)) {
    const ascii = json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    needles.push(ascii, ascii.replace(/\//g, '\\/'));
  }
  return needles;
}

/** Whether text starts as JSON (`{` or `[`, after white space and BOM). */
export function startsAsJson(head: string): boolean {
  const c = head.replace(/^[\ufeff\s]+/, '')[0];
  return c === '{' || c === '[';
}
