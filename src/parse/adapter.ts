// The adapter interface: one per input format, each able to say whether a text looks like its format.
import type { Capture } from '../model.js';

export interface ParseOptions {
  /** Name shown in messages and reports (a file path, `-`). */
  source: string;
}

export interface Adapter {
  /** Short name: `--input-format` takes it and `--format json` reports it. */
  name: string;
  /** Whether the decoded text looks like this format; cheap, looks at the start only. */
  detect(text: string): boolean;
  /** Parse, or throw an InputError naming the source, the line, what was expected and what was found. */
  parse(text: string, options: ParseOptions): Capture;
}
