// Which files changed between two sides (commits, the empty tree, the working tree): `git diff --raw -z`,
// with the blob ids of both versions, so that their contents can be read in one batch.
import type { Side } from './revisions.js';
import { runGit } from './run.js';

export type FileStatus = 'modified' | 'added' | 'deleted';

export interface ChangedFile {
  /** Path from the repository's top folder, as git prints it. */
  path: string;
  status: FileStatus;
  /** Blob ids; null where the file is absent, or (new side only) where it is read from the working tree. */
  oldOid: string | null;
  newOid: string | null;
}

const REGULAR = /^100(644|755)$/;
const ABSENT = '000000';

/** Parse `:oldmode newmode oldoid newoid status\0path\0…`; only regular files (no symlinks, no submodules). */
export function parseRawDiff(raw: string): ChangedFile[] {
  const fields = raw.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [oldMode, newMode, oldOid, newOid, letter] = fields[i]!.slice(1).split(' ');
    const path = fields[i + 1]!;
    if (!oldMode || !newMode || !oldOid || !newOid || !letter) continue;
    const hasOld = oldMode !== ABSENT;
    const hasNew = newMode !== ABSENT;
    if ((hasOld && !REGULAR.test(oldMode)) || (hasNew && !REGULAR.test(newMode)) || letter === 'U') continue;
    const status: FileStatus = !hasOld ? 'added' : !hasNew ? 'deleted' : 'modified';
    // In a comparison with the working tree, a changed file's new id is all zeros: read it from disk.
    const unknown = /^0+$/.test(newOid);
    files.push({ path, status, oldOid: hasOld ? oldOid : null, newOid: hasNew && !unknown ? newOid : null });
  }
  return files;
}

/** Files that differ between `from` and `to`, limited to `pathspecs` (git's pathspec syntax) when given. */
export async function changedFiles(from: Side, to: Side, pathspecs: readonly string[], cwd: string): Promise<ChangedFile[]> {
  if (from.kind === 'worktree') throw new Error('the working tree can only be the newer side');
  const flags = ['diff', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-color', '--ignore-submodules=all'];
  const revs = to.kind === 'worktree' ? [from.oid] : [from.oid, to.oid];
  const diff = await runGit([...flags, ...revs, '--', ...pathspecs], { cwd });
  const files = parseRawDiff(diff.stdout.toString('utf8'));
  if (to.kind === 'worktree') {
    // New files nobody added yet (as a scraper leaves them): in the working tree, not in git's index.
    const others = await runGit(['ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', ...pathspecs], { cwd });
    for (const path of others.stdout.toString('utf8').split('\0').filter(Boolean)) {
      files.push({ path, status: 'added', oldOid: null, newOid: null });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
