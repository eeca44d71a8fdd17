// A progress line on stderr while many captures are read, only when stderr is a terminal.

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const SILENT: Progress = { update: () => undefined, done: () => undefined };
const WIDTH = 30;
/** Redraw at most this often (ms): drawing every capture would cost more than reading it. */
const INTERVAL = 80;

export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT;
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < INTERVAL && done < total) return;
      last = now;
      shown = true;
      const filled = Math.round((done / Math.max(1, total)) * WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total}`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
