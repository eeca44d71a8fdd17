// Lines fitted to the terminal's width at word boundaries, with a hanging indent that repeats the marker.
import stringWidth from 'string-width';

/** A run of text painted one way (colour is applied per piece after wrapping, so codes never split). */
export interface Span {
  text: string;
  paint?: (s: string) => string;
}

/** Display columns: CJK and emoji take two, combining marks none (string-width knows the tables). */
export const displayWidth = (s: string): number => stringWidth(s);

/**
 * Split `spans` into lines of at most `width` columns, breaking at spaces (a word longer than a line is
 * cut). The first line starts with `first`, every other with `next` (the same indent and marker, so a
 * wrapped `+` line still reads as added). Without a width, one line. Spaces at a break are dropped.
 */
export function wrapSpans(spans: readonly Span[], width: number | undefined, first: Span, next: Span = first): Span[][] {
  if (width === undefined) return [[first, ...spans]];
  const room = (prefix: Span) => Math.max(10, width - displayWidth(prefix.text));
  // Tokens: a word or a run of spaces, each remembering its span's paint.
  const tokens: Span[] = [];
  for (const s of spans) for (const t of s.text.match(/\s+|\S+/g) ?? []) tokens.push({ text: t, paint: s.paint });
  const lines: Span[][] = [];
  let line: Span[] = [first];
  let used = 0;
  let limit = room(first);
  const push = () => {
    lines.push(line);
    line = [next];
    used = 0;
    limit = room(next);
  };
  for (const token of tokens) {
    const w = displayWidth(token.text);
    const blank = /^\s/.test(token.text);
    if (used + w <= limit) {
      if (!(blank && used === 0 && lines.length > 0)) line.push(token), (used += w);
      continue;
    }
    if (blank) {
      push();
      continue;
    }
    if (used > 0) push();
    // A word wider than a whole line: cut it by characters.
    let rest = token.text;
    while (displayWidth(rest) > limit) {
      let cut = '';
      for (const ch of rest) {
        if (displayWidth(cut + ch) > limit) break;
        cut += ch;
      }
      if (cut === '') cut = [...rest][0]!;
      line.push({ text: cut, paint: token.paint });
      rest = rest.slice(cut.length);
      push();
    }
    if (rest !== '') line.push({ text: rest, paint: token.paint }), (used += displayWidth(rest));
  }
  lines.push(line);
  return lines.map((l) => trimEnd(l));
}

/** Drop trailing spaces of a line (a break falls on them). */
function trimEnd(line: Span[]): Span[] {
  const out = [...line];
  while (out.length > 1 && /^\s+$/.test(out.at(-1)!.text)) out.pop();
  return out;
}

/** A wrapped line as text: each piece painted. Adjacent pieces of one paint are joined first. */
export function paintLine(line: readonly Span[]): string {
  const merged: Span[] = [];
  for (const s of line) {
    const last = merged.at(-1);
    if (last && last.paint === s.paint) last.text += s.text;
    else merged.push({ ...s });
  }
  return merged.map((s) => (s.paint ? s.paint(s.text) : s.text)).join('');
}

/**
 * Cut `text` to `width` columns at a word, with an ellipsis: `Kremlin says Putin and…`. Text that fits
 * is returned as it is.
 */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return '…';
  let cut = '';
  for (const ch of text) {
    if (displayWidth(cut + ch) > width - 1) break;
    cut += ch;
  }
  const atWord = cut.replace(/\s+\S*$/, '');
  // A single long word: cut inside it rather than show nothing.
  return `${(atWord.length >= cut.length / 2 ? atWord : cut).trimEnd()}…`;
}
