// Memory a library caller cannot release is a leak: parsing 300 successive 1.26 MB captures and keeping
// none must leave (almost) nothing behind, whether through parseCapture or through a reader then dropped.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./retained.child.ts', import.meta.url));

describe('retained memory', () => {
  it('300 captures of 1.26 MB parsed and dropped, alone or through one reader, leave under 50 MB', () => {
    // A child process with --expose-gc: the heap is measured after collection, in a process of its own.
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, '300'], { encoding: 'utf8' });
    const mb = JSON.parse(out) as { captureMB: number; pure: number; readerAlive: number; readerDropped: number };
    expect(mb.captureMB).toBeGreaterThan(1.2);
    expect(mb.pure).toBeLessThan(50);
    expect(mb.readerDropped).toBeLessThan(50);
    // A living reader holds the last capture's posts, not the series'.
    expect(mb.readerAlive).toBeLessThan(50);
  }, 300_000);
});
