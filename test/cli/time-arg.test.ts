// --since/--until: the labels log prints, ISO with or without a zone (none: UTC), and relative times.
import { describe, expect, it } from 'vitest';
import { parseTimeArg } from '../../src/cli/time-arg.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const t = (v: string) => new Date(parseTimeArg('since', v, NOW)).toISOString();

describe('parseTimeArg', () => {
  it('reads the label format the log table prints', () => {
    expect(t('2023-03-23T05-00-00Z')).toBe('2023-03-23T05:00:00.000Z');
    expect(t('2023-03-23T05-00Z')).toBe('2023-03-23T05:00:00.000Z');
    // The names `livediff capture` writes, to the millisecond (reported from an exploratory run: refused).
    expect(t('2026-11-22T10-05-00.123Z')).toBe('2026-11-22T10:05:00.123Z');
  });

  it('reads ISO 8601 with a zone, and without one as UTC', () => {
    expect(t('2026-11-22T10:00+01:00')).toBe('2026-11-22T09:00:00.000Z');
    expect(t('2026-11-22T10:00Z')).toBe('2026-11-22T10:00:00.000Z');
    expect(t('2026-11-22T10:00')).toBe('2026-11-22T10:00:00.000Z');
    expect(t('2026-11-22 10:00:30')).toBe('2026-11-22T10:00:30.000Z');
    expect(t('2026-11-22')).toBe('2026-11-22T00:00:00.000Z');
  });

  it('reads relative times before now', () => {
    expect(t('2.hours.ago')).toBe('2026-11-22T10:00:00.000Z');
    expect(t('2 hours ago')).toBe('2026-11-22T10:00:00.000Z');
    expect(t('1d')).toBe('2026-11-21T12:00:00.000Z');
    expect(t('90m')).toBe('2026-11-22T10:30:00.000Z');
    expect(t('1.week.ago')).toBe('2026-11-15T12:00:00.000Z');
  });

  it('refuses anything else in one line naming the forms it takes', () => {
    expect(() => t('yesterday-ish')).toThrow(/^--since: expected a time such as .* found 'yesterday-ish'$/);
    expect(() => t('2 fortnights ago')).toThrow(/found '2 fortnights ago'/);
    expect(() => t('2026-13-45T10:00Z')).toThrow(/found/);
  });
});
