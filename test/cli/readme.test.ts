// Every option the CLI accepts is documented in the README, and the README starts with the two commands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function optionsOf(help: string): string[] {
  return [...help.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]!);
}

describe('README', () => {
  it('documents every option of every command', () => {
    const commands = [[], ...[...runCli(['--help']).stdout.matchAll(/^\s+livediff (\w+)\b/gm)].map((m) => [m[1]!])];
    const options = new Set(commands.flatMap((c) => optionsOf(runCli([...c, '--help']).stdout)));
    expect(options.size).toBeGreaterThan(8);
    const missing = [...options].filter((o) => !readme.includes(`\`${o}`));
    expect(missing).toEqual([]);
  });

  it('opens with the install-and-run command and `npm test`', () => {
    const firstBlock = readme.split('```')[1]!;
    expect(firstBlock).toMatch(/npm (ci|install) && npm start/);
    expect(firstBlock).toContain('npm test');
  });
});
