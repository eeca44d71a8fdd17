// A scripted series of captures of one page, with what happened to every post between them.
import { makeCapture, stamp, type PostSpec } from '../helpers/capture.js';

/** Distinct texts, as distinct posts of a real page have. */
const TEXTS = [
  'Russian shelling hit residential buildings in Kherson overnight, the regional governor said',
  'Ukraine received the first batch of Patriot missile systems earlier than planned',
  'The International Criminal Court prosecutor met with the families of deported children',
  'Heavy fighting continues around Bakhmut where Ukrainian forces hold the western districts',
  'Chinese leader Xi Jinping left Moscow after three days of talks with Vladimir Putin',
  'Power was restored to most of Odesa after a drone strike on an energy facility',
  'Japan pledged additional humanitarian aid during the prime minister’s visit to Kyiv',
  'The European Union agreed to send one million artillery shells over the next year',
];
const body = (n: number, extra = '') => [`${TEXTS[n - 1]}${extra}.`, `More details on this story as the situation develops.`];

function post(n: number, edits: { headline?: string; body?: string } = {}): PostSpec {
  return {
    time: stamp(600 + n * 10),
    headline: edits.headline ?? `${TEXTS[n - 1]!.split(' ').slice(0, 5).join(' ')} (update ${n})`,
    body: body(n, edits.body ?? ''),
  };
}

const P4_HEADLINE = 'Heavy fighting continues around Bakhmut, corrected (update 4)';
const P5_BODY = ' and again at dawn';
const newestFirst = (posts: PostSpec[]) => [...posts].reverse();

/**
 * Six captures, the newest post first, each showing a window of the page:
 * 0: P1–P5, the whole page
 * 1: P6 added; P1 leaves the 5-post window (counter 6)
 * 2: P7 added; P4's headline corrected; P3 deleted (counter 6)
 * 3: P3 back, word for word (reinserted); P2 leaves the window (counter 7)
 * 4: a longer window: P1 and P2 back into view
 * 5: P8 added; P5's body edited; P1 leaves the 7-post window (counter 8)
 */
const RAW: Array<{ posts: PostSpec[]; count: number }> = [
  { posts: newestFirst([1, 2, 3, 4, 5].map((n) => post(n))), count: 5 },
  { posts: newestFirst([2, 3, 4, 5, 6].map((n) => post(n))), count: 6 },
  { posts: newestFirst([post(2), post(4, { headline: P4_HEADLINE }), post(5), post(6), post(7)]), count: 6 },
  { posts: newestFirst([post(3), post(4, { headline: P4_HEADLINE }), post(5), post(6), post(7)]), count: 7 },
  { posts: newestFirst([post(1), post(2), post(3), post(4, { headline: P4_HEADLINE }), post(5), post(6), post(7)]), count: 7 },
  {
    posts: newestFirst([post(2), post(3), post(4, { headline: P4_HEADLINE }), post(5, { body: P5_BODY }), post(6), post(7), post(8)]),
    count: 8,
  },
];

/** The captures' text; each says it was updated five minutes after the one before. */
export const SERIES: string[] = RAW.map((c, i) => makeCapture({ ...c, updated: stamp(690 + i * 5) }));

/** File names with capture times, five minutes apart. */
export const NAMES = SERIES.map((_, i) => `2026-11-22T10-${String(i * 5).padStart(2, '0')}-00Z.txt`);

/** What `log` must say of each post, by its number. */
export const EXPECTED: Record<number, { firstSeen: number; lastSeen: number; fate: string; origin: string; versions: number; events: string[] }> = {
  1: { firstSeen: 0, lastSeen: 4, fate: 'out-of-view', origin: 'initial', versions: 1, events: ['1 out-of-view', '4 back-into-view', '5 out-of-view'] },
  2: { firstSeen: 0, lastSeen: 5, fate: 'live', origin: 'initial', versions: 1, events: ['3 out-of-view', '4 back-into-view'] },
  3: { firstSeen: 0, lastSeen: 5, fate: 'reinserted', origin: 'initial', versions: 1, events: ['2 dropped', '3 reinserted'] },
  4: { firstSeen: 0, lastSeen: 5, fate: 'live', origin: 'initial', versions: 2, events: ['2 edited headline'] },
  5: { firstSeen: 0, lastSeen: 5, fate: 'live', origin: 'initial', versions: 2, events: ['5 edited body'] },
  6: { firstSeen: 1, lastSeen: 5, fate: 'live', origin: 'added', versions: 1, events: ['1 added'] },
  7: { firstSeen: 2, lastSeen: 5, fate: 'live', origin: 'added', versions: 1, events: ['2 added'] },
  8: { firstSeen: 5, lastSeen: 5, fate: 'live', origin: 'added', versions: 1, events: ['5 added'] },
};
