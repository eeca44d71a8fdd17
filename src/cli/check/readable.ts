// Which files of a check's folder are readable captures: a file that is not (empty, an error or login
// page, another format, invalid bytes: any InputError from reading or parsing it) is skipped with one
// warning, the first time a run meets it; the state remembers the files skipped.
import { InputError } from '../../errors.js';
import type { Capture } from '../../model.js';
import { parseCapture, type Reader } from '../../parse/index.js';
import { sanitizeInline as inline } from '../../render/sanitize.js';
import { readInput } from '../io.js';
import { captureOptions, prepareFormats } from '../options.js';
import type { CaptureFile } from './files.js';

/** What reading a capture needs from the command line. */
type ReadArgs = Parameters<typeof captureOptions>[0] & { inputFormat?: string };

/**
 * A file that is not readable as a capture (InputError from reading or parsing), or the capture; parsed by
 * `reader` when given (a chain's one reader, parse/index.ts createReader), else on its own.
 */
export async function tryParse(f: CaptureFile, args: ReadArgs, reader?: Reader): Promise<{ capture: Capture; bytes: Uint8Array } | { error: InputError }> {
  try {
    const bytes = readInput(f.path);
    await prepareFormats([bytes], args.inputFormat);
    const options = { ...captureOptions(args), source: f.source ?? f.path };
    return { capture: reader ? reader.parse(bytes, options) : parseCapture(bytes, options), bytes };
  } catch (error) {
    if (error instanceof InputError) return { error };
    throw error;
  }
}

/** Skipped files: one warning each, the first time a run meets them (the state remembers them). */
export class Skips {
  readonly ids: string[] = [];
  constructor(
    private readonly known: ReadonlySet<string>,
    private readonly warn: (s: string) => void,
  ) {}
  skip(f: CaptureFile, error: InputError): void {
    if (this.ids.includes(f.id)) return;
    this.ids.push(f.id);
    if (!this.known.has(f.id)) this.warn(`livediff: skipped ${inline(error.message)}\n`);
  }
}

/** The newest `count` readable captures, oldest first (files that are not captures are skipped on the way). */
export async function newestGood(files: CaptureFile[], count: number, args: ReadArgs, skips: Skips): Promise<CaptureFile[]> {
  const good: CaptureFile[] = [];
  for (let i = files.length - 1; i >= 0 && good.length < count; i--) {
    const r = await tryParse(files[i]!, args);
    if ('error' in r) skips.skip(files[i]!, r.error);
    else good.unshift(files[i]!);
  }
  return good;
}
