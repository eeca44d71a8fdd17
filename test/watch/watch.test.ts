// `livediff watch pages.yml` run as cron runs it: three pages, one of which cannot be captured; the two
// others are checked and delivered, one summary line each, and the failing one never stops them.
import { createServer, type Server } from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliAsync } from '../helpers/run.js';
import { listenLocal, stopServer } from '../helpers/server.js';

const MARCH21 = join(ROOT, 'snapshots', 'cnn-russia-ukraine-2023-03-21', 'capture-1.txt');
const MARCH22 = join(ROOT, 'snapshots', 'cnn-russia-ukraine-2023-03-22');

describe('livediff watch', () => {
  let server: Server;
  let base = '';
  const log: Array<{ path: string; body: string }> = [];
  let hung = true;
  let hungCalls = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (d: string) => (body += d));
      req.on('end', () => {
        if (req.url === '/live') return void res.writeHead(404).end('not found');
        if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 4000);
        if (req.url === '/hung') {
          hungCalls++;
          if (hung) return void setTimeout(() => res.writeHead(200).end('late'), 4000);
        }
        if (req.url === '/page.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(readFileSync(join(MARCH22, 'capture-1.txt')));
        log.push({ path: req.url ?? '', body });
        res.writeHead(204).end();
      });
    });
    base = await listenLocal(server);
  });
  afterAll(() => stopServer(server));

  it('reports the two pages that work when a third fails, one line each, and exits 2', async () => {
    const root = mkdtempSync(join(tmpdir(), 'livediff-watch-run-'));
    const host = base.replace('http://', '');
    for (const d of ['a', 'b']) mkdirSync(join(root, d));
    copyFileSync(join(MARCH22, 'capture-1.txt'), join(root, 'a', '2023-03-22T10-00-00Z.txt'));
    copyFileSync(MARCH21, join(root, 'b', '2023-03-21T20-00-00Z.txt'));
    const config = join(root, 'pages.yml');
    writeFileSync(
      config,
      `defaults:\n  notify: json://${host}/all\npages:\n` +
        `  - name: Alpha\n    dir: a\n    notify: [json://${host}/alpha]\n` +
        `  - name: Broken\n    url: ${base}/live\n` +
        `  - name: Beta\n    dir: b\n    only: all\n`,
    );
    const first = await runCliAsync(['watch', config]);
    expect(first.stdout).toBe(`Alpha: nothing new\nBroken: capture failed: ${base}/live: expected a live page, found HTTP 404; nothing was written\nBeta: nothing new\n`);
    expect(first.status).toBe(2);

    copyFileSync(join(MARCH22, 'capture-2.txt'), join(root, 'a', '2023-03-22T10-05-00Z.txt'));
    copyFileSync(join(MARCH22, 'capture-1.txt'), join(root, 'b', '2023-03-22T06-00-00Z.txt'));
    writeFileSync(join(root, 'b', '2023-03-22T05-00-00Z.txt'), '');
    const second = await runCliAsync(['watch', config]);
    expect(second.status).toBe(2);
    const lines = second.stdout.split('\n');
    expect(lines[0]).toBe('Alpha: 1 report step');
    expect(lines[1]).toMatch(/^Broken: capture failed: /);
    expect(lines[2]).toBe('Beta: 1 report step (1 page change), 1 file skipped');
    expect(second.stderr).toMatch(/^livediff: Beta: skipped .*05-00-00Z\.txt: expected .*found an empty file$/m);
    expect(log.map((r) => [r.path, JSON.parse(r.body).page])).toEqual([
      ['/alpha', 'Alpha'],
      ['/all', 'Beta'],
    ]);
    expect(JSON.parse(log[1]!.body).steps[0]).toMatchObject({ report: null, pageChanged: { new: 'March 22, 2023 - Russia-Ukraine news' } });
    expect(JSON.parse(readFileSync(join(root, 'a', '.livediff-state.json'), 'utf8')).capture).toBe('2023-03-22T10-05-00Z.txt');
  });

  // From a user's pass: a page that does not answer held the run for 2 min 15 s (30 s × 4 attempts and
  // backoff), and pages.yml could not say otherwise.
  it("a page's timeout and retries bound how long a page that does not answer holds the run", async () => {
    const root = mkdtempSync(join(tmpdir(), 'livediff-watch-slow-'));
    const config = join(root, 'pages.yml');
    writeFileSync(config, `defaults:\n  timeout: 0.5\npages:\n  - name: Slow\n    url: ${base}/slow\n    retries: 0\n`);
    const r = await runCliAsync(['watch', config]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe(`Slow: capture failed: ${base}/slow: expected a live page, found no answer within 500 ms; nothing was written\n`);
  });

  // From a user's pass: three pages notifying one receiver that took their reports and never answered
  // held the run for each page in turn (with the defaults, about 47 s a page).
  it('a receiver that failed for one page is not tried again for the next pages of the run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'livediff-watch-hung-'));
    const host = base.replace('http://', '');
    const names = ['One', 'Two', 'Three'];
    for (const d of names) {
      mkdirSync(join(root, d));
      copyFileSync(join(MARCH22, 'capture-1.txt'), join(root, d, '2023-03-22T10-00-00Z.txt'));
    }
    const config = join(root, 'pages.yml');
    writeFileSync(config, `defaults:\n  notify: json://${host}/hung\n  timeout: 0.5\n  retries: 0\npages:\n${names.map((n) => `  - name: ${n}\n    dir: ${n}\n`).join('')}`);
    expect((await runCliAsync(['watch', config])).stdout).toBe('One: nothing new\nTwo: nothing new\nThree: nothing new\n');
    for (const d of names) copyFileSync(join(MARCH22, 'capture-2.txt'), join(root, d, '2023-03-22T10-05-00Z.txt'));
    hungCalls = 0;
    const second = await runCliAsync(['watch', config]);
    expect(second.status).toBe(2);
    expect(hungCalls).toBe(1);
    expect(second.stdout).toBe(names.map((n) => `${n}: 1 report step; delivery failed (sent again on the next run)\n`).join(''));
    expect(second.stderr).toMatch(/^livediff: One: .*no answer within 500 ms.*; the next run sends it again/m);
    expect(second.stderr).toMatch(new RegExp(`^livediff: Two: not sent to json://${host}/hung, which failed for an earlier page of this run; the next run sends it again$`, 'm'));
    // Not tried, not counted: only the page that tried has a failed run against the report.
    const attempts = (d: string) => JSON.parse(readFileSync(join(root, d, '.livediff-state.json'), 'utf8')).outbox.map((e: { targets: Array<{ attempts: number }> }) => e.targets[0]!.attempts);
    expect(names.map(attempts)).toEqual([[1], [0], [0]]);
    hung = false;
    hungCalls = 0;
    const third = await runCliAsync(['watch', config]);
    expect(third).toMatchObject({ status: 1, stdout: 'One: delivered an earlier report\nTwo: delivered an earlier report\nThree: delivered an earlier report\n' });
    expect(hungCalls).toBe(3);
    expect(log.filter((r) => r.path === '/hung').map((r) => JSON.parse(r.body).page)).toEqual(names);
  });

  it('a page without a notify URL says its report went nowhere', async () => {
    const root = mkdtempSync(join(tmpdir(), 'livediff-watch-nonotify-'));
    mkdirSync(join(root, 'a'));
    copyFileSync(join(MARCH22, 'capture-1.txt'), join(root, 'a', '2023-03-22T10-00-00Z.txt'));
    const config = join(root, 'pages.yml');
    writeFileSync(config, 'pages:\n  - name: N\n    dir: a\n');
    expect((await runCliAsync(['watch', config])).stdout).toBe('N: nothing new\n');
    copyFileSync(join(MARCH22, 'capture-2.txt'), join(root, 'a', '2023-03-22T10-05-00Z.txt'));
    const r = await runCliAsync(['watch', config]);
    expect(r).toMatchObject({ status: 1, stdout: 'N: 1 report step; not delivered: the page has no notify URL\n' });
  });

  // From a user's pass: capture ran without the page's state, so a state kept in the capture folder (the
  // newest file) was taken for the newest capture: a new copy of the page at every run, and a warning.
  it('a page whose state sits in its capture folder: one capture, no warning, however many runs', async () => {
    const root = mkdtempSync(join(tmpdir(), 'livediff-watch-state-'));
    const config = join(root, 'pages.yml');
    writeFileSync(config, `pages:\n  - name: S\n    url: ${base}/page.txt\n    dir: caps\n    state: caps/state.json\n`);
    for (let run = 0; run < 3; run++) {
      const r = await runCliAsync(['watch', config]);
      expect(r).toMatchObject({ status: 0, stdout: 'S: nothing new\n', stderr: '' });
    }
    expect(readdirSync(join(root, 'caps')).filter((f) => f.endsWith('.txt'))).toHaveLength(1);
  });
});
