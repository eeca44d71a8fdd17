// The watch configuration loader: YAML and JSON, defaults, paths, and one-line errors naming file, page, field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWatchConfig, planWatch, WatchConfigError } from '../../src/watch/config.js';

function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'livediff-watch-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function error(name: string, text: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const path = file(name, text);
  const e = await loadWatchConfig(path, env).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(WatchConfigError);
  const message = (e as Error).message;
  expect(message).not.toContain('\n');
  expect(message.startsWith(`${path}: `)).toBe(true);
  return message.slice(path.length + 2);
}

const YAML_CONFIG = `# three pages
defaults:
  notify:
    - ntfy://ntfy.example/livediff
  only: added,dropped,edited
pages:
  - name: CNN Ukraine
    url: https://edition.cnn.com/live-news/x
    notify:
      - slack://T0001/B0002/\${SLACK_TOKEN}
      - atom:///var/feeds/cnn.xml
    match-threshold: 0.4
  - name: bbc
    dir: /srv/captures/bbc
    input-format: html
    items: article.post
    headline: h2
    only: [added, dropped]
  - name: feed
    dir: feed-captures
    state: states/feed.json
`;

describe('loadWatchConfig', () => {
  it('reads YAML with defaults, relative paths and ${ENV} in notification URLs', async () => {
    const path = file('pages.yml', YAML_CONFIG);
    const base = path.slice(0, -'/pages.yml'.length);
    const config = await loadWatchConfig(path, { SLACK_TOKEN: 'SECRETTOKEN' });
    expect(config.pages).toEqual([
      {
        name: 'CNN Ukraine',
        url: 'https://edition.cnn.com/live-news/x',
        dir: join(base, 'captures/cnn-ukraine'),
        state: join(base, 'captures/cnn-ukraine/.livediff-state.json'),
        notify: ['slack://T0001/B0002/SECRETTOKEN', 'atom:///var/feeds/cnn.xml'],
        only: ['added', 'dropped', 'edited'],
        matchThreshold: 0.4,
      },
      {
        name: 'bbc',
        url: null,
        dir: '/srv/captures/bbc',
        state: '/srv/captures/bbc/.livediff-state.json',
        notify: ['ntfy://ntfy.example/livediff'],
        only: ['added', 'dropped'],
        inputFormat: 'html',
        items: 'article.post',
        headline: 'h2',
      },
      {
        name: 'feed',
        url: null,
        dir: join(base, 'feed-captures'),
        state: join(base, 'states/feed.json'),
        notify: ['ntfy://ntfy.example/livediff'],
        only: ['added', 'dropped', 'edited'],
      },
    ]);
    const plan = planWatch(config);
    expect(plan.map((p) => [p.name, p.capture?.url ?? null, p.lock, p.notify.map((n) => n.target.masked)])).toEqual([
      ['CNN Ukraine', 'https://edition.cnn.com/live-news/x', join(base, 'captures/cnn-ukraine/.livediff-state.json.lock'), ['slack://T0001/***/***', 'atom:///var/feeds/cnn.xml']],
      ['bbc', null, '/srv/captures/bbc/.livediff-state.json.lock', ['ntfy://ntfy.example/livediff']],
      ['feed', null, join(base, 'states/feed.json.lock'), ['ntfy://ntfy.example/livediff']],
    ]);
    expect(plan[1]!.checkArgv).toEqual(['check', '/srv/captures/bbc', '--state', '/srv/captures/bbc/.livediff-state.json', '--only', 'added,dropped', '--input-format', 'html', '--items', 'article.post', '--headline', 'h2']);
    expect(plan[1]!.input).toEqual({ inputFormat: 'html', items: 'article.post', headline: 'h2' });
    expect(JSON.stringify(plan.map((p) => p.checkArgv))).not.toContain('SECRETTOKEN');
  });

  // From a user's pass: one string was split at every comma, so the documented `?to=a@x,b@y` failed.
  it('one notify string is split between URLs, not at the commas of a query', async () => {
    const text = 'pages:\n  - name: M\n    dir: /x\n    notify: mailto://127.0.0.1:8425?to=a@x.org,b@y.org&from=me@x.org, ntfy://127.0.0.1:8402/tt?tags=a,b\n';
    const config = await loadWatchConfig(file('pages.yml', text));
    expect(config.pages[0]!.notify).toEqual(['mailto://127.0.0.1:8425?to=a@x.org,b@y.org&from=me@x.org', 'ntfy://127.0.0.1:8402/tt?tags=a,b']);
  });

  it("names each page's default folder after its name, in any script", async () => {
    const text = 'pages:\n  - name: 乌克兰直播\n    url: https://a.example/live\n  - name: 俄罗斯新闻\n    url: https://b.example/live\n  - name: "Élysée / Live!"\n    url: https://c.example/live\n';
    const path = file('pages.yml', text);
    const config = await loadWatchConfig(path);
    expect(config.pages.map((p) => p.dir)).toEqual(['乌克兰直播', '俄罗斯新闻', 'élysée-live'].map((d) => join(path, '..', 'captures', d)));
  });

  it('takes timeout and retries for the page and its deliveries, from the page or defaults, and checks them', async () => {
    const text = 'defaults:\n  timeout: 5\npages:\n  - name: a\n    url: https://a.example/live\n    retries: 0\n';
    const [plan] = planWatch(await loadWatchConfig(file('pages.yml', text)));
    expect(plan!.capture).toMatchObject({ timeout: 5, retries: 0 });
    expect(plan!.checkArgv.join(' ')).toContain('--webhook-timeout 5 --webhook-retries 0');
    expect(await error('pages.yml', 'pages:\n  - name: a\n    dir: /x\n    timeout: 0\n')).toBe("page 'a': timeout: expected seconds above 0, at most 3600, found 0");
    expect(await error('pages.yml', 'pages:\n  - name: a\n    dir: /x\n    retries: 1.5\n')).toBe("page 'a': retries: expected a whole number from 0 to 10, found 1.5");
    expect(await error('pages.yml', 'pages: []\n')).toBe('pages: expected a list of at least one page, found an empty list');
  });

  it('reads JSON', async () => {
    const config = await loadWatchConfig(file('pages.json', JSON.stringify({ pages: [{ name: 'a', dir: '/x', 'rewrite-threshold': 0.7 }] })));
    expect(config.pages).toEqual([{ name: 'a', url: null, dir: '/x', state: '/x/.livediff-state.json', notify: [], rewriteThreshold: 0.7 }]);
  });

  it('names the file, the page and the field of every mistake', async () => {
    const cases: Array<[string, string, string]> = [
      ['pages.yml', 'pages: [', 'line 1: expected YAML, '],
      ['pages.json', '{"pages": }', 'expected JSON, '],
      ['pages.yml', '- a', "expected a mapping with 'pages', found a list"],
      ['pages.yml', 'pages: []', 'pages: expected a list of at least one page, found an empty list'],
      ['pages.yml', 'page: []', "unknown field 'page' (known: pages, defaults)"],
      ['pages.yml', 'pages:\n  - dir: /x', "page '#1': name: required"],
      ['pages.yml', 'pages:\n  - name: a', "page 'a': needs 'url' (a page to capture) or 'dir' (a folder of captures)"],
      ['pages.yml', 'pages:\n  - {name: a, dir: /x}\n  - {name: a, dir: /y}', "page 'a': name: the name of page #1 too; names must be unique"],
      ['pages.yml', 'pages:\n  - {name: a, dir: /x}\n  - {name: b, dir: /x}', "page 'b': dir: the folder of page 'a' too; each page needs its own"],
      ['pages.yml', 'pages:\n  - {name: a, dir: /x, state: /s}\n  - {name: b, dir: /y, state: /s}', "page 'b': state: the state of page 'a' too; each page needs its own"],
      ['pages.yml', 'pages:\n  - {name: a, dir: /x, match-threshold: 2}', "page 'a': match-threshold: expected a number from 0 to 1, found 2"],
      ['pages.yml', 'pages:\n  - {name: a, dir: /x, only: [added, gone]}', "page 'a': only: expected all, added, dropped, edited, merged, moved, out-of-view, into-view, unchanged, page; found 'gone'"],
      ['pages.yml', 'pages:\n  - {name: a, dir: /x, input-format: pdf}', "page 'a': input-format: expected rss, jsonld, html, feed, text; found 'pdf'"],
      ['pages.yml', 'pages:\n  - {name: a, dir: /x, url: ftp://x}', "page 'a': url: expected an http or https URL, found 'ftp://x'"],
      ['pages.yml', 'pages:\n  - {name: a, dir: /x, colour: red}', "page 'a': unknown field 'colour' (known: name, url, dir, notify, only, match-threshold, rewrite-threshold, timeout, retries, input-format, items, id, time, headline, body, state)"],
      ['pages.yml', 'pages:\n  - {name: a, dir: /x, items: 3}', "page 'a': items: expected a non-empty string, found 3"],
      ['pages.yml', 'defaults: {only: nope}\npages:\n  - {name: a, dir: /x}', "defaults.only: expected all, added, dropped, edited, merged, moved, out-of-view, into-view, unchanged, page; found 'nope'"],
      ['pages.yml', 'defaults: {dir: /x}\npages:\n  - {name: a, dir: /x}', "defaults: unknown field 'dir' (known: notify, only, match-threshold, rewrite-threshold, timeout, retries, input-format, items, id, time, headline, body)"],
      ['pages.yml', 'pages:\n  - {name: a, dir: /x, notify: ["slack://T1/${MISSING}/C"]}', "page 'a': notify: environment variable MISSING is not set"],
      ['pages.yml', 'pages:\n  - name: a\n    name: b\n    dir: /x', 'line 3: expected YAML, Map keys must be unique'],
    ];
    for (const [name, text, expected] of cases) expect(await error(name, text)).toContain(expected);
  });

  it('checks notification URLs up front, never printing their secrets', async () => {
    const message = await error('pages.yml', 'pages:\n  - {name: a, dir: /x, notify: ["gotify://host/TOKENSECRET123"]}');
    expect(message).toMatch(/^page 'a': notify: notify URL gotify:\/\/host\/\*\*\*: unknown scheme 'gotify:'/);
    const bad = await error('pages.yml', 'pages:\n  - {name: a, dir: /x, notify: ["mailto://u:PASSSECRET@smtp.example"]}');
    expect(bad).toBe("page 'a': notify: notify URL mailto://u:***@smtp.example: needs ?to=address (or a user name that is an address)");
  });

  it('says a missing file is missing', async () => {
    await expect(loadWatchConfig('/nonexistent/pages.yml')).rejects.toThrow('/nonexistent/pages.yml: cannot read it (ENOENT)');
  });
});
