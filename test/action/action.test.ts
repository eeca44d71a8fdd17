// The Action's entry point in real temporary repositories: a push of capture commits, a new branch, a first
// commit, a deleted capture, a shallow checkout, a capture job's own commit, hostile capture text, and a
// summary too large for GitHub.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeCapture, stamp } from '../helpers/capture.js';
import { CAPTURE_1, CAPTURE_2, OTHER_DAY, Repo } from '../git/repo.js';
import { runActionIn } from './run.js';

const ZEROS = '0'.repeat(40);

describe('the Action on a push', () => {
  const repo = new Repo();
  const c1 = repo.commit({ 'snapshots/cnn.txt': CAPTURE_1, 'snapshots/other.txt': OTHER_DAY, 'README.md': 'hi\n' });
  const c2 = repo.commit({ 'snapshots/cnn.txt': CAPTURE_2 });
  const c3 = repo.commit({ 'snapshots/other.txt': null });
  const push = (before: string, after: string, commits: string[]) => ({ event: { before, after, commits: commits.map((id) => ({ id })) }, sha: after, workspace: repo.dir });

  it('writes the summary, the report and the outputs for the pushed commits', async () => {
    const r = await runActionIn(push(c1, c2, [c2]));
    expect(r.code).toBe(0);
    expect(r.summary).toContain(`## livediff: ${repo.short(c1)} → ${repo.short(c2)}\n\n**2 posts added**`);
    // `@` is broken with a zero-width space in Markdown, as for any text that could mention someone.
    expect(r.summary).toContain(`### livediff: snapshots/cnn.txt@&#8203;${repo.short(c1)} → snapshots/cnn.txt@&#8203;${repo.short(c2)}`);
    expect(r.summary).toContain("#### 🟢 Added: Analysis: How Xi and Putin's new friendship could test the US");
    expect(r.outputs).toMatchObject({ changed: 'true', added: '2', dropped: '0', edited: '0', 'files-added': '0', 'files-deleted': '0', 'files-modified': '1', message: '2 posts added' });
    expect(readFileSync(r.outputs.report!, 'utf8')).toContain('#### 🟢 Added: Analysis');
    // The same comparison as one self-contained page, for an artifact.
    const html = readFileSync(r.outputs.html!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("Content-Security-Policy");
    expect(html).toContain("Analysis: How Xi and Putin&#39;s new friendship could test the US");
    expect(r.log).toContain('::group::livediff: snapshots/cnn.txt (modified)\n::stop-commands::livediff-');
    expect(r.log).toContain('2 added, 2 out of view; 7 unchanged');
    expect(r.log.trimEnd().split('\n').at(-1)).toBe('livediff: 2 posts added');
  });

  it('a deleted capture is reported as such; `format: json` writes livediff.git/4', async () => {
    const r = await runActionIn({ ...push(c2, c3, [c3]), inputs: { format: 'json' } });
    expect(r.code).toBe(0);
    expect(r.summary).toContain('### 🗑️ Deleted capture: snapshots/other.txt');
    expect(r.outputs).toMatchObject({ changed: 'true', 'files-deleted': '1', message: '1 capture deleted' });
    const doc = JSON.parse(readFileSync(r.outputs.report!, 'utf8'));
    expect(doc.files).toMatchObject([{ path: 'snapshots/other.txt', status: 'deleted', report: null, capture: { posts: 9 } }]);
  });

  it('a new branch (before all zeros): from the parent of its first new commit', async () => {
    const r = await runActionIn(push(ZEROS, c3, [c2, c3]));
    expect(r.code).toBe(0);
    expect(r.summary).toContain(`## livediff: ${repo.short(c1)} → ${repo.short(c3)}`);
    expect(r.outputs).toMatchObject({ added: '2', 'files-deleted': '1', message: '2 posts added; 1 capture deleted' });
  });

  it('a first commit: every capture is new; a new branch without commits: nothing to compare', async () => {
    const first = await runActionIn(push(ZEROS, c1, [c1]));
    expect(first.code).toBe(0);
    expect(first.summary).toContain('## livediff: (nothing) →');
    expect(first.summary).toContain('### 🆕 New capture: snapshots/cnn.txt');
    expect(first.outputs).toMatchObject({ changed: 'true', 'files-added': '2', message: '2 new captures' });
    const none = await runActionIn(push(ZEROS, c3, []));
    expect([none.code, none.outputs.changed, none.outputs.message]).toEqual([0, 'false', 'no capture changed']);
  });

  // Noticed in an exploratory run of `livediff git`: the message said `no capture changed` for a commit
  // that replaced the only capture with an error page.
  it('a capture replaced by an error page: a warning, and a message that does not say nothing changed', async () => {
    const broken = new Repo();
    const b1 = broken.commit({ 'snapshots/cnn.txt': CAPTURE_1 });
    const b2 = broken.commit({ 'snapshots/cnn.txt': 'Service unavailable\n\nPlease try again later.\n' });
    const r = await runActionIn({ event: { before: b1, after: b2, commits: [{ id: b2 }] }, sha: b2, workspace: broken.dir });
    expect(r.code).toBe(0);
    expect(r.log).toContain('::warning title=livediff::livediff skipped snapshots/cnn.txt@');
    expect(r.outputs).toMatchObject({ changed: 'false', message: '1 capture could not be read' });
  });

  it('paths, only and fail-on-change', async () => {
    const other = await runActionIn({ ...push(c1, c3, [c2, c3]), inputs: { paths: 'snapshots/other.txt\n' } });
    expect(other.outputs).toMatchObject({ 'files-modified': '0', 'files-deleted': '1' });
    const edited = await runActionIn({ ...push(c1, c2, [c2]), inputs: { only: 'edited', 'fail-on-change': 'true' } });
    expect([edited.code, edited.outputs.changed]).toEqual([0, 'false']);
    const fail = await runActionIn({ ...push(c1, c2, [c2]), inputs: { 'fail-on-change': 'true' } });
    expect(fail.code).toBe(1);
    expect(fail.log).toContain('::error title=livediff::livediff: 2 posts added (fail-on-change is set)');
    const bad = await runActionIn({ ...push(c1, c2, [c2]), inputs: { 'fail-on-change': 'yes' } });
    expect([bad.code, bad.log]).toEqual([1, "::error title=livediff::livediff: input 'fail-on-change' takes true or false; found 'yes'\n"]);
    // A bad `only` is named as the input it is, not as the CLI's --only.
    const badOnly = await runActionIn({ ...push(c1, c2, [c2]), inputs: { only: 'edited,nope' } });
    expect(badOnly.code).toBe(1);
    expect(badOnly.log).toMatch(/^::error title=livediff::livediff: input 'only' takes all, .*; found 'nope'\n$/);
  });

  it('the committed bundle behaves as the source', async () => {
    const r = await runActionIn({ ...push(c1, c2, [c2]), bundle: true });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ changed: 'true', added: '2', message: '2 posts added' });
    expect(r.summary).toContain('#### 🟢 Added: Analysis');
  });
});

