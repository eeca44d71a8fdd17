// The adapters beyond plain text, and character-set sniffing: what an HTML parser is needed for. Loaded on
// demand by the command line (see loadFormats in parse/index.ts), so a run on text captures never pays
// for htmlparser2; the library entry registers them at once.
export { feedAdapter } from './feed.js';
export { htmlAdapter } from './html.js';
export { jsonldAdapter } from './jsonld.js';
export { rssAdapter } from './rss.js';
export { decodeWithCharset, resolveCharset, sniffCharset } from './charset.js';
