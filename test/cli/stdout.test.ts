// Standard output written to the fd (src/cli/stdout.ts): every byte once and in order, whatever the fd does.
import { spawn, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type StdoutPorts, stdoutWriter } from '../../src/cli/stdout.js';
import { CLI, ROOT, runCli } from '../helpers/run.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

/** Ports whose fd takes `takes[i]` bytes at its i-th write (a string is an error code), and records what went where. */
function fakePorts(takes: (number | string)[], isTerminal = false) {
  const fd: number[] = [];
  const streamed: number[] = [];
  const events: string[] = [];
  const stream = Object.assign(new EventEmitter(), {
    write: (chunk: string | Uint8Array) => {
      streamed.push(...Buffer.from(chunk));
      return true;
    },
  });
  const ports: StdoutPorts = {
    isTerminal: () => isTerminal,
    writeFd: (bytes, offset) => {
      const take = takes.shift() ?? Infinity;
      if (typeof take === 'string') throw errno(take);
      const n = Math.min(take, bytes.length - offset);
      fd.push(...bytes.subarray(offset, offset + n));
      return n;
    },
    stream: () => stream as unknown as NodeJS.WritableStream,
    closed: () => void events.push('closed'),
    failed: (error) => void events.push(error.message),
  };
  return { ports, fd, streamed, events, stream };
}

describe('stdoutWriter', () => {
  it('writes to the fd, resuming after a partial write', () => {
    const f = fakePorts([3, 1, 100]);
    const write = stdoutWriter(f.ports);
    write('hello, world');
    write('!');
    expect(Buffer.from(f.fd).toString()).toBe('hello, world!');
    expect(f.streamed).toEqual([]);
  });

  it('a document in pieces is written whole and in order, gathered into few writes', () => {
    const writes: number[] = [];
    const f = fakePorts([]);
    const write = stdoutWriter({ ...f.ports, writeFd: (bytes, offset) => (writes.push(bytes.length - offset), f.ports.writeFd(bytes, offset)) });
    function* pieces() {
      for (let i = 0; i < 20_000; i++) yield `piece ${i}\n`;
    }
    write(pieces());
    const expected = Array.from(pieces()).join('');
    expect(Buffer.from(f.fd).toString()).toBe(expected);
    // 20,000 pieces, about 218 KB: four writes of at least 64 KiB and what is left.
    expect(writes.length).toBe(Math.ceil(expected.length / 65_536));
  });

  it('hands the rest to the stream when the fd would block, and everything after it too', () => {
    const f = fakePorts([4, 'EAGAIN', 100]);
    const write = stdoutWriter(f.ports);
    write('élan vital');
    write(' and more');
    // Four bytes: 'é' is two. The fd is not tried again once it would block.
    expect(Buffer.from(f.fd)).toEqual(Buffer.from('éla'));
    expect(Buffer.from(f.streamed).toString()).toBe('n vital and more');
  });

  it('a closed pipe ends quietly, on the fd and on the stream', () => {
    const f = fakePorts(['EPIPE']);
    stdoutWriter(f.ports)('x');
    expect(f.events).toEqual(['closed']);
    const t = fakePorts([], true);
    stdoutWriter(t.ports)('x');
    t.stream.emit('error', errno('EPIPE'));
    expect(t.events).toEqual(['closed']);
  });

  it('a closed pipe stops the drawing of a document in pieces (`livediff … | head`)', () => {
    const f = fakePorts(['EPIPE']);
    let drawn = 0;
    function* pieces() {
      for (let i = 0; i < 100_000; i++) {
        drawn++;
        yield `post ${i}\n`;
      }
    }
    stdoutWriter(f.ports)(pieces());
    expect(f.events).toEqual(['closed']);
    // The first batch (64 KiB) met the closed pipe; nothing after it was drawn.
    expect(drawn).toBeLessThan(10_000);
  });

  it('any other failure is one line about standard output', () => {
    const message = 'standard output: expected room for the report, found an input/output error (EIO)';
    expect(() => stdoutWriter(fakePorts(['EIO']).ports)('x')).toThrow(message);
    const t = fakePorts([], true);
    stdoutWriter(t.ports)('x');
    t.stream.emit('error', errno('EIO'));
    expect(t.events).toEqual([message]);
  });

  it('a terminal gets the stream (colour, width and the pager hook it)', () => {
    const f = fakePorts([], true);
    stdoutWriter(f.ports)('to the terminal');
    expect(Buffer.from(f.streamed).toString()).toBe('to the terminal');
    expect(f.fd).toEqual([]);
  });
});

