// The captures of a folder `livediff check` watches: regular files (symbolic links followed), never the
// state or its lock (compared by real path, however they were named), in the order they were taken.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { stampFromName } from '../../history/order.js';
import { environmentError } from '../io.js';
import { keptCopyPath } from './state.js';

export interface CaptureFile {
  name: string;
  path: string;
  /** What the state remembers of a file it has seen: its name and size (kept by copies and restores). */
  id: string;
  mtimeMs: number;
  /** What reports call it when not its path (the copy kept beside the state names the capture it copies). */
  source?: string;
}

/**
 * Names that are never captures: hidden files, locks, states, temporary files, and downloads in progress
 * (`curl -o x.part && mv`, wget's and browsers' partial files, editors' backups).
 */
const NOT_CAPTURE = /^\.|\.(lock|state|json\.tmp|tmp|part|partial|crdownload|download|swp)$|~$/;

/** The real path of `path`, or of its folder joined with its name when it does not exist (yet). */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** The files a state uses beside it (real paths: the state, its lock, its kept copy), which are never captures. */
export function stateFiles(statePath: string | null): Set<string> {
  return new Set(statePath === null ? [] : [realPath(statePath), realPath(`${statePath}.lock`), realPath(keptCopyPath(statePath))]);
}

/** The folder's capture files, unordered. */
function listCaptures(dir: string, exclude: ReadonlySet<string>): CaptureFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw environmentError(dir, 'a folder of captures livediff may read', error);
  }
  const files: CaptureFile[] = [];
  for (const name of names) {
    if (NOT_CAPTURE.test(name)) continue;
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path); // Follows symbolic links: a link to a capture is a capture.
    } catch {
      continue; // A dangling link, or removed meanwhile.
    }
    if (!stat.isFile() || (exclude.size > 0 && exclude.has(realPath(path)))) continue;
    files.push({ name, path, id: `${name}\t${stat.size}`, mtimeMs: stat.mtimeMs });
  }
  return files;
}

/** The folder's captures, oldest first: by the time in their names when all have one, else as asked (mtime). */
export function orderFiles(dir: string, order: 'name' | 'mtime' | undefined, exclude: ReadonlySet<string>): CaptureFile[] {
  const files = listCaptures(dir, exclude);
  const byName = (a: CaptureFile, b: CaptureFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const stamps = new Map(files.map((f) => [f, stampFromName(f.name)?.getTime() ?? null]));
  if (order === undefined && files.every((f) => stamps.get(f) !== null)) {
    // Two captures in one second (`…18Z.html`, `…18Z-1.html`): the one written later is newer.
    return files.sort((a, b) => stamps.get(a)! - stamps.get(b)! || a.mtimeMs - b.mtimeMs || byName(a, b));
  }
  if (order === 'name') return files.sort(byName);
  return files.sort((a, b) => a.mtimeMs - b.mtimeMs || byName(a, b));
}
