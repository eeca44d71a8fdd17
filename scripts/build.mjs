// Build: the CLI bundled into one minified file with a V8 code cache (fast start for cron), and the library.
import { build } from 'esbuild';
import { copyFileSync, readFileSync, writeFileSync, chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { readFile } from 'node:fs/promises';

/**
 * string-width (used by yargs only to lay out --help) builds an Intl.Segmenter when it is loaded: about
 * 20 ms per copy, in three copies, half of livediff's start-up. Build it on first use instead. The build
 * fails if the line is not found, so an upgrade cannot silently undo this.
 */
const lazySegmenter = {
  name: 'lazy-intl-segmenter',
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = 'const segmenter = new Intl.Segmenter();';
      if (!source.includes(eager)) throw new Error(`${args.path}: expected '${eager}' (update scripts/build.mjs)`);
      const lazy = 'let realSegmenter; const segmenter = { segment: (s) => (realSegmenter ??= new Intl.Segmenter()).segment(s) };';
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazySegmenter],
  // Node 20 has the regular expression v flag: keep such literals (compiled on first use) rather than
  // lowering them to `new RegExp(…, 'v')`, which compiles at load (string-width's \\p{RGI_Emoji}: 24 ms).
  supported: { 'regexp-set-notation': true },
  define: { LIVEDIFF_VERSION: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

/**
 * The GitHub Action (action.yml runs action/index.cjs): one minified CommonJS file, committed because
 * dist/ is not. `--action` writes it; `--check-action` fails when it differs from a fresh build of src/
 * (test/action/bundle.test.ts runs that, so the committed bundle cannot go stale unnoticed).
 */
const actionBuild = {
  ...common,
  entryPoints: ['src/action/index.ts'],
  format: 'cjs',
  minify: true,
  banner: { js: '// Built from src/action/ by `node scripts/build.mjs --action`: do not edit.' },
  write: false,
  outfile: 'action/index.cjs',
};
if (process.argv.includes('--action') || process.argv.includes('--check-action')) {
  const fresh = (await build(actionBuild)).outputFiles[0].contents;
  if (process.argv.includes('--action')) {
    mkdirSync('action', { recursive: true });
    writeFileSync('action/index.cjs', fresh);
  } else if (!existsSync('action/index.cjs') || !Buffer.from(fresh).equals(readFileSync('action/index.cjs'))) {
    console.error('action/index.cjs is not a build of src/: run `node scripts/build.mjs --action` and commit it');
    process.exit(1);
  }
  process.exit(0);
}

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  minify: true,
  // yargs locates its own files from import.meta.url, which a CommonJS bundle does not have.
  define: { ...common.define, 'import.meta.url': '__livediffUrl' },
  banner: { js: "var __livediffUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.mjs', packages: 'external' });
copyFileSync('scripts/launcher.cjs', 'dist/livediff.cjs');
chmodSync('dist/livediff.cjs', 0o755);
await writeCodeCache();

/**
 * Compile dist/cli.cjs as the launcher does, run the commands a cron job runs most (so that the functions
 * they call are compiled too), and save V8's code cache beside it.
 */
async function writeCodeCache() {
  const file = new URL('../dist/cli.cjs', import.meta.url).pathname;
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file });
  const cli = { exports: {} };
  script.runInThisContext()(cli.exports, createRequire(file), cli, file, new URL('../dist', import.meta.url).pathname);
  const captures = ['capture-1.txt', 'capture-2.txt'].map((f) => `snapshots/cnn-russia-ukraine-2023-03-22/${f}`);
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    for (const format of ['terminal', 'json', 'markdown']) await cli.exports.main([...captures, '--format', format]);
  } finally {
    process.stdout.write = write;
  }
  writeFileSync('dist/cli.cache', script.createCachedData());
}
