// The generic JSON webhook (what `check --webhook` posts): the livediff.check/3 body as is.
// json://host/path is plain HTTP, jsons:// HTTPS; `+Name=value` query entries become request headers
// (e.g. `?+Authorization=Bearer%20…`, as in Apprise), other query entries are kept in the URL.
import { forwardedQuery } from './base.js';
import { post } from './http.js';
import { sanitizeJson } from '../render/sanitize.js';
import { type Channel, NotifyUsageError } from './types.js';

interface Json {
  url: string;
  headers: Record<string, string>;
}

export const json: Channel<Json> = {
  schemes: ['json', 'jsons'],
  parse(url) {
    if (!url.host) throw new NotifyUsageError('expected json://host[:port]/path or jsons://…');
    const headers: Record<string, string> = {};
    for (const [k, v] of url.searchParams) {
      // URLSearchParams reads a literal + as a space: `?+Name=` arrives as ' Name' (or '+Name' when written %2B).
      if (!/^[ +]/.test(k)) continue;
      if (!/^[ +][A-Za-z0-9-]+$/.test(k)) throw new NotifyUsageError(`'${k.slice(0, 40)}' is not a header name`);
      headers[k.slice(1).toLowerCase()] = v;
    }
    const auth: Record<string, string> = url.username || url.password ? { authorization: `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}` } : {};
    const scheme = url.protocol === 'jsons:' ? 'https' : 'http';
    return { url: `${scheme}://${url.host}${url.pathname}${forwardedQuery(url, (k) => /^[ +]/.test(k))}`, headers: { ...auth, ...headers } };
  },
  async send(target, message, ctx) {
    const body = sanitizeJson(JSON.stringify(message.json));
    await post(target, target.data.url, body, { ...target.data.headers, 'content-type': 'application/json' }, ctx);
  },
};
