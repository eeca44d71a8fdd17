// The state file of `livediff check`: how far the runs got, which files they have seen or skipped, and the
// deliveries still owed to each notification target (recorded before any output, cleared per target on
// success), written atomically.
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { InputError } from '../../errors.js';
import { removeStaleTemps, writeFileAtomic } from '../atomic.js';
import { crypto } from '../../builtins.js';
import { environmentError } from '../io.js';
import type { SettleState } from './settle.js';

export const STATE_SCHEMA = 'livediff.state/1';

/** A webhook delivery of a state written before the outbox existed: read, then moved into the outbox. */
export interface PendingDelivery {
  /** Sent as the Idempotency-Key header: the same on every attempt and every resumed run. */
  id: string;
  /** The capture the state advances to once delivered (name and SHA-256). */
  capture: string;
  sha256: string;
  /** Identities of the files seen once delivered (see `seen`). */
  seen: string[];
  /** The JSON body (livediff.check/3). */
  body: string;
}

/** One report owed to some targets: the same message and id on every attempt and every run. */
export interface OutboxEntry {
  /** Sent as the Idempotency-Key header (and used by channels that take one): the same on every attempt. */
  id: string;
  /** The newest capture of the report, for messages. */
  capture: string;
  /** The message as delivered (a Notification whose steps keep only names and counts; see check/deliver.ts). */
  message: unknown;
  /**
   * Targets still owed this report, by key (`webhook`, or `notify:` + hash of the raw URL), and failed runs
   * so far; `name`, the target as messages show it (its masked URL), for the line that says it was dropped.
   */
  targets: { key: string; attempts: number; name?: string }[];
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
  /** A delivery of an older state (before the outbox), else absent: check moves it into the outbox. */
  pending?: PendingDelivery;
  /** Reports not yet acknowledged by every target, oldest first (absent when none). */
  outbox?: OutboxEntry[];
  /** Identities of files that are not readable captures, already warned about once (absent when none). */
  skipped?: string[];
  /**
   * Identity of a capture after `capture` left out as a stale copy of it (absent when none): the next run
   * reads it again, and reports it when the capture after it shows the page the same way (a retraction).
   */
  held?: string;
  /** The flip-flop guard's memory (--settle; check/settle.ts). */
  settle?: SettleState;
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

function readOutbox(v: unknown): OutboxEntry[] | undefined | null {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) return null;
  const ok = v.every(
    (e: Partial<OutboxEntry>) =>
      typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.capture === 'string' && typeof e.message === 'object' &&
      Array.isArray(e.targets) &&
      e.targets.every((t) => typeof t?.key === 'string' && Number.isInteger(t?.attempts) && (t.name === undefined || typeof t.name === 'string')),
  );
  return ok ? (v as OutboxEntry[]) : null;
}

const isSettle = (v: unknown): v is SettleState =>
  typeof v === 'object' && v !== null && Number.isInteger((v as SettleState).index) && typeof (v as SettleState).posts === 'object' && (v as SettleState).posts !== null;

const RESET_HINT = '; --reset-state starts again from the newest capture';

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
    throw new InputError(file, expected, `text that is not JSON${RESET_HINT}`);
  }
  const s = value as Partial<CheckState> | null;
  const pending = readPending(s?.pending);
  const outbox = readOutbox(s?.outbox);
  if (
    s === null || typeof s !== 'object' || s.schema !== STATE_SCHEMA || typeof s.capture !== 'string' || typeof s.sha256 !== 'string' ||
    (s.seen !== undefined && !strings(s.seen)) || pending === null || outbox === null || (s.skipped !== undefined && !strings(s.skipped)) ||
    (s.held !== undefined && typeof s.held !== 'string')
  ) {
    throw new InputError(file, expected, `JSON of another shape${RESET_HINT}`);
  }
  return {
    schema: STATE_SCHEMA,
    capture: s.capture,
    sha256: s.sha256,
    ...(s.seen === undefined ? {} : { seen: s.seen }),
    ...(pending === undefined ? {} : { pending }),
    ...(outbox === undefined || outbox.length === 0 ? {} : { outbox }),
    ...(s.skipped === undefined || s.skipped.length === 0 ? {} : { skipped: s.skipped }),
    ...(s.held === undefined ? {} : { held: s.held }),
    ...(isSettle(s.settle) ? { settle: s.settle } : {}),
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

/**
 * Where a copy of the state's capture is kept: beside the state, its name plus `.capture`. A capture job
 * that rewrites one file in place (`curl -o page.html`) leaves nothing else to compare the next run with.
 */
export function keptCopyPath(stateFile: string): string {
  return `${stateFile}.capture`;
}

/** Write the kept copy atomically (see atomic.ts). */
export function keepCopy(file: string, bytes: Uint8Array): void {
  try {
    writeFileAtomic(file, bytes);
  } catch (error) {
    throw environmentError(file, 'a copy of the last capture beside the state file', error);
  }
}

/** Remove temporary files a killed run left beside the state (their writer's process is gone). */
export function removeStaleStateTemps(file: string, isAlive: (pid: number) => boolean): void {
  removeStaleTemps(dirname(file), isAlive, basename(file));
  removeStaleTemps(dirname(file), isAlive, basename(keptCopyPath(file)));
}
