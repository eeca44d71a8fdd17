// `npm run bench`: whole-process wall time and peak memory of the built CLI on generated captures, next to
// `node -e 0` and `git diff --no-index --word-diff` on the same files, in the same run. Prints a table and
// writes it to docs/performance.md. Targets from issue 6; a missed target is reported, not an error.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { generate } from './generate.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist', 'livediff.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** One run: wall ms, peak RSS MiB (GNU time, when present), exit status. */
function once(cmd, args) {
  const start = process.hrtime.bigint();
  const r = GNU_TIME
    ? spawnSync(GNU_TIME, ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] })
    : spawnSync(cmd, args, { stdio: 'ignore' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const kb = GNU_TIME ? Number(r.stderr.trim().split('\n').at(-1)) : NaN;
  return { wall, mem: kb / 1024, status: r.status };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall and memory over RUNS runs (one warm-up run first, not counted). */
function measure(cmd, args, okStatuses = [0, 1]) {
  const warm = once(cmd, args);
  if (!okStatuses.includes(warm.status)) return { error: `exit ${warm.status}`, wall: NaN, mem: NaN };
  const runs = Array.from({ length: RUNS }, () => once(cmd, args));
  return { wall: median(runs.map((r) => r.wall)), mem: median(runs.map((r) => r.mem)) };
}

const ms = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} ms`);
const mib = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} MiB`);

function main() {
  if (!existsSync(CLI)) throw new Error('dist/livediff.cjs is missing: run `npm run build` first (npm run bench does)');
  process.stderr.write('generating captures…\n');
  const files = generate();
  const rows = [];
  const row = (name, result, reference, target, pass) =>
    rows.push({ name, wall: ms(result.wall), mem: mib(result.mem), reference, target, verdict: result.error ? `error (${result.error})` : pass ? 'met' : 'MISSED' });

  process.stderr.write('node -e 0…\n');
  const node = measure(process.execPath, ['-e', '0'], [0]);
  const march = ['snapshots/cnn-russia-ukraine-2023-03-22/capture-1.txt', 'snapshots/cnn-russia-ukraine-2023-03-22/capture-2.txt'].map((f) => join(ROOT, f));
  process.stderr.write('March 22 pair…\n');
  const m = measure(process.execPath, [CLI, ...march]);
  row('March 22 captures (start-up)', m, `node -e 0: ${ms(node.wall)}`, '≤ 1.5 × node -e 0', m.wall <= 1.5 * node.wall);

  for (const size of [100, 1000, 5000]) {
    process.stderr.write(`${size}-post pair…\n`);
    const [a, b] = files[`pair-${size}`];
    const r = measure(process.execPath, [CLI, a, b]);
    const git = measure('git', ['diff', '--no-index', '--word-diff', a, b]);
    const target = size === 5000 ? '≤ 3 × git, ≤ 150 MiB' : '';
    const pass = size === 5000 ? r.wall <= 3 * git.wall && !(r.mem > 150) : true;
    row(`${size}-post pair`, r, `git diff --word-diff: ${ms(git.wall)}, ${mib(git.mem)}`, target, pass);
  }

  process.stderr.write('50 KB post…\n');
  const same = measure(process.execPath, [CLI, ...files['big-post-unchanged']]);
  const big = measure(process.execPath, [CLI, ...files['big-post']]);
  row('50 KB post rewritten', big, `unchanged pair: ${ms(same.wall)}`, '≤ unchanged + 200 ms', big.wall <= same.wall + 200);

  process.stderr.write('log over 1,000 and 2,000 captures…\n');
  const log1 = measure(process.execPath, [CLI, 'log', files['series-1000'], '--format', 'json']);
  const log2 = measure(process.execPath, [CLI, 'log', files['series-2000'], '--format', 'json']);
  row('log, 1,000 captures', log1, '', '≤ 2 s', log1.wall <= 2000);
  row('log, 2,000 captures', log2, `1,000: ${ms(log1.wall)}`, '≤ 2.2 × 1,000', log2.wall <= 2.2 * log1.wall);

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const table = [
    '| case | livediff (median wall) | peak memory | reference (same run) | target | verdict |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.wall} | ${r.mem} | ${r.reference} | ${r.target} | ${r.verdict} |`),
  ].join('\n');
  const doc = `# Performance

Measured by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: ${machine}.
Median of ${RUNS} runs after one warm-up, whole process (the built CLI, \`node dist/livediff.cjs\`); peak memory is
the maximum resident set size from GNU time${GNU_TIME ? '' : ' (not available on this machine: n/a)'}. Captures are generated by
bench/generate.mjs from the real captures' paragraphs (pairs with about 2% of posts edited, 1% added, 0.5% deleted,
0.5% headline fixes; a page captured every 5 minutes showing its newest 30 posts; one post of 50 KB rewritten).

${table}

## Where the time goes

${NOTES}
`;
  writeFileSync(join(ROOT, 'docs', 'performance.md'), doc);
  console.log(`${machine}\n\n${table}\n\nwritten to docs/performance.md`);
}

