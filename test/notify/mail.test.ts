// mailto:// against a real SMTP server (smtp-server) on 127.0.0.1: nodemailer's mail as received.
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { NotifyError, parseNotifyUrls, sendOnce } from '../../src/notify/index.js';
import { hostileNotification, realNotification } from './fixtures.js';

interface Mail {
  from: string;
  to: string[];
  data: string;
  user?: string;
}

let stop: () => void = () => undefined;
afterEach(() => stop());

async function smtp(password = 'SMTPSECRET', reject?: number) {
  const got: Mail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'me@example.org' && auth.password === password) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const parts: Buffer[] = [];
      stream.on('data', (c: Buffer) => parts.push(c));
      stream.on('end', () => {
        if (reject) return cb(Object.assign(new Error('mailbox busy'), { responseCode: reject }));
        got.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(parts).toString('utf8'),
          user: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  stop = () => server.close();
  return { port, got };
}

/** The decoded text of a MIME part (quoted-printable or base64). */
function part(data: string, type: string): string {
  const m = new RegExp(`Content-Type: ${type}[^]*?\\r\\n\\r\\n([^]*?)\\r\\n--`).exec(data);
  const header = new RegExp(`Content-Type: ${type}[^]*?\\r\\n\\r\\n`).exec(data)![0];
  const raw = m![1]!;
  if (/base64/i.test(header)) return Buffer.from(raw, 'base64').toString('utf8');
  return Buffer.from(raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

describe('mailto', () => {
  it('sends plain text and HTML, with auth, to every address', async () => {
    const { port, got } = await smtp();
    const [t] = parseNotifyUrls([`mailto://me%40example.org:SMTPSECRET@127.0.0.1:${port}?to=a@example.org,b@example.org&from=livediff@example.org`]);
    await sendOnce(t!, realNotification(), { timeoutMs: 5000 });
    expect(got).toHaveLength(1);
    const [mail] = got;
    expect(mail!.user).toBe('me@example.org');
    expect(mail!.from).toBe('livediff@example.org');
    expect(mail!.to).toEqual(['a@example.org', 'b@example.org']);
    expect(mail!.data).toMatch(/^Subject: livediff: cnn: /m);
    expect(mail!.data).toMatch(/^To: a@example.org, b@example.org$/m);
    expect(mail!.data).toMatch(/Content-Type: multipart\/alternative/);
    const text = part(mail!.data, 'text/plain');
    expect(text.replace(/\r\n/g, '\n')).toMatch(/^cnn: .*\nhttps:\/\/example.org\/live\n/);
    expect(text).not.toMatch(/&amp;|&lt;|\*\*|<details>/);
    const html = part(mail!.data, 'text/html');
    expect(html).toMatch(/^<p><strong>cnn: /);
    expect(html).toContain('<a href="https://example.org/live">');
  });

  it('escapes capture text in the HTML part', async () => {
    const { port, got } = await smtp();
    const [t] = parseNotifyUrls([`mailto://127.0.0.1:${port}?to=a@example.org`]);
    await sendOnce(t!, hostileNotification(), { timeoutMs: 5000 });
    const html = part(got[0]!.data, 'text/html');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(got[0]!.from).toBe('livediff@127.0.0.1');
  });

  it('a wrong password fails, not retryable, password never printed', async () => {
    const { port } = await smtp('OTHER');
    const [t] = parseNotifyUrls([`mailto://me%40example.org:SMTPSECRET@127.0.0.1:${port}?to=a@example.org`]);
    const e = (await sendOnce(t!, realNotification(), { timeoutMs: 5000 }).catch((x: unknown) => x)) as NotifyError;
    expect(e).toBeInstanceOf(NotifyError);
    expect(e.message).toMatch(new RegExp(`^notify mailto://me@example.org:\\*\\*\\*@127.0.0.1:${port}\\?to=a@example.org: EAUTH`));
    expect(e.message).not.toContain('SMTPSECRET');
    expect(e.retryable).toBe(false);
  });

  it('an SMTP 4xx answer is retryable, a refused connection too', async () => {
    const { port } = await smtp('SMTPSECRET', 451);
    const [t] = parseNotifyUrls([`mailto://127.0.0.1:${port}?to=a@example.org`]);
    const e = (await sendOnce(t!, realNotification(), { timeoutMs: 5000 }).catch((x: unknown) => x)) as NotifyError;
    expect(e.retryable).toBe(true);
    expect(e.message).toMatch(/451/);
    stop();
    const refused = (await sendOnce(t!, realNotification(), { timeoutMs: 5000 }).catch((x: unknown) => x)) as NotifyError;
    expect(refused.retryable).toBe(true);
    expect(refused.message).toMatch(/ECONNECTION|ECONNREFUSED/);
  });
});
