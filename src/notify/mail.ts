// E-mail over SMTP with nodemailer (loaded on first send only): plain text and an HTML alternative.
// mailto://user:password@host[:port]?to=a@x,b@y&from=me@x uses STARTTLS when the server offers it
// (port 587 by default); mailtos:// connects with TLS from the start (port 465 by default).
import { scrub } from './mask.js';
import { htmlOf, plainText, truncate } from './text.js';
import { type Channel, NotifyError, NotifyUsageError } from './types.js';

interface Mail {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  to: string[];
  from: string;
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

/** SMTP answers 4xx for "try again later", 5xx for "this will not work"; network errors may pass. */
function retryable(error: { responseCode?: number; code?: string }): boolean {
  if (typeof error.responseCode === 'number') return error.responseCode < 500;
  return error.code !== 'EAUTH' && error.code !== 'EENVELOPE' && error.code !== 'EMESSAGE';
}

export const mail: Channel<Mail> = {
  schemes: ['mailto', 'mailtos'],
  parse(url) {
    const secure = url.protocol === 'mailtos:';
    const user = decodeURIComponent(url.username);
    const host = url.hostname;
    if (!host) throw new NotifyUsageError('expected mailto://[user:password@]host[:port]?to=address');
    const list = (key: string) => url.searchParams.getAll(key).flatMap((v) => v.split(',')).map((a) => a.trim()).filter(Boolean);
    const to = list('to');
    if (to.length === 0 && ADDRESS.test(user)) to.push(user);
    if (to.length === 0) throw new NotifyUsageError('needs ?to=address (or a user name that is an address)');
    const from = url.searchParams.get('from') ?? (ADDRESS.test(user) ? user : `livediff@${host}`);
    for (const a of [...to, from]) if (!ADDRESS.test(a)) throw new NotifyUsageError(`'${truncate(a, 60)}' is not an e-mail address`);
    const port = url.port ? Number(url.port) : secure ? 465 : 587;
    return { host, port, secure, user, password: decodeURIComponent(url.password), to, from };
  },
  async send(target, message, ctx) {
    const { data } = target;
    const nodemailer = (await import('nodemailer')).default;
    const transport = nodemailer.createTransport({
      host: data.host,
      port: data.port,
      secure: data.secure,
      ...(data.user ? { auth: { user: data.user, pass: data.password } } : {}),
      connectionTimeout: ctx.timeoutMs,
      greetingTimeout: ctx.timeoutMs,
      socketTimeout: ctx.timeoutMs,
    });
    const text = `${message.summary}\n${message.link ? `${message.link}\n` : ''}\n${plainText(message.markdown)}\n`;
    try {
      await transport.sendMail({
        from: data.from,
        to: data.to,
        subject: truncate(`livediff: ${message.summary}`, 200),
        text,
        html: htmlOf(message.summary, plainText(message.markdown), message.link),
      });
    } catch (error) {
      const e = error as Error & { responseCode?: number; code?: string };
      const what = [e.code, e.message].filter(Boolean).join(': ').replace(/\s+/g, ' ');
      throw new NotifyError(target.scheme, target.masked, scrub(truncate(what, 300), target.secrets), retryable(e));
    } finally {
      transport.close();
    }
  },
};
