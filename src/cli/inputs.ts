// Many captures for `log` and `check`: folders, files and globs expanded, read and parsed once each.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { append } from '../arrays.js';
import { InputError, UsageError } from '../errors.js';
import type { CaptureVersion } from '../model.js';
import { orderCaptures, type OrderBy } from '../history/order.js';
import { createReader, type ParseCaptureOptions } from '../parse/index.js';
import { gitSeries } from '../git/history.js';
import { sanitizeInline } from '../render/sanitize.js';
import { cutOff } from './cut-off.js';
import { inputLimit, readInput } from './io.js';
import type { Progress } from './progress.js';

/** Files a folder holds that can be captures: not hidden, not state or lock files. */
export function folderFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !/\.(lock|state|json\.tmp|tmp)$/.test(e.name))
    .map((e) => join(dir, e.name));
}

const GLOB = /[*?[\]{}]/;

/**
 * Expand what the user named into capture files: a folder's files, a glob's matches, or the file itself.
 * tinyglobby is loaded only for a pattern: loading it costs every run a few milliseconds.
 */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) append(files, folderFiles(input));
    else if (stat) files.push(input);
    else if (GLOB.test(input)) {
      const { globSync } = await import('tinyglobby');
      const matches = globSync(input, { onlyFiles: true }).sort();
      if (matches.length === 0) throw new InputError(input, 'a pattern matching capture files', 'no match');
      append(files, matches);
    } else throw new InputError(input, 'a capture file, a folder of captures or a pattern', 'no such file');
  }
  const unique = [...new Set(files)];
  if (unique.length === 0) throw new UsageError('no capture files found in the inputs given');
  return unique;
}

export interface Series {
  versions: CaptureVersion[];
  /** How they were ordered: `git` for the committed versions of one file (`log --git`). */
  by: OrderBy | 'git';
}

/** Read, parse and order captures. `onProgress` is told after each file is parsed. */
export function readSeries(
  files: string[],
  options: Pick<ParseCaptureOptions, 'format' | 'fields'> & {
    order?: 'name' | 'mtime';
    onProgress?: (done: number, total: number) => void;
    /** Given: a file that is not a capture is left out and passed here (log); else its InputError is thrown. */
    onSkip?: (file: string, error: InputError) => void;
  } = {},
): Series {
  const reader = createReader(); // one for the series, dropped with it
  const items = files.flatMap((file, i) => {
    let capture;
    try {
      capture = reader.parse(readInput(file), { source: file, format: options.format, fields: options.fields });
    } catch (error) {
      if (!(error instanceof InputError) || options.onSkip === undefined) throw error;
      options.onSkip(file, error);
      return [];
    }
    options.onProgress?.(i + 1, files.length);
    return [{ name: basename(file), mtimeMs: statSync(file).mtimeMs, capture, file }];
  });
  const { ordered, by, time } = orderCaptures(items, options.order);
  // A capture cut off mid-download (see cut-off.ts) is left out as a file that is no capture is.
  const kept: typeof ordered = [];
  for (const item of ordered) {
    const previous = kept.at(-1);
    const cut = previous === undefined || options.onSkip === undefined ? null : cutOff(item.capture, previous.capture);
    if (cut === null) kept.push(item);
    else options.onSkip!(item.file, new InputError(item.file, 'a whole capture', cut.reason));
  }
  return {
    by,
    versions: kept.map((item) => ({ label: item.name.replace(/\.[^.]+$/, ''), time: time(item), capture: item.capture })),
  };
}

/**
 * `log --git PATH`: every committed version of one file, oldest first, labelled by short commit id and
 * timed by the commit. Versions that are not captures are left out and said on stderr.
 */
export async function readGitSeries(
  inputs: string[],
  options: Pick<ParseCaptureOptions, 'format' | 'fields'> & { since: number | null; until: number | null; bar: Progress },
): Promise<Series> {
  if (inputs.length !== 1) throw new UsageError(`log --git takes one capture file; found ${inputs.length}: ${inputs.join(' ')}`);
  const { versions, skipped } = await gitSeries(inputs[0]!, {
    cwd: process.cwd(),
    parse: { format: options.format, fields: options.fields, maxBytes: inputLimit().bytes },
    since: options.since,
    until: options.until,
    onProgress: (done, total) => options.bar.update(done, total),
  });
  for (const s of skipped.slice(0, 3)) process.stderr.write(`livediff: left out ${sanitizeInline(s.label)}: ${sanitizeInline(s.message)}\n`);
  if (skipped.length > 3) process.stderr.write(`livediff: left out ${skipped.length - 3} more versions that are not captures\n`);
  if (versions.length === 0 && skipped.length > 0) throw new InputError(inputs[0]!, 'a committed version that is a capture', 'none');
  return { versions, by: 'git' };
}
