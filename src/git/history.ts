// Every committed version of one capture file, oldest first, as a series for buildHistory: one `git log`
// lists the commits and blob ids, one `git cat-file --batch` reads all the blobs, whatever their number.
import { InputError, LivediffError, UsageError } from '../errors.js';
import type { CaptureVersion } from '../model.js';
import { createReader, type ParseCaptureOptions } from '../parse/index.js';
import { readBlobs } from './blobs.js';
import { repoRoot } from './revisions.js';
import { runGit } from './run.js';

export interface FileVersion {
  commit: string;
  short: string;
  /** The commit time: when the capture was committed, which a scraper does right after taking it. */
  time: Date;
  blob: string;
}

const MARK = '\u0001';

/** Parse `git log --format=MARK%H %h %ct --raw`: the blob each commit left at the path (deletions skipped). */
export function parseFileLog(text: string, path: string): FileVersion[] {
  const versions: FileVersion[] = [];
  const paths = new Set<string>();
  let commit: Omit<FileVersion, 'blob'> | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith(MARK)) {
      const [full, short, seconds] = line.slice(1).split(' ');
      commit = { commit: full!, short: short!, time: new Date(Number(seconds) * 1000) };
    } else if (line.startsWith(':') && commit) {
      // `:oldmode newmode oldblob newblob status<TAB>path`
      const [info, file] = line.split('\t');
      const [, newMode, , blob] = info!.slice(1).split(' ');
      paths.add(file ?? '');
      if (blob && newMode && /^100(644|755)$/.test(newMode)) versions.push({ ...commit, blob });
    }
  }
  if (paths.size > 1) throw new UsageError(`log --git takes one capture file; '${path}' names ${paths.size} files`);
  return versions;
}

/** The commits that changed `path`, oldest first (merges show no change of their own and are left out). */
export async function fileVersions(path: string, cwd: string): Promise<FileVersion[]> {
  await repoRoot(cwd);
  // Abbreviated ids (for %h, and the blob ids cat-file reads back) are unique in the repository.
  const args = ['log', '--reverse', `--format=${MARK}%H %h %ct`, '--raw', '--no-renames', '--no-color', '--no-ext-diff', '--', path];
  const log = await runGit(args, { cwd });
  return parseFileLog(log.stdout.toString('utf8'), path);
}

export interface GitSeriesOptions {
  cwd: string;
  /** How to read captures: a forced format, where an HTML page or a feed keeps the post fields; the largest blob read. */
  parse?: Pick<ParseCaptureOptions, 'format' | 'fields' | 'maxBytes'>;
  /** Only versions committed in this range (milliseconds since 1970), checked before any blob is read. */
  since?: number | null;
  until?: number | null;
  onProgress?: (done: number, total: number) => void;
}

export interface GitSeries {
  versions: CaptureVersion[];
  /** Versions that are not captures (a scraper that saved an error page): left out, with why. */
  skipped: Array<{ label: string; message: string }>;
}

/** The committed versions of one file as a series of captures labelled by short commit id. */
export async function gitSeries(path: string, options: GitSeriesOptions): Promise<GitSeries> {
  const all = await fileVersions(path, options.cwd);
  if (all.length === 0) throw new InputError(path, 'a file with committed versions', 'no commit that adds or changes it');
  const inRange = all.filter((v) => (options.since ?? -Infinity) <= v.time.getTime() && v.time.getTime() <= (options.until ?? Infinity));
  const versions: CaptureVersion[] = [];
  const skipped: GitSeries['skipped'] = [];
  const reader = createReader(); // one for the series, dropped with it
  await readBlobs(
    inRange.map((v) => v.blob),
    options.cwd,
    (i, bytes) => {
      const v = inRange[i]!;
      try {
        if (bytes === null) throw new InputError(`${path}@${v.short}`, 'a blob in the repository', 'none');
        versions.push({ label: v.short, time: v.time, capture: reader.parse(bytes, { ...options.parse, source: `${path}@${v.short}` }) });
      } catch (error) {
        if (!(error instanceof LivediffError)) throw error;
        skipped.push({ label: v.short, message: error.message });
      }
      options.onProgress?.(i + 1, inRange.length);
    },
  );
  return { versions, skipped };
}
