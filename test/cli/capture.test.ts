// `livediff capture URL --into DIR` against a real HTTP server on 127.0.0.1: one file per real change and
// nothing else; retries, timeouts, errors, size limits, redirects; never a partial file when killed.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { orderFiles } from '../../src/cli/check-command.js';
import { captureStamp, storeCapture } from '../../src/cli/capture/store.js';
import { stampFromName } from '../../src/history/order.js';
import { ROOT, runCliAsync } from '../helpers/run.js';
import { listenLocal, stopServer } from '../helpers/server.js';

const FIXTURE = join(ROOT, 'test', 'fixtures-formats', 'html-latin1');
// The two versions of a French live page in ISO-8859-1 (see scripts/make-format-fixtures.mjs).
const V1 = readFileSync(join(FIXTURE, 'old.html'));
const V2 = readFileSync(join(FIXTURE, 'new.html'));
/** V1 with capture noise only: CRLF, non-breaking spaces, other navigation, a script and a comment. */
const V1_NOISE = Buffer.from(
  V1.toString('latin1')
    .replace(/\n/g, '\r\n')
    .replace('La participation atteint', 'La participation\u00a0atteint')
    .replace('<a href="/">Accueil</a>', '<a href="/">Accueil</a><a href="/meteo">Météo</a>')
    .replace('</head>', '<script>var ad = "slot-77";</script><!-- served by node 3 --></head>'),
  'latin1',
);
const ERROR_PAGE = Buffer.from('<!DOCTYPE html><html><head><title>Service unavailable</title></head><body><h1>Try later</h1></body></html>');

interface Route {
  status?: number;
  body?: Buffer;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Stream this many bytes of zeros in 64 KiB chunks, without a Content-Length. */
  stream?: number;
  /** Send this many bytes of the body chunked, then close the connection without the last chunk. */
  cutAt?: number;
}

let server: Server;
let base = '';
let routes: Route[] = [];
let requests: Array<{ url: string; agent: string | undefined }> = [];

function answer(res: ServerResponse, route: Route): void {
  if (route.stream !== undefined) {
    res.writeHead(200, { 'content-type': 'text/html' });
    let sent = 0;
    const chunk = Buffer.alloc(65536, 0x20);
    const push = () => {
      while (sent < route.stream!) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', push);
      }
      res.end();
    };
    push();
    return;
  }
  const body = route.body ?? V1;
  if (route.cutAt !== undefined) {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write(body.subarray(0, route.cutAt), () => res.socket?.end());
    return;
  }
  res.writeHead(route.status ?? 200, { 'content-type': 'text/html', 'content-length': String(body.length), ...route.headers });
  res.end(body);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', agent: req.headers['user-agent'] });
    if (req.url === '/moved') return void res.writeHead(301, { location: '/live' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    const route = routes.length > 1 ? routes.shift()! : (routes[0] ?? {});
    if (route.delayMs) setTimeout(() => answer(res, route), route.delayMs);
    else answer(res, route);
  });
  base = await listenLocal(server);
});
afterAll(() => stopServer(server));
beforeEach(() => {
  routes = [];
  requests = [];
});

const newDir = () => join(mkdtempSync(join(tmpdir(), 'livediff-capture-')), 'captures');
/** The folder's captures in the order `check` and `log` read them (not `.sort()`: the product's order is the contract). */
const captures = (dir: string) => orderFiles(dir, undefined, new Set()).map((f) => f.name);
const capture = (dir: string, ...args: string[]) => runCliAsync(['capture', `${base}/live`, '--into', dir, ...args]);

describe('capture file names', () => {
  it('sort in the order the captures were written, as text and by the times in them, even within one millisecond', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-names-'));
    const at = new Date('2026-11-22T10:05:00.999Z');
    // Before: `…00Z.html` then `…00Z-1.html`, which sorts first as text.
    const written = [0, 1, 2].map((n) => storeCapture(dir, at, 'html', Buffer.from(`page ${n}`)).slice(dir.length + 1));
    expect(written).toEqual(['2026-11-22T10-05-00.999Z.html', '2026-11-22T10-05-01.000Z.html', '2026-11-22T10-05-01.001Z.html']);
    expect([...written].reverse().sort()).toEqual(written);
    expect(written.map((n) => stampFromName(n)!.toISOString())).toEqual(['2026-11-22T10:05:00.999Z', '2026-11-22T10:05:01.000Z', '2026-11-22T10:05:01.001Z']);
    expect(orderFiles(dir, undefined, new Set()).map((f) => f.name)).toEqual(written);
    expect(captureStamp(new Date('2026-01-02T03:04:05.006Z'))).toBe('2026-01-02T03-04-05.006Z');
    expect(stampFromName('2026-11-22T10-05-00Z.txt')!.toISOString()).toBe('2026-11-22T10:05:00.000Z');
  });
});

