// Reading many blobs with ONE git process: `git cat-file --batch`, object ids in, contents streamed out
// and handed over one at a time, so that thousands of versions cost one process and little memory.
import { gitEnv, gitFailure } from './run.js';
import { childProcess } from '../builtins.js';

/** Splits cat-file's output (`<oid> blob <size>\n<bytes>\n`, or `<name> missing\n`) into objects. */
class BatchParser {
  private chunks: Buffer[] = [];
  private length = 0;
  /** The object whose header was read and whose bytes are awaited; `keep` false for a non-blob. */
  private need: { size: number; keep: boolean } | null = null;

  constructor(private readonly emit: (bytes: Buffer | null) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    this.drain();
  }

  private flat(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!;
  }

  private rest(buf: Buffer): void {
    this.chunks = buf.length > 0 ? [buf] : [];
    this.length = buf.length;
  }

  private drain(): void {
    for (;;) {
      if (this.need === null) {
        const nl = this.length === 0 ? -1 : this.flat().indexOf(10);
        if (nl < 0) return;
        const buf = this.flat();
        const [, type, size] = buf.subarray(0, nl).toString('utf8').split(' ');
        this.rest(buf.subarray(nl + 1));
        // `<name> missing` / `<name> ambiguous` have no bytes; a tree or a commit (a submodule) has some.
        if (size === undefined) this.emit(null);
        else {
          this.need = { size: Number(size), keep: type === 'blob' };
          if (!this.need.keep) this.emit(null);
        }
      } else {
        const { size, keep } = this.need;
        if (this.length < size + 1) return;
        const buf = this.flat();
        if (keep) this.emit(Buffer.from(buf.subarray(0, size)));
        this.rest(buf.subarray(size + 1));
        this.need = null;
      }
    }
  }
}

/**
 * Read objects by id through one `git cat-file --batch`. `onBlob` is called in input
 * order with each blob's bytes, or null when the object is missing or not a blob; if it throws, git is
 * stopped and the promise rejects with that error.
 */
export function readBlobs(names: readonly string[], cwd: string, onBlob: (index: number, bytes: Buffer | null) => void): Promise<void> {
  if (names.length === 0) return Promise.resolve();
  const args = ['cat-file', '--batch'];
  return new Promise((resolve, reject) => {
    const child = childProcess().spawn('git', args, { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let failed: unknown = null;
    let index = 0;
    const parser = new BatchParser((bytes) => {
      if (failed !== null) return;
      try {
        onBlob(index++, bytes);
      } catch (error) {
        failed = error;
        child.kill();
      }
    });
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => parser.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) => reject(gitFailure(args, cwd, '', error)));
    child.on('close', (code) => {
      if (failed !== null) reject(failed);
      else if (code !== 0) reject(gitFailure(args, cwd, Buffer.concat(err).toString('utf8')));
      else if (index !== names.length) reject(gitFailure(args, cwd, `read ${index} of ${names.length} objects`));
      else resolve();
    });
    // A name holding a newline would split in two: no object name or path git returns holds one here.
    child.stdin.end(`${names.map((n) => n.replace(/\n/g, '')).join('\n')}\n`);
  });
}

/** Read objects into memory: each blob's bytes, or null. */
export async function readBlobList(names: readonly string[], cwd: string): Promise<Array<Buffer | null>> {
  const out: Array<Buffer | null> = new Array(names.length).fill(null);
  await readBlobs(names, cwd, (i, bytes) => {
    out[i] = bytes;
  });
  return out;
}
