#!/usr/bin/env node
// Builds the fixture pairs in test/fixtures-formats/<case>/ for the html, jsonld, feed and rss adapters.
//
// The jsonld, feed and rss cases start from the real Guardian data in snapshots/jsonld/ and apply a scripted
// change; the html and ticker cases are small pages written here. Each case writes old.<ext>, new.<ext>,
// case.json (the command-line options that read it) and expected.json, whose expectations are written by
// hand below from the change the case makes. It never runs livediff. Deterministic.
//
// Usage: node scripts/make-format-fixtures.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test', 'fixtures-formats');
const LD = path.join(ROOT, 'snapshots', 'jsonld');
const readJson = (f) => JSON.parse(fs.readFileSync(path.join(LD, f), 'utf8'));

function write(name, { ext, old, neu, args = [], description, summary, posts, exit = 1 }) {
  const dir = path.join(OUT, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `old.${ext}`), old);
  fs.writeFileSync(path.join(dir, `new.${ext}`), neu);
  const all = { added: 0, dropped: 0, edited: 0, 'out-of-view': 0, 'into-view': 0, unchanged: 0, moved: 0 };
  for (const p of posts) {
    all[p.status]++;
    if (p.moved) all.moved++;
  }
  for (const [k, v] of Object.entries(summary)) if (all[k] !== v) throw new Error(`${name}: summary ${k} ${v} but posts say ${all[k]}`);
  const expected = { description, args, exit, summary: all, posts };
  fs.writeFileSync(path.join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
}

const same = (o, n) => ({ status: 'unchanged', old: o, new: n, moved: false, fields: [] });
const range = (from, to, shift) => Array.from({ length: to - from }, (_, i) => same(from + i, from + i + shift));

// ——— jsonld: the real Mars live blog, one update published, two leave page 1, one edited, one re-posted ———
{
  const oldDoc = readJson('guardian-liveblog-linkeddata-mars-2021-02-19.json');
  const neuDoc = structuredClone(oldDoc);
  const ups = neuDoc[0].liveBlogUpdate;
  // Old updates 0..12. Edit old 3's body, re-post old 5 under a new @id, drop old 11 and 12 off page 1.
  ups[3].articleBody = ups[3].articleBody.replace('today?', 'today? Try it now.');
  ups[5]['@id'] = `${ups[5]['@id']}-reposted`;
  ups.splice(11, 2);
  ups.unshift({ ...ups[0], '@id': 'new-update-1', articleBody: 'Nasa says the helicopter Ingenuity survived its first night alone on Mars.' });
  write('jsonld-guardian', {
    ext: 'json',
    old: JSON.stringify(oldDoc, null, 2),
    neu: JSON.stringify(neuDoc, null, 2),
    description:
      'Real Guardian JSON-LD (13 updates): one update published on top, the two oldest leave page 1 (out-of-view), one body edited (same @id), one re-posted under a new @id (edited [id]).',
    summary: { added: 1, 'out-of-view': 2, edited: 2 },
    posts: [
      { status: 'added', old: null, new: 0, moved: false, fields: [] },
      ...range(0, 3, 1),
      { status: 'edited', old: 3, new: 4, moved: false, fields: ['body'] },
      same(4, 5),
      { status: 'edited', old: 5, new: 6, moved: false, fields: ['id'] },
      ...range(6, 11, 1),
      { status: 'out-of-view', old: 11, new: null, moved: false, fields: [] },
      { status: 'out-of-view', old: 12, new: null, moved: false, fields: [] },
    ],
  });
}

