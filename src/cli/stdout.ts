// Standard output of the commands. A cron job's output goes to a pipe or a file. The report goes out with
// fs.writeSync there, because making process.stdout loads net, stream and tty, about 5% of every start
// (docs/performance.md). A terminal (colour, width, the pager) gets process.stdout, as does what yargs prints.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { reportError } from './exit.js';
import { environmentError } from './io.js';
import type { Rendered } from '../render/registry.js';

/** A failed write to standard output (ENOSPC, EIO…), as the one-line error of any file livediff writes. */
export function outputError(error: unknown): Error {
  return environmentError('standard output', 'room for the report', error);
}

/** Whether standard output is a terminal, without making process.stdout when it is a pipe or a file. */
export function stdoutIsTerminal(): boolean {
  try {
    // Only a character device can be a terminal. /dev/null is one too (a cron job's `> /dev/null`): it is
    // told by its device number; any other character device is asked through the stream.
    const stat = fstatSync(1);
    if (!stat.isCharacterDevice() || stat.rdev === nullDevice()) return false;
  } catch {
    return false;
  }
  return process.stdout.isTTY === true;
}

/** The device number of /dev/null, or -1 where there is none (Windows). */
function nullDevice(): number {
  try {
    return statSync('/dev/null').rdev;
  } catch {
    return -1;
  }
}

/** What writeStdout needs from the process; tests give it fakes. */
export interface StdoutPorts {
  isTerminal: () => boolean;
  /** Writes bytes from `offset` on to fd 1 and returns how many it wrote (fs.writeSync). */
  writeFd: (bytes: Uint8Array, offset: number) => number;
  stream: () => NodeJS.WritableStream;
  /**
   * A closed pipe (`livediff … | head`): the reader's choice, not trouble. Later writes are dropped and
   * the command ends as it would have, with its own exit status (a report piped to head is still 1).
   */
  closed: () => void;
  /** Any other failure of the stream, which is told after the write returned (a sync write throws). */
  failed: (error: Error) => void;
}

const PROCESS_PORTS: StdoutPorts = {
  isTerminal: stdoutIsTerminal,
  writeFd: (bytes, offset) => writeSync(1, bytes, offset),
  stream: () => process.stdout,
  closed: () => undefined,
  failed: (error) => process.exit(reportError(error, (s) => process.stderr.write(s))),
};

/**
 * A writer of standard output. It writes to the fd until the fd would block: a pipe made non-blocking by
 * a parent that shares it, and full. That write and every later one then go through the stream, in order.
 */
export function stdoutWriter(ports: StdoutPorts = PROCESS_PORTS): (text: Rendered) => void {
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    ports.closed();
  };
  let stream: NodeJS.WritableStream | null = null;
  const useStream = () => {
    if (stream === null) {
      stream = ports.stream();
      stream.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? close() : ports.failed(outputError(error))));
    }
    return stream;
  };
  let terminal: boolean | null = null;
  const write = (text: string) => {
    if (closed) return;
    terminal ??= ports.isTerminal();
    if (terminal || stream !== null) {
      useStream().write(text);
      return;
    }
    const bytes = Buffer.from(text);
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += ports.writeFd(bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          useStream().write(bytes.subarray(offset));
          return;
        }
        if (code === 'EPIPE') return close();
        throw outputError(error);
      }
    }
  };
  return (rendered) => {
    if (typeof rendered === 'string') return write(rendered);
    // A document in pieces (a JSON report can be larger than one string): written WRITE_BATCH at a time,
    // and drawn no further once the reader has gone (a closed pipe: `livediff … | head`).
    let batch = '';
    for (const piece of rendered) {
      if (closed) return;
      batch += piece;
      if (batch.length >= WRITE_BATCH) {
        write(batch);
        batch = '';
      }
    }
    if (batch !== '') write(batch);
  };
}

/** Characters gathered from a document's pieces before one write. */
const WRITE_BATCH = 1 << 16;

/** Standard output of this process: every command's report goes through here. */
export const writeStdout = stdoutWriter();
