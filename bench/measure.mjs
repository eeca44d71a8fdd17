// Timing whole processes for the benchmarks (bench/run.mjs, bench/ablate.mjs): median wall time and peak
// memory over several runs, commands compared with each other run in turn.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const RUNS = Number(process.env.BENCH_RUNS ?? 7);
export const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

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

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Median wall and memory over RUNS runs of each command (one warm-up run each first, not counted). Commands
 * compared with each other run in turn, so that a machine whose load drifts during the benchmark weighs
 * on both alike. `commands`: [cmd, args, exit statuses that mean it worked].
 */
export function measure(...commands) {
  return measureRuns(RUNS, ...commands);
}

/** measure() with `runs` runs of each command: short commands, whose medians need more runs to settle. */
export function measureRuns(runs, ...commands) {
  const results = commands.map(([cmd, args, ok = [0, 1]]) => {
    const warm = once(cmd, args);
    return ok.includes(warm.status) ? { runs: [] } : { error: `exit ${warm.status}`, wall: NaN, mem: NaN };
  });
  for (let i = 0; i < runs; i++) {
    commands.forEach(([cmd, args], k) => results[k].runs?.push(once(cmd, args)));
  }
  return results.map((r) => (r.error ? r : { wall: median(r.runs.map((x) => x.wall)), mem: median(r.runs.map((x) => x.mem)) }));
}