// ——— feed: the Guardian page model's blocks read with field options ———
{
  const oldDoc = readJson('guardian-fe-article-live-mars-2021-02-19.json');
  const pick = (d) => ({ headline: d.headline, pagination: d.pagination, blocks: d.blocks });
  const old = pick(oldDoc);
  const neu = structuredClone(old);
  // Old blocks 0..12. Block 1 gets a title and a corrected paragraph (same id, later blockLastUpdated);
  // block 6 is deleted (between blocks both sides show); a new block is published on top.
  neu.blocks[1].title = 'Throwback Thursday';
  neu.blocks[1].blockLastUpdated += 60000;
  neu.blocks.splice(6, 1);
  neu.blocks.unshift({
    ...neu.blocks[0],
    id: '603011118f08ad21ea600799',
    title: null,
    blockFirstPublished: neu.blocks[0].blockFirstPublished + 600000,
    elements: [{ _type: 'model.dotcomrendering.pageElements.TextBlockElement', html: '<p>One more thing: the first audio recorded on Mars is expected next week.</p>' }],
  });
  write('feed-guardian-blocks', {
    ext: 'json',
    old: JSON.stringify(old, null, 2),
    neu: JSON.stringify(neu, null, 2),
    args: ['--input-format', 'feed', '--items', 'blocks', '--id', 'id', '--time', 'blockFirstPublished', '--headline', 'title', '--body', 'elements'],
    description:
      "Guardian page-model blocks read as a feed with --items/--id/--time/--headline/--body: a block published on top, block 1 given a title (edited [headline]), block 6 deleted between shown blocks (dropped).",
    summary: { added: 1, dropped: 1, edited: 1 },
    posts: [
      { status: 'added', old: null, new: 0, moved: false, fields: [] },
      same(0, 1),
      { status: 'edited', old: 1, new: 2, moved: false, fields: ['headline'] },
      ...range(2, 6, 1),
      { status: 'dropped', old: 6, new: null, moved: false, fields: [] },
      ...range(7, 13, 0),
    ],
  });
}

// ——— ticker: a JSON live ticker whose ids settle what text cannot ———
{
  const post = (id, minute, title, text) => ({ id, minute, published: `2026-11-22T15:${String(minute).padStart(2, '0')}:00Z`, title, text });
  const old = {
    title: 'Live: City v United',
    total: 5,
    posts: [
      post(105, 31, 'Goal!', 'City 1-0. Haaland heads in from a corner.'),
      post(104, 28, 'Yellow card', 'Casemiro is booked for a late tackle.'),
      post(103, 20, 'Update to follow', 'More on this shortly.'),
      post(102, 12, 'Chance', 'Rashford shoots wide from the edge of the box.'),
      post(101, 1, 'Kick-off', 'We are under way at the Etihad.'),
    ],
  };
  const neu = {
    title: 'Live: City v United',
    total: 5,
    posts: [
      post(106, 28, 'Yellow card', 'Casemiro is booked for a late tackle.'),
      post(107, 31, 'Goal!', "City 1-0. Foden's shot deflects in off Maguire, and the goal is his."),
      post(103, 20, 'Penalty appeal', 'United want a penalty for a tug on Hojlund; VAR says no.'),
      post(102, 12, 'Chance', 'Rashford shoots wide from the edge of the box.'),
      post(101, 1, 'Kick-off', 'We are under way at the Etihad.'),
    ],
  };
  write('feed-ticker-ids', {
    ext: 'json',
    old: JSON.stringify(old, null, 2),
    neu: JSON.stringify(neu, null, 2),
    description:
      'A JSON ticker whose ids settle what text cannot: goal post 105 deleted and a new "Goal!" (107) published at the same minute with other text: dropped + added, not an edit; post 104 deleted and its text re-posted as 106: edited [id]; placeholder 103 overwritten in place: edited [headline, body].',
    summary: { added: 1, dropped: 1, edited: 2 },
    posts: [
      { status: 'edited', old: 1, new: 0, moved: false, fields: ['id'] },
      { status: 'added', old: null, new: 1, moved: false, fields: [] },
      { status: 'dropped', old: 0, new: null, moved: false, fields: [] },
      { status: 'edited', old: 2, new: 2, moved: false, fields: ['headline', 'body'] },
      same(3, 3),
      same(4, 4),
    ],
  });
}

