// Posts of one capture share one hidden class (V8's shape of an object). On Node 20, `{ ...post, key }`
// gave every keyed post a hidden class of its own: an HTML page of 200,000 posts kept 200,000 of them
// (70 MB of a 241 MB heap), and every read of a post field went through a megamorphic lookup. V8's own
// check (%HaveSameMap) runs in a child process with natives syntax on the built library.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';

/** Distinct hidden classes among the posts of a capture of each format, counted by V8 itself. */
const SCRIPT = `
const lib = await import(${JSON.stringify(join(ROOT, 'dist', 'index.mjs'))});
await lib.loadFormats();
const n = 300;
const html = '<html><body>' + Array.from({ length: n }, (_, i) => '<article data-post-id="p' + i + '"><time datetime="2023-05-09T10:' + String(i % 60).padStart(2, '0') + ':00Z">10:00</time><h2>Headline ' + i + '</h2><p>Body of post ' + i + '.</p></article>').join('\\n') + '</body></html>';
const text = Array.from({ length: n }, (_, i) => (i % 12 + 1) + ':00 a.m. ET, May 9, 2023\\nHeadline ' + i + '\\nBody of post ' + i + '.\\n').join('\\n');
const shapes = (posts) => { const reps = []; for (const p of posts) if (!reps.some((r) => %HaveSameMap(r, p))) reps.push(p); return reps.length; };
const out = {};
for (const [name, input] of [['html', html], ['text', text]]) out[name] = shapes(lib.parseCapture(Buffer.from(input), { source: 'x' }).posts);
console.log(JSON.stringify(out));
`;

describe('post objects', () => {
  it('of one capture share one hidden class', () => {
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', SCRIPT], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ html: 1, text: 1 });
  });
});
