// Generates the benchmark's captures in the shared capture format from the real captures' paragraphs:
// large pairs with a known mix of changes, a long series of a 30-post window, and a 50 KB post rewritten.
// Deterministic (seeded), written under .bench-tmp/.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './prng.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
export const OUT = join(ROOT, '.bench-tmp');

const STAMP = /^\d{1,2}:\d{2} [ap]\.m\. ET, [A-Z][a-z]+ \d{1,2}, \d{4}$/;
function realParagraphs() {
  const dir = join(ROOT, 'snapshots');
  const paragraphs = new Set();
  const headlines = [];
  for (const page of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const f of readdirSync(join(dir, page.name)).filter((n) => n.endsWith('.txt'))) {
      const lines = readFileSync(join(dir, page.name, f), 'utf8').split('\n').map((l) => l.trim());
      lines.forEach((l, i) => {
        if (STAMP.test(l)) headlines.push(lines.slice(i + 1).find((x) => x !== ''));
        else if (l.length > 80 && !l.startsWith('From ')) paragraphs.add(l);
      });
    }
  }
  return { paragraphs: [...paragraphs], headlines };
}
const REAL = realParagraphs();

function stamp(minutes) {
  const d = new Date(Date.UTC(2023, 2, 1) + minutes * 60000);
  const h = d.getUTCHours();
  const month = d.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  return `${h % 12 === 0 ? 12 : h % 12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'a' : 'p'}.m. ET, ${month} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** A post: a distinct headline (a real one with a number) and 3 to 8 real paragraphs. */
function makePost(rand, n, minutes) {
  const count = 3 + Math.floor(rand() * 6);
  const body = Array.from({ length: count }, () => REAL.paragraphs[Math.floor(rand() * REAL.paragraphs.length)]);
  const headline = `${REAL.headlines[n % REAL.headlines.length]} (update ${n})`;
  return { time: stamp(minutes), headline, byline: "From CNN's Bench Reporter", body };
}

function render(posts, count = posts.length, updated = 0) {
  const header = ['Benchmark live page', '', 'By Bench Author, CNN', '', `Updated ${stamp(updated)}`, `${count} Posts`, 'Sort byDropdown arrow'];
  const blocks = posts.map((p) => [p.time, '', p.headline, '', p.byline, '', ...p.body.flatMap((b) => [b, ''])].join('\n'));
  return `${header.join('\n')}\n${blocks.join('\n')}`;
}

/** Change a few words of one paragraph. */
function editPost(rand, post) {
  const i = Math.floor(rand() * post.body.length);
  const words = post.body[i].split(' ');
  const j = Math.floor(rand() * words.length);
  words[j] = `${words[j]} reportedly`;
  return { ...post, body: post.body.map((b, k) => (k === i ? words.join(' ') : b)) };
}

/** A pair of `size` posts: about 2% edited, 1% added on top, 0.5% deleted, 0.5% headline fixes. */
export function largePair(size, seed) {
  const rand = prng(seed);
  const old = Array.from({ length: size }, (_, n) => makePost(rand, n, 100_000 - n));
  let neu = old.map((p) => {
    const r = rand();
    if (r < 0.02) return editPost(rand, p);
    if (r < 0.025) return { ...p, headline: p.headline.replace(' (update', ', officials say (update') };
    if (r < 0.03) return null;
    return p;
  });
  neu = neu.filter(Boolean);
  const added = Array.from({ length: Math.max(1, Math.round(size * 0.01)) }, (_, k) => makePost(rand, size + k, 100_100 + k)).reverse();
  neu = [...added, ...neu];
  return { old: render(old, old.length, 100_000), new: render(neu, neu.length, 100_200) };
}

/** A page growing over time, captured `n` times, each capture showing the newest 30 posts. */
function series(n, seed, dir) {
  const rand = prng(seed);
  let page = Array.from({ length: 40 }, (_, k) => makePost(rand, k, 1000 + k)).reverse();
  let next = 40;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.3) page = [makePost(rand, next, 1000 + next++), ...page];
    else if (r < 0.4) {
      const k = Math.floor(rand() * 30);
      page[k] = editPost(rand, page[k]);
    } else if (r < 0.42) page.splice(Math.floor(rand() * 30), 1);
    const t = new Date(Date.UTC(2026, 10, 22, 0, 0) + i * 5 * 60000).toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
    writeFileSync(join(dir, `${t}.txt`), render(page.slice(0, 30), page.length, 1000 + next));
  }
}

/** One post of about 50 KB, then the same post entirely rewritten; and the pair with it unchanged. */
function bigPost(seed) {
  const rand = prng(seed);
  const posts = Array.from({ length: 20 }, (_, n) => makePost(rand, n, 5000 - n));
  const big = (r) => {
    const paras = [];
    let size = 0;
    while (size < 50_000) {
      const p = REAL.paragraphs[Math.floor(r() * REAL.paragraphs.length)];
      paras.push(p);
      size += p.length;
    }
    return paras;
  };
  const before = [{ ...posts[0], body: big(prng(seed + 1)) }, ...posts.slice(1)];
  const after = [{ ...posts[0], body: big(prng(seed + 2)).map((p) => p.split(' ').reverse().join(' ')) }, ...posts.slice(1)];
  return { old: render(before), rewritten: render(after) };
}

/** Every post edited so that only similarity can pair it: time moved a minute, headline tweaked, one word added. */
export function everyEdited(size, seed) {
  const rand = prng(seed);
  const old = Array.from({ length: size }, (_, n) => makePost(rand, n, 100_000 - n));
  const neu = old.map((p, n) => ({ ...editPost(rand, p), time: stamp(100_000 - n + 1), headline: p.headline.replace(' (update', ', officials say (update') }));
  return { old: render(old, old.length, 100_000), new: render(neu, neu.length, 100_200) };
}

/**
 * One post of about `bytes` of real paragraphs among 20 small ones; then every paragraph edited by a word
 * (`edited`), or every paragraph rewritten (`rewritten`: its words in reverse order, as the 50 KB post),
 * or the normal pair of that size (`normal`: one paragraph, in the middle, edited by a word).
 */
/**
 * A paragraph of Chinese text: `length` characters from 2,500 common CJK ideographs, with a comma now and
 * then, a full stop at the end and no spaces (words are character pairs for livediff, characters for jsdiff).
 */
function chineseParagraph(rand, length) {
  let text = '';
  for (let i = 1; i <= length; i++) text += i % 23 === 0 ? '，' : String.fromCharCode(0x4e00 + Math.floor(rand() * 2500) * 7);
  return `${text}。`;
}

/**
 * One post of about `bytes` (UTF-8), with the 19 posts around it: as is, with every paragraph edited (a
 * word inserted), rewritten (its words in reverse order: each English paragraph keeps its words, each
 * Chinese one gets new character pairs), and the normal pair's newer side (one paragraph edited). English
 * paragraphs come from the real captures; `chinese` makes paragraphs of 200 characters (about 600 bytes).
 */
export function hugePost(bytes, seed, chinese = false) {
  const rand = prng(seed);
  const posts = Array.from({ length: 20 }, (_, n) => makePost(rand, n, 5000 - n));
  const paras = [];
  for (let size = 0; size < bytes; ) {
    const p = chinese ? chineseParagraph(rand, 200) : REAL.paragraphs[Math.floor(rand() * REAL.paragraphs.length)];
    paras.push(p);
    size += (chinese ? Buffer.byteLength(p) : p.length) + 2;
  }
  const edit = chinese ? (p) => `${p.slice(0, 10)}据报${p.slice(10)}` : (p) => p.replace(' ', ' reportedly ');
  const rewrite = chinese ? (p) => [...p].reverse().join('') : (p) => p.split(' ').reverse().join(' ');
  const before = [{ ...posts[0], body: paras }, ...posts.slice(1)];
  const after = [{ ...posts[0], body: paras.map(edit) }, ...posts.slice(1)];
  const rewritten = [{ ...posts[0], body: paras.map(rewrite) }, ...posts.slice(1)];
  const middle = paras.length >> 1;
  const normal = [{ ...posts[0], body: paras.map((p, i) => (i === middle ? edit(p) : p)) }, ...posts.slice(1)];
  return { old: render(before), edited: render(after), rewritten: render(rewritten), normal: render(normal) };
}

/** Files for the heavy cases: every post edited, a huge post edited or rewritten in every paragraph, and the scaling series. */
function heavy(files, small) {
  const size = small ? 100 : 5000;
  const edited = everyEdited(size, 77);
  files['every-edited'] = [join(OUT, 'every-edited-old.txt'), join(OUT, 'every-edited-new.txt')];
  writeFileSync(files['every-edited'][0], edited.old);
  writeFileSync(files['every-edited'][1], edited.new);
  // One huge post of 5 and of 10 MB (the target's bound), each edited and rewritten in every paragraph;
  // and one of 10 MB in Chinese, whose words (character pairs) and jsdiff tokens (characters) differ.
  files.huge = [];
  const sizes = small ? [200_000, 400_000] : [5_000_000, 10_000_000];
  for (const [bytes, chinese] of [...sizes.map((b) => [b, false]), [sizes.at(-1), true]]) {
    const huge = hugePost(bytes, 5, chinese);
    const name = (kind) => join(OUT, `huge-${bytes / 1_000_000}mb${chinese ? '-zh' : ''}-${kind}.txt`);
    writeFileSync(name('old'), huge.old);
    writeFileSync(name('old-copy'), huge.old);
    writeFileSync(name('edited'), huge.edited);
    writeFileSync(name('rewritten'), huge.rewritten);
    writeFileSync(name('normal'), huge.normal);
    files.huge.push({
      bytes,
      chinese,
      unchanged: [name('old'), name('old-copy')],
      normal: [name('old'), name('normal')],
      edited: [name('old'), name('edited')],
      rewritten: [name('old'), name('rewritten')],
    });
  }
  // Doubling post counts while the larger file stays within the 64 MiB input limit.
  const limit = small ? 2 * 2 ** 20 : 64 * 2 ** 20;
  files.scaling = [];
  for (let n = small ? 250 : 1250; ; n *= 2) {
    const pair = largePair(n, n + 1);
    if (Math.max(pair.old.length, pair.new.length) * 1.05 > limit) break;
    const f = [join(OUT, `scale-${n}-old.txt`), join(OUT, `scale-${n}-new.txt`)];
    writeFileSync(f[0], pair.old);
    writeFileSync(f[1], pair.new);
    files.scaling.push({ posts: n, files: f, bytes: pair.new.length });
  }
}

/** Markup and JSON special characters escaped (the real paragraphs have quotes and ampersands). */
const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The same page as HTML, RSS, a JSON feed and JSON-LD, each near the 64 MiB input limit (`small`: 1 MiB):
 * posts of one real paragraph, 1 in 50 edited by a word in the newer capture. As many posts as fit, within
 * the 250,000 posts a capture may have and, for RSS, the 1,000,000 elements its markup may (5 an item).
 */
function otherFormats(files, small) {
  const limit = (small ? 1 : 63) * 2 ** 20;
  const rand = prng(11);
  const posts = [];
  const iso = (n) => new Date(Date.UTC(2026, 10, 22) - n * 60_000).toISOString().replace('.000', '');
  for (let n = 0; n < 240_000; n++) {
    const paragraph = REAL.paragraphs[Math.floor(rand() * REAL.paragraphs.length)];
    posts.push({ id: `post-${n}`, time: iso(n), headline: `${REAL.headlines[n % REAL.headlines.length]} (update ${n})`, text: paragraph });
  }
  const edited = posts.map((p, n) => (n % 50 === 25 ? { ...p, text: p.text.replace(' ', ' reportedly ') } : p));
  const formats = {
    html: (ps) =>
      `<!doctype html><html><head><title>Live</title></head><body><main>\n${ps
        .map((p) => `<article data-post-id="${p.id}"><time datetime="${p.time}"></time><h2>${escapeXml(p.headline)}</h2><p>${escapeXml(p.text)}</p></article>\n`)
        .join('')}</main></body></html>\n`,
    rss: (ps) =>
      `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Live</title>\n${ps
        .slice(0, 190_000)
        .map((p) => `<item><guid>${p.id}</guid><pubDate>${new Date(p.time).toUTCString()}</pubDate><title>${escapeXml(p.headline)}</title><description>${escapeXml(p.text)}</description></item>\n`)
        .join('')}</channel></rss>\n`,
    feed: (ps) => JSON.stringify({ title: 'Live', posts: ps.map((p) => ({ id: p.id, published: p.time, title: p.headline, text: p.text })) }),
    jsonld: (ps) =>
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'LiveBlogPosting',
        headline: 'Live',
        liveBlogUpdate: ps.map((p) => ({ '@type': 'BlogPosting', '@id': `#${p.id}`, datePublished: p.time, headline: p.headline, articleBody: p.text })),
      }),
  };
  files.formats = [];
  for (const [format, make] of Object.entries(formats)) {
    // Nearly the most posts whose page fits: estimated from the size of all of them, then 2 % fewer at a time.
    let count = Math.min(posts.length, Math.floor((0.99 * posts.length * limit) / Buffer.byteLength(make(posts))));
    while (Buffer.byteLength(make(posts.slice(0, count))) > limit) count = Math.floor(count * 0.98);
    const ext = format === 'html' ? 'html' : format === 'rss' ? 'xml' : 'json';
    // And a quarter of it, for how the time grows with the size.
    const [full, quarter] = [count, Math.floor(count / 4)].map((n, k) => {
      const f = [join(OUT, `limit-${format}${k ? '-quarter' : ''}-old.${ext}`), join(OUT, `limit-${format}${k ? '-quarter' : ''}-new.${ext}`)];
      writeFileSync(f[0], make(posts.slice(0, n)));
      writeFileSync(f[1], make(edited.slice(0, n)));
      return { posts: format === 'rss' ? Math.min(n, 190_000) : n, bytes: Buffer.byteLength(make(edited.slice(0, n))), files: f };
    });
    files.formats.push({ format, ...full, quarter });
  }
}

