// The package as npm ships it: what it imports at run time is in `dependencies`, and it loads (with its
// typings) from an ES module and from CommonJS (`require`, which Node >= 20.19 gives an ES module).
import { execFileSync, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  exports: Record<string, Record<string, string>>;
};
const builtin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** A folder where `livediff` resolves to this package: node_modules/livediff with its package.json and dist. */
function installed(types?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'livediff-package-'));
  const home = join(dir, 'node_modules', 'livediff');
  mkdirSync(join(home, 'dist'), { recursive: true });
  writeFileSync(join(home, 'package.json'), JSON.stringify(pkg));
  symlinkSync(join(ROOT, 'dist', 'index.mjs'), join(home, 'dist', 'index.mjs'));
  // The library's own imports (chalk, diff, htmlparser2…) resolve from the repository's node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(home, 'node_modules'));
  if (types) symlinkSync(types, join(home, 'dist', 'types'));
  return dir;
}

const CAPTURE = join(ROOT, 'snapshots', 'cnn-russia-ukraine-2023-03-22');

describe('the published package', () => {
  it('imports at run time only its dependencies: the CLI bundle nothing but what it loads on demand, the library no devDependency', () => {
    // nodemailer (mailto://), yaml (watch's pages.yml) and undici (capture's fetch) stay out of the CLI
    // bundle (scripts/build.mjs): required from node_modules only by the runs that use them, so they must
    // be dependencies.
    const onDemand = ['nodemailer', 'undici', 'yaml'];
    const cli = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
    const required = [...cli.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
    expect(required.length).toBeGreaterThan(0);
    expect([...new Set(required.filter((r) => !builtin(r)))].sort()).toEqual(onDemand);
    const lib = readFileSync(join(ROOT, 'dist', 'index.mjs'), 'utf8');
    const imported = new Set([...lib.matchAll(/(?:from|import\()\s*["']([^"'.][^"']*)["']/g)].map((m) => m[1]!).filter((s) => !builtin(s)).map(packageOf));
    expect([...new Set([...imported, ...onDemand])].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['yargs', 'tinyglobby']));
  });

  it('runs a plain diff without loading the built-ins only some commands use (src/builtins.ts)', () => {
    // crypto alone is 16 modules and a few milliseconds of every cron run's start.
    const probe = join(mkdtempSync(join(tmpdir(), 'livediff-probe-')), 'probe.cjs');
    writeFileSync(probe, `process.on('exit', () => require('fs').writeSync(2, JSON.stringify(process.moduleLoadList)));`);
    const r = spawnSync(process.execPath, ['-r', probe, join(ROOT, 'dist', 'livediff.cjs'), join(CAPTURE, 'capture-1.txt'), join(CAPTURE, 'capture-2.txt')], { encoding: 'utf8' });
    expect(r.status).toBe(1); // changes reported
    const loaded = JSON.parse(r.stderr) as string[];
    expect(loaded.filter((m) => /^NativeModule (crypto|child_process|http|https|zlib)$/.test(m))).toEqual([]);
    expect(loaded).toContain('NativeModule fs');
  });

  it("loads with require('livediff') from CommonJS and with import from an ES module, the same API", () => {
    const dir = installed();
    const script = (load: string) => `${load}
const fs = require('node:fs');
const read = (f) => lib.parseCapture(fs.readFileSync(${JSON.stringify(CAPTURE)} + '/' + f), { source: f });
const report = lib.diffCaptures(read('capture-1.txt'), read('capture-2.txt'));
console.log(JSON.stringify([lib.summaryLine(report.summary), Object.keys(lib).sort().join(',')]));`;
    writeFileSync(join(dir, 'cjs.cjs'), script("const lib = require('livediff');"));
    writeFileSync(join(dir, 'esm.mjs'), script("import * as lib from 'livediff'; import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"));
    const run = (file: string) => JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' })) as [string, string];
    const cjs = run('cjs.cjs');
    expect(cjs[0]).toBe('2 added, 2 out of view; 7 unchanged');
    expect(cjs).toEqual(run('esm.mjs'));
  });

  it('gives typings to a CommonJS and an ES module consumer (TypeScript, module nodenext)', () => {
    const types = mkdtempSync(join(tmpdir(), 'livediff-types-'));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', types], { cwd: ROOT });
    const dir = installed(types);
    writeFileSync(join(dir, 'a.cts'), "import livediff = require('livediff');\nexport const s: string = livediff.summaryLine(livediff.diffCaptures(livediff.parseCapture('a'), livediff.parseCapture('b')).summary);\n");
    writeFileSync(join(dir, 'b.mts'), "import { diffCaptures, type Report } from 'livediff';\nexport const r: (a: never, b: never) => Report = diffCaptures;\n");
    // A wrong type must fail, or this check proves nothing.
    writeFileSync(join(dir, 'c.cts'), "import livediff = require('livediff');\nexport const n: number = livediff.summaryLine;\n");
    // One compiler run for the three files (each run costs seconds): only the wrong one may fail.
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types'), 'a.cts', 'b.mts', 'c.cts'], { cwd: dir, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout: string }).stdout);
    }
    expect(output.trim().split('\n').map((l) => l.replace(/: error (TS\d+).*/, ' $1'))).toEqual(['c.cts(2,14) TS2322']);
  }, 120_000);
});
