// Channel URLs hold secrets (webhook tokens, passwords, signatures): the one way to print them, and the
// list of secret strings to scrub from any text that might echo them (a server's error, a library's).

/** Query keys whose values are secrets wherever they appear. */
const SECRET_KEY = /token|key|sig|auth|pass|secret|code|hash|apikey/i;
/** Schemes whose path segments after the first are tokens (webhook URLs are bearer credentials). */
const TOKEN_PATH = new Set(['slack', 'discord', 'teams']);
/** A path segment that looks like a credential: long, URL-safe, with a digit (not in atom:// file paths). */
const LONG_TOKEN = /^(?=.*\d)[A-Za-z0-9_.~%-]{16,}$/;

const MASK = '***';

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The service behind a URL, for the token rules: `https://hooks.slack.com/…` is a slack URL. */
function service(u: URL): string {
  const scheme = u.protocol.replace(/:$/, '');
  const plain = TLS_FORM[scheme] ?? scheme;
  if (u.hostname === 'hooks.slack.com') return 'slack';
  if (/(^|\.)discord(app)?\.com$/.test(u.hostname)) return 'discord';
  if (/\.(logic\.azure\.com|powerplatform\.com|webhook\.office\.com)$/.test(u.hostname)) return 'teams';
  return plain;
}

/** Schemes whose URLs we know the layout of; in any other (a typo, an unsupported service) every path segment and query value is masked. */
const KNOWN = new Set(['http', 'slack', 'discord', 'teams', 'ntfy', 'json', 'mailto', 'atom']);

/** The TLS form of a scheme and its plain form share their rules. */
const TLS_FORM: Record<string, string> = { https: 'http', ntfys: 'ntfy', jsons: 'json', mailtos: 'mailto', 'teams+http': 'teams' };

interface Split {
  shown: string;
  secrets: string[];
}

function split(raw: string): Split {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    // Not a URL: show only what precedes "://" (a scheme cannot hold a secret), the rest may.
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0];
    return { shown: scheme ? `${scheme}//${MASK}` : '(not a URL)', secrets: [] };
  }
  const secrets: string[] = [];
  const kind = service(u);
  let user = '';
  if (u.username || u.password) {
    const name = decode(u.username);
    // A bare ntfy access token sits where a user name would (ntfy://tk_…@host).
    const nameIsToken = /^tk_/i.test(name) || (!u.password && TOKEN_PATH.has(kind)) || !KNOWN.has(kind);
    if (nameIsToken) secrets.push(name, u.username);
    if (u.password) secrets.push(decode(u.password), u.password);
    user = `${nameIsToken ? MASK : name}${u.password ? `:${MASK}` : ''}@`;
  }
  const segments = u.pathname.split('/');
  // Slack and Discord keep their tokens after a fixed prefix (services/, api/webhooks/) or, in the
  // slack:// and discord:// forms, right in the path; mask every segment but a workspace or webhook id.
  const keep = kind === 'slack' || kind === 'discord' ? firstIdIndex(segments, u) : -1;
  const path = segments
    .map((seg, i) => {
      if (seg === '') return seg;
      const masked = TOKEN_PATH.has(kind) ? i > keep && !FIXED.has(seg) : !KNOWN.has(kind) || (kind !== 'atom' && LONG_TOKEN.test(seg));
      if (!masked) return seg;
      secrets.push(decode(seg), seg);
      return MASK;
    })
    .join('/');
  const host = u.host;
  const query = [...u.searchParams]
    .map(([k, v]) => {
      // `+Name=value` sets a request header (json://); URLSearchParams reads that + as a space.
      const header = /^[ +]/.test(k);
      const secret = SECRET_KEY.test(k) || header || !KNOWN.has(kind);
      if (secret && v) secrets.push(v, encodeURIComponent(v));
      return `${header ? `+${k.slice(1)}` : k}=${secret && v ? MASK : v}`;
    })
    .join('&');
  const shown = `${u.protocol}//${user}${host}${path === '/' && !u.host ? '' : path}${query ? `?${query}` : ''}`;
  return { shown, secrets: secrets.filter((s) => s.length >= 4) };
}

/** Path words that are part of a service's fixed URL, never a token. */
const FIXED = new Set(['services', 'api', 'webhooks', 'workflows', 'triggers', 'manual', 'paths', 'invoke', 'powerautomate', 'automations', 'direct', 'IncomingWebhook', 'webhookb2']);

/** Index of the last path segment that stays visible (the workspace or webhook id), -1 for none. */
function firstIdIndex(segments: string[], u: URL): number {
  const start = segments.findIndex((s, i) => i > 0 && s !== '' && !FIXED.has(s));
  // slack://T000/B000/XXX and discord://ID/TOKEN: the host is the id, every path segment is a token.
  if (u.protocol === 'slack:' || u.protocol === 'discord:') return 0;
  return start;
}

/** A channel URL safe to print: passwords, tokens in paths and secret query values replaced by ***. */
export function maskUrl(url: string): string {
  return split(url).shown;
}

/** The secret strings a URL holds (for scrub). */
export function secretsOf(url: string): string[] {
  return split(url).secrets;
}

/** Text with every secret removed (for messages built from a server's answer or a library's error). */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(MASK);
  return out;
}
