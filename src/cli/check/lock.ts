// One `livediff check` at a time per state file: a lock file created exclusively (O_EXCL), holding the
// holder's pid, host and start time. A lock whose process is gone (killed, machine rebooted) is stale and
// taken over; a live one makes the other run stop with a message naming it.
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { LivediffError } from '../../errors.js';

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

/** A holder that can no longer hold: its process is gone, or the file is unreadable (a crash mid-write). */
function isStale(holder: Holder | null): boolean {
  return holder === null || (holder.host === hostname() && !isAlive(holder.pid));
}

function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Move a stale lock aside and check that what was moved is the stale one: between reading it and moving it,
 * another run may have done the same and taken the lock; then its lock is put back.
 */
function breakStale(file: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // Someone else moved it first.
  }
  const moved = readHolder(aside);
  if (isStale(moved)) unlinkSync(aside);
  else renameSync(aside, file);
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
    if (!isStale(holder)) {
      const who = holder!.host === hostname() ? `pid ${holder!.pid}` : `pid ${holder!.pid} on ${holder!.host}`;
      throw new LockHeldError(
        `${file}: another livediff check (${who}, since ${holder!.since}) is running on this state; this run did nothing. ` +
          'If no such run exists, delete the lock file.',
      );
    }
    breakStale(file);
  }
  throw new LockHeldError(`${file}: could not take the lock (other runs keep taking it); this run did nothing`);
}
