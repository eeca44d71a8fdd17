// ntfy: POST the report as the message body to http(s)://host/topic, with Title, Priority, Tags, Click
// and `Markdown: yes` headers. ntfys:// is HTTPS, ntfy:// plain HTTP (a server on the LAN, tests);
// `ntfy://topic` alone goes to ntfy.sh over HTTPS, as in Apprise.
import { escapeMarkdown } from '../render/markdown.js';
import { segments } from './base.js';
import { post } from './http.js';
import { adaptMarkdown, truncate } from './text.js';
import { type Channel, NotifyUsageError } from './types.js';

/** ntfy.sh keeps messages up to 4,096 bytes as text (larger ones become attachments): stay below. */
export const NTFY_MESSAGE_MAX_BYTES = 4096;
const PRIORITIES: Record<string, string> = { min: '1', low: '2', default: '3', high: '4', max: '5', urgent: '5', '1': '1', '2': '2', '3': '3', '4': '4', '5': '5' };

interface Ntfy {
  url: string;
  auth: string | null;
  priority: string;
  tags: string[];
}

/** A header value in ASCII: RFC 2047 encoded-word when the text is not (ntfy decodes it). */
function headerValue(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

/** Text cut to at most `max` UTF-8 bytes, on a character boundary. */
function fitBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  const note = '\n\n*… cut to fit ntfy’s message size*';
  // A cut inside a multi-byte character decodes to U+FFFD: drop it.
  const out = Buffer.from(text, 'utf8')
    .subarray(0, max - Buffer.byteLength(note))
    .toString('utf8')
    .replace(/\ufffd+$/, '');
  return out + note;
}

export const ntfy: Channel<Ntfy> = {
  schemes: ['ntfy', 'ntfys'],
  parse(url) {
    const topics = segments(url);
    let host = url.host;
    if (topics.length === 0 && host) {
      topics.push(decodeURIComponent(url.hostname));
      host = 'ntfy.sh';
    }
    if (topics.length !== 1 || !/^[-_A-Za-z0-9]{1,64}$/.test(topics[0]!)) throw new NotifyUsageError('expected ntfy://[user:password@]host[:port]/topic (one topic, letters, digits, - and _)');
    const tls = url.protocol === 'ntfys:' || host === 'ntfy.sh';
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    let auth: string | null = null;
    if (user && password) auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    else if (password || user) auth = `Bearer ${password || user}`;
    const priorityName = (url.searchParams.get('priority') ?? 'default').toLowerCase();
    const priority = PRIORITIES[priorityName];
    if (priority === undefined) throw new NotifyUsageError(`priority=${priorityName}: expected min, low, default, high, max or 1-5`);
    const tags = (url.searchParams.get('tags') ?? 'livediff').split(',').map((t) => t.trim()).filter(Boolean);
    return { url: `${tls ? 'https' : 'http'}://${host}/${topics[0]}`, auth, priority, tags };
  },
  async send(target, message, ctx) {
    const { data } = target;
    const dropped = message.steps.some((s) => s.report.summary.dropped > 0);
    const headers: Record<string, string> = {
      'content-type': 'text/markdown; charset=utf-8',
      title: headerValue(truncate(`livediff: ${message.page}${message.title ? ` - ${message.title}` : ''}`, 250)),
      priority: data.priority,
      tags: [...data.tags, ...(dropped ? ['warning'] : [])].join(','),
      markdown: 'yes',
    };
    if (message.link) headers.click = message.link;
    if (data.auth) headers.authorization = data.auth;
    const body = fitBytes(`**${escapeMarkdown(message.summary)}**\n\n${adaptMarkdown(message.markdown, 'ntfy')}`, NTFY_MESSAGE_MAX_BYTES);
    await post(target, data.url, body, headers, ctx);
  },
};