/** The real capture, and the same with 300 posts added on top: a JSON report of about 200 KB. */
function bigPair(): string[] {
  const old = join(ROOT, 'test/fixtures/march22-real/new.txt');
  const text = readFileSync(old, 'utf8');
  const cut = text.indexOf('Sort byDropdown arrow\n') + 'Sort byDropdown arrow\n'.length;
  const time = (m: number) => `${Math.floor(m / 60) - 12}:${String(m % 60).padStart(2, '0')} p.m. ET, March 22, 2023`;
  const added = Array.from({ length: 300 }, (_, i) => `${time(23 * 60 + 59 - i)}\n\nUpdate number ${i} on the talks\n\n${'Officials said more words about the talks today. '.repeat(8)}\n`);
  const neu = join(mkdtempSync(join(tmpdir(), 'livediff-stdout-')), 'new.txt');
  writeFileSync(neu, text.slice(0, cut) + added.join('') + text.slice(cut));
  return [old, neu, '--format', 'json'];
}

describe('the CLI when standard output is not a plain pipe or file', () => {
  const args = bigPair();
  const expected = runCli(args);

  it('the report is large enough to fill a pipe', () => {
    expect(expected.stdout.length).toBeGreaterThan(150_000);
    expect(JSON.parse(expected.stdout).summary.added).toBe(300);
  });

  it('a full device: one line, exit 2', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.stderr).toBe('livediff: standard output: expected room for the report, found no space left on the device (ENOSPC)\n');
      expect(r.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  // A cron job's `> /dev/null` is a character device, as a terminal is: told apart without the stream.
  it('/dev/null: the report goes to the fd, and process.stdout is never made', () => {
    const probe = [
      'let made = false;',
      "const own = Object.getOwnPropertyDescriptor(process, 'stdout');",
      "Object.defineProperty(process, 'stdout', { configurable: true, get() { made = true; return own.get.call(process); } });",
      "process.on('exit', () => require('node:fs').writeSync(2, `stdout made: ${made}`));",
      `process.argv.splice(1, 0, ${JSON.stringify(CLI)});`,
      `require(${JSON.stringify(CLI)});`,
    ].join('\n');
    const devNull = openSync('/dev/null', 'w');
    try {
      const r = spawnSync(process.execPath, ['-e', probe, ...args], { cwd: ROOT, stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8' });
      expect(r.stderr).toBe('stdout made: false');
      expect(r.status).toBe(1);
    } finally {
      closeSync(devNull);
    }
  });

  // From a user's pass: the writer exited at once with the status set so far (none: 0), so a report piped
  // to head said "nothing to report". The command now ends as it would have.
  it('a pipe closed after its first bytes (| head -c 10): quiet, with the exit status of the report', () => {
    const r = spawnSync('bash', ['-c', `"$0" "$@" | head -c 10; exit \${PIPESTATUS[0]}`, process.execPath, CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toBe(expected.stdout.slice(0, 10));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(expected.status);
    expect(expected.status).toBe(1);
  });

  // A Node parent that has made its own stdout (a pipe) leaves it non-blocking for the children it shares
  // it with. Read nothing until livediff has filled the pipe, so that its fd write fails with EAGAIN.
  it('a non-blocking pipe left unread until full: the whole report, once and in order', async () => {
    const parent = `process.stdout; require('node:child_process').spawn(process.execPath, ${JSON.stringify([CLI, ...args])}, { stdio: 'inherit' }).on('exit', (code) => { process.exitCode = code; });`;
    const child = spawn(process.execPath, ['-e', parent], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(Buffer.concat(chunks).toString()).toBe(expected.stdout);
  });
});
