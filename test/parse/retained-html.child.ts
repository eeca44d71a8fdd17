// Run by html-stream.test.ts as `node --expose-gc --import tsx`: parse an HTML page whose bytes are mostly
// markup no post shows (a script blob in each post), keep the capture, drop the page, and print the heap
// kept after collection and the page's size (in MB).
import { parseCapture } from '../../src/index.js';
import { heapMB } from '../helpers/heap.js';


const blob = `<script>${'var x = 1;'.repeat(500)}</script>`;
const post = (n: number) =>
  `<article data-post-id="post-number-${n}-0123456789"><time datetime="2026-11-22T${String(n % 24).padStart(2, '0')}:00:00Z">now</time><h2>Headline ${n}</h2>${blob}<p>Text ${n}</p></article>\n`;
const before = heapMB();
let page: string | null = `<!doctype html><html><head><title>Live</title></head><body>${Array.from({ length: 2000 }, (_, n) => post(n)).join('')}</body></html>`;
const pageMB = page.length / 2 ** 20;
const capture = parseCapture(page, { source: 'page.html' });
page = null;
const kept = heapMB() - before;
if (capture.posts.length !== 2000) throw new Error('not parsed');
process.stdout.write(`${JSON.stringify({ pageMB, kept })}\n`);
