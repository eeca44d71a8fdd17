// Microsoft Teams through a Power Automate "Workflows" webhook (the successor of Office 365 connectors):
// a `message` with one Adaptive Card attachment, which the "Post card in a chat or channel" flow posts.
// teams://host/path?query is the https:// URL the Workflows app gives, with the scheme replaced.
import { baseOrigin, forwardedQuery } from './base.js';
import { post } from './http.js';
import { adaptMarkdown, chunks, fitPieces, truncate } from './text.js';
import { type Channel, NotifyUsageError } from './types.js';

/** Teams rejects messages above about 28 KB: the card's text stays within this many characters. */
export const TEAMS_TEXT_MAX = 20000;
const BLOCK_MAX = 4000;

interface Teams {
  url: string;
}

export const teams: Channel<Teams> = {
  schemes: ['teams'],
  parse(url) {
    if (!url.host || url.pathname.length <= 1) throw new NotifyUsageError('expected teams://host/path?query (the Workflows webhook URL with https:// replaced by teams://)');
    const origin = url.protocol === 'teams:' ? baseOrigin(url, `https://${url.host}`) : baseOrigin(url, url.origin);
    return { url: `${origin}${url.pathname}${forwardedQuery(url)}` };
  },
  async send(target, message, ctx) {
    const body = adaptMarkdown(message.markdown, 'teams');
    const pieces = fitPieces(chunks(body, BLOCK_MAX), 50, TEAMS_TEXT_MAX, (n) => `_… ${n} more characters of the report left out (Teams' size limit)_`);
    const card = {
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        { type: 'TextBlock', text: truncate(`livediff: ${message.page}`, 200), weight: 'Bolder', size: 'Medium', wrap: true },
        ...(message.title ? [{ type: 'TextBlock', text: truncate(message.title, 300), isSubtle: true, wrap: true, spacing: 'None' }] : []),
        { type: 'TextBlock', text: truncate(message.summary, 1000), wrap: true },
        ...pieces.map((text) => ({ type: 'TextBlock', text, wrap: true })),
      ],
      ...(message.link ? { actions: [{ type: 'Action.OpenUrl', title: 'Open the page', url: message.link }] } : {}),
      msteams: { width: 'Full' },
    };
    const payload = {
      type: 'message',
      summary: truncate(message.summary, 250),
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
    };
    await post(target, target.data.url, JSON.stringify(payload), { 'content-type': 'application/json' }, ctx);
  },
};
