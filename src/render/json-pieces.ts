// JSON documents written in pieces. V8 caps a string at 2^29 − 24 characters, and a report can pass it:
// a 28 MB page whose every paragraph was edited in three words makes more than 600 MB of JSON, and
// JSON.stringify of the whole report threw "Invalid string length". A document is written as its frame
// (every key but its one large array) and that array's elements, each stringified natively (fast); an
// element too large for one string goes through json-ext's chunked stringify, which yields the same text.
import { stringifyChunked } from '@discoveryjs/json-ext';
import { sanitizeJson } from './sanitize.js';

/** Stands in for the large array in the frame. A number, so no string of the document can contain its key and it. */
const SENTINEL = -1.2345678912345678e300;
const SENTINEL_JSON = JSON.stringify(SENTINEL);

/**
 * JSON.stringify(doc, null, space) in pieces, in order, each as sanitizeJson makes it: the text before
 * `doc[key]` (an array), each of its elements, and the text after. Their concatenation is the whole text.
 */
export function* jsonPieces<D extends object>(doc: D, key: keyof D & string, space?: number): Generator<string, void, undefined> {
  const items = doc[key];
  if (!Array.isArray(items)) throw new TypeError(`jsonPieces: ${key} is not an array`);
  const frame = JSON.stringify({ ...doc, [key]: SENTINEL }, null, space);
  // Only the top level can hold `"key": SENTINEL`: inside a string every quote is escaped.
  const mark = `${JSON.stringify(key)}:${space ? ' ' : ''}${SENTINEL_JSON}`;
  const open = frame.indexOf(mark) + mark.length - SENTINEL_JSON.length;
  yield sanitizeJson(frame.slice(0, open));
  if (items.length === 0) {
    yield '[]';
  } else {
    // Elements sit two levels deep: each of their lines is indented by two levels more.
    const inner = space ? `\n${' '.repeat(2 * space)}` : '';
    for (let i = 0; i < items.length; i++) {
      yield `${i === 0 ? '[' : ','}${inner}`;
      yield* elementPieces(items[i], space, inner);
    }
    yield `${space ? `\n${' '.repeat(space)}` : ''}]`;
  }
  yield sanitizeJson(frame.slice(open + SENTINEL_JSON.length));
}

/**
 * One array element's JSON, its lines indented by `inner`: natively, or in chunks when it is too large
 * for one string (`stringify` is JSON.stringify but for tests).
 */
export function* elementPieces(
  value: unknown,
  space: number | undefined,
  inner: string,
  stringify: (value: unknown, replacer: null, space?: number) => string | undefined = JSON.stringify,
): Generator<string, void, undefined> {
  let text: string;
  try {
    // An element JSON leaves out (undefined, a function) is null in an array.
    const json = stringify(value, null, space) ?? 'null';
    text = inner === '' ? json : json.replaceAll('\n', inner);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // Newlines in the chunks are the indentation's (a string's own are escaped), wherever a chunk ends.
    for (const chunk of stringifyChunked(value, null, space)) yield sanitizeJson(inner === '' ? chunk : chunk.replaceAll('\n', inner));
    return;
  }
  yield sanitizeJson(text);
}
