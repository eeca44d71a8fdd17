// Timestamp lines: the expression alone decides what names a real time (parse/scan.ts relies on that).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/parse/time.js';
import { FUZZ_RUNS } from '../helpers/arbitraries.js';

const MONTHS = ['January', 'FEB', 'mar.', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'October', 'Nov', 'December'];

describe('parseTimestamp', () => {
  it('reads the minutes of a live page timestamp', () => {
    expect(parseTimestamp('5:50 a.m. ET, March 22, 2023')).toEqual({ minutes: Date.UTC(2023, 2, 22, 5, 50) / 60000, zone: 'ET' });
    expect(parseTimestamp('12:05 p.m. ET, March 22, 2023')).toEqual({ minutes: Date.UTC(2023, 2, 22, 12, 5) / 60000, zone: 'ET' });
    // Spelt as other pages print it (a red-team pass: a capture in `AM` had no timestamp and was exit 2).
    expect(parseTimestamp('12:05 PM EDT, March 22, 2023')).toEqual({ minutes: Date.UTC(2023, 2, 22, 12, 5) / 60000, zone: 'EDT' });
    expect(parseTimestamp('5:50 am, March 22, 2023')).toEqual({ minutes: Date.UTC(2023, 2, 22, 5, 50) / 60000, zone: null });
    expect(parseTimestamp('12:05 am, Sept 3 2023')).toEqual({ minutes: Date.UTC(2023, 8, 3, 0, 5) / 60000, zone: null });
  });

  it.each([
    '0:10 a.m. ET, March 22, 2023',
    '13:10 p.m. ET, March 22, 2023',
    '10:60 a.m. ET, March 22, 2023',
    '10:10 a.m. ET, Smarch 22, 2023',
    '10:10 a.m. ET, March 0, 2023',
    '10:10 a.m. ET, March 32, 2023',
    '10:10 a.m. ET, March 22, 2023 ',
    '10:10, March 22, 2023',
  ])('refuses %j', (line) => {
    expect(parseTimestamp(line)).toBeNull();
  });

  it('accepts exactly hours 1–12, minutes 0–59, days 1–31 of a known month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: MONTHS.length }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('a.m.', 'am', 'AM', 'A.M.'),
        (hour, minute, day, month, pm, padded, meridiem) => {
          const pad = (n: number) => (padded ? String(n).padStart(2, '0') : String(n));
          const name = month < MONTHS.length ? MONTHS[month]! : 'Foo';
          const line = `${pad(hour)}:${String(minute).padStart(2, '0')} ${pm ? meridiem.replace(/a/i, (c) => (c === 'a' ? 'p' : 'P')) : meridiem} ET, ${name} ${pad(day)}, 2024`;
          const real = hour >= 1 && hour <= 12 && minute <= 59 && day >= 1 && day <= 31 && month < MONTHS.length;
          const expected = real ? { minutes: Date.UTC(2024, month, day, (hour % 12) + (pm ? 12 : 0), minute) / 60000, zone: 'ET' } : null;
          expect(parseTimestamp(line)).toEqual(expected);
        },
      ),
      { numRuns: FUZZ_RUNS * 20 },
    );
  });
});
