// Slack, Discord, Teams, ntfy and JSON channels against a receiver on 127.0.0.1: each payload in the
// format the real service takes, within its size limits, with no mention able to ping anyone.
import { afterEach, describe, expect, it } from 'vitest';
import { parseNotifyUrls, sendOnce } from '../../src/notify/index.js';
import { DISCORD_CONTENT_MAX, DISCORD_DESCRIPTION_MAX, DISCORD_EMBEDS_MAX, DISCORD_EMBEDS_TOTAL, DISCORD_TITLE_MAX } from '../../src/notify/discord.js';
import { NTFY_MESSAGE_MAX_BYTES } from '../../src/notify/ntfy.js';
import { SLACK_BLOCKS_MAX, SLACK_HEADER_MAX, SLACK_SECTION_MAX } from '../../src/notify/slack.js';
import { TEAMS_TEXT_MAX } from '../../src/notify/teams.js';
import { hostileNotification, realNotification, receiver } from './fixtures.js';

const ctx = { timeoutMs: 5000 };
let close: () => void = () => undefined;
afterEach(() => close());

async function deliver(url: (base: string, port: number) => string, message = realNotification()) {
  const r = await receiver();
  close = r.close;
  const [t] = parseNotifyUrls([url(r.base, r.port)]);
  await sendOnce(t!, message, ctx);
  expect(r.got).toHaveLength(1);
  return r.got[0]!;
}

/** Raw mentions that would ping a channel if they reached the service unchanged. */
const RAW_MENTION = /(?<!&lt;)<!(channel|here|everyone)>|@(everyone|here)\b/;

describe('slack', () => {
  it('posts {text, blocks} with mrkdwn sections to /services/A/B/C', async () => {
    const got = await deliver((base) => `slack://T0001/B0002/SECRETSECRET?base=${base}`);
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/services/T0001/B0002/SECRETSECRET');
    expect(got.headers['content-type']).toBe('application/json');
    const body = JSON.parse(got.body);
    expect(Object.keys(body).sort()).toEqual(['blocks', 'text']);
    expect(body.text).toMatch(/^cnn: /);
    expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'livediff: cnn', emoji: true } });
    for (const b of body.blocks.slice(1)) expect(b.type === 'section' && b.text.type === 'mrkdwn').toBe(true);
    const text = body.blocks.slice(1).map((b: { text: { text: string } }) => b.text.text).join('\n');
    expect(text).toContain('<https://example.org/live|');
    // Markdown adapted: no GitHub headings, ** bold or HTML left.
    expect(text).not.toMatch(/^#+ |\*\*|<details>|<sub>|&#8203;/m);
  });

  it('accepts the https://hooks.slack.com/services/… form', () => {
    const [t] = parseNotifyUrls(['https://hooks.slack.com/services/T0001/B0002/SECRETSECRET']);
    expect(t!.target.data).toEqual({ url: 'https://hooks.slack.com/services/T0001/B0002/SECRETSECRET' });
  });

  it('keeps a long hostile report within the limits and pings no one', async () => {
    const got = await deliver((base) => `slack://T0001/B0002/SECRETSECRET?base=${base}`, hostileNotification());
    const body = JSON.parse(got.body);
    expect(body.blocks.length).toBeLessThanOrEqual(SLACK_BLOCKS_MAX);
    expect(body.blocks[0].text.text.length).toBeLessThanOrEqual(SLACK_HEADER_MAX);
    for (const b of body.blocks.slice(1)) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_SECTION_MAX);
    const all = [body.text, ...body.blocks.map((b: { text: { text: string } }) => b.text.text)].join('\n');
    expect(all.length).toBeLessThan(40000);
    expect(all).toMatch(/more characters of the report left out/);
    expect(all).not.toMatch(RAW_MENTION);
    // Slack's escaping: no raw < or > from capture text (only the quote and link markup we write).
    expect(all.replace(/<https:\/\/[^|>]+\|[^>]*>/g, '').replace(/^>/gm, '')).not.toMatch(/[<>]/);
    expect(all).toContain('&lt;script&gt;');
  });
});

describe('discord', () => {
  it('posts content, embeds and allowed_mentions to /api/webhooks/ID/TOKEN', async () => {
    const got = await deliver((base) => `discord://123456789/SECRET_token-1?base=${base}`);
    expect(got.url).toBe('/api/webhooks/123456789/SECRET_token-1?wait=true');
    expect(got.headers['content-type']).toBe('application/json');
    const body = JSON.parse(got.body);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toMatch(/^cnn: /);
    expect(body.embeds[0].title).toMatch(/^livediff: cnn/);
    expect(body.embeds[0].url).toBe('https://example.org/live');
    expect(body.embeds[0].timestamp).toBe('2023-03-22T12:00:00.000Z');
    expect(body.embeds.map((e: { description: string }) => e.description).join('')).not.toMatch(/&amp;|&lt;|<details>|<sub>/);
  });

  it('keeps a long hostile report within the limits and breaks every mention', async () => {
    const got = await deliver((base) => `discord://123456789/SECRET_token-1?base=${base}`, hostileNotification());
    const body = JSON.parse(got.body);
    expect(body.content.length).toBeLessThanOrEqual(DISCORD_CONTENT_MAX);
    expect(body.embeds.length).toBeLessThanOrEqual(DISCORD_EMBEDS_MAX);
    expect(body.embeds[0].title.length).toBeLessThanOrEqual(DISCORD_TITLE_MAX);
    let total = 0;
    for (const e of body.embeds) {
      expect(e.description.length).toBeLessThanOrEqual(DISCORD_DESCRIPTION_MAX);
      total += e.description.length + (e.title?.length ?? 0);
    }
    expect(total).toBeLessThanOrEqual(DISCORD_EMBEDS_TOTAL);
    expect(JSON.stringify(body.embeds)).toMatch(/left out/);
    const all = [body.content, ...body.embeds.map((e: { title?: string; description: string }) => `${e.title ?? ''}${e.description}`)].join('\n');
    expect(all).not.toMatch(/@(everyone|here)\b|<@&?\d+>/);
  });
});

