// The frame of every HTML report: one self-contained file whose Content Security Policy allows only its own
// inline style and the one inline script named by its SHA-256 hash: no request can leave the page.
import { crypto } from '../../builtins.js';
import { textOf } from '../registry.js';
import { esc, jsonForScript } from './escape.js';
import { BASE_CSS } from './style.js';

export interface DocumentParts {
  title: string;
  /** Already-escaped HTML of the body. */
  body: string;
  css?: string;
  /** The page's script (trusted, ours); hashed into the policy. */
  script?: string;
  /** Data the script reads, embedded as JSON in `<script type="application/json" id="data">`. */
  data?: unknown;
}

const hashes = new Map<string, string>();
/** The CSP source of a script: `'sha256-…'` of its exact text (remembered: a log renders one document). */
function scriptHash(script: string): string {
  let h = hashes.get(script);
  if (h === undefined) {
    h = `'sha256-${crypto().createHash('sha256').update(script, 'utf8').digest('base64')}'`;
    hashes.set(script, h);
  }
  return h;
}

export function htmlDocument(parts: DocumentParts): string {
  return textOf(htmlDocumentPieces({ ...parts, body: [parts.body] }));
}

/**
 * htmlDocument in pieces, the body's as they come: a report of thousands of posts is written a post at a
 * time, never held whole as one string.
 */
export function* htmlDocumentPieces(parts: Omit<DocumentParts, 'body'> & { body: Iterable<string> }): Generator<string, void, undefined> {
  // Nothing else may load: no image, font, frame, fetch, form target or base URL; data the script reads is not a script.
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${parts.script ? scriptHash(parts.script) : "'none'"}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  yield [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(parts.title)}</title>`,
    `<style>${BASE_CSS}${parts.css ?? ''}</style>`,
    '</head>',
    '<body>',
    '',
  ].join('\n');
  yield* parts.body;
  yield [
    '',
    parts.data === undefined ? '' : `<script type="application/json" id="data">${jsonForScript(parts.data)}</script>`,
    parts.script ? `<script>${parts.script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
