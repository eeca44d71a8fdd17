// Capture text written to attack an HTML report: markup, script end tags, event handlers, javascript: URLs,
// CSS that would fetch, bidi overrides. Every payload names `window.__pwned` or the trap URL, so a test can
// tell whether any of it ran or asked for anything.
import { makeCapture, stamp } from '../helpers/capture.js';

export const TRAP = 'http://127.0.0.1:9/trap';

export const PAYLOADS = [
  `<script>window.__pwned=1</script>`,
  `</script><script>window.__pwned=2</script>`,
  `<img src="${TRAP}/img" onerror="window.__pwned=3">`,
  `<a href="javascript:window.__pwned=4">click</a> javascript:window.__pwned=4`,
  `<style>body{background:url(${TRAP}/css)}</style>`,
  `" style="background:url(${TRAP}/attr)" onmouseover="window.__pwned=5`,
  `<svg onload="window.__pwned=6"><use href="${TRAP}/svg#x"/></svg>`,
  `<iframe src="${TRAP}/frame"></iframe><!-- ]]> <![CDATA[`,
  `Bidi \u202Egnp.exe\u202C and \u2066isolate\u2069 and line\u2028separator`,
  `<meta http-equiv="refresh" content="0;url=${TRAP}/meta"><base href="${TRAP}/">`,
];

/** Two captures of a page whose title, headlines, bylines, captions and paragraphs carry the payloads. */
export function hostilePair(): [string, string] {
  const posts = (edited: boolean) =>
    PAYLOADS.map((p, i) => ({
      time: stamp(600 + i * 10),
      headline: `Post ${i + 1} ${p}`,
      byline: `From ${p}`,
      captions: [{ text: `Caption ${p}`, credit: `Credit ${p}` }],
      body: [`First paragraph ${p} stays.`, edited ? `Second paragraph ${p} was edited ${p} today.` : `Second paragraph ${p} today.`],
    })).reverse();
  const title = `Hostile ${PAYLOADS[1]} ${PAYLOADS[2]}`;
  const old = makeCapture({ title, updated: stamp(700), posts: posts(false).slice(1) });
  // A headline a spreadsheet would read as a formula, were the CSV download to write it as it is.
  const formula = { time: stamp(800), headline: `=HYPERLINK("${TRAP}/csv","x")`, body: ['A post whose headline is a formula.'] };
  const neu = makeCapture({ title: `${title} ${PAYLOADS[4]}`, updated: stamp(720), posts: [formula, ...posts(true)] });
  return [old, neu];
}
