// The committed Action bundle (action/index.cjs) is exactly a fresh build of src/: it cannot go stale.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';

describe('action/index.cjs', () => {
  it('is what `node scripts/build.mjs --action` builds from the sources now', () => {
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--check-action'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
