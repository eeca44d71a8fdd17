// mulberry32: a small seeded PRNG, so the bench measures the same files every run and the tests that
// generate pages or series (test/browser/long-series.ts, test/soak) see the same ones every run.

/** A function returning numbers in [0, 1), the same sequence for the same seed. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
