// The flip-flop guard of `check` (--settle N), after urlwatch's compared_versions: a post that vanishes
// and comes back within N captures (a flaky load, an A/B test) is reported once, when it first goes; its
// return, and every further flip while it keeps flipping within N captures, are not reported. The state
// remembers, per post (a hash of its publisher id, else its time and headline), the capture at which it
// last went or came back, numbered by the readable captures the runs compared.
import type { PostChange, PostRef, Report } from '../../model.js';
import { sha256 } from './state.js';

export interface SettleState {
  /** Readable captures compared so far (the number of the newest). */
  index: number;
  /** Post key → the capture number at which it last went or came back (only the last N are kept). */
  posts: Record<string, number>;
}

const keyOf = (p: PostRef) => sha256(p.id ?? `${p.time}\n${p.headline.toLowerCase()}`).slice(0, 16);

export class Settle {
  private readonly posts: Map<string, number>;
  private index: number;

  constructor(
    private readonly n: number,
    state: SettleState | undefined,
  ) {
    this.posts = new Map(Object.entries(state?.posts ?? {}));
    this.index = state?.index ?? 0;
  }

  /** The next capture's report with the flips of the last N captures left out (counts adjusted). */
  apply(report: Report): Report {
    this.index++;
    if (this.n <= 0) return report;
    const hidden = new Set<PostChange>();
    for (const p of report.posts) {
      const ref = p.status === 'dropped' ? p.old : p.status === 'added' ? p.new : null;
      if (ref === null) continue;
      const key = keyOf(ref);
      const last = this.posts.get(key);
      const flipping = last !== undefined && this.index - last <= this.n;
      // A drop is remembered even when reported; a return only when it is a flip back.
      if (p.status === 'dropped' || flipping) this.posts.set(key, this.index);
      if (flipping) hidden.add(p);
    }
    if (hidden.size === 0) return report;
    const summary = { ...report.summary };
    for (const p of hidden) summary[p.status as 'added' | 'dropped']--;
    return { ...report, posts: report.posts.filter((p) => !hidden.has(p)), summary };
  }

  /** What the state keeps: only posts that flipped within the last N captures. */
  state(): SettleState | undefined {
    const posts = Object.fromEntries([...this.posts].filter(([, at]) => this.index - at < this.n));
    return { index: this.index, posts };
  }
}
