// The report's Markdown (render/markdown.ts) adapted to each chat service's dialect, and cut to its
// size limits. Capture text in that Markdown is already neutralised (HTML escaped, punctuation
// backslash-escaped, @ and # broken by a zero-width space); the adaptation keeps it so.

export type Dialect = 'slack' | 'discord' | 'teams' | 'ntfy';

const ZWSP = '\u200b';
/** Backslash-escaped characters stand in the private use area while markers are rewritten. */
const PUA = 0xe000;

const hide = (s: string) => s.replace(/\\([\\`*_[\]#|~$])/g, (_, c: string) => String.fromCharCode(PUA + c.charCodeAt(0)));

function restore(s: string, dialect: Dialect): string {
  return s.replace(/[\ue000-\ue07f]/g, (c) => {
    const ch = String.fromCharCode(c.charCodeAt(0) - PUA);
    // Slack's mrkdwn has no escape: a zero-width space on each side keeps * _ ~ ` from pairing up.
    if (dialect === 'slack') return /[*_~`]/.test(ch) ? `${ZWSP}${ch}${ZWSP}` : ch;
    // Adaptive Card Markdown has no escape either: a zero-width space stops [text](url) becoming a link.
    if (dialect === 'teams') return ch === ']' ? `]${ZWSP}` : ch;
    return `\\${ch}`;
  });
}

/** HTML entities escapeMarkdown wrote, for services that show entities literally. */
function decodeEntities(s: string): string {
  return s.replace(/&#8203;/g, ZWSP).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const STYLE: Record<Dialect, { bold: (s: string) => string; italic: (s: string) => string; strike: (s: string) => string }> = {
  slack: { bold: (s) => `*${s}*`, italic: (s) => `_${s}_`, strike: (s) => `~${s}~` },
  discord: { bold: (s) => `**${s}**`, italic: (s) => `*${s}*`, strike: (s) => `~~${s}~~` },
  ntfy: { bold: (s) => `**${s}**`, italic: (s) => `*${s}*`, strike: (s) => `~~${s}~~` },
  // Adaptive Card text has bold and italic but no strike-through: removed words are shown bracketed.
  teams: { bold: (s) => `**${s}**`, italic: (s) => `_${s}_`, strike: (s) => `[−${s}]` },
};

function inline(line: string, dialect: Dialect): string {
  const st = STYLE[dialect];
  // A removed word followed by the inserted one (`~~old~~**new**`): mrkdwn needs a boundary between the two.
  const spaced = dialect === 'discord' || dialect === 'ntfy' ? line : line.replace(/~~\*\*/g, '~~ **');
  return spaced
    .replace(/<sub>(.*?)<\/sub>/g, (_, s: string) => st.italic(s))
    .replace(/\*\*(.+?)\*\*/g, (_, s: string) => `\u0001${s}\u0002`)
    .replace(/~~(.+?)~~/g, (_, s: string) => st.strike(s))
    .replace(/(^|[^*\w])\*([^*\s](?:[^*]*[^*\s])?)\*(?![*\w])/g, (_, pre: string, s: string) => `${pre}${st.italic(s)}`)
    .replace(/\u0001(.*?)\u0002/g, (_, s: string) => st.bold(s));
}

/** GitHub Markdown from renderMarkdown, in the dialect of one service. */
export function adaptMarkdown(markdown: string, dialect: Dialect): string {
  const out: string[] = [];
  for (const raw of hide(markdown).split('\n')) {
    let line = raw;
    if (/^<\/?details>|^<details><summary>/.test(line)) continue;
    if (/^\|\s*Page\s*\|\s*Before\s*\|\s*After\s*\|$/.test(line) || /^\|[-|]+\|$/.test(line)) continue;
    const cells = /^\|(.*)\|$/.exec(line)?.[1]?.split('|').map((c) => c.trim());
    if (cells && cells.length === 3) line = `• \u0001${cells[0]}\u0002: ${cells[1]} → ${cells[2]}`;
    else {
      const heading = /^#{1,6} (.*)$/.exec(line);
      line = heading ? `\u0001${heading[1]}\u0002` : line;
    }
    out.push(inline(line, dialect));
  }
  let text = restore(out.join('\n').replace(/\n{3,}/g, '\n\n'), dialect);
  // Slack wants exactly &amp; &lt; &gt; escaped, which escapeMarkdown did; the others show entities as is.
  text = dialect === 'slack' ? text.replace(/&#8203;/g, ZWSP) : dialect === 'ntfy' ? text : decodeEntities(text);
  return text.trim();
}

/** Cut at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  let end = Math.max(0, max);
  if (end < s.length && /[\ud800-\udbff]/.test(s[end - 1] ?? '')) end--;
  return s.slice(0, end);
}

/** Text shortened to `max` characters, ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${cut(text, max - 1)}…`;
}

/** Text in pieces of at most `max` characters, cut at line ends where possible. */
export function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (let line of text.split('\n')) {
    while (line.length > max) {
      if (current) out.push(current), (current = '');
      const head = cut(line, max);
      out.push(head);
      line = line.slice(head.length);
    }
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length > max) out.push(current), (current = line);
    else current = joined;
  }
  if (current) out.push(current);
  return out;
}

/** Pieces kept while their total stays within `budget`; a note replaces what is left out. */
export function fitPieces(pieces: string[], maxCount: number, budget: number, noteFor: (omitted: number) => string): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const [i, p] of pieces.entries()) {
    const rest = pieces.length - i;
    const note = noteFor(pieces.slice(i).reduce((n, q) => n + q.length, 0));
    const room = kept.length < maxCount - (rest > 1 ? 1 : 0) && used + p.length + (rest > 1 ? note.length : 0) <= budget;
    if (!room) {
      kept.push(note);
      return kept;
    }
    kept.push(p);
    used += p.length;
  }
  return kept;
}

/** Text safe inside XML and HTML. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Plain text of the report for e-mail: the Markdown without entities or escapes. */
export function plainText(markdown: string): string {
  return adaptMarkdown(markdown, 'teams').replace(/\*\*(.+?)\*\*/g, '$1');
}

/** A small HTML rendering (e-mail alternative, Atom content): every character of the text escaped. */
export function htmlOf(summary: string, plain: string, link: string | null): string {
  const linkHtml = link ? `<p><a href="${escapeXml(link)}">${escapeXml(link)}</a></p>` : '';
  return `<p><strong>${escapeXml(summary)}</strong></p>${linkHtml}<pre style="white-space:pre-wrap">${escapeXml(plain)}</pre>`;
}
