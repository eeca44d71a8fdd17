// atom:///path.xml: a valid Atom 1.0 feed of the newest N reports, written atomically, parsed back here.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getElementsByTagName, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { Parser, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { buildNotification, NotifyError, parseNotifyUrls, sendOnce } from '../../src/notify/index.js';
import { hostileNotification, realNotification } from './fixtures.js';

/** Parse strictly: htmlparser2 forgives errors, so check what it would recover from (stray &, unbalanced tags). */
function parseFeed(xml: string): Element {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
  // Well-formedness by hand for what htmlparser2 forgives: every & starts an entity, no < inside text.
  expect(xml.replace(/&(amp|lt|gt|quot|apos|#39|#\d+|#x[0-9a-fA-F]+);/g, '')).not.toContain('&');
  const opened: string[] = [];
  const nesting = new Parser({ onopentag: (name) => opened.push(name), onclosetag: (name) => expect(opened.pop()).toBe(name) }, { xmlMode: true });
  nesting.end(xml);
  expect(opened).toEqual([]);
  const feed = parseDocument(xml, { xmlMode: true }).children.find((n) => n.type === 'tag') as Element;
  expect(feed.name).toBe('feed');
  return feed;
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const child = (e: Element, name: string) => getElementsByTagName(name, e.children, false);

/** The Atom elements RFC 4287 requires, present once each. */
function checkAtom(feed: Element) {
  for (const name of ['id', 'title', 'updated']) expect(child(feed, name)).toHaveLength(1);
  expect(textContent(child(feed, 'updated')[0]!)).toMatch(RFC3339);
  expect(child(feed, 'author')).toHaveLength(1);
  const entries = child(feed, 'entry');
  for (const e of entries) {
    for (const name of ['id', 'title', 'updated', 'content']) expect(child(e, name)).toHaveLength(1);
    expect(textContent(child(e, 'id')[0]!)).toMatch(/^urn:livediff:entry:[0-9a-f]{32}$/);
    expect(textContent(child(e, 'updated')[0]!)).toMatch(RFC3339);
    expect(child(e, 'content')[0]!.attribs.type).toBe('html');
  }
  return entries;
}

const step = (n: number) => {
  const base = realNotification();
  return buildNotification({ page: 'cnn', steps: [{ ...base.steps[0]!, old: `c${n}.txt`, new: `c${n + 1}.txt` }], link: base.link, time: new Date(Date.UTC(2023, 2, 22, 12, n)) });
};

describe('atom', () => {
  it('writes a valid feed, newest entry first, at most N entries, atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-atom-'));
    const path = join(dir, 'feed.xml');
    const [t] = parseNotifyUrls([`atom://${path}?entries=3`]);
    for (let n = 0; n < 5; n++) await sendOnce(t!, step(n), { timeoutMs: 1000 });
    const feed = parseFeed(readFileSync(path, 'utf8'));
    const entries = checkAtom(feed);
    expect(entries.map((e) => textContent(child(e, 'updated')[0]!))).toEqual(['2023-03-22T12:04:00.000Z', '2023-03-22T12:03:00.000Z', '2023-03-22T12:02:00.000Z']);
    expect(textContent(child(feed, 'title')[0]!)).toBe('livediff: cnn');
    expect(getElementsByTagName('link', entries[0]!.children, false)[0]!.attribs.href).toBe('https://example.org/live');
    // The content is HTML, escaped once in the XML: parsed back, it is the HTML.
    expect(textContent(child(entries[0]!, 'content')[0]!)).toMatch(/^<p><strong>cnn: 2 added/);
    // Nothing left over from the temp-file-and-rename.
    expect(readdirSync(dir)).toEqual(['feed.xml']);
  });

  it('replaces the entry of a delivery sent again instead of adding it twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-atom-'));
    const [t] = parseNotifyUrls([`atom://${join(dir, 'f.xml')}`]);
    await sendOnce(t!, step(1), { timeoutMs: 1000 });
    await sendOnce(t!, step(2), { timeoutMs: 1000 });
    await sendOnce(t!, step(2), { timeoutMs: 1000 });
    expect(checkAtom(parseFeed(readFileSync(join(dir, 'f.xml'), 'utf8')))).toHaveLength(2);
  });

  it('escapes hostile capture text and page names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-atom-'));
    const path = join(dir, 'f.xml');
    const [t] = parseNotifyUrls([`atom://${path}`]);
    await sendOnce(t!, hostileNotification(), { timeoutMs: 1000 });
    await sendOnce(t!, step(1), { timeoutMs: 1000 });
    const xml = readFileSync(path, 'utf8');
    const entries = checkAtom(parseFeed(xml));
    expect(entries).toHaveLength(2);
    expect(xml).not.toMatch(/<script|<!channel/);
    expect(textContent(child(entries[1]!, 'content')[0]!)).toContain('&lt;script&gt;');
  });

  it('never overwrites a file that is not a feed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livediff-atom-'));
    const path = join(dir, 'notes.xml');
    writeFileSync(path, '<notes>mine</notes>');
    const [t] = parseNotifyUrls([`atom://${path}`]);
    const e = await sendOnce(t!, step(1), { timeoutMs: 1000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotifyError);
    expect((e as Error).message).toBe(`notify atom://${path}: the file exists and is not an Atom feed; not overwritten`);
    expect(readFileSync(path, 'utf8')).toBe('<notes>mine</notes>');
  });
});
