// One `livediff check` at a time per state file, with no window in which two runs both hold the lock.
//
// The lock is a folder `STATE.lock/` of numbered generations, each a small JSON file created exclusively
// (written whole, then hard-linked to its name, which fails if the name exists) and never changed after:
// `{pid, host, since}` for a holder, `{released: true}` for a release. The highest generation says who
// holds the lock. To take it, a run reads the highest generation N; when it is released, or its holder's
// process is gone on this host (killed, rebooted), the run creates N+1. Exactly one run can create N+1, so
// two runs breaking the same stale lock cannot both win, and a third one arriving sees N+1 held. Nothing is
// ever renamed aside or put back, and the highest generation is never deleted, so numbers are never reused;
// older generations are removed by the holder, and a run that created a number already passed (it read the
// folder long ago) sees a higher one when it checks, and backs off.
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { LivediffError } from '../../errors.js';
import { removeStaleTemps, writeFileAtomic } from '../atomic.js';
import { os } from '../../builtins.js';
import { environmentError } from '../io.js';

export class LockHeldError extends LivediffError {
  override name = 'LockHeldError';
}

export interface Holder {
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

const GENERATION = /^(\d{1,15})\.json$/;
const genName = (n: number) => `${String(n).padStart(10, '0')}.json`;

/** Generation numbers present in the lock folder, highest first. */
function generations(dir: string): number[] {
  return readdirSync(dir)
    .map((name) => GENERATION.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => b - a);
}

type Content = { kind: 'held'; holder: Holder } | { kind: 'released' } | { kind: 'gone' };

function readGeneration(dir: string, n: number): Content {
  let text: string;
  try {
    text = readFileSync(join(dir, genName(n)), 'utf8');
  } catch {
    return { kind: 'gone' }; // Removed as an older generation meanwhile: a higher one exists.
  }
  try {
    const v = JSON.parse(text) as Partial<Holder> & { released?: boolean };
    if (v.released === true) return { kind: 'released' };
    if (typeof v.pid === 'number') return { kind: 'held', holder: { pid: v.pid, host: String(v.host ?? ''), since: String(v.since ?? '') } };
  } catch {
    // Never written half (see atomic.ts); a file someone else put here holds nothing.
  }
  return { kind: 'released' };
}

/** Hooks for tests that force an interleaving of runs in one process. */
export interface LockOptions {
  /** Who this run is (default: this process). */
  self?: Holder;
  /** Whether a pid runs on this host (default: isAlive). */
  alive?: (pid: number) => boolean;
  /** Called after the run read the highest generation and decided to create `next`, before it does. */
  beforeCreate?: (next: number) => void;
}

function heldMessage(lock: string, holder: Holder): string {
  const who = holder.host === os().hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
  return (
    `${lock}: another livediff check (${who}, since ${holder.since}) is running on this state; this run did nothing. ` +
    `If no such run exists, delete the folder ${lock}.`
  );
}

/** Take the lock or throw LockHeldError; returns the function that releases it. */
export function acquireLock(lock: string, options: LockOptions = {}): () => void {
  const self = options.self ?? { pid: process.pid, host: os().hostname(), since: new Date().toISOString() };
  const alive = options.alive ?? isAlive;
  try {
    takeOverOldLockFile(lock, self, alive);
    mkdirSync(lock, { recursive: true });
    removeStaleTemps(lock, alive);
  } catch (error) {
    throw environmentError(lock, 'a lock folder livediff can create and write', error);
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    let top: number;
    let content: Content;
    try {
      top = generations(lock)[0] ?? 0;
      content = top === 0 ? { kind: 'released' } : readGeneration(lock, top);
    } catch (error) {
      throw environmentError(lock, 'a readable lock folder', error);
    }
    if (content.kind === 'gone') continue;
    if (content.kind === 'held' && !(content.holder.host === self.host && !alive(content.holder.pid))) {
      throw new LockHeldError(heldMessage(lock, content.holder));
    }
    const mine = top + 1;
    options.beforeCreate?.(mine);
    let created: boolean;
    try {
      created = writeFileAtomic(join(lock, genName(mine)), JSON.stringify(self), { exclusive: true });
    } catch (error) {
      throw environmentError(lock, 'a lock folder livediff can write', error);
    }
    if (!created) continue; // Another run took this generation first: see what it holds.
    if ((generations(lock)[0] ?? 0) !== mine) {
      // Our number was passed long ago (we read the folder before others took and released it): back off.
      removeQuietly(join(lock, genName(mine)));
      continue;
    }
    for (const old of generations(lock).filter((n) => n < mine)) removeQuietly(join(lock, genName(old)));
    return () => release(lock, mine);
  }
  throw new LockHeldError(`${lock}: could not take the lock (other runs keep taking it); this run did nothing`);
}

/** Release by adding a `released` generation above ours (ours stays until the next holder removes it). */
function release(lock: string, mine: number): void {
  try {
    if ((generations(lock)[0] ?? 0) === mine) writeFileAtomic(join(lock, genName(mine + 1)), '{"released":true}', { exclusive: true });
  } catch {
    // A full disk: our generation stays, and our pid being gone makes it stale for the next run.
  }
}

/**
 * livediff before 0.2 locked with a plain file at this name: respected while its process runs, removed once
 * it is gone (or was left empty by a crash), so the folder can take its place.
 */
function takeOverOldLockFile(lock: string, self: Holder, alive: (pid: number) => boolean): void {
  let text: string;
  try {
    if (!statSync(lock).isFile()) return;
    text = readFileSync(lock, 'utf8');
  } catch {
    return;
  }
  let holder: Partial<Holder> = {};
  try {
    holder = JSON.parse(text) as Partial<Holder>;
  } catch {
    // Empty: a crash between creating and filling it.
  }
  if (typeof holder.pid === 'number' && !(holder.host === self.host && !alive(holder.pid))) {
    throw new LockHeldError(heldMessage(lock, { pid: holder.pid, host: String(holder.host ?? ''), since: String(holder.since ?? '') }).replace('the folder', 'the file'));
  }
  removeQuietly(lock);
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already removed by another run.
  }
}
