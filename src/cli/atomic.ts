// Files written so that readers, and runs killed at any moment, see the old file or the new one, never a
// mix: the data goes to a hidden temporary file in the same folder, is flushed, then renamed (or linked,
// when an existing file must not be replaced) to its name, and the folder is flushed.
import { closeSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crypto } from '../builtins.js';

/** `.NAME.PID.RANDOM.tmp`: hidden (no folder listing of captures shows it) and naming its writer. */
const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** A temporary file's name beside `file`, in the form removeStaleTemps recognises. */
function tempPath(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${crypto().randomBytes(4).toString('hex')}.tmp`);
}

function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some systems cannot fsync a folder; the rename is atomic all the same.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Write `data` to `file` atomically. With `exclusive`, an existing file is never replaced: returns false
 * (and writes nothing) when `file` exists. Returns true when written.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: { exclusive?: boolean } = {}): boolean {
  const temp = tempPath(file);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  try {
    if (options.exclusive) {
      try {
        linkSync(temp, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      } finally {
        unlinkSync(temp);
      }
    } else renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
    throw error;
  }
  syncFolder(dirname(file));
  return true;
}

/** Remove the temporary files killed writers left in a folder (their process is gone); only `name`'s if given. */
export function removeStaleTemps(dir: string, isAlive: (pid: number) => boolean, name?: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of names) {
    const m = TEMP.exec(entry);
    if (!m || (name !== undefined && m[1] !== name) || isAlive(Number(m[2]))) continue;
    try {
      unlinkSync(join(dir, entry));
    } catch {
      // Another run removed it first.
    }
  }
}
