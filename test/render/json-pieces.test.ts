// JSON written in pieces (render/json-pieces.ts): the pieces joined are JSON.stringify's text, sanitised,
// whichever way each element was stringified; and a report whose JSON is larger than a string may be is
// written whole by the CLI instead of failing with "Invalid string length".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elementPieces, jsonPieces } from '../../src/render/json-pieces.js';
import { sanitizeJson } from '../../src/render/sanitize.js';

const tooLarge = (): string => {
  throw new RangeError('Invalid string length');
};

describe('jsonPieces', () => {
  it('joined, is JSON.stringify of the document (pretty and compact), for any document and key position', () => {
    const doc = fc.record({
      before: fc.jsonValue(),
      items: fc.array(fc.jsonValue(), { maxLength: 6 }),
      after: fc.option(fc.jsonValue(), { nil: undefined }),
    });
    fc.assert(
      fc.property(doc, fc.constantFrom(2, undefined), (d, space) => {
        expect([...jsonPieces(d, 'items', space)].join('')).toBe(sanitizeJson(JSON.stringify(d, null, space)));
      }),
      { numRuns: 300 },
    );
  });

  it('a string holding the key and the stand-in number does not move the cut', () => {
    const d = { text: '"items": -1.2345678912345678e+300', items: [1, { a: '\u2028' }], tail: 'x' };
    expect([...jsonPieces(d, 'items', 2)].join('')).toBe(sanitizeJson(JSON.stringify(d, null, 2)));
  });

  it('an element too large for one string is stringified in chunks, to the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(2, undefined), (value, space) => {
        const inner = space ? '\n    ' : '';
        const chunked = [...elementPieces(value, space, inner, tooLarge)].join('');
        const native = [...elementPieces(value, space, inner)].join('');
        expect(chunked).toBe(native);
        expect(native).toBe(sanitizeJson((JSON.stringify(value, null, space) ?? 'null').replaceAll('\n', inner)));
      }),
      { numRuns: 300 },
    );
  });

  it('other errors are not taken for size', () => {
    const broken = () => {
      throw new TypeError('cyclic');
    };
    expect(() => [...elementPieces({}, 2, '', broken)]).toThrow(TypeError);
  });
});
