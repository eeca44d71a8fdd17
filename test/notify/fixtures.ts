// Notifications for the channel tests: a real pair of captures, and a hostile one (mentions, HTML,
// Markdown, a report far above every service's size limit).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { diffCaptures } from '../../src/classify/report.js';
import { buildNotification } from '../../src/notify/index.js';
import type { Notification } from '../../src/notify/types.js';
import { parseCapture } from '../../src/parse/index.js';
import { makeCapture } from '../helpers/capture.js';
import { listenLocal, stopServer } from '../helpers/server.js';

const snap = (n: number) => readFileSync(new URL(`../../snapshots/cnn-russia-ukraine-2023-03-22/capture-${n}.txt`, import.meta.url));

/** capture-1 → capture-2 of the March 22 CNN page. */
export function realNotification(): Notification {
  const report = diffCaptures(parseCapture(snap(1), { source: 'capture-1.txt' }), parseCapture(snap(2), { source: 'capture-2.txt' }));
  return buildNotification({ page: 'cnn', steps: [{ old: 'capture-1.txt', new: 'capture-2.txt', report }], link: 'https://example.org/live', time: new Date('2023-03-22T12:00:00Z') });
}

export const HOSTILE = ['@everyone', '@here', '<!channel>', '<!here>', '<@&123456>', '<script>alert(1)</script>', '**bold** _it_ ~~s~~ `code` [x](http://evil.example)'];

/** A report with hostile text and about 60,000 characters of added posts. */
export function hostileNotification(): Notification {
  const old = makeCapture({ posts: [{ time: '9:00 a.m. ET, March 22, 2023', headline: 'Kept post', body: ['Nothing to see.'] }] });
  const posts = Array.from({ length: 40 }, (_, i) => ({
    time: `${10 + (i % 10)}:${String(i).padStart(2, '0')} a.m. ET, March 22, 2023`,
    headline: `${HOSTILE[i % HOSTILE.length]} headline ${i}`,
    body: [`${HOSTILE.join(' ')} ${'word '.repeat(300)}end ${i}.`],
  }));
  const neu = makeCapture({ posts: [...posts, { time: '9:00 a.m. ET, March 22, 2023', headline: 'Kept post', body: ['Nothing to see.'] }] });
  const report = diffCaptures(parseCapture(old, { source: 'a.txt' }), parseCapture(neu, { source: 'b.txt' }));
  return buildNotification({ page: 'hostile @everyone <!channel>', steps: [{ old: 'a.txt', new: 'b.txt', report }], time: new Date('2023-03-22T12:00:00Z') });
}

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that records every request and answers with `status(n)` (n counts from 0). */
export async function receiver(status: (n: number, req: Received) => number | { status: number; headers?: Record<string, string>; body?: string } = () => 200) {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const r: Received = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(parts).toString('utf8') };
      const answer = status(got.length, r);
      got.push(r);
      const a = typeof answer === 'number' ? { status: answer } : answer;
      res.writeHead(a.status, a.headers ?? {});
      res.end(a.body ?? '');
    });
  });
  const base = await listenLocal(server);
  return { base, got, port: Number(new URL(base).port), close: () => stopServer(server) };
}
