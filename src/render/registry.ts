// What a renderer is: (document, context) → text (a string, or its pieces), and a registry mapping each output format of one
// document kind to its renderer. The CLI's --format choices and the Action's `format` input are its keys.
import type { OnlyValue } from './select.js';

/** What every renderer may be told besides the document. Formats take what concerns them and ignore the rest. */
export interface RenderContext {
  /** Colour the output: the CLI decides (--color, NO_COLOR, a terminal); only the terminal format uses it. */
  color: boolean;
  /** What to show, as `--only` says (default: every change, no unchanged post). */
  only?: readonly OnlyValue[];
  /** Terminal: one heading per post, no text. */
  brief?: boolean;
  /** Terminal: one line per post with the words added and removed (`--stat`, as `git diff --stat`). */
  stat?: boolean;
  /** Terminal: the columns to wrap at (--width, else the terminal's); none for a pipe or a file. */
  width?: number;
  /** Terminal, Markdown and HTML: the zone ISO and RFC 2822 times are shown in (`--tz`; default: the local zone). */
  timeZone?: string;
  /** Terminal, Markdown and HTML: say under each post why it got its status (render/evidence.ts). */
  explain?: boolean;
}

/**
 * A document's text: one string, or its pieces in order, for a document that can be larger than a string
 * may be (the JSON formats: render/json-pieces.ts). Writers write the pieces as they come.
 */
export type Rendered = string | Generator<string, void, undefined>;

/** The whole text of a rendered document (what a library caller or a test compares). */
export function textOf(rendered: Rendered): string {
  return typeof rendered === 'string' ? rendered : [...rendered].join('');
}

export type Renderer<D, C extends RenderContext = RenderContext> = (document: D, context: C) => Rendered;

/** The formats every document kind has; a registry without one of them is a compile error. */
export type CoreFormat = 'terminal' | 'json' | 'markdown';

/**
 * Output formats of one document kind and their renderers (vitest's ReportersMap is the model). Declare
 * one with `satisfies Registry<Doc>` and name its formats `keyof typeof` it: a format then cannot be
 * offered without a renderer, and a kind may add formats of its own (one line each).
 */
export type Registry<D, C extends RenderContext = RenderContext> = Readonly<Record<CoreFormat, Renderer<D, C>>> &
  Readonly<Record<string, Renderer<D, C>>>;

/** A registry's formats, in the order it lists them (for --format choices and the Action's input). */
export function formatsOf<R extends object>(registry: R): Array<keyof R & string> {
  return Object.keys(registry) as Array<keyof R & string>;
}

/** The file extension a report in this format is written with (the Action's report file). */
export function extensionOf(format: string): string {
  return ({ terminal: 'txt', markdown: 'md' } as Record<string, string>)[format] ?? format;
}
