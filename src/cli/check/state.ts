// The state file of `livediff check`: which capture it last compared up to. Written atomically: a temporary
// file in the same folder, flushed, then renamed over the old one, so a reader (or a run killed at any
// moment) sees the old state or the new one, never a mix.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../errors.js';

export const STATE_SCHEMA = 'livediff.state/1';

export interface CheckState {
  schema: typeof STATE_SCHEMA;
  /** File name (in the folder checked) of the newest capture compared so far: the next run starts from it. */
  capture: string;
  /** SHA-256 of that capture's bytes, to find it again if it was renamed, and to notice it was rewritten. */
  sha256: string;
  /** When a run last advanced the state, and when one last reported changes (ISO 8601). */
  checkedAt: string;
  reportedAt: string | null;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The state, or null when the file does not exist yet (the first run). */
export function readState(file: string): CheckState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InputError(file, 'a readable livediff state file', (error as NodeJS.ErrnoException).code ?? 'an unreadable file');
  }
  const expected = `a livediff state file (${STATE_SCHEMA}, written by livediff check)`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(file, expected, 'text that is not JSON');
  }
  const s = value as Partial<CheckState> | null;
  if (s === null || typeof s !== 'object' || s.schema !== STATE_SCHEMA || typeof s.capture !== 'string' || typeof s.sha256 !== 'string') {
    throw new InputError(file, expected, 'JSON of another shape');
  }
  return { schema: STATE_SCHEMA, capture: s.capture, sha256: s.sha256, checkedAt: String(s.checkedAt ?? ''), reportedAt: s.reportedAt ?? null };
}

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function tempName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Write the state atomically: temporary file beside it, fsync, rename, fsync the folder. */
export function writeState(file: string, state: CheckState): void {
  const temp = tempName(file);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
  syncFolder(dirname(file));
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

/** Remove temporary files a killed run left beside the state (their writer's process is gone). */
export function removeStaleTemps(file: string, isAlive: (pid: number) => boolean): void {
  const dir = dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || m[1] !== basename(file) || isAlive(Number(m[2]))) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Another run removed it first.
    }
  }
}
