// Slack incoming webhook: `{text, blocks}` with mrkdwn section blocks. `text` is the notification line
// (what a phone shows); the report goes in sections of at most 3,000 characters, at most 50 blocks.
import { baseOrigin, segments } from './base.js';
import { post } from './http.js';
import { adaptMarkdown, chunks, fitPieces, truncate } from './text.js';
import { type Channel, NotifyUsageError } from './types.js';

/** Slack's documented limits: section text 3,000 chars, 50 blocks per message, header 150 chars. */
export const SLACK_SECTION_MAX = 3000;
export const SLACK_BLOCKS_MAX = 50;
export const SLACK_HEADER_MAX = 150;
/** All section text together stays well under the 40,000 characters after which Slack truncates. */
const SLACK_TOTAL = 36000;

interface Slack {
  url: string;
}

/** Slack's own escaping for text outside the report (page names, titles): & < > only. */
const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const slack: Channel<Slack> = {
  schemes: ['slack'],
  parse(url) {
    // slack://T000/B000/XXXX is https://hooks.slack.com/services/T000/B000/XXXX, as in Apprise.
    const tokens = url.protocol === 'slack:' ? [decodeURIComponent(url.host), ...segments(url)] : segments(url).slice(1);
    if (tokens.length !== 3 || tokens.some((t) => !/^[A-Za-z0-9_-]+$/.test(t))) {
      throw new NotifyUsageError('expected slack://TokenA/TokenB/TokenC (the three parts of the webhook URL)');
    }
    return { url: `${baseOrigin(url, 'https://hooks.slack.com')}/services/${tokens.join('/')}` };
  },
  async send(target, message, ctx) {
    const body = adaptMarkdown(message.markdown, 'slack');
    const header = { type: 'header', text: { type: 'plain_text', text: truncate(escapeSlack(`livediff: ${message.page}`), SLACK_HEADER_MAX), emoji: true } };
    const summary = `*${escapeSlack(truncate(message.summary, 1000))}*${message.link ? `\n<${message.link.replace(/[<>|]/g, encodeURIComponent)}|${escapeSlack(message.title ?? message.link)}>` : ''}`;
    const pieces = fitPieces(chunks(body, SLACK_SECTION_MAX), SLACK_BLOCKS_MAX - 2, SLACK_TOTAL, (n) => `_… ${n} more characters of the report left out (Slack's size limit)_`);
    const blocks = [header, ...[summary, ...pieces].map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }))];
    const payload = { text: truncate(escapeSlack(message.summary), SLACK_SECTION_MAX), blocks };
    await post(target, target.data.url, JSON.stringify(payload), { 'content-type': 'application/json' }, ctx);
  },
};
