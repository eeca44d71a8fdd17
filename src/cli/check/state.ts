// The state file of `livediff check`: how far the runs got, which files they have seen, and a webhook
// delivery in flight (recorded before the POST, cleared after), written atomically.
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { InputError } from '../../errors.js';
import { removeStaleTemps, writeFileAtomic } from '../atomic.js';
import { crypto } from '../../builtins.js';
import { environmentError } from '../io.js';

export const STATE_SCHEMA = 'livediff.state/1';

/** A webhook delivery recorded before its POST: the next run re-sends exactly this, with the same id. */
export interface PendingDelivery {
  /** Sent as the Idempotency-Key header: the same on every attempt and every resumed run. */
  id: string;
  /** The capture the state advances to once delivered (name and SHA-256). */
  capture: string;
  sha256: string;
  /** Identities of the files seen once delivered (see `seen`). */
  seen: string[];
  /** The JSON body (livediff.check/1). */
  body: string;
}

export interface CheckState {
  schema: typeof STATE_SCHEMA;
  /** File name (in the folder checked) of the newest capture compared so far: the next run starts from it. */
  capture: string;
  /** SHA-256 of that capture's bytes, to find it again if it was renamed, and to notice it was rewritten. */
  sha256: string;
  /**
   * Identities (`device:inode:size:mtime`) of the folder's files already compared or passed over: any other
   * file is new, wherever its name or time sorts (a clock stepped back names a new capture "earlier").
   * Absent in states written before it existed: then files ordered after `capture` are the new ones.
   */
  seen?: string[];
  /** A delivery recorded and not yet acknowledged by the webhook (a 2xx answer), else absent. */
  pending?: PendingDelivery;
  /** When a run last advanced the state, and when one last reported changes (ISO 8601). */
  checkedAt: string;
  reportedAt: string | null;
}

export function sha256(bytes: Uint8Array | string): string {
  return crypto().createHash('sha256').update(bytes).digest('hex');
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function readPending(v: unknown): PendingDelivery | undefined | null {
  if (v === undefined || v === null) return undefined;
  const p = v as Partial<PendingDelivery>;
  if (typeof p !== 'object' || typeof p.id !== 'string' || typeof p.capture !== 'string' || typeof p.sha256 !== 'string' || typeof p.body !== 'string' || !strings(p.seen)) return null;
  return { id: p.id, capture: p.capture, sha256: p.sha256, seen: p.seen, body: p.body };
}

/** The state, or null when the file does not exist yet (the first run). */
export function readState(file: string): CheckState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw environmentError(file, 'a readable livediff state file', error);
  }
  const expected = `a livediff state file (${STATE_SCHEMA}, written by livediff check)`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(file, expected, 'text that is not JSON');
  }
  const s = value as Partial<CheckState> | null;
  const pending = readPending(s?.pending);
  if (
    s === null || typeof s !== 'object' || s.schema !== STATE_SCHEMA || typeof s.capture !== 'string' || typeof s.sha256 !== 'string' ||
    (s.seen !== undefined && !strings(s.seen)) || pending === null
  ) {
    throw new InputError(file, expected, 'JSON of another shape');
  }
  return {
    schema: STATE_SCHEMA,
    capture: s.capture,
    sha256: s.sha256,
    ...(s.seen === undefined ? {} : { seen: s.seen }),
    ...(pending === undefined ? {} : { pending }),
    checkedAt: String(s.checkedAt ?? ''),
    reportedAt: s.reportedAt ?? null,
  };
}

/** Write the state atomically (see atomic.ts): a reader sees the old state or the new one. */
export function writeState(file: string, state: CheckState): void {
  try {
    writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
  } catch (error) {
    throw environmentError(file, 'a state file livediff can write', error);
  }
}

/** Remove temporary files a killed run left beside the state (their writer's process is gone). */
export function removeStaleStateTemps(file: string, isAlive: (pid: number) => boolean): void {
  removeStaleTemps(dirname(file), isAlive, basename(file));
}
