// The adapter interface: one per input format, each able to say whether a text looks like its format.
import type { Capture } from '../model.js';

export interface ParseOptions {
  /** Name shown in messages and reports (a file path, `-`). */
  source: string;
  /**
   * Where the post fields are, for formats that need telling (see docs/input-formats.md). `html`: CSS
   * selectors (`post`, `time`, `headline`, `body`; `id` is an attribute name or `selector@attribute`).
   * `feed`: dot paths into each item (`meta.id`, `content.title`); `post` is the path to the items array.
   * Missing fields are guessed; the `jsonld` and `text` adapters ignore them.
   */
  fields?: { post?: string; time?: string; headline?: string; id?: string; body?: string };
}

export interface Adapter {
  /** Short name: `--input-format` takes it and `--format json` reports it. */
  name: string;
  /** Whether the decoded text looks like this format; cheap, looks at the start only. */
  detect(text: string): boolean;
  /** Parse, or throw an InputError naming the source, the line, what was expected and what was found. */
  parse(text: string, options: ParseOptions): Capture;
}
