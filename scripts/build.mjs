// Build: the CLI bundled into one minified file with a V8 code cache (fast start for cron), and the library.
import { build } from 'esbuild';
import { copyFileSync, readFileSync, writeFileSync, chmodSync, existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeCodeCache } from './code-cache.mjs';

/**
 * string-width (used by yargs only to lay out --help) builds an Intl.Segmenter when it is loaded: about
 * 20 ms per copy, in three copies, half of livediff's start-up. Build it on first use instead. The build
 * fails if the line is not found, so an upgrade cannot silently undo this.
 */
/**
 * string-width 8 declares its Unicode-property regular expressions at the top of the module
 * (`const spacingMarkRegex = /\\p{Spacing_Mark}/v;`). Loaded from the V8 code cache, creating those
 * literals costs about 14 ms at every start, though only --help ever uses them: create each on first use.
 */
function lazyRegexes(source) {
  for (const [line, name, literal] of source.matchAll(/^const (\w+Regex) = (\/.+\/[dgimsuyv]*);$/gm)) {
    source = source.replace(line, `let ${name}Made; const ${name} = () => (${name}Made ??= ${literal});`);
    source = source.replace(new RegExp(`\\b${name}\\b(?!Made| = \\(\\))`, 'g'), `${name}()`);
  }
  return source;
}

const lazySegmenter = {
  name: 'lazy-intl-segmenter',
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = 'const segmenter = new Intl.Segmenter();';
      if (!source.includes(eager)) throw new Error(`${args.path}: expected '${eager}' (update scripts/build.mjs)`);
      const lazy = 'let realSegmenter; const segmenter = { segment: (s) => (realSegmenter ??= new Intl.Segmenter()).segment(s) };';
      return { contents: lazyRegexes(source.replace(eager, lazy)), loader: 'js' };
    });
  },
};

/**
 * yargs imports two functions from node:assert, whose load (with its error classes, inspection and
 * colour support) is about 5 ms of every start. Give yargs the two functions, with the same contract.
 */
const assertLite = {
  name: 'assert-lite',
  setup(b) {
    b.onResolve({ filter: /^(node:)?assert$/ }, (args) =>
      /[\\/]yargs[\\/]/.test(args.importer) ? { path: 'assert-lite', namespace: 'livediff-shim' } : undefined,
    );
    b.onLoad({ filter: /^assert-lite$/, namespace: 'livediff-shim' }, () => ({
      loader: 'js',
      contents: `function fail(message, actual, expected, operator) {
  const error = new Error(message ?? \`Expected values to be \${operator}: \${String(actual)} and \${String(expected)}\`);
  error.name = 'AssertionError';
  throw error;
}
export function strictEqual(actual, expected, message) { if (!Object.is(actual, expected)) fail(message, actual, expected, 'strictly equal'); }
export function notStrictEqual(actual, expected, message) { if (Object.is(actual, expected)) fail(message, actual, expected, 'strictly unequal'); }`,
    }));
  },
};

/**
 * yargs' platform shim reads process.stdout.columns when it is loaded, which makes process.stdout: on a
 * pipe or /dev/null that loads net and stream, though livediff gives yargs its width (.wrap) and writes
 * its reports to the fd (src/cli/stdout.ts). Read it when asked instead. The build fails if the line is
 * not found.
 */
const lazyStdColumns = {
  name: 'lazy-std-columns',
  setup(b) {
    b.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = "stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null";
      if (!source.includes(eager)) throw new Error(`${args.path}: expected "${eager}" (update scripts/build.mjs)`);
      const lazy = "get stdColumns() { return typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null; }";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
/**
 * chalk detects colour support when it is loaded (its #supports-color), which loads node:tty and with it
 * net and stream: about 4% of every start. livediff decides colour itself (src/cli/color.ts) and gives
 * each Chalk its level, so chalk gets a stand-in that says "no colour" for its default instance.
 */
const noSupportsColor = {
  name: 'no-supports-color',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: 'livediff-shim' } : undefined,
    );
    b.onLoad({ filter: /^supports-color$/, namespace: 'livediff-shim' }, () => ({
      loader: 'js',
      contents: 'export default { stdout: false, stderr: false };',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazySegmenter, assertLite, noSupportsColor, lazyStdColumns],
  // Node 20 has the regular expression v flag: keep such literals (compiled on first use) rather than
  // lowering them to `new RegExp(…, 'v')`, which compiles at load (string-width's \\p{RGI_Emoji}: 24 ms).
  // Likewise \p{…} literals with the u flag (string-width's \p{Extended_Pictographic}: compiled at load
  // when lowered to `new RegExp`, about 10 ms).
  supported: { 'regexp-set-notation': true, 'regexp-unicode-property-escapes': true },
  define: { LIVEDIFF_VERSION: JSON.stringify(pkg.version) },
  // encoding-sniffer imports the full WHATWG decoder for one label lookup; the lite one has the same
  // exports without the multi-byte tables (200 KB; charset.ts leaves those sets to Node's TextDecoder).
  alias: { '@exodus/bytes/encoding.js': '@exodus/bytes/encoding-lite.js' },
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
  // Runtime dependencies loaded on demand (mailto:// notifications, watch's YAML, capture's fetch): required from
  // node_modules when used, so the bundle does not carry them (nodemailer alone would double it).
  // The launcher runs the bundle through vm.Script, which has no loader for import(): esbuild turns those
  // into require() (`dynamic-import: false`).
  external: ['nodemailer', 'yaml', 'undici'],
  supported: { 'dynamic-import': false },
  // LIVEDIFF_NO_MINIFY=1 keeps names, for reading CPU profiles (docs/performance.md).
  minify: !process.env.LIVEDIFF_NO_MINIFY,
  // yargs locates its own files from import.meta.url, which a CommonJS bundle does not have.
  define: { ...common.define, 'import.meta.url': '__livediffUrl' },
  banner: { js: "var __livediffUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.mjs', packages: 'external' });
copyFileSync('scripts/launcher.cjs', 'dist/livediff.cjs');
chmodSync('dist/livediff.cjs', 0o755);
await writeCodeCache(new URL('../dist', import.meta.url).pathname);