const NOTES = `- Start-up dominates small runs; Node itself is most of it (\`node -e 0\`). The CLI is one minified bundle
  compiled with a V8 code cache made at build time (scripts/build.mjs, scripts/launcher.cjs). Profiling with
  \`--cpu-prof\` found work done at every start that a plain diff never uses, now deferred: string-width's
  Intl.Segmenter (about 20 ms a copy) and its Unicode-property regular expressions (about 14 ms when loaded
  from the code cache), node:assert for two yargs functions (5 ms), tinyglobby's optional picomatch load
  (6.5 ms), the HTML parser (loaded only for input starting with <, { or [), and the crypto, child_process
  and os built-ins (about 12 ms; src/builtins.ts). \`LIVEDIFF_NO_MINIFY=1 npm run build\` keeps function
  names for reading such profiles.
- The 5,000-post pair (two files of 6.6 MB) went from 680 ms to 405–441 ms in four runs of this benchmark on
  2026-11-23 (git: 104–115 ms; peak memory 140 MiB to 86–88 MiB) with:
  parsing text captures at the byte level (post starts found in the bytes read as latin1, no UTF-8 decoding
  of the whole file, plain ASCII timestamp lines matched in place); one entry per distinct post text, whose
  byline, captions and body are parsed only when read; pairing byte-identical posts first (raw identity),
  so the 97% of posts that did not change are never compared field by field; similarity on sorted arrays
  of word codes instead of maps of strings; reading a file in one piece (joining 64 KiB pieces cost 23 ms);
  typed arrays instead of sets in the aligner and the window reasoning.
- It still misses 3 × git. Where its time goes now (in-process timings of each stage, cold as in a real
  run, this machine, 2026-11-23): start-up about 160 ms (\`node -e 0\` alone about 125); reading 10 ms;
  parsing the older file 65–80 ms (every post is new to the cache: finding its start, timestamp and
  headline); the newer file 35 ms (most posts found in the cache); alignment 75 ms, of which parsing the
  bodies of the ~300 posts that changed about 20 ms and similarity on the 24 × 50 posts left over about
  26 ms; word diffs of the 118 edited posts about 36 ms (jsdiff's diffWords nearly all of it); report and
  rendering about 25 ms; garbage collection 25–40 ms spread over all of it. A bare script that only reads
  both files, finds the post starts and pairs byte-identical posts took 70 ms for that and 200 ms as a
  whole process: the 3 × git budget (about 310 ms) leaves about 110 ms for everything else, which costs
  about 200 ms here. Most of our code runs a few thousand times in a process that lives half a second, so
  V8 never optimises it: per-post work costs microseconds, not nanoseconds.
- What could still close the gap, not done: headlines read on first use as well (and the report's post
  references with them), about 10–15 ms; a cheaper word diff of paragraphs (jsdiff's diffArrays over our
  own word tokens), about 20 ms; a V8 start-up snapshot of the loaded CLI (\`node --snapshot-blob\`, which
  needs the executable to start Node with a flag), which would cut into the 35 ms our start-up adds to Node's.
- Large pairs otherwise: exact identities are hash joins (linear); similarity runs only on posts left over,
  with candidates from an inverted index of uncommon word pairs; word diffs run only on changed posts,
  bounded by \`maxEditLength\`, and blocks too different to pair are shown whole without calling jsdiff.
- \`log\` parses each capture once (each distinct post once, by its bytes) and compares it with the one
  before: 2,000 captures cost less than twice 1,000.`;

main();
