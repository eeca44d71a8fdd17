// `npm run bench:ablate`: what the costly stages of the 5,000-post pair cost the whole process, found by
// leaving each out. `ABLATE_PAIR=every-edited` times the pair whose every post was edited instead, where
// the similarity stage pairs every post: there it is also replaced by pairing posts by position (what
// floor (4) does, right for that pair), and the report left unprinted (`-q`). A stage timed in place in a run this short misleads: its garbage is collected in the
// next one, and code it compiles first is not compiled again later. So this times whole processes.
//
// Pass another build's launcher (OLD=path/to/dist/livediff.cjs) to time it in the same runs.
//
// It builds the CLI unminified (function names kept), makes copies of the bundle in which one stage returns
// at once (their output is wrong: that is the point), gives each its own code cache, and times them in
// turn with the real build, with the older capture against itself (nothing changed), `--version`,
// `node -e 0`, reading and decoding both files alone, and git. It leaves dist/ rebuilt as `npm run build`
// makes it, writes under .bench-tmp/ablate/, and prints a table.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCodeCache } from '../scripts/code-cache.mjs';
import { generate, OUT } from './generate.mjs';
import { measure, RUNS } from './measure.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const DIR = join(OUT, 'ablate');

/** Stages that can be left out: the function whose body is skipped, and what it returns instead. */
const STAGES = {
  'word diffs': [['diffText', 'return rewritten(arguments[0], arguments[1]);']],
  'similarity stage': [['matchBySimilarity', 'return;']],
  'timestamp minutes': [['matchMinutes', 'return 0;']],
  // Read from the posts' times since issue 21 (align/order.ts, align/rewrites.ts).
  'page order': [['detectOrders', "return { old: 'newest-first', new: 'newest-first' };"]],
  'rewrites in place': [['pairRewrites', 'return;']],
  // Correctness passes of the red-team pass (align/growth.ts, align/similarity.ts matchByPlace).
  'posts that grew': [['matchGrown', 'return;']],
  'the pass by place': [['matchByPlace', 'return;']],
};
STAGES['all of these'] = Object.values(STAGES).flat();
// The four alignment passes added after 07cee40 (issue 16's reference build), left out together: timed
// with OLD= set to that build, what is left of the difference is outside them.
STAGES['page order, rewrites in place, posts that grew, the pass by place'] = ['page order', 'rewrites in place', 'posts that grew', 'the pass by place'].flatMap((s) => STAGES[s]);

const PAIR = process.env.ABLATE_PAIR ?? 'pair-5000';
if (PAIR !== 'pair-5000' && PAIR !== 'every-edited') throw new Error(`ABLATE_PAIR: expected pair-5000 or every-edited, found ${PAIR}`);
if (PAIR === 'every-edited') {
  // Every post free after the exact layers, each paired with the one at its place, at a score the
  // report does not print: the rest of the run as it is, the search for partners free.
  const byPosition =
    'for (let i = 0; i < Math.min(state.oldPosts.length, state.newPosts.length); i++) if (!state.oldTaken[i] && !state.newTaken[i]) take(state, newPair(i, i, "similar", 0.9)); return;';
  STAGES['similarity (pairs by position instead)'] = [['matchBySimilarity', byPosition]];
  STAGES['similarity (by position) and word diffs'] = [...STAGES['similarity (pairs by position instead)'], ...STAGES['word diffs']];
}

/** `source` with each function's body starting with `statement`; fails unless each is found once. */
function leaveOut(source, skips) {
  for (const [name, statement] of skips) {
    const signature = new RegExp(`^function ${name}\\(.*\\) \\{$`, 'gm');
    const found = source.match(signature) ?? [];
    if (found.length !== 1) throw new Error(`expected one 'function ${name}(…) {' in the unminified bundle, found ${found.length}`);
    source = source.replace(signature, (line) => `${line}\n  ${statement}`);
  }
  return source;
}

async function main() {
  const build = (env) => execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
  process.stderr.write('building unminified…\n');
  build({ LIVEDIFF_NO_MINIFY: '1' });
  rmSync(DIR, { recursive: true, force: true });
  const variants = [['livediff', join(DIR, 'livediff')]];
  try {
    cpSync(join(ROOT, 'dist'), variants[0][1], { recursive: true });
    const bundle = readFileSync(join(variants[0][1], 'cli.cjs'), 'utf8');
    for (const [stage, skips] of Object.entries(STAGES)) {
      const dir = join(DIR, stage.replace(/\W+/g, '-'));
      mkdirSync(dir, { recursive: true });
      cpSync(join(variants[0][1], 'livediff.cjs'), join(dir, 'livediff.cjs'));
      writeFileSync(join(dir, 'cli.cjs'), leaveOut(bundle, skips));
      await writeCodeCache(dir);
      variants.push([`without ${stage}`, dir]);
    }
  } finally {
    process.stderr.write('rebuilding dist/…\n');
    build({ LIVEDIFF_NO_MINIFY: '' });
  }

  const files = generate();
  const [a, b] = files[PAIR];
  const node = process.execPath;
  const cli = (dir) => join(dir, 'livediff.cjs');
  const decode = "const fs=require('node:fs');for(const f of process.argv.slice(1))fs.readFileSync(f).toString('latin1')";
  const commands = [
    ...variants.map(([name, dir]) => [name, [node, [cli(dir), a, b]]]),
    ...(PAIR === 'every-edited'
      ? [
          ['livediff -q (nothing printed)', [node, [cli(variants[0][1]), '-q', a, b]]],
          ['similarity (by position) and word diffs, -q', [node, [cli(variants.at(-1)[1]), '-q', a, b]]],
          ['the normal 5,000-post pair', [node, [cli(variants[0][1]), ...files['pair-5000']]]],
        ]
      : []),
    ...(process.env.OLD ? [[`OLD (${process.env.OLD})`, [node, [process.env.OLD, a, b]]]] : []),
    ['older capture against itself', [node, [cli(variants[0][1]), a, a]]],
    ['livediff --version', [node, [cli(variants[0][1]), '--version']]],
    ['reading and decoding both files', [node, ['-e', decode, a, b], [0]]],
    ['node -e 0', [node, ['-e', '0'], [0]]],
    ['git diff --no-index --word-diff', ['git', ['diff', '--no-index', '--word-diff', a, b]]],
  ];
  process.stderr.write(`timing ${commands.length} commands, ${RUNS} runs each, in turn…\n`);
  const results = measure(...commands.map(([, command]) => command));
  const full = results[0].wall;
  const rows = commands.map(([name], k) => {
    const wall = results[k].wall;
    const diff = k === 0 ? '' : `${wall - full > 0 ? '+' : ''}${(wall - full).toFixed(0)} ms`;
    return `| ${name} | ${wall.toFixed(0)} ms | ${diff} |`;
  });
  const git = results.at(-1).wall;
  console.log(
    [
      `${PAIR === 'every-edited' ? '5,000 posts, every one edited' : '5,000-post pair'}, medians of ${RUNS} runs; 3 × git = ${(3 * git).toFixed(0)} ms`,
      '',
      '| command | wall | against livediff |',
      '|---|---|---|',
      ...rows,
    ].join('\n'),
  );
}

await main();
