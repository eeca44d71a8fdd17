// The V8 code cache beside a built CLI (cli.cjs → cli.cache), which scripts/launcher.cjs hands to V8.
// Used by the build (scripts/build.mjs) and by bench/ablate.mjs for its altered copies of the bundle.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const ROOT = new URL('..', import.meta.url).pathname;

/**
 * Compile `dir`/cli.cjs as the launcher does, run the commands a cron job runs most (so that the functions
 * they call are compiled too), and save V8's code cache beside it.
 */
export async function writeCodeCache(dir) {
  const file = join(dir, 'cli.cjs');
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file });
  const cli = { exports: {} };
  script.runInThisContext()(cli.exports, createRequire(file), cli, file, dir);
  const captures = ['capture-1.txt', 'capture-2.txt'].map((f) => join(ROOT, 'snapshots/cnn-russia-ukraine-2023-03-22', f));
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    for (const format of ['terminal', 'json', 'markdown']) await cli.exports.main([...captures, '--format', format]);
  } finally {
    process.stdout.write = write;
  }
  writeFileSync(join(dir, 'cli.cache'), script.createCachedData());
}