// ——— html: a page in ISO-8859-1 with posts as <article data-post-id> ———
{
  const page = (posts, count) => `<!DOCTYPE html>
<html lang="fr"><head><meta charset="iso-8859-1"><title>En direct : élections régionales</title>
<meta property="article:modified_time" content="2026-11-22T20:${String(count * 5).padStart(2, '0')}:00Z"></head>
<body><header><h1>En direct : élections régionales</h1><nav><a href="/">Accueil</a></nav></header>
<main>
${posts
  .map(
    ([id, time, h, ...ps]) => `<article data-post-id="${id}">
  <time datetime="2026-11-22T${time}:00+01:00">${time}</time>
  <h2>${h}</h2>
  ${ps.map((p) => `<p>${p}</p>`).join('\n  ')}
  <footer><button>Partager</button></footer>
</article>`,
  )
  .join('\n')}
</main><footer>© Le Quotidien</footer></body></html>
`;
  const p4 = ['p4', '20:40', 'Participation en hausse', 'La participation atteint 48 % à 20 heures.'];
  const p3 = ['p3', '20:25', 'Premières estimations', 'Le candidat sortant arrive en tête dans la région.'];
  const p2 = ['p2', '20:10', 'Les bureaux ferment', 'Les derniers bureaux de vote ont fermé à 20 heures.'];
  const p1 = ['p1', '19:55', 'Bienvenue', 'Suivez avec nous la soirée électorale.'];
  const p5 = ['p5', '20:55', 'Réaction du préfet', 'Le préfet salue « une soirée calme ».'];
  const p3b = ['p3', '20:25', 'Premières estimations : le sortant en tête', 'Le candidat sortant arrive en tête dans la région.'];
  const latin1 = (s) => Buffer.from(s, 'latin1');
  write('html-latin1', {
    ext: 'html',
    old: latin1(page([p4, p3, p2, p1], 8)),
    neu: latin1(page([p5, p4, p3b, p1], 11)),
    description:
      'An HTML page declaring ISO-8859-1 (accents as single bytes), posts as <article data-post-id>: one post published (p5), a headline rewritten (p3), p2 deleted between shown posts (dropped); navigation and share buttons are not posts or text.',
    summary: { added: 1, dropped: 1, edited: 1 },
    posts: [
      { status: 'added', old: null, new: 0, moved: false, fields: [] },
      same(0, 1),
      { status: 'edited', old: 1, new: 2, moved: false, fields: ['headline'] },
      { status: 'dropped', old: 2, new: null, moved: false, fields: [] },
      same(3, 3),
    ],
  });
}

