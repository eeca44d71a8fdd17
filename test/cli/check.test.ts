// `livediff check` as cron runs it: quiet, then one report, then quiet; every capture since the last run;
// state never touched on trouble, never half written when killed; one report when runs overlap; webhooks.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCapture } from '../helpers/capture.js';
import { ROOT, runCli, runCliAsync } from '../helpers/run.js';
import { listenLocal, stopServer } from '../helpers/server.js';

const MARCH22 = join(ROOT, 'snapshots', 'cnn-russia-ukraine-2023-03-22');
const stamp = (minute: number) => `2023-03-22T10-${String(minute).padStart(2, '0')}-00Z.txt`;

function folder(): { dir: string; state: string; add: (minute: number, source: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'livediff-check-'));
  return {
    dir,
    state: join(dir, '.livediff-state.json'),
    add: (minute, source) => copyFileSync(source, join(dir, stamp(minute))),
  };
}

const check = (dir: string, ...args: string[]) => runCli(['check', dir, ...args]);

describe('livediff check', () => {
  it('is quiet, then reports once, then is quiet again', () => {
    const f = folder();
    f.add(0, join(MARCH22, 'capture-1.txt'));
    const first = check(f.dir, '--state', f.state);
    expect(first).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(f.state, 'utf8'))).toMatchObject({ schema: 'livediff.state/1', capture: stamp(0), reportedAt: null });

    expect(check(f.dir, '--state', f.state)).toMatchObject({ status: 0, stdout: '' });

    f.add(5, join(MARCH22, 'capture-2.txt'));
    const report = check(f.dir, '--state', f.state, '--brief');
    expect(report.status).toBe(1);
    expect(report.stdout).toContain('2 added, 2 left the view (7 unchanged)');
    expect(JSON.parse(readFileSync(f.state, 'utf8'))).toMatchObject({ capture: stamp(5) });

    expect(check(f.dir, '--state', f.state)).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('reports every capture since the last run, so a post added and deleted in between is not missed', () => {
    const f = folder();
    const post = (h: string, minute: number) => ({ time: `10:${String(minute).padStart(2, '0')} a.m. ET, March 22, 2023`, headline: h, byline: null, body: [`${h} text of the post.`] });
    const a = [post('First post', 1)];
    const b = [post('Short-lived post', 3), ...a];
    writeFileSync(join(f.dir, stamp(0)), makeCapture({ title: 'Live', posts: a }));
    expect(check(f.dir, '--state', f.state).status).toBe(0);
    writeFileSync(join(f.dir, stamp(5)), makeCapture({ title: 'Live', posts: b }));
    writeFileSync(join(f.dir, stamp(10)), makeCapture({ title: 'Live', posts: a }));
    const r = check(f.dir, '--state', f.state, '--format', 'json');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ schema: 'livediff.check/2', from: stamp(0), to: stamp(10), captures: 3 });
    expect(json.steps.map((s: { old: string; new: string; report: { summary: { added: number; dropped: number } } }) => [s.old, s.new, s.report.summary.added, s.report.summary.dropped])).toEqual([
      [stamp(0), stamp(5), 1, 0],
      [stamp(5), stamp(10), 0, 1],
    ]);
  });

  it('without a state compares the two newest captures; --only decides what is worth reporting', () => {
    const f = folder();
    f.add(0, join(MARCH22, 'capture-1.txt'));
    f.add(5, join(MARCH22, 'capture-2.txt'));
    expect(check(f.dir).status).toBe(1);
    expect(check(f.dir, '--only', 'dropped,edited')).toMatchObject({ status: 0, stdout: '' });
    expect(existsSync(f.state)).toBe(false);
  });

  it('exits 2 on trouble and leaves the state as it was', () => {
    const f = folder();
    f.add(0, join(MARCH22, 'capture-1.txt'));
    check(f.dir, '--state', f.state);
    const before = readFileSync(f.state, 'utf8');
    writeFileSync(join(f.dir, stamp(5)), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const r = check(f.dir, '--state', f.state);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^livediff: .*${stamp(5)}: expected .*, found a PNG image\\n$`));
    expect(readFileSync(f.state, 'utf8')).toBe(before);

    const corrupt = folder();
    corrupt.add(0, join(MARCH22, 'capture-1.txt'));
    writeFileSync(corrupt.state, '{"half": ');
    expect(check(corrupt.dir, '--state', corrupt.state).stderr).toMatch(/expected a livediff state file .*, found text that is not JSON\n$/);
    expect(check(join(f.dir, stamp(0))).stderr).toMatch(/expected a folder of captures, found a file/);
  });

  it('says clearly when another run holds the lock, and takes over a lock whose process is gone', () => {
    const f = folder();
    f.add(0, join(MARCH22, 'capture-1.txt'));
    writeFileSync(`${f.state}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-11-23T10:00:00Z' }));
    const held = check(f.dir, '--state', f.state);
    expect(held.status).toBe(2);
    expect(held.stderr).toMatch(new RegExp(`another livediff check \\(pid ${process.pid}, since 2026-11-23T10:00:00Z\\) is running`));
    expect(existsSync(f.state)).toBe(false);

    // A pid above Linux's largest (2^22) belongs to no process: the run that held this lock is gone.
    writeFileSync(`${f.state}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: 'earlier' }));
    expect(check(f.dir, '--state', f.state).status).toBe(0);
    expect(existsSync(`${f.state}.lock`)).toBe(false);
    expect(existsSync(f.state)).toBe(true);

    // A lock file with no holder in it: respected while fresh, taken over once old.
    writeFileSync(`${f.state}.lock`, '');
    expect(check(f.dir, '--state', f.state).stderr).toMatch(/another livediff check is starting on this state; this run did nothing/);
    utimesSync(`${f.state}.lock`, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    expect(check(f.dir, '--state', f.state).status).toBe(0);
    expect(existsSync(`${f.state}.lock`)).toBe(false);
  });

  it('reports once when several runs start at the same moment', async () => {
    const f = folder();
    f.add(0, join(MARCH22, 'capture-1.txt'));
    check(f.dir, '--state', f.state);
    f.add(5, join(MARCH22, 'capture-2.txt'));
    const runs = await Promise.all(Array.from({ length: 8 }, () => runCliAsync(['check', f.dir, '--state', f.state, '--brief'])));
    const reported = runs.filter((r) => r.status === 1);
    expect(reported).toHaveLength(1);
    for (const r of runs.filter((x) => x.status !== 1)) {
      if (r.status === 2) expect(r.stderr).toMatch(/another livediff check .*(is running|is starting) on this state; this run did nothing/);
      else expect(r).toMatchObject({ status: 0, stdout: '' });
    }
    expect(check(f.dir, '--state', f.state).status).toBe(0);
  });

  it('leaves the old state or the new one, whole, when killed at any moment', async () => {
    const f = folder();
    f.add(0, join(MARCH22, 'capture-1.txt'));
    check(f.dir, '--state', f.state);
    let killed = 0;
    for (let i = 1; i <= 24; i++) {
      f.add(i, join(MARCH22, i % 2 === 1 ? 'capture-2.txt' : 'capture-1.txt'));
      const r = await runCliAsync(['check', f.dir, '--state', f.state], { killAfterMs: Math.floor(Math.random() * 300) });
      const text = readFileSync(f.state, 'utf8');
      const state = JSON.parse(text);
      expect([stamp(i - 1), stamp(i)]).toContain(state.capture);
      if (r.signal === null) expect(state.capture).toBe(stamp(i));
      else killed++;
      // A killed run leaves at most a stale lock and temporary file; the next run gets over both.
      const next = check(f.dir, '--state', f.state);
      expect(next.status === 0 || next.status === 1).toBe(true);
      expect(JSON.parse(readFileSync(f.state, 'utf8')).capture).toBe(stamp(i));
    }
    expect(killed).toBeGreaterThan(0);
    expect(readdirSync(f.dir).filter((n) => n.startsWith('.'))).toEqual(['.livediff-state.json']);
  });
});

describe('livediff check --webhook', () => {
  let server: Server;
  let url = '';
  const received: Array<{ path: string; type: string | undefined; agent: string | undefined; body: string }> = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (d: string) => (body += d));
      req.on('end', () => {
        received.push({ path: req.url ?? '', type: req.headers['content-type'], agent: req.headers['user-agent'], body });
        if (req.url === '/hang') return; // never answers
        if (req.url === '/gone') return void res.writeHead(410).end();
        if (failuresLeft > 0 || req.url === '/fail') {
          failuresLeft--;
          return void res.writeHead(503).end();
        }
        res.writeHead(204).end();
      });
    });
    url = await listenLocal(server);
  });
  afterAll(() => stopServer(server));

  function changedFolder() {
    const f = folder();
    f.add(0, join(MARCH22, 'capture-1.txt'));
    runCli(['check', f.dir, '--state', f.state]);
    f.add(5, join(MARCH22, 'capture-2.txt'));
    return f;
  }

  it('POSTs the JSON report, after a failed attempt, and advances the state', async () => {
    const f = changedFolder();
    received.length = 0;
    failuresLeft = 1;
    const r = await runCliAsync(['check', f.dir, '--state', f.state, '--webhook', `${url}/hook`, '--webhook-retries', '2', '--quiet']);
    expect(r).toMatchObject({ status: 1, stdout: '', stderr: '' });
    expect(received).toHaveLength(2);
    const delivered = received[1]!;
    expect(delivered).toMatchObject({ path: '/hook', type: 'application/json' });
    expect(delivered.agent).toMatch(/^livediff\//);
    const json = JSON.parse(delivered.body);
    expect(json.schema).toBe('livediff.check/2');
    expect(json.steps[0].report.summary).toMatchObject({ added: 2, 'out-of-view': 2 });
    expect(JSON.parse(readFileSync(f.state, 'utf8')).capture).toBe(stamp(5));
    received.length = 0;
    expect((await runCliAsync(['check', f.dir, '--state', f.state, '--webhook', `${url}/hook`])).status).toBe(0);
    expect(received).toHaveLength(0);
  });

  it('exits 2 and keeps the state when delivery fails, so the next run reports again', async () => {
    const f = changedFolder();
    const before = readFileSync(f.state, 'utf8');
    received.length = 0;
    const failed = await runCliAsync(['check', f.dir, '--state', f.state, '--webhook', `${url}/fail`, '--webhook-retries', '1', '--quiet']);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/^livediff: webhook http:\/\/127\.0\.0\.1:\d+\/fail: HTTP 503 after 2 attempts; the report was not delivered and the state was not advanced\n$/);
    expect(received).toHaveLength(2);
    expect(readFileSync(f.state, 'utf8')).toBe(before);

    const gone = await runCliAsync(['check', f.dir, '--state', f.state, '--webhook', `${url}/gone`, '--quiet']);
    expect(gone.stderr).toMatch(/\/gone: HTTP 410; the report was not delivered/);

    const hang = await runCliAsync(['check', f.dir, '--state', f.state, '--webhook', `${url}/hang`, '--webhook-timeout', '0.3', '--webhook-retries', '0', '--quiet']);
    expect(hang.status).toBe(2);
    expect(hang.stderr).toMatch(/\/hang: no answer within 300 ms; the report was not delivered/);
    expect(readFileSync(f.state, 'utf8')).toBe(before);

    expect((await runCliAsync(['check', f.dir, '--state', f.state, '--webhook', `${url}/hook`, '--quiet'])).status).toBe(1);
  });
});
