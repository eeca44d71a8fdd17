// Compare two sides of a repository capture by capture: every changed file that parses as a capture is
// diffed (modified, renamed) or noted (added, deleted, a new page); both versions of every file are read by
// one git process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffCaptures, type DiffCapturesOptions, resolveOptions } from '../classify/report.js';
import { DifferentPagesError, InputError, LivediffError } from '../errors.js';
import type { Capture, CaptureInfo, Report } from '../model.js';
import { parseCapture, type ParseCaptureOptions } from '../parse/index.js';
import { readBlobs } from './blobs.js';
import { changedFiles, type ChangedFile, type FileStatus } from './changes.js';
import { repoRoot, type Side } from './revisions.js';
import { captureInfo } from './summary.js';

export interface CompareOptions {
  /** A folder inside the repository. */
  cwd: string;
  /** Limit to these paths (git pathspecs, relative to `cwd`). */
  pathspecs?: readonly string[];
  /** How to read captures: a forced format, where an HTML page or a feed keeps the post fields; the largest blob read. */
  parse?: Pick<ParseCaptureOptions, 'format' | 'fields' | 'maxBytes'>;
  /** How to compare two versions (thresholds, --force), as for `livediff OLD NEW`. */
  diff?: DiffCapturesOptions;
}

/**
 * A file whose two versions are different pages (a rollover: no post in common, another title), as
 * `livediff check` reports it (render/check.ts `pageChangeLine`): the titles, and what each version shows.
 */
export interface PageChange {
  oldTitle: string | null;
  newTitle: string | null;
  old: CaptureInfo;
  new: CaptureInfo;
}

export interface FileComparison {
  /** The file's path (for a renamed file, its new path). */
  path: string;
  status: FileStatus;
  /** For a renamed file (as git detects renames): its path on the older side. */
  oldPath?: string;
  /** For a modified or renamed file: the report, as `livediff OLD NEW` makes it (null for a page change). */
  report: Report | null;
  /** For an added file the new capture, for a deleted file the old one. */
  capture: Capture | null;
  /** For a modified or renamed file whose versions are different pages (without --force): the page change, no report. */
  pageChange?: PageChange;
}

/** A file that is a capture on one side only. */
export interface Problem {
  path: string;
  message: string;
}

export interface GitComparison {
  from: Side;
  to: Side;
  files: FileComparison[];
  /** Changed files that are captures in neither version (a README, a script): not livediff's business. */
  ignored: string[];
  problems: Problem[];
}

type Parsed = Capture | LivediffError | null;

/** A file's name in reports: `path@abc1234`, or the bare path for the working tree. */
export function sourceName(path: string, side: Side): string {
  return side.kind === 'worktree' ? path : `${path}@${side.short}`;
}

/** Parse a version, keeping a LivediffError (not a capture, too large…) as the answer rather than throwing. */
function parse(bytes: Uint8Array | null, source: string, options: CompareOptions): Parsed {
  if (bytes === null) return null;
  try {
    return parseCapture(bytes, { ...options.parse, source });
  } catch (error) {
    if (error instanceof LivediffError) return error;
    throw error;
  }
}

function readWorktree(root: string, path: string, options: CompareOptions): Parsed {
  try {
    return parse(readFileSync(join(root, path)), path, options);
  } catch (error) {
    return new InputError(path, 'a readable capture file', (error as NodeJS.ErrnoException).code ?? String(error));
  }
}

/** Both versions of every changed file, parsed: blobs through one `git cat-file --batch`, the working tree from disk. */
async function parseVersions(files: ChangedFile[], from: Side, to: Side, options: CompareOptions): Promise<Array<[Parsed, Parsed]>> {
  const parsed: Array<[Parsed, Parsed]> = files.map(() => [null, null]);
  const wanted: Array<{ file: number; side: 0 | 1; oid: string }> = [];
  files.forEach((f, i) => {
    if (f.oldOid) wanted.push({ file: i, side: 0, oid: f.oldOid });
    if (f.newOid) wanted.push({ file: i, side: 1, oid: f.newOid });
  });
  await readBlobs(
    wanted.map((w) => w.oid),
    options.cwd,
    (i, bytes) => {
      const w = wanted[i]!;
      const file = files[w.file]!;
      // A renamed file's older version is named by its older path.
      const path = w.side === 0 ? (file.oldPath ?? file.path) : file.path;
      parsed[w.file]![w.side] = parse(bytes, sourceName(path, w.side === 0 ? from : to), options);
    },
  );
  if (to.kind === 'worktree') {
    const root = await repoRoot(options.cwd);
    files.forEach((f, i) => {
      if (f.status !== 'deleted' && f.newOid === null) parsed[i]![1] = readWorktree(root, f.path, options);
    });
  }
  return parsed;
}

const isCapture = (p: Parsed): p is Capture => p !== null && !(p instanceof LivediffError);

/**
 * Two readable versions of one file (modified, or renamed: then `oldPath` is set) compared: the report,
 * or, when `diffCaptures` finds them different pages (a rollover, without --force), a page change: news,
 * not trouble, and none of the old posts dropped.
 */
export function compareVersions(
  file: Pick<FileComparison, 'path' | 'status' | 'oldPath'>,
  old: Capture,
  neu: Capture,
  options: DiffCapturesOptions,
): FileComparison {
  try {
    return { ...file, report: diffCaptures(old, neu, options), capture: null };
  } catch (error) {
    if (!(error instanceof DifferentPagesError)) throw error;
    const pageChange = { oldTitle: error.oldTitle, newTitle: error.newTitle, old: captureInfo(old), new: captureInfo(neu) };
    return { ...file, report: null, capture: null, pageChange };
  }
}

/** What one changed file is: a comparison, a problem, or not a capture at all (null). */
function compareFile(file: ChangedFile, old: Parsed, neu: Parsed, options: DiffCapturesOptions): FileComparison | Problem | null {
  const { path, status } = file;
  if (!isCapture(old) && !isCapture(neu)) return null;
  if (status === 'added' && isCapture(neu)) return { path, status, report: null, capture: neu };
  if (status === 'deleted' && isCapture(old)) return { path, status, report: null, capture: old };
  if (!isCapture(old)) return { path, message: (old as LivediffError).message };
  if (!isCapture(neu)) return { path, message: (neu as LivediffError).message };
  try {
    return compareVersions({ path, status, ...(file.oldPath === null ? {} : { oldPath: file.oldPath }) }, old, neu, options);
  } catch (error) {
    if (!(error instanceof LivediffError)) throw error;
    return { path, message: `${path}: ${error.message}` };
  }
}

/** Compare every changed capture between `from` and `to`. */
export async function compareSides(from: Side, to: Side, options: CompareOptions): Promise<GitComparison> {
  const diff = resolveOptions(options.diff);
  const changed = await changedFiles(from, to, options.pathspecs ?? [], options.cwd);
  const versions = await parseVersions(changed, from, to, options);
  const result: GitComparison = { from, to, files: [], ignored: [], problems: [] };
  changed.forEach((file, i) => {
    const outcome = compareFile(file, versions[i]![0], versions[i]![1], diff);
    if (outcome === null) result.ignored.push(file.path);
    else if ('message' in outcome) result.problems.push(outcome);
    else result.files.push(outcome);
  });
  return result;
}
