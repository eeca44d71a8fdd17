// Build capture text in the shared capture format, for tests that need a small, exact input.
export interface PostSpec {
  time: string;
  headline: string;
  byline?: string | null;
  captions?: Array<{ text: string; credit: string }>;
  body: string[];
}

export interface CaptureSpec {
  deepLink?: string;
  title?: string | null;
  bylines?: string[];
  updated?: string | null;
  /** The `N Posts` counter; defaults to the number of posts (the capture shows the whole page). */
  count?: number | null;
  posts: PostSpec[];
}

export function renderPost(p: PostSpec): string {
  const lines = [p.time, '', p.headline, ''];
  if (p.byline !== null) lines.push(p.byline ?? "From CNN's Test Reporter", '');
  for (const c of p.captions ?? []) lines.push(c.text, `${c.text} (${c.credit})`, '');
  for (const b of p.body) lines.push(b, '');
  return lines.join('\n');
}

export function makeCapture(spec: CaptureSpec): string {
  const header: string[] = [];
  if (spec.deepLink) header.push(spec.deepLink, '');
  if (spec.title !== null) header.push(spec.title ?? 'March 22, 2023 - Test live page', '');
  for (const b of spec.bylines ?? ['By Test Author, CNN']) header.push(b, '');
  if (spec.updated !== null) header.push(`Updated ${spec.updated ?? '11:59 p.m. ET, March 22, 2023'}`);
  const count = spec.count === undefined ? spec.posts.length : spec.count;
  if (count !== null) header.push(`${count} Posts`);
  header.push('Sort byDropdown arrow');
  return `${header.join('\n')}\n${spec.posts.map(renderPost).join('\n').trimEnd()}`;
}

/** `h:mm a.m. ET, March 22, 2023` for a minute of the day (0–1439). */
export function stamp(minuteOfDay: number, day = 22): string {
  const h24 = Math.floor(minuteOfDay / 60) % 24;
  const m = minuteOfDay % 60;
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h12}:${String(m).padStart(2, '0')} ${h24 < 12 ? 'a' : 'p'}.m. ET, March ${day}, 2023`;
}
