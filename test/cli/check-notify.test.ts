// `check --notify`: every report reaches every target once, in order; a target that fails gets the same
// report again on the next run (same Idempotency-Key) while the others are not sent it twice.
import { createServer, type Server } from 'node:http';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliAsync } from '../helpers/run.js';
import { listenLocal, stopServer } from '../helpers/server.js';

const MARCH22 = join(ROOT, 'snapshots', 'cnn-russia-ukraine-2023-03-22');
const stamp = (minute: number) => `2023-03-22T10-${String(minute).padStart(2, '0')}-00Z.txt`;

describe('livediff check --notify', () => {
  let server: Server;
  let base = '';
  let failing = true;
  const log: Array<{ path: string; key: string | undefined; title: string | undefined; body: string }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (d: string) => (body += d));
      req.on('end', () => {
        log.push({ path: req.url ?? '', key: req.headers['idempotency-key'] as string | undefined, title: req.headers.title as string | undefined, body });
        res.writeHead(req.url === '/flaky' && failing ? 503 : 200).end();
      });
    });
    base = (await listenLocal(server)).replace('http://', '');
  });
  afterAll(() => stopServer(server));

  it('retries only the failed target, with the same report, and delivers reports that piled up in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-notify-'));
    const state = join(dir, '.state.json');
    const run = () => runCliAsync(['check', dir, '--state', state, '--quiet', '--webhook-retries', '0', '--notify', `json://${base}/flaky`, '--notify', `ntfy://${base}/topic`]);
    copyFileSync(join(MARCH22, 'capture-1.txt'), join(dir, stamp(0)));
    expect((await run()).status).toBe(0);
    copyFileSync(join(MARCH22, 'capture-2.txt'), join(dir, stamp(5)));
    const a = await run();
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/^livediff: notify json:\/\/127\.0\.0\.1:\d+\/flaky: HTTP 503; the next run sends it again/);
    copyFileSync(join(MARCH22, 'capture-1.txt'), join(dir, stamp(10)));
    const b = await run();
    expect(b.status).toBe(2);
    const outbox = JSON.parse(readFileSync(state, 'utf8')).outbox;
    expect(outbox.map((e: { capture: string; targets: unknown[] }) => [e.capture, e.targets.length])).toEqual([[stamp(5), 1], [stamp(10), 1]]);
    failing = false;
    const c = await run();
    expect(c).toMatchObject({ status: 1, stderr: '' });
    expect(JSON.parse(readFileSync(state, 'utf8')).outbox).toBeUndefined();
    const flaky = log.filter((r) => r.path === '/flaky');
    const topic = log.filter((r) => r.path === '/topic');
    // ntfy got each report once, as they came; the JSON webhook got the first three times, the second twice.
    expect(topic.map((r) => r.key)).toEqual([outbox[0].id, outbox[1].id]);
    expect(topic[0]!.title).toMatch(/^livediff: livediff-notify-/);
    expect(flaky.map((r) => r.key)).toEqual([outbox[0].id, outbox[0].id, outbox[0].id, outbox[1].id]);
    expect(flaky.map((r) => JSON.parse(r.body).to)).toEqual([stamp(5), stamp(5), stamp(5), stamp(10)]);
    expect((await run()).status).toBe(0);
    expect(log).toHaveLength(6);
  });
});