describe('ntfy', () => {
  it('posts Markdown to /topic with title, priority, tags, click and basic auth', async () => {
    const got = await deliver((_, port) => `ntfy://alice:s3cretpass@127.0.0.1:${port}/livediff-news?priority=high&tags=news,cnn`);
    expect(got.url).toBe('/livediff-news');
    expect(got.headers.title).toBe('livediff: cnn - March 22, 2023 - Russia-Ukraine news');
    expect(got.headers.priority).toBe('4');
    expect(got.headers.tags).toMatch(/^news,cnn/);
    expect(got.headers.markdown).toBe('yes');
    expect(got.headers.click).toBe('https://example.org/live');
    expect(got.headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cretpass').toString('base64')}`);
    expect(got.body).toMatch(/^\*\*cnn: /);
  });

  it('sends a token as Bearer, encodes a non-ASCII title, stays within 4,096 bytes', async () => {
    const message = hostileNotification();
    message.title = 'Über «live» news';
    const got = await deliver((_, port) => `ntfy://:tk_secret123@127.0.0.1:${port}/t1`, message);
    expect(got.headers.authorization).toBe('Bearer tk_secret123');
    expect(got.headers.title).toMatch(/^=\?UTF-8\?B\?.+\?=$/);
    expect(Buffer.from(String(got.headers.title).slice(10, -2), 'base64').toString()).toContain('Über «live» news');
    expect(Buffer.byteLength(got.body)).toBeLessThanOrEqual(NTFY_MESSAGE_MAX_BYTES);
    expect(got.body).toMatch(/cut to fit/);
    expect(got.body).not.toMatch(RAW_MENTION);
    expect(got.body).not.toContain('\ufffd');
  });

  it('reads ntfy://topic as ntfy.sh over HTTPS and rejects a bad priority', () => {
    expect(parseNotifyUrls(['ntfy://alerts'])[0]!.target.data).toMatchObject({ url: 'https://ntfy.sh/alerts' });
    expect(parseNotifyUrls(['ntfys://ntfy.example/alerts'])[0]!.target.data).toMatchObject({ url: 'https://ntfy.example/alerts' });
    expect(() => parseNotifyUrls(['ntfy://h/t?priority=loud'])).toThrow(/priority=loud: expected min, low/);
  });
});

describe('teams', () => {
  it('posts a message with one Adaptive Card to the Workflows URL, query kept', async () => {
    const got = await deliver((base) => `teams://prod-1.westus.logic.azure.com/workflows/abc123def456abc123/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SIGSECRET99&base=${base}`);
    expect(got.url).toBe('/workflows/abc123def456abc123/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SIGSECRET99');
    const body = JSON.parse(got.body);
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    const [a] = body.attachments;
    expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(a.content.type).toBe('AdaptiveCard');
    expect(a.content.version).toBe('1.4');
    expect(a.content.body[0]).toMatchObject({ type: 'TextBlock', text: 'livediff: cnn', weight: 'Bolder' });
    expect(a.content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the page', url: 'https://example.org/live' }]);
    for (const b of a.content.body) expect(b.type).toBe('TextBlock');
  });

  it('keeps a long report within the size limit', async () => {
    const got = await deliver((base) => `teams://prod-1.westus.logic.azure.com/workflows/x/triggers/manual/paths/invoke?sig=S&base=${base}`, hostileNotification());
    const card = JSON.parse(got.body).attachments[0].content;
    const text = card.body.map((b: { text: string }) => b.text).join('');
    expect(text.length).toBeLessThanOrEqual(TEAMS_TEXT_MAX + 2000);
    expect(Buffer.byteLength(got.body)).toBeLessThan(28 * 1024);
    expect(text).toMatch(/left out/);
    // <!channel> means nothing to Teams; @everyone must not survive whole.
    expect(text).not.toMatch(/@(everyone|here)\b/);
    expect(text).toContain('[x]\u200b(http\u200b://evil.example)');
  });
});

describe('json', () => {
  it('posts the notification JSON as is, with +headers and basic auth', async () => {
    const message = realNotification();
    const got = await deliver((_, port) => `json://bob:pw123456@127.0.0.1:${port}/hook?x=1&+X-Api-Key=KEYKEYKEY`, message);
    expect(got.url).toBe('/hook?x=1');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-api-key']).toBe('KEYKEYKEY');
    expect(got.headers.authorization).toBe(`Basic ${Buffer.from('bob:pw123456').toString('base64')}`);
    const body = JSON.parse(got.body);
    expect(body.schema).toBe('livediff.check/3');
    expect(body).toEqual(JSON.parse(JSON.stringify(message.json)));
  });
});
