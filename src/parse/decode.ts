// Bytes → text, refusing what is not a text capture (empty, binary, invalid UTF-8, too large).
import { Buffer, isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';

/** Largest input read by default: far above any real page, low enough to keep memory bounded. */
export const DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47];
const PDF = [0x25, 0x50, 0x44, 0x46];
const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function describeBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, PNG)) return 'a PNG image';
  if (startsWith(bytes, PDF)) return 'a PDF document';
  if (startsWith(bytes, GZIP)) return 'gzip-compressed data';
  if (startsWith(bytes, ZIP)) return 'a ZIP archive';
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return 'binary data (NUL bytes)';
  return null;
}

/** A size for messages: bytes, KiB or MiB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Two sizes for "expected at most A, found B": in bytes when rounding would show them equal (64 MiB + 1). */
export function formatSizes(limit: number, size: number): [string, string] {
  const a = formatSize(limit);
  const b = formatSize(size);
  return a === b && limit !== size ? [`${limit} bytes`, `${size} bytes`] : [a, b];
}

/** The encoding a byte order mark at the start names, or null without one. */
export function bomCharset(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Decodes legacy character sets correctly (set by charset.ts when the formats load: the library that does it
 * costs start-up). Until then, Node's TextDecoder, which is right for UTF-8 and UTF-16.
 */
let legacyDecoder: ((bytes: Uint8Array, charset: string) => string) | null = null;

export function registerLegacyDecoder(decode: (bytes: Uint8Array, charset: string) => string): void {
  legacyDecoder = decode;
}

function expectedText(charset: string): string {
  return charset === 'utf-8' ? 'a UTF-8 text capture of a live page' : `a page in the character set it declares (${charset})`;
}

/**
 * The checks made before decoding: not too large, not empty, not binary (unless a UTF-16 BOM says it is
 * text). Throws an InputError when the bytes fail one.
 */
export function checkCaptureBytes(bytes: Uint8Array, file: string, maxBytes = DEFAULT_MAX_INPUT_BYTES, charset = 'utf-8'): void {
  checkSize(bytes.length, file, maxBytes);
  if (bytes.length === 0) throw new InputError(file, expectedText(charset), 'an empty file');
  const binary = bomCharset(bytes)?.startsWith('utf-16') ? null : describeBinary(bytes);
  if (binary) throw new InputError(file, expectedText(charset), binary);
}

function checkSize(bytes: number, file: string, maxBytes: number): void {
  if (bytes > maxBytes) {
    const [limit, size] = formatSizes(maxBytes, bytes);
    throw new InputError(file, `a capture of at most ${limit}`, size);
  }
}

/**
 * A capture given as a string is held to the same limit as its UTF-8 bytes would be. A string's UTF-8
 * is at most three bytes per UTF-16 unit, so most strings are measured without encoding them.
 */
export function checkCaptureText(text: string, file: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): void {
  if (text.length * 3 > maxBytes) checkSize(Buffer.byteLength(text, 'utf8'), file, maxBytes);
}

/**
 * Decode a capture's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or the character set the page
 * declares (`charset`, a TextDecoder name such as `windows-1252`; a BOM wins over it). Anything else is an
 * InputError.
 */
export function decodeCapture(bytes: Uint8Array, file: string, maxBytes = DEFAULT_MAX_INPUT_BYTES, charset = 'utf-8'): string {
  const expected = expectedText(charset);
  checkCaptureBytes(bytes, file, maxBytes, charset);
  const bom = bomCharset(bytes);
  const encoding = bom ?? charset;
  let text: string;
  if (encoding === 'utf-8' && isUtf8(bytes)) {
    // Validated: Buffer's decoder is several times faster than TextDecoder on large captures.
    const skip = bom === 'utf-8' ? 3 : 0;
    text = Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.byteLength - skip).toString('utf8');
  } else {
    try {
      const utf = encoding === 'utf-8' || encoding.startsWith('utf-16');
      text = !utf && legacyDecoder !== null ? legacyDecoder(bytes, encoding) : new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const at = encoding === 'utf-8' ? firstInvalidUtf8(bytes) : null;
      throw new InputError(file, expected, `invalid ${encoding.toUpperCase()}${at === null ? '' : ` at byte ${at}`}`);
    }
  }
  if (text.trim() === '') throw new InputError(file, expected, 'only white space');
  return text;
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (len === 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return null;
}
