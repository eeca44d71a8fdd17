// The adapter interface: one per input format, each able to say whether a text looks like its format.
import { InputError } from '../errors.js';
import type { Capture, Post } from '../model.js';

/**
 * Most posts one capture may yield, in any format. A capture is at most 64 MiB; past this many posts it is
 * not a page a person reads, and every later stage would pay for them (a million posts of a few bytes
 * each, 37 MiB of text, took 11 s and 1.6 GB). Beyond it: exit 2, one line.
 */
export const MAX_POSTS = 250_000;

/**
 * Most lines of text one capture may hold, in any format: each non-blank line is a block, and a post of
 * 20 million one-word paragraphs (a 60 MB text capture) ran V8 out of memory when diffed. A capture of
 * 64 MiB of real posts has under a million (the bench's: 817,000); at the bound, a post of 1.5 million
 * one-line paragraphs, one of them edited, diffs in 2.2 s and 615 MiB (docs/robustness.md).
 */
export const MAX_TEXT_LINES = 1_500_000;

/**
 * Refuse a capture of more than MAX_TEXT_LINES lines (before they are parsed). `exact`: `count` is the
 * whole count, not one that stopped past the bound (countLines), which the message then calls `more`.
 */
export function checkLineCount(count: number, source: string, expected: string, exact = true): void {
  if (count > MAX_TEXT_LINES) {
    const found = `${exact ? count.toLocaleString('en-US') : 'more'} lines`;
    throw new InputError(source, `${expected}, at most ${MAX_TEXT_LINES.toLocaleString('en-US')} lines`, found);
  }
}

/** Refuse a capture of more than MAX_POSTS posts (before any is parsed). */
export function checkPostCount(count: number, source: string, expected: string): void {
  if (count > MAX_POSTS) throw new InputError(source, `${expected}, at most ${MAX_POSTS.toLocaleString('en-US')} posts`, `${count.toLocaleString('en-US')} posts`);
}

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

/**
 * A post as an adapter builds it: a Post without its key, which the parse stage computes for every
 * format in one place (parse/index.ts, `postKey`), writable while the adapter builds it.
 */
export type DraftPost = { -readonly [K in Exclude<keyof Post, 'key'>]: Post[K] };

/** A capture as an adapter returns it: its posts not keyed yet. */
export type DraftCapture = Omit<Capture, 'posts'> & { readonly posts: readonly DraftPost[] };

export interface Adapter {
  /** Short name: `--input-format` takes it and `--format json` reports it. */
  name: string;
  /** Whether the decoded text looks like this format; cheap, looks at the start only. */
  detect(text: string): boolean;
  /** Parse, or throw an InputError naming the source, the line, what was expected and what was found. */
  parse(text: string, options: ParseOptions): DraftCapture;
}
