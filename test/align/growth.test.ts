// Posts that grew (align/growth.ts): a developing post updated, re-headlined and bumped keeps what it said
// word for word. The similarity score counts the added words against it; from a red-team pass, such a post
// was reported dropped and its new version added.
import { describe, expect, it } from 'vitest';
import { diffCaptures, parseCapture } from '../../src/index.js';
import { makeCapture, stamp, type PostSpec } from '../helpers/capture.js';

const first = 'Residents of Zaporizhzhia reported loud explosions in the city center early Wednesday, local officials said.';
const explosions: PostSpec = { time: stamp(482), headline: 'Explosions heard in Zaporizhzhia', body: [first] };
const grown: PostSpec = {
  time: stamp(570),
  headline: 'Russian missiles hit apartment building in Zaporizhzhia, killing at least one',
  body: [
    first,
    'The regional governor said two missiles struck a nine-story building, and rescuers were searching the rubble.',
    'Ukraine’s air force said it shot down most of the drones launched overnight, but not the missiles.',
    'Photos shared by emergency services showed the upper floors of the building collapsed.',
  ],
};
const other = (n: number): PostSpec => ({ time: stamp(400 - n), headline: `Earlier story ${n}`, body: [`An unrelated paragraph about story number ${n}, long enough to count.`] });

function changes(oldPosts: PostSpec[], newPosts: PostSpec[]) {
  const r = diffCaptures(parseCapture(makeCapture({ count: null, posts: oldPosts })), parseCapture(makeCapture({ count: null, posts: newPosts })));
  return r.posts.filter((p) => p.status !== 'unchanged').map((p) => ({ status: p.status, match: p.match, headline: p.post.headline }));
}

describe('posts that grew', () => {
  it('a post bumped, re-headlined and grown three paragraphs is that post edited, not dropped and added', () => {
    expect(changes([explosions, other(1), other(2)], [grown, other(1), other(2)])).toEqual([{ status: 'edited', match: 'grown', headline: grown.headline }]);
  });

  it('its paragraph in two new posts (quoted elsewhere too) proves nothing: dropped and added stay', () => {
    const quoting: PostSpec = {
      time: stamp(575),
      headline: 'What we know so far this morning',
      body: [
        'Here is a summary of what happened overnight across the country, from the front line to the capital.',
        first,
        'In Kharkiv, power was restored to most homes after a strike on a substation on Tuesday evening.',
        'The foreign minister is due to meet his European counterparts in Brussels later on Wednesday.',
      ],
    };
    const r = changes([explosions, other(1), other(2)], [quoting, grown, other(1), other(2)]);
    expect(r.map((c) => c.status).sort()).toEqual(['added', 'added', 'dropped']);
  });

  // From a red-team pass: the same update with its first paragraph reworded in two words (`Explosions were
  // heard` → `Several explosions were heard`, `mayor` → `acting mayor`) was dropped and added.
  it('a paragraph reworded in a word or two still proves it; one rewritten does not', () => {
    const reworded: PostSpec = { ...grown, body: [first.replace('Residents of', 'Many residents of').replace('local officials', 'regional officials'), ...grown.body.slice(1)] };
    expect(changes([explosions, other(1), other(2)], [reworded, other(1), other(2)])).toEqual([{ status: 'edited', match: 'grown', headline: grown.headline }]);
    const rewritten: PostSpec = { ...grown, body: ['Loud blasts shook Zaporizhzhia before dawn on Wednesday, according to the city council.', ...grown.body.slice(1)] };
    expect(changes([explosions, other(1), other(2)], [rewritten, other(1), other(2)]).map((c) => c.status).sort()).toEqual(['added', 'dropped']);
  });

  it('two old posts found whole in one new post (merged) pair with neither by growth', () => {
    const second = 'Air raid sirens sounded across the region for more than an hour, the regional administration said.';
    const sirens: PostSpec = { time: stamp(481), headline: 'Air raid sirens in the region', body: [second] };
    const merged: PostSpec = { ...grown, body: [first, second, ...grown.body.slice(1)] };
    expect(changes([explosions, sirens, other(1)], [merged, other(1)]).some((c) => c.match === 'grown')).toBe(false);
  });

  // From a red-team pass: a feed that writes the revision into the guid when it appends a correction
  // (`p-104` → `p-104-r2`) had the post dropped and added, since different ids keep posts apart.
  it('a post grown under a new id but the same time and headline is that post, its id changed; another time keeps them apart', async () => {
    const { loadFormats } = await import('../../src/parse/index.js');
    await loadFormats();
    const item = (id: string, time: string, title: string, text: string[]) => ({ id, published: time, title, text: text.map((t) => `<p>${t}</p>`).join('') });
    const feed = (items: object[]) => parseCapture(JSON.stringify({ title: 'Live', posts: items }));
    const tanks = 'Ukraine has received its first British Challenger 2 tanks, defence minister Oleksii Reznikov said.';
    const correction = 'Correction: an earlier version of this post said the tanks were German-made.';
    const before = feed([item('p-104', '2026-11-22T08:45:00Z', 'Tanks arrive', [tanks]), item('p-103', '2026-11-22T08:30:00Z', 'Earlier', ['Something else entirely, long enough to count as a paragraph.'])]);
    const revised = feed([item('p-104-r2', '2026-11-22T08:45:00Z', 'Tanks arrive', [tanks, correction]), item('p-103', '2026-11-22T08:30:00Z', 'Earlier', ['Something else entirely, long enough to count as a paragraph.'])]);
    expect(diffCaptures(before, revised).posts[0]).toMatchObject({ status: 'edited', match: 'grown', fields: ['id', 'body'] });
    const later = feed([item('p-105', '2026-11-22T09:10:00Z', 'Tanks arrive', [tanks, correction]), item('p-103', '2026-11-22T08:30:00Z', 'Earlier', ['Something else entirely, long enough to count as a paragraph.'])]);
    expect(diffCaptures(before, later).posts.map((p) => p.status).sort()).toEqual(['added', 'merged', 'unchanged']);
  });

  // From a red-team pass: a recap at the top quoting an old post that had scrolled out of view, and another
  // still shown, was paired with the scrolled-out post as grown: the recap was not `added`.
  it('a recap that also quotes another post, still shown, is not the quoted post grown', () => {
    const recap: PostSpec = { time: stamp(600), headline: 'Recap: the morning so far', body: ['Here is what happened this morning, in short.', first, other(1).body[0]!] };
    expect(changes([other(1), other(2), explosions], [recap, other(1), other(2)])).toEqual([
      { status: 'added', match: null, headline: recap.headline },
      { status: 'out-of-view', match: null, headline: explosions.headline },
    ]);
  });

  it('a paragraph that several other posts carry too (a sign-off) does not make a grown post a recap', () => {
    const signOff = 'Follow our live coverage of the war in Ukraine on our website and in our app.';
    const withSignOff = (p: PostSpec): PostSpec => ({ ...p, body: [...p.body, signOff] });
    expect(changes([explosions, withSignOff(other(1)), withSignOff(other(2))], [withSignOff(grown), withSignOff(other(1)), withSignOff(other(2))])).toEqual([
      { status: 'edited', match: 'grown', headline: grown.headline },
    ]);
  });
});
