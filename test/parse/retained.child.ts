// Run by retained-memory.test.ts as `node --expose-gc --import tsx`: parse successive large captures of one
// page, keeping none of them, and print the heap each way retains after collection (in MB).
import { createReader, parseCapture, type Reader } from '../../src/index.js';
import { renderPost, stamp } from '../helpers/capture.js';

const CAPTURES = Number(process.argv[2] ?? 300);
const WINDOW = 1000;
const gc = (globalThis as { gc?: () => void }).gc!;

// Posts of about 1.26 KB; capture k shows the newest WINDOW of the first WINDOW + k (a page a new post
// at a time): about 1.26 MB each, successive captures sharing all but one post byte for byte.
const words = 'officials said the talks would resume on Thursday after a long night of negotiations'.split(' ');
const posts = Array.from({ length: WINDOW + CAPTURES }, (_, n) => {
  const body = Array.from({ length: 6 }, (_, b) => `Paragraph ${b} of post ${n}: ${Array.from({ length: 30 }, (_, w) => words[(n + b + w) % words.length]).join(' ')}.`);
  return renderPost({ time: stamp(n % 1440, 1 + Math.floor(n / 1440)), headline: `Headline number ${n}`, body });
});
const capture = (k: number) =>
  Buffer.from(`Test live page\n\nBy Test Author, CNN\n\n${WINDOW + k} Posts\n${posts.slice(k, k + WINDOW).reverse().join('\n')}`);

const heap = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  // Large latin1 strings made from a Buffer are external: their bytes are outside heapUsed.
  return (m.heapUsed + m.external) / 2 ** 20;
};

const before = heap();
let size = 0;
for (let k = 0; k < CAPTURES; k++) {
  const bytes = capture(k);
  size = bytes.length;
  if (parseCapture(bytes, { source: `${k}` }).posts.length !== WINDOW) throw new Error('not parsed');
}
const pure = heap() - before;

let reader: Reader | null = createReader();
for (let k = 0; k < CAPTURES; k++) {
  if (reader.parse(capture(k), { source: `${k}` }).posts.length !== WINDOW) throw new Error('not parsed');
}
const readerAlive = heap() - before;
reader = null;
const readerDropped = heap() - before;

process.stdout.write(`${JSON.stringify({ captureMB: size / 2 ** 20, pure, readerAlive, readerDropped })}\n`);
