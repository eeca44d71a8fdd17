// fast-check arbitraries: random pages of posts built from the real captures' words, and the changes
// live pages go through (edits, moves, deletions, additions, window shifts, capture noise).
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeCapture, stamp, type CaptureSpec, type PostSpec } from './capture.js';
import { ROOT } from './run.js';

const SNAPSHOTS = join(ROOT, 'snapshots');

/** Words of the real captures: random text that looks like the real thing. */
export const VOCABULARY: string[] = [
  ...new Set(
    readdirSync(SNAPSHOTS, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.txt'))
      .flatMap((e) => readFileSync(join(e.parentPath, e.name), 'utf8').match(/[A-Za-z]{3,}/g) ?? []),
  ),
];

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const word = fc.constantFrom(...VOCABULARY);
const sentence = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((ws) => `${ws.join(' ')}.`);

/** A post; `n` makes its headline distinct, `minute` its timestamp. */
export const postArb = (n: number, minute: number): fc.Arbitrary<PostSpec> =>
  fc.record({
    headline: fc.array(word, { minLength: 4, maxLength: 10 }).map((ws) => `${ws.join(' ')} ${n}`),
    body: fc.array(sentence(12, 40), { minLength: 1, maxLength: 5 }),
    byline: fc.constantFrom("From CNN's Test Reporter", "From CNN's Other Reporter", null),
  }).map((p) => ({ ...p, time: stamp(minute) }));

/** A page of 1–12 posts, newest first, shown whole (the counter equals the posts shown). */
export const pageArb: fc.Arbitrary<PostSpec[]> = fc
  .integer({ min: 1, max: 12 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => postArb(i, 1200 - i * 7))));

export function capture(posts: PostSpec[], extra: Partial<CaptureSpec> = {}): string {
  return makeCapture({ posts, ...extra });
}

/** Capture noise that is never an edit. */
export const noiseArb = fc.record({
  crlf: fc.boolean(),
  bom: fc.boolean(),
  trailing: fc.boolean(),
  nbsp: fc.boolean(),
  blankLines: fc.boolean(),
  nfd: fc.boolean(),
});

export type Noise = typeof noiseArb extends fc.Arbitrary<infer T> ? T : never;

export function addNoise(text: string, noise: Noise): string {
  let t = text;
  if (noise.nfd) t = t.normalize('NFD');
  if (noise.nbsp) t = t.replace(/ (?=\w)/g, (s, offset: number) => (offset % 3 === 0 ? '\u00a0' : s));
  if (noise.trailing) t = t.replace(/\n/g, ' \u00a0\n');
  if (noise.blankLines) t = t.replace(/\n\n/g, '\n\n\n');
  if (noise.crlf) t = t.replace(/\n/g, '\r\n');
  if (noise.bom) t = `\ufeff${t}`;
  return t;
}
