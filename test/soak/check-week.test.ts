// Soak: a simulated week of captures (a page rollover every day, error pages, empty files) arriving in a
// folder, and a loop of real `livediff check` runs (the built CLI) against a local receiver that fails
// with 503 for a while, some runs started two at a time, some killed with SIGKILL at random moments.
//
// The guarantee checked: each reportable step is in exactly one report (one Idempotency-Key), and every
// report reaches the receiver, in order. As HTTP requests a report may arrive more than once (a run killed
// after the receiver's 2xx and before the state write sends it again with the same key), so the receiver's
// log is deduplicated on the key: after that, zero steps lost and zero duplicated. Raw repeats are counted.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCapture, type PostSpec, stamp } from '../helpers/capture.js';
import { runCliAsync } from '../helpers/run.js';
import { listenLocal, stopServer } from '../helpers/server.js';
import { prng } from '../../bench/prng.mjs';

interface WeekFile {
  name: string;
  text: string | Buffer;
  good: boolean;
}

const WORDS = 'river court vote budget harbor council bridge market school rail storm energy'.split(' ');

/** Seven days of 48 captures, each day a new page; the steps a correct monitor reports, in order. */
function week(random: () => number): { files: WeekFile[]; expected: string[] } {
  const files: WeekFile[] = [];
  const expected: string[] = [];
  let lastGood: string | null = null;
  let lastText = '';
  for (let day = 1; day <= 7; day++) {
    let posts: PostSpec[] = [];
    let serial = 0;
    const newPost = (minute: number): PostSpec => {
      serial++;
      const w = (i: number) => WORDS[Math.floor(random() * WORDS.length)]! + i;
      return { time: stamp(minute, day), headline: `Day ${day} update ${serial} on the ${w(1)}`, byline: null, body: [`Update ${serial} of day ${day}: the ${w(2)} and the ${w(3)} are in the news, says a ${w(4)} source.`] };
    };
    for (let slot = 0; slot < 48; slot++) {
      const minute = slot * 30;
      const name = `2023-03-0${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}-${String(minute % 60).padStart(2, '0')}-00Z.txt`;
      const roll = random();
      if (slot === 0) posts = [newPost(minute), newPost(minute)];
      else if (roll < 0.45) posts = [newPost(minute), ...posts];
      else if (roll < 0.6 && posts.length > 0) {
        const i = Math.floor(random() * posts.length);
        posts = posts.map((p, j) => (j === i ? { ...p, body: [`${p.body[0]} Edited at ${minute}.`] } : p));
      } else if (roll < 0.67 && posts.length > 2) {
        const i = 1 + Math.floor(random() * (posts.length - 1));
        posts = posts.filter((_, j) => j !== i);
      }
      const text = makeCapture({ title: `March ${day}, 2023 - Soak live page`, updated: null, posts });
      if (lastGood !== null && text !== lastText) expected.push(`${lastGood} ${name}`);
      files.push({ name, text, good: true });
      lastGood = name;
      lastText = text;
      const bad = random();
      const badName = name.replace('-00Z.txt', '-30Z.txt');
      if (bad < 0.03) files.push({ name: badName, text: '', good: false });
      else if (bad < 0.06) files.push({ name: badName, text: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>', good: false });
      else if (bad < 0.075) files.push({ name: badName, text: 'Sign in to keep reading\nEmail\nPassword\n', good: false });
      else if (bad < 0.085) files.push({ name: badName, text: Buffer.from([0x4c, 0x69, 0x76, 0x65, 0xc3, 0x28, 0xff, 0x0a]), good: false });
    }
  }
  return { files, expected };
}

describe('soak: a week of check runs', () => {
  let server: Server;
  let base = '';
  let failing = false;
  const log: Array<{ key: string; ok: boolean; steps: string[] }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (d: string) => (body += d));
      req.on('end', () => {
        const steps = (JSON.parse(body).steps as Array<{ old: string; new: string }>).map((s) => `${s.old} ${s.new}`);
        log.push({ key: String(req.headers['idempotency-key']), ok: !failing, steps });
        res.writeHead(failing ? 503 : 204).end();
      });
    });
    base = (await listenLocal(server)).replace('http://', '');
  });
  afterAll(() => stopServer(server));

  it('delivers every reportable step exactly once, in order, through rollovers, bad files, outages, overlaps and kills', async () => {
    const random = prng(17);
    const { files, expected } = week(random);
    const dir = mkdtempSync(join(tmpdir(), 'livediff-soak-'));
    const state = join(dir, 'state', 'check.json');
    const args = ['check', dir, '--state', state, '--quiet', '--notify', `json://${base}/hook`, '--webhook-retries', '0', '--webhook-timeout', '2', '--max-delivery-attempts', '1000'];
    const stats = { runs: 0, killed: 0, overlapped: 0, exit2: 0, skippedWarnings: 0 };
    const stderr: string[] = [];
    const run = async (killAfterMs?: number) => {
      stats.runs++;
      const r = await runCliAsync(args, killAfterMs === undefined ? {} : { killAfterMs });
      if (r.signal !== null) stats.killed++;
      if (r.status === 2) stats.exit2++;
      stderr.push(r.stderr);
      stats.skippedWarnings += (r.stderr.match(/^livediff: skipped /gm) ?? []).length;
    };
    // Cron starts before the first capture: an empty folder is "nothing yet". The guarantee holds from the
    // first run that records a state (before it, "the two newest" is all a run without a state compares).
    await run();
    writeFileSync(join(dir, files[0]!.name), files[0]!.text);
    await run();
    expect(stderr.join('')).toBe('');
    let next = 1;
    for (let iteration = 0; next < files.length; iteration++) {
      // The capture job: one to six new files (written whole, then renamed into place).
      for (let n = 1 + Math.floor(random() * 6); n > 0 && next < files.length; n--, next++) {
        const f = files[next]!;
        writeFileSync(join(dir, `.${f.name}.tmp`), f.text);
        renameSync(join(dir, `.${f.name}.tmp`), join(dir, f.name));
      }
      failing = iteration >= 12 && iteration < 30; // the receiver is down for a while, then recovers
      const roll = random();
      if (roll < 0.2) await run(30 + Math.floor(random() * 250));
      else if (roll < 0.32) {
        stats.overlapped++;
        await Promise.all([run(), run(random() < 0.5 ? 60 + Math.floor(random() * 200) : undefined)]);
      } else await run();
    }
    failing = false;
    for (let n = 0; n < 3; n++) await run();

    expect(stderr.join('')).not.toMatch(/internal error/);
    expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ capture: files.filter((f) => f.good).at(-1)!.name });
    expect(JSON.parse(readFileSync(state, 'utf8')).outbox).toBeUndefined();

    // Deduplicated on the Idempotency-Key, in order of first acknowledgement.
    const acked = new Set<string>();
    const delivered: string[] = [];
    let rawRepeats = 0;
    for (const r of log.filter((x) => x.ok)) {
      if (acked.has(r.key)) {
        rawRepeats++;
        continue;
      }
      acked.add(r.key);
      delivered.push(...r.steps);
    }
    // Every step is in one report only: no key carries a step another key carried.
    const keyOf = new Map<string, string>();
    for (const r of log) for (const s of r.steps) expect(keyOf.get(s) ?? r.key).toBe(r.key), keyOf.set(s, r.key);
    const lost = expected.filter((s) => !delivered.includes(s)).length;
    const duplicated = delivered.length - new Set(delivered).size;
    const bad = files.filter((f) => !f.good).length;
    const pageChanges = 6;
    console.log(
      `soak: ${files.length} files (${bad} bad), ${expected.length} reportable steps (${pageChanges} page changes), ${stats.runs} runs ` +
        `(${stats.killed} killed, ${stats.overlapped} overlapping pairs, ${stats.exit2} exit 2), ${log.length} POSTs ` +
        `(${log.filter((x) => !x.ok).length} refused with 503, ${rawRepeats} repeats of an acknowledged key), ${acked.size} reports; ` +
        `lost ${lost}, duplicated ${duplicated}; ${stats.skippedWarnings} skip warnings`,
    );
    expect(expected.filter((s) => !delivered.includes(s))).toEqual([]);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(delivered).toEqual(expected);
    expect(stats.skippedWarnings).toBeGreaterThanOrEqual(bad);
    expect(stats.skippedWarnings).toBeLessThanOrEqual(bad + stats.killed);
    expect(stats.killed).toBeGreaterThan(0);
    expect(log.some((x) => !x.ok)).toBe(true);
  }, 300_000);
});
