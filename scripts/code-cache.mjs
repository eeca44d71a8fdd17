// The V8 code cache beside a built CLI (cli.cjs → cli.cache), which scripts/launcher.cjs hands to V8.
// Used by the build (scripts/build.mjs) and by bench/ablate.mjs for its altered copies of the bundle.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const ROOT = new URL('..', import.meta.url).pathname;
const SELF = fileURLToPath(import.meta.url);

/**
 * Compile `dir`/cli.cjs as the launcher does, run the commands a cron job runs most (so that the functions
 * they call are compiled too), and save V8's code cache beside it. In a child process whose standard output
 * is /dev/null, because the CLI writes its reports to fd 1 itself (src/cli/stdout.ts).
 */
export async function writeCodeCache(dir) {
  const child = spawnSync(process.execPath, [SELF, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (child.status !== 0) throw new Error(`making the code cache of ${dir} failed (exit ${child.status ?? child.signal})`);
}

async function makeCodeCache(dir) {
  const file = join(dir, 'cli.cjs');
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file });
  const cli = { exports: {} };
  script.runInThisContext()(cli.exports, createRequire(file), cli, file, dir);
  const captures = ['capture-1.txt', 'capture-2.txt'].map((f) => join(ROOT, 'snapshots/cnn-russia-ukraine-2023-03-22', f));
  // The plain `livediff OLD NEW` (no yargs), then the other two formats through yargs.
  for (const options of [[], ['--format', 'json'], ['--format', 'markdown']]) await cli.exports.main([...captures, ...options]);
  writeFileSync(join(dir, 'cli.cache'), script.createCachedData());
}

if (process.argv[1] === SELF) await makeCodeCache(process.argv[2]);
