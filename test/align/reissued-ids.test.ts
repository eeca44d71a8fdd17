// A feed whose guid hashes the item's content (page-to-RSS generators, some CMS feeds) gives an item a new
// guid at every correction. A red-team pass: a paragraph reworded under the same time and headline, in the
// same place, was `dropped` + `added`, because differing ids forbade every layer that could pair it.
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture } from '../../src/index.js';

interface Item {
  guid: string;
  title: string;
  time: string;
  text: string;
}

const ITEMS: Item[] = [
  { guid: '104b5995', title: 'Kremlin says Xi visit was productive', time: '09:10', text: 'The Kremlin said talks between Vladimir Putin and Xi Jinping were productive and wide-ranging.' },
  { guid: '29931800', title: 'Ukraine receives first Challenger tanks', time: '08:45', text: 'Ukraine has received its first British Challenger 2 tanks, defence minister Oleksii Reznikov said, thanking the United Kingdom.' },
  { guid: 'fd36123c', title: 'EU agrees to send one million shells', time: '07:40', text: 'European Union foreign ministers agreed a plan to send one million artillery shells to Ukraine.' },
];

const feed = (items: Item[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Ukraine war live</title><link>https://example.com/live</link><description>Live</description>\n` +
  items.map((i) => `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title><pubDate>Wed, 22 Mar 2023 ${i.time}:00 GMT</pubDate><description>${i.text}</description></item>\n`).join('') +
  '</channel></rss>\n';

const compare = (second: Item) => {
  const report = diffCaptures(parseCapture(feed(ITEMS), { source: 'old.xml' }), parseCapture(feed([ITEMS[0]!, second, ITEMS[2]!]), { source: 'new.xml' }));
  return report.posts.map((p) => `${p.status}${p.fields.length ? ` (${p.fields.join(', ')})` : ''}${p.match ? ` ${p.match}` : ''}`);
};

describe('an item whose guid changed with its text', () => {
  it('reworded under the same time and headline, in the same place: edited (id, body), rewritten in place', () => {
    const reworded = { ...ITEMS[1]!, guid: 'c3942492', text: 'The first Challenger 2 tanks from Britain have arrived in Ukraine, defence minister Oleksii Reznikov said on Wednesday, thanking London.' };
    expect(compare(reworded)).toEqual(['unchanged id', 'edited (id, body) in-place', 'unchanged id']);
  });

  it('replaced by an unrelated item at the same time and place: still dropped and added (content decides)', () => {
    const other = { ...ITEMS[1]!, guid: 'c3942492', title: 'Air raid alert in Kyiv', text: 'Sirens sounded across the capital shortly before nine; residents were told to shelter.' };
    expect(compare(other)).toEqual(['unchanged id', 'dropped', 'added', 'unchanged id']);
  });
});
