// The shape docs/ARCHITECTURE.md describes, checked on the source: which folder may import which, and the
// few modules allowed to import jsdiff, chalk, yargs and the file system. A new import that breaks a rule
// fails here instead of bending the design unnoticed (render/html/git.ts importing git/ made the two
// folders import each other; notify/ imported the CLI's HTTP helpers).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Pipeline order: a folder imports only folders before it. `action` and `cli` are two entries, apart. */
const ORDER = ['parse', 'align', 'classify', 'history', 'render', 'git', 'notify', 'watch', 'action', 'cli'];
/** Modules at the top of src/ that everything may import; they import only one another. */
const BASE = ['model', 'errors', 'builtins', 'http', 'arrays', 'globals.d'];

interface Import {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every static and dynamic import (and re-export) of every source file, as written. */
function imports(): Import[] {
  const found: Import[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm)) {
      found.push({ from: relative(SRC, file), to: m[1] ?? m[2] ?? m[3]! });
    }
  }
  return found;
}

/** The folder (or base module) a source path belongs to. */
function unit(path: string): string {
  const parts = path.split('/');
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.(ts|js)$/, '');
}

const ALL = imports();
const LOCAL = ALL.filter((i) => i.to.startsWith('.')).map((i) => ({
  from: i.from,
  to: relative(SRC, resolve(SRC, dirname(i.from), i.to)),
}));

describe('imports between folders', () => {
  it('reads the imports (a broken expression would find none)', () => {
    expect(LOCAL.length).toBeGreaterThan(300);
    expect(LOCAL).toContainEqual({ from: 'cli/diff-command.ts', to: 'classify/report.js' });
    expect(ALL).toContainEqual({ from: 'cli/capture-command.ts', to: '../parse/formats.js' });
  });

  it('go down the pipeline only: no cycle between folders, no folder importing a later one', () => {
    const wrong = LOCAL.filter(({ from, to }) => {
      const [a, b] = [unit(from), unit(to)];
      if (a === b || BASE.includes(b)) return false;
      if (BASE.includes(a)) return true; // a base module imports a folder
      if (a === 'index') return b === 'cli' || b === 'action'; // the library entry: everything but the entries
      return ORDER.indexOf(b) === -1 || ORDER.indexOf(b) >= ORDER.indexOf(a) || (a === 'action' && b === 'cli');
    });
    expect(wrong).toEqual([]);
  });

  it('names every folder of src/ in the order', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual([...ORDER].sort());
  });
});

describe('who imports what', () => {
  const importers = (pattern: RegExp) => [...new Set(ALL.filter((i) => pattern.test(i.to)).map((i) => i.from))].sort();

  it('jsdiff: classify/text-diff.ts only', () => {
    expect(importers(/^diff$/)).toEqual(['classify/text-diff.ts']);
  });

  it('chalk: render/terminal-writer.ts only', () => {
    expect(importers(/^chalk$/)).toEqual(['render/terminal-writer.ts']);
  });

  it('yargs: the CLI only', () => {
    expect(importers(/^yargs(\/|$)/).every((f) => f.startsWith('cli/'))).toBe(true);
  });

  it('the file system: the CLI, the Action, git, and the two parts that read or write a file of their own', () => {
    const outside = importers(/^node:fs(\/promises)?$/).filter((f) => !/^(cli|action|git)\//.test(f));
    // watch reads its configuration file; the Atom channel writes its feed file.
    expect(outside).toEqual(['notify/atom.ts', 'watch/config.ts']);
  });
});
