// Capture text is untrusted: make control characters, escapes and bidi overrides visible, never active.

/** C0 controls except newline, DEL, C1 controls, bidi embeddings/overrides/isolates and marks, line/paragraph separators. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text safe to print on a terminal: every unsafe character shown as `\xNN` / `\uNNNN`. Newlines become `\x0a`. */
export function sanitizeInline(text: string): string {
  return text.replace(UNSAFE, escapeChar).replace(/\n/g, '\\x0a');
}

/** As sanitizeInline, but newlines are kept (for multi-line blocks). */
export function sanitizeLines(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** JSON text with the characters JSON.stringify leaves raw but a terminal would act on escaped as \uNNNN. */
export function sanitizeJson(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
