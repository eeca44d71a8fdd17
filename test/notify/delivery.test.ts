// What every HTTP channel does on failure: status classes, redirects, timeouts, capped answers, retries,
// and no secret in any message.
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { maskUrl, NotifyError, parseNotifyUrls, send, sendAll, sendOnce, SCHEMES } from '../../src/notify/index.js';
import { listenLocal, stopServer } from '../helpers/server.js';
import { realNotification, receiver } from './fixtures.js';

const ctx = { timeoutMs: 2000 };
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

/** One URL per HTTP channel, each with secrets, aimed at `base`. */
function urls(base: string, port: number): Record<string, string> {
  return {
    slack: `slack://T0001/BSECRET1/SLACKSECRET2?base=${base}`,
    discord: `discord://123456789/DISCORDSECRET?base=${base}`,
    ntfy: `ntfy://user:NTFYPASSWORD@127.0.0.1:${port}/topic`,
    teams: `teams://prod-1.westus.logic.azure.com/workflows/WORKFLOW0SECRET12345/triggers/manual/paths/invoke?sig=TEAMSSIGSECRET&base=${base}`,
    json: `json://127.0.0.1:${port}/hook?token=JSONTOKENSECRET&+Authorization=Bearer%20JSONHEADERSECRET`,
  };
}
const SECRETS = /BSECRET1|SLACKSECRET2|DISCORDSECRET|NTFYPASSWORD|WORKFLOW0SECRET12345|TEAMSSIGSECRET|JSONTOKENSECRET|JSONHEADERSECRET/;

async function failure(promise: Promise<unknown>): Promise<NotifyError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NotifyError);
  return error as NotifyError;
}

