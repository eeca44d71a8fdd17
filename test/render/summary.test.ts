// The one-line verdict under a report's header.
import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../src/index.js';
import type { PageReport, Summary } from '../../src/model.js';

const none: Summary = { added: 0, dropped: 0, edited: 0, 'out-of-view': 0, 'into-view': 0, merged: 0, unchanged: 0, moved: 0, movedOnly: 0, fields: {} };
const quietPage: PageReport = { title: null, updated: null, postCount: null, bylines: null, deepLink: null, deletionsOutsideView: 0, notes: [] };

describe('summaryLine', () => {
  it('names each status with its count in one order, edited fields, and the unchanged posts last, one bracket group at most', () => {
    expect(summaryLine({ ...none, added: 2, edited: 1, fields: { headline: 1 }, 'out-of-view': 2, unchanged: 5 })).toBe(
      '2 added, 1 edited (headline), 2 out of view; 5 unchanged',
    );
    expect(summaryLine({ ...none, edited: 3, fields: { time: 1, body: 3 }, moved: 1, movedOnly: 1, dropped: 1, 'into-view': 1 })).toBe(
      '1 dropped, 3 edited (time 1, body), 1 moved, 1 into view',
    );
  });

  it('counts each post once: an unchanged post that moved as moved, an edited one that moved as edited', () => {
    // reordered: 9 posts, 2 of them moved and otherwise unchanged (was `2 moved; 9 unchanged`).
    expect(summaryLine({ ...none, unchanged: 9, moved: 2, movedOnly: 2 })).toBe('2 moved; 7 unchanged');
    // time-updated: the edited post moved too (was `1 edited (time), 1 moved; 8 unchanged`).
    expect(summaryLine({ ...none, edited: 1, fields: { time: 1 }, unchanged: 8, moved: 1 })).toBe('1 edited (time, moved); 8 unchanged');
    expect(summaryLine({ ...none, edited: 3, fields: { body: 3 }, unchanged: 4, moved: 3, movedOnly: 2 })).toBe('3 edited (body, moved 1), 2 moved; 2 unchanged');
    expect(summaryLine({ ...none, unchanged: 2, moved: 2, movedOnly: 2 })).toBe('2 moved');
  });

  it('says what changed on the page when no post changed', () => {
    expect(summaryLine({ ...none, unchanged: 9 }, quietPage)).toBe('no changes; 9 unchanged');
    expect(summaryLine({ ...none, unchanged: 9 }, { ...quietPage, postCount: { old: 11, new: 10 }, deletionsOutsideView: 1 })).toBe(
      'no post changes, page changed (post count); 9 unchanged',
    );
    // A deep link alone says how the page was opened, not that it changed.
    expect(summaryLine({ ...none, unchanged: 9 }, { ...quietPage, deepLink: { old: 'x', new: null } })).toBe('no changes; 9 unchanged');
  });
});
