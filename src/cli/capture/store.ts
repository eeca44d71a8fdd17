// How `livediff capture` stores a page: as UTF-8 unless the page itself says otherwise, under a name that is
// its capture time (UTC, `2026-11-22T10-05-00.123Z.html`, which `log` and `check` order by), never replacing a file.
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic.js';

type Formats = typeof import('../../parse/formats.js');

/** The file extension for a page or feed: from its media type, else its URL, else `html`. */
export function extensionFor(contentType: string | null, url: string): string {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/plain') return 'txt';
  // RSS and Atom feeds (application/rss+xml, application/atom+xml, or served as plain XML).
  if (type.endsWith('+xml') || type === 'application/xml' || type === 'text/xml') return 'xml';
  const ext = /\.(html?|json|txt|xml|rss|atom)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return ext === 'htm' ? 'html' : ext === 'rss' || ext === 'atom' ? 'xml' : (ext ?? 'html');
}

/**
 * The bytes to store. A page whose HTTP header names a legacy character set (`charset=iso-8859-1`) and that
 * is not valid UTF-8 is stored as UTF-8: the header would be lost with the response, and livediff reads
 * valid UTF-8 as UTF-8 whatever the page declares inside (docs/input-formats.md).
 */
export function storedBytes(bytes: Uint8Array, contentType: string | null, formats: Formats): Uint8Array {
  const label = /charset\s*=\s*["']?([^\s"';]+)/i.exec(contentType ?? '')?.[1];
  if (label === undefined || isUtf8(bytes)) return bytes;
  const charset = formats.resolveCharset(label);
  if (charset === null || charset === 'utf-8' || charset.startsWith('utf-16')) return bytes;
  try {
    return Buffer.from(formats.decodeWithCharset(bytes, charset), 'utf8');
  } catch {
    return bytes;
  }
}

/** `2026-11-22T10-05-00.123Z`: ISO 8601 in UTC to the millisecond, colons as dashes (valid on every file system). */
export function captureStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

/**
 * Write the capture atomically as DIR/<stamp>.<ext>; returns its path. When the name is taken (two captures
 * in one millisecond) the stamp moves on a millisecond, so that names sort in the order captures were
 * written, as text and as times (a suffix such as `-1` would sort before the name it follows).
 */
export function storeCapture(dir: string, date: Date, ext: string, bytes: Uint8Array): string {
  for (let n = 0; ; n++) {
    const path = join(dir, `${captureStamp(new Date(date.getTime() + n))}.${ext}`);
    if (writeFileAtomic(path, bytes, { exclusive: true })) return path;
  }
}