describe('livediff capture', () => {
  it('refuses a URL with credentials before fetching, and prints no secret of a URL in any message', async () => {
    const dir = newDir();
    const withUser = await runCliAsync(['capture', `${base.replace('//', '//user:s3cret@')}/live?token=s3cret`, '--into', dir]);
    expect(withUser.status).toBe(2);
    expect(withUser.stderr).toMatch(/^livediff: capture: http:\/\/127\.0\.0\.1:\d+\/live holds a user name or password; livediff takes no credentials in URLs\n/);
    expect(requests).toHaveLength(0);
    // Unreachable, an error page, a bad --webhook with --report: the query's token never shows.
    routes = [{ body: ERROR_PAGE }];
    const runs = [
      await runCliAsync(['capture', 'http://127.0.0.1:9/live?token=s3cret', '--into', dir, '--retries', '0']),
      await runCliAsync(['capture', `${base}/live?token=s3cret`, '--into', dir, '--retries', '0']),
      await runCliAsync(['capture', `${base}/live?token=s3cret`, '--into', dir, '--report', '--webhook', 'ftp://u:s3cret@example.org/?token=s3cret']),
      await runCliAsync(['capture', 'ftp://u:s3cret@example.org/?token=s3cret', '--into', dir]),
    ];
    for (const r of [withUser, ...runs]) {
      expect(r.status).toBe(2);
      expect(`${r.stdout}${r.stderr}`).not.toContain('s3cret');
      expect(r.stderr.split('\n')).toHaveLength(2);
    }
    expect(captures(dir)).toEqual([]);
  });

  it('writes one file per real change and nothing for noise, named by the UTC capture time', async () => {
    const dir = newDir();
    routes = [{ body: V1 }];
    const first = await capture(dir);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/captures\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.html\n$/);
    expect(requests[0]!.agent).toMatch(/^livediff\/\S+ \(live page capture and diff\)$/);

    for (const body of [V1, V1_NOISE]) {
      routes = [{ body }];
      expect(await capture(dir)).toMatchObject({ status: 0, stdout: '', stderr: '' });
    }
    expect(captures(dir)).toHaveLength(1);
    expect(readFileSync(join(dir, captures(dir)[0]!))).toEqual(V1);

    routes = [{ body: V2 }];
    expect((await capture(dir)).status).toBe(1);
    expect(captures(dir)).toHaveLength(2);
    expect(readFileSync(join(dir, captures(dir)[1]!))).toEqual(V2);
    const diff = await runCliAsync([join(dir, captures(dir)[0]!), join(dir, captures(dir)[1]!), '--brief']);
    expect(diff.stdout).toContain('1 added, 1 dropped, 1 edited (headline); 2 unchanged');
  });

  it('stores an RSS or Atom feed as .xml, and reports its items as posts', async () => {
    const dir = newDir();
    const state = join(dir, '.state.json');
    const RSS = join(ROOT, 'test', 'fixtures-formats', 'rss-guardian');
    routes = [{ body: readFileSync(join(RSS, 'old.xml')), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } }];
    const first = await runCliAsync(['capture', `${base}/live`, '--into', dir, '--report', '--state', state]);
    expect(first.status).toBe(0);
    expect(captures(dir)).toEqual([expect.stringMatching(/Z\.xml$/)]);
    routes = [{ body: readFileSync(join(RSS, 'new.xml')), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } }];
    const r = await runCliAsync(['capture', `${base}/live`, '--into', dir, '--report', '--state', state, '--brief']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 added, 2 edited (headline 1, body 1), 2 out of view; 9 unchanged');
  });

  it('follows redirects and, with --report, goes on as check', async () => {
    const dir = newDir();
    routes = [{ body: V1 }];
    const state = join(dir, '.state.json');
    expect((await runCliAsync(['capture', `${base}/moved`, '--into', dir, '--report', '--state', state])).status).toBe(0);
    expect(requests.map((r) => r.url)).toEqual(['/moved', '/live']);
    routes = [{ body: V2 }];
    const r = await runCliAsync(['capture', `${base}/moved`, '--into', dir, '--report', '--state', state, '--brief']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 added, 1 dropped, 1 edited (headline)');
    routes = [{ body: V2 }];
    expect(await runCliAsync(['capture', `${base}/moved`, '--into', dir, '--report', '--state', state])).toMatchObject({ status: 0, stdout: '' });
  });

  // From a user's pass: without --state, check compares the two newest captures, so every run after a
  // change printed that change again and exited 1, though nothing was captured.
  it('--report without --state reports a change once: a run that writes nothing reports nothing', async () => {
    const dir = newDir();
    routes = [{ body: V1 }];
    await capture(dir, '--report');
    routes = [{ body: V2 }];
    const changed = await capture(dir, '--report', '--brief');
    expect(changed.status).toBe(1);
    expect(changed.stdout).toContain('1 added, 1 dropped, 1 edited (headline)');
    expect(await capture(dir, '--report', '--brief')).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('a redirect loop is refused at once, not retried', async () => {
    const dir = newDir();
    const r = await runCliAsync(['capture', `${base}/loop`, '--into', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/found a redirect loop \(more than 20 redirects\); nothing was written\n$/);
    expect(requests.length).toBe(21);
  });

  it('retries server errors and timeouts with backoff, and gives up with one clear line', async () => {
    const dir = newDir();
    routes = [{ status: 503, body: ERROR_PAGE }, { body: V1, delayMs: 2000 }, { body: V1 }];
    const r = await capture(dir, '--timeout', '0.5', '--retries', '2');
    expect(r.status).toBe(1);
    expect(requests).toHaveLength(3);
    expect(captures(dir)).toHaveLength(1);

    requests = [];
    routes = [{ status: 500, body: ERROR_PAGE }];
    const failed = await capture(dir, '--retries', '1');
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/^livediff: http:\/\/127\.0\.0\.1:\d+\/live: expected a live page, found HTTP 500 after 2 attempts; nothing was written\n$/);
    expect(requests).toHaveLength(2);

    requests = [];
    routes = [{ status: 404, body: ERROR_PAGE }];
    expect((await capture(dir, '--retries', '3')).stderr).toMatch(/found HTTP 404; nothing was written/);
    expect(requests).toHaveLength(1);

    const closed = createServer();
    const closedBase = await listenLocal(closed);
    await new Promise((resolve) => closed.close(resolve));
    const refused = await runCliAsync(['capture', `${closedBase}/live`, '--into', dir, '--retries', '0']);
    expect(refused.stderr).toMatch(/found ECONNREFUSED; nothing was written\n$/);

    routes = [{ body: V1, delayMs: 3000 }];
    const slow = await capture(dir, '--timeout', '0.3', '--retries', '0');
    expect(slow.stderr).toMatch(/found no answer within 300 ms; nothing was written/);
    expect(captures(dir)).toHaveLength(1);
  });

  it('refuses pages over --max-size, declared or streamed, and error pages served as 200', async () => {
    const dir = newDir();
    routes = [{ body: Buffer.alloc(3 * 1024 * 1024, 0x20) }];
    expect((await capture(dir, '--max-size', '1')).stderr).toMatch(/found a page of 3\.0 MiB, more than --max-size 1\.0 MiB; nothing was written/);
    routes = [{ stream: 4 * 1024 * 1024 }];
    expect((await capture(dir, '--max-size', '1')).stderr).toMatch(/found a page larger than --max-size 1\.0 MiB; nothing was written/);
    routes = [{ body: ERROR_PAGE }];
    const error = await capture(dir);
    expect(error.status).toBe(2);
    expect(error.stderr).toMatch(/^livediff: http:\/\/127\.0\.0\.1:\d+\/live: expected a live page: an HTML page with post elements .*, found an HTML page titled "Try later" with no such element\n$/);
    expect(captures(dir)).toEqual([]);
  });

  // From a user's pass: Node 20's fetch took a chunked response cut before its last chunk for a whole one;
  // the cut page was stored, and its last post read as edited (`+ Foll`), then edited back.
  it('refuses a response cut off before its end (chunked, the connection closed): nothing written', async () => {
    const dir = newDir();
    routes = [{ body: V1 }];
    expect((await capture(dir)).status).toBe(1);
    routes = [{ body: V2, cutAt: Math.floor(V2.length * 0.9) }];
    const cut = await capture(dir, '--retries', '0');
    expect(cut.status).toBe(2);
    expect(cut.stderr).toMatch(/found the connection closed before the response's end; nothing was written\n$/);
    expect(captures(dir)).toHaveLength(1);
  });

  it('stores a page in a legacy charset named only by the HTTP header as UTF-8', async () => {
    const dir = newDir();
    const bare = Buffer.from(V1.toString('latin1').replace('<meta charset="iso-8859-1">', ''), 'latin1');
    routes = [{ body: bare, headers: { 'content-type': 'text/html; charset=ISO-8859-1' } }];
    expect((await capture(dir)).status).toBe(1);
    const stored = readFileSync(join(dir, captures(dir)[0]!), 'utf8');
    expect(stored).toContain('Participation en hausse');
    expect(stored).toContain('élections régionales');
  });

  it('leaves no partial capture when killed at any moment', async () => {
    const dir = newDir();
    let killed = 0;
    for (let i = 0; i < 16; i++) {
      routes = [{ body: i % 2 === 0 ? V2 : V1 }];
      await capture(dir, '--quiet');
      routes = [{ body: i % 2 === 0 ? V1 : V2 }];
      const k = await runCliAsync(['capture', `${base}/live`, '--into', dir], { killAfterMs: Math.floor(Math.random() * 300) });
      if (k.signal !== null) killed++;
      for (const name of captures(dir)) {
        const bytes = readFileSync(join(dir, name));
        expect(bytes.equals(V1) || bytes.equals(V2)).toBe(true);
      }
    }
    expect(killed).toBeGreaterThan(0);
    routes = [{ body: V2 }];
    await capture(dir);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
