// Entry to the parse stage: pick an adapter (detected or forced) and turn bytes or text into a Capture.
import { InputError, UsageError } from '../errors.js';
import type { Capture } from '../model.js';
import type { Adapter } from './adapter.js';
import { decodeCapture } from './decode.js';
import { textAdapter } from './text.js';

/** Adapters in detection order: the most specific first, plain text last. */
export const ADAPTERS: readonly Adapter[] = [textAdapter];

export interface ParseCaptureOptions {
  /** Name for messages; defaults to `capture`. */
  source?: string;
  /** Force an adapter by name instead of detecting one. */
  format?: string;
  /** Refuse inputs larger than this many bytes. */
  maxBytes?: number;
}

export function findAdapter(name: string): Adapter {
  const adapter = ADAPTERS.find((a) => a.name === name);
  if (!adapter) throw new UsageError(`unknown input format '${name}' (known: ${ADAPTERS.map((a) => a.name).join(', ')})`);
  return adapter;
}

/** Parse a capture from its bytes or decoded text. */
export function parseCapture(input: string | Uint8Array, options: ParseCaptureOptions = {}): Capture {
  const source = options.source ?? 'capture';
  const text = typeof input === 'string' ? input : decodeCapture(input, source, options.maxBytes);
  if (typeof input === 'string' && text.trim() === '') {
    throw new InputError(source, 'a text capture of a live page', 'only white space');
  }
  const adapter = options.format ? findAdapter(options.format) : (ADAPTERS.find((a) => a.detect(text)) ?? textAdapter);
  return adapter.parse(text, { source });
}
