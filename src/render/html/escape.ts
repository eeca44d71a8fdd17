// Capture text is untrusted: HTML-escape everything, show invisible controls and bidi overrides as escapes.
import { sanitizeInline } from '../sanitize.js';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for an HTML element or a quoted attribute: controls, bidi embeddings/overrides/isolates and line
 * separators made visible (`\u202e`) as on the terminal, so a capture cannot reorder what is shown.
 */
export function esc(text: string): string {
  return sanitizeInline(text).replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

/**
 * A value as JSON inside `<script type="application/json">`: `<`, `>` and `&` escaped as `\u003c`…
 * so no `</script>` or `<!--` in capture text can end the element; U+2028/2029 escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
