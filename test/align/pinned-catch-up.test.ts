// A live page keeps a catch-up ("What we know so far") pinned on top and rewrites it as the story moves:
// a new time, the same headline, hardly a sentence kept. A red-team pass: it was `dropped` + `added`, a
// false accusation, because a rewrite in place had to be within 10 minutes and, at the edge of the shared
// posts, newer than them (a pinned post is older than the post below it).
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture } from '../../src/index.js';

const post = (time: string, headline: string, ...paragraphs: string[]) => `${time} a.m. ET, March 22, 2023\n${headline}\n${paragraphs.join('\n\n')}\n`;
const page = (count: number, ...posts: string[]) => `Storm live updates\n${String(count)} Posts\nSort byDropdown arrow\n\n${posts.join('\n')}`;

const SUMMARY = post('9:00', 'What we know so far', 'The storm made landfall near Galveston early on Wednesday. Officials say two people were injured and 40,000 homes lost power. Evacuation orders remain in place for coastal counties.');
const REWRITTEN = post('10:05', 'What we know so far', 'Tropical Storm Alma is moving inland over east Texas, with winds down to 60 mph.', 'Four people are hurt and 120,000 customers have no electricity, the utility says.', 'Two coastal counties have lifted their evacuation orders.');
const GOVERNOR = post('9:20', 'Governor declares emergency', 'The governor declared a state of emergency for 12 counties on Wednesday morning.');
const SCHOOLS = post('9:10', 'Schools closed across the region', 'Every school district in the three counties closed for the day.');
const AIRPORT = post('8:50', 'Airport suspends flights', 'The airport said all departures are suspended until at least noon.');
const POWER = post('9:45', 'Power company warns of long outages', 'The utility said some customers could be without power for days.');

const statuses = (oldText: string, newText: string) =>
  diffCaptures(parseCapture(oldText, { source: 'old.txt' }), parseCapture(newText, { source: 'new.txt' })).posts.map(
    (p) => `${p.status}${p.fields.length ? ` (${p.fields.join(', ')})` : ''}${p.match ? ` ${p.match}` : ''}${p.evidence?.pinned === true ? ' pinned' : ''}`,
  );

describe('a pinned catch-up rewritten and re-timed', () => {
  it('is one post edited in place, not dropped and added', () => {
    expect(statuses(page(5, SUMMARY, GOVERNOR, SCHOOLS, AIRPORT), page(6, REWRITTEN, POWER, GOVERNOR, SCHOOLS, AIRPORT))).toEqual([
      'edited (time, body) in-place pinned',
      'added',
      'unchanged identical',
      'unchanged identical',
      'unchanged identical',
    ]);
  });

  it('under another headline, with no word in common, stays dropped and added', () => {
    const other = post('10:05', 'Latest forecast', 'Forecasters expect heavy rain through Thursday.');
    expect(statuses(page(5, SUMMARY, GOVERNOR, SCHOOLS, AIRPORT), page(5, other, GOVERNOR, SCHOOLS, AIRPORT))).toEqual(['dropped', 'added', 'unchanged identical', 'unchanged identical', 'unchanged identical']);
  });

  it('a top post that was not pinned meets a post of its headline an hour later only by content (a goal disallowed, the next goal)', () => {
    const disallowed = post('9:30', 'Goal!', 'Okafor heads in from the corner, but the flag is up.');
    const next = post('10:40', 'Goal!', 'Mbeki curls one into the top corner from twenty yards.');
    expect(statuses(page(5, disallowed, GOVERNOR, SCHOOLS, AIRPORT), page(5, next, GOVERNOR, SCHOOLS, AIRPORT))).toEqual(['dropped', 'added', 'unchanged identical', 'unchanged identical', 'unchanged identical']);
  });
});
