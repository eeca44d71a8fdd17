// One `livediff check` at a time per state file: a lock file created exclusively (link fails if it exists), holding the
// holder's pid, host and start time. A lock whose process is gone (killed, machine rebooted) is stale and
// taken over; a live one makes the other run stop with a message naming it.
import { existsSync, linkSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { LivediffError } from '../../errors.js';
import { writeFileAtomic } from '../atomic.js';
import { os } from '../../builtins.js';

export class LockHeldError extends LivediffError {
  override name = 'LockHeldError';
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** Whether a process with this pid runs on this machine (EPERM: it runs, as another user). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' ? { pid: h.pid, host: String(h.host ?? ''), since: String(h.since ?? '') } : null;
  } catch {
    return null;
  }
}

/** A lock file this old that holds no readable holder was left by a crash between creating and filling it. */
const UNREADABLE_STALE_MS = 60_000;

/** A holder that can no longer hold: its process is gone, or the file was never filled and is old. */
function isStale(file: string, holder: Holder | null): boolean {
  if (holder !== null) return holder.host === os().hostname() && !isAlive(holder.pid);
  try {
    return Date.now() - statSync(file).mtimeMs > UNREADABLE_STALE_MS;
  } catch {
    return false; // Gone: the next attempt to take it will tell.
  }
}

/** Create the lock with its holder in it, in one step (see atomic.ts): no run ever reads a half-written lock. */
function tryCreate(file: string): boolean {
  return writeFileAtomic(file, JSON.stringify({ pid: process.pid, host: os().hostname(), since: new Date().toISOString() }), { exclusive: true });
}

/**
 * Move a stale lock aside and check that what was moved is the stale one: between reading it and moving it,
 * another run may have broken it and taken the lock; then that run's lock is put back (without replacing
 * a lock a third run may have taken meanwhile).
 */
function breakStale(file: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // Someone else moved it first.
  }
  const moved = readHolder(aside);
  if (moved === null || isStale(aside, moved)) unlinkSync(aside);
  else {
    try {
      linkSync(aside, file);
    } finally {
      unlinkSync(aside);
    }
  }
}

/** Take the lock or throw LockHeldError; returns the function that releases it. */
export function acquireLock(file: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file)) {
      return () => {
        try {
          if (readHolder(file)?.pid === process.pid) unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
    }
    const holder = readHolder(file);
    if (holder === null && !existsSync(file)) continue; // Released meanwhile: try again.
    if (!isStale(file, holder)) {
      if (holder === null) throw new LockHeldError(`${file}: another livediff check is starting on this state; this run did nothing`);
      const who = holder.host === os().hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
      throw new LockHeldError(
        `${file}: another livediff check (${who}, since ${holder.since}) is running on this state; this run did nothing. ` +
          'If no such run exists, delete the lock file.',
      );
    }
    breakStale(file);
  }
  throw new LockHeldError(`${file}: could not take the lock (other runs keep taking it); this run did nothing`);
}
