// Discord webhook: `content` is the notification line (at most 2,000 characters), the report goes in
// embeds (description at most 4,096, all embeds together at most 6,000 characters, at most 10), and
// `allowed_mentions: {parse: []}` so nothing in a capture can ping @everyone, a role or a user.
import { baseOrigin, segments } from './base.js';
import { post } from './http.js';
import { adaptMarkdown, chunks, fitPieces, truncate } from './text.js';
import { type Channel, NotifyUsageError } from './types.js';

export const DISCORD_CONTENT_MAX = 2000;
export const DISCORD_DESCRIPTION_MAX = 4096;
export const DISCORD_TITLE_MAX = 256;
export const DISCORD_EMBEDS_TOTAL = 6000;
export const DISCORD_EMBEDS_MAX = 10;

interface Discord {
  url: string;
}

/** Break @mentions for clients that would still highlight them (allowed_mentions already stops the ping). */
const noMention = (s: string) => s.replace(/@/g, '@\u200b');

export const discord: Channel<Discord> = {
  schemes: ['discord'],
  parse(url) {
    // discord://WebhookID/WebhookToken is https://discord.com/api/webhooks/WebhookID/WebhookToken.
    const parts = url.protocol === 'discord:' ? [decodeURIComponent(url.host), ...segments(url)] : segments(url).slice(2);
    if (parts.length !== 2 || !/^\d+$/.test(parts[0]!) || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) {
      throw new NotifyUsageError('expected discord://WebhookID/WebhookToken');
    }
    return { url: `${baseOrigin(url, 'https://discord.com')}/api/webhooks/${parts.join('/')}` };
  },
  async send(target, message, ctx) {
    const title = truncate(noMention(`livediff: ${message.page}${message.title ? ` · ${message.title}` : ''}`), DISCORD_TITLE_MAX);
    const body = noMention(adaptMarkdown(message.markdown, 'discord'));
    const budget = DISCORD_EMBEDS_TOTAL - title.length;
    const pieces = fitPieces(chunks(body, DISCORD_DESCRIPTION_MAX), DISCORD_EMBEDS_MAX, budget, (n) => `*… ${n} more characters of the report left out (Discord's size limit)*`);
    const embeds = pieces.map((description, i) => ({
      ...(i === 0 ? { title, ...(message.link ? { url: message.link } : {}), timestamp: message.time } : {}),
      description,
    }));
    const payload = {
      content: truncate(noMention(message.summary), DISCORD_CONTENT_MAX),
      embeds,
      allowed_mentions: { parse: [] },
    };
    await post(target, `${target.data.url}?wait=true`, JSON.stringify(payload), { 'content-type': 'application/json' }, ctx);
  },
};
