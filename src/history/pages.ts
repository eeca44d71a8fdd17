// A series cut where the page changes (a rollover: a live page that starts a new page every day). The
// detector is the one `livediff OLD NEW` uses (isSamePage in classify/page.ts): two captures are different
// pages when they share no post and carry different titles. Captures with the same title (or without
// one) are the same page without comparing posts, so the cost is one comparison per change of title.
import { diffCaptures, type DiffCapturesOptions } from '../classify/report.js';
import type { Capture, CaptureVersion } from '../model.js';

function differentPages(a: Capture, b: Capture, options: DiffCapturesOptions): boolean {
  const ta = a.page.title?.toLowerCase();
  const tb = b.page.title?.toLowerCase();
  if (ta === undefined || tb === undefined || ta === tb) return false;
  return !diffCaptures(a, b, { ...options, force: true }).samePage;
}

/** The series as runs of captures of one page each, in order (one run when the page never changed). */
export function splitPages<V extends CaptureVersion>(series: readonly V[], options: DiffCapturesOptions = {}): V[][] {
  const pages: V[][] = [];
  let current: V[] = [];
  for (const v of series) {
    const previous = current.at(-1);
    if (previous !== undefined && differentPages(previous.capture, v.capture, options)) {
      pages.push(current);
      current = [];
    }
    current.push(v);
  }
  if (current.length > 0) pages.push(current);
  return pages;
}
