// Types of bench/prng.mjs, for the TypeScript tests that import it.
export function prng(seed: number): () => number;
