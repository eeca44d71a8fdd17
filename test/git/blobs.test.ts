// Reading blobs through one `git cat-file --batch`, and parsing git's raw diff and file log.
import { describe, expect, it } from 'vitest';
import { readBlobList, readBlobs } from '../../src/git/blobs.js';
import { parseRawDiff } from '../../src/git/changes.js';
import { parseFileLog } from '../../src/git/history.js';
import { Repo } from './repo.js';

describe('readBlobs', () => {
  const repo = new Repo();
  const big = Buffer.alloc(3 * 1024 * 1024 + 7, 'x');
  const files: Record<string, string | Buffer> = { 'big.bin': big, 'empty.txt': '', 'nl.txt': '\n\n' };
  for (let i = 0; i < 200; i++) files[`many/${i}.txt`] = `file ${i}\n`.repeat(i);
  repo.commit(files);
  const oid = (path: string) => repo.git('rev-parse', `HEAD:${path}`);

  it('returns every blob exactly, in order, across chunk boundaries', async () => {
    const names = ['big.bin', 'empty.txt', 'nl.txt', ...Array.from({ length: 200 }, (_, i) => `many/${i}.txt`)];
    const blobs = await readBlobList(names.map(oid), repo.dir);
    expect(blobs[0]!.equals(big)).toBe(true);
    expect(blobs[1]!.length).toBe(0);
    expect(blobs[2]!.toString()).toBe('\n\n');
    for (let i = 0; i < 200; i++) expect(blobs[3 + i]!.toString()).toBe(`file ${i}\n`.repeat(i));
  });

  it('gives null for a missing object or one that is not a blob, and keeps the order', async () => {
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    const blobs = await readBlobList(['0123456789abcdef0123456789abcdef01234567', tree, oid('nl.txt')], repo.dir);
    expect(blobs.map((b) => b?.toString() ?? null)).toEqual([null, null, '\n\n']);
  });

  it('stops git and rejects with the error the callback throws', async () => {
    const names = Array.from({ length: 200 }, (_, i) => oid(`many/${i}.txt`));
    await expect(
      readBlobs(names, repo.dir, (i) => {
        if (i === 3) throw new Error('stop here');
      }),
    ).rejects.toThrow('stop here');
  });
});

describe('parsing git output', () => {
  it('raw diff: statuses from the modes; symlinks and submodules left out', () => {
    const z = '0'.repeat(40);
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const raw = [
      `:100644 100644 ${a} ${b} M`, 'x/modified.txt',
      `:000000 100644 ${z} ${b} A`, 'added.txt',
      `:100755 000000 ${a} ${z} D`, 'deleted.txt',
      `:100644 100644 ${a} ${z} M`, 'worktree.txt',
      `:120000 120000 ${a} ${b} M`, 'link',
      `:160000 160000 ${a} ${b} M`, 'submodule',
      '',
    ].join('\0');
    expect(parseRawDiff(raw)).toEqual([
      { path: 'x/modified.txt', status: 'modified', oldPath: null, oldOid: a, newOid: b },
      { path: 'added.txt', status: 'added', oldPath: null, oldOid: null, newOid: b },
      { path: 'deleted.txt', status: 'deleted', oldPath: null, oldOid: a, newOid: null },
      { path: 'worktree.txt', status: 'modified', oldPath: null, oldOid: a, newOid: null },
    ]);
  });

  it('raw diff: a rename (`R086`, two paths: old, new) and a copy (the new file it makes) among other entries', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const raw = [
      `:100644 100644 ${a} ${b} R086`, 'old.txt', 'new.txt',
      `:100644 100644 ${a} ${a} C100`, 'src.txt', 'copy.txt',
      `:100644 100644 ${a} ${b} M`, 'm.txt',
      '',
    ].join('\0');
    expect(parseRawDiff(raw)).toEqual([
      { path: 'new.txt', status: 'renamed', oldPath: 'old.txt', oldOid: a, newOid: b },
      { path: 'copy.txt', status: 'added', oldPath: null, oldOid: null, newOid: a },
      { path: 'm.txt', status: 'modified', oldPath: null, oldOid: a, newOid: b },
    ]);
  });

  it('file log: one version per commit that leaves a file, deletions skipped, several paths refused', () => {
    const log = [
      '\u0001c1 c1s 100', '', ':000000 100644 0000000 b1 A\tp.txt',
      '\u0001c2 c2s 200', '', ':100644 000000 b1 0000000 D\tp.txt',
      '\u0001c3 c3s 300', '', ':000000 100644 0000000 b3 A\tp.txt', '',
    ].join('\n');
    expect(parseFileLog(log, 'p.txt').map((v) => [v.short, v.blob, v.time.getTime()])).toEqual([
      ['c1s', 'b1', 100_000],
      ['c3s', 'b3', 300_000],
    ]);
    expect(() => parseFileLog(`${log}\u0001c4 c4s 400\n\n:000000 100644 0000000 b4 A\tq.txt\n`, 'dir')).toThrow(/takes one capture file/);
  });
});
