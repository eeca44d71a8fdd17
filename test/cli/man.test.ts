// The man page and the shell completions come from the same option definitions as --help.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run.js';

describe('docs/livediff.1', () => {
  it('is what npm run man makes from the option definitions now', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/man.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('livediff completion', () => {
  it('prints a script for bash, zsh and fish', () => {
    expect(runCli(['completion', 'bash']).stdout).toContain('complete -o bashdefault -o default -F _livediff_yargs_completions livediff');
    expect(runCli(['completion', 'zsh']).stdout).toContain('#compdef livediff');
    expect(runCli(['completion', 'fish']).stdout).toContain('complete -f -c livediff');
  });

  // Reported from an exploratory run: `completion tcsh` printed the bash script and exited 0, so
  // `livediff completion tcsh >> ~/.tcshrc` appended bash to a tcsh file; `completion --help` did too.
  it('refuses a shell it has no script for, in one line, and has help', () => {
    for (const args of [['completion', 'tcsh'], ['completion', 'bash', 'zsh']]) {
      const r = runCli(args);
      expect(r).toMatchObject({ status: 2, stdout: '' });
      expect(r.stderr).toMatch(/^livediff: expected one shell for completion \(bash, zsh or fish; none: \$SHELL's\), found '[a-z ]+'; see livediff completion --help\n$/);
    }
    expect(runCli(['completion', '--help'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^livediff completion \[bash\|zsh\|fish\]\n/) });
  });

  it('answers with the commands and each command\'s options', () => {
    const commands = runCli(['--get-yargs-completions', 'livediff', '']).stdout.split('\n');
    expect(commands).toEqual(expect.arrayContaining(['diff', 'log', 'check', 'git', 'completion']));
    const log = runCli(['--get-yargs-completions', 'livediff', 'log', '--']).stdout.split('\n');
    expect(log).toEqual(expect.arrayContaining(['--since', '--until', '--post', '--pager']));
  });
});
