// An Atom 1.0 feed file (atom:///abs/path.xml?entries=20): each delivery becomes an entry, the newest
// N are kept, and the file is replaced atomically (temp file in the same folder, then rename), so a feed
// reader never sees half a file. An entry's id is derived from the page and its steps: a delivery that
// is retried replaces its entry instead of adding a second one.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crypto } from '../builtins.js';
import type { Element } from 'domhandler';
import { escapeXml, htmlOf, plainText, truncate } from './text.js';
import { type Channel, type Notification, NotifyError, NotifyUsageError, type Target } from './types.js';

export const ATOM_DEFAULT_ENTRIES = 20;
const ATOM_NS = 'http://www.w3.org/2005/Atom';

interface Atom {
  path: string;
  entries: number;
}

const sha = (s: string) => crypto().createHash('sha256').update(s).digest('hex');

/** The entry's id: the same page and steps give the same id. */
export function entryId(message: Notification): string {
  return `urn:livediff:entry:${sha(JSON.stringify([message.page, message.steps.map((s) => [s.old, s.new])])).slice(0, 32)}`;
}

function entryXml(message: Notification): string {
  const link = message.link ? `\n    <link rel="alternate" href="${escapeXml(message.link)}"/>` : '';
  return `<entry>
    <id>${entryId(message)}</id>
    <title>${escapeXml(truncate(message.summary, 300))}</title>
    <updated>${message.time}</updated>${link}
    <content type="html">${escapeXml(htmlOf(message.summary, plainText(message.markdown), message.link))}</content>
  </entry>`;
}

/** The entries already in the feed, serialised again, without the one `skipId` replaces. */
async function existingEntries(target: Target<Atom>, skipId: string): Promise<string[]> {
  let text: string;
  try {
    text = readFileSync(target.data.path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new NotifyError(target.scheme, target.masked, `cannot read the feed (${(error as NodeJS.ErrnoException).code})`, false);
  }
  const { parseDocument } = await import('htmlparser2');
  const { getElementsByTagName, getOuterHTML, textContent } = await import('domutils');
  const dom = parseDocument(text, { xmlMode: true });
  const feed = dom.children.find((n) => n.type === 'tag');
  // A file that is not a feed is someone's data: never overwrite it.
  if (!feed || (feed as Element).name !== 'feed') {
    throw new NotifyError(target.scheme, target.masked, 'the file exists and is not an Atom feed; not overwritten', false);
  }
  return getElementsByTagName('entry', (feed as Element).children, false)
    .filter((e) => textContent(getElementsByTagName('id', e.children, false, 1)).trim() !== skipId)
    .map((e) => getOuterHTML(e, { xmlMode: true }));
}

export const atom: Channel<Atom> = {
  schemes: ['atom'],
  parse(url) {
    if (url.host || !url.pathname.startsWith('/') || url.pathname.length < 2) throw new NotifyUsageError('expected atom:///absolute/path/feed.xml (three slashes)');
    const n = Number(url.searchParams.get('entries') ?? ATOM_DEFAULT_ENTRIES);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new NotifyUsageError('entries= takes a whole number from 1 to 1000');
    return { path: decodeURIComponent(url.pathname), entries: n };
  },
  async send(target, message) {
    const { path, entries } = target.data;
    const id = entryId(message);
    const kept = (await existingEntries(target, id)).slice(0, entries - 1);
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="${ATOM_NS}">
  <id>urn:livediff:feed:${sha(path).slice(0, 32)}</id>
  <title>${escapeXml(`livediff: ${message.page}`)}</title>
  <updated>${message.time}</updated>
  <author><name>livediff</name></author>
  <generator>livediff</generator>
  ${[entryXml(message), ...kept].join('\n  ')}
</feed>
`;
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${crypto().randomBytes(4).toString('hex')}.tmp`);
    try {
      writeFileSync(temp, xml);
      renameSync(temp, path);
    } catch (error) {
      rmSync(temp, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      throw new NotifyError(target.scheme, target.masked, `cannot write the feed (${code})`, code === 'EBUSY' || code === 'EAGAIN');
    }
  },
};