// ——— rss and atom: the Guardian page model's real blocks written as the feeds publishers serve ———
{
  const doc = readJson('guardian-fe-article-live-mars-2021-02-19.json');
  /** A block's HTML: its text and embedded posts (images and videos carry no text). */
  const html = (b) => b.elements.filter((e) => typeof e.html === 'string').map((e) => e.html).join('\n');
  const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const blocks = doc.blocks.map((b) => ({ id: b.id, title: b.title ?? null, at: b.blockFirstPublished, html: html(b) }));
  const newBlock = { id: '603011118f08ad21ea600799', title: null, at: blocks[0].at + 600000, html: '<p>One more thing: the first audio recorded on Mars is expected next week.</p>' };

  // RSS 2.0, as most CMSs serve it: guid, RFC 2822 pubDate, the body as HTML in CDATA (content:encoded).
  const rss = (items, built) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>${xml(doc.headline)}</title>
  <link>https://www.theguardian.com/science/live/2021/feb/19/nasa-mars-perseverance-rover-images-news-briefing</link>
  <description>Live updates</description>
  <lastBuildDate>${new Date(built).toUTCString()}</lastBuildDate>
${items
  .map(
    (b) => `  <item>
    <guid isPermaLink="false">${b.id}</guid>
${b.title ? `    <title>${xml(b.title)}</title>\n` : ''}    <pubDate>${new Date(b.at).toUTCString()}</pubDate>
    <dc:creator>Maanvi Singh</dc:creator>
    <content:encoded><![CDATA[${b.html}]]></content:encoded>
  </item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
  // Old items 0..12. A block published on top; block 1 given a title; block 3's text corrected; the feed
  // keeps the newest 12, so the two oldest leave it (out-of-view, not deleted).
  const neuRss = [newBlock, ...blocks.slice(0, 11)].map((b, k) =>
    k === 2 ? { ...b, title: 'Throwback Thursday' } : k === 4 ? { ...b, html: b.html.replace('into Google today?', 'into Google today? Try it now.') } : b,
  );
  write('rss-guardian', {
    ext: 'xml',
    old: rss(blocks, blocks[0].at),
    neu: rss(neuRss, newBlock.at),
    description:
      'Real Guardian live blocks as an RSS 2.0 feed (guid, RFC 2822 pubDate, HTML in CDATA content:encoded): an item published on top, block 1 given a title (edited [headline]), block 3 corrected (edited [body]), the two oldest items leave the 12-item feed (out-of-view).',
    summary: { added: 1, edited: 2, 'out-of-view': 2 },
    posts: [
      { status: 'added', old: null, new: 0, moved: false, fields: [] },
      same(0, 1),
      { status: 'edited', old: 1, new: 2, moved: false, fields: ['headline'] },
      same(2, 3),
      { status: 'edited', old: 3, new: 4, moved: false, fields: ['body'] },
      ...range(4, 11, 1),
      { status: 'out-of-view', old: 11, new: null, moved: false, fields: [] },
      { status: 'out-of-view', old: 12, new: null, moved: false, fields: [] },
    ],
  });

  // Atom, with HTML content escaped (type="html") or inline (type="xhtml"): the same text either way.
  const atom = (entries, updated) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xml(doc.headline)}</title>
  <id>tag:theguardian.com,2021-02-19:nasa-mars-perseverance-live</id>
  <updated>${new Date(updated).toISOString()}</updated>
${entries
  .map(
    (b) => `  <entry>
    <id>tag:theguardian.com,2021-02-19:block-${b.id}</id>
    <title type="text">${xml(b.title ?? '')}</title>
    <published>${new Date(b.at).toISOString()}</published>
    <updated>${new Date(b.at).toISOString()}</updated>
    <author><name>Maanvi Singh</name></author>
    ${b.xhtml ? `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${b.html}</div></content>` : `<content type="html">${xml(b.html)}</content>`}
  </entry>`,
  )
  .join('\n')}
</feed>
`;
  // Old entries 0..12. Entry 0's recap gains a line; entry 3 is served as inline XHTML, the same text
  // (unchanged; its HTML is well-formed XML, with no entity XML lacks); entry 6 is deleted between entries
  // both sides show (dropped).
  const neuAtom = blocks
    .map((b, k) => (k === 0 ? { ...b, html: b.html.replace('<p>To recap:</p>', '<p>To recap:</p>\n<p>Nasa will hold another briefing on Monday.</p>') } : k === 3 ? { ...b, xhtml: true } : b))
    .filter((_, k) => k !== 6);
  write('rss-atom-guardian', {
    ext: 'xml',
    old: atom(blocks, blocks[0].at),
    neu: atom(neuAtom, blocks[0].at + 60000),
    description:
      'Real Guardian live blocks as an Atom feed (ISO times, escaped HTML content): entry 0 gains a paragraph (edited [body]), entry 3 served as inline XHTML with the same text (unchanged), entry 6 deleted between shown entries (dropped).',
    summary: { edited: 1, dropped: 1 },
    posts: [
      { status: 'edited', old: 0, new: 0, moved: false, fields: ['body'] },
      ...range(1, 6, 0),
      { status: 'dropped', old: 6, new: null, moved: false, fields: [] },
      ...range(7, 13, -1),
    ],
  });
}