/** The benchmark's files; `small` (BENCH_SMALL=1) makes every case tiny, to check that the bench runs. */
export function generate(small = false) {
  mkdirSync(OUT, { recursive: true });
  const files = {};
  heavy(files, small);
  otherFormats(files, small);
  for (const size of small ? [100] : [100, 1000, 5000]) {
    const pair = largePair(size, size);
    files[`pair-${size}`] = [join(OUT, `pair-${size}-old.txt`), join(OUT, `pair-${size}-new.txt`)];
    writeFileSync(files[`pair-${size}`][0], pair.old);
    writeFileSync(files[`pair-${size}`][1], pair.new);
  }
  const big = bigPost(50);
  files['big-post'] = [join(OUT, 'big-old.txt'), join(OUT, 'big-rewritten.txt')];
  files['big-post-unchanged'] = [join(OUT, 'big-old.txt'), join(OUT, 'big-old-copy.txt')];
  writeFileSync(files['big-post'][0], big.old);
  writeFileSync(files['big-post'][1], big.rewritten);
  writeFileSync(files['big-post-unchanged'][1], big.old);
  // What a cron job's `livediff check` finds: a folder of captures, the March 22 pair, newest last.
  files.check = join(OUT, 'check');
  rmSync(files.check, { recursive: true, force: true });
  mkdirSync(files.check);
  ['capture-1.txt', 'capture-2.txt'].forEach((f, i) =>
    writeFileSync(join(files.check, `2023-03-22T12-0${5 * i}-00Z.txt`), readFileSync(new URL(`../snapshots/cnn-russia-ukraine-2023-03-22/${f}`, import.meta.url))),
  );
  files.series = small ? [50, 100] : [1000, 2000];
  for (const n of files.series) {
    files[`series-${n}`] = join(OUT, `series-${n}`);
    series(n, 7, files[`series-${n}`]);
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(generate());
