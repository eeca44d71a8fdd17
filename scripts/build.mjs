// Build: one bundled, minified CLI file (fast start for cron) and the library entry.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
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

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/livediff.mjs',
  minify: true,
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
});
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.mjs', packages: 'external' });