describe('the Action in a capture job (schedule), and in a shallow checkout', () => {
  it('compares what the job committed (GITHUB_SHA → HEAD), or with `head: worktree` what it is about to commit', async () => {
    const repo = new Repo();
    const start = repo.commit({ 'page.txt': CAPTURE_1 });
    repo.write({ 'page.txt': CAPTURE_2, 'second.txt': OTHER_DAY });
    const before = await runActionIn({ event: {}, eventName: 'schedule', sha: start, workspace: repo.dir, inputs: { head: 'worktree' } });
    expect(before.outputs).toMatchObject({ changed: 'true', message: '2 posts added; 1 new capture' });
    repo.commit({});
    const after = await runActionIn({ event: {}, eventName: 'schedule', sha: start, workspace: repo.dir });
    expect(after.outputs).toMatchObject({ changed: 'true', message: '2 posts added; 1 new capture' });
  });

  it('fetches `before` into a shallow clone when it can, else says to use fetch-depth', async () => {
    const origin = new Repo();
    const c1 = origin.commit({ 'page.txt': CAPTURE_1 });
    const c2 = origin.commit({ 'page.txt': CAPTURE_2 });
    const clone = new Repo(`${origin.dir}-clone`);
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, clone.dir]);
    const event = { event: { before: c1, after: c2, commits: [{ id: c2 }] }, sha: c2, workspace: clone.dir };
    const fetched = await runActionIn(event);
    expect([fetched.code, fetched.outputs.message]).toEqual([0, '2 posts added']);

    const lonely = new Repo(`${origin.dir}-lonely`);
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, lonely.dir]);
    lonely.git('remote', 'remove', 'origin');
    const r = await runActionIn({ ...event, workspace: lonely.dir });
    expect(r.code).toBe(1);
    expect(r.log).toBe(
      `::error title=livediff::livediff: the commit before this push (${c1.slice(0, 12)}) is not in this shallow checkout. ` +
        'Give actions/checkout `fetch-depth: 0` (or `fetch-depth: 2` when each push brings one commit).\n',
    );
    expect(r.summary).toBe('');
  });
});

