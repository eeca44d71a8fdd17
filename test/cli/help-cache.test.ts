// yargs formats the whole help text when it runs a named command (src/cli/main.ts skipHelpCache): livediff
// never reads it, and making it was about 40 ms of every `check`, `log` and `git` run.
import type { CommandModule } from 'yargs';
import { describe, expect, it } from 'vitest';
import { commandLine, commandModules } from '../../src/cli/main.js';
import { runCli } from '../helpers/run.js';

interface Usage {
  help: () => string;
}

/**
 * Run `argv` through main.ts's command line, its command's handler replaced by a stub: how many times yargs
 * made the help text.
 */
async function helpTextsMade(argv: string[], command: string): Promise<{ made: number; ran: boolean }> {
  let ran = false;
  const modules = commandModules(() => {}).map((m) =>
    String(m.command).startsWith(`${command} `) ? ({ ...m, handler: () => void (ran = true) } as CommandModule<object, never>) : m,
  );
  const parser = await commandLine(argv, modules, { command, startPager: () => {} });
  const usage = (parser as unknown as { getInternalMethods(): { getUsageInstance(): Usage } }).getInternalMethods().getUsageInstance();
  let made = 0;
  const help = usage.help;
  usage.help = function (this: Usage) {
    made++;
    return help.call(this);
  };
  await parser.parseAsync();
  return { made, ran };
}

describe("yargs' help text", () => {
  it('is not made when a named command runs', async () => {
    expect(await helpTextsMade(['log', 'captures/'], 'log')).toEqual({ made: 0, ran: true });
    expect(await helpTextsMade(['check', 'captures/', '--format', 'json'], 'check')).toEqual({ made: 0, ran: true });
  });

  it('is still printed when asked for', () => {
    const r = runCli(['check', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^livediff check <dir>\n\nFor cron: /);
    expect(r.stdout).toContain('--state');
  });
});
