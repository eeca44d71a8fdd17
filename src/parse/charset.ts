// Which character set a capture's bytes are in, and decoding them. Sniffing is encoding-sniffer's (the HTML
// standard's algorithm: byte order mark, XML declaration, `<meta charset>` / `http-equiv` in the first 1024
// bytes); decoding legacy single-byte sets is @exodus/bytes' WHATWG TextDecoder, because Node 20's own
// decodes windows-1252 (and the `latin1`/`iso-8859-1` labels that mean it) as ISO-8859-1
// (nodejs/node#60888): smart quotes and dashes became C1 controls. Multi-byte sets (Shift_JIS, GBK, Big5…),
// which Node decodes right, stay with Node: the lite build leaves out their 200 KB of tables. Both load
// with the formats (see formats.ts), never at start-up.
import { labelToName, TextDecoder as WhatwgTextDecoder } from '@exodus/bytes/encoding-lite.js';
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';
import { registerLegacyDecoder } from './decode.js';

/** How far into the bytes a page must declare its character set (the HTML standard's pre-scan window). */
export const CHARSET_SNIFF_BYTES = 1024;

/** Tab, line feed, form feed, carriage return, space. */
const SPACE_BYTES = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/**
 * The canonical (lower-case) name of a character set label (`latin1` → `windows-1252`), or null when the
 * label is unknown. As in browsers, `x-user-defined` is read as windows-1252.
 */
export function resolveCharset(label: string): string | null {
  const name = labelToName(label.trim())?.toLowerCase() ?? null;
  return name === 'x-user-defined' ? 'windows-1252' : name;
}

/**
 * The character set the bytes declare, as a lower-case WHATWG name: from a byte order mark, else (only when
 * the bytes start with markup, `<` after white space) from an XML declaration or a `<meta charset>` /
 * `<meta http-equiv="Content-Type" content="…; charset=…">` within the first 1024 bytes. Null when nothing
 * is declared (plain text, JSON: read them as UTF-8) or the declared name is unknown. A declaration of
 * UTF-16 in ASCII means UTF-8 (the sniffer applies that rule of the standard).
 */
export function sniffCharset(bytes: Uint8Array): string | null {
  let start = 0;
  while (start < CHARSET_SNIFF_BYTES && SPACE_BYTES.has(bytes[start]!)) start++;
  const sniffer = new Sniffer({ maxBytes: CHARSET_SNIFF_BYTES });
  sniffer.write(bytes.subarray(0, CHARSET_SNIFF_BYTES));
  if (sniffer.resultType === ResultType.BOM) return resolveCharset(sniffer.encoding);
  if (bytes[start] !== 0x3c /* < */ || sniffer.resultType === ResultType.DEFAULT) return null;
  return resolveCharset(sniffer.encoding);
}

/**
 * Decode bytes in the given character set (any WHATWG label; a leading BOM is dropped). Throws RangeError
 * for an unknown label and, unless `fatal` is false, TypeError for bytes that are not valid in it
 * (single-byte sets such as windows-1252 accept every byte).
 */
export function decodeWithCharset(bytes: Uint8Array, charset: string, options: { fatal?: boolean } = {}): string {
  const settings = { fatal: options.fatal ?? true, ignoreBOM: false };
  const name = resolveCharset(charset);
  const Decoder = name !== null && (name === 'utf-8' || name.startsWith('utf-16') || MULTI_BYTE.has(name)) ? TextDecoder : WhatwgTextDecoder;
  return new Decoder(charset, settings).decode(bytes);
}

/** The WHATWG multi-byte legacy sets: decoded by Node (see above). */
const MULTI_BYTE = new Set(['gbk', 'gb18030', 'big5', 'euc-jp', 'iso-2022-jp', 'shift_jis', 'euc-kr']);

// decodeCapture (decode.ts, loaded at start-up) decodes legacy sets with this once the formats are loaded.
registerLegacyDecoder(decodeWithCharset);
