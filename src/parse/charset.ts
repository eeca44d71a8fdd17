// Which character set a capture's bytes are in: byte order mark, XML declaration, or the HTML page's own
// `<meta charset>` / `<meta http-equiv="Content-Type">` in its first 1024 bytes (as browsers pre-scan).
import { Parser } from 'htmlparser2';
import { bomCharset } from './decode.js';

/** How far into the bytes a page must declare its character set (the HTML standard's pre-scan window). */
export const CHARSET_SNIFF_BYTES = 1024;

/** Tab, line feed, form feed, carriage return, space. */
const SPACE_BYTES = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);
/** `charset=…` inside a Content-Type value (not HTML: the value of one attribute). */
const CONTENT_TYPE_CHARSET = /charset\s*=\s*["']?\s*([^\s"';]+)/i;
/** `encoding="…"` inside an XML declaration's text. */
const XML_ENCODING = /\bencoding\s*=\s*["']\s*([^"'\s]+)\s*["']/i;

/**
 * The canonical name of a character set label as TextDecoder knows it (`latin1` → `windows-1252`),
 * or null when the label is unknown. As in browsers, a page that declares UTF-16 in ASCII is not UTF-16:
 * such a declaration means UTF-8, and `x-user-defined` means windows-1252.
 */
export function resolveCharset(label: string): string | null {
  const trimmed = label.trim().toLowerCase();
  if (trimmed === '') return null;
  if (trimmed === 'x-user-defined') return 'windows-1252';
  let encoding: string;
  try {
    encoding = new TextDecoder(trimmed).encoding;
  } catch {
    return null;
  }
  return encoding;
}

/** A declaration found in ASCII text is never UTF-16: the bytes could not have been read as ASCII. */
function declared(label: string | undefined): string | null {
  if (label === undefined) return null;
  const charset = resolveCharset(label);
  return charset !== null && charset.startsWith('utf-16') ? 'utf-8' : charset;
}

/** The first declaration in the markup at the start of `head` (the bytes read as Latin-1, so ASCII is exact). */
function declaredCharset(head: string): string | null {
  let found: string | null = null;
  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        if (found === null && name.toLowerCase() === '?xml') found = declared(XML_ENCODING.exec(data)?.[1]);
      },
      onopentag(name, attribs) {
        if (found !== null || name !== 'meta') return;
        if (attribs.charset !== undefined) found = declared(attribs.charset);
        else if (attribs['http-equiv']?.trim().toLowerCase() === 'content-type' && attribs.content !== undefined) {
          found = declared(CONTENT_TYPE_CHARSET.exec(attribs.content)?.[1]);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(head);
  parser.end();
  return found;
}

/**
 * The character set the bytes declare, as a TextDecoder name: from a byte order mark, else (only when the
 * bytes start with markup, `<` after white space) from an XML declaration or a `<meta charset>` /
 * `<meta http-equiv="Content-Type" content="…; charset=…">` within the first 1024 bytes. Null when nothing
 * is declared (plain text, JSON: read them as UTF-8) or the declared name is unknown.
 */
export function sniffCharset(bytes: Uint8Array): string | null {
  const bom = bomCharset(bytes);
  if (bom !== null) return bom;
  let start = 0;
  while (start < CHARSET_SNIFF_BYTES && SPACE_BYTES.has(bytes[start]!)) start++;
  if (bytes[start] !== 0x3c /* < */) return null;
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(start, CHARSET_SNIFF_BYTES));
  return declaredCharset(head);
}

/**
 * Decode bytes in the given character set (any label TextDecoder knows; a leading BOM is dropped).
 * Throws RangeError for an unknown label and, unless `fatal` is false, TypeError for bytes that are not
 * valid in it (single-byte sets such as windows-1252 accept every byte).
 */
export function decodeWithCharset(bytes: Uint8Array, charset: string, options: { fatal?: boolean } = {}): string {
  return new TextDecoder(charset, { fatal: options.fatal ?? true, ignoreBOM: false }).decode(bytes);
}
