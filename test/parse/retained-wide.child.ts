// Run by html-stream.test.ts as `node --expose-gc --import tsx`: parse an HTML page of plain ASCII posts
// with one character beyond Latin-1 (a curly quote in its title, which makes V8 hold the page two bytes a
// character), keep the capture, drop the page, and print the heap kept after collection and the posts'
// text (in MB, one byte a character).
import { parseCapture } from '../../src/index.js';
import { heapMB } from '../helpers/heap.js';


const paragraph = (n: number) => `Paragraph of post ${n}: ${'plain words of an ordinary report, '.repeat(60)}`;
const post = (n: number) =>
  `<article data-post-id="p${n}"><time datetime="2026-11-22T${String(n % 24).padStart(2, '0')}:00:00Z">now</time><h2>Headline of post number ${n}, long enough to count</h2><p>${paragraph(n)}</p></article>\n`;
const before = heapMB();
let page: string | null = `<!doctype html><html><head><title>Live \u201cupdates\u201d</title></head><body>${Array.from({ length: 2000 }, (_, n) => post(n)).join('')}</body></html>`;
const capture = parseCapture(page, { source: 'page.html' });
page = null;
const kept = heapMB() - before;
if (capture.posts.length !== 2000) throw new Error('not parsed');
const textMB = capture.posts.reduce((n, p) => n + p.headline.length + p.body.reduce((m, b) => m + b.text.length, 0), 0) / 2 ** 20;
process.stdout.write(`${JSON.stringify({ textMB, kept })}\n`);
