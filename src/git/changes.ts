// Which files changed between two sides (commits, the empty tree, the working tree): `git diff --raw -z -M`,
// with the blob ids of both versions, so that their contents can be read in one batch; renames as git
// detects them.
import type { Side } from './revisions.js';
import { runGit } from './run.js';

export type FileStatus = 'modified' | 'added' | 'deleted' | 'renamed';

export interface ChangedFile {
  /** Path from the repository's top folder, as git prints it (for a renamed file, its new path). */
  path: string;
  status: FileStatus;
  /** A renamed file's path on the older side; null for any other status. */
  oldPath: string | null;
  /** Blob ids; null where the file is absent, or (new side only) where it is read from the working tree. */
  oldOid: string | null;
  newOid: string | null;
}

const REGULAR = /^100(644|755)$/;
const ABSENT = '000000';

/**
 * Parse `:oldmode newmode oldoid newoid status\0path\0…` (a rename or copy, `R086` / `C100`, has two
 * paths: old, then new); only regular files (no symlinks, no submodules). A copy leaves its source in
 * place: it is the new file it makes.
 */
export function parseRawDiff(raw: string): ChangedFile[] {
  const fields = raw.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < fields.length; ) {
    const [oldMode, newMode, oldOid, newOid, letter] = fields[i]!.slice(1).split(' ');
    const twoPaths = letter !== undefined && /^[RC]/.test(letter);
    const source = fields[i + 1]!;
    const path = twoPaths ? (fields[i + 2] ?? '') : source;
    i += twoPaths ? 3 : 2;
    if (!oldMode || !newMode || !oldOid || !newOid || !letter) continue;
    const copied = letter.startsWith('C');
    const hasOld = oldMode !== ABSENT && !copied;
    const hasNew = newMode !== ABSENT;
    if ((hasOld && !REGULAR.test(oldMode)) || (hasNew && !REGULAR.test(newMode)) || letter === 'U') continue;
    const renamed = letter.startsWith('R') && hasOld && hasNew;
    const status: FileStatus = !hasOld ? 'added' : !hasNew ? 'deleted' : renamed ? 'renamed' : 'modified';
    // In a comparison with the working tree, a changed file's new id is all zeros: read it from disk.
    const unknown = /^0+$/.test(newOid);
    files.push({ path, status, oldPath: renamed ? source : null, oldOid: hasOld ? oldOid : null, newOid: hasNew && !unknown ? newOid : null });
  }
  return files;
}

/** Files that differ between `from` and `to`, limited to `pathspecs` (git's pathspec syntax) when given. */
export async function changedFiles(from: Side, to: Side, pathspecs: readonly string[], cwd: string): Promise<ChangedFile[]> {
  if (from.kind === 'worktree') throw new Error('the working tree can only be the newer side');
  // -M: git's own rename detection (a `git mv`, with or without an edit), whatever diff.renames says.
  const flags = ['diff', '--raw', '-z', '--no-abbrev', '-M', '--no-ext-diff', '--no-textconv', '--no-color', '--ignore-submodules=all'];
  const revs = to.kind === 'worktree' ? [from.oid] : [from.oid, to.oid];
  const diff = await runGit([...flags, ...revs, '--', ...pathspecs], { cwd });
  const files = parseRawDiff(diff.stdout.toString('utf8'));
  if (to.kind === 'worktree') {
    // New files nobody added yet (as a scraper leaves them): in the working tree, not in git's index.
    const others = await runGit(['ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', ...pathspecs], { cwd });
    for (const path of others.stdout.toString('utf8').split('\0').filter(Boolean)) {
      files.push({ path, status: 'added', oldPath: null, oldOid: null, newOid: null });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
