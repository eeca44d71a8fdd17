// Reading inputs for the CLI: files or stdin, with every failure turned into a one-line InputError.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { v8 } from '../builtins.js';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_INPUT_BYTES, formatSize, formatSizes } from '../parse/decode.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'a folder',
  EACCES: 'a file it may not read (permission denied)',
  EPERM: 'a file it may not read (permission denied)',
  ELOOP: 'a loop of symbolic links',
  ENAMETOOLONG: 'a name that is too long',
};

/** What the system said, for files livediff writes or folders it lists (the environment, not the input). */
const ENVIRONMENT: Record<string, string> = {
  ...REASONS,
  EACCES: 'permission denied (EACCES)',
  EPERM: 'permission denied (EPERM)',
  EROFS: 'a read-only file system (EROFS)',
  ENOSPC: 'no space left on the device (ENOSPC)',
  EDQUOT: 'the disk quota exceeded (EDQUOT)',
  EIO: 'an input/output error (EIO)',
  ENOTDIR: 'a path through something that is not a folder (ENOTDIR)',
  EMFILE: 'too many open files (EMFILE)',
};

/**
 * A system error on a file livediff reads, writes or lists, as the one-line `FILE: expected …, found …`
 * form (never "internal error"): EACCES, EROFS, ENOSPC… are faults of the environment a user can fix.
 * Other errors pass through unchanged.
 */
export function environmentError(file: string, expected: string, error: unknown): Error {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return error instanceof Error ? error : new Error(String(error));
  return new InputError(file, expected, ENVIRONMENT[code] ?? `a system error (${code})`);
}

function fail(file: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  throw new InputError(file, 'a readable capture file', REASONS[code] ?? `an error (${code || String(error)})`);
}

/**
 * Read a whole file descriptor, refusing more than `maxBytes` without reading it all. `size`: the size of a
 * regular file, asked for in one read into one buffer (reading a large capture in pieces and joining them
 * cost more than the read itself); what follows, if it grew meanwhile, is read in pieces.
 */
function readAll(fd: number, file: string, maxBytes: number, size = 0): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(total === 0 && size > 0 ? size : 1 << 16);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      fail(file, error);
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) {
      throw new InputError(file, `a capture of at most ${formatSize(maxBytes)}`, 'more than that');
    }
    chunks.push(chunk.subarray(0, n));
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * yargs parses a lone `-` argument as an empty string or `true`, so main() swaps it for this token, which
 * no file name can be (it holds a NUL).
 */
export const STDIN_ARG = '\u0000stdin';

export function isStdin(file: string): boolean {
  return file === '-' || file === STDIN_ARG;
}

/**
 * Heap a capture may need, per byte of it, at the worst measured: a text capture of 64 MB a side whose every
 * post was edited, or an HTML page of 62 MB a side (whose DOM alone is 7 times its size), fit in a heap of
 * 1 GB and not in one of 512 MB, where V8 aborts (exit 134, a native stack); 35 MB a side fit in 512 MB.
 */
export const HEAP_BYTES_PER_INPUT_BYTE = 16;
/** Captures up to this size are read whatever the heap (the least Node gives, on a 1 GB machine, is 304 MiB). */
const ALWAYS_READ = 16 * 1024 * 1024;

/**
 * The largest capture the CLI reads here: DEFAULT_MAX_INPUT_BYTES, or less where Node's heap is smaller than
 * HEAP_BYTES_PER_INPUT_BYTE times that (a machine of 2 GB gives Node 560 MiB: 35 MiB). A larger capture is
 * refused in one line that says how to give Node more, rather than aborting V8 half-way.
 */
export function inputLimit(): { bytes: number; why: string } {
  const heap = v8().getHeapStatistics().heap_size_limit;
  const bytes = Math.floor(heap / HEAP_BYTES_PER_INPUT_BYTE);
  if (bytes >= DEFAULT_MAX_INPUT_BYTES) return { bytes: DEFAULT_MAX_INPUT_BYTES, why: '' };
  return {
    bytes,
    why: ` (1/${HEAP_BYTES_PER_INPUT_BYTE} of the ${formatSize(heap)} of memory Node has here; NODE_OPTIONS=--max-old-space-size=MiB gives it more)`,
  };
}

/** Refuse a capture of `size` bytes beyond inputLimit (asked only of captures larger than ALWAYS_READ). */
function checkHeapRoom(file: string, size: number, maxBytes: number | undefined): void {
  if (maxBytes !== undefined || size <= ALWAYS_READ) return;
  const { bytes, why } = inputLimit();
  if (size <= bytes) return;
  const [limit, found] = formatSizes(bytes, size);
  throw new InputError(file, `a capture of at most ${limit}${why}`, found);
}

/**
 * Read a capture file, or stdin for `-`. Without `maxBytes`, the limit is inputLimit(), asked only of a
 * capture larger than ALWAYS_READ (loading node:v8 costs a start 2 ms).
 */
export function readInput(file: string, maxBytes?: number): Uint8Array {
  if (isStdin(file)) {
    const bytes = readAll(0, '(stdin)', maxBytes ?? DEFAULT_MAX_INPUT_BYTES);
    checkHeapRoom('(stdin)', bytes.length, maxBytes);
    return bytes;
  }
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    fail(file, error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(file, 'a capture file', 'a folder');
    const max = maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
    if (stat.isFile() && stat.size > max) {
      const [limit, size] = formatSizes(max, stat.size);
      throw new InputError(file, `a capture of at most ${limit}`, size);
    }
    if (stat.isFile()) checkHeapRoom(file, stat.size, maxBytes);
    const bytes = readAll(fd, file, max, stat.isFile() ? stat.size : 0);
    if (!stat.isFile()) checkHeapRoom(file, bytes.length, maxBytes);
    return bytes;
  } catch (error) {
    if (error instanceof InputError) throw error;
    fail(file, error);
  } finally {
    closeSync(fd);
  }
}
