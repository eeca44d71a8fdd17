// `livediff OLD NEW` alone runs without yargs (src/cli/main.ts): its arguments must be the ones yargs gives.
import type { CommandModule } from 'yargs';
import { describe, expect, it } from 'vitest';
import { diffCommand, plainDiffArgs } from '../../src/cli/diff-command.js';
import { COMMANDS, commandLine, commandModules, isPlainDiff } from '../../src/cli/main.js';
import { runCli } from '../helpers/run.js';

/** What the diff command's handler gets from yargs, with the command line main.ts builds. */
async function yargsArgs(argv: string[]): Promise<unknown> {
  let seen: unknown = null;
  const diff = { ...diffCommand(() => {}), handler: (args: unknown) => void (seen = args) } as CommandModule<object, never>;
  await (await commandLine(argv, [diff], { command: 'diff', startPager: () => {} })).parseAsync();
  return seen;
}

describe('the plain diff, without yargs', () => {
  const lines = [
    ['old.txt', 'new.txt'],
    ['007', '008'],
    ['a b.txt', 'dir/c.d.txt'],
    ['help', 'version'],
    ['true', 'false'],
    ['x=1', 'y'],
  ];
  it.each(lines)('gets what yargs gives for %s %s', async (a, b) => {
    expect(isPlainDiff([a!, b!])).toBe(true);
    expect(plainDiffArgs(a!, b!)).toEqual(await yargsArgs([a!, b!]));
  });

  it('is only two operands, no option, the first no command', () => {
    for (const argv of [['a'], ['a', 'b', 'c'], ['a', '-'], ['-', 'b'], ['a', 'b', '--json'], ['--color', 'a'], ['log', 'b'], ['watch', 'b'], ['git', 'x']]) {
      expect(isPlainDiff(argv)).toBe(false);
    }
  });

  it('knows every command yargs knows', () => {
    const names = commandModules(() => {}).flatMap((m) => [m.command ?? []].flat().map((c) => c.split(' ')[0]!)).filter((c) => c !== '$0');
    expect([...COMMANDS].sort()).toEqual([...names, 'completion'].sort());
  });

  it('prints what the same line through yargs prints', () => {
    const pair = ['test/fixtures/march22-real/old.txt', 'test/fixtures/march22-real/new.txt'];
    const plain = runCli(pair);
    // `--pager` is yargs' default: the same arguments, but the line is no longer plain.
    const parsed = runCli([...pair, '--pager']);
    expect(plain.status).toBe(1);
    expect(plain.stdout.length).toBeGreaterThan(1000);
    expect(plain).toEqual(parsed);
  });
});
