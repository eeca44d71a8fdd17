// Generators of hostile and heavy inputs (issue 18), shared by the regression tests and by
// scripts/hostile.mjs-style whole-process checks: each returns the old and new text of one pair.
import { makeCapture, stamp } from '../helpers/capture.js';

export interface Pair {
  old: string;
  new: string;
}

/** Deterministic filler words: `w<i>` style tokens that never collide across indices. */
const word = (i: number, tag: string) => `${tag}${i.toString(36)}`;

/** One post of `paragraphs` paragraphs of `wordsPer` words; in the new version one word of each changed. */
export function bigPostEveryParagraphEdited(paragraphs: number, wordsPer = 12): Pair {
  const para = (p: number, edited: boolean) =>
    Array.from({ length: wordsPer }, (_, w) => (edited && w === wordsPer >> 1 ? 'changed' : word(p * wordsPer + w, 'w'))).join(' ') + '.';
  const old = Array.from({ length: paragraphs }, (_, p) => para(p, false));
  const neu = Array.from({ length: paragraphs }, (_, p) => para(p, true));
  return {
    old: makeCapture({ posts: [{ time: stamp(600), headline: 'Big post', body: old }] }),
    new: makeCapture({ posts: [{ time: stamp(600), headline: 'Big post', body: neu }] }),
  };
}

/** One post of `paragraphs` short paragraphs, every one rewritten (no word kept). */
export function bigPostEveryParagraphRewritten(paragraphs: number): Pair {
  const old = Array.from({ length: paragraphs }, (_, p) => `Old ${word(p, 'a')} ${word(p, 'b')}.`);
  const neu = Array.from({ length: paragraphs }, (_, p) => `New ${word(p, 'c')} ${word(p, 'd')}.`);
  return {
    old: makeCapture({ posts: [{ time: stamp(600), headline: 'Big post', body: old }] }),
    new: makeCapture({ posts: [{ time: stamp(600), headline: 'Big post', body: neu }] }),
  };
}

/** A post that gains `blocks` one-word paragraphs (the `push(...array)` stack overflow). */
export function postGainsBlocks(blocks: number): Pair {
  const added = Array.from({ length: blocks }, (_, i) => word(i, 'g'));
  return {
    old: makeCapture({ posts: [{ time: stamp(600), headline: 'Grows', body: ['First paragraph.'] }] }),
    new: makeCapture({ posts: [{ time: stamp(600), headline: 'Grows', body: ['First paragraph.', ...added] }] }),
  };
}

/** `posts` posts whose `headlineWords`-word headlines are all rewritten (the word-diff budget). */
export function longHeadlinesRewritten(posts: number, headlineWords: number): Pair {
  const headline = (i: number, tag: string) => Array.from({ length: headlineWords }, (_, w) => word(i * headlineWords + w, tag)).join(' ');
  const spec = (tag: string) => Array.from({ length: posts }, (_, i) => ({ time: stamp(i % 1440), headline: headline(i, tag), body: [`Body of post ${i} stays.`] }));
  return { old: makeCapture({ posts: spec('h') }), new: makeCapture({ posts: spec('k') }) };
}

/** JSON-LD: one update with a big body listed `times` times by `@id` (the amplification). */
export function jsonLdAmplified(times: number, bodyChars: number): string {
  const body = 'x'.repeat(bodyChars);
  return JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'LiveBlogPosting', headline: 'Page', liveBlogUpdate: Array.from({ length: times }, () => ({ '@id': '#u' })) },
      { '@id': '#u', '@type': 'BlogPosting', headline: 'Update', datePublished: '2023-03-22T10:00:00Z', articleBody: body },
    ],
  });
}

/** JSON-LD with `items` updates whose text has non-ASCII escaped as `\u00e9` (Python's json.dumps default). */
export function jsonLdEscaped(items: number): string {
  const updates = Array.from({ length: items }, (_, i) => ({
    '@type': 'BlogPosting',
    headline: `Café update ${i}`,
    datePublished: `2023-03-22T${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`,
    articleBody: `Résumé of événement number ${i}, déjà vu.`,
  }));
  const json = JSON.stringify({ '@context': 'https://schema.org', '@type': 'LiveBlogPosting', headline: 'Page', liveBlogUpdate: updates }, null, 1);
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const htmlPage = (inner: string) => `<!doctype html><html><head><title>Page</title></head><body>${inner}</body></html>`;

/** An HTML post holding an `<ol>` of `items` items (numbering). */
export function htmlLongList(items: number, tag = 'i'): string {
  const lis = Array.from({ length: items }, (_, i) => `<li>${word(i, tag)}</li>`).join('');
  return htmlPage(`<h1>Live</h1><article><h2>Post</h2><time datetime="2023-03-22T10:00:00Z">10:00</time><ol>${lis}</ol></article>`);
}

/** An HTML page of `posts` posts and `headings` `<h1>`s outside them (page-title lookup). */
export function htmlManyPosts(posts: number): string {
  const arts = Array.from({ length: posts }, (_, i) => `<article><h2>Post ${i}</h2><p>Text ${i}.</p></article>`).join('');
  return htmlPage(`${arts}<h1>Live</h1>`);
}

/** An HTML page nested `depth` `<div>`s deep around one post. */
export function htmlDeep(depth: number): string {
  return htmlPage(`${'<div>'.repeat(depth)}<article><h2>Post</h2><p>Deep.</p></article>${'</div>'.repeat(depth)}`);
}

/** `bytes` of `<p>x`: unclosed paragraphs, one post. */
export function htmlManyParagraphs(bytes: number): string {
  return htmlPage(`<article><h2>Post</h2>${'<p>x'.repeat(Math.floor(bytes / 4))}</article>`);
}

/** `posts` posts whose `headlineWords`-word headlines keep every word in reverse order (no pre-check can tell). */
export function longHeadlinesReordered(posts: number, headlineWords: number): Pair {
  const words = (i: number) => Array.from({ length: headlineWords }, (_, w) => word(i * headlineWords + w, 'h'));
  const spec = (reversed: boolean) =>
    Array.from({ length: posts }, (_, i) => ({ time: stamp(i % 1440), headline: (reversed ? words(i).reverse() : words(i)).join(' '), body: [`Body of post ${i} stays.`] }));
  return { old: makeCapture({ posts: spec(false) }), new: makeCapture({ posts: spec(true) }) };
}
