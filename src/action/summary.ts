// The job summary within GitHub's limit (1 MiB per step): whole sections while they fit, then as many
// lines of the next as fit (with any <details> it opened closed), then a note saying what was left out.

export const SUMMARY_LIMIT = 1024 * 1024;
/** Room kept for the note and closing tags. */
const RESERVE = 2048;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Join `sections` into at most `budget` bytes of Markdown. */
export function fitSummary(sections: readonly string[], budget: number, note: (left: number) => string): string {
  const whole = sections.join('\n');
  if (bytes(whole) <= budget) return whole;
  const limit = budget - RESERVE;
  const kept: string[] = [];
  let size = 0;
  let i = 0;
  for (; i < sections.length; i++) {
    const n = bytes(sections[i]!) + 1;
    if (size + n > limit) break;
    kept.push(sections[i]!);
    size += n;
  }
  // The section that does not fit: its first lines, so that one huge report still shows its start.
  const partial: string[] = [];
  for (const line of (sections[i] ?? '').split('\n')) {
    const n = bytes(line) + 1;
    if (size + n > limit) break;
    partial.push(line);
    size += n;
  }
  if (partial.length > 0) {
    const text = partial.join('\n');
    const open = (text.match(/<details>/g)?.length ?? 0) - (text.match(/<\/details>/g)?.length ?? 0);
    kept.push(`${text}\n${'\n</details>'.repeat(Math.max(0, open))}\n`);
  }
  return `${kept.join('\n')}\n${note(sections.length - i)}`;
}
