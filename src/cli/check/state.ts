// The state file of `livediff check`: which capture it last compared up to, written atomically.
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { InputError } from '../../errors.js';
import { removeStaleTemps, writeFileAtomic } from '../atomic.js';
import { crypto } from '../../builtins.js';

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
  return crypto().createHash('sha256').update(bytes).digest('hex');
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

/** Write the state atomically (see atomic.ts): a reader sees the old state or the new one. */
export function writeState(file: string, state: CheckState): void {
  writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** Remove temporary files a killed run left beside the state (their writer's process is gone). */
export function removeStaleStateTemps(file: string, isAlive: (pid: number) => boolean): void {
  removeStaleTemps(dirname(file), isAlive, basename(file));
}