describe('failures', () => {
  for (const [status, retryable] of [
    [500, true],
    [503, true],
    [429, true],
    [408, true],
    [400, false],
    [401, false],
    [404, false],
  ] as const) {
    it(`HTTP ${status} fails every channel, ${retryable ? '' : 'not '}retryable, secrets masked`, async () => {
      const r = await receiver(() => ({ status, body: `echo ${'x'.repeat(200)} SLACKSECRET2 NTFYPASSWORD` }));
      closers.push(r.close);
      for (const [name, url] of Object.entries(urls(r.base, r.port))) {
        const [t] = parseNotifyUrls([url]);
        const e = await failure(sendOnce(t!, realNotification(), ctx));
        expect(e.retryable).toBe(retryable);
        expect(e.message).toBe(`notify ${maskUrl(url)}: HTTP ${status}`);
        expect(e.message).toMatch(new RegExp(`^notify ${name}://`));
        expect(e.message).not.toMatch(SECRETS);
      }
    });
  }

  it('does not follow a redirect to another origin, follows a 307 within the origin', async () => {
    const other = await receiver();
    closers.push(other.close);
    const r = await receiver((n, req) =>
      req.url!.startsWith('/moved') ? 200 : n === 0 ? { status: 307, headers: { location: '/moved/here' } } : { status: 307, headers: { location: `${other.base}/steal` } },
    );
    closers.push(r.close);
    const [t] = parseNotifyUrls([`json://127.0.0.1:${r.port}/hook`]);
    await sendOnce(t!, realNotification(), ctx);
    expect(r.got.map((g) => g.url)).toEqual(['/hook', '/moved/here']);
    expect(r.got[1]!.body).toBe(r.got[0]!.body);
    const e = await failure(sendOnce(t!, realNotification(), ctx));
    expect(e.message).toMatch(/HTTP 307 redirect to another origin, not followed$/);
    expect(e.retryable).toBe(false);
    expect(other.got).toHaveLength(0);
  });

  it('gives up after the timeout, retryable', async () => {
    const server = createServer(() => undefined);
    const base = await listenLocal(server);
    closers.push(() => stopServer(server));
    const [t] = parseNotifyUrls([`json://${new URL(base).host}/slow`]);
    const e = await failure(sendOnce(t!, realNotification(), { timeoutMs: 200 }));
    expect(e.message).toMatch(/no answer within 200 ms$/);
    expect(e.retryable).toBe(true);
  });

  it('reads at most 64 KiB of an endless answer', async () => {
    let written = 0;
    const server = createServer((req, res) => {
      req.resume();
      res.writeHead(200);
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (written < 64 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (written < 64 * 1024 * 1024) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    const base = await listenLocal(server);
    closers.push(() => stopServer(server));
    const [t] = parseNotifyUrls([`json://${new URL(base).host}/big`]);
    await sendOnce(t!, realNotification(), ctx);
    // The socket's buffers hold a few MiB at most: far from the 64 MiB the server would send.
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it('a refused connection is retryable and names the target', async () => {
    const server = createServer();
    const base = await listenLocal(server);
    stopServer(server);
    const [t] = parseNotifyUrls([`ntfy://u:NTFYPASSWORD@${new URL(base).host}/topic`]);
    const e = await failure(sendOnce(t!, realNotification(), ctx));
    expect(e.message).toBe(`notify ntfy://u:***@${new URL(base).host}/topic: ECONNREFUSED`);
    expect(e.retryable).toBe(true);
  });
});

describe('retries', () => {
  it('retries 503 then succeeds; 400 is not retried', async () => {
    const r = await receiver((n) => (n < 2 ? 503 : 200));
    closers.push(r.close);
    const [t] = parseNotifyUrls([`json://127.0.0.1:${r.port}/hook`]);
    await send(t!, realNotification(), { ...ctx, retries: 3, backoffMs: 1 });
    expect(r.got).toHaveLength(3);
    const bad = await receiver(() => 400);
    closers.push(bad.close);
    const [u] = parseNotifyUrls([`json://127.0.0.1:${bad.port}/hook`]);
    const e = await failure(send(u!, realNotification(), { ...ctx, retries: 3, backoffMs: 1 }));
    expect(bad.got).toHaveLength(1);
    expect(e.message).toMatch(/HTTP 400$/);
  });

  it('says how many attempts failed; sendAll reports each target, one failing never stops another', async () => {
    const down = await receiver(() => 502);
    const up = await receiver();
    closers.push(down.close, up.close);
    const targets = parseNotifyUrls([`json://127.0.0.1:${down.port}/a`, `ntfy://127.0.0.1:${up.port}/b`]);
    const results = await sendAll(targets, realNotification(), { ...ctx, retries: 2, backoffMs: 1 });
    expect(results.map((r) => [r.target, r.ok])).toEqual([
      [`json://127.0.0.1:${down.port}/a`, false],
      [`ntfy://127.0.0.1:${up.port}/b`, true],
    ]);
    expect(results[0]!.error!.message).toBe(`notify json://127.0.0.1:${down.port}/a: HTTP 502 after 3 attempts`);
    expect(down.got).toHaveLength(3);
  });
});

describe('parseNotifyUrls and maskUrl', () => {
  it('names the masked URL and the known schemes for an unknown scheme', () => {
    const error = (() => {
      try {
        parseNotifyUrls(['ntfy://h/ok', 'pushover://user:PUSHSECRET@host/x']);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toBe(`notify URL pushover://***:***@host/***: unknown scheme 'pushover:' (known schemes: ${SCHEMES.join(', ')})`);
    expect(error!.message).not.toContain('\n');
  });

  it('points a plain https URL to json:// and rejects malformed channel URLs without printing secrets', () => {
    expect(() => parseNotifyUrls(['https://example.org/hook?token=HTTPSECRET'])).toThrow(
      "notify URL https://example.org/hook?token=***: unknown scheme 'https:'; for a generic JSON webhook write json:// or jsons://",
    );
    for (const [url, what] of [
      ['slack://T0001/ONLYONESECRET', /expected slack:\/\/TokenA\/TokenB\/TokenC/],
      ['discord://notanumber/DISCORDSECRET', /expected discord:\/\/WebhookID\/WebhookToken/],
      ['mailto://u:MAILSECRET@smtp.example', /needs \?to=address/],
      ['atom://relative/feed.xml', /expected atom:\/\/\/absolute/],
      ['ntfy://u:NTFYSECRET@h/a/b', /one topic/],
      ['not a url MAILSECRET', /not a URL/],
    ] as const) {
      let message = '';
      try {
        parseNotifyUrls([url]);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(what);
      expect(message).not.toMatch(/SECRET/);
    }
  });

  it('masks every kind of secret', () => {
    expect(maskUrl('slack://T0001/B0002/XXXXSECRET')).toBe('slack://T0001/***/***');
    expect(maskUrl('https://hooks.slack.com/services/T0001/B0002/XXXXSECRET')).toBe('https://hooks.slack.com/services/T0001/***/***');
    expect(maskUrl('discord://1234/TOKENSECRET')).toBe('discord://1234/***');
    expect(maskUrl('https://discord.com/api/webhooks/1234/TOKENSECRET')).toBe('https://discord.com/api/webhooks/1234/***');
    expect(maskUrl('ntfys://:tk_SECRET1@ntfy.sh/t')).toBe('ntfys://:***@ntfy.sh/t');
    expect(maskUrl('ntfy://tk_SECRET1@ntfy.sh/t')).toBe('ntfy://***@ntfy.sh/t');
    expect(maskUrl('mailtos://me%40x.org:PASS@smtp.x.org?to=a@b.c')).toBe('mailtos://me@x.org:***@smtp.x.org?to=a@b.c');
    expect(maskUrl('jsons://h/p?key=1&sig=2&auth=3&password=4&x=5&apikey=6')).toBe('jsons://h/p?key=***&sig=***&auth=***&password=***&x=5&apikey=***');
    expect(maskUrl('jsons://h/hooks/a1b2c3d4e5f6g7h8i9j0')).toBe('jsons://h/hooks/***');
    expect(maskUrl('teams://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=S1')).toBe('teams://x.logic.azure.com/workflows/***/triggers/manual/paths/invoke?sig=***');
    expect(maskUrl('atom:///var/feeds/cnn.xml')).toBe('atom:///var/feeds/cnn.xml');
    // A scheme livediff does not know: everything that may be a secret is masked.
    expect(maskUrl('gotify://user:pw@host/short?x=1')).toBe('gotify://***:***@host/***?x=***');
  });
});