describe('hostile capture text and a summary too large for GitHub', () => {
  const hostile = makeCapture({
    posts: [
      { time: stamp(700), headline: '@everyone <img src=x onerror=alert(1)> look', body: ['::set-output name=x::y', '  ::error::forged', 'a ##[set-output name=z;]w here', 'red \u001b[31mALERT\u001b[0m text'] },
      { time: stamp(600), headline: 'A quiet post', body: ['Nothing to see here, the body of a quiet post.'] },
    ],
  });
  const quiet = makeCapture({ posts: [{ time: stamp(600), headline: 'A quiet post', body: ['Nothing to see here, the body of a quiet post.'] }] });

  it('cannot forge workflow commands, mention anyone or inject HTML', async () => {
    const repo = new Repo();
    const c1 = repo.commit({ 'live/page.txt': quiet });
    const c2 = repo.commit({ 'live/page.txt': hostile, 'live/evil\n::error::pwned.txt': hostile });
    const r = await runActionIn({ event: { before: c1, after: c2 }, sha: c2, workspace: repo.dir });
    expect(r.code).toBe(0);
    // Every line the runner would read as a command is one the Action wrote.
    const commands = r.log.split('\n').filter((l) => l.trimStart().startsWith('::'));
    for (const c of commands) expect(c).toMatch(/^::(group|endgroup|stop-commands|livediff-[0-9a-f-]{36})::/);
    expect(r.log).not.toContain('##[');
    expect(r.log).not.toContain('\u001b[31mALERT'); // the capture's escape is shown, not run
    expect(r.log).toContain('\\x1b[31mALERT');
    expect(r.log).toContain('::group::livediff: live/evil\\x0a::error::pwned.txt (added)');
    expect(r.summary).not.toMatch(/<img|@everyone|\u001b/);
    expect(r.summary).toContain('@&#8203;everyone &lt;img src=x onerror=alert(1)&gt; look');
    expect(r.summary).toContain('### 🆕 New capture: live/evil ::error::pwned.txt');
    expect(Object.keys(r.outputs).sort()).toEqual(['added', 'changed', 'dropped', 'edited', 'files-added', 'files-deleted', 'files-modified', 'html', 'message', 'report']);
    expect(r.outputs.message).toBe('1 post added; 1 new capture');
    // The HTML page shows the hostile text as text: no element or handler from the capture.
    const html = readFileSync(r.outputs.html!, 'utf8');
    expect(html).not.toMatch(/<img|\u001b/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps the job summary under 1 MiB with a note; the report file has everything', async () => {
    const repo = new Repo();
    const paragraph = 'A long paragraph of a live post that repeats itself to make the report large. '.repeat(12);
    const many = makeCapture({ posts: Array.from({ length: 1500 }, (_, i) => ({ time: stamp(i % 1440), headline: `Post number ${i} of a very long live page`, body: [`${i}: ${paragraph}`] })) });
    const c1 = repo.commit({ 'page.txt': quiet });
    const c2 = repo.commit({ 'page.txt': many });
    const r = await runActionIn({ event: { before: c1, after: c2 }, sha: c2, workspace: repo.dir });
    expect(r.code).toBe(0);
    const size = Buffer.byteLength(r.summary);
    expect(size).toBeLessThanOrEqual(1024 * 1024);
    expect(size).toBeGreaterThan(900 * 1024);
    expect(r.summary).toMatch(/> \*\*Note:\*\* this summary was cut to stay under GitHub's 1 MiB limit; .* upload it as an artifact to keep it\.\n$/);
    expect(r.summary.split('<details>').length).toBe(r.summary.split('</details>').length);
    expect(readFileSync(r.outputs.report!, 'utf8')).toContain('Post number 1499 of a very long live page');
  });
});

describe('the Action on a force-push and on a page rollover (issue 17)', () => {
  it('compares with the previous commit on a force-push and says so; a rollover is a change that gets committed', async () => {
    const repo = new Repo();
    const c1 = repo.commit({ 'page.txt': OTHER_DAY });
    const c2 = repo.commit({ 'page.txt': CAPTURE_1 }); // the next day: a new page
    const c3 = repo.commit({ 'page.txt': CAPTURE_2 });
    const rollover = await runActionIn({ event: { before: c1, after: c2, commits: [{ id: c2 }] }, sha: c2, workspace: repo.dir });
    expect(rollover.code).toBe(0);
    // As `livediff check` words a page change, in the message, the notice, the log and the summary (whose
    // line said `no capture changed`: the rollover was left out of it).
    const line = 'page changed: March 21, 2023 - Russia-Ukraine news -> March 22, 2023 - Russia-Ukraine news';
    expect(rollover.outputs).toMatchObject({ changed: 'true', message: line, 'files-modified': '1', dropped: '0' });
    expect(rollover.log).toContain(`::notice title=livediff::livediff: page.txt: ${line}\n`);
    expect(rollover.log).toContain(`::group::livediff: page.txt (modified)\n`);
    expect(rollover.log).not.toContain('::warning');
    expect(rollover.summary).toContain(`**1 page changed**`);
    expect(rollover.summary).toContain(`**page changed:** March 21, 2023 - Russia-Ukraine news -> March 22, 2023 - Russia-Ukraine news\n`);
    expect(JSON.parse(readFileSync((await runActionIn({ event: { before: c1, after: c2 }, sha: c2, workspace: repo.dir, inputs: { format: 'json' } })).outputs.report!, 'utf8')).files).toMatchObject([{ path: 'page.txt', pageChanged: { new: 'March 22, 2023 - Russia-Ukraine news' } }]);

    const gone = 'deadbeef'.repeat(5);
    const lost = await runActionIn({ event: { before: gone, after: c3, commits: [{ id: c3 }] }, sha: c3, workspace: repo.dir });
    expect(lost.code).toBe(0);
    expect(lost.outputs).toMatchObject({ changed: 'true', message: '2 posts added' });
    expect(lost.log).toContain(`::warning title=livediff::livediff: the commit before this push (${gone.slice(0, 12)}) is not in the history: compared each changed capture with its version in the previous commit (${c2.slice(0, 7)})\n`);

    const forced = await runActionIn({ event: { before: c1, after: c3, forced: true, commits: [{ id: c3 }] }, sha: c3, workspace: repo.dir });
    expect(forced.outputs).toMatchObject({ changed: 'true', message: '2 posts added' });
    expect(forced.log).toContain('::warning title=livediff::livediff: a force-push: compared each changed capture with its version in the previous commit');
  });
});

describe('the Action on a renamed capture', () => {
  it('compares it with its older version: no post change, nothing deleted, the message says renamed', async () => {
    const repo = new Repo();
    const c1 = repo.commit({ 'snapshots/live.txt': CAPTURE_2 });
    const c2 = repo.commit({ 'snapshots/live.txt': null, 'snapshots/ukraine.txt': CAPTURE_2 });
    const r = await runActionIn({ event: { before: c1, after: c2, commits: [{ id: c2 }] }, sha: c2, workspace: repo.dir });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ changed: 'false', dropped: '0', 'files-added': '0', 'files-deleted': '0', message: '1 capture renamed' });
    expect(r.summary).not.toContain('Deleted capture');
    expect(r.summary).toContain('### livediff: snapshots/live.txt@&#8203;');
    expect(r.log).toContain('::group::livediff: snapshots/ukraine.txt (renamed)\n');
  });
});

describe('the Action on a malformed event payload', () => {
  const repo = new Repo();
  const c1 = repo.commit({ 'snapshots/cnn.txt': CAPTURE_1 });

  for (const [what, event] of [
    ['before as a number', { before: 42, after: c1 }],
    ['commits as a string', { before: ZEROS, after: c1, commits: 'abc' }],
  ] as const) {
    it(`fails in one line (${what}) rather than report "nothing to compare"`, async () => {
      const r = await runActionIn({ event, sha: c1, workspace: repo.dir });
      expect(r.code).not.toBe(0);
      expect(r.log).toMatch(/::error title=livediff::livediff: .*event\.json: expected .*, found /);
      expect(r.log.split("\n").filter((l) => l.startsWith("::error")).length).toBe(1);
      expect(r.outputs.changed).toBeUndefined();
    });
  }
});
